import { PvEvent } from './pv.events';
import { pvHistory, PV_STEPS } from './pv-history.read-model';
import { approved, DOC_SHA, drafted, finalisedEvent, PV_ID, PV_NUMBER, rejected, REPORT_ID, SUPPLEMENT_ID } from './report.fixtures.spec';

const resubmitted: PvEvent = {
  type: 'PvSubmittedForQualityCheck',
  data: {
    pvId: PV_ID,
    reportId: REPORT_ID,
    round: 2,
    corrections: { legalQualification: 'Diefstal (art. 461 en 463 Sw.)' },
    correctionNote: 'Artikel aangevuld',
    submittedBy: 'staff-4081',
    submittedAt: '2025-03-17T09:30:00.000Z',
  },
};

describe('the history of a PV', () => {
  it('names every step with who took it, when, and what it said, in stream order', () => {
    const events: PvEvent[] = [
      drafted(),
      {
        type: 'PvSubmittedForQualityCheck',
        data: { pvId: PV_ID, reportId: REPORT_ID, round: 1, submittedBy: 'staff-4081', submittedAt: '2025-03-16T12:00:00.000Z' },
      },
      rejected(1),
      resubmitted,
      approved(2),
      finalisedEvent(),
      {
        type: 'PvTransmittedToParket',
        data: {
          pvId: PV_ID,
          reportId: REPORT_ID,
          pvNumber: PV_NUMBER,
          parketRef: 'PK-77',
          transmittedBy: 'staff-4081',
          transmittedAt: '2025-03-17T11:00:00.000Z',
        },
      },
      {
        type: 'PvFedToAng',
        data: { pvId: PV_ID, reportId: REPORT_ID, pvNumber: PV_NUMBER, fedBy: 'staff-5092', fedAt: '2025-03-17T12:00:00.000Z' },
      },
    ];
    expect(pvHistory(events)).toEqual([
      {
        position: 1,
        step: 'drafted',
        at: '2025-03-16T11:00:00.000Z',
        by: 'staff-4081',
        content: {
          legalQualification: 'Diefstal (art. 461 Sw.)',
          offenceType: 'fietsdiefstal',
          destination: 'parket',
          documentSha256: DOC_SHA,
        },
      },
      { position: 2, step: 'submitted', at: '2025-03-16T12:00:00.000Z', by: 'staff-4081', round: 1 },
      {
        position: 3,
        step: 'rejected',
        at: '2025-03-17T09:00:00.000Z',
        by: 'staff-5092',
        round: 1,
        reasons: ['Kwalificatie ontbreekt het artikel'],
      },
      {
        position: 4,
        step: 'resubmitted',
        at: '2025-03-17T09:30:00.000Z',
        by: 'staff-4081',
        round: 2,
        corrections: { legalQualification: 'Diefstal (art. 461 en 463 Sw.)' },
        correctionNote: 'Artikel aangevuld',
      },
      { position: 5, step: 'approved', at: '2025-03-17T09:00:00.000Z', by: 'staff-5092', round: 2 },
      { position: 6, step: 'finalised', at: '2025-03-17T10:00:00.000Z', by: 'staff-5092', pvNumber: PV_NUMBER },
      {
        position: 7,
        step: 'transmitted_to_parket',
        at: '2025-03-17T11:00:00.000Z',
        by: 'staff-4081',
        pvNumber: PV_NUMBER,
        destination: 'parket',
        recipientRef: 'PK-77',
      },
      { position: 8, step: 'fed_to_ang', at: '2025-03-17T12:00:00.000Z', by: 'staff-5092', pvNumber: PV_NUMBER },
    ]);
  });

  it('shows the finalised PV a supplementary PV adds to, and a GAS finding sent to the city with its reference', () => {
    const supplement = drafted({ pvId: SUPPLEMENT_ID, destination: 'city_gas', supplements: { pvId: PV_ID, pvNumber: PV_NUMBER } });
    const toCity: PvEvent = {
      type: 'GasFindingTransmittedToCity',
      data: {
        pvId: SUPPLEMENT_ID,
        reportId: REPORT_ID,
        pvNumber: 'GE.55.GAS.000017/2025',
        cityRef: 'STAD-17',
        transmittedBy: 'staff-5092',
        transmittedAt: '2025-03-18T08:00:00.000Z',
      },
    };
    const [first, second] = pvHistory([supplement, toCity]);
    expect(first).toMatchObject({
      step: 'drafted',
      supplements: { pvId: PV_ID, pvNumber: PV_NUMBER },
      content: { destination: 'city_gas' },
    });
    expect(second).toEqual({
      position: 2,
      step: 'transmitted_to_city',
      at: '2025-03-18T08:00:00.000Z',
      by: 'staff-5092',
      pvNumber: 'GE.55.GAS.000017/2025',
      destination: 'city_gas',
      recipientRef: 'STAD-17',
    });
  });

  it('has a step name for every kind of PV event', () => {
    expect(new Set(PV_STEPS).size).toBe(PV_STEPS.length);
  });
});
