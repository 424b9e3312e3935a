import {
  decideAddSeriesLink,
  decideCloseInvestigation,
  decideInvestigation,
  decideRecordHouseSearch,
  decideReopenInvestigation,
  decideReportToMagistrate,
  InvestigationCommand,
} from './investigation.decide';
import { InvestigationClosedError, InvestigationConflict } from './investigation.errors';
import { InvestigationClosed, InvestigationReportedToMagistrate } from './investigation.events';
import {
  actionData,
  at,
  DETECTIVE,
  GAK,
  investigation,
  OTHER_INVESTIGATION_ID,
  openCommand,
  opened,
  PARKET,
  recorded,
  WARRANT,
} from './investigation.fixtures.spec';

const REPORTED_AT = '2025-09-29T10:00:00.000Z';
const CLOSED_AT = '2025-09-30T15:00:00.000Z';
const REOPENED_AT = '2025-11-03T09:00:00.000Z';

const reported: InvestigationReportedToMagistrate = {
  type: 'InvestigationReportedToMagistrate',
  data: {
    ...recorded(DETECTIVE, REPORTED_AT),
    to: PARKET,
    reportPvNumber: 'GE.55.L5.019876/2025',
    summary: 'Eindverslag: twee verdachten, buit deels teruggevonden',
  },
};
const closed: InvestigationClosed = {
  type: 'InvestigationClosed',
  data: { ...recorded(DETECTIVE, CLOSED_AT), outcome: 'reported_to_magistrate', reason: 'Dossier overgemaakt aan het parket' },
};

describe('reporting to the magistrate and closing', () => {
  it('reports to the magistrate', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideReportToMagistrate(s, {
          type: 'ReportToMagistrate',
          data: { to: PARKET, reportPvNumber: 'GE.55.L5.019876/2025', summary: 'Eindverslag: twee verdachten, buit deels teruggevonden' },
          metadata: at(DETECTIVE, REPORTED_AT),
        }),
      )
      .then([reported]);
  });

  it('reports once', () => {
    investigation
      .given(opened, reported)
      .when((s) =>
        decideReportToMagistrate(s, {
          type: 'ReportToMagistrate',
          data: { to: PARKET, reportPvNumber: 'x', summary: 'y' },
          metadata: at(DETECTIVE, REPORTED_AT),
        }),
      )
      .thenThrows({ code: 'already_reported_to_magistrate', status: 409 });
  });

  it('closes with an outcome after the report', () => {
    investigation
      .given(opened, reported)
      .when((s) =>
        decideCloseInvestigation(s, {
          type: 'CloseInvestigation',
          data: { outcome: 'reported_to_magistrate', reason: 'Dossier overgemaakt aan het parket' },
          metadata: at(DETECTIVE, CLOSED_AT),
        }),
      )
      .then([closed]);
  });

  it('refuses to close as reported before the report', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideCloseInvestigation(s, {
          type: 'CloseInvestigation',
          data: { outcome: 'reported_to_magistrate', reason: 'x' },
          metadata: at(DETECTIVE, CLOSED_AT),
        }),
      )
      .thenThrows({ code: 'not_reported_to_magistrate', status: 409 });
  });

  it('closes by transfer to the federal police, naming the unit', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideCloseInvestigation(s, {
          type: 'CloseInvestigation',
          data: { outcome: 'transferred_to_federal_police', reason: 'Taakverdeling PG', transferredTo: 'FGP Oost-Vlaanderen' },
          metadata: at(GAK, CLOSED_AT),
        }),
      )
      .then([
        {
          type: 'InvestigationClosed',
          data: {
            ...recorded(GAK, CLOSED_AT),
            outcome: 'transferred_to_federal_police',
            reason: 'Taakverdeling PG',
            transferredTo: 'FGP Oost-Vlaanderen',
          },
        },
      ]);
  });

  it('closes by merger into another investigation, which must be named', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideCloseInvestigation(s, {
          type: 'CloseInvestigation',
          data: { outcome: 'merged_into_other_investigation', reason: 'Reeks', mergedInto: OTHER_INVESTIGATION_ID },
          metadata: at(GAK, CLOSED_AT),
        }),
      )
      .then([
        {
          type: 'InvestigationClosed',
          data: {
            ...recorded(GAK, CLOSED_AT),
            outcome: 'merged_into_other_investigation',
            reason: 'Reeks',
            mergedInto: OTHER_INVESTIGATION_ID,
          },
        },
      ]);
    investigation
      .given(opened)
      .when((s) =>
        decideCloseInvestigation(s, {
          type: 'CloseInvestigation',
          data: { outcome: 'merged_into_other_investigation', reason: 'Reeks' },
          metadata: at(GAK, CLOSED_AT),
        }),
      )
      .thenThrows({ code: 'invalid_id', status: 422, field: 'mergedInto' });
  });
});

