import { dataSubjectCriteria, normalizeName, sameName } from './data-subjects';

describe('names as a data-subject request compares them', () => {
  it('ignores case, diacritics and spacing', () => {
    expect(normalizeName('  Hélène   Dupré ')).toBe('helene dupre');
    expect(normalizeName('HÉLÈNE DUPRÉ')).toBe('helene dupre');
    expect(normalizeName('Çelik Øzdemir')).toBe('celik ozdemir');
    expect(normalizeName('Łukasz Wąsowski')).toBe('lukasz wasowski');
    expect(normalizeName("Noël D'Hondt-Van Daële")).toBe("noel d'hondt-van daele");
  });

  it('keeps what is not a diacritic: other letters, hyphens and apostrophes, ß and æ', () => {
    expect(normalizeName('Jean-Pierre O’Neill')).toBe('jean-pierre o’neill');
    expect(normalizeName('Straße Æbelø')).toBe('straße æbelo');
    expect(normalizeName('Koen Claes')).not.toBe(normalizeName('Koen Claessens'));
  });

  it('finds the person under a spelling that differs only so', () => {
    const criteria = dataSubjectCriteria({ name: 'Helene Dupre' });
    expect(sameName(criteria, 'Hélène Dupré')).toBe(true);
    expect(sameName(criteria, 'HELENE  DUPRE')).toBe(true);
    expect(sameName(criteria, 'Hélène Dupont')).toBe(false);
  });
});
