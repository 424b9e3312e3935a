import { ident } from '@police/event-store';
import type { Pool } from 'pg';

/** Lags are counted up to this many events: beyond it, the figure says "at least". */
export const LAG_COUNT_LIMIT = 100_000;

/** Where a projection or the relay stands in the service's log, and how far behind it is. */
export interface CheckpointLag {
  kind: 'projection' | 'relay';
  name: string;
  /** The stored checkpoint (commit and prepare position), or null before its first batch. */
  position: { commit: string; prepare: string } | null;
  /** When the checkpoint last moved. */
  updatedAt: Date | null;
  /** Events in the log after the checkpoint (counted up to {@link LAG_COUNT_LIMIT}). */
  events: number;
  /** Age of the oldest of those events, in seconds (0 when none). */
  seconds: number;
}

/**
 * The stored checkpoints of a service's projections and relays, read from its database so that every
 * replica tells the same: each one's position, the events after it and the age of the first of them.
 * For the metrics (at scrape time) and the operations routes.
 */
export async function checkpointLags(
  pool: Pool,
  schema: string,
  names: { projections: string[]; relays: string[] },
): Promise<CheckpointLag[]> {
  const s = ident(schema);
  const { rows } = await pool.query<{
    kind: 'projection' | 'relay';
    name: string;
    commit_position: string | null;
    prepare_position: string | null;
    updated_at: Date | null;
    events: string;
    seconds: number | null;
  }>(
    `WITH checkpoints AS (
       SELECT 'projection' AS kind, n.name, c.commit_position, c.prepare_position, c.updated_at
         FROM unnest($1::text[]) AS n(name) LEFT JOIN ${s}.projection_checkpoints c ON c.name = n.name
       UNION ALL
       SELECT 'relay', n.name, c.commit_position, c.prepare_position, c.updated_at
         FROM unnest($2::text[]) AS n(name) LEFT JOIN ${s}.relay_checkpoints c ON c.name = n.name
     )
     SELECT c.kind, c.name, c.commit_position::text AS commit_position, c.prepare_position::text AS prepare_position, c.updated_at,
            (SELECT count(*) FROM (SELECT 1 FROM ${s}.events e
               WHERE (e.transaction_id, e.position) > (greatest(coalesce(c.commit_position, -1), 0)::text::xid8, coalesce(c.prepare_position, -1)) LIMIT ${LAG_COUNT_LIMIT}) AS behind) AS events,
            (SELECT extract(epoch FROM now() - e.recorded_at)::float8 FROM ${s}.events e
               WHERE (e.transaction_id, e.position) > (greatest(coalesce(c.commit_position, -1), 0)::text::xid8, coalesce(c.prepare_position, -1))
               ORDER BY e.transaction_id, e.position LIMIT 1) AS seconds
       FROM checkpoints c`,
    [names.projections, names.relays],
  );
  return rows.map((r) => ({
    kind: r.kind,
    name: r.name,
    // A projection's first lock writes -1/-1 before it has applied anything: no position yet.
    position:
      r.commit_position === null || r.commit_position === '-1' ? null : { commit: r.commit_position, prepare: r.prepare_position ?? '0' },
    updatedAt: r.updated_at,
    events: Number(r.events),
    seconds: Math.max(0, r.seconds ?? 0),
  }));
}
