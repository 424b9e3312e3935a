import {
  decideApprovePvQuality,
  decideDraftPv,
  decideFeedPvToAng,
  decideFinalisePv,
  decidePv,
  decideRejectPvQuality,
  decideSubmitPvForQualityCheck,
  decideTransmitPv,
  supplementTarget,
} from './pv.decide';
import { InvalidPvCommand, PvConflict, PvForbidden, PvNotFound } from './pv.errors';
import { PvState } from './pv.state';
import { pvStream } from './report.stream';
import {
  approved,
  at,
  DOC_SHA,
  draftCommand,
  drafted,
  finalisedEvent,
  GAK,
  ONTHAAL,
  pv,
  PV_ID,
  PV_NUMBER,
  rejected,
  REPORT_ID,
  submitted,
  SUPPLEMENT_ID,
} from './report.fixtures.spec';
import { DEFAULT_PV_NUMBER_PATTERN } from '../reports.config';

const AUTHOR = at(ONTHAAL, '2025-03-16T12:00:00.000Z');
const CHECKER = at(GAK, '2025-03-17T09:00:00.000Z');
const OTHER_OFFICER = at({ staffId: 'staff-0001' }, '2025-03-16T12:00:00.000Z');
const AUTHOR_AS_GAK = at({ staffId: 'staff-4081', gak: true }, '2025-03-17T09:00:00.000Z');

const submit =
  (data = {}, metadata = AUTHOR) =>
  (s: PvState) =>
    decideSubmitPvForQualityCheck(s, { type: 'SubmitPvForQualityCheck', data, metadata });
const approve =
  (metadata = CHECKER) =>
  (s: PvState) =>
    decideApprovePvQuality(s, { type: 'ApprovePvQuality', data: {}, metadata });
const reject =
  (reasons: string[] = ['Kwalificatie ontbreekt het artikel'], metadata = CHECKER) =>
  (s: PvState) =>
    decideRejectPvQuality(s, { type: 'RejectPvQuality', data: { reasons }, metadata });
const finalise =
  (pvNumber = PV_NUMBER, pvNumberPattern = DEFAULT_PV_NUMBER_PATTERN, metadata = at(GAK, '2025-03-17T10:00:00.000Z')) =>
  (s: PvState) =>
    decideFinalisePv(s, { type: 'FinalisePv', data: { pvNumber, pvNumberPattern }, metadata });
const transmit = (recipientRef?: string) => (s: PvState) =>
  decideTransmitPv(s, {
    type: 'TransmitPv',
    data: recipientRef === undefined ? {} : { recipientRef },
    metadata: at(ONTHAAL, '2025-03-17T11:00:00.000Z'),
  });
const feed =
  (metadata = at(GAK, '2025-03-17T12:00:00.000Z')) =>
  (s: PvState) =>
    decideFeedPvToAng(s, { type: 'FeedPvToAng', data: { angRef: 'ANG-778' }, metadata });

describe('drafting a PV', () => {
  it('names its own stream pv-<id>', () => {
    expect(pvStream(PV_ID)).toBe(`pv-${PV_ID}`);
  });

  it('records the draft with the acting officer as author and the legal qualification', () => {
    pv.given()
      .when((s) => decidePv(s, draftCommand()))
      .then([drafted()]);
  });

  it.each([
    ['a PV id that is not a UUID', { pvId: 'pv-1' }, 'invalid_id', 'pvId'],
    ['a report id that is not a UUID', { reportId: 'r' }, 'invalid_id', 'reportId'],
    ['no legal qualification', { legalQualification: ' ' }, 'required', 'legalQualification'],
    ['no offence type', { offenceType: '' }, 'required', 'offenceType'],
    ['an unknown destination', { destination: 'court' as never }, 'invalid_value', 'destination'],
    ['a document that is not a SHA-256', { documentSha256: 'abc' }, 'invalid_value', 'documentSha256'],
    ['a supplement of itself', { supplements: { pvId: PV_ID, pvNumber: PV_NUMBER } }, 'invalid_id', 'supplements.pvId'],
    ['a supplement without number', { supplements: { pvId: SUPPLEMENT_ID, pvNumber: '' } }, 'required', 'supplements.pvNumber'],
  ])('refuses %s (422)', (_name, data, code, field) => {
    pv.given()
      .when((s) => decideDraftPv(s, draftCommand(data)))
      .thenThrows({ code, status: 422, field, type: InvalidPvCommand });
  });

  it('refuses to draft twice on one stream (409)', () => {
    pv.given(drafted())
      .when((s) => decideDraftPv(s, draftCommand()))
      .thenThrows({ code: 'pv_already_drafted', status: 409, type: PvConflict });
  });
});

