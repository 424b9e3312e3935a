import { randomUUID } from 'node:crypto';
import { CommandContext, CommandResult, EventStore, ExpectedVersion, handleCommand, idempotentEventId } from '@police/event-store';
import { ComplaintCommand, decideComplaint } from '../domain/complaint.decide';
import { ComplaintEvent } from '../domain/complaint.events';
import { ComplaintState, evolveComplaint, initialComplaintState } from '../domain/complaint.state';
import { Actor } from '../domain/integrity.decide';
import { integrityComplaintStream } from '../domain/integrity.stream';

/** Who asks and in answer to what, as the HTTP edge (or the consumer) established it. */
export interface IntegrityRequestContext {
  actor: Actor;
  now: Date;
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
  /** From `If-Match`: the complaint version the client saw. */
  expected?: ExpectedVersion;
}

export type ComplaintEnvelope = Pick<ComplaintCommand, 'type' | 'data'>;

/** The complaint aggregate: load → decide → append. */
export class IntegrityCommands {
  constructor(private readonly store: EventStore) {}

  complaint(complaintId: string, command: ComplaintEnvelope, ctx: IntegrityRequestContext): Promise<CommandResult<ComplaintState>> {
    const context: CommandContext = { actor: ctx.actor.staffId, now: ctx.now, correlationId: ctx.correlationId, causationId: ctx.causationId, idempotencyKey: ctx.idempotencyKey };
    return handleCommand<ComplaintState, ComplaintEvent>(
      this.store,
      integrityComplaintStream(complaintId),
      (state) => decideComplaint(state, { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as ComplaintCommand),
      { evolve: evolveComplaint, initialState: initialComplaintState, context, expected: ctx.expected },
    );
  }
}

/**
 * The id of a new record. With an Idempotency-Key the same client request always names the same record
 * (so a retry finds the first result); without one, a fresh id.
 */
export function newRecordId(kind: string, actor: string, idempotencyKey?: string): string {
  return idempotencyKey ? idempotentEventId(`${kind}:${actor}`, idempotencyKey, 0) : randomUUID();
}
