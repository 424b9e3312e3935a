import { DEFAULT_AUTHORISATION_RULES } from '../investigations.config';
import {
  decideRecordAnprLookup,
  decideRecordArrest,
  decideRecordBankEnquiry,
  decideRecordBringingBeforeMagistrate,
  decideRecordCameraFootageRequest,
  decideRecordHearing,
  decideRecordHouseSearch,
  decideRecordObservation,
  decideRecordTelephonyEnquiry,
  decideRecordTraceCollection,
  ActionData,
  RecordHearing,
} from './investigation.decide';
import { InvalidInvestigationCommand, InvestigationConflict } from './investigation.errors';
import { HouseSearchConducted, InvestigationEvent } from './investigation.events';
import { InvestigationState } from './investigation.state';
import {
  actionData,
  at,
  COLLEAGUE,
  DETECTIVE,
  investigation,
  JUDGE,
  judgeSeized,
  opened,
  openedWithoutAuthority,
  PARKET,
  recorded,
  SUSPECT_ID,
  SUSPECT_LINK,
  suspectLinked,
  VICTIM_ID,
  VICTIM_LINK,
  victimLinked,
  WARRANT,
} from './investigation.fixtures.spec';

const NOW = '2025-03-21T09:00:00.000Z';
const meta = at(DETECTIVE, NOW);
const base = {
  ...recorded(DETECTIVE, NOW),
  actionId: 'act-1',
  performedBy: [DETECTIVE.staffId, COLLEAGUE.staffId],
  startedAt: '2025-03-21T05:00:00.000Z',
  endedAt: '2025-03-21T07:30:00.000Z',
};

const hearing = (data: Partial<RecordHearing['data']> = {}): RecordHearing => ({
  type: 'RecordHearing',
  data: {
    ...actionData(),
    partyLinkId: SUSPECT_LINK,
    endedAt: '2025-03-21T08:30:00+01:00',
    deferredSalduz: true,
    minor: false,
    legalAssistance: { kind: 'present', lawyer: 'Mr. De Wilde' },
    interpreter: { language: 'ar', name: 'H. Benali' },
    ...data,
  },
  metadata: meta,
});

const houseSearch = (data: Partial<ActionData> = {}) => ({
  type: 'RecordHouseSearch' as const,
  data: {
    ...actionData({ authorisation: WARRANT, ...data }),
    address: 'Sleepstraat 44, 9000 Gent',
    findings: 'Laptop en juwelen aangetroffen',
  },
  metadata: meta,
});