describe('a supplementary PV corrects a finalised one', () => {
  it('references the finalised original from its own stream; the original is untouched', () => {
    const original = pv.fold([drafted(), submitted(), approved(), finalisedEvent()]);
    const target = supplementTarget(original);
    expect(target).toStrictEqual({ pvId: PV_ID, pvNumber: PV_NUMBER });
    pv.given()
      .when((s) =>
        decideDraftPv(
          s,
          draftCommand({ pvId: SUPPLEMENT_ID, supplements: target, legalQualification: 'Diefstal met braak (art. 467 Sw.)' }),
        ),
      )
      .then([
        drafted({
          pvId: SUPPLEMENT_ID,
          legalQualification: 'Diefstal met braak (art. 467 Sw.)',
          supplements: { pvId: PV_ID, pvNumber: PV_NUMBER },
        }),
      ]);
  });

  it('only supplements a finalised PV', () => {
    expect(() => supplementTarget(pv.fold([drafted(), submitted(), approved()]))).toThrow(
      expect.objectContaining({ code: 'pv_not_finalised', status: 409 }),
    );
    expect(() => supplementTarget(pv.fold([]))).toThrow(expect.objectContaining({ code: 'pv_not_found', status: 404 }));
  });

  it('refuses to edit a finalised PV: resubmission, quality decisions and finalising again (409)', () => {
    const history = [drafted(), submitted(), approved(), finalisedEvent()];
    pv.given(...history)
      .when(submit({ correctionNote: 'x' }))
      .thenThrows({ code: 'pv_finalised', status: 409 });
    pv.given(...history)
      .when(reject())
      .thenThrows({ code: 'pv_finalised', status: 409 });
    pv.given(...history)
      .when(finalise())
      .thenThrows({ code: 'pv_finalised', status: 409 });
  });
});

