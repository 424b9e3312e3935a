import { decideAmendReport, decideEraseStatement, decideLiftProcessingRestriction, decideRestrictProcessing } from './report.decide';
import { InvestigationRequested, ProcessingRestricted, ReportStatementErased } from './report.events';
import { ReportConflict, ReportNotFound } from './report.errors';
import { evolveReport, initialReportState } from './report.state';
import { at, received, report, REPORT_ID } from './report.fixtures.spec';

const DPO = at({ staffId: '5415-0403' }, '2025-04-01T09:00:00.000Z');
const DECISION = { decision: 'DSR 2025/003', reason: 'The requester contests the accuracy of the statement' };

const restricted: ProcessingRestricted = {
  type: 'ProcessingRestricted',
  data: { reportId: REPORT_ID, ...DECISION, restrictedBy: '5415-0403', restrictedAt: '2025-04-01T09:00:00.000Z' },
};

describe("the DPO's restriction of a report's processing", () => {
  it('records who restricted it, when and under which decision, and the state then holds the restriction', () => {
    report
      .given(received())
      .when((s) => decideRestrictProcessing(s, { type: 'RestrictProcessing', data: DECISION, metadata: DPO }))
      .then([restricted]);
    const state = [received(), restricted].reduce(evolveReport, initialReportState());
    expect(state.status === 'open' && state.processingRestriction).toEqual({
      at: '2025-04-01T09:00:00.000Z',
      by: '5415-0403',
      decision: 'DSR 2025/003',
    });
  });

  it('refuses to restrict twice, to lift what is not restricted, and a report that does not exist', () => {
    report
      .given(received(), restricted)
      .when((s) => decideRestrictProcessing(s, { type: 'RestrictProcessing', data: DECISION, metadata: DPO }))
      .thenThrows({ code: 'processing_already_restricted', status: 409, type: ReportConflict });
    report
      .given(received())
      .when((s) => decideLiftProcessingRestriction(s, { type: 'LiftProcessingRestriction', data: DECISION, metadata: DPO }))
      .thenThrows({ code: 'processing_not_restricted', status: 409, type: ReportConflict });
    report
      .given()
      .when((s) => decideRestrictProcessing(s, { type: 'RestrictProcessing', data: DECISION, metadata: DPO }))
      .thenThrows({ code: 'report_not_found', status: 404, type: ReportNotFound });
  });

  it('needs a decision and a reason', () => {
    report
      .given(received())
      .when((s) => decideRestrictProcessing(s, { type: 'RestrictProcessing', data: { decision: ' ', reason: 'x y z' }, metadata: DPO }))
      .thenThrows({ code: 'required', status: 422, field: 'decision' });
  });

  it('lifts the restriction: the state holds none again', () => {
    report
      .given(received(), restricted)
      .when((s) => decideLiftProcessingRestriction(s, { type: 'LiftProcessingRestriction', data: DECISION, metadata: DPO }))
      .then([
        {
          type: 'ProcessingRestrictionLifted',
          data: { reportId: REPORT_ID, ...DECISION, liftedBy: '5415-0403', liftedAt: '2025-04-01T09:00:00.000Z' },
        },
      ]);
    const lifted = evolveReport([received(), restricted].reduce(evolveReport, initialReportState()), {
      type: 'ProcessingRestrictionLifted',
      data: { reportId: REPORT_ID, ...DECISION, liftedBy: '5415-0403', liftedAt: '2025-04-02T09:00:00.000Z' },
    });
    expect(lifted.status === 'open' && 'processingRestriction' in lifted).toBe(false);
  });
});

describe("the DPO's erasure of a report's statement (ADR 0065)", () => {
  const erased: ReportStatementErased = {
    type: 'ReportStatementErased',
    data: { reportId: REPORT_ID, ...DECISION, erasedBy: '5415-0403', erasedAt: '2025-04-01T09:00:00.000Z' },
  };
  const erase =
    (inJudicialFile = false) =>
    (s: Parameters<typeof decideEraseStatement>[0]) =>
      decideEraseStatement(s, { type: 'EraseStatement', data: { ...DECISION, inJudicialFile }, metadata: DPO });
  const investigationRequested: InvestigationRequested = {
    type: 'InvestigationRequested',
    data: { reportId: REPORT_ID, requestedAt: '2025-03-20T10:00:00.000Z' } as InvestigationRequested['data'],
  };

  it('records who erased it, when and under which decision; the state says it is erased', () => {
    report.given(received()).when(erase()).then([erased]);
    const state = [received(), erased].reduce(evolveReport, initialReportState());
    expect(state.status === 'open' && state.erased).toEqual({ at: '2025-04-01T09:00:00.000Z', decision: 'DSR 2025/003' });
  });

  it('erases a restricted report too: restriction and erasure are separate decisions', () => {
    report.given(received(), restricted).when(erase()).then([erased]);
  });

  it('refuses once the statement is in a judicial file: an investigation asked for, or a PV with the prosecutor', () => {
    report
      .given(received(), investigationRequested)
      .when(erase())
      .thenThrows({ code: 'statement_in_judicial_file', status: 409, type: ReportConflict });
    report.given(received()).when(erase(true)).thenThrows({ code: 'statement_in_judicial_file', status: 409, type: ReportConflict });
  });

  it('refuses to erase twice, and any further work on the erased statement; its restriction can still be decided', () => {
    report.given(received(), erased).when(erase()).thenThrows({ code: 'statement_already_erased', status: 409, type: ReportConflict });
    report
      .given(received(), erased)
      .when((s) =>
        decideAmendReport(s, {
          type: 'AmendReport',
          data: { changes: { narrative: 'Nieuwe verklaring' }, reason: 'Aanvulling' },
          metadata: DPO,
        } as Parameters<typeof decideAmendReport>[1]),
      )
      .thenThrows({ code: 'statement_already_erased', status: 409, type: ReportConflict });
    report
      .given(received(), erased)
      .when((s) => decideRestrictProcessing(s, { type: 'RestrictProcessing', data: DECISION, metadata: DPO }))
      .then([restricted]);
  });

  it('needs a decision and a reason', () => {
    report
      .given(received())
      .when((s) =>
        decideEraseStatement(s, { type: 'EraseStatement', data: { decision: 'DSR 1', reason: '', inJudicialFile: false }, metadata: DPO }),
      )
      .thenThrows({ code: 'required', status: 422, field: 'reason' });
  });
});
