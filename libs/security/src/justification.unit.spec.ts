import { parseJustification } from './justification';

describe('parseJustification', () => {
  it('accepts a few words and an optional case reference, percent-encoded UTF-8 included', () => {
    expect(parseJustification({})).toEqual({ kind: 'absent' });
    expect(parseJustification({ 'x-justification': '  Verhoor   morgen, dossier voorbereiden ' })).toEqual({
      kind: 'valid',
      justification: { text: 'Verhoor morgen, dossier voorbereiden' },
    });
    expect(
      parseJustification({
        'x-justification': encodeURIComponent('Gelijkaardige feiten in Sint-Amandsberg, één dader?'),
        'x-justification-case': 'GE.55.L1.000123-2026',
      }),
    ).toEqual({
      kind: 'valid',
      justification: { text: 'Gelijkaardige feiten in Sint-Amandsberg, één dader?', caseRef: 'GE.55.L1.000123-2026' },
    });
  });

  it('refuses a justification that says nothing, or a malformed case reference', () => {
    expect(parseJustification({ 'x-justification': 'nodig' })).toEqual({
      kind: 'invalid',
      errors: [{ field: 'X-Justification', detail: 'must say why, in at least 3 words and 15 characters' }],
    });
    expect(parseJustification({ 'x-justification': '. . . . . . . . . . . .' })).toMatchObject({ kind: 'invalid' });
    expect(parseJustification({ 'x-justification': 'Reeks inbraken ' + 'd'.repeat(500) })).toEqual({
      kind: 'invalid',
      errors: [{ field: 'X-Justification', detail: 'must be at most 500 characters' }],
    });
    expect(parseJustification({ 'x-justification': 'Opvolging van de zaak van gisteren', 'x-justification-case': 'PV 123; DROP' })).toEqual(
      {
        kind: 'invalid',
        errors: [{ field: 'X-Justification-Case', detail: 'must be a case reference of letters, digits and . / _ - (at most 64)' }],
      },
    );
    expect(parseJustification({ 'x-justification-case': 'GE.1' })).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'X-Justification' }],
    });
  });
});
