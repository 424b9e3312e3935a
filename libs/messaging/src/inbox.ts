import type { FieldError } from '@police/contracts';
import { ident } from '@police/event-store';
import type { Pool, PoolClient } from 'pg';
import type { IncomingMessage } from './message';

/** Why a message was parked, as stored in `parked_messages.reason`. */
export interface ParkReason {
  /** `refused`: valid, but the consuming service's rules refuse it (a DomainError from the handler). */
  code: 'invalid_envelope' | 'unknown_type' | 'invalid_payload' | 'refused';
  errors: FieldError[];
}

/**
 * Records `message` in `<schema>.inbox` inside the caller's transaction. True when it was new; false
 * when the id was handled before (or is being handled by a transaction that then commits).
 */
export async function recordInInbox(client: PoolClient, schema: string, message: IncomingMessage): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO ${ident(schema)}.inbox (message_id, type, topic) VALUES ($1, $2, $3) ON CONFLICT (message_id) DO NOTHING`,
    [message.id, message.type, message.topic],
  );
  return rowCount === 1;
}

/** Keeps a message that cannot be handled in `<schema>.parked_messages`, as received. A message id is parked once. */
export async function parkMessage(pool: Pool, schema: string, message: IncomingMessage, reason: ParkReason): Promise<void> {
  await pool.query(
    `INSERT INTO ${ident(schema)}.parked_messages (message_id, topic, partition, "offset", type, payload, headers, reason)
     VALUES (NULLIF($1, ''), $2, $3, $4, NULLIF($5, ''), $6, $7, $8)
     ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO NOTHING`,
    [
      message.id,
      message.topic,
      message.partition ?? null,
      message.offset ?? null,
      message.type,
      message.raw,
      JSON.stringify(message.headers),
      JSON.stringify(reason),
    ],
  );
}
