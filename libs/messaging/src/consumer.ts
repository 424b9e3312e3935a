import type { Context } from '@opentelemetry/api';
import { ContractPayload, ContractType, FieldError, isContractType, validateContract } from '@police/contracts';
import { DomainError, WrongExpectedVersionError } from '@police/event-store';
import type { Pool, PoolClient } from 'pg';
import { parkMessage, ParkReason, recordInInbox } from './inbox';
import { HEADERS, IncomingMessage, JSON_CONTENT_TYPE } from './message';
import type { MessageBus, MessageSubscription } from './message-bus';
import { consumeTraced } from './tracing';

/** What a handler gets besides the payload: the transaction it runs in, and the message. */
export interface ConsumerContext {
  /**
   * The client of the open transaction that also records the message in the inbox. Write every effect
   * through it (e.g. `postgresEventStore.withTransaction(ctx.client)`); never commit or roll back.
   */
  client: PoolClient;
  message: IncomingMessage;
  /** The `process` span's context: give it to the commands the handler runs (`trace` of their context). Absent when tracing is off. */
  trace?: Context;
}

/**
 * Acts on one valid message of contract `T`, inside the inbox transaction; throwing rolls it all back. A
 * DomainError means the service's rules refuse the message for good: it is parked (see `startConsumer`).
 */
export type ContractHandler<T extends ContractType> = (payload: ContractPayload<T>, ctx: ConsumerContext) => Promise<void>;

/** Handlers by contract type; types without a handler are acknowledged and ignored. */
export type ContractHandlers = { [T in ContractType]?: ContractHandler<T> };

/** One consumer group of one service, and its handlers. */
export interface ConsumerOptions {
  bus: MessageBus;
  pool: Pool;
  /** The consuming service's schema, holding `inbox` and `parked_messages` (see `migrateMessaging`). */
  schema: string;
  groupId: string;
  topics: string[];
  handlers: ContractHandlers;
  /** Where a new group starts: the oldest retained message (default) or only new ones. */
  fromBeginning?: boolean;
  /** Told of a message the inbox had handled already and that was skipped (a redelivery). For metrics; must not throw. */
  onDuplicate?: (message: IncomingMessage) => void;
}

const MAX_ID_LENGTH = 200;

/** Times a message is handled in a row when each attempt loses a race on a stream's version; then the broker retries it. */
const VERSION_CONFLICT_ATTEMPTS = 5;

/**
 * Consumes public messages into a service, exactly once in effect.
 *
 * Every message's envelope (id, type, content type, correlation and causation headers) is checked, and
 * its type must be a declared contract; a message of a type this consumer has no handler for is then
 * acknowledged and ignored, otherwise its payload is validated against the contract. A message that
 * fails any check is parked in `<schema>.parked_messages` with the reason (the fields in error) and
 * acknowledged: it never stops the consumer. A valid one is handled in one PostgreSQL transaction that
 * first inserts its id into `<schema>.inbox`: when the id was there already the handler is not run, so a
 * redelivered message has no second effect. When the handler throws, the transaction rolls back (inbox
 * row included) and the message stays unacknowledged, to be delivered again (see the bus's retry policy)
 * — unless it threw a DomainError: the service's own rules refuse that message, and will every time, so
 * it is parked with code `refused` (the error's code, message and field) and acknowledged. Nothing is
 * dropped: a parked message stays in the table, as received, for someone to act on.
 */
export async function startConsumer(o: ConsumerOptions): Promise<MessageSubscription> {
  const handleMessage = async (message: IncomingMessage, trace: Context): Promise<void> => {
    const checked = await checkIncoming(message, o.handlers);
    if (checked.kind === 'park') return parkMessage(o.pool, o.schema, message, checked.reason);
    if (checked.kind === 'ignore') return;
    for (let attempt = 1; ; attempt++) {
      try {
        await inTransaction(o.pool, async (client) => {
          if (await recordInInbox(client, o.schema, message)) await checked.handler(checked.value, { client, message, trace });
          else o.onDuplicate?.(message);
        });
        return;
      } catch (e) {
        // Another writer of the stream committed between the handler's read and its append (a command over
        // HTTP, a message of another partition): everything rolled back, so decide again at once on what it
        // wrote, rather than fail the message back to the broker for a redelivery seconds later.
        if (e instanceof WrongExpectedVersionError && attempt < VERSION_CONFLICT_ATTEMPTS) continue;
        if (!(e instanceof DomainError)) throw e;
        return parkMessage(o.pool, o.schema, message, refusal(e));
      }
    }
  };
  const handle = (message: IncomingMessage): Promise<void> => consumeTraced(message, o.groupId, (trace) => handleMessage(message, trace));
  return o.bus.subscribe({ groupId: o.groupId, topics: o.topics, fromBeginning: o.fromBeginning ?? true, handle });
}

/** What a consumer does with a message before any transaction: park it (and why), ignore it, or hand it to its handler. */
export type IncomingCheck =
  | { kind: 'park'; reason: ParkReason }
  | { kind: 'ignore' }
  | { kind: 'handle'; handler: ContractHandler<ContractType>; value: ContractPayload<ContractType> };

/**
 * The consumer's checks of one message, in order: its envelope, its type (a declared contract), a
 * handler for it (none: ignored), its payload against the contract. The consumer and a replay of a
 * parked message (`replayParkedMessage`) run the same checks.
 */
export async function checkIncoming(message: IncomingMessage, handlers: ContractHandlers): Promise<IncomingCheck> {
  const envelope = envelopeErrors(message);
  if (envelope.length > 0) return { kind: 'park', reason: { code: 'invalid_envelope', errors: envelope } };
  if (!isContractType(message.type)) {
    return {
      kind: 'park',
      reason: {
        code: 'unknown_type',
        errors: [{ field: HEADERS.type, detail: `unknown contract type ${JSON.stringify(message.type.slice(0, MAX_ID_LENGTH))}` }],
      },
    };
  }
  const handler = handlers[message.type] as ContractHandler<ContractType> | undefined;
  if (!handler) return { kind: 'ignore' };
  const checked = await validateContract(message.type, message.payload);
  if (!checked.ok) return { kind: 'park', reason: { code: 'invalid_payload', errors: checked.errors } };
  return { kind: 'handle', handler, value: checked.value };
}

/** The park reason of a message the service's rules refuse: the DomainError's code, message and field. */
export function refusal(e: DomainError): ParkReason {
  return { code: 'refused', errors: [{ field: e.field ?? 'payload', detail: `${e.code}: ${e.message}` }] };
}

function envelopeErrors(m: IncomingMessage): FieldError[] {
  const errors: FieldError[] = [];
  const required: [string, string][] = [
    [HEADERS.id, m.id],
    [HEADERS.type, m.type],
    [HEADERS.correlationId, m.correlationId],
    [HEADERS.causationId, m.causationId],
  ];
  for (const [header, value] of required) {
    if (value === '') errors.push({ field: header, detail: `header ${header} is missing` });
    else if (value.length > MAX_ID_LENGTH)
      errors.push({ field: header, detail: `header ${header} is longer than ${MAX_ID_LENGTH} characters` });
  }
  if (m.headers[HEADERS.contentType] !== JSON_CONTENT_TYPE) {
    errors.push({ field: HEADERS.contentType, detail: `header ${HEADERS.contentType} must be ${JSON_CONTENT_TYPE}` });
  }
  return errors;
}

/** Runs `work` in one transaction on one client of `pool`: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw e;
  } finally {
    client.release(broken);
  }
}
