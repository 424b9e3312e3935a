import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import { InProcessMessageBus } from '@police/messaging';
import {
  configureHttpApp,
  createPool,
  EVENT_SOURCING,
  SEARCH_ACCESS_COLUMNS,
  searchIndex,
  searchQuery,
  ServiceEventSourcing,
  ServiceRuntime,
} from '@police/platform';
import { ReportsModule } from '@police/reports';
import {
  DEFAULT_COMPARTMENTS,
  DEFAULT_RESOURCE_POLICIES,
  DEV_USERS,
  Principal,
  SecurityModule,
  visibilityPredicate,
} from '@police/security';
import type { Pool } from 'pg';
import { startEmbeddedDatabase } from '../infra/embedded/src/embedded-database';
import { benchDatabase, BenchRow, percentile, round } from './bench-kit';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPORTS = Number(process.env.BENCH_SEARCH_REPORTS ?? 100_000);
const TARGET_P95_MS = 100;

// A zone's vocabulary: enough names, streets and phrasing that queries range from one hit to most reports.
const FIRST = [
  'Jan',
  'Piet',
  'Marie',
  'An',
  'Els',
  'Tom',
  'Koen',
  'Sofie',
  'Lotte',
  'Wim',
  'Bart',
  'Hilde',
  'Ines',
  'Filip',
  'Greet',
  'Luc',
  'Dirk',
  'Karel',
  'Nathalie',
  'Marc',
  'Lies',
  'Joris',
  'Emma',
  'Noah',
  'Louise',
  'Arthur',
  'Mila',
  'Jules',
  'Olivia',
  'Lucas',
];
const SURNAME_ROOTS = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Dubois',
  'Vermeulen',
  'Baert',
  'Mortier',
  'Dewilde',
  'Vermeersch',
  'Verhoeven',
  'Desmet',
  'Lambrecht',
  'De Backer',
  'Van Damme',
  'De Clercq',
  'Coppens',
  'Martens',
  'Hermans',
  'Michiels',
  'Aerts',
  'Pauwels',
  'Smets',
  'Van den Broeck',
];
const SURNAMES = SURNAME_ROOTS.flatMap((r) => [r, `${r}-${SURNAME_ROOTS[(r.length * 7) % SURNAME_ROOTS.length]}`, `Van ${r}`, `${r}s`]);
const STREETS = [
  'Kortrijksesteenweg',
  'Brusselsesteenweg',
  'Overpoortstraat',
  'Veldstraat',
  'Korenmarkt',
  'Vrijdagmarkt',
  'Sint-Pietersnieuwstraat',
  'Dampoortstraat',
  'Muinkkaai',
  'Coupure',
  'Nederkouter',
  'Koning Albertlaan',
  'Heuvelpoort',
  'Begijnhoflaan',
  'Drongensesteenweg',
  'Antwerpsesteenweg',
  'Meulestedekaai',
  'Wondelgemstraat',
  'Sleepstraat',
  'Tolhuislaan',
];
const MUNICIPALITIES = [
  ['9000', 'Gent'],
  ['9030', 'Mariakerke'],
  ['9031', 'Drongen'],
  ['9032', 'Wondelgem'],
  ['9040', 'Sint-Amandsberg'],
  ['9041', 'Oostakker'],
  ['9050', 'Gentbrugge'],
  ['9051', 'Sint-Denijs-Westrem'],
  ['9052', 'Zwijnaarde'],
];
const INCIDENTS = [
  'fietsdiefstal',
  'woninginbraak',
  'autokraak',
  'winkeldiefstal',
  'vandalisme',
  'slagen en verwondingen',
  'drugs',
  'oplichting',
  'bedreiging',
  'verlies',
  'burenruzie',
  'geluidsoverlast',
];
const TEAMS = ['Diefstallen', 'Drugs', 'Zeden', 'Geweld'];
const OPENERS = [
  'Aangever meldt dat',
  'Volgens de melder',
  'De aangeefster verklaart dat',
  'Bij aankomst stelden wij vast dat',
  'Getuige zag dat',
];
const FACTS = [
  'de achterdeur geforceerd werd',
  'twee fietsen gestolen werden aan het station',
  'een laptop en juwelen ontvreemd werden',
  'de ruit van de wagen ingeslagen werd',
  'een gsm uit de handtas verdween',
  'er cannabis verhandeld werd in het park',
  'de buurman dreigde met een mes',
  'er graffiti op de gevel werd aangebracht',
  'de bankkaart gebruikt werd voor aankopen online',
  'een portefeuille verloren werd op de tram',
  'er luide muziek speelde tot diep in de nacht',
  'een man werd geslagen na een discussie',
  'de brievenbus vernield werd',
  'een pakket niet geleverd werd na betaling',
  'het slot van de kelderberging opengebroken was',
];
const CLOSERS = [
  'Er zijn camerabeelden beschikbaar.',
  'Geen getuigen gekend.',
  'Sporen werden veiliggesteld.',
  'Buren hoorden lawaai rond middernacht.',
  'De schade wordt geraamd op enkele honderden euro.',
  '',
];

