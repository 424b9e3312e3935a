import { comparePositions, FenceQuery, GlobalPosition, ident, prepared } from '@police/event-store';
import type { Pool } from 'pg';

/** Where a relay has got to in its store's global log. */
export interface CheckpointStore {
  /** The position stored under `name`, or undefined when there is none yet. */
  load(name: string): Promise<GlobalPosition | undefined>;
  /**
   * Stores `position` under `name`. A checkpoint never moves backwards: an older position is ignored.
   * With `fence`, it runs first in the same transaction, and nothing is stored when it throws (a lease lost).
   */
  save(name: string, position: GlobalPosition, fence?: (query: FenceQuery) => Promise<void>): Promise<void>;
}

/** Checkpoints in `<schema>.relay_checkpoints` (see `migrateMessaging`). */
export class PostgresCheckpointStore implements CheckpointStore {
  private readonly s: string;

  constructor(private readonly options: { pool: Pool; schema: string }) {
    this.s = ident(options.schema);
  }

  async load(name: string): Promise<GlobalPosition | undefined> {
    const { rows } = await this.options.pool.query<{ commit_position: string; prepare_position: string }>(
      `SELECT commit_position, prepare_position FROM ${this.s}.relay_checkpoints WHERE name = $1`,
      [name],
    );
    return rows[0] ? { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) } : undefined;
  }

  async save(name: string, position: GlobalPosition, fence?: (query: FenceQuery) => Promise<void>): Promise<void> {
    const client = await this.options.pool.connect();
    let broken: unknown;
    try {
      await client.query('BEGIN');
      await fence?.(async (text, values) => (await client.query(prepared(text, values))).rows);
      await client.query(
        prepared(
          `INSERT INTO ${this.s}.relay_checkpoints AS c (name, commit_position, prepare_position) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = now()
            WHERE (c.commit_position, c.prepare_position) < (EXCLUDED.commit_position, EXCLUDED.prepare_position)`,
          [name, position.commit.toString(), position.prepare.toString()],
        ),
      );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch((rollbackFailed) => (broken = rollbackFailed));
      throw e;
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }
}

/** Checkpoints in memory, for tests and the embedded mode; same rules as the PostgreSQL one. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, GlobalPosition>();

  async load(name: string): Promise<GlobalPosition | undefined> {
    const p = this.positions.get(name);
    return p && { ...p };
  }

  /** `fence` runs first (its query finds nothing here: a fence of its own, in tests); nothing is stored when it throws. */
  async save(name: string, position: GlobalPosition, fence?: (query: FenceQuery) => Promise<void>): Promise<void> {
    await fence?.(async () => []);
    const current = this.positions.get(name);
    if (!current || comparePositions(current, position) < 0) this.positions.set(name, { ...position });
  }
}
