import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  erasedText,
  EventEncryption,
  handleCommand,
  LocalKeyEncryptionKey,
  loadState,
  NewEvent,
  PostgresEventStore,
  PostgresSnapshotStore,
  Projection,
  Projector,
  RecordedEvent,
  SensitiveFields,
} from '@police/event-store';
import { benchDatabase, BenchRow, childrenCpuMs, percentile, postgresCpu, round } from './bench-kit';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = [1, 4, 16];
const REBUILD_EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 200_000);

@Entity({ name: 'stream_summaries', schema: 'bench' })
class StreamSummary {
  @PrimaryColumn('text') id: string;
  @Column('int') events: number;
  @Column('text') lastType: string;
  @Column('timestamptz') lastAt: Date;
}

@Entity({ name: 'stream_notes', schema: 'bench' })
class StreamNote {
  @PrimaryColumn('text') id: string;
  @Column('int') events: number;
  @Column('text') lastNote: string;
}

/** Counts each stream's events: reads no note, so a store that seals them need not open them (ADR 0063). */
const summaries: Projection<StreamSummary> = {
  name: 'stream-summaries',
  entity: StreamSummary,
  handles: ['Noted', 'Seeded'],
  readsSealedFields: false,
  keys: (e) => [e.streamId],
  evolve: (row, e) => ({ id: e.streamId, events: (row?.events ?? 0) + 1, lastType: e.type, lastAt: new Date(e.metadata.occurredAt) }),
};

/** Keeps each stream's last note: reads the field a store that encrypts seals, so every event is opened. */
const notes: Projection<StreamNote> = {
  name: 'stream-notes',
  entity: StreamNote,
  handles: ['Noted', 'Seeded'],
  keys: (e) => [e.streamId],
  evolve: (row, e) => ({ id: e.streamId, events: (row?.events ?? 0) + 1, lastNote: (e.data as { note: string }).note }),
};

/** An event with a subject: its note is sealed under the subject's key when the store encrypts (ADR 0053). */
const subjectEvent = (type: string, n: number, subject: string): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n, note: 'inbeslagname verzegeld', subject },
  metadata: meta(),
});

/** The note of a subject's events, sealed under the subject's data key. */
const sealedNote = {
  keyOf: (data: { subject: string }) => data.subject,
  fields: { note: erasedText },
} as unknown as SensitiveFields<never>;

const meta = () => ({ actor: 'bench', occurredAt: new Date().toISOString(), correlationId: 'bench', causationId: 'bench' });
const event = (type: string, n: number): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n, note: 'inbeslagname verzegeld' },
  metadata: meta(),
});

function pgbenchBinary(): string {
  for (const v of ['17', '16', '15']) {
    const p = `/usr/lib/postgresql/${v}/bin/pgbench`;
    if (existsSync(p)) return p;
  }
  return 'pgbench';
}

