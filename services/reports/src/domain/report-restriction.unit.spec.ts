import { decideLiftProcessingRestriction, decideRestrictProcessing } from './report.decide';
import { ProcessingRestricted } from './report.events';
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
