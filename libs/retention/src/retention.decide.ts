import { CommandOf, inputRules, invalidCommand, isInstant, refusal, toIso } from '@police/event-store/domain';
import type {
  LegalHoldLifted,
  LegalHoldPlaced,
  RetentionErasureApproved,
  RetentionEvent,
  RetentionExtended,
  RetentionRecordErased,
  RetentionReviewDue,
} from './retention.events';
import { dueAtOf, RetentionDataClass, RetentionSchedule } from './retention.schedules';
import type { RetentionState, ReviewedRecord } from './retention.state';

/** Whoever acts: the DPO, or the job (`system:retention-job`). */
export interface RetentionActor {
  staffId: string;
}

type Command<Type extends string, Data> = CommandOf<Type, Data, RetentionActor>;

/** A record a service offers to the job: closed, with the instant its retention clock started. No personal data. */
export interface RetentionCandidate {
  recordId: string;
  dataClass: RetentionDataClass;
  keyId: string;
  label: string;
  startedAt: string;
}

export type MarkRetentionDue = Command<'MarkRetentionDue', { candidate: RetentionCandidate; schedule: Pick<RetentionSchedule, 'days'> }>;
/**
 * `blockers`: why the owning service says the record may not go yet, e.g. an item still in a case whose decision
 * is pending. The service computes them when the DPO approves; any blocker refuses the erasure, as a hold does.
 */
export type ApproveErasure = Command<'ApproveErasure', { decisionRef: string; blockers: readonly string[] }>;
export type ExtendRetention = Command<'ExtendRetention', { until: string; reason: string }>;
export type PlaceLegalHold = Command<'PlaceLegalHold', { reason: string }>;
export type LiftLegalHold = Command<'LiftLegalHold', { reason: string }>;

export type RetentionCommand = MarkRetentionDue | ApproveErasure | ExtendRetention | PlaceLegalHold | LiftLegalHold;

export type RetentionConflictCode =
  'not_due' | 'already_erased' | 'legal_hold' | 'erasure_blocked' | 'legal_hold_already_placed' | 'no_legal_hold';

export class RetentionNotFound extends refusal<'retention_review_not_found'>('RetentionNotFound', 404) {
  constructor(message: string) {
    super('retention_review_not_found', message);
  }
}

export class RetentionConflict extends refusal<RetentionConflictCode>('RetentionConflict', 409) {}

export class InvalidRetentionCommand extends invalidCommand<'required' | 'invalid_time' | 'not_in_future' | 'too_long'>(
  'InvalidRetentionCommand',
) {}

const { requireNonBlank } = inputRules(InvalidRetentionCommand);

function requireShortText(value: string, field: string, max: number): void {
  requireNonBlank(value, field);
  if (value.length > max) throw new InvalidRetentionCommand('too_long', `${field} is at most ${max} characters`, field);
}

/** The candidates whose period is over at `now`, with their due date (pure: the job's filter before it loads any stream). */
export function dueCandidates(
  candidates: readonly RetentionCandidate[],
  daysOf: (dataClass: RetentionDataClass) => number,
  now: Date,
): { candidate: RetentionCandidate; dueAt: string }[] {
  return candidates.flatMap((candidate) => {
    const dueAt = dueAtOf(candidate.startedAt, { days: daysOf(candidate.dataClass) });
    return Date.parse(dueAt) <= now.getTime() ? [{ candidate, dueAt }] : [];
  });
}

export function decideRetention(state: RetentionState, command: RetentionCommand): RetentionEvent[] {
  switch (command.type) {
    case 'MarkRetentionDue':
      return decideMarkDue(state, command);
    case 'ApproveErasure':
      return decideApprove(state, command);
    case 'ExtendRetention':
      return decideExtend(state, command);
    case 'PlaceLegalHold':
      return decidePlaceHold(state, command);
    case 'LiftLegalHold':
      return decideLiftHold(state, command);
  }
}

/**
 * Due once: a record already due, or erased, gets nothing more; an extended one is due again once its new date
 * has passed. A held record is still found due (the DPO sees it, with its hold); the hold stops the erasure.
 */