describe('quality control by GAK', () => {
  it('the author submits the draft', () => {
    pv.given(drafted()).when(submit()).then([submitted()]);
  });

  it('refuses a submission by someone other than the author (403), a second submission (409), corrections on a first submission (422), an unknown PV (404)', () => {
    pv.given(drafted()).when(submit({}, OTHER_OFFICER)).thenThrows({ code: 'not_the_author', status: 403, type: PvForbidden });
    pv.given(drafted(), submitted()).when(submit()).thenThrows({ code: 'pv_not_in_draft', status: 409 });
    pv.given(drafted())
      .when(submit({ correctionNote: 'x' }))
      .thenThrows({ code: 'invalid_value', status: 422, field: 'corrections' });
    pv.given().when(submit()).thenThrows({ code: 'pv_not_found', status: 404, type: PvNotFound });
  });

  it('GAK approves a submitted PV', () => {
    pv.given(drafted(), submitted()).when(approve()).then([approved()]);
  });

  it('GAK rejects with reasons, and the author resubmits with corrections', () => {
    pv.given(drafted(), submitted()).when(reject()).then([rejected()]);
    pv.given(drafted(), submitted(), rejected())
      .when(
        submit(
          {
            corrections: { legalQualification: 'Diefstal (art. 461 en 463 Sw.)', offenceType: 'fietsdiefstal' },
            correctionNote: 'Artikel toegevoegd',
          },
          at(ONTHAAL, '2025-03-17T10:00:00.000Z'),
        ),
      )
      .then([
        {
          type: 'PvSubmittedForQualityCheck',
          data: {
            pvId: PV_ID,
            reportId: REPORT_ID,
            round: 2,
            corrections: { legalQualification: 'Diefstal (art. 461 en 463 Sw.)' },
            correctionNote: 'Artikel toegevoegd',
            submittedBy: 'staff-4081',
            submittedAt: '2025-03-17T10:00:00.000Z',
          },
        },
      ]);
  });

  it('a resubmission may carry only a note when the document itself was corrected elsewhere', () => {
    pv.given(drafted(), submitted(), rejected())
      .when(submit({ correctionNote: 'Tekst herschreven' }))
      .then([
        {
          type: 'PvSubmittedForQualityCheck',
          data: {
            pvId: PV_ID,
            reportId: REPORT_ID,
            round: 2,
            correctionNote: 'Tekst herschreven',
            submittedBy: 'staff-4081',
            submittedAt: '2025-03-16T12:00:00.000Z',
          },
        },
      ]);
  });

  it('the corrected content is what the state holds and what finalising records', () => {
    const resubmitted = {
      type: 'PvSubmittedForQualityCheck' as const,
      data: {
        pvId: PV_ID,
        reportId: REPORT_ID,
        round: 2,
        corrections: { destination: 'city_gas' as const },
        correctionNote: 'GAS',
        submittedBy: 'staff-4081',
        submittedAt: '2025-03-17T10:00:00.000Z',
      },
    };
    pv.given(drafted(), submitted(), rejected(), resubmitted, approved(2))
      .when(finalise())
      .then([finalisedEvent({ destination: 'city_gas' })]);
  });

  it.each([
    ['no note', { corrections: { offenceType: 'x' } }, 'required', 'correctionNote'],
    [
      'corrections that change nothing',
      { corrections: { offenceType: 'fietsdiefstal' }, correctionNote: 'n' },
      'nothing_to_correct',
      'corrections',
    ],
    [
      'an invalid correction',
      { corrections: { documentSha256: 'nope' }, correctionNote: 'n' },
      'invalid_value',
      'corrections.documentSha256',
    ],
  ])('refuses a resubmission with %s (422)', (_name, data, code, field) => {
    pv.given(drafted(), submitted(), rejected()).when(submit(data)).thenThrows({ code, status: 422, field });
  });

  it('refuses quality decisions by non-GAK staff (403), on one’s own PV (403), before submission (409), a rejection without reasons (422)', () => {
    pv.given(drafted(), submitted()).when(approve(OTHER_OFFICER)).thenThrows({ code: 'not_gak', status: 403, type: PvForbidden });
    pv.given(drafted(), submitted()).when(reject(undefined, OTHER_OFFICER)).thenThrows({ code: 'not_gak', status: 403 });
    pv.given(drafted(), submitted()).when(approve(AUTHOR_AS_GAK)).thenThrows({ code: 'own_pv', status: 403 });
    pv.given(drafted()).when(approve()).thenThrows({ code: 'pv_not_submitted', status: 409 });
    pv.given(drafted(), submitted(), rejected()).when(approve()).thenThrows({ code: 'pv_not_submitted', status: 409 });
    pv.given(drafted(), submitted()).when(reject([])).thenThrows({ code: 'required', status: 422, field: 'reasons' });
    pv.given(drafted(), submitted())
      .when(reject([' ']))
      .thenThrows({ code: 'required', status: 422, field: 'reasons' });
  });
});

describe('finalising', () => {
  it('GAK finalises an approved PV with a PV number matching the configured pattern', () => {
    pv.given(drafted(), submitted(), approved()).when(finalise()).then([finalisedEvent()]);
  });

  it('takes the zone’s own pattern as data', () => {
    pv.given(drafted(), submitted(), approved())
      .when(finalise('ZONE-2025-000042', '^ZONE-\\d{4}-\\d{6}$'))
      .then([finalisedEvent({ pvNumber: 'ZONE-2025-000042' })]);
  });

  it('refuses before quality control (409), by non-GAK (403), a number off the pattern or a broken pattern (422)', () => {
    pv.given(drafted(), submitted()).when(finalise()).thenThrows({ code: 'pv_not_quality_checked', status: 409 });
    pv.given(drafted(), submitted(), approved())
      .when(finalise(PV_NUMBER, DEFAULT_PV_NUMBER_PATTERN, AUTHOR))
      .thenThrows({ code: 'not_gak', status: 403 });
    pv.given(drafted(), submitted(), approved())
      .when(finalise('GE 55', DEFAULT_PV_NUMBER_PATTERN))
      .thenThrows({ code: 'invalid_pv_number', status: 422, field: 'pvNumber' });
    pv.given(drafted(), submitted(), approved())
      .when(finalise('', DEFAULT_PV_NUMBER_PATTERN))
      .thenThrows({ code: 'invalid_pv_number', status: 422 });
    pv.given(drafted(), submitted(), approved())
      .when(finalise(PV_NUMBER, '(['))
      .thenThrows({ code: 'invalid_pv_number_pattern', status: 422, field: 'pvNumberPattern' });
  });
});

