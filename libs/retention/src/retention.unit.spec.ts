import { DomainError } from '@police/event-store/domain';
import {
  decideRetention,
  dueAtOf,
  dueCandidates,
  evolveRetention,
  initialRetentionState,
  RetentionCandidate,
  RetentionCommand,
  RetentionEvent,
  RetentionState,
  retentionIntervalFromEnv,
  retentionSchedulesFromEnv,
  scheduleOf,
} from './index';

const DPO = { staffId: '5415-0900' };
const JOB = { staffId: 'system:retention-job' };
const RETURNED_AT = '2025-01-10T10:00:00.000Z';
const candidate: RetentionCandidate = {
  recordId: '3f1c9a52-58f0-4b8e-9d8e-1a2b3c4d5e6f',
  dataClass: 'found-object-returned',
  keyId: 'found-object-3f1c9a52-58f0-4b8e-9d8e-1a2b3c4d5e6f',
  label: 'found object: wallet',
  startedAt: RETURNED_AT,
};

type Input = RetentionCommand extends infer C ? (C extends { metadata: unknown } ? Omit<C, 'metadata'> : never) : never;

/** Folds `history` and decides `command` at `now`. */
function when(history: RetentionEvent[], command: Input, now: string, actor = DPO): RetentionEvent[] {
  const state = history.reduce<RetentionState>(evolveRetention, initialRetentionState());
  return decideRetention(state, { ...command, metadata: { actor, now: new Date(now) } } as RetentionCommand);
}

function refusal(fn: () => unknown): { code: string; status: number; field?: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, status: e.status, field: e.field };
    throw e;
  }
  throw new Error('no refusal');
}

const markDue = (days = 365): Input => ({ type: 'MarkRetentionDue', data: { candidate, schedule: { days } } });
const approve = (blockers: string[] = [], decisionRef = 'DPO-2026-017'): Input => ({
  type: 'ApproveErasure',
  data: { decisionRef, blockers },
});
const DUE_DAY = '2026-01-10T10:00:00.000Z';

describe('retention schedules (configuration)', () => {
  it('has a period for every data class, each marked to be confirmed by a lawyer, found objects executed by evidence', () => {
    const schedules = retentionSchedulesFromEnv({});
    expect(schedules.map((s) => s.dataClass)).toEqual([
      'found-object-returned',
      'found-object-disposed',
      'seized-item-disposed',
      'investigation-closed-without-prosecution',
      'unfounded-complaint',
      'consultation-log',
      'sanction-past-erasure-period',
    ]);
    expect(schedules.every((s) => s.toBeConfirmedByLawyer === true && Number.isInteger(s.days) && s.days >= 0)).toBe(true);
    expect(schedules.filter((s) => s.executedBy).map((s) => s.dataClass)).toEqual(['found-object-returned', 'found-object-disposed']);
  });

  it('takes a zone’s periods from RETENTION_SCHEDULES_JSON and refuses an unknown class or a bad period', () => {
    const s = retentionSchedulesFromEnv({ RETENTION_SCHEDULES_JSON: '{"found-object-returned":{"days":30}}' });
    expect(scheduleOf(s, 'found-object-returned').days).toBe(30);
    expect(scheduleOf(s, 'found-object-disposed').days).toBe(365);
    expect(() => retentionSchedulesFromEnv({ RETENTION_SCHEDULES_JSON: '{"bikes":{"days":3}}' })).toThrow(/unknown data class "bikes"/);
    expect(() => retentionSchedulesFromEnv({ RETENTION_SCHEDULES_JSON: '{"consultation-log":{"days":-1}}' })).toThrow(
      /consultation-log.days/,
    );
    expect(() => retentionSchedulesFromEnv({ RETENTION_SCHEDULES_JSON: '{"consultation-log":{"days":1.5}}' })).toThrow(/whole number/);
    expect(() => retentionSchedulesFromEnv({ RETENTION_SCHEDULES_JSON: 'nope' })).toThrow(/not valid JSON/);
  });

  it('runs daily by default; 0 switches the job off; anything under a second is refused', () => {
    expect(retentionIntervalFromEnv({})).toBe(86_400_000);
    expect(retentionIntervalFromEnv({ RETENTION_INTERVAL_MS: '0' })).toBe(0);
    expect(retentionIntervalFromEnv({ RETENTION_INTERVAL_MS: '5000' })).toBe(5000);
    expect(() => retentionIntervalFromEnv({ RETENTION_INTERVAL_MS: '10' })).toThrow(/at least 1000/);
  });

  it('is due whole days after its clock started', () => {
    expect(dueAtOf(RETURNED_AT, { days: 365 })).toBe(DUE_DAY);
    expect(dueAtOf(RETURNED_AT, { days: 0 })).toBe(RETURNED_AT);
  });

  it('the job picks only the candidates whose period is over', () => {
    const later = { ...candidate, recordId: 'b', startedAt: '2025-06-01T00:00:00.000Z' };
    expect(dueCandidates([candidate, later], () => 365, new Date('2026-01-10T10:00:00.000Z'))).toEqual([{ candidate, dueAt: DUE_DAY }]);
    expect(dueCandidates([candidate, later], () => 365, new Date('2026-01-10T09:59:59.999Z'))).toEqual([]);
  });
});

