import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import type { Pool } from 'pg';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { ev } from './event-store.contract';
import { LeaseHolding, LeaseLostError, PostgresLeases } from './lease';
import { PostgresEventStore } from './postgres-event-store';
import { CommittedRow, Projection, Projector } from './projector';

@Entity({ name: 'tallies', schema: 'lease' })
class Tally {
  @PrimaryColumn('text') id: string;
  @Column('int') count: number;
  /** Every event id applied, in order: a second application shows as a repeated id. */
  @Column('text', { array: true }) applied: string[];
}

const tallies: Projection<Tally> = {
  name: 'tallies',
  entity: Tally,
  handles: ['Counted'],
  keys: (e) => [e.streamId],
  evolve: (row, e) => ({ id: e.streamId, count: (row?.count ?? 0) + 1, applied: [...(row?.applied ?? []), e.id] }),
};

const TTL = 1000;

describe('Leases (PostgreSQL, fencing tokens)', () => {
  let db: TestDatabase;
  const pools: Pool[] = [];
  const leases: PostgresLeases[] = [];

  function replica(name: string, pool = db.pool(3)): PostgresLeases {
    if (!pools.includes(pool)) pools.push(pool);
    const l = new PostgresLeases({ pool, schema: 'lease', ttlMs: TTL, holder: name });
    leases.push(l);
    return l;
  }

  /** Runs `fence` for `holding` in a transaction of its own on `pool`, as a checkpoint write would. */
  async function fencedWrite(pool: Pool, l: PostgresLeases, holding: LeaseHolding): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await l.fence(async (text, values) => (await client.query(text, values)).rows, holding);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase('lease');
    await replica('migrator').migrate();
  });
  afterAll(async () => {
    for (const l of leases) await l.stop();
    for (const p of pools) await p.end().catch(() => undefined);
    await db.drop();
  });

  it('gives a lease to one replica; the other takes it over within the time-to-live once the holder stops renewing, and the old token is refused', async () => {
    const deadPool = db.pool(2);
    const a = replica('a', deadPool);
    const b = replica('b');
    const held = await a.acquire('projection:x');
    expect(held).toMatchObject({ name: 'projection:x', token: '1', active: true });
    let taken: LeaseHolding | null | undefined;
    const waiting = b.acquire('projection:x').then((h) => (taken = h));
    // Renewed meanwhile: not taken over, however long the holder keeps it.
    await new Promise((r) => setTimeout(r, 2.5 * TTL));
    expect(taken).toBeUndefined();
    await fencedWrite(pools[0], a, held!);

    // The holder loses the database (as a killed process would): it stops renewing.
    const lostAt = Date.now();
    await deadPool.end();
    const takenOver = (await waiting)!;
    const takeoverMs = Date.now() - lostAt;
    expect(takenOver).toMatchObject({ name: 'projection:x', token: '2', active: true });
    expect(takeoverMs).toBeLessThan(TTL + 1000);
    // The old holder gave it up on its own side too, before the database let another take it.
    await held!.ended;
    expect(held!.active).toBe(false);
    await expect(fencedWrite(pools[0], a, held!)).rejects.toBeInstanceOf(LeaseLostError);
    await fencedWrite(pools[0], b, takenOver);
  });

  it('lets a write under the lease finish before another replica takes it over: the takeover waits for its commit', async () => {
    const pool = db.pool(3);
    const a = replica('a2', pool);
    const held = (await a.acquire('relay:y'))!;
    const client = await pool.connect();
    await client.query('BEGIN');
    await a.fence(async (text, values) => (await client.query(text, values)).rows, held);
    // Another replica forces a takeover (as an expiry would allow): it must wait for the write in progress.
    const other = await pool.connect();
    let tookOver = false;
    const takeover = other
      .query(`UPDATE lease.leases SET holder = 'thief', token = token + 1 WHERE name = 'relay:y'`)
      .then(() => (tookOver = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(tookOver).toBe(false);
    await client.query('COMMIT');
    await takeover;
    client.release();
    other.release();
    await expect(fencedWrite(pool, a, held)).rejects.toBeInstanceOf(LeaseLostError);
  });

  it('gives its leases up when it stops, so another replica takes them at once', async () => {
    const a = replica('a3');
    const b = replica('b3');
    await a.acquire('projection:z');
    const waiting = b.acquire('projection:z');
    await new Promise((r) => setTimeout(r, 300));
    const stoppedAt = Date.now();
    await a.stop();
    expect((await waiting)?.token).toBe('2');
    expect(Date.now() - stoppedAt).toBeLessThan(TTL / 2);
    expect(b.heldNames()).toEqual(['projection:z']);
  });

  it('runs a projection on one replica at a time: the other follows, tells its listeners, and takes over without applying an event twice', async () => {
    const store = new PostgresEventStore({ pool: db.pool(5), schema: 'lease', pollIntervalMs: 100 });
    await store.migrate();
    const ds = new DataSource({ type: 'postgres', url: db.url, entities: [Tally], synchronize: true, extra: { max: 4 } });
    await ds.initialize();
    const deadPool = db.pool(3);
    const la = replica('pa', deadPool);
    const lb = replica('pb');
    const pa = new Projector({ dataSource: ds, store, schema: 'lease', projections: [tallies], batchSize: 5, leases: la });
    const pb = new Projector({ dataSource: ds, store, schema: 'lease', projections: [tallies], batchSize: 5, leases: lb });
    await pa.migrate();
    await pa.start();
    await eventually(() => expect(pa.status()[0]).toMatchObject({ leased: true, running: true }));
    await pb.start();
    const heard: CommittedRow[] = [];
    pb.onCommit((_, rows) => heard.push(...rows));
    await eventually(() => expect(pb.status()[0]).toMatchObject({ leased: false, running: true }));

    for (let i = 0; i < 20; i++) await store.appendToStream(`s-${i % 3}`, [ev('Counted', {}, i)]);
    await eventually(async () => expect(await ds.query(`SELECT sum(count)::int AS n FROM lease.tallies`)).toEqual([{ n: 20 }]));
    // The standby heard of the rows the holder wrote, as they are now.
    await eventually(() => expect(heard.filter((h) => h.key === 's-0').at(-1)?.row).toMatchObject({ count: 7 }));
    expect(pb.status()[0].leased).toBe(false);

    // The holder loses its lease (its lease connection gone) while events keep coming.
    await deadPool.end();
    for (let i = 20; i < 40; i++) await store.appendToStream(`s-${i % 3}`, [ev('Counted', {}, i)]);
    await eventually(() => expect(pb.status()[0]).toMatchObject({ leased: true, running: true }), { timeoutMs: 3 * TTL });
    for (let i = 40; i < 50; i++) await store.appendToStream(`s-${i % 3}`, [ev('Counted', {}, i)]);
    await eventually(async () => expect(await ds.query(`SELECT sum(count)::int AS n FROM lease.tallies`)).toEqual([{ n: 50 }]));
    expect(pa.status()[0].leased).toBe(false);
    const rows: Tally[] = await ds.query(`SELECT id, count, applied FROM lease.tallies`);
    for (const r of rows) expect(new Set(r.applied).size).toBe(r.count);

    await pa.stop();
    await pb.stop();
    await store.close();
    await ds.destroy();
  });
});
