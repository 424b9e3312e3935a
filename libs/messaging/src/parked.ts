import { DomainError, ident } from '@police/event-store';
import type { Pool, PoolClient } from 'pg';
import { checkIncoming, ContractHandlers, inTransaction, refusal } from './consumer';
import { ParkReason, recordInInbox } from './inbox';
import { HEADERS, IncomingMessage } from './message';

/** Where a parked message stands: waiting, handled again after a fix, or given up with a reason. */
export type ParkedStatus = 'parked' | 'replayed' | 'discarded';
export const PARKED_STATUSES: readonly ParkedStatus[] = ['parked', 'replayed', 'discarded'];

/** A parked message as kept in `<schema>.parked_messages`, with what an operator did with it. */
export interface ParkedMessage {
  /** The row's id (the operator's handle on it; a message without an id can still be parked). */
  id: string;
  messageId: string | null;
  topic: string;
  partition: number | null;
  offset: string | null;
  type: string | null;
  reason: ParkReason;
  parkedAt: Date;
  status: ParkedStatus;
  replayAttempts: number;
  lastAttemptAt: Date | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  /** A replay's outcome (`handled`, `duplicate`, `ignored`) or a discard's reason. */
  resolution: string | null;
  /** The value as received: for whoever may read it, never shown by default. */
  payload: string;
  headers: Record<string, string>;
}

/** What a replay did: the handler ran (or the inbox had the message already, or no handler takes it now), or the message is refused again. */
export type ReplayOutcome = { outcome: 'handled' | 'duplicate' | 'ignored' } | { outcome: 'parked'; reason: ParkReason };

