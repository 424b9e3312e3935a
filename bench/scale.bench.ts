import os from 'node:os';
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { benchDatabase, BenchRow, percentile, round } from './bench-kit';
import { encodeListCursor, PAGING } from '@police/platform';
import { Pool as PgPool } from 'pg';
import type { Pool } from 'pg';
import { configuredKeyEncryptionKey, createScaleApp, RebuildFigures, rebuildAll, ScaleSeed, seedScale } from './scale-seed';

/** Events seeded over the four services (`BENCH_SCALE_EVENTS`, default 1,000,000). */
const EVENTS = Number(process.env.BENCH_SCALE_EVENTS ?? 1_000_000);
/** Requests per read measured, after one that warms it (`BENCH_SCALE_SAMPLES`). */
const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 40);
/** A read stops being repeated after this long (`BENCH_SCALE_READ_SECONDS`), once it has at least {@link MIN_SAMPLES}. */
const READ_SECONDS = Number(process.env.BENCH_SCALE_READ_SECONDS ?? 30);
const MIN_SAMPLES = 5;
/** `BENCH_SCALE_KEEP=1` keeps the seeded database (named in the output) to look into afterwards. */
const KEEP = process.env.BENCH_SCALE_KEEP === '1';
/**
 * `BENCH_SCALE_DATABASE=<name>`: read a database a seed left (`npm run seed:scale`, or a run with `BENCH_SCALE_KEEP=1`)
 * instead of seeding one: the reads only, no seed or rebuild figures.
 */
const EXISTING = process.env.BENCH_SCALE_DATABASE;
/** Services whose projections are rebuilt at a time (each service's together, in one pass). */
const REBUILD_PARALLEL = Number(process.env.BENCH_SCALE_REBUILD_PARALLEL ?? 2);
const TARGET_P95_MS = 50;
const TARGET_REBUILD_EVENTS_PER_SECOND = 150_000;

interface Read {
  label: string;
  /** The dev user who reads (one who may see what is asked). */
  reader: string;
  path: string;
  /** How many rows (or entries) the answer holds, to show it read what it should. */
  size: (body: Record<string, unknown>) => string;
}

const count = (field: string) => (b: Record<string, unknown>) => {
  const list = b[field] as unknown[] | undefined;
  return `${list?.length ?? 0} rows${typeof b.total === 'number' ? ` of ${b.total}` : ''}`;
};

