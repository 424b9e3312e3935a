import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { problemMessage } from '../api/messages';
import { ProblemError } from '../api/problem';
import { loadFeatureCatalogue, loadWantedCatalogues, wantFeature } from './features';

function freshI18n() {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { nl: { translation: {} }, en: { translation: {} } }, lng: 'nl', fallbackLng: 'nl', initAsync: false });
  return i18n;
}

describe('feature catalogues arrive with their screens', () => {
  it('has no feature words before the feature is wanted, and has them in the language in use after', async () => {
    const i18n = freshI18n();
    expect(i18n.exists('pvs.queue.title')).toBe(false);
    await wantFeature(i18n, 'pvs');
    expect(i18n.t('pvs.queue.title')).toBe("Kwaliteitscontrole van PV's");
    expect(i18n.getResource('en', 'translation', 'pvs.queue.title')).toBeUndefined();
  });

  it('brings a feature first opened in English in English', async () => {
    const i18n = freshI18n();
    await i18n.changeLanguage('en');
    await wantFeature(i18n, 'pvs');
    expect(i18n.t('pvs.queue.title')).toBe('PV quality control');
  });

  it('loads the words of the features already opened in the new language before a switch', async () => {
    const i18n = freshI18n();
    await wantFeature(i18n, 'pvs');
    await loadWantedCatalogues(i18n, 'en');
    await i18n.changeLanguage('en');
    expect(i18n.t('pvs.queue.title')).toBe('PV quality control');
  });

  it("finds a feature's domain code once its words are loaded", async () => {
    const i18n = freshI18n();
    const problem = new ProblemError(422, { title: 'Unprocessable', status: 422, code: 'no_route_for_phenomenon' });
    const exists = (k: string) => i18n.exists(k);
    const before = problemMessage(i18n.t, problem, exists);
    await loadFeatureCatalogue(i18n, 'investigations', 'nl');
    expect(before).not.toBe(problemMessage(i18n.t, problem, exists));
    expect(problemMessage(i18n.t, problem, exists)).toBe('Voor dit fenomeen is er geen team in de zonale verdeling: kies een team.');
  });
});