/** No parked message has this id. */
export class ParkedMessageNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No parked message ${id}`);
    this.name = 'ParkedMessageNotFoundError';
  }
}

/** The message was replayed or discarded already: it is nobody's to act on any more. */
export class ParkedMessageResolvedError extends Error {
  constructor(
    readonly id: string,
    readonly status: Exclude<ParkedStatus, 'parked'>,
  ) {
    super(`Parked message ${id} was ${status} already`);
    this.name = 'ParkedMessageResolvedError';
  }
}

/**
 * Records what an operator did, inside the transaction that does it (an event in the service's log):
 * committed with the change, or not at all.
 */
export type ParkedMessageRecorder = (
  client: PoolClient,
  message: ParkedMessage,
  what: { action: 'replayed'; outcome: ReplayOutcome } | { action: 'discarded'; reason: string },
) => Promise<void>;

interface Row {
  id: string;
  message_id: string | null;
  topic: string;
  partition: number | null;
  offset: string | null;
  type: string | null;
  payload: string;
  headers: Record<string, string>;
  reason: ParkReason;
  parked_at: Date;
  status: ParkedStatus;
  replay_attempts: number;
  last_attempt_at: Date | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution: string | null;
}

const COLUMNS = `id::text AS id, message_id, topic, partition, "offset"::text AS "offset", type, payload, headers, reason, parked_at, status, replay_attempts, last_attempt_at, resolved_at, resolved_by, resolution`;

function fromRow(r: Row): ParkedMessage {
  return {
    id: r.id,
    messageId: r.message_id,
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    type: r.type,
    reason: r.reason,
    parkedAt: r.parked_at,
    status: r.status,
    replayAttempts: r.replay_attempts,
    lastAttemptAt: r.last_attempt_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    resolution: r.resolution,
    payload: r.payload,
    headers: r.headers,
  };
}

/** The parked messages of a schema, newest first: those of one status (default: waiting), or all; or the one of `id`. */
export async function listParkedMessages(
  pool: Pool,
  schema: string,
  o: { status?: ParkedStatus | 'all'; limit: number; id?: string },
): Promise<ParkedMessage[]> {
  const status = o.status ?? 'parked';
  const { rows } = await pool.query<Row>(
    `SELECT ${COLUMNS} FROM ${ident(schema)}.parked_messages WHERE ($1::text = 'all' OR status = $1) AND ($3::bigint IS NULL OR id = $3::bigint) ORDER BY id DESC LIMIT $2`,
    [status, o.limit, o.id ?? null],
  );
  return rows.map(fromRow);
}

/** How many messages wait in each status. */
export async function countParkedMessages(pool: Pool, schema: string): Promise<Record<ParkedStatus, number>> {
  const { rows } = await pool.query<{ status: ParkedStatus; n: number }>(
    `SELECT status, count(*)::int AS n FROM ${ident(schema)}.parked_messages GROUP BY status`,
  );
  const counts = { parked: 0, replayed: 0, discarded: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** The message as the consumer got it, rebuilt from its row (the key is not kept; no handler reads it). */
export function asIncoming(m: ParkedMessage): IncomingMessage {
  let payload: unknown;
  try {
    payload = JSON.parse(m.payload);
  } catch {
    payload = undefined;
  }
  return {
    id: m.messageId ?? '',
    topic: m.topic,
    key: '',
    type: m.type ?? '',
    payload,
    raw: m.payload,
    correlationId: m.headers[HEADERS.correlationId] ?? '',
    causationId: m.headers[HEADERS.causationId] ?? '',
    ...(m.partition !== null ? { partition: m.partition } : {}),
    ...(m.offset !== null ? { offset: m.offset } : {}),
    headers: m.headers,
  };
}

async function lockWaiting(client: PoolClient, schema: string, id: string): Promise<ParkedMessage> {
  const { rows } = await client.query<Row>(`SELECT ${COLUMNS} FROM ${ident(schema)}.parked_messages WHERE id = $1::bigint FOR UPDATE`, [
    id,
  ]);
  if (rows.length === 0) throw new ParkedMessageNotFoundError(id);
  const m = fromRow(rows[0]);
  if (m.status !== 'parked') throw new ParkedMessageResolvedError(id, m.status);
  return m;
}

/**
 * Runs a parked message through the consumer again, after a fix (a configuration change, the record it
 * needed now there): the same checks, then its handler in one transaction with the inbox, so a message
 * the inbox holds already has no second effect. In the same transaction the row becomes `replayed`,
 * attributed to `operator`, and `record` writes what happened. A message refused again (or still
 * invalid) stays parked with the new reason and one more attempt, recorded too. Any other failure (the
 * database away) rolls everything back and is thrown. Throws {@link ParkedMessageNotFoundError} and
 * {@link ParkedMessageResolvedError}.
 */
export async function replayParkedMessage(o: {
  pool: Pool;
  schema: string;
  handlers: ContractHandlers;
  id: string;
  operator: string;
  record: ParkedMessageRecorder;
}): Promise<ReplayOutcome> {
  const s = ident(o.schema);
  return inTransaction(o.pool, async (client) => {
    const parked = await lockWaiting(client, o.schema, o.id);
    const message = asIncoming(parked);
    const checked = await checkIncoming(message, o.handlers);
    let outcome: ReplayOutcome;
    if (checked.kind === 'park') outcome = { outcome: 'parked', reason: checked.reason };
    else if (checked.kind === 'ignore') outcome = { outcome: 'ignored' };
    else {
      await client.query('SAVEPOINT replay');
      try {
        if (await recordInInbox(client, o.schema, message)) {
          await checked.handler(checked.value, { client, message });
          outcome = { outcome: 'handled' };
        } else outcome = { outcome: 'duplicate' };
        await client.query('RELEASE SAVEPOINT replay');
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        await client.query('ROLLBACK TO SAVEPOINT replay');
        outcome = { outcome: 'parked', reason: refusal(e) };
      }
    }
    if (outcome.outcome === 'parked') {
      await client.query(
        `UPDATE ${s}.parked_messages SET reason = $2, replay_attempts = replay_attempts + 1, last_attempt_at = now() WHERE id = $1::bigint`,
        [o.id, JSON.stringify(outcome.reason)],
      );
    } else {
      await client.query(
        `UPDATE ${s}.parked_messages SET status = 'replayed', replay_attempts = replay_attempts + 1, last_attempt_at = now(), resolved_at = now(), resolved_by = $2, resolution = $3 WHERE id = $1::bigint`,
        [o.id, o.operator, outcome.outcome],
      );
    }
    await o.record(client, parked, { action: 'replayed', outcome });
    return outcome;
  });
}

/**
 * Gives a parked message up, for `reason`, attributed to `operator`; `record` writes it in the same
 * transaction. The row stays, as received. Throws {@link ParkedMessageNotFoundError} and
 * {@link ParkedMessageResolvedError}.
 */
export async function discardParkedMessage(o: {
  pool: Pool;
  schema: string;
  id: string;
  operator: string;
  reason: string;
  record: ParkedMessageRecorder;
}): Promise<void> {
  await inTransaction(o.pool, async (client) => {
    const parked = await lockWaiting(client, o.schema, o.id);
    await client.query(
      `UPDATE ${ident(o.schema)}.parked_messages SET status = 'discarded', resolved_at = now(), resolved_by = $2, resolution = $3 WHERE id = $1::bigint`,
      [o.id, o.operator, o.reason],
    );
    await o.record(client, parked, { action: 'discarded', reason: o.reason });
  });
}