export function decideMarkDue(state: RetentionState, { data, metadata }: MarkRetentionDue): [] | [RetentionReviewDue] {
  const { candidate } = data;
  const now = metadata.now.getTime();
  let dueAt: string;
  if (state.status === 'none') dueAt = dueAtOf(candidate.startedAt, data.schedule);
  else if (state.status === 'extended') dueAt = state.dueAt;
  else return [];
  if (Date.parse(dueAt) > now) return [];
  return [
    {
      type: 'RetentionReviewDue',
      data: {
        recordId: candidate.recordId,
        dataClass: candidate.dataClass,
        keyId: candidate.keyId,
        label: candidate.label,
        startedAt: candidate.startedAt,
        days: data.schedule.days,
        dueAt,
        markedBy: metadata.actor.staffId,
        markedAt: toIso(metadata.now),
      },
    },
  ];
}

/** Legal hold always wins; so does any blocker of the owning service. Approval and erasure are one append. */
export function decideApprove(
  state: RetentionState,
  { data, metadata }: ApproveErasure,
): [RetentionErasureApproved, RetentionRecordErased] {
  const record = reviewed(state);
  if (record.status === 'extended')
    throw new RetentionConflict('not_due', `Record ${record.recordId} is kept until ${record.dueAt}: it is not due for erasure`);
  if (record.hold)
    throw new RetentionConflict(
      'legal_hold',
      `Record ${record.recordId} is under legal hold since ${record.hold.placedAt} (${record.hold.reason}): it is not erased while the hold stands`,
    );
  if (data.blockers.length > 0)
    throw new RetentionConflict('erasure_blocked', `Record ${record.recordId} may not be erased: ${data.blockers.join('; ')}`);
  requireShortText(data.decisionRef, 'decisionRef', 64);
  const at = toIso(metadata.now);
  return [
    {
      type: 'RetentionErasureApproved',
      data: { recordId: record.recordId, decisionRef: data.decisionRef, approvedBy: metadata.actor.staffId, approvedAt: at },
    },
    {
      type: 'RetentionRecordErased',
      data: {
        recordId: record.recordId,
        dataClass: record.dataClass,
        keyId: record.keyId,
        decision: `retention ${record.dataClass}, decision ${data.decisionRef}`,
        erasedBy: metadata.actor.staffId,
        erasedAt: at,
      },
    },
  ];
}

export function decideExtend(state: RetentionState, { data, metadata }: ExtendRetention): [RetentionExtended] {
  const record = reviewed(state);
  if (!isInstant(data.until))
    throw new InvalidRetentionCommand('invalid_time', 'until must be an RFC 3339 date-time with an offset', 'until');
  if (Date.parse(data.until) <= metadata.now.getTime())
    throw new InvalidRetentionCommand('not_in_future', 'until must be in the future', 'until');
  requireShortText(data.reason, 'reason', 1000);
  return [
    {
      type: 'RetentionExtended',
      data: {
        recordId: record.recordId,
        until: toIso(data.until),
        reason: data.reason,
        extendedBy: metadata.actor.staffId,
        extendedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decidePlaceHold(state: RetentionState, { data, metadata }: PlaceLegalHold): [LegalHoldPlaced] {
  const record = reviewed(state);
  if (record.hold)
    throw new RetentionConflict('legal_hold_already_placed', `Record ${record.recordId} is under legal hold since ${record.hold.placedAt}`);
  requireShortText(data.reason, 'reason', 1000);
  return [
    {
      type: 'LegalHoldPlaced',
      data: { recordId: record.recordId, reason: data.reason, placedBy: metadata.actor.staffId, placedAt: toIso(metadata.now) },
    },
  ];
}

export function decideLiftHold(state: RetentionState, { data, metadata }: LiftLegalHold): [LegalHoldLifted] {
  const record = reviewed(state);
  if (!record.hold) throw new RetentionConflict('no_legal_hold', `Record ${record.recordId} is under no legal hold`);
  requireShortText(data.reason, 'reason', 1000);
  return [
    {
      type: 'LegalHoldLifted',
      data: { recordId: record.recordId, reason: data.reason, liftedBy: metadata.actor.staffId, liftedAt: toIso(metadata.now) },
    },
  ];
}

/** A record on the review list and not erased. */
function reviewed(state: RetentionState): ReviewedRecord {
  if (state.status === 'none') throw new RetentionNotFound('No retention review for this record: it is not due');
  if (state.status === 'erased')
    throw new RetentionConflict(
      'already_erased',
      `Record ${state.recordId} was erased on ${state.erased!.erasedAt} (${state.erased!.decision})`,
    );
  return state;
}