/** A deterministic pseudo-random source: the same reports on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const meta = (actor: string, at: string) => ({ actor, occurredAt: at, correlationId: randomUUID(), causationId: randomUUID() });

/** The events of report `n`: received, mostly assigned to a team, some with a finalised PV. */
function reportEvents(n: number, rnd: () => number): { reportId: string; report: object[]; pv?: { pvId: string; events: object[] } } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const reportId = randomUUID();
  const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 700 * 86_400_000)).toISOString();
  const [postalCode, municipality] = pick(MUNICIPALITIES);
  const narrative = `${pick(OPENERS)} ${pick(FACTS)}${rnd() < 0.5 ? ` en ${pick(FACTS)}` : ''}. ${pick(CLOSERS)}`.trim();
  const received = {
    id: randomUUID(),
    type: 'ReportReceived',
    data: {
      reportId,
      kind: rnd() < 0.85 ? 'aangifte' : 'melding',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: false,
      incidentType: pick(INCIDENTS),
      timeWindow: { from: at, to: at },
      place: { municipality, postalCode, address: `${pick(STREETS)} ${1 + Math.floor(rnd() * 200)}` },
      narrative,
      parties: [
        { partyId: randomUUID(), name: `${pick(FIRST)} ${pick(SURNAMES)}`, roles: ['reporter', 'victim'] },
        ...(rnd() < 0.3 ? [{ partyId: randomUUID(), name: `${pick(FIRST)} ${pick(SURNAMES)}`, roles: ['suspect'] }] : []),
      ],
      motiveFlags: [],
      victimSupportWanted: false,
      concernsPoliceConduct: false,
      receivedBy: '5415-0101',
      receivedAt: at,
    },
    metadata: meta('5415-0101', at),
  };
  const report: object[] = [received];
  if (rnd() < 0.8) {
    report.push({
      id: randomUUID(),
      type: 'ReportAssignedToService',
      data: { reportId, serviceId: pick(TEAMS), assignedBy: '5415-0101', assignedAt: at },
      metadata: meta('5415-0101', at),
    });
  }
  if (rnd() >= 0.15) return { reportId, report };
  const pvId = randomUUID();
  const content = {
    legalQualification: 'Diefstal',
    offenceType: received.data.incidentType,
    destination: 'parket',
    documentSha256: '0'.repeat(64),
  };
  const pvNumber = `GE.55.L5.${String(n).padStart(6, '0')}/${at.slice(0, 4)}`;
  return {
    reportId,
    report,
    pv: {
      pvId,
      events: [
        {
          id: randomUUID(),
          type: 'PvDrafted',
          data: { ...content, pvId, reportId, author: '5415-0101', draftedAt: at },
          metadata: meta('5415-0101', at),
        },
        {
          id: randomUUID(),
          type: 'PvFinalised',
          data: { ...content, pvId, reportId, pvNumber, author: '5415-0101', finalisedBy: '5415-0110', finalisedAt: at },
          metadata: meta('5415-0110', at),
        },
      ],
    },
  };
}

interface Host {
  app: INestApplication;
  url: string;
  es: ServiceEventSourcing;
  close(): Promise<void>;
}

async function startReports(pool: Pool, mode: 'embedded' | 'production', notifications: boolean): Promise<Host> {
  const bus = new InProcessMessageBus();
  const runtime: ServiceRuntime = { service: 'reports', mode, schema: 'reports', pool, sharedPool: true, notifications, bus };
  @Module({
    imports: [
      SecurityModule.forRoot({
        mode: 'embedded',
        pool,
        notifications,
        auditPath: 'audit',
        authentication: { kind: 'dev' },
        logLevel: 'silent',
        rateLimits: { auth: { limit: 10_000, windowMs: 60_000 }, search: { limit: 1_000_000, windowMs: 60_000 } },
      }),
      ReportsModule.register(runtime),
      RouterModule.register([{ path: 'reports', module: ReportsModule }]),
    ],
  })
  class SearchBenchHost {}
  const app = await NestFactory.create(SearchBenchHost, { logger: false });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    url: `${await app.getUrl()}/api`,
    es: app.get<ServiceEventSourcing>(EVENT_SOURCING, { strict: false }),
    close: async () => {
      await app.close();
      await bus.close();
    },
  };
}

