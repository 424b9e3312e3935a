import type { DomainEvent } from '@police/event-store/domain';
import type { RetentionDataClass } from './retention.schedules';

// A retention review has a stream per record (`retention-<record id>`) in the log of the service that owns the
// record: each step of it is an event of its own (ADR 0055).

/** The job found the record due: its retention period under `dataClass` is over. */
export type RetentionReviewDue = DomainEvent<
  'RetentionReviewDue',
  {
    recordId: string;
    dataClass: RetentionDataClass;
    /** The data key its personal data is sealed under (crypto-shredding, ADR 0053). */
    keyId: string;
    /** What the record is, without personal data (e.g. `found object: wallet`). */
    label: string;
    /** When its clock started (the return, the closure…). */
    startedAt: string;
    /** The schedule's period in days when it was found due. */
    days: number;
    dueAt: string;
    markedBy: string;
    markedAt: string;
  }
>;

/** The DPO approved the erasure, under a decision of theirs. */
export type RetentionErasureApproved = DomainEvent<
  'RetentionErasureApproved',
  { recordId: string; decisionRef: string; approvedBy: string; approvedAt: string }
>;

/** The DPO keeps the record longer, for a stated reason, until a new date (then it is due again). */
export type RetentionExtended = DomainEvent<
  'RetentionExtended',
  { recordId: string; until: string; reason: string; extendedBy: string; extendedAt: string }
>;

/** No erasure while it stands, whatever the schedule says. */
export type LegalHoldPlaced = DomainEvent<'LegalHoldPlaced', { recordId: string; reason: string; placedBy: string; placedAt: string }>;

export type LegalHoldLifted = DomainEvent<'LegalHoldLifted', { recordId: string; reason: string; liftedBy: string; liftedAt: string }>;

/** The record's data key is destroyed: appending this event is the erasure (the store destroys the key, ADR 0053). */
export type RetentionRecordErased = DomainEvent<
  'RetentionRecordErased',
  {
    recordId: string;
    dataClass: RetentionDataClass;
    keyId: string;
    /** As the erasure marker shows it: `retention <class>, decision <ref>`. */
    decision: string;
    erasedBy: string;
    erasedAt: string;
  }
>;

export type RetentionEvent =
  RetentionReviewDue | RetentionErasureApproved | RetentionExtended | LegalHoldPlaced | LegalHoldLifted | RetentionRecordErased;

export const RETENTION_EVENT_TYPES = [
  'RetentionReviewDue',
  'RetentionErasureApproved',
  'RetentionExtended',
  'LegalHoldPlaced',
  'LegalHoldLifted',
  'RetentionRecordErased',
] as const satisfies readonly RetentionEvent['type'][];

export const retentionStream = (recordId: string): string => `retention-${recordId}`;