/** The physical limit: single-row INSERT transactions into a table shaped like the event log. */
function pgbench(url: string, clients: number): number {
  const u = new URL(url);
  const script = path.join(process.cwd(), 'dist', 'bench-insert.sql');
  mkdirSync(path.dirname(script), { recursive: true });
  writeFileSync(
    script,
    // A fresh UUID per row: keys cannot collide. (Random integers from 1..2e9 did: a duplicate key aborts a
    // pgbench client for the rest of the run and understates the limit, which flatters every ratio.)
    `INSERT INTO raw.events (event_id, stream_id, stream_version, type, data, metadata, prev_hash, content_hash, hash)
VALUES (gen_random_uuid(), 'raw-' || gen_random_uuid(), 0, 'Noted', '{"n": 1, "note": "inbeslagname verzegeld"}', '{"actor": "bench", "occurredAt": "2026-11-22T00:00:00Z", "correlationId": "bench", "causationId": "bench"}', '\\x00', '\\x00', '\\x00');
`,
  );
  const r = spawnSync(
    pgbenchBinary(),
    [
      '-n',
      '-M',
      'prepared',
      '-f',
      script,
      '-c',
      String(clients),
      '-j',
      String(Math.min(clients, 2)),
      '-T',
      String(SECONDS),
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      decodeURIComponent(u.username) || 'postgres',
      u.pathname.slice(1),
    ],
    { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } },
  );
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout);
  if (!m) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`);
  // A client that aborts stops counting: the figure would understate the limit. The bench fails instead.
  const failed = /number of failed transactions: (\d+)/.exec(r.stdout);
  if (r.status !== 0 || /aborted/i.test(r.stdout + r.stderr) || (failed && Number(failed[1]) > 0)) {
    throw new Error(
      `pgbench: a client aborted or a transaction failed (exit ${r.status}); the limit would be understated:\n${r.stderr}${r.stdout}`,
    );
  }
  return Number(m[1]);
}

async function appendLoad(
  store: PostgresEventStore,
  clients: number,
  onAppended?: (id: string, at: number) => void,
  make: (type: string, n: number, stream: string) => NewEvent = event,
): Promise<{ tps: number; latencies: number[] }> {
  const deadline = performance.now() + SECONDS * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      const stream = `bench-${clients}-${w}-${randomUUID().slice(0, 8)}`;
      let version = -1;
      while (performance.now() < deadline) {
        const e = make('Noted', version + 1, stream);
        const t0 = performance.now();
        const r = await store.appendToStream(stream, [e], { expected: version < 0 ? 'no_stream' : version });
        const t1 = performance.now();
        latencies.push(t1 - t0);
        onAppended?.(e.id, t1);
        version = r.nextExpectedVersion;
      }
    }),
  );
  return { tps: latencies.length / SECONDS, latencies: latencies.sort((a, b) => a - b) };
}

/** The same single-row INSERT as pgbench, but from Node through node-postgres: the client-side ceiling. */
async function nodeInsertLoad(pool: import('pg').Pool, clients: number): Promise<number> {
  const deadline = performance.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      while (performance.now() < deadline) {
        await pool.query({
          name: 'raw_insert',
          text: `INSERT INTO raw.events (event_id, stream_id, stream_version, type, data, metadata, prev_hash, content_hash, hash) VALUES ($1, $2, 0, 'Noted', $3, $4, '\\x00', '\\x00', '\\x00')`,
          values: [randomUUID(), `node-${w}-${randomUUID()}`, '{"n": 1, "note": "inbeslagname verzegeld"}', '{"actor": "bench"}'],
        });
        n++;
      }
    }),
  );
  return n / SECONDS;
}

export async function runEventStoreBench(baseUrl: string): Promise<{ rows: BenchRow[]; raw: Record<string, unknown> }> {
  const db = await benchDatabase(baseUrl, 'bench_es');
  const rows: BenchRow[] = [];
  const raw: Record<string, unknown> = {};
  try {
    const pool = db.pool(40);
    const store = new PostgresEventStore({ pool, schema: 'bench', maxAppendsInFlight: Number(process.env.BENCH_APPENDS_IN_FLIGHT ?? 2) });
    await store.migrate();
    await pool.query('CREATE SCHEMA raw; CREATE TABLE raw.events (LIKE bench.events INCLUDING ALL)');

    const ds = new DataSource({
      type: 'postgres',
      url: db.url,
      entities: [StreamSummary, StreamNote],
      synchronize: true,
      extra: { max: 4 },
    });
    await ds.initialize();

    // 1. Append throughput against the physical limit, measured alone; at 16 clients also the CPU each costs,
    // this process's and PostgreSQL's (where the server runs here), to tell work from waiting.
    const serverCpu = await postgresCpu(pool);
    for (const clients of CLIENTS) {
      const [child0, server0] = [childrenCpuMs(), serverCpu?.() ?? NaN];
      const limit = pgbench(db.url, clients);
      const [child1, server1] = [childrenCpuMs(), serverCpu?.() ?? NaN];
      const own0 = process.cpuUsage();
      const { tps, latencies } = await appendLoad(store, clients);
      const own = process.cpuUsage(own0);
      const server2 = serverCpu?.() ?? NaN;
      const ratio = round(tps / limit, 3);
      if (clients === 16) {
        const txs = limit * SECONDS;
        const perTx = { client: ((child1 - child0) * 1000) / txs, server: ((server1 - server0) * 1000) / txs };
        const perAppend = { client: (own.user + own.system) / latencies.length, server: ((server2 - server1) * 1000) / latencies.length };
        const busy = (cpuMs: number) => round((100 * cpuMs) / (SECONDS * 1000 * os.availableParallelism()), 0);
        const total = (c: { client: number; server: number }) => c.client + c.server;
        raw.cpu16 = { pgbenchPerTx: perTx, appendPerAppend: perAppend, cores: os.availableParallelism() };
        rows.push({
          metric: 'CPU per pgbench INSERT, 16 clients',
          value: round(total(perTx), 0),
          unit: 'µs',
          note: `pgbench ${round(perTx.client, 0)} µs + PostgreSQL ${round(perTx.server, 0)} µs; cores busy ${busy((total(perTx) * txs) / 1000)} %`,
        });
        rows.push({
          metric: 'CPU per append, 16 appenders',
          value: round(total(perAppend), 0),
          unit: 'µs',
          note:
            `this process ${round(perAppend.client, 0)} µs + PostgreSQL ${round(perAppend.server, 0)} µs; cores busy ` +
            `${busy((total(perAppend) * latencies.length) / 1000)} %; ${round(total(perAppend) / total(perTx), 1)} × the CPU of a pgbench ` +
            `INSERT (PostgreSQL's share ${round(perAppend.server / perTx.server, 1)} ×)`,
        });
      }
      raw[`clients${clients}`] = {
        pgbenchTps: limit,
        appendTps: tps,
        ratio,
        appendLatencyP50: percentile(latencies, 50),
        appendLatencyP99: percentile(latencies, 99),
      };
      rows.push({
        metric: `pgbench INSERT tx/s, ${clients} client(s)`,
        value: round(limit, 0),
        unit: 'tx/s',
        note: 'physical limit, same run',
      });
      rows.push({
        metric: `appendToStream, ${clients} appender(s)`,
        value: round(tps, 0),
        unit: 'appends/s',
        ratio,
        target: clients === 16 ? '≥ 0.7 of pgbench' : undefined,
        pass: clients === 16 ? ratio >= 0.7 : undefined,
        note: `p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms`,
      });
    }

    // The client-side ceiling: what node-postgres itself reaches with plain INSERTs at 16 clients.
    {
      const limit = (raw.clients16 as { pgbenchTps: number }).pgbenchTps;
      const tps = await nodeInsertLoad(pool, 16);
      raw.nodeInsert16 = { tps, ratio: tps / limit };
      rows.push({
        metric: 'node-postgres plain INSERT, 16 clients',
        value: round(tps, 0),
        unit: 'tx/s',
        ratio: round(tps / limit, 3),
        note: 'client-side ceiling, for comparison',
      });
    }

    // 2. Projection lag (append committed → read-model row committed) under the 16-appender load.
    {
      const projector = new Projector({ dataSource: ds, store, schema: 'bench', projections: [summaries], batchSize: 500 });
      await projector.migrate();
      // Start from the end of the log: the lag is measured on live events only.
      const existing = await pool.query<{ t: string; p: string }>(
        'SELECT transaction_id::text AS t, position::text AS p FROM bench.events ORDER BY transaction_id DESC, position DESC LIMIT 1',
      );
      if (existing.rows[0]) {
        await pool.query(
          `INSERT INTO bench.projection_checkpoints (name, commit_position, prepare_position) VALUES ('stream-summaries', $1, $2)`,
          [existing.rows[0].t, existing.rows[0].p],
        );
      }
      const appendedAt = new Map<string, number>();
      let lags: number[] = [];
      projector.onBatchCommitted = (_name, events: RecordedEvent[]) => {
        const now = performance.now();
        for (const e of events) {
          const at = appendedAt.get(e.id);
          if (at !== undefined) lags.push(now - at);
        }
      };
      await projector.start();
      const { tps } = await appendLoad(store, 16, (id, at) => appendedAt.set(id, at));
      const deadline = performance.now() + 10_000;
      while (lags.length < appendedAt.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await projector.stop();
      lags = lags.sort((a, b) => a - b);
      raw.projectionLag = {
        events: lags.length,
        appended: appendedAt.size,
        appendTpsWithProjector: tps,
        p50: percentile(lags, 50),
        p99: percentile(lags, 99),
        max: lags[lags.length - 1],
      };
    }
    const lag = raw.projectionLag as { p50: number; p99: number; events: number; appended: number; appendTpsWithProjector: number };
    rows.push({
      metric: 'projection lag p50 (16 appenders)',
      value: round(lag.p50),
      unit: 'ms',
      note: `${lag.events}/${lag.appended} events projected`,
    });
    rows.push({
      metric: 'projection lag p99 (16 appenders)',
      value: round(lag.p99),
      unit: 'ms',
      target: '< 50 ms',
      pass: lag.p99 < 50,
      note: `appends meanwhile: ${round(lag.appendTpsWithProjector, 0)}/s`,
    });

    // 2. Full rebuild over at least 200,000 events.
    const streams = REBUILD_EVENTS / 10;
    const seedStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (;;) {
          const i = next++;
          if (i >= streams) return;
          await store.appendToStream(
            `seed-${i}`,
            Array.from({ length: 10 }, (_, n) => event('Seeded', n)),
            { expected: 'no_stream' },
          );
        }
      }),
    );
    const seedSecs = (performance.now() - seedStart) / 1000;
    const projector = new Projector({ dataSource: ds, store, schema: 'bench', projections: [summaries] });
    const total = await store.count();
    const t0 = performance.now();
    const rebuilt = await projector.rebuild('stream-summaries', { batchSize: 5000 });
    const rebuildSecs = (performance.now() - t0) / 1000;
    const rebuildRate = rebuilt.events / rebuildSecs;
    raw.rebuild = {
      events: rebuilt.events,
      logEvents: total,
      seconds: rebuildSecs,
      eventsPerSecond: rebuildRate,
      seedEventsPerSecond: (streams * 10) / seedSecs,
    };
    rows.push({
      metric: `full rebuild (${rebuilt.events} events)`,
      value: round(rebuildRate, 0),
      unit: 'events/s',
      target: '≥ 30,000/s',
      pass: rebuildRate >= 30_000,
      note: `${round(rebuildSecs)} s`,
    });

    // 3. Loading a 10,000-event stream, with and without snapshots.
    const snapshots = new PostgresSnapshotStore(pool, 'bench');
    type S = { count: number; last: string };
    const folding = {
      evolve: (s: S, e: { type: string }) => ({ count: s.count + 1, last: e.type }),
      initialState: (): S => ({ count: 0, last: '' }),
    };
    const policy = { store: snapshots, every: 100, stateVersion: 'v1' };
    for (let v = 0; v < 9900; v += 100) {
      await store.appendToStream(
        'long-stream',
        Array.from({ length: 100 }, (_, n) => event('Noted', v + n)),
        { expected: v === 0 ? 'no_stream' : v - 1 },
      );
    }
    for (let n = 0; n < 100; n++) {
      await handleCommand(store, 'long-stream', () => ({ type: 'Noted', data: { n } }), {
        ...folding,
        snapshots: policy,
        context: { actor: 'bench', now: new Date(), correlationId: 'bench', causationId: 'bench' },
      });
    }
    const timeLoads = async (iterations: number, withSnapshots: boolean) => {
      const times: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const t = performance.now();
        const { state } = await loadState(store, 'long-stream', { ...folding, snapshots: withSnapshots ? policy : undefined });
        times.push(performance.now() - t);
        if (state.count !== 10_000) throw new Error(`loaded ${state.count} events, expected 10000`);
      }
      return times.sort((a, b) => a - b);
    };
    await timeLoads(20, true);
    const withSnap = await timeLoads(300, true);
    const without = await timeLoads(10, false);
    raw.load10k = {
      withSnapshotP50: percentile(withSnap, 50),
      withSnapshotP99: percentile(withSnap, 99),
      withoutSnapshotP50: percentile(without, 50),
    };
    rows.push({
      metric: 'load 10,000-event stream, snapshots (p50)',
      value: round(percentile(withSnap, 50)),
      unit: 'ms',
      target: '< 5 ms',
      pass: percentile(withSnap, 50) < 5,
      note: `p99 ${round(percentile(withSnap, 99))} ms`,
    });
    rows.push({
      metric: 'load 10,000-event stream, no snapshot (p50)',
      value: round(percentile(without, 50)),
      unit: 'ms',
      note: 'for comparison',
    });

    // 4. The cost of crypto-shredding (ADR 0053): the same appends and rebuild with each event's note sealed
    // under its subject's data key, beside a store without encryption in the same database, alternated.
    {
      const encryption = new EventEncryption(
        { sensitive: { Noted: sealedNote, Seeded: sealedNote } },
        new LocalKeyEncryptionKey(randomBytes(32)),
      );
      const inFlight = Number(process.env.BENCH_APPENDS_IN_FLIGHT ?? 2);
      const plain = new PostgresEventStore({ pool, schema: 'bench_plain', maxAppendsInFlight: inFlight });
      const sealed = new PostgresEventStore({ pool, schema: 'bench_sealed', maxAppendsInFlight: inFlight, encryption });
      const appends: Record<'plain' | 'sealed', number[]> = { plain: [], sealed: [] };
      // The rebuild of a projection that reads no sealed field, and of one that reads it, each store alike.
      const rebuilds: Record<'plain' | 'sealed', number[]> = { plain: [], sealed: [] };
      const reading: Record<'plain' | 'sealed', number[]> = { plain: [], sealed: [] };
      for (const s of [plain, sealed]) await s.migrate();
      for (let round = 0; round < 2; round++) {
        appends.plain.push((await appendLoad(plain, 16, undefined, subjectEvent)).tps);
        appends.sealed.push((await appendLoad(sealed, 16, undefined, subjectEvent)).tps);
      }
      const seedStreams = Math.round(REBUILD_EVENTS / 4 / 10);
      for (const [name, s] of [
        ['plain', plain],
        ['sealed', sealed],
      ] as const) {
        let nextStream = 0;
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            for (;;) {
              const i = nextStream++;
              if (i >= seedStreams) return;
              const subject = `seed-${i}`;
              await s.appendToStream(
                subject,
                Array.from({ length: 10 }, (_, n) => subjectEvent('Seeded', n, subject)),
                { expected: 'no_stream' },
              );
            }
          }),
        );
        const projector = new Projector({ dataSource: ds, store: s, schema: `bench_${name}`, projections: [summaries, notes] });
        await projector.migrate();
        for (let round = 0; round < 2; round++) {
          for (const [projection, into] of [
            ['stream-summaries', rebuilds],
            ['stream-notes', reading],
          ] as const) {
            const started = performance.now();
            const rebuilt = await projector.rebuild(projection, { batchSize: 5000 });
            into[name].push(rebuilt.events / ((performance.now() - started) / 1000));
          }
        }
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const appendRatio = mean(appends.sealed) / mean(appends.plain);
      const rebuildRatio = mean(rebuilds.sealed) / mean(rebuilds.plain);
      const readingRatio = mean(reading.sealed) / mean(reading.plain);
      raw.encryption = { appends, rebuilds, reading, appendRatio, rebuildRatio, readingRatio, seededEventsEach: seedStreams * 10 };
      rows.push({
        metric: 'appendToStream with a sealed field, 16 appenders',
        value: round(mean(appends.sealed), 0),
        unit: 'appends/s',
        ratio: round(appendRatio, 3),
        target: '≥ 0.9 of the same without encryption',
        pass: appendRatio >= 0.9,
        note: `without / with, alternated: ${appends.plain.map((p, i) => `${round(p, 0)} / ${round(appends.sealed[i], 0)}`).join(', ')} appends/s`,
      });
      rows.push({
        metric: `full rebuild with a sealed field (${seedStreams * 10} events), a projection that does not read it`,
        value: round(mean(rebuilds.sealed), 0),
        unit: 'events/s',
        ratio: round(rebuildRatio, 3),
        target: '≥ 0.8 of the same without encryption',
        pass: rebuildRatio >= 0.8,
        note: `without: ${rebuilds.plain.map((r) => round(r, 0)).join(', ')}; with: ${rebuilds.sealed.map((r) => round(r, 0)).join(', ')} events/s (nothing opened, ADR 0063)`,
      });
      rows.push({
        metric: `full rebuild with a sealed field (${seedStreams * 10} events), a projection that reads it`,
        value: round(mean(reading.sealed), 0),
        unit: 'events/s',
        ratio: round(readingRatio, 3),
        note: `without: ${reading.plain.map((r) => round(r, 0)).join(', ')}; with: ${reading.sealed.map((r) => round(r, 0)).join(', ')} events/s (every event opened)`,
      });
      for (const s of [plain, sealed]) await s.close();
    }

    await store.close();
    await ds.destroy();
  } finally {
    await db.drop();
  }
  return { rows, raw };
}