/** Appends the reports through the event store, many appends in flight (group commit), and waits for the search index. */
async function seed(
  host: Host,
  pool: Pool,
  count: number,
): Promise<{ appendSeconds: number; indexedSeconds: number; events: number; pvNumbers: string[] }> {
  const rnd = prng(20261120);
  const started = performance.now();
  const deadline = started + SEED_DEADLINE_MS;
  let next = 0;
  let events = 0;
  const pvNumbers: string[] = [];
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < count) {
        if (performance.now() > deadline)
          throw new Error(
            `${next} of ${count} reports appended after ${SEED_DEADLINE_MS / 60_000} min (BENCH_SEARCH_SEED_MINUTES): giving up`,
          );
        const n = next++;
        const r = reportEvents(n, rnd);
        await host.es.store.appendToStream(`report-${r.reportId}`, r.report as never, { expected: 'no_stream' });
        events += r.report.length;
        if (r.pv) {
          await host.es.store.appendToStream(`pv-${r.pv.pvId}`, r.pv.events as never, { expected: 'no_stream' });
          events += r.pv.events.length;
          pvNumbers.push((r.pv.events[1] as { data: { pvNumber: string } }).data.pvNumber);
        }
      }
    }),
  );
  const appended = performance.now();
  await waitForIndex(pool, count, pvNumbers.length, deadline);
  return { appendSeconds: (appended - started) / 1000, indexedSeconds: (performance.now() - started) / 1000, events, pvNumbers };
}

/** Seeding gives up after this long (`BENCH_SEARCH_SEED_MINUTES`, default 20): the bench stops by itself. */
const SEED_DEADLINE_MS = Number(process.env.BENCH_SEARCH_SEED_MINUTES ?? 20) * 60_000;

