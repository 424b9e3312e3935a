import type { i18n as I18n } from 'i18next';
import type { evidenceNl } from '@/features/evidence/i18n/nl';
import type { counterNl } from '@/features/counter/i18n/nl';
import type { foundObjectsNl } from '@/features/found-objects/i18n/nl';
import type { integrityNl } from '@/features/integrity/i18n/nl';
import type { dashboardNl } from '@/features/dashboard/i18n/nl';
import type { dpoNl } from '@/features/dpo/i18n/nl';
import type { investigationsNl } from '@/features/investigations/i18n/nl';
import type { pvsNl } from '@/features/pvs/i18n/nl';
import type { reportsNl } from '@/features/reports/i18n/nl';
import type { opsNl } from '@/features/ops/i18n/nl';
import type { retentionNl } from '@/features/retention/i18n/nl';
import type { Language } from './i18n';

/**
 * Feature catalogues, loaded with the feature's screens rather than up front: the console's first
 * load carries only the shell's words (lib/i18n/locales) and each feature's words arrive with its
 * first screen, in the language in use (and the other language only when the user switches).
 *
 * A feature registers here with an entry in FEATURE_CATALOGUES (its name, the top-level key of its
 * words `t('<name>.…')`, and a loader per language) and its type in FeatureCatalogues. Its router lines are wrapped in `feature('<name>', () => import(…))`.
 */
export const FEATURE_CATALOGUES = {
  reports: {
    nl: () => import('@/features/reports/i18n/nl').then((m) => m.reportsNl),
    en: () => import('@/features/reports/i18n/en').then((m) => m.reportsEn),
  },
  pvs: {
    nl: () => import('@/features/pvs/i18n/nl').then((m) => m.pvsNl),
    en: () => import('@/features/pvs/i18n/en').then((m) => m.pvsEn),
  },
  investigations: {
    nl: () => import('@/features/investigations/i18n/nl').then((m) => m.investigationsNl),
    en: () => import('@/features/investigations/i18n/en').then((m) => m.investigationsEn),
  },
  evidence: {
    nl: () => import('@/features/evidence/i18n/nl').then((m) => m.evidenceNl),
    en: () => import('@/features/evidence/i18n/en').then((m) => m.evidenceEn),
  },
  counter: {
    nl: () => import('@/features/counter/i18n/nl').then((m) => m.counterNl),
    en: () => import('@/features/counter/i18n/en').then((m) => m.counterEn),
  },
  foundObjects: {
    nl: () => import('@/features/found-objects/i18n/nl').then((m) => m.foundObjectsNl),
    en: () => import('@/features/found-objects/i18n/en').then((m) => m.foundObjectsEn),
  },
  integrity: {
    nl: () => import('@/features/integrity/i18n/nl').then((m) => m.integrityNl),
    en: () => import('@/features/integrity/i18n/en').then((m) => m.integrityEn),
  },
  dpo: {
    nl: () => import('@/features/dpo/i18n/nl').then((m) => m.dpoNl),
    en: () => import('@/features/dpo/i18n/en').then((m) => m.dpoEn),
  },
  dashboard: {
    nl: () => import('@/features/dashboard/i18n/nl').then((m) => m.dashboardNl),
    en: () => import('@/features/dashboard/i18n/en').then((m) => m.dashboardEn),
  },
  ops: {
    nl: () => import('@/features/ops/i18n/nl').then((m) => m.opsNl),
    en: () => import('@/features/ops/i18n/en').then((m) => m.opsEn),
  },
  retention: {
    nl: () => import('@/features/retention/i18n/nl').then((m) => m.retentionNl),
    en: () => import('@/features/retention/i18n/en').then((m) => m.retentionEn),
  },
} satisfies { [K in keyof FeatureCatalogues]: Record<Language, () => Promise<FeatureCatalogues[K]>> };

export type FeatureName = keyof typeof FEATURE_CATALOGUES;

/** Each feature's words as its Dutch source types them (type-only imports: nothing is bundled), for `t`. */
export interface FeatureCatalogues {
  reports: typeof reportsNl;
  pvs: typeof pvsNl;
  investigations: typeof investigationsNl;
  evidence: typeof evidenceNl;
  counter: typeof counterNl;
  foundObjects: typeof foundObjectsNl;
  integrity: typeof integrityNl;
  dpo: typeof dpoNl;
  dashboard: typeof dashboardNl;
  ops: typeof opsNl;
  retention: typeof retentionNl;
}

/** Per i18n instance: the loads begun, and the features whose screens were opened (a language switch loads their words first). */
const state = new WeakMap<I18n, { loads: Map<string, Promise<void>>; wanted: Set<FeatureName> }>();
function stateOf(i18n: I18n) {
  let s = state.get(i18n);
  if (!s) state.set(i18n, (s = { loads: new Map(), wanted: new Set() }));
  return s;
}

/** Loads a feature's words in one language into i18n (once; a failed load is tried again next time). */
export function loadFeatureCatalogue(i18n: I18n, name: FeatureName, lng: Language): Promise<void> {
  const { loads } = stateOf(i18n);
  const key = `${name}:${lng}`;
  let load = loads.get(key);
  if (!load) {
    load = FEATURE_CATALOGUES[name][lng]().then((words) => {
      i18n.addResourceBundle(lng, 'translation', { [name]: words }, true, true);
    });
    load.catch(() => loads.delete(key));
    loads.set(key, load);
  }
  return load;
}

/** Loads the words of every feature opened so far in `lng`: awaited before the language switches. */
export function loadWantedCatalogues(i18n: I18n, lng: Language): Promise<void> {
  return Promise.all([...stateOf(i18n).wanted].map((name) => loadFeatureCatalogue(i18n, name, lng))).then(() => undefined);
}

/** Every feature's words in every language: for unit tests, which render screens without the router. */
export function loadAllFeatureCatalogues(i18n: I18n): Promise<void> {
  const all = (Object.keys(FEATURE_CATALOGUES) as FeatureName[]).flatMap((name) =>
    (['nl', 'en'] as const).map((lng) => loadFeatureCatalogue(i18n, name, lng)),
  );
  return Promise.all(all).then(() => undefined);
}

/** Marks a feature as wanted and loads its words in the current language. */
export function wantFeature(i18n: I18n, name: FeatureName): Promise<void> {
  stateOf(i18n).wanted.add(name);
  return loadFeatureCatalogue(i18n, name, (i18n.language as Language) || 'nl');
}
