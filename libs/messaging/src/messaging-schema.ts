import { ident, migrate, Migration } from '@police/event-store';
import type { Pool } from 'pg';

/**
 * The messaging tables of one service's schema, as ordered migrations recorded in
 * `<schema>.messaging_migrations`: the relay's checkpoints, the inbox and the parked messages.
 * A published migration is never edited, only followed by another.
 */
export const MESSAGING_MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'relay checkpoints, inbox, parked messages',
    sql: (schema) => {
      const s = ident(schema);
      return `
CREATE TABLE ${s}.relay_checkpoints (
  name             text        PRIMARY KEY,
  commit_position  bigint      NOT NULL,
  prepare_position bigint      NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- One row per message id handled: written in the same transaction as the handler's effects.
CREATE TABLE ${s}.inbox (
  message_id text        PRIMARY KEY,
  type       text        NOT NULL,
  topic      text        NOT NULL,
  handled_at timestamptz NOT NULL DEFAULT now()
);

-- Messages that could not be handled (invalid envelope or contract, unknown type), kept as received.
CREATE TABLE ${s}.parked_messages (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id text,
  topic      text        NOT NULL,
  partition  integer,
  "offset"   bigint,
  type       text,
  payload    text        NOT NULL,
  headers    jsonb       NOT NULL,
  reason     jsonb       NOT NULL,
  parked_at  timestamptz NOT NULL DEFAULT now()
);
-- A redelivered message is parked once.
CREATE UNIQUE INDEX parked_messages_message_id_key ON ${s}.parked_messages (message_id) WHERE message_id IS NOT NULL;
`;
    },
  },
  {
    id: 2,
    name: 'parked messages: what an operator did with them',
    sql: (schema) => {
      const s = ident(schema);
      return `
-- parked: waiting for someone; replayed: handled again after a fix; discarded: given up, with the reason.
ALTER TABLE ${s}.parked_messages
  ADD COLUMN status          text        NOT NULL DEFAULT 'parked' CHECK (status IN ('parked', 'replayed', 'discarded')),
  ADD COLUMN replay_attempts integer     NOT NULL DEFAULT 0,
  ADD COLUMN last_attempt_at timestamptz,
  ADD COLUMN resolved_at     timestamptz,
  ADD COLUMN resolved_by     text,
  ADD COLUMN resolution      text;
CREATE INDEX parked_messages_status_idx ON ${s}.parked_messages (status, id);
`;
    },
  },
];

/** Creates or upgrades the messaging tables in `schema`. Safe to run concurrently and repeatedly. */
export async function migrateMessaging(pool: Pool, schema: string): Promise<void> {
  await migrate(pool, schema, MESSAGING_MIGRATIONS, 'messaging_migrations');
}