async function waitForIndex(pool: Pool, count: number, withPv: number, deadline: number): Promise<void> {
  for (;;) {
    const { rows } = await pool.query<{ n: string; pv: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE cardinality("references") > 0) AS pv FROM reports.search_entries WHERE searchable`,
    );
    if (Number(rows[0].n) >= count && Number(rows[0].pv) >= withPv) return;
    if (performance.now() > deadline)
      throw new Error(
        `the search index holds ${rows[0].n} of ${count} reports after ${SEED_DEADLINE_MS / 60_000} min (BENCH_SEARCH_SEED_MINUTES): giving up`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * The same index on PGlite, by the bulk path: the rows the projection wrote on PostgreSQL, copied as
 * they are (the trigger recomputes each document), so both engines search the same read model.
 */
async function copyIndex(from: Pool, to: Pool): Promise<number> {
  const cols = [
    'id',
    'kind',
    'searchable',
    'title',
    'summary',
    'references',
    'referenceLexemes',
    'parties',
    'place',
    'narrative',
    'occurredAt',
    'version',
    'accessType',
    'caseRef',
    'accessTeams',
    'accessAssignees',
    'accessDesignated',
    'accessAssignedTeams',
    'accessRestricted',
    'accessCompartment',
    'accessConcerned',
    'source',
  ]
    .map((c) => `"${c}"`)
    .join(', ');
  let last = '00000000-0000-0000-0000-000000000000';
  let copied = 0;
  for (;;) {
    const { rows } = await from.query<{ id: string; j: string }>(
      `SELECT id, row_to_json(e)::text AS j FROM (SELECT ${cols} FROM reports.search_entries WHERE id > $1 ORDER BY id LIMIT 2000) e`,
      [last],
    );
    if (rows.length === 0) return copied;
    await to.query(
      `INSERT INTO reports.search_entries (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::reports.search_entries, $1::jsonb)`,
      [`[${rows.map((r) => r.j).join(',')}]`],
    );
    last = rows[rows.length - 1].id;
    copied += rows.length;
  }
}

interface Probe {
  label: string;
  q: string;
}

async function token(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Searches over HTTP (token check, need-to-know in SQL, ranking, snippets, the consultation record) for `seconds`. */
async function measure(
  url: string,
  probes: Probe[],
  readers: string[],
  seconds: number,
  clients: number,
): Promise<{ all: number[]; byLabel: Map<string, number[]>; totals: Map<string, string>; load: number }> {
  const tokens = new Map<string, string>();
  for (const r of readers) tokens.set(r, await token(url, r));
  const byLabel = new Map<string, number[]>(probes.map((p) => [p.label, []]));
  const totals = new Map<string, string>();
  const all: number[] = [];
  const call = async (reader: string, p: Probe): Promise<number> => {
    const t0 = performance.now();
    const res = await fetch(`${url}/reports/search?q=${encodeURIComponent(p.q)}&limit=20`, {
      headers: { authorization: `Bearer ${tokens.get(reader)}` },
    });
    const body = (await res.json()) as { total: number; totalExact: boolean };
    const dt = performance.now() - t0;
    if (res.status !== 200) throw new Error(`search ${p.q} as ${reader}: HTTP ${res.status} ${JSON.stringify(body)}`);
    totals.set(`${p.label} (${reader})`, `${body.total}${body.totalExact ? '' : '+'}`);
    return dt;
  };
  for (const p of probes) for (const r of readers) await call(r, p);
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const i = n++;
        const p = probes[i % probes.length];
        const dt = await call(readers[Math.floor(i / probes.length) % readers.length], p);
        all.push(dt);
        byLabel.get(p.label)!.push(dt);
      }
    }),
  );
  all.sort((a, b) => a - b);
  for (const v of byLabel.values()) v.sort((a, b) => a - b);
  // The machine is shared: the load while measuring says how far to trust the figures.
  return { all, byLabel, totals, load: os.loadavg()[0] };
}

/** The database's part alone: parse, match, filter by need-to-know, rank, count, page, snippets — no HTTP, no log. */
async function measureDatabase(es: ServiceEventSourcing, probes: Probe[], readers: string[], seconds: number): Promise<number[]> {
  const principals: Principal[] = readers.map((r) => {
    const u = DEV_USERS.find((x) => x.username === r)!;
    return { staffId: u.staffId, username: u.username, displayName: u.displayName, roles: [...u.roles], teams: [...u.teams], unit: u.unit };
  });
  const rules = { policies: DEFAULT_RESOURCE_POLICIES, compartments: DEFAULT_COMPARTMENTS };
  const all: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const p = probes[i % probes.length];
    const principal = principals[Math.floor(i / probes.length) % principals.length];
    const t0 = performance.now();
    const tsquery = (await searchQuery(es.dataSource, p.q))!;
    await searchIndex(es.dataSource, 'ReportSearchEntry', {
      tsquery,
      limit: 20,
      offset: 0,
      visible: (param) => visibilityPredicate(principal, ['report'], rules, SEARCH_ACCESS_COLUMNS, param),
    });
    all.push(performance.now() - t0);
  }
  return all.sort((a, b) => a - b);
}

function databaseRow(engine: string, v: number[]): BenchRow {
  return {
    metric: `${engine}: the database's part alone, p95`,
    value: round(percentile(v, 95)),
    unit: 'ms',
    note: `${v.length} searches without HTTP, token check or consultation record; p50 ${round(percentile(v, 50))} ms; load average ${os.loadavg()[0].toFixed(1)}`,
  };
}

function rows(engine: string, m: Awaited<ReturnType<typeof measure>>, clients: number): BenchRow[] {
  const p95 = percentile(m.all, 95);
  return [
    {
      metric: `${engine}: search p95 over ${REPORTS.toLocaleString('en')} reports, ${clients} client(s)`,
      value: round(p95),
      unit: 'ms',
      target: `< ${TARGET_P95_MS} ms`,
      pass: p95 < TARGET_P95_MS,
      note: `${m.all.length} searches over HTTP; p50 ${round(percentile(m.all, 50))} ms, p99 ${round(percentile(m.all, 99))} ms; load average ${m.load.toFixed(1)} on ${os.cpus().length} cores`,
    },
    ...[...m.byLabel].map(([label, v]) => ({
      metric: `${engine}:   ${label}`,
      value: round(percentile(v, 95)),
      unit: 'ms p95',
      note: `p50 ${round(percentile(v, 50))} ms; matches: ${totalsOf(m, label)}`,
    })),
  ];
}

/**
 * Search over 100,000 reports (`BENCH_SEARCH_REPORTS`): seeded through the event store and the
 * projections on PostgreSQL, then searched over HTTP by the front desk (sees every report) and two
 * detectives (their team's only: the need-to-know filter in the SQL), with queries from one hit to
 * most of the zone. The same index copied to PGlite (embedded mode) answers the same load.
 */
