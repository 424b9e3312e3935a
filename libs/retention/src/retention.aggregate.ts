import { aggregate, KeyDestruction } from '@police/event-store';
import { decideRetention, RetentionActor, RetentionCommand } from './retention.decide';
import { RetentionEvent, RetentionRecordErased, retentionStream } from './retention.events';
import { evolveRetention, initialRetentionState, RetentionState } from './retention.state';

/** The review of one record's retention, in the log of the service that owns the record. */
export const retentionAggregate = aggregate<RetentionState, RetentionEvent, RetentionCommand, RetentionActor>({
  stream: retentionStream,
  initialState: initialRetentionState,
  evolve: evolveRetention,
  decide: decideRetention,
});

/**
 * For a service's `EncryptionPolicy.erasures`: appending `RetentionRecordErased` destroys the record's data key
 * (ADR 0053), before the event is written, in the same transaction.
 */
export const RETENTION_ERASURES = {
  RetentionRecordErased: (d: RetentionRecordErased['data']): KeyDestruction => ({
    keyId: d.keyId,
    by: d.erasedBy,
    at: d.erasedAt,
    decision: d.decision,
  }),
};