describe('hearings', () => {
  it('records a deferred Salduz hearing of a suspect with lawyer and interpreter', () => {
    investigation
      .given(opened, suspectLinked)
      .when((s) => decideRecordHearing(s, hearing()))
      .then([
        {
          type: 'HearingConducted',
          data: {
            ...base,
            directingAuthority: PARKET,
            partyLinkId: SUSPECT_LINK,
            personId: SUSPECT_ID,
            role: 'suspect',
            deferredSalduz: true,
            minor: false,
            legalAssistance: { kind: 'present', lawyer: 'Mr. De Wilde' },
            interpreter: { language: 'ar', name: 'H. Benali' },
          },
        },
      ]);
  });

  it('records an adult suspect who waived the lawyer', () => {
    const [event] = decideRecordHearing(
      investigation.fold([opened, suspectLinked]),
      hearing({ deferredSalduz: false, legalAssistance: { kind: 'waived' }, interpreter: undefined }),
    );
    expect(event).toStrictEqual({
      type: 'HearingConducted',
      data: {
        ...base,
        directingAuthority: PARKET,
        partyLinkId: SUSPECT_LINK,
        personId: SUSPECT_ID,
        role: 'suspect',
        deferredSalduz: false,
        minor: false,
        legalAssistance: { kind: 'waived' },
      },
    });
  });

  it('hears a victim without the Salduz lawyer, even before a magistrate directs the case (a hearing is not coercive)', () => {
    investigation
      .given(openedWithoutAuthority, victimLinked)
      .when((s) =>
        decideRecordHearing(
          s,
          hearing({ partyLinkId: VICTIM_LINK, deferredSalduz: false, legalAssistance: { kind: 'not_applicable' }, interpreter: undefined }),
        ),
      )
      .then([
        {
          type: 'HearingConducted',
          data: {
            ...base,
            partyLinkId: VICTIM_LINK,
            personId: VICTIM_ID,
            role: 'victim',
            deferredSalduz: false,
            minor: false,
            legalAssistance: { kind: 'not_applicable' },
          },
        },
      ]);
  });

  it('refuses a minor waiving the lawyer', () => {
    investigation
      .given(opened, suspectLinked)
      .when((s) => decideRecordHearing(s, hearing({ minor: true, legalAssistance: { kind: 'waived' } })))
      .thenThrows({ code: 'minor_cannot_waive_lawyer', status: 422, field: 'legalAssistance', type: InvalidInvestigationCommand });
  });

  it('refuses a suspect heard without lawyer and without waiver', () => {
    investigation
      .given(opened, suspectLinked)
      .when((s) => decideRecordHearing(s, hearing({ legalAssistance: { kind: 'not_applicable' } })))
      .thenThrows({ code: 'lawyer_required', status: 422, field: 'legalAssistance' });
  });

  it('refuses a deferred Salduz hearing of a witness or victim', () => {
    investigation
      .given(opened, victimLinked)
      .when((s) => decideRecordHearing(s, hearing({ partyLinkId: VICTIM_LINK })))
      .thenThrows({ code: 'salduz_requires_suspect', status: 422, field: 'deferredSalduz' });
  });

  it('refuses an end before the start', () => {
    investigation
      .given(opened, suspectLinked)
      .when((s) => decideRecordHearing(s, hearing({ endedAt: '2025-03-21T05:59:00+01:00' })))
      .thenThrows({ code: 'end_before_start', status: 422, field: 'endedAt' });
  });

  it('refuses a hearing in the future', () => {
    investigation
      .given(opened, suspectLinked)
      .when((s) => decideRecordHearing(s, hearing({ startedAt: '2025-03-22T06:00:00+01:00', endedAt: '2025-03-22T07:00:00+01:00' })))
      .thenThrows({ code: 'time_in_future', status: 422, field: 'startedAt' });
  });

  it('refuses an action id used before', () => {
    const [done] = decideRecordHearing(investigation.fold([opened, suspectLinked]), hearing());
    investigation
      .given(opened, suspectLinked, done as InvestigationEvent)
      .when((s) => decideRecordHearing(s, hearing()))
      .thenThrows({ code: 'action_id_in_use', status: 409 });
  });
});

