import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import type { Pool, PoolClient } from 'pg';
import { ev } from './event-store.contract';
import { RecordedEvent, START } from './event-store';
import { contentHash } from './hashing';
import { PostgresEventStore } from './postgres-event-store';

// Sequence values become visible in commit order, not allocation order: an append that takes its
// position first but commits last must still reach every subscriber, exactly once.
describe('PostgreSQL global log with a late-committing append', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let held: PoolClient;

  beforeAll(async () => {
    db = await createTestDatabase('late');
    pool = db.pool(10);
    store = new PostgresEventStore({ pool, schema: 'late' });
    await store.migrate();
  });
  afterAll(async () => {
    held?.release();
    await store.close();
    await db.drop();
  });

  it('holds back later commits until the open append commits, then delivers all once in a stable order', async () => {
    const delivered: RecordedEvent[] = [];
    const sub = store.subscribeToAll(START, { handle: async (events) => void delivered.push(...events), pollIntervalMs: 50 });
    await store.appendToStream('case-before', [ev('Before', { n: 0 })]);
    await eventually(() => expect(delivered.map((e) => e.type)).toEqual(['Before']));

    // Transaction A appends and stays open.
    held = await pool.connect();
    await held.query('BEGIN');
    const lateEvent = ev('Late', { n: 1 });
    const { rows } = await held.query(`SELECT * FROM late.append_events($1, -2, $2::jsonb)`, [
      'case-late',
      JSON.stringify([{ ...lateEvent, contentHash: contentHash({ ...lateEvent, streamId: 'case-late' }) }]),
    ]);
    const latePosition = BigInt(rows[0].last_position);

    // Others append and commit meanwhile: their positions are allocated after A's.
    for (let i = 0; i < 5; i++) await store.appendToStream(`case-early-${i}`, [ev('Early', { n: i })]);
    const committed = await pool.query<{ position: string }>(`SELECT position FROM late.events WHERE type = 'Early' ORDER BY position`);
    expect(committed.rows.every((r) => BigInt(r.position) > latePosition)).toBe(true);

    // A naive "position > last seen" reader would hand these out now and never see A's event.
    const naive = await pool.query(`SELECT type FROM late.events WHERE position > $1 ORDER BY position`, [latePosition]);
    expect(naive.rows.map((r) => r.type)).toEqual(['Early', 'Early', 'Early', 'Early', 'Early']);
    // Ours does not: nothing past A is readable while A is open.
    const whileOpen = await store.readAll(delivered[0].position);
    expect(whileOpen).toEqual([]);
    expect(delivered.map((e) => e.type)).toEqual(['Before']);

    await held.query('COMMIT');
    await eventually(() => expect(delivered).toHaveLength(7));
    await sub.stop();

    expect(delivered.map((e) => `${e.type}:${(e.data as { n: number }).n}`)).toEqual([
      'Before:0',
      'Late:1',
      'Early:0',
      'Early:1',
      'Early:2',
      'Early:3',
      'Early:4',
    ]);
    expect(new Set(delivered.map((e) => e.id)).size).toBe(7);

    // The order is stable: reading the log again gives the same sequence.
    const again = await store.readAll(START);
    expect(again.map((e) => e.id)).toEqual(delivered.map((e) => e.id));
  });

  it('is not held back by an open transaction in another database of the same server', async () => {
    const other = await createTestDatabase('other');
    const otherPool = other.pool(1);
    const c = await otherPool.connect();
    try {
      await c.query('BEGIN');
      await c.query('CREATE TABLE t (x int)');
      await c.query('SELECT pg_current_xact_id()');
      const before = (await store.readAll(START)).length;
      await store.appendToStream('case-independent', [ev('Independent', { n: 9 })]);
      const after = await store.readAll(START);
      expect(after).toHaveLength(before + 1);
      expect(after[after.length - 1].type).toBe('Independent');
      await c.query('ROLLBACK');
    } finally {
      c.release();
      await other.drop();
    }
  });
});