describe('a closed investigation', () => {
  const commands: InvestigationCommand[] = [
    {
      type: 'RecordHouseSearch',
      data: { ...actionData({ authorisation: WARRANT }), address: 'Sleepstraat 44', findings: 'niets' },
      metadata: at(DETECTIVE, REOPENED_AT),
    },
    { type: 'AddSeriesLink', data: { otherInvestigationId: OTHER_INVESTIGATION_ID, reason: 'x' }, metadata: at(DETECTIVE, REOPENED_AT) },
    { type: 'CloseInvestigation', data: { outcome: 'no_further_action', reason: 'x' }, metadata: at(DETECTIVE, REOPENED_AT) },
    openCommand(),
  ];
  it.each(commands.map((c) => [c.type, c] as const))('refuses %s: only reopening is possible', (_type, command) => {
    investigation
      .given(opened, reported, closed)
      .when((s) => decideInvestigation(s, command))
      .thenThrows({
        code: 'investigation_closed',
        status: 409,
        type: InvestigationClosedError,
        message: /reported_to_magistrate, 2025-09-30T15:00:00.000Z/,
      });
  });

  const SYSTEM = { staffId: 'system:investigations-consumer' };
  const ITEM = 'e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b';

  it('still takes a lab result, flagged as arrived after closure, and only once', () => {
    const linkLab = {
      type: 'LinkLabResult' as const,
      data: {
        itemId: ITEM,
        laboratory: 'FPL',
        labReference: 'L-1',
        analysis: 'dna',
        conclusion: 'hit',
        receivedAt: '2025-10-02T10:00:00+02:00',
      },
      metadata: at(SYSTEM, REOPENED_AT),
    };
    const linked = {
      type: 'LabResultLinked' as const,
      data: {
        ...recorded(SYSTEM, REOPENED_AT),
        itemId: ITEM,
        laboratory: 'FPL',
        labReference: 'L-1',
        analysis: 'dna',
        conclusion: 'hit',
        receivedAt: '2025-10-02T08:00:00.000Z',
        afterClosure: true as const,
      },
    };
    investigation
      .given(opened, reported, closed)
      .when((s) => decideInvestigation(s, linkLab))
      .then([linked]);
    investigation
      .given(opened, reported, closed, linked)
      .when((s) => decideInvestigation(s, linkLab))
      .then([]);
    const state = investigation.fold([opened, reported, closed, linked]);
    expect(state.status === 'closed' && state.labResults).toStrictEqual([`${ITEM}/L-1`]);
  });

  it('still takes an evidence item, flagged as arrived after closure', () => {
    const linkItem = {
      type: 'LinkEvidence' as const,
      data: {
        itemId: ITEM,
        labelNumber: 'EV-2025-000001',
        category: 'trace',
        description: 'Wattenstaafje',
        seizedAt: '2025-09-29T08:00:00Z',
        registeredAt: '2025-10-01T08:00:00Z',
        custodian: 'staff-3141',
      },
      metadata: at(SYSTEM, REOPENED_AT),
    };
    const linked = {
      type: 'EvidenceLinked' as const,
      data: {
        ...recorded(SYSTEM, REOPENED_AT),
        itemId: ITEM,
        labelNumber: 'EV-2025-000001',
        category: 'trace',
        description: 'Wattenstaafje',
        seizedAt: '2025-09-29T08:00:00.000Z',
        registeredAt: '2025-10-01T08:00:00.000Z',
        custodian: 'staff-3141',
        afterClosure: true as const,
      },
    };
    investigation
      .given(opened, reported, closed)
      .when((s) => decideInvestigation(s, linkItem))
      .then([linked]);
    const state = investigation.fold([opened, reported, closed, linked]);
    expect(state.status === 'closed' && state.evidenceItems).toStrictEqual([ITEM]);
  });

  it('refuses a lab result for an investigation never opened', () => {
    investigation
      .given()
      .when((s) =>
        decideInvestigation(s, {
          type: 'LinkLabResult',
          data: { itemId: ITEM, laboratory: 'FPL', labReference: 'L-1', analysis: 'dna', conclusion: 'hit', receivedAt: REOPENED_AT },
          metadata: at(SYSTEM, REOPENED_AT),
        }),
      )
      .thenThrows({ code: 'investigation_not_found', status: 404 });
  });

  it('reopens, recording how it was closed; work can then go on', () => {
    const reopened = {
      type: 'InvestigationReopened' as const,
      data: {
        ...recorded(GAK, REOPENED_AT),
        reason: 'Nieuwe DNA-hit, kantschrift KS-2025-9911',
        previousOutcome: 'reported_to_magistrate' as const,
        closedAt: CLOSED_AT,
      },
    };
    investigation
      .given(opened, reported, closed)
      .when((s) =>
        decideReopenInvestigation(s, {
          type: 'ReopenInvestigation',
          data: { reason: 'Nieuwe DNA-hit, kantschrift KS-2025-9911' },
          metadata: at(GAK, REOPENED_AT),
        }),
      )
      .then([reopened]);
    const state = investigation.fold([opened, reported, closed, reopened]);
    expect(state.status === 'open' && state.reopenings).toBe(1);
    expect(
      decideAddSeriesLink(state, {
        type: 'AddSeriesLink',
        data: { otherInvestigationId: OTHER_INVESTIGATION_ID, reason: 'Reeks' },
        metadata: at(DETECTIVE, REOPENED_AT),
      }),
    ).toHaveLength(1);
    expect(() =>
      decideRecordHouseSearch(state, {
        type: 'RecordHouseSearch',
        data: {
          ...actionData({ authorisation: WARRANT, startedAt: '2025-11-03T06:00:00Z', endedAt: '2025-11-03T07:00:00Z' }),
          address: 'Sleepstraat 44',
          findings: 'niets',
        },
        metadata: at(DETECTIVE, REOPENED_AT),
      }),
    ).not.toThrow();
  });

  it('refuses to reopen an open investigation', () => {
    investigation
      .given(opened)
      .when((s) => decideReopenInvestigation(s, { type: 'ReopenInvestigation', data: { reason: 'x' }, metadata: at(GAK, REOPENED_AT) }))
      .thenThrows({ code: 'investigation_not_closed', status: 409, type: InvestigationConflict });
  });

  it('refuses anything on an investigation never opened', () => {
    investigation
      .given()
      .when((s) => decideReopenInvestigation(s, { type: 'ReopenInvestigation', data: { reason: 'x' }, metadata: at(GAK, REOPENED_AT) }))
      .thenThrows({ code: 'investigation_not_found', status: 404 });
  });
});
