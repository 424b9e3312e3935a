import type { QueryResult, QueryResultRow } from 'pg';
import type { DataKeyStore, KeyDestruction, StoredDataKey } from './crypto-shredding';
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
