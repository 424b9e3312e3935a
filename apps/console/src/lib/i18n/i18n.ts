import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setDateLocale } from './dates';
import { FeatureCatalogues, FeatureName, loadWantedCatalogues, wantFeature } from './features';
import { en } from './locales/en';
import { nl } from './locales/nl';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language choice is a preference, not a secret: kept across visits (the token never is). */
const STORAGE_KEY = 'console.language';

function storedLanguage(): Language {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : 'nl';
  } catch {
    return 'nl';
  }
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl & FeatureCatalogues };
  }
}

/**
 * One i18next instance: Dutch by default, English available, every text from the catalogues in
 * ./locales and the features' own (./features: loaded with their screens; keys are type-checked).
 * Switching language also switches the date locale and `<html lang>`.
 */
export const i18n = i18next.createInstance();

export function initI18n(lng: Language = storedLanguage()): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { nl: { translation: nl }, en: { translation: en } },
      lng,
      fallbackLng: 'nl',
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    i18n.on('languageChanged', (l) => {
      setDateLocale(l as Language);
      if (typeof document !== 'undefined') document.documentElement.lang = l;
    });
    setDateLocale(lng);
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  }
  return i18n;
}

export async function changeLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  // The words of the screens already opened, in the new language, before anything re-renders in it.
  await loadWantedCatalogues(i18n, lng);
  await i18n.changeLanguage(lng);
}

/**
 * A router `lazy` loader for a feature's screen that also brings the feature's words:
 * `{ path: 'reports', lazy: feature('reports', () => import('@/features/reports/routes/report-list')) }`.
 */
export function feature<M>(name: FeatureName, load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [screen] = await Promise.all([load(), wantFeature(i18n, name)]);
    return screen;
  };
}
