// The projector through a database outage of the test's making: a TCP proxy between the projector and the
// shared PostgreSQL is cut mid-run and restored, while another connection keeps appending.
import { createTestDatabase, eventually, startTcpProxy, TcpProxy, TestDatabase } from '@police/testing';
import { Pool } from 'pg';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { LoopFailure } from './backoff';
import { ev } from './event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { Projection, Projector } from './projector';

@Entity({ name: 'note_counts', schema: 'outage' })
class NoteCount {
  @PrimaryColumn('text') id: string;
  @Column('int') notes: number;
}

const counts: Projection<NoteCount> = {
  name: 'note-counts',
  entity: NoteCount,
  handles: ['NoteAdded'],
  keys: (e) => [e.streamId],
  evolve: (row, e) => ({ id: e.streamId, notes: (row?.notes ?? 0) + 1 }),
};

describe('Projector through a PostgreSQL outage', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let writer: PostgresEventStore;
  let proxied: Pool;
  let reader: PostgresEventStore;
  let ds: DataSource;
  let projector: Projector;
  const failures: { projection: string; failure: LoopFailure }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('outage');
    writer = new PostgresEventStore({ pool: db.pool(4), schema: 'outage' });
    await writer.migrate();
    const u = new URL(db.url);
    proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port) });
    u.hostname = '127.0.0.1';
    u.port = String(proxy.port);
    proxied = new Pool({ connectionString: u.toString(), max: 4, connectionTimeoutMillis: 5000 });
    proxied.on('error', () => undefined);
    proxied.on('connect', (client) => client.on('error', () => undefined));
    reader = new PostgresEventStore({ pool: proxied, schema: 'outage', pollIntervalMs: 200 });
    ds = new DataSource({
      type: 'postgres',
      url: u.toString(),
      entities: [NoteCount],
      synchronize: true,
      extra: { max: 4, connectionTimeoutMillis: 5000 },
    });
    await ds.initialize();
    const master = (ds.driver as unknown as { master: Pool }).master;
    master.on('error', () => undefined);
    master.on('connect', (client) => client.on('error', () => undefined));
    projector = new Projector({
      dataSource: ds,
      store: reader,
      schema: 'outage',
      projections: [counts],
      batchSize: 5,
      backoff: { initialMs: 50, maxMs: 1000 },
      onError: (projection, _e, failure) => void failures.push({ projection, failure: { ...failure } }),
    });
    await projector.migrate();
  });

  afterAll(async () => {
    await projector.stop();
    await reader.close();
    await ds.destroy();
    await proxied.end();
    await writer.close();
    await proxy.close();
    await db.drop();
  });

  const counted = async () =>
    (await db.pool(1).query<{ id: string; notes: number }>('SELECT id, notes FROM outage.note_counts ORDER BY id')).rows;

  it('retries with back-off while the database is away, then resumes from its checkpoint: every event applied once', async () => {
    for (let i = 0; i < 30; i++) await writer.appendToStream(`case-${i % 3}`, [ev('NoteAdded', { n: i })]);
    await projector.start();
    await eventually(async () => expect((await counted()).length).toBeGreaterThan(0));
    await proxy.cut();
    // The projector is cut off; the log goes on growing through another connection.
    for (let i = 30; i < 60; i++) await writer.appendToStream(`case-${i % 3}`, [ev('NoteAdded', { n: i })]);
    await eventually(() => expect(failures.filter((f) => f.failure.attempts >= 3).length).toBeGreaterThan(0), { timeoutMs: 30_000 });
    expect(projector.status()).toEqual([
      expect.objectContaining({
        projection: 'note-counts',
        running: false,
        failure: expect.objectContaining({ attempts: expect.any(Number) }),
      }),
    ]);

    await proxy.restore();
    await eventually(
      async () =>
        expect(await counted()).toEqual([
          { id: 'case-0', notes: 20 },
          { id: 'case-1', notes: 20 },
          { id: 'case-2', notes: 20 },
        ]),
      { timeoutMs: 30_000 },
    );
    const all = await writer.readAll({ commit: -1n, prepare: -1n });
    await eventually(() =>
      expect(projector.status()).toEqual([
        { projection: 'note-counts', running: true, leased: true, position: all[all.length - 1].position },
      ]),
    );
    expect(await projector.checkpoint('note-counts')).toEqual(all[all.length - 1].position);
  });
});