describe('transmission and the ANG feed (F10)', () => {
  const final = [drafted(), submitted(), approved(), finalisedEvent()];

  it('transmits a parket PV to the parket', () => {
    pv.given(...final)
      .when(transmit('PK-GENT-2025-1234'))
      .then([
        {
          type: 'PvTransmittedToParket',
          data: {
            pvId: PV_ID,
            reportId: REPORT_ID,
            pvNumber: PV_NUMBER,
            parketRef: 'PK-GENT-2025-1234',
            transmittedBy: 'staff-4081',
            transmittedAt: '2025-03-17T11:00:00.000Z',
          },
        },
      ]);
  });

  it('sends a GAS finding to the city', () => {
    pv.given(drafted({ destination: 'city_gas' }), submitted(), approved(), finalisedEvent({ destination: 'city_gas' }))
      .when(transmit())
      .then([
        {
          type: 'GasFindingTransmittedToCity',
          data: {
            pvId: PV_ID,
            reportId: REPORT_ID,
            pvNumber: PV_NUMBER,
            transmittedBy: 'staff-4081',
            transmittedAt: '2025-03-17T11:00:00.000Z',
          },
        },
      ]);
  });

  it('GAK feeds a finalised PV to the ANG', () => {
    pv.given(...final)
      .when(feed())
      .then([
        {
          type: 'PvFedToAng',
          data: {
            pvId: PV_ID,
            reportId: REPORT_ID,
            pvNumber: PV_NUMBER,
            angRef: 'ANG-778',
            fedBy: 'staff-5092',
            fedAt: '2025-03-17T12:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses both before quality control passed (409)', () => {
    pv.given(drafted()).when(transmit()).thenThrows({ code: 'pv_not_quality_checked', status: 409 });
    pv.given(drafted(), submitted()).when(feed()).thenThrows({ code: 'pv_not_quality_checked', status: 409 });
    pv.given(drafted(), submitted(), rejected()).when(transmit()).thenThrows({ code: 'pv_not_quality_checked', status: 409 });
  });

  it('refuses both after quality control but before the PV number (409)', () => {
    pv.given(drafted(), submitted(), approved()).when(transmit()).thenThrows({ code: 'pv_not_finalised', status: 409 });
    pv.given(drafted(), submitted(), approved()).when(feed()).thenThrows({ code: 'pv_not_finalised', status: 409 });
  });

  it('refuses doing either twice (409), the feed by non-GAK (403), a blank recipient (422)', () => {
    const sent = {
      type: 'PvTransmittedToParket' as const,
      data: {
        pvId: PV_ID,
        reportId: REPORT_ID,
        pvNumber: PV_NUMBER,
        transmittedBy: 'staff-4081',
        transmittedAt: '2025-03-17T11:00:00.000Z',
      },
    };
    const fed = {
      type: 'PvFedToAng' as const,
      data: { pvId: PV_ID, reportId: REPORT_ID, pvNumber: PV_NUMBER, fedBy: 'staff-5092', fedAt: '2025-03-17T12:00:00.000Z' },
    };
    pv.given(...final, sent)
      .when(transmit())
      .thenThrows({ code: 'pv_already_transmitted', status: 409 });
    pv.given(...final, fed)
      .when(feed())
      .thenThrows({ code: 'pv_already_fed_to_ang', status: 409 });
    pv.given(...final)
      .when(feed(AUTHOR))
      .thenThrows({ code: 'not_gak', status: 403 });
    pv.given(...final)
      .when(transmit(' '))
      .thenThrows({ code: 'required', status: 422, field: 'recipientRef' });
  });

  it('keeps the document hash of the draft (it is the content of record)', () => {
    expect(pv.fold(final)).toMatchObject({ status: 'finalised', documentSha256: DOC_SHA, pvNumber: PV_NUMBER });
  });
});