async function token(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (!res.ok) throw new Error(`dev token for ${username}: HTTP ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * Reads at scale: about a million events over the four services (seeded by the services' own deciders,
 * through their event stores), every projection rebuilt from the logs (measured), then the reads a user
 * waits for, one at a time over HTTP with a dev token: the lists (first and deep pages, deep by offset and by cursor), a case file of
 * 1,000 events, its timeline, the case as it stood half-way, and the person index.
 */
export async function runScaleBench(baseUrl: string): Promise<{ rows: BenchRow[]; raw: Record<string, unknown> }> {
  const db = EXISTING ? existingDatabase(baseUrl, EXISTING) : await benchDatabase(baseUrl, 'bench_scale');
  const log = (line: string) => console.log(line);
  let app: Awaited<ReturnType<typeof createScaleApp>> | undefined;
  const pool = db.pool(16);
  try {
    app = await createScaleApp(pool, configuredKeyEncryptionKey());
    const url = `${await app.getUrl()}/api`;
    let seeded: { seed: ScaleSeed; rebuild: RebuildFigures; loadAfterRebuild: number[] } | undefined;
    let seed: Pick<ScaleSeed, 'events' | 'byService' | 'bigCase' | 'person'>;
    if (EXISTING) {
      console.log(`  reading ${EXISTING} as a seed left it (BENCH_SCALE_DATABASE): no seeding, no rebuild`);
      seed = await seedFound(pool);
    } else {
      console.log(`  seeding ${EVENTS.toLocaleString('en')} events over the four services…`);
      const made = await seedScale(app, EVENTS, log);
      console.log('  rebuilding every projection from the logs…');
      const rebuild = await rebuildAll(app, REBUILD_PARALLEL, log);
      seeded = { seed: made, rebuild, loadAfterRebuild: os.loadavg() };
      seed = made;
    }

    const big = seed.bigCase.investigationId;
    // A page 90 % deep, as deep as the routes let a page be (their offset's bound).
    const deep = (rows: number) => Math.min(PAGING.maxOffset, Math.max(0, Math.floor(rows * 0.9)));
    // The cursor of the position 90 % down a list's order (ADR 0061): a deep page read as a client reads it, by `after`.
    const deepCursor = async (table: string, key: string): Promise<string> => {
      const { rows } = await pool.query<{ key: Date | string; id: string }>(
        `SELECT "${key}" AS key, id FROM ${table} ORDER BY "${key}" DESC, id DESC OFFSET (SELECT count(*) * 9 / 10 FROM ${table}) LIMIT 1`,
      );
      const k = rows[0].key;
      return encodeListCursor([k instanceof Date ? k.toISOString() : k, rows[0].id]);
    };
    const reads: Read[] = [
      { label: 'reports list, first page', reader: 'an.peeters', path: '/reports?limit=50', size: count('items') },
      {
        label: 'reports list, deep page by cursor',
        reader: 'an.peeters',
        path: `/reports?limit=50&after=${await deepCursor('reports.reports', 'receivedAt')}`,
        size: count('items'),
      },
      {
        label: 'reports list, deep page',
        reader: 'an.peeters',
        path: `/reports?limit=50&offset=${deep(seed.byService.reports.streams)}`,
        size: count('items'),
      },
      {
        label: 'investigations list, first page',
        reader: 'pieter.janssens',
        path: '/investigations?limit=50',
        size: count('investigations'),
      },
      {
        label: 'investigations list, deep page',
        reader: 'pieter.janssens',
        // The detective sees his team's cases only (about a third): deep within those.
        path: `/investigations?limit=50&offset=${deep(Math.floor(seed.byService.investigations.streams / 3))}`,
        size: count('investigations'),
      },
      {
        label: 'investigations list, deep page by cursor',
        reader: 'pieter.janssens',
        path: `/investigations?limit=50&after=${await deepCursor('investigations.investigations', 'openedAt')}`,
        size: count('investigations'),
      },
      { label: 'evidence items list, first page', reader: 'marc.goossens', path: '/evidence/items?limit=50', size: count('items') },
      {
        label: 'evidence items list, deep page',
        reader: 'marc.goossens',
        path: `/evidence/items?limit=50&offset=${deep(seed.byService.evidence.streams)}`,
        size: count('items'),
      },
      { label: 'complaints list, first page', reader: 'bart.desmet', path: '/integrity/complaints?limit=50', size: count('items') },
      {
        label: 'complaints list, deep page',
        reader: 'bart.desmet',
        path: `/integrity/complaints?limit=50&offset=${deep(seed.byService.integrity.streams)}`,
        size: count('items'),
      },
      {
        label: 'complaints list, deep page by cursor',
        reader: 'bart.desmet',
        path: `/integrity/complaints?limit=50&after=${await deepCursor('integrity.complaints', 'receivedOn')}`,
        size: count('items'),
      },
      {
        label: `case file of ${seed.bigCase.events} events`,
        reader: 'pieter.janssens',
        path: `/investigations/${big}`,
        size: (b) => `version ${String(b.version)}`,
      },
      {
        label: `its timeline`,
        reader: 'pieter.janssens',
        path: `/investigations/${big}/timeline`,
        size: (b) => `${(b.entries as unknown[]).length} entries`,
      },
      {
        label: 'its case file asOf half-way',
        reader: 'pieter.janssens',
        path: `/investigations/${big}?asOf=${encodeURIComponent(seed.bigCase.midway)}`,
        size: (b) => `version ${String(b.version)}`,
      },
      {
        label: 'person index by personId',
        reader: 'pieter.janssens',
        path: `/investigations/persons?personId=${seed.person.personId}`,
        size: (b) => `${((b.persons as { appearances: unknown[] }[])[0]?.appearances ?? []).length} appearances`,
      },
      {
        label: 'person index by name',
        reader: 'pieter.janssens',
        path: `/investigations/persons?name=${encodeURIComponent(seed.person.name)}`,
        size: (b) => `${(b.persons as unknown[]).length} persons`,
      },
    ];
    const tokens = new Map<string, string>();
    for (const r of reads) if (!tokens.has(r.reader)) tokens.set(r.reader, await token(url, r.reader));
    const measured: { read: Read; times: number[]; answer: string }[] = [];
    for (const read of reads) {
      const times: number[] = [];
      let answer = '';
      const deadline = performance.now() + READ_SECONDS * 1000;
      for (let i = 0; i <= SAMPLES && (i <= MIN_SAMPLES || performance.now() < deadline); i++) {
        const t0 = performance.now();
        const res = await fetch(`${url}${read.path}`, { headers: { authorization: `Bearer ${tokens.get(read.reader)}` } });
        const body = (await res.json()) as Record<string, unknown>;
        const dt = performance.now() - t0;
        if (res.status !== 200)
          throw new Error(`${read.label}: GET ${read.path} as ${read.reader}: HTTP ${res.status} ${JSON.stringify(body)}`);
        answer = read.size(body);
        if (i > 0) times.push(dt);
      }
      times.sort((a, b) => a - b);
      measured.push({ read, times, answer });
      log(`  ${read.label}: p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms (${answer})`);
    }
    const load = os.loadavg();
    const rows: BenchRow[] = [
      ...(seeded ? seededRows(seeded.seed, seeded.rebuild, seeded.loadAfterRebuild) : []),
      ...measured.map(({ read, times, answer }) => {
        const p95 = percentile(times, 95);
        return {
          metric: read.label,
          value: round(p95),
          unit: 'ms p95',
          target: `< ${TARGET_P95_MS} ms`,
          pass: p95 < TARGET_P95_MS,
          note: `p50 ${round(percentile(times, 50))} ms; ${times.length} reads one at a time as ${read.reader.split('.')[0]}; ${answer}; over ${seed.events} events`,
        };
      }),
    ];
    return {
      rows,
      raw: {
        events: seed.events,
        database: EXISTING ?? 'seeded by the run',
        samples: SAMPLES,
        seed,
        rebuild: seeded?.rebuild,
        loadAverage: { afterRebuild: seeded?.loadAfterRebuild, afterReads: load },
        reads: Object.fromEntries(
          measured.map(({ read, times, answer }) => [
            read.label,
            {
              path: read.path,
              reader: read.reader,
              answer,
              p50: percentile(times, 50),
              p95: percentile(times, 95),
              max: times[times.length - 1],
            },
          ]),
        ),
      },
    };
  } finally {
    await app?.close();
    if (KEEP || EXISTING) {
      await pool.end();
      if (!EXISTING) console.log(`  kept the database: ${db.url}`);
    } else await db.drop();
  }
}

/** The seed and rebuild figures, beside their targets. */
function seededRows(seed: ScaleSeed, rebuild: RebuildFigures, loadAfterRebuild: number[]): BenchRow[] {
  const logRate = rebuild.logEvents / rebuild.seconds;
  return [
    {
      metric: 'seed: events appended through the four event stores',
      value: round(seed.appendSeconds, 1),
      unit: 's',
      note: `${seed.events} events (${Object.entries(seed.byService)
        .map(([s, v]) => `${s} ${v.events} in ${v.streams} streams`)
        .join(
          ', ',
        )}), ${Math.round(seed.events / seed.appendSeconds)} events/s; ${Math.round((seed.cpuSeconds * 1e6) / seed.events)} µs of this process's CPU per event`,
    },
    {
      metric: 'full rebuild of every projection: log events per second',
      value: Math.round(logRate),
      unit: 'events/s',
      target: `≥ ${TARGET_REBUILD_EVENTS_PER_SECOND.toLocaleString('en')} events/s`,
      pass: logRate >= TARGET_REBUILD_EVENTS_PER_SECOND,
      note: `${rebuild.logEvents} events in the four logs, ${rebuild.projections.length} projections rebuilt (${REBUILD_PARALLEL} at a time) in ${round(rebuild.seconds, 1)} s; load average ${loadAfterRebuild.map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`,
    },
    {
      metric: 'full rebuild: events replayed per second, summed over projections',
      value: Math.round(rebuild.replayed / rebuild.seconds),
      unit: 'events/s',
      note: `each projection replays the events of its types, a service's projections in one pass over its log (ADR 0063): ${rebuild.replayed} events replayed in all; ${Math.round((rebuild.cpuSeconds * 1e6) / rebuild.replayed)} µs of this process's CPU per event replayed`,
    },
  ];
}

