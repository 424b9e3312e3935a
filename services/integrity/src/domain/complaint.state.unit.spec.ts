import { decideReceiveComplaint } from './complaint.decide';
import { ComplaintEvent } from './complaint.events';
import {
  ComplaintSummary,
  concernedStaffIds,
  DeadlineLimits,
  designatedInvestigators,
  earlyWarning,
  openDeadlines,
  overdueSteps,
  summaryOf,
} from './complaint.state';
import {
  administrativeOrdered,
  complaint,
  COMPLAINT_ID,
  concludedHistory,
  disciplinaryOrdered,
  FORWARDED,
  logged,
  OFFICER_A,
  OFFICER_B,
  procedureStarted,
  received,
  receiveCommand,
} from './complaint.fixtures.spec';

const LIMITS: DeadlineLimits = { forwardingDays: 2, triageDays: 14, investigationDays: 90, disciplinaryLimitationDays: 180 };
const overdue = (events: ComplaintEvent[], now: string) => overdueSteps(complaint.fold(events), new Date(now), LIMITS);

describe('open deadlines', () => {
  const deadlines = (events: ComplaintEvent[], now: string, limits: DeadlineLimits = LIMITS) =>
    openDeadlines(complaint.fold(events), new Date(now), limits);

  it('gives every step not done yet its due date, open, due soon (within 3 days unless configured) or overdue', () => {
    expect(deadlines([received(), logged], '2025-04-02T08:00:00.000Z')).toEqual([
      { step: 'forwarding_comite_p', dueOn: '2025-04-03', daysLeft: 1, status: 'due_soon' },
      { step: 'forwarding_aig', dueOn: '2025-04-03', daysLeft: 1, status: 'due_soon' },
      { step: 'triage', dueOn: '2025-04-15', daysLeft: 13, status: 'open' },
    ]);
    expect(deadlines([received(), logged], '2025-04-04T08:00:00.000Z', { ...LIMITS, dueSoonDays: 12 })).toEqual([
      { step: 'forwarding_comite_p', dueOn: '2025-04-03', daysLeft: -1, status: 'overdue' },
      { step: 'forwarding_aig', dueOn: '2025-04-03', daysLeft: -1, status: 'overdue' },
      { step: 'triage', dueOn: '2025-04-15', daysLeft: 11, status: 'due_soon' },
    ]);
  });

  it('is due soon, not overdue, on the due day itself, and drops a step once done', () => {
    expect(deadlines([...FORWARDED], '2025-04-15T21:00:00.000Z')).toEqual([
      { step: 'triage', dueOn: '2025-04-15', daysLeft: 0, status: 'due_soon' },
    ]);
    expect(deadlines([...FORWARDED, administrativeOrdered], '2025-04-15T08:00:00.000Z').map((d) => d.step)).toEqual(['investigation']);
  });
});

