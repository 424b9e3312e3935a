import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '@/lib/i18n/i18n';
import { loadAllFeatureCatalogues } from '@/lib/i18n/features';

afterEach(() => cleanup());

// Screens are rendered without the router, which loads a feature's words with its screen in the product.
beforeAll(() => loadAllFeatureCatalogues(initI18n('nl')));

// jsdom lacks what Mantine measures and listens to.
const nothing = (): undefined => undefined;
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: nothing,
      removeEventListener: nothing,
      addListener: nothing,
      removeListener: nothing,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
class ResizeObserverStub {
  observe = nothing;
  unobserve = nothing;
  disconnect = nothing;
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= nothing;
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: nothing, removeEventListener: nothing, ready: Promise.resolve() },
  });
}