/** A database on the bench server that is there already, never dropped. */
function existingDatabase(baseUrl: string, name: string): { url: string; pool(max: number): Pool; drop(): Promise<void> } {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    pool: (max) => {
      const p = new PgPool({ connectionString: u.toString(), max });
      p.on('error', () => undefined);
      return p;
    },
    drop: () => Promise.resolve(),
  };
}

/** What the reads ask for, found in a seeded database: the longest investigation, the moment half-way, the person linked most. */
async function seedFound(pool: Pool): Promise<Pick<ScaleSeed, 'events' | 'byService' | 'bigCase' | 'person'>> {
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await pool.query(sql, params)).rows[0] as T;
  const byService = {} as ScaleSeed['byService'];
  let events = 0;
  for (const [service, table] of [
    ['reports', 'reports.reports'],
    ['investigations', 'investigations.investigations'],
    ['evidence', 'evidence.items'],
    ['integrity', 'integrity.complaints'],
  ] as const) {
    const r = await one<{ streams: string; events: string }>(
      `SELECT (SELECT count(*) FROM ${table}) AS streams, (SELECT count(*) FROM ${service}.events) AS events`,
    );
    byService[service] = { streams: Number(r.streams), events: Number(r.events) };
    events += Number(r.events);
  }
  const big = await one<{ stream_id: string; n: string }>(
    `SELECT stream_id, count(*) AS n FROM investigations.events GROUP BY stream_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const half = Math.floor(Number(big.n) / 2) - 1;
  const midway = await one<{ at: Date }>(
    `SELECT recorded_at AS at FROM investigations.events WHERE stream_id = $1 AND stream_version = $2`,
    [big.stream_id, half],
  );
  const person = await one<{ personId: string; displayName: string; n: string }>(
    `SELECT "personId", "displayName", count(*) AS n FROM investigations.party_links GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
  );
  return {
    events,
    byService,
    bigCase: { investigationId: big.stream_id.replace(/^investigation-/, ''), events: Number(big.n), midway: midway.at.toISOString() },
    person: { personId: person.personId, name: person.displayName, appearances: Number(person.n) },
  };
}
