import type { Pool } from 'pg';
import { ident, prepared } from './postgres-schema';

/** A folded state of a stream at a version, to start loading from instead of from the first event. */
export interface Snapshot<State = unknown> {
  streamId: string;
  /** Version of the last event folded into `state`. */
  streamVersion: number;
  /** Version of the state's shape; a snapshot of another shape is ignored and rebuilt. */
  stateVersion: string;
  state: State;
}

export interface SnapshotStore {
  load(streamId: string): Promise<Snapshot | undefined>;
  /** Saves if newer than the stored one; never moves a snapshot backwards. */
  save(snapshot: Snapshot): Promise<void>;
}

export class InMemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, Snapshot>();

  async load(streamId: string): Promise<Snapshot | undefined> {
    const s = this.snapshots.get(streamId);
    return s && structuredClone(s);
  }

  async save(snapshot: Snapshot): Promise<void> {
    const current = this.snapshots.get(snapshot.streamId);
    if (!current || current.streamVersion < snapshot.streamVersion || current.stateVersion !== snapshot.stateVersion) {
      this.snapshots.set(snapshot.streamId, JSON.parse(JSON.stringify(snapshot)));
    }
  }
}

/** Snapshots in `<schema>.snapshots` (created by the event store migration). */
export class PostgresSnapshotStore implements SnapshotStore {
  private readonly s: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.s = ident(schema);
  }

  async load(streamId: string): Promise<Snapshot | undefined> {
    const { rows } = await this.pool.query<{ stream_version: number; state_version: string; state: unknown }>(
      prepared(`SELECT stream_version, state_version, state FROM ${this.s}.snapshots WHERE stream_id = $1`, [streamId]),
    );
    return rows[0] && { streamId, streamVersion: rows[0].stream_version, stateVersion: rows[0].state_version, state: rows[0].state };
  }

  async save(snapshot: Snapshot): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.s}.snapshots (stream_id, stream_version, state_version, state) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (stream_id) DO UPDATE SET stream_version = EXCLUDED.stream_version, state_version = EXCLUDED.state_version, state = EXCLUDED.state, taken_at = now()
       WHERE ${this.s}.snapshots.stream_version < EXCLUDED.stream_version OR ${this.s}.snapshots.state_version <> EXCLUDED.state_version`,
      [snapshot.streamId, snapshot.streamVersion, snapshot.stateVersion, JSON.stringify(snapshot.state)],
    );
  }
}