describe('coercive actions (R-INV-1)', () => {
  const searched: HouseSearchConducted = {
    type: 'HouseSearchConducted',
    data: {
      ...base,
      authorisation: WARRANT,
      directingAuthority: JUDGE,
      address: 'Sleepstraat 44, 9000 Gent',
      findings: 'Laptop en juwelen aangetroffen',
    },
  };

  it('records a house search with the warrant and the directing authority', () => {
    investigation
      .given(opened, judgeSeized)
      .when((s) => decideRecordHouseSearch(s, houseSearch()))
      .then([searched]);
  });

  it('refuses a house search without a directing authority on the investigation', () => {
    investigation
      .given(openedWithoutAuthority)
      .when((s) => decideRecordHouseSearch(s, houseSearch()))
      .thenThrows({ code: 'directing_authority_required', status: 409, type: InvestigationConflict });
  });

  it('refuses a house search without its own authorisation', () => {
    investigation
      .given(opened, judgeSeized)
      .when((s) => decideRecordHouseSearch(s, houseSearch({ authorisation: undefined })))
      .thenThrows({ code: 'authorisation_required', status: 422, field: 'authorisation' });
  });

  it('follows the zone table: a zone that does not require a warrant for this action records it without one', () => {
    investigation
      .given(opened, judgeSeized)
      .when((s) => decideRecordHouseSearch(s, houseSearch({ authorisation: undefined, authorisationRules: { requiresAuthorisation: [] } })))
      .then([
        {
          type: 'HouseSearchConducted',
          data: { ...base, directingAuthority: JUDGE, address: 'Sleepstraat 44, 9000 Gent', findings: 'Laptop en juwelen aangetroffen' },
        },
      ]);
  });

  it('follows the zone table: a zone can require authorisation for an ANPR look-up', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideRecordAnprLookup(s, {
          type: 'RecordAnprLookup',
          data: {
            ...actionData({ authorisationRules: { requiresAuthorisation: ['anpr_lookup'] } }),
            plate: '1-ABC-123',
            periodFrom: '2025-03-14T17:00:00Z',
            periodTo: '2025-03-15T06:30:00Z',
            hits: 2,
          },
          metadata: meta,
        }),
      )
      .thenThrows({ code: 'authorisation_required', status: 422 });
  });

  const refusedWithoutAuthority: [string, (s: InvestigationState) => unknown][] = [
    [
      'an observation',
      (s) =>
        decideRecordObservation(s, {
          type: 'RecordObservation',
          data: { ...actionData({ authorisation: PARKET }), target: 'Sleepstraat 44' },
          metadata: meta,
        }),
    ],
    [
      'a telephony enquiry',
      (s) =>
        decideRecordTelephonyEnquiry(s, {
          type: 'RecordTelephonyEnquiry',
          data: { ...actionData({ authorisation: PARKET }), subject: '+32470000000', scope: 'identificatie' },
          metadata: meta,
        }),
    ],
    [
      'a bank enquiry',
      (s) =>
        decideRecordBankEnquiry(s, {
          type: 'RecordBankEnquiry',
          data: { ...actionData({ authorisation: PARKET }), institution: 'KBC', subject: 'BE00 0000 0000 0000' },
          metadata: meta,
        }),
    ],
    [
      'an arrest',
      (s) =>
        decideRecordArrest(s, {
          type: 'RecordArrest',
          data: { ...actionData(), partyLinkId: SUSPECT_LINK, place: 'Dampoort' },
          metadata: meta,
        }),
    ],
    [
      'bringing before the magistrate',
      (s) =>
        decideRecordBringingBeforeMagistrate(s, {
          type: 'RecordBringingBeforeMagistrate',
          data: { ...actionData(), partyLinkId: SUSPECT_LINK, magistrate: 'onderzoeksrechter' },
          metadata: meta,
        }),
    ],
  ];
  it.each(refusedWithoutAuthority)('refuses %s without a directing authority', (_name, decide) => {
    investigation
      .given(openedWithoutAuthority, suspectLinked)
      .when(decide as never)
      .thenThrows({ code: 'directing_authority_required', status: 409 });
  });

  it('records an observation, a telephony and a bank enquiry with their authorisation', () => {
    const state = investigation.fold([opened]);
    expect(
      decideRecordObservation(state, {
        type: 'RecordObservation',
        data: { ...actionData({ authorisation: PARKET }), target: 'Sleepstraat 44' },
        metadata: meta,
      }),
    ).toStrictEqual([
      { type: 'ObservationConducted', data: { ...base, authorisation: PARKET, directingAuthority: PARKET, target: 'Sleepstraat 44' } },
    ]);
    expect(
      decideRecordTelephonyEnquiry(state, {
        type: 'RecordTelephonyEnquiry',
        data: { ...actionData({ authorisation: PARKET }), subject: '+32470000000', scope: 'identificatie' },
        metadata: meta,
      }),
    ).toStrictEqual([
      {
        type: 'TelephonyEnquiryPerformed',
        data: { ...base, authorisation: PARKET, directingAuthority: PARKET, subject: '+32470000000', scope: 'identificatie' },
      },
    ]);
    expect(
      decideRecordBankEnquiry(state, {
        type: 'RecordBankEnquiry',
        data: { ...actionData({ authorisation: PARKET }), institution: 'KBC', subject: 'BE00 0000 0000 0000' },
        metadata: meta,
      }),
    ).toStrictEqual([
      {
        type: 'BankEnquiryPerformed',
        data: { ...base, authorisation: PARKET, directingAuthority: PARKET, institution: 'KBC', subject: 'BE00 0000 0000 0000' },
      },
    ]);
  });

  it('refuses a telephony enquiry without authorisation under the default table', () => {
    expect(DEFAULT_AUTHORISATION_RULES.requiresAuthorisation).toStrictEqual([
      'house_search',
      'observation',
      'telephony_enquiry',
      'bank_enquiry',
    ]);
    investigation
      .given(opened)
      .when((s) =>
        decideRecordTelephonyEnquiry(s, {
          type: 'RecordTelephonyEnquiry',
          data: { ...actionData(), subject: '+32470000000', scope: 'identificatie' },
          metadata: meta,
        }),
      )
      .thenThrows({ code: 'authorisation_required', status: 422, field: 'authorisation' });
  });

  it('arrests a suspect and brings them before the onderzoeksrechter', () => {
    investigation
      .given(opened, judgeSeized, suspectLinked)
      .when((s) =>
        decideRecordArrest(s, {
          type: 'RecordArrest',
          data: { ...actionData(), partyLinkId: SUSPECT_LINK, place: 'Dampoort' },
          metadata: meta,
        }),
      )
      .then([
        {
          type: 'SuspectArrested',
          data: { ...base, directingAuthority: JUDGE, partyLinkId: SUSPECT_LINK, personId: SUSPECT_ID, place: 'Dampoort' },
        },
      ]);
    investigation
      .given(opened, judgeSeized, suspectLinked)
      .when((s) =>
        decideRecordBringingBeforeMagistrate(s, {
          type: 'RecordBringingBeforeMagistrate',
          data: { ...actionData({ actionId: 'act-2', endedAt: undefined }), partyLinkId: SUSPECT_LINK, magistrate: 'onderzoeksrechter' },
          metadata: meta,
        }),
      )
      .then([
        {
          type: 'SuspectBroughtBeforeMagistrate',
          data: {
            ...recorded(DETECTIVE, NOW),
            actionId: 'act-2',
            performedBy: base.performedBy,
            startedAt: base.startedAt,
            directingAuthority: JUDGE,
            partyLinkId: SUSPECT_LINK,
            personId: SUSPECT_ID,
            magistrate: 'onderzoeksrechter',
          },
        },
      ]);
  });

  it('refuses to arrest someone not linked as a suspect', () => {
    investigation
      .given(opened, victimLinked)
      .when((s) =>
        decideRecordArrest(s, {
          type: 'RecordArrest',
          data: { ...actionData(), partyLinkId: VICTIM_LINK, place: 'Dampoort' },
          metadata: meta,
        }),
      )
      .thenThrows({ code: 'wrong_party_role', status: 422, field: 'partyLinkId' });
  });
});