describe('overdue steps', () => {
  it('flags both forwardings two days after receipt, triage not yet', () => {
    expect(overdue([received(), logged], '2025-04-05T08:00:00.000Z')).toEqual([
      { step: 'forwarding_comite_p', dueOn: '2025-04-03', daysOverdue: 2 },
      { step: 'forwarding_aig', dueOn: '2025-04-03', daysOverdue: 2 },
    ]);
  });

  it('is not overdue on the due day itself', () => {
    expect(overdue([received(), logged], '2025-04-03T23:59:00.000Z')).toEqual([]);
  });

  it('flags only AIG for a complaint that came via Comité P', () => {
    const intake = decideReceiveComplaint(
      { status: 'none' },
      receiveCommand({ channel: 'via_comite_p', externalReference: 'CP-2025-33121' }),
    );
    expect(overdue(intake, '2025-04-04T08:00:00.000Z')).toEqual([{ step: 'forwarding_aig', dueOn: '2025-04-03', daysOverdue: 1 }]);
  });

  it('flags an untriaged complaint', () => {
    expect(overdue(FORWARDED, '2025-04-20T08:00:00.000Z')).toEqual([{ step: 'triage', dueOn: '2025-04-15', daysOverdue: 5 }]);
  });

  it('flags an investigation running past its limit, counted from triage', () => {
    expect(overdue([...FORWARDED, administrativeOrdered], '2025-07-10T08:00:00.000Z')).toEqual([
      { step: 'investigation', dueOn: '2025-07-03', daysOverdue: 7 },
    ]);
  });

  it('flags the limitation of disciplinary action on a disciplinary investigation still running', () => {
    expect(overdue([...FORWARDED, disciplinaryOrdered], '2025-10-01T08:00:00.000Z')).toEqual([
      { step: 'investigation', dueOn: '2025-07-03', daysOverdue: 90 },
      { step: 'disciplinary_limitation', dueOn: '2025-09-28', daysOverdue: 3 },
    ]);
  });

  it('flags a disciplinary procedure without a sanction decision, per staff member', () => {
    const history = [...concludedHistory('founded'), procedureStarted('korpschef', OFFICER_A), procedureStarted('korpschef', OFFICER_B)];
    const sanctioned: ComplaintEvent = {
      type: 'DisciplinarySanctionDecided',
      data: {
        complaintId: COMPLAINT_ID,
        staffId: OFFICER_B,
        sanction: 'blaam',
        severity: 'light',
        authority: 'korpschef',
        decidedOn: '2025-06-01',
        decidedBy: 'staff-0001',
        recordedAt: '2025-06-01T10:00:00.000Z',
      },
    };
    expect(overdue([...history, sanctioned], '2025-10-01T08:00:00.000Z')).toEqual([
      { step: 'disciplinary_limitation', dueOn: '2025-09-28', daysOverdue: 3, staffId: OFFICER_A },
    ]);
  });

  it('has nothing overdue when closed or unknown', () => {
    const closed: ComplaintEvent = {
      type: 'ComplaintClosed',
      data: { complaintId: COMPLAINT_ID, closedBy: 'staff-0001', closedAt: '2025-05-06T10:00:00.000Z' },
    };
    expect(overdue([...concludedHistory('unfounded'), closed], '2026-01-01T08:00:00.000Z')).toEqual([]);
    expect(overdue([], '2026-01-01T08:00:00.000Z')).toEqual([]);
  });
});

describe('early warning (R-INT-16, for human review only)', () => {
  const summary = (complaintId: string, receivedOn: string, staffConcerned: string[]): ComplaintSummary => ({
    complaintId,
    receivedOn,
    staffConcerned,
  });
  const summaries = [
    summary('c-1', '2025-01-10', ['staff-1', 'staff-2']),
    summary('c-2', '2025-03-02', ['staff-1']),
    summary('c-3', '2025-05-20', ['staff-1', 'staff-3']),
    summary('c-4', '2025-05-21', ['staff-2', 'staff-3']),
    summary('c-5', '2024-05-31', ['staff-2']),
    summary('c-6', '2025-06-01', ['staff-3']),
  ];

  it('names staff with at least N complaints in the window, most first, with the complaints', () => {
    expect(earlyWarning(summaries, new Date('2025-06-01T12:00:00.000Z'), { threshold: 2, windowDays: 365 })).toEqual([
      { staffId: 'staff-1', complaintIds: ['c-1', 'c-2', 'c-3'], count: 3 },
      { staffId: 'staff-3', complaintIds: ['c-3', 'c-4', 'c-6'], count: 3 },
      { staffId: 'staff-2', complaintIds: ['c-1', 'c-4'], count: 2 },
    ]);
  });

  it('leaves out complaints outside the window, including ones after asOf', () => {
    expect(earlyWarning(summaries, new Date('2025-05-31T12:00:00.000Z'), { threshold: 2, windowDays: 90 })).toEqual([
      { staffId: 'staff-1', complaintIds: ['c-2', 'c-3'], count: 2 },
      { staffId: 'staff-3', complaintIds: ['c-3', 'c-4'], count: 2 },
    ]);
  });

  it('counts a complaint once per staff member and signals nothing below the threshold', () => {
    const twice = [summary('c-1', '2025-05-01', ['staff-1']), summary('c-1', '2025-05-01', ['staff-1'])];
    expect(earlyWarning(twice, new Date('2025-05-02T00:00:00.000Z'), { threshold: 2, windowDays: 30 })).toEqual([]);
  });

  it('builds its summary from a complaint', () => {
    expect(summaryOf(complaint.fold(FORWARDED))).toEqual({
      complaintId: COMPLAINT_ID,
      receivedOn: '2025-04-01',
      staffConcerned: [OFFICER_A, OFFICER_B],
    });
    expect(summaryOf(complaint.fold([]))).toBeNull();
  });
});

describe('what the edge reads for access', () => {
  it('names the staff concerned and no designated investigator before assignment', () => {
    const state = complaint.fold([...FORWARDED, administrativeOrdered]);
    expect(concernedStaffIds(state)).toEqual([OFFICER_A, OFFICER_B]);
    expect(designatedInvestigators(state)).toEqual([]);
  });
});
