import { describe, expect, it } from 'vitest';
import { toResubmission } from './resubmit-form';

const pv = { legalQualification: 'Diefstal (art. 461 Sw.)', offenceType: 'fietsdiefstal', destination: 'parket' as const };

describe('a resubmission after a rejection', () => {
  it('sends as corrections only what changed, trimmed, with the note', () => {
    expect(
      toResubmission(pv, {
        corrections: {
          legalQualification: ' Diefstal met braak (art. 461 en 467 Sw.) ',
          offenceType: 'fietsdiefstal',
          destination: 'parket',
          documentSha256: '',
        },
        correctionNote: ' Artikel aangevuld ',
      }),
    ).toEqual({ corrections: { legalQualification: 'Diefstal met braak (art. 461 en 467 Sw.)' }, correctionNote: 'Artikel aangevuld' });
  });

  it('sends a new document and destination, and no corrections at all when nothing changed', () => {
    expect(
      toResubmission(pv, { corrections: { ...pv, destination: 'city_gas', documentSha256: 'b'.repeat(64) }, correctionNote: 'GAS' }),
    ).toEqual({ corrections: { destination: 'city_gas', documentSha256: 'b'.repeat(64) }, correctionNote: 'GAS' });
    expect(toResubmission(pv, { corrections: { ...pv, documentSha256: '' }, correctionNote: 'Handtekening toegevoegd op papier' })).toEqual(
      { correctionNote: 'Handtekening toegevoegd op papier' },
    );
  });
});