describe('non-coercive actions', () => {
  it('records camera, ANPR and trace work without a directing authority', () => {
    const state = investigation.fold([openedWithoutAuthority]);
    expect(
      decideRecordCameraFootageRequest(state, {
        type: 'RecordCameraFootageRequest',
        data: {
          ...actionData(),
          source: 'Camera Overpoort 3',
          periodFrom: '2025-03-14T22:00:00+01:00',
          periodTo: '2025-03-14T23:00:00+01:00',
        },
        metadata: meta,
      }),
    ).toStrictEqual([
      {
        type: 'CameraFootageRequested',
        data: { ...base, source: 'Camera Overpoort 3', periodFrom: '2025-03-14T21:00:00.000Z', periodTo: '2025-03-14T22:00:00.000Z' },
      },
    ]);
    expect(
      decideRecordAnprLookup(state, {
        type: 'RecordAnprLookup',
        data: { ...actionData(), plate: '1-ABC-123', periodFrom: '2025-03-14T17:00:00Z', periodTo: '2025-03-15T06:30:00Z', hits: 2 },
        metadata: meta,
      }),
    ).toStrictEqual([
      {
        type: 'AnprLookupPerformed',
        data: { ...base, plate: '1-ABC-123', periodFrom: '2025-03-14T17:00:00.000Z', periodTo: '2025-03-15T06:30:00.000Z', hits: 2 },
      },
    ]);
    expect(
      decideRecordTraceCollection(state, {
        type: 'RecordTraceCollection',
        data: { ...actionData(), description: 'Schoenspoor achterdeur', place: 'Voorbeeldstraat 12' },
        metadata: meta,
      }),
    ).toStrictEqual([{ type: 'TraceCollected', data: { ...base, description: 'Schoenspoor achterdeur', place: 'Voorbeeldstraat 12' } }]);
  });

  it('refuses an ANPR period that ends before it starts', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideRecordAnprLookup(s, {
          type: 'RecordAnprLookup',
          data: { ...actionData(), plate: '1-ABC-123', periodFrom: '2025-03-15T17:00:00Z', periodTo: '2025-03-15T06:30:00Z', hits: 0 },
          metadata: meta,
        }),
      )
      .thenThrows({ code: 'end_before_start', status: 422, field: 'periodTo' });
  });

  it('refuses an action nobody performed', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideRecordTraceCollection(s, {
          type: 'RecordTraceCollection',
          data: { ...actionData({ performedBy: [] }), description: 'Spoor', place: 'Keuken' },
          metadata: meta,
        }),
      )
      .thenThrows({ code: 'required', status: 422, field: 'performedBy' });
  });
});