describe('the retention review of a record (decider)', () => {
  it('marks a record due once its period is over, once', () => {
    expect(when([], markDue(), '2026-01-10T09:00:00Z', JOB)).toEqual([]);
    const [due] = when([], markDue(), '2026-01-10T10:00:00Z', JOB);
    expect(due).toEqual({
      type: 'RetentionReviewDue',
      data: { ...candidate, days: 365, dueAt: DUE_DAY, markedBy: 'system:retention-job', markedAt: DUE_DAY },
    });
    expect(when([due], markDue(), '2026-02-01T00:00:00Z', JOB)).toEqual([]);
  });

  it('approval erases: the approval and the erasure, two events of one append, the erasure naming the key and the decision', () => {
    const history = when([], markDue(), '2026-01-11T00:00:00Z', JOB);
    expect(when(history, approve(), '2026-01-12T08:00:00Z')).toEqual([
      {
        type: 'RetentionErasureApproved',
        data: {
          recordId: candidate.recordId,
          decisionRef: 'DPO-2026-017',
          approvedBy: '5415-0900',
          approvedAt: '2026-01-12T08:00:00.000Z',
        },
      },
      {
        type: 'RetentionRecordErased',
        data: {
          recordId: candidate.recordId,
          dataClass: 'found-object-returned',
          keyId: candidate.keyId,
          decision: 'retention found-object-returned, decision DPO-2026-017',
          erasedBy: '5415-0900',
          erasedAt: '2026-01-12T08:00:00.000Z',
        },
      },
    ]);
  });

  it('legal hold always wins: a held record is not erased until the hold is lifted', () => {
    const due = when([], markDue(), '2026-01-11T00:00:00Z', JOB);
    const held = [
      ...due,
      ...when(due, { type: 'PlaceLegalHold', data: { reason: 'Civiele vordering van de eigenaar' } }, '2026-01-11T09:00:00Z'),
    ];
    expect(refusal(() => when(held, approve(), '2026-01-12T00:00:00Z'))).toEqual({ code: 'legal_hold', status: 409, field: undefined });
    // Found due again while held: nothing new, still held.
    expect(when(held, markDue(), '2026-03-01T00:00:00Z', JOB)).toEqual([]);
    expect(refusal(() => when(held, { type: 'PlaceLegalHold', data: { reason: 'nog eens' } }, '2026-01-12T00:00:00Z')).code).toBe(
      'legal_hold_already_placed',
    );
    const lifted = [...held, ...when(held, { type: 'LiftLegalHold', data: { reason: 'Vordering afgewezen' } }, '2026-02-01T00:00:00Z')];
    expect(lifted.at(-1)).toMatchObject({ type: 'LegalHoldLifted', data: { reason: 'Vordering afgewezen', liftedBy: '5415-0900' } });
    expect(when(lifted, approve(), '2026-02-02T00:00:00Z').map((e) => e.type)).toEqual([
      'RetentionErasureApproved',
      'RetentionRecordErased',
    ]);
    expect(refusal(() => when(due, { type: 'LiftLegalHold', data: { reason: 'x' } }, '2026-02-01T00:00:00Z')).code).toBe('no_legal_hold');
  });

  it('a blocker of the owning service (an item in a case with a pending decision) refuses the erasure', () => {
    const due = when([], markDue(), '2026-01-11T00:00:00Z', JOB);
    expect(refusal(() => when(due, approve(['in case PV-GENT-2026-001 whose decision is pending']), '2026-01-12T00:00:00Z'))).toEqual({
      code: 'erasure_blocked',
      status: 409,
      field: undefined,
    });
  });

  it('an extension keeps the record until its new date, with a reason; then the job finds it due again', () => {
    const due = when([], markDue(), '2026-01-11T00:00:00Z', JOB);
    const extend = (until: string, reason = 'Eigenaar betwist de teruggave') => ({
      type: 'ExtendRetention' as const,
      data: { until, reason },
    });
    const extended = [...due, ...when(due, extend('2026-07-01T00:00:00+02:00'), '2026-01-12T00:00:00Z')];
    expect(extended.at(-1)).toEqual({
      type: 'RetentionExtended',
      data: {
        recordId: candidate.recordId,
        until: '2026-06-30T22:00:00.000Z',
        reason: 'Eigenaar betwist de teruggave',
        extendedBy: '5415-0900',
        extendedAt: '2026-01-12T00:00:00.000Z',
      },
    });
    expect(refusal(() => when(extended, approve(), '2026-01-13T00:00:00Z')).code).toBe('not_due');
    expect(when(extended, markDue(), '2026-06-30T21:59:59Z', JOB)).toEqual([]);
    const again = when(extended, markDue(), '2026-06-30T22:00:00Z', JOB);
    expect(again).toEqual([
      expect.objectContaining({ type: 'RetentionReviewDue', data: expect.objectContaining({ dueAt: '2026-06-30T22:00:00.000Z' }) }),
    ]);
    expect(when([...extended, ...again], approve(), '2026-07-02T00:00:00Z')).toHaveLength(2);
    // Bad input names the field.
    expect(refusal(() => when(due, extend('2025-01-01T00:00:00Z'), '2026-01-12T00:00:00Z'))).toEqual({
      code: 'not_in_future',
      status: 422,
      field: 'until',
    });
    expect(refusal(() => when(due, extend('next year'), '2026-01-12T00:00:00Z')).field).toBe('until');
    expect(refusal(() => when(due, extend('2027-01-01T00:00:00Z', ' '), '2026-01-12T00:00:00Z'))).toEqual({
      code: 'required',
      status: 422,
      field: 'reason',
    });
  });

  it('nothing happens to a record that is not due, nor to an erased one', () => {
    expect(refusal(() => when([], approve(), '2026-01-12T00:00:00Z'))).toEqual({
      code: 'retention_review_not_found',
      status: 404,
      field: undefined,
    });
    const due = when([], markDue(), '2026-01-11T00:00:00Z', JOB);
    expect(refusal(() => when(due, approve([], ''), '2026-01-12T00:00:00Z')).field).toBe('decisionRef');
    const erased = [...due, ...when(due, approve(), '2026-01-12T00:00:00Z')];
    expect(refusal(() => when(erased, approve(), '2026-01-13T00:00:00Z')).code).toBe('already_erased');
    expect(refusal(() => when(erased, { type: 'PlaceLegalHold', data: { reason: 'te laat' } }, '2026-01-13T00:00:00Z')).code).toBe(
      'already_erased',
    );
    expect(when(erased, markDue(), '2027-01-13T00:00:00Z', JOB)).toEqual([]);
  });
});
