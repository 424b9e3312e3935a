import type { Pool, QueryResult, QueryResultRow } from 'pg';
import { DataKeyStore, KeyDestruction, KeyEncryptionKeyRing, StoredDataKey } from './crypto-shredding';
import { ident } from './postgres-schema';

interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]): Promise<QueryResult<R>>;
}

interface KeyRow {
  key_id: string;
  kek_id: string | null;
  wrapped_key: Buffer | null;
  destroyed_at: Date | null;
  destroyed_by: string | null;
  decision: string | null;
}

function stored(r: KeyRow): StoredDataKey {
  return r.wrapped_key
    ? { keyId: r.key_id, kekId: r.kek_id!, wrapped: r.wrapped_key }
    : { keyId: r.key_id, destroyed: { keyId: r.key_id, at: r.destroyed_at!.toISOString(), by: r.destroyed_by!, decision: r.decision! } };
}

/**
 * The data keys of crypto-shredding in `<schema>.data_keys` (ADR 0053), on the store's connection: the pool,
 * or the caller's transaction, so that a key made or destroyed by an append commits or rolls back with it.
 */
export class PostgresDataKeyStore implements DataKeyStore {
  private readonly table: string;

  constructor(
    private readonly db: Queryable,
    schema: string,
  ) {
    this.table = `${ident(schema)}.data_keys`;
  }

  async find(keyIds: string[]): Promise<Map<string, StoredDataKey>> {
    const { rows } = await this.db.query<KeyRow>(
      `SELECT key_id, kek_id, wrapped_key, destroyed_at, destroyed_by, decision FROM ${this.table} WHERE key_id = ANY($1::text[])`,
      [keyIds],
    );
    return new Map(rows.map((r) => [r.key_id, stored(r)]));
  }

  async create(keyId: string, kekId: string, wrapped: Buffer): Promise<StoredDataKey> {
    const inserted = await this.db.query<KeyRow>(
      `INSERT INTO ${this.table} (key_id, kek_id, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING
       RETURNING key_id, kek_id, wrapped_key, destroyed_at, destroyed_by, decision`,
      [keyId, kekId, wrapped],
    );
    if (inserted.rows[0]) return stored(inserted.rows[0]);
    // Made by a concurrent append (committed by now: ON CONFLICT waited for it), or destroyed.
    const found = await this.find([keyId]);
    return found.get(keyId)!;
  }

  async destroy(d: KeyDestruction): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.table} (key_id, destroyed_at, destroyed_by, decision) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key_id) DO UPDATE SET kek_id = NULL, wrapped_key = NULL,
         destroyed_at = coalesce(${this.table}.destroyed_at, EXCLUDED.destroyed_at),
         destroyed_by = coalesce(${this.table}.destroyed_by, EXCLUDED.destroyed_by),
         decision = coalesce(${this.table}.decision, EXCLUDED.decision)`,
      [d.keyId, d.at, d.by, d.decision],
    );
  }
}

/** What a re-wrap did: data keys moved to the current key-encryption key, and what another one still wraps. */
export interface RewrapResult {
  rewrapped: number;
  /**
   * Data keys still wrapped by another key-encryption key, by its id: one the ring does not have (left as they
   * are), or a row locked by a concurrent change (run again). Empty: the previous keys can be retired.
   */
  remaining: Record<string, number>;
}

/**
 * Moves every data key of `<schema>.data_keys` that another key-encryption key wraps to the ring's current one
 * (a rotation: ADR 0060), in batches, each in its own transaction. The data keys themselves do not change, so
 * nothing sealed is touched and every reader keeps working; destroyed keys have nothing to move. Safe to run
 * again, and beside running services (rows are locked while they move; a key destroyed meanwhile stays
 * destroyed).
 */
export async function rewrapDataKeys(
  pool: Pool,
  schema: string,
  ring: KeyEncryptionKeyRing,
  options: { batchSize?: number; onProgress?: (rewrapped: number) => void } = {},
): Promise<RewrapResult> {
  const table = `${ident(schema)}.data_keys`;
  let rewrapped = 0;
  const unknownIds = new Set<string>();
  const batchSize = options.batchSize ?? 500;
  for (;;) {
    const client = await pool.connect();
    let moved = 0;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ key_id: string; kek_id: string; wrapped_key: Buffer }>(
        `SELECT key_id, kek_id, wrapped_key FROM ${table}
          WHERE wrapped_key IS NOT NULL AND kek_id <> $1 AND kek_id <> ALL($2::text[])
          ORDER BY key_id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [ring.id, [...unknownIds], batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        break;
      }
      for (const r of rows) {
        const kek = ring.find(r.kek_id);
        if (!kek) {
          unknownIds.add(r.kek_id);
          continue;
        }
        const wrapped = await ring.current.wrap(await kek.unwrap(r.wrapped_key));
        await client.query(`UPDATE ${table} SET kek_id = $2, wrapped_key = $3 WHERE key_id = $1`, [r.key_id, ring.id, wrapped]);
        moved++;
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    rewrapped += moved;
    options.onProgress?.(rewrapped);
  }
  const { rows } = await pool.query<{ kek_id: string; n: number }>(
    `SELECT kek_id, count(*)::int AS n FROM ${table} WHERE wrapped_key IS NOT NULL AND kek_id <> $1 GROUP BY kek_id ORDER BY kek_id`,
    [ring.id],
  );
  return { rewrapped, remaining: Object.fromEntries(rows.map((r) => [r.kek_id, r.n])) };
}