export async function runSearchBench(baseUrl: string): Promise<{ rows: BenchRow[]; raw: Record<string, unknown> }> {
  const db = await benchDatabase(baseUrl, 'bench_search');
  const out: BenchRow[] = [];
  const raw: Record<string, unknown> = { reports: REPORTS };
  const readers = ['an.peeters', 'pieter.janssens', 'sofie.maes'];
  let pg: Host | undefined;
  let lite: Host | undefined;
  let liteDb: { stop(): Promise<void> } | undefined;
  let litePool: Pool | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
  try {
    const pool = db.pool(12);
    pg = await startReports(pool, 'production', true);
    console.log(`  seeding ${REPORTS} reports through the event store…`);
    const seeded = await seed(pg, pool, REPORTS);
    raw.seed = { ...seeded, pvNumbers: seeded.pvNumbers.length };
    out.push({
      metric: 'seed: reports appended through the event store',
      value: round(seeded.appendSeconds, 1),
      unit: 's',
      note: `${seeded.events} events, ${Math.round(seeded.events / seeded.appendSeconds)} events/s`,
    });
    out.push({
      metric: 'seed: until the search index holds them all',
      value: round(seeded.indexedSeconds, 1),
      unit: 's',
      note: 'projections (list, PVs, statistics, search) catching up',
    });
    const pvNumber = seeded.pvNumbers[Math.floor(seeded.pvNumbers.length / 2)];
    const probes: Probe[] = [
      { label: 'surname', q: 'Vermeersch' },
      { label: 'first and last name', q: 'Lotte Baert' },
      { label: 'street', q: 'Overpoortstraat' },
      { label: 'word (stem + prefix)', q: 'fiets' },
      { label: 'two words', q: 'laptop juwelen' },
      { label: 'phrase', q: '"achterdeur geforceerd"' },
      { label: 'PV number, whole', q: pvNumber },
      { label: 'PV number, prefix', q: pvNumber.slice(0, 13) },
      { label: 'most of the zone', q: 'Gent' },
    ];
    const pgDatabase = await measureDatabase(pg.es, probes, readers, SECONDS);
    const pgSerial = await measure(pg.url, probes, readers, SECONDS, 1);
    const pgLoaded = await measure(pg.url, probes, readers, SECONDS, 4);
    raw.postgres = {
      serial: summary(pgSerial),
      loaded: summary(pgLoaded),
      database: { p50: percentile(pgDatabase, 50), p95: percentile(pgDatabase, 95) },
      totals: Object.fromEntries(pgSerial.totals),
    };
    out.push(...rows('PostgreSQL', pgSerial, 1), rows('PostgreSQL', pgLoaded, 4)[0], databaseRow('PostgreSQL', pgDatabase));

    const started = performance.now();
    const embedded = await startEmbeddedDatabase({ dataDir: dir, fresh: true, logger: { log: () => undefined } });
    liteDb = embedded;
    litePool = createPool(embedded.url, 1, 'bench-pglite');
    lite = await startReports(litePool, 'embedded', false);
    const copied = await copyIndex(pool, litePool);
    out.push({
      metric: 'PGlite: index copied (bulk path)',
      value: round((performance.now() - started) / 1000, 1),
      unit: 's',
      note: `${copied} rows, documents recomputed by the trigger`,
    });
    const liteDatabase = await measureDatabase(lite.es, probes, readers, SECONDS);
    const liteSerial = await measure(lite.url, probes, readers, SECONDS, 1);
    raw.pglite = {
      serial: summary(liteSerial),
      database: { p50: percentile(liteDatabase, 50), p95: percentile(liteDatabase, 95) },
      totals: Object.fromEntries(liteSerial.totals),
    };
    out.push(...rows('PGlite', liteSerial, 1), databaseRow('PGlite', liteDatabase));
    return { rows: out, raw };
  } finally {
    await lite?.close();
    await litePool?.end().catch(() => undefined);
    await liteDb?.stop();
    rmSync(dir, { recursive: true, force: true });
    await pg?.close();
    await db.drop();
  }
}

function totalsOf(m: Awaited<ReturnType<typeof measure>>, label: string): string {
  return [...m.totals]
    .filter(([k]) => k.startsWith(`${label} (`))
    .map(([k, n]) => `${k.slice(label.length + 2, -1).split('.')[0]} ${n}`)
    .join(', ');
}

function summary(m: Awaited<ReturnType<typeof measure>>): Record<string, unknown> {
  return {
    searches: m.all.length,
    p50: percentile(m.all, 50),
    p95: percentile(m.all, 95),
    p99: percentile(m.all, 99),
    byQuery: Object.fromEntries([...m.byLabel].map(([k, v]) => [k, { n: v.length, p50: percentile(v, 50), p95: percentile(v, 95) }])),
  };
}
