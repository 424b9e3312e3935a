import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * A statement PostgreSQL parses and plans once per connection, not at every call: named after its text (the same
 * text always gets the same name, so two texts never share one). For the statements every command or
 * subscription sends.
 */
export function prepared(text: string, values: unknown[]): { name: string; text: string; values: unknown[] } {
  let name = preparedNames.get(text);
  if (!name) {
    name = `es_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    preparedNames.set(text, name);
  }
  return { name, text, values };
}

const preparedNames = new Map<string, string>();

/** A quoted SQL identifier for a schema name we control; rejects anything that is not a plain name. */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid schema name "${name}"`);
  return `"${name}"`;
}

export interface Migration {
  id: number;
  name: string;
  sql: (schema: string) => string;
}

/**
 * The event store's schema, as ordered migrations. Each runs once per schema, recorded in
 * `<schema>.event_store_migrations`; a published migration is never edited, only followed by another.
 */
export const EVENT_STORE_MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'events table, append function, snapshots',
    sql: (schema) => {
      const s = ident(schema);
      return `
CREATE TABLE ${s}.events (
  position        bigint GENERATED ALWAYS AS IDENTITY,
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid        NOT NULL,
  stream_id       text        NOT NULL,
  stream_version  integer     NOT NULL,
  type            text        NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  prev_hash       bytea       NOT NULL,
  content_hash    bytea       NOT NULL,
  hash            bytea       NOT NULL,
  CONSTRAINT events_stream_version_pk PRIMARY KEY (stream_id, stream_version),
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_version_check CHECK (stream_version >= 0)
);
-- The global log is read in (transaction id, position) order: stable, and a row only becomes readable
-- once no older transaction can still commit (see readAll).
CREATE INDEX events_global_order_idx ON ${s}.events (transaction_id, position);

-- The event log is append-only: no UPDATE, DELETE or TRUNCATE through ordinary roles' statements.
CREATE FUNCTION ${s}.events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are immutable: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON ${s}.events FOR EACH ROW EXECUTE FUNCTION ${s}.events_are_immutable();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events FOR EACH STATEMENT EXECUTE FUNCTION ${s}.events_are_immutable();

-- One round trip per append. p_expected: -1 no stream, -2 any, -3 stream exists, >= 0 exact version.
-- Returns status 'wrong_expected_version' (and the actual version) instead of raising, so the caller
-- can tell an idempotent retry from a conflict.
CREATE FUNCTION ${s}.append_events(p_stream text, p_expected bigint, p_events jsonb)
RETURNS TABLE (status text, stream_version integer, transaction_id xid8, last_position bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_current integer;
  v_prev    bytea;
  v_event   jsonb;
  v_content bytea;
  v_hash    bytea;
  v_pos     bigint;
BEGIN
  SELECT e.stream_version, e.hash INTO v_current, v_prev
    FROM ${s}.events e WHERE e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
  IF v_current IS NULL THEN
    v_current := -1;
    v_prev := decode(repeat('00', 32), 'hex');
  END IF;
  IF (p_expected = -1 AND v_current <> -1)
     OR (p_expected = -3 AND v_current = -1)
     OR (p_expected >= 0 AND v_current <> p_expected) THEN
    RETURN QUERY SELECT 'wrong_expected_version'::text, v_current, NULL::xid8, NULL::bigint;
    RETURN;
  END IF;
  FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
    v_current := v_current + 1;
    v_content := decode(v_event->>'contentHash', 'hex');
    v_hash := sha256(v_prev || v_content);
    INSERT INTO ${s}.events (event_id, stream_id, stream_version, type, data, metadata, prev_hash, content_hash, hash)
    VALUES ((v_event->>'id')::uuid, p_stream, v_current, v_event->>'type', v_event->'data', v_event->'metadata', v_prev, v_content, v_hash)
    RETURNING position INTO v_pos;
    v_prev := v_hash;
  END LOOP;
  RETURN QUERY SELECT 'ok'::text, v_current, pg_current_xact_id(), v_pos;
END $$;

-- Group commit: several appends in one transaction. Happy path: all in one subtransaction. When one of
-- them breaks a unique constraint (a lost race, a reused event id), that is rolled back and each append
-- runs in a subtransaction of its own, so a refused append rolls back alone. idx answers p_streams[idx + 1].
CREATE FUNCTION ${s}.append_batch(p_streams text[], p_expected bigint[], p_events jsonb[])
RETURNS TABLE (idx integer, status text, stream_version integer, transaction_id xid8, last_position bigint, constraint_name text)
LANGUAGE plpgsql AS $$
DECLARE
  n integer := coalesce(array_length(p_streams, 1), 0);
  i integer;
  r record;
  v_status text[] := '{}';
  v_version integer[] := '{}';
  v_tx xid8[] := '{}';
  v_pos bigint[] := '{}';
  v_constraint text[] := '{}';
  v_con text;
BEGIN
  BEGIN
    FOR i IN 1 .. n LOOP
      SELECT * INTO r FROM ${s}.append_events(p_streams[i], p_expected[i], p_events[i]) AS a;
      v_status[i] := r.status; v_version[i] := r.stream_version; v_tx[i] := r.transaction_id; v_pos[i] := r.last_position;
    END LOOP;
  EXCEPTION WHEN unique_violation THEN
    v_status := '{}'; v_version := '{}'; v_tx := '{}'; v_pos := '{}';
    FOR i IN 1 .. n LOOP
      BEGIN
        SELECT * INTO r FROM ${s}.append_events(p_streams[i], p_expected[i], p_events[i]) AS a;
        v_status[i] := r.status; v_version[i] := r.stream_version; v_tx[i] := r.transaction_id; v_pos[i] := r.last_position;
      EXCEPTION WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_con = CONSTRAINT_NAME;
        v_status[i] := 'unique_violation'; v_constraint[i] := v_con;
      END;
    END LOOP;
  END;
  RETURN QUERY SELECT g - 1, v_status[g], v_version[g], v_tx[g], v_pos[g], v_constraint[g] FROM generate_series(1, n) AS g;
END $$;

CREATE TABLE ${s}.snapshots (
  stream_id      text        PRIMARY KEY,
  stream_version integer     NOT NULL,
  state_version  text        NOT NULL,
  state          jsonb       NOT NULL,
  taken_at       timestamptz NOT NULL DEFAULT now()
);
`;
    },
  },
  {
    id: 2,
    name: 'appends return what they stored',
    sql: (schema) => {
      const s = ident(schema);
      // The same appends, now also answering with what they stored (each event's position and chain
      // link, and the commit's time), so that the caller need not read back what it just wrote. The
      // extra column is last: a caller that names the columns it reads is unaffected.
      return `
DROP FUNCTION ${s}.append_batch(text[], bigint[], jsonb[]);
DROP FUNCTION ${s}.append_events(text, bigint, jsonb);

CREATE FUNCTION ${s}.append_events(p_stream text, p_expected bigint, p_events jsonb)
RETURNS TABLE (status text, stream_version integer, transaction_id xid8, last_position bigint, recorded jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  v_current   integer;
  v_prev      bytea;
  v_first     bytea;
  v_event     jsonb;
  v_content   bytea;
  v_hash      bytea;
  v_pos       bigint;
  v_positions text[] := '{}';
  v_hashes    text[] := '{}';
BEGIN
  SELECT e.stream_version, e.hash INTO v_current, v_prev
    FROM ${s}.events e WHERE e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
  IF v_current IS NULL THEN
    v_current := -1;
    v_prev := decode(repeat('00', 32), 'hex');
  END IF;
  IF (p_expected = -1 AND v_current <> -1)
     OR (p_expected = -3 AND v_current = -1)
     OR (p_expected >= 0 AND v_current <> p_expected) THEN
    RETURN QUERY SELECT 'wrong_expected_version'::text, v_current, NULL::xid8, NULL::bigint, NULL::jsonb;
    RETURN;
  END IF;
  v_first := v_prev;
  FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
    v_current := v_current + 1;
    v_content := decode(v_event->>'contentHash', 'hex');
    v_hash := sha256(v_prev || v_content);
    INSERT INTO ${s}.events (event_id, stream_id, stream_version, type, data, metadata, prev_hash, content_hash, hash)
    VALUES ((v_event->>'id')::uuid, p_stream, v_current, v_event->>'type', v_event->'data', v_event->'metadata', v_prev, v_content, v_hash)
    RETURNING position INTO v_pos;
    v_positions := v_positions || v_pos::text;
    v_hashes := v_hashes || encode(v_hash, 'hex');
    v_prev := v_hash;
  END LOOP;
  RETURN QUERY SELECT 'ok'::text, v_current, pg_current_xact_id(), v_pos,
    jsonb_build_object('recordedAt', now()::text, 'prevHash', encode(v_first, 'hex'), 'positions', to_jsonb(v_positions), 'hashes', to_jsonb(v_hashes));
END $$;

CREATE FUNCTION ${s}.append_batch(p_streams text[], p_expected bigint[], p_events jsonb[])
RETURNS TABLE (idx integer, status text, stream_version integer, transaction_id xid8, last_position bigint, constraint_name text, recorded jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  n integer := coalesce(array_length(p_streams, 1), 0);
  i integer;
  r record;
  v_status text[] := '{}';
  v_version integer[] := '{}';
  v_tx xid8[] := '{}';
  v_pos bigint[] := '{}';
  v_recorded jsonb[] := '{}';
  v_constraint text[] := '{}';
  v_con text;
BEGIN
  BEGIN
    FOR i IN 1 .. n LOOP
      SELECT * INTO r FROM ${s}.append_events(p_streams[i], p_expected[i], p_events[i]) AS a;
      v_status[i] := r.status; v_version[i] := r.stream_version; v_tx[i] := r.transaction_id; v_pos[i] := r.last_position; v_recorded[i] := r.recorded;
    END LOOP;
  EXCEPTION WHEN unique_violation THEN
    v_status := '{}'; v_version := '{}'; v_tx := '{}'; v_pos := '{}'; v_recorded := '{}';
    FOR i IN 1 .. n LOOP
      BEGIN
        SELECT * INTO r FROM ${s}.append_events(p_streams[i], p_expected[i], p_events[i]) AS a;
        v_status[i] := r.status; v_version[i] := r.stream_version; v_tx[i] := r.transaction_id; v_pos[i] := r.last_position; v_recorded[i] := r.recorded;
      EXCEPTION WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_con = CONSTRAINT_NAME;
        v_status[i] := 'unique_violation'; v_constraint[i] := v_con;
      END;
    END LOOP;
  END;
  RETURN QUERY SELECT g - 1, v_status[g], v_version[g], v_tx[g], v_pos[g], v_constraint[g], v_recorded[g] FROM generate_series(1, n) AS g;
END $$;
`;
    },
  },
  {
    id: 3,
    name: 'data keys of crypto-shredding',
    sql: (schema) => {
      const s = ident(schema);
      // The wrapped data keys of crypto-shredding (ADR 0053). Unlike the events, rows change: destroying a key
      // deletes its wrapped bytes and keeps a tombstone (when, by whom, under which decision), so a reader
      // shows the erasure and nothing is ever written under that key again.
      return `
CREATE TABLE ${s}.data_keys (
  key_id       text        PRIMARY KEY,
  kek_id       text,
  wrapped_key  bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  destroyed_at timestamptz,
  destroyed_by text,
  decision     text,
  CONSTRAINT data_keys_key_or_tombstone CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
`;
    },
  },
  {
    id: 4,
    name: 'appends answer with what they stored only when asked',
    sql: (schema) => {
      const s = ident(schema);
      // Building the answer of migration 2 (positions, chain links, the commit's time) costs every append,
      // yet only a command handler uses it. The appends now take p_answer (per append in a batch) and
      // answer NULL without it. The three-argument functions of migration 2 stay as they were (they always
      // answer), so a replica not yet upgraded keeps appending during a rolling upgrade.
      return `
CREATE FUNCTION ${s}.append_events(p_stream text, p_expected bigint, p_events jsonb, p_answer boolean)
RETURNS TABLE (status text, stream_version integer, transaction_id xid8, last_position bigint, recorded jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  v_current   integer;
  v_prev      bytea;
  v_first     bytea;
  v_event     jsonb;
  v_content   bytea;
  v_hash      bytea;
  v_pos       bigint;
  v_positions text[] := '{}';
  v_hashes    text[] := '{}';
BEGIN
  SELECT e.stream_version, e.hash INTO v_current, v_prev
    FROM ${s}.events e WHERE e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
  IF v_current IS NULL THEN
    v_current := -1;
    v_prev := decode(repeat('00', 32), 'hex');
  END IF;
  IF (p_expected = -1 AND v_current <> -1)
     OR (p_expected = -3 AND v_current = -1)
     OR (p_expected >= 0 AND v_current <> p_expected) THEN
    RETURN QUERY SELECT 'wrong_expected_version'::text, v_current, NULL::xid8, NULL::bigint, NULL::jsonb;
    RETURN;
  END IF;
  v_first := v_prev;
  FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
    v_current := v_current + 1;
    v_content := decode(v_event->>'contentHash', 'hex');
    v_hash := sha256(v_prev || v_content);
    INSERT INTO ${s}.events (event_id, stream_id, stream_version, type, data, metadata, prev_hash, content_hash, hash)
    VALUES ((v_event->>'id')::uuid, p_stream, v_current, v_event->>'type', v_event->'data', v_event->'metadata', v_prev, v_content, v_hash)
    RETURNING position INTO v_pos;
    IF p_answer THEN
      v_positions := v_positions || v_pos::text;
      v_hashes := v_hashes || encode(v_hash, 'hex');
    END IF;
    v_prev := v_hash;
  END LOOP;
  IF NOT p_answer THEN
    RETURN QUERY SELECT 'ok'::text, v_current, pg_current_xact_id(), v_pos, NULL::jsonb;
    RETURN;
  END IF;
  RETURN QUERY SELECT 'ok'::text, v_current, pg_current_xact_id(), v_pos,
    jsonb_build_object('recordedAt', now()::text, 'prevHash', encode(v_first, 'hex'), 'positions', to_jsonb(v_positions), 'hashes', to_jsonb(v_hashes));
END $$;

CREATE FUNCTION ${s}.append_batch(p_streams text[], p_expected bigint[], p_events jsonb[], p_answer boolean[])
RETURNS TABLE (idx integer, status text, stream_version integer, transaction_id xid8, last_position bigint, constraint_name text, recorded jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  n integer := coalesce(array_length(p_streams, 1), 0);
  i integer;
  r record;
  v_status text[] := '{}';
  v_version integer[] := '{}';
  v_tx xid8[] := '{}';
  v_pos bigint[] := '{}';
  v_recorded jsonb[] := '{}';
  v_constraint text[] := '{}';
  v_con text;
BEGIN
  BEGIN
    FOR i IN 1 .. n LOOP
      SELECT * INTO r FROM ${s}.append_events(p_streams[i], p_expected[i], p_events[i], p_answer[i]) AS a;
      v_status[i] := r.status; v_version[i] := r.stream_version; v_tx[i] := r.transaction_id; v_pos[i] := r.last_position; v_recorded[i] := r.recorded;
    END LOOP;
  EXCEPTION WHEN unique_violation THEN
    v_status := '{}'; v_version := '{}'; v_tx := '{}'; v_pos := '{}'; v_recorded := '{}';
    FOR i IN 1 .. n LOOP
      BEGIN
        SELECT * INTO r FROM ${s}.append_events(p_streams[i], p_expected[i], p_events[i], p_answer[i]) AS a;
        v_status[i] := r.status; v_version[i] := r.stream_version; v_tx[i] := r.transaction_id; v_pos[i] := r.last_position; v_recorded[i] := r.recorded;
      EXCEPTION WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_con = CONSTRAINT_NAME;
        v_status[i] := 'unique_violation'; v_constraint[i] := v_con;
      END;
    END LOOP;
  END;
  RETURN QUERY SELECT g - 1, v_status[g], v_version[g], v_tx[g], v_pos[g], v_constraint[g], v_recorded[g] FROM generate_series(1, n) AS g;
END $$;
`;
    },
  },
  {
    id: 5,
    name: 'a batch of one-event appends is one INSERT',
    sql: (schema) => {
      const s = ident(schema);
      // Migration 4's batch calls append_events once per append inside a subtransaction (the EXCEPTION
      // block): measured with pgbench, about 90 µs of server CPU per append for the subtransaction and the
      // call alone, beside about 230 µs for a plain INSERT. Now every append of one event to a stream named
      // once in the batch goes in one INSERT … SELECT: heads looked up together, the chain link computed in
      // SQL, ON CONFLICT DO NOTHING instead of a subtransaction. An append it did not insert because of a
      // conflict (a lost race, a reused event id), and every other append (several events, or a stream
      // named twice), then go through migration 4's path, so each is refused or appended exactly as before.
      // The INSERT's plan is kept generic: with custom plans (PL/pgSQL's default for parameters that are
      // arrays) it was planned again at every call, and a batch of one cost 400 µs more than migration 4's.
      return `
CREATE OR REPLACE FUNCTION ${s}.append_batch(p_streams text[], p_expected bigint[], p_events jsonb[], p_answer boolean[])
RETURNS TABLE (idx integer, status text, stream_version integer, transaction_id xid8, last_position bigint, constraint_name text, recorded jsonb)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  n integer := coalesce(array_length(p_streams, 1), 0);
  i integer;
  r record;
  v_status text[] := '{}';
  v_version integer[] := '{}';
  v_tx xid8[] := '{}';
  v_pos bigint[] := '{}';
  v_recorded jsonb[] := '{}';
  v_constraint text[] := '{}';
  v_done boolean[] := '{}';
  v_rest boolean := false;
  v_con text;
BEGIN
  FOR r IN
    WITH input AS (
      SELECT g AS i, p_streams[g] AS stream, p_expected[g] AS expected, p_events[g]->0 AS ev, coalesce(p_answer[g], false) AS answer,
             jsonb_array_length(p_events[g]) AS events, count(*) OVER (PARTITION BY p_streams[g]) AS uses
        FROM generate_series(1, n) AS g
    ), head AS (
      SELECT input.i, input.stream, input.expected, input.ev, input.answer,
             coalesce(h.stream_version, -1) AS cur, coalesce(h.hash, decode(repeat('00', 32), 'hex')) AS prev
        FROM input
        LEFT JOIN LATERAL (
          SELECT e.stream_version, e.hash FROM ${s}.events e WHERE e.stream_id = input.stream ORDER BY e.stream_version DESC LIMIT 1
        ) h ON true
       WHERE input.events = 1 AND input.uses = 1
    ), admitted AS (
      SELECT head.*, decode(head.ev->>'contentHash', 'hex') AS content FROM head
       WHERE NOT ((head.expected = -1 AND head.cur <> -1) OR (head.expected = -3 AND head.cur = -1) OR (head.expected >= 0 AND head.cur <> head.expected))
    ), inserted AS (
      INSERT INTO ${s}.events (event_id, stream_id, stream_version, type, data, metadata, prev_hash, content_hash, hash)
      SELECT (a.ev->>'id')::uuid, a.stream, a.cur + 1, a.ev->>'type', a.ev->'data', a.ev->'metadata', a.prev, a.content, sha256(a.prev || a.content)
        FROM admitted a ORDER BY a.i
      ON CONFLICT DO NOTHING
      RETURNING events.stream_id, events.position, events.hash
    )
    SELECT head.i, head.cur, head.prev, head.answer, a.i IS NOT NULL AS admitted, ins.position, ins.hash
      FROM head
      LEFT JOIN admitted a ON a.i = head.i
      LEFT JOIN inserted ins ON ins.stream_id = head.stream
  LOOP
    IF NOT r.admitted THEN
      v_status[r.i] := 'wrong_expected_version'; v_version[r.i] := r.cur; v_done[r.i] := true;
    ELSIF r.position IS NOT NULL THEN
      v_status[r.i] := 'ok'; v_version[r.i] := r.cur + 1; v_tx[r.i] := pg_current_xact_id(); v_pos[r.i] := r.position; v_done[r.i] := true;
      IF r.answer THEN
        v_recorded[r.i] := jsonb_build_object('recordedAt', now()::text, 'prevHash', encode(r.prev, 'hex'),
          'positions', jsonb_build_array(r.position::text), 'hashes', jsonb_build_array(encode(r.hash, 'hex')));
      END IF;
    END IF;
  END LOOP;
  FOR i IN 1 .. n LOOP
    IF v_done[i] IS NULL THEN v_rest := true; END IF;
  END LOOP;
  IF v_rest THEN
    BEGIN
      FOR i IN 1 .. n LOOP
        CONTINUE WHEN v_done[i];
        SELECT * INTO r FROM ${s}.append_events(p_streams[i], p_expected[i], p_events[i], p_answer[i]) AS a;
        v_status[i] := r.status; v_version[i] := r.stream_version; v_tx[i] := r.transaction_id; v_pos[i] := r.last_position; v_recorded[i] := r.recorded;
      END LOOP;
    EXCEPTION WHEN unique_violation THEN
      FOR i IN 1 .. n LOOP
        CONTINUE WHEN v_done[i];
        v_status[i] := NULL; v_version[i] := NULL; v_tx[i] := NULL; v_pos[i] := NULL; v_recorded[i] := NULL;
        BEGIN
          SELECT * INTO r FROM ${s}.append_events(p_streams[i], p_expected[i], p_events[i], p_answer[i]) AS a;
          v_status[i] := r.status; v_version[i] := r.stream_version; v_tx[i] := r.transaction_id; v_pos[i] := r.last_position; v_recorded[i] := r.recorded;
        EXCEPTION WHEN unique_violation THEN
          GET STACKED DIAGNOSTICS v_con = CONSTRAINT_NAME;
          v_status[i] := 'unique_violation'; v_constraint[i] := v_con;
        END;
      END LOOP;
    END;
  END IF;
  RETURN QUERY SELECT g - 1, v_status[g], v_version[g], v_tx[g], v_pos[g], v_constraint[g], v_recorded[g] FROM generate_series(1, n) AS g;
END $$;
`;
    },
  },
];

/**
 * Brings `schema` up to the latest migration. Safe to call from several processes at once: a
 * transaction-scoped advisory lock serialises them.
 */
export async function migrate(
  pool: Pool,
  schema: string,
  migrations: Migration[] = EVENT_STORE_MIGRATIONS,
  table = 'event_store_migrations',
): Promise<void> {
  const s = ident(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`migrate:${schema}:${table}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.${ident(table)} (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ id: number }>(`SELECT id FROM ${s}.${ident(table)}`);
    const applied = new Set(rows.map((r) => r.id));
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      await client.query(m.sql(schema));
      await client.query(`INSERT INTO ${s}.${ident(table)} (id, name) VALUES ($1, $2)`, [m.id, m.name]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
