import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import {
  identityProvider,
  IdentityProvider,
  RunningService,
  ServiceName,
  startService,
  stopAll,
  waitForService,
} from '../infra/embedded/src/production-services.testing';
import { productionBus, productionDeliverySettings } from '@police/service-host';
import { eventually } from '@police/testing';
import { benchDatabase, BenchRow, percentile, round } from './bench-kit';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Referrals and evidence registrations started per second, each (an open loop: the next does not wait for the last). */
const RATE = Number(process.env.BENCH_XSVC_RATE ?? 2);
/** Investigations opened before the phase, that the phase's evidence is registered for in turn. */
const CASES = 8;
/** How often the read model and the case log are looked at for the effects still awaited (the measure's resolution). */
const POLL_MS = 5;
/** How long an effect may take after the last command before it counts as not seen. */
const DRAIN_MS = 30_000;
const TARGET_P99_MS = 250;

const SERVICES_UNDER_TEST = ['reports', 'investigations', 'evidence'] as const satisfies readonly ServiceName[];
type Service = (typeof SERVICES_UNDER_TEST)[number];

interface Staff {
  staffId: string;
  roles: string[];
  teams: string[];
  unit: string;
}
const DESK: Staff = { staffId: '5415-0101', roles: ['front_desk'], teams: ['Onthaal'], unit: 'Interventie' };
const DIEFSTAL: Staff = { staffId: '5415-0201', roles: ['detective'], teams: ['Diefstallen'], unit: 'LRD' };

/** One cross-service effect awaited: when its cause was recorded and when the bench first saw its effect (epoch ms, the database's clock). */
interface Hop {
  /** The report's id (referral) or the item's (evidence). */
  id: string;
  /** When the command's HTTP answer came (epoch ms, the bench's clock: the same machine). */
  answeredAt: number;
  /** The cause's event, as its producer's log recorded it (its transaction's start). */
  recordedAt?: number;
  /** The public message's timestamp on Kafka: when the producer's relay sent it. */
  publishedAt?: number;
  /** The effect's event, as investigations' log recorded it (the consumer's inbox transaction's start). */
  consumedAt?: number;
  /** When the bench first saw the effect committed. */
  seenAt?: number;
}

/**
 * Cross-service latency on the production mains over real Kafka (issue 19, point 4): reports,
 * investigations and evidence as separate processes (`production-services.testing.ts`, the launcher
 * of the e2e and chaos suites), each on a database of its own as in production (infra/k8s), tokens
 * from the tests' stand-in for Keycloak. A steady, open-loop load of {@link RATE} referrals and
 * {@link RATE} evidence registrations a second for BENCH_SECONDS, through the HTTP APIs:
 *
 * - a front-desk report referred to the detectives (`POST /api/reports/{id}/investigation-request`),
 *   from the `InvestigationRequested` event's recorded time in reports' log until the investigation's
 *   row is in investigations' read model (`investigations.investigations`, what the detectives' list
 *   `GET /api/investigations?reportId=` reads);
 * - an evidence item registered for a case (`POST /api/evidence/items`), from the `ItemRegistered`
 *   event's recorded time until the case's stream holds its `EvidenceLinked` event (the case timeline,
 *   `GET /api/investigations/{id}/timeline`, reads the stream itself).
 *
 * The effects are looked for in SQL every {@link POLL_MS} ms, one query for all those awaited: an
 * HTTP poll per hop would add its own token checks and need-to-know queries to the services measured,
 * on the same two cores, and measure its own latency too. At the end, the detectives' list and the
 * timeline routes are asked once each for every hop, to show the effects are what they serve.
 */
export async function runCrossServiceBench(baseUrl: string): Promise<{ rows: BenchRow[]; raw: Record<string, unknown> }> {
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  if (!kafkaBrokers) throw new Error('KAFKA_BROKERS is not set (scripts/bench.mjs sets it when the cross-service suite is selected)');
  const dbs = await Promise.all(SERVICES_UNDER_TEST.map((s) => benchDatabase(baseUrl, `bench_xs_${s}`)));
  const db = Object.fromEntries(SERVICES_UNDER_TEST.map((s, i) => [s, dbs[i]])) as Record<Service, (typeof dbs)[number]>;
  const sql = Object.fromEntries(SERVICES_UNDER_TEST.map((s) => [s, db[s].pool(2)])) as Record<Service, Pool>;
  const running: RunningService[] = [];
  let idp: IdentityProvider | undefined;
  // A bench stopped by a signal stops the mains it started (scripts/bench.mjs also kills its process group).
  const onSignal = () => {
    for (const s of running) s.child.kill('SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    idp = await identityProvider();
    // Topics of this run's own: nothing else on the broker reaches its consumers.
    const prefix = `bench-${randomUUID().slice(0, 8)}.`;
    const env = (service: Service) => ({
      DATABASE_URL: db[service].url,
      KAFKA_BROKERS: kafkaBrokers,
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      SEARCH_RATE_LIMIT: '100000',
      ...idp!.env,
    });
    const t0 = Date.now();
    const started = await Promise.allSettled(SERVICES_UNDER_TEST.map((s) => startService(s, env(s), { captureOutput: true })));
    for (const r of started) if (r.status === 'fulfilled') running.push(r.value);
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const service = (name: Service) => running.find((s) => s.name === name)!;
    // Ready, and the consumer groups joined: a message sent before would wait for the join.
    for (const s of running) await waitForService(s, { route: 'health/ready', timeoutMs: 120_000 }).then(() => consumerJoined(s));
    const startupSeconds = (Date.now() - t0) / 1000;

    const client = new Client(idp, (name) => service(name).url);
    const logs = () => running.map((s) => `--- ${s.name}\n${s.output().slice(-3000)}`).join('\n');

    // Warm-up (not measured): cases evidence knows, each with one item on its timeline.
    const cases: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const report = await client.refer(i);
      cases.push(await until(() => investigationOf(sql.investigations, report.id), 60_000, `the investigation of report ${report.id}`));
    }
    for (const [i, investigationId] of cases.entries()) {
      const item = await until(
        () => client.register(i, investigationId).catch(() => undefined),
        60_000,
        `evidence knowing ${investigationId}`,
      );
      await until(
        async () => ((await linked(sql.investigations, cases, [item.id])).size > 0 ? true : undefined),
        60_000,
        `the timeline entry of ${item.id}`,
      );
    }

    // The phase: RATE referrals and RATE registrations a second, each started on its tick, watched for their effects meanwhile.
    const referrals: Hop[] = [];
    const items: Hop[] = [];
    const failures: string[] = [];
    let unanswered = 0;
    let allSent = false;
    const watching = watch(sql, cases, referrals, items, () => allSent && unanswered === 0);
    const send = (hop: Promise<Hop>, into: Hop[], what: string) => {
      unanswered++;
      void hop
        .then(
          (h) => void into.push(h),
          (e: Error) => void failures.push(`${what}: ${e.message}`),
        )
        .finally(() => unanswered--);
    };
    const phaseStart = Date.now();
    const total = Math.round(SECONDS * RATE);
    for (let n = 0; n < total; n++) {
      const wait = phaseStart + (n * 1000) / RATE - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      send(client.refer(CASES + n), referrals, `referral ${n}`);
      send(client.register(CASES + n, cases[n % cases.length]), items, `evidence ${n}`);
    }
    const phaseSeconds = (Date.now() - phaseStart) / 1000;
    allSent = true;
    await watching;
    await recordedTimes(sql, referrals, items);
    await publishedTimes(kafkaBrokers.split(','), prefix, referrals, items);

    // What the detectives read: every referred report's investigation in their list, every item on its case's timeline.
    const served = await client.servedEffects(referrals, items, cases);

    // The same message rate investigations' consumer took (referrals and items), on Kafka alone.
    const transport = await transportAlone(prefix, 2 * RATE, Math.min(SECONDS, 10));

    const latencies = (hops: Hop[]) =>
      hops.map((h) => (h.seenAt !== undefined && h.recordedAt !== undefined ? h.seenAt - h.recordedAt : Infinity)).sort((a, b) => a - b);
    const fromAnswer = (hops: Hop[]) =>
      hops.map((h) => (h.seenAt !== undefined ? h.seenAt - h.answeredAt : Infinity)).sort((a, b) => a - b);
    const referral = latencies(referrals);
    const evidence = latencies(items);
    const unseen = [...referrals, ...items].filter((h) => h.seenAt === undefined).length;
    if (failures.length > 0 || unseen > 0)
      console.error(
        `cross-service: ${failures.length} commands failed, ${unseen} effects unseen\n${failures.slice(0, 5).join('\n')}\n${logs()}`,
      );
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    const row = (what: string, sorted: number[], p: 50 | 99, note?: string): BenchRow => {
      const value = round(percentile(sorted, p), 1);
      return {
        metric: `${what} p${p}`,
        value,
        unit: 'ms',
        ...(p === 99 ? { target: `< ${TARGET_P99_MS} ms`, pass: value < TARGET_P99_MS } : {}),
        ...(note ? { note } : {}),
      };
    };
    const settings = deliverySettingRows();
    const stages = [...stageRows('referral', referrals), ...stageRows('evidence', items)];
    return {
      raw: {
        rate: RATE,
        seconds: SECONDS,
        phaseSeconds,
        startupSeconds,
        cases: CASES,
        pollMs: POLL_MS,
        failures,
        unseen,
        served,
        referralMs: referral,
        evidenceMs: evidence,
        transportMs: transport,
        referralFromAnswerMs: fromAnswer(referrals),
        evidenceFromAnswerMs: fromAnswer(items),
        stages: Object.fromEntries(stages.map((s) => [s.metric, s.value])),
        hops: { referrals, items },
        settings: Object.fromEntries(settings.map((s) => [s.metric, s.value])),
        loadAverage: os.loadavg(),
      },
      rows: [
        row(
          'referral commit → investigation in the detectives’ read model',
          referral,
          50,
          `${referrals.length} referrals at ${RATE}/s for ${SECONDS} s; from InvestigationRequested's recorded time; from the HTTP answer p50 ${round(percentile(fromAnswer(referrals), 50), 1)} ms`,
        ),
        row(
          'referral commit → investigation in the detectives’ read model',
          referral,
          99,
          `from the HTTP answer p99 ${round(percentile(fromAnswer(referrals), 99), 1)} ms; load average ${load}`,
        ),
        row(
          'evidence registration → entry on the case timeline',
          evidence,
          50,
          `${items.length} items at ${RATE}/s over ${CASES} cases; from ItemRegistered's recorded time; from the HTTP answer p50 ${round(percentile(fromAnswer(items), 50), 1)} ms`,
        ),
        row(
          'evidence registration → entry on the case timeline',
          evidence,
          99,
          `from the HTTP answer p99 ${round(percentile(fromAnswer(items), 99), 1)} ms`,
        ),
        {
          metric: 'effects not seen (or commands failed)',
          value: unseen + failures.length,
          unit: '',
          target: '0',
          pass: unseen + failures.length === 0 && served.missing === 0,
          note: `effects looked for every ${POLL_MS} ms, up to ${DRAIN_MS / 1000} s after the last answer; served by the HTTP routes: ${served.found} of ${served.asked}`,
        },
        ...stages,
        {
          metric: 'Kafka alone: publish → handler (libs/messaging, no service)',
          value: round(percentile(transport, 50), 1),
          unit: 'ms p50',
          note: `p99 ${round(percentile(transport, 99), 1)} ms, ${transport.length} messages at ${2 * RATE}/s: the transport's share of the hops`,
        },
        ...settings,
      ],
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll(
      running.map((s) => s.child),
      { killAfterMs: 10_000 },
    );
    await idp?.close();
    await Promise.all(dbs.map((d) => d.drop().catch(() => undefined)));
  }
}

/** Polls `probe` (through the tests' `eventually`) until it gives a value (not undefined), at most `timeoutMs`. */
function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  return eventually(
    async () => {
      const value = await probe();
      if (value === undefined) throw new Error(`cross-service bench: ${what} did not come within ${timeoutMs / 1000} s`);
      return value;
    },
    { timeoutMs, intervalMs: 50 },
  );
}

/** Waits until the service's consumer group (if it has one) has joined, as its readiness report tells. */
async function consumerJoined(service: RunningService): Promise<void> {
  await until(
    async () => {
      const res = await fetch(`${service.url}/api/${service.name}/health/ready`, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { checks?: { consumer?: string } };
      return body.checks?.consumer === 'joining' ? undefined : true;
    },
    120_000,
    `the consumer group of ${service.name}`,
  );
}

async function investigationOf(investigations: Pool, reportId: string): Promise<string | undefined> {
  const { rows } = await investigations.query<{ id: string }>(
    `SELECT id::text AS id FROM investigations.investigations WHERE "reportIds" && $1::text[]`,
    [[reportId]],
  );
  return rows[0]?.id;
}

/** The items among `itemIds` whose EvidenceLinked event is in one of the cases' streams (their timelines). */
async function linked(investigations: Pool, cases: string[], itemIds: string[]): Promise<Set<string>> {
  const { rows } = await investigations.query<{ id: string }>(
    `SELECT data->>'itemId' AS id FROM investigations.events
      WHERE stream_id = ANY($1::text[]) AND type = 'EvidenceLinked' AND data->>'itemId' = ANY($2::text[])`,
    [cases.map((c) => `investigation-${c}`), itemIds],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Looks for the effects still awaited every POLL_MS, in one statement on investigations' database; an
 * effect's `seenAt` is that statement's start (its snapshot: the effect was committed by then). Ends
 * when every hop is seen and no command is still unanswered, or DRAIN_MS after the last answer.
 */
async function watch(sql: Record<Service, Pool>, cases: string[], referrals: Hop[], items: Hop[], answered: () => boolean): Promise<void> {
  const streams = cases.map((c) => `investigation-${c}`);
  let answeredAt: number | undefined;
  for (;;) {
    const reportIds = referrals.filter((h) => h.seenAt === undefined).map((h) => h.id);
    const itemIds = items.filter((h) => h.seenAt === undefined).map((h) => h.id);
    if (reportIds.length + itemIds.length > 0) {
      const { rows } = await sql.investigations.query<{ kind: 'referral' | 'item'; id: string; at: number }>(
        `SELECT 'referral' AS kind, r AS id, extract(epoch FROM statement_timestamp())::float8 * 1000 AS at
           FROM investigations.investigations, unnest("reportIds") AS r
          WHERE "reportIds" && $1::text[] AND r = ANY($1::text[])
         UNION ALL
         SELECT 'item', data->>'itemId', extract(epoch FROM statement_timestamp())::float8 * 1000
           FROM investigations.events
          WHERE stream_id = ANY($2::text[]) AND type = 'EvidenceLinked' AND data->>'itemId' = ANY($3::text[])`,
        [reportIds, streams, itemIds],
      );
      const byId = new Map(rows.map((r) => [r.id, r.at]));
      for (const h of [...referrals, ...items]) if (h.seenAt === undefined && byId.has(h.id)) h.seenAt = byId.get(h.id);
    } else if (answered()) return;
    if (answered()) {
      answeredAt ??= Date.now();
      if (Date.now() - answeredAt > DRAIN_MS) return;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Each hop's cause as its producer's log recorded it: InvestigationRequested in reports, ItemRegistered in evidence. */
async function recordedTimes(sql: Record<Service, Pool>, referrals: Hop[], items: Hop[]): Promise<void> {
  const times = async (pool: Pool, schema: string, type: string, streams: string[]) =>
    new Map(
      (
        await pool.query<{ stream: string; at: number }>(
          `SELECT stream_id AS stream, extract(epoch FROM recorded_at)::float8 * 1000 AS at FROM "${schema}".events WHERE type = $1 AND stream_id = ANY($2::text[])`,
          [type, streams],
        )
      ).rows.map((r) => [r.stream, r.at]),
    );
  const requested = await times(
    sql.reports,
    'reports',
    'InvestigationRequested',
    referrals.map((h) => `report-${h.id}`),
  );
  for (const h of referrals) h.recordedAt = requested.get(`report-${h.id}`);
  const registered = await times(
    sql.evidence,
    'evidence',
    'ItemRegistered',
    items.map((h) => `evidence-item-${h.id}`),
  );
  for (const h of items) h.recordedAt = registered.get(`evidence-item-${h.id}`);
  // The effects' own events in investigations' log: the consumer's transaction started then.
  const { rows } = await sql.investigations.query<{ kind: string; id: string; at: number }>(
    `SELECT type AS kind, coalesce(data->'origin'->'report'->>'reportId', data->>'itemId') AS id,
            extract(epoch FROM recorded_at)::float8 * 1000 AS at
       FROM investigations.events WHERE type IN ('InvestigationOpened', 'EvidenceLinked')`,
  );
  const consumed = new Map(rows.map((r) => [`${r.kind}/${r.id}`, r.at]));
  for (const h of referrals) h.consumedAt = consumed.get(`InvestigationOpened/${h.id}`);
  for (const h of items) h.consumedAt = consumed.get(`EvidenceLinked/${h.id}`);
}

/** Each hop's public message's timestamp, read back from the run's topics (a consumer group of its own, at most 30 s). */
async function publishedTimes(brokers: string[], prefix: string, referrals: Hop[], items: Hop[]): Promise<void> {
  const wanted = new Map([...referrals, ...items].map((h) => [h.id, h]));
  const kafka = new Kafka({ clientId: 'bench-cross-service', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${prefix}bench-stages` });
  let left = wanted.size;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [`${prefix}reports.public.v1`, `${prefix}evidence.public.v1`], fromBeginning: true });
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    await consumer.run({
      eachMessage: async ({ message }) => {
        const type = message.headers?.['message-type']?.toString();
        if (type !== 'reports.ReportReferredForInvestigation.v1' && type !== 'evidence.ItemRegistered.v1') return;
        const payload = JSON.parse(message.value?.toString('utf8') ?? '{}') as { reportId?: string; itemId?: string };
        const hop = wanted.get((type.startsWith('reports.') ? payload.reportId : payload.itemId) ?? '');
        if (hop && hop.publishedAt === undefined) {
          hop.publishedAt = Number(message.timestamp);
          if (--left === 0) done();
        }
      },
    });
    await Promise.race([all, new Promise((r) => setTimeout(r, 30_000))]);
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/** p50 and p99 of each stage of a hop: the producer's relay, Kafka and the consumer, the effect's commit and projection. */
function stageRows(flow: 'referral' | 'evidence', hops: Hop[]): BenchRow[] {
  const stage = (from: keyof Hop, to: keyof Hop) =>
    hops
      .filter((h) => typeof h[from] === 'number' && typeof h[to] === 'number')
      .map((h) => (h[to] as number) - (h[from] as number))
      .sort((a, b) => a - b);
  const stages: [string, number[]][] = [
    [`${flow}: recorded → sent to Kafka by ${flow === 'referral' ? 'reports' : 'evidence'}' relay`, stage('recordedAt', 'publishedAt')],
    [`${flow}: sent → handled by investigations' consumer`, stage('publishedAt', 'consumedAt')],
    [`${flow}: handled → ${flow === 'referral' ? 'row in the read model' : 'committed on the timeline'}`, stage('consumedAt', 'seenAt')],
  ];
  return stages.map(([metric, sorted]) => ({
    metric,
    value: round(percentile(sorted, 50), 1),
    unit: 'ms p50',
    note: `p99 ${round(percentile(sorted, 99), 1)} ms, max ${round(sorted[sorted.length - 1] ?? NaN, 1)} ms (${sorted.length} hops)`,
  }));
}

/** The services' HTTP APIs as the desk and a detective of Diefstallen call them, with tokens from the stand-in identity provider. */
class Client {
  private readonly tokens = new Map<string, { token: string; at: number }>();

  constructor(
    private readonly idp: IdentityProvider,
    private readonly urlOf: (service: Service) => string,
  ) {}

  private async token(as: Staff): Promise<string> {
    const cached = this.tokens.get(as.staffId);
    // The stand-in's tokens last 5 minutes: a new one every minute.
    if (cached && Date.now() - cached.at < 60_000) return cached.token;
    const token = await this.idp.sign(as.staffId, as.roles, { teams: as.teams, unit: as.unit });
    this.tokens.set(as.staffId, { token, at: Date.now() });
    return token;
  }

  async call<T>(as: Staff, method: string, path: string, body?: unknown): Promise<T> {
    const service = path.split('?')[0].split('/')[2] as Service;
    const res = await fetch(`${this.urlOf(service)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(as)}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** A front-desk report (a burglary: Diefstallen's), referred to the detectives; the hop starts at the referral. */
  async refer(n: number): Promise<Hop> {
    const report = await this.call<{ id: string }>(DESK, 'POST', '/api/reports', {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: `APT-2026-${String(n).padStart(4, '0')}`,
      incidentType: 'woninginbraak',
      timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: `Voorbeeldstraat ${n}` },
      narrative: `Achterdeur geforceerd (bench ${n}).`,
      parties: [{ name: `A. Peeters ${n}`, roles: ['reporter', 'victim'] }],
    });
    await this.call(DESK, 'POST', `/api/reports/${report.id}/investigation-request`, { reason: `Reeks inbraken ${n}` });
    return { id: report.id, answeredAt: performance.timeOrigin + performance.now() };
  }

  /** An item seized for the case, registered by a detective of its team. */
  async register(n: number, investigationId: string): Promise<Hop> {
    const item = await this.call<{ id: string }>(DIEFSTAL, 'POST', '/api/evidence/items', {
      investigationId,
      description: `Schroevendraaier ${n}`,
      category: 'trace',
      quantity: { amount: 1, unit: 'piece' },
      sealNumber: `S-${800000 + n}`,
      packaging: 'verzegelde bewijszak',
      condition: 'sporen van roest',
      seizedBy: DIEFSTAL.staffId,
      seizedAt: '2026-11-20T09:30:00Z',
      seizedPlace: 'Voorbeeldstraat 12, 9000 Gent',
      legalBasis: 'art. 35 Sv.',
    });
    return { id: item.id, answeredAt: performance.timeOrigin + performance.now() };
  }

  /** Asks the detectives' list for each referred report and each case's timeline once: how many of the effects seen they serve. */
  async servedEffects(referrals: Hop[], items: Hop[], cases: string[]): Promise<{ asked: number; found: number; missing: number }> {
    const seenReferrals = referrals.filter((h) => h.seenAt !== undefined);
    const seenItems = new Set(items.filter((h) => h.seenAt !== undefined).map((h) => h.id));
    let found = 0;
    for (const h of seenReferrals) {
      const list = await this.call<{ investigations: unknown[] }>(DIEFSTAL, 'GET', `/api/investigations?reportId=${h.id}`);
      if (list.investigations.length === 1) found++;
    }
    for (const c of cases) {
      const timeline = await this.call<{ entries: { type: string; data: { itemId?: string } }[] }>(
        DIEFSTAL,
        'GET',
        `/api/investigations/${c}/timeline`,
      );
      found += timeline.entries.filter((e) => e.type === 'EvidenceLinked' && seenItems.has(e.data.itemId ?? '')).length;
    }
    const asked = seenReferrals.length + seenItems.size;
    return { asked, found, missing: asked - found };
  }
}

/** The settings that decide the latencies, as a production main runs with them (see `DeliverySettings`). */
function deliverySettingRows(): BenchRow[] {
  const d = productionDeliverySettings('investigations');
  const k = d.kafka!;
  const setting = (metric: string, value: number, unit: string, note: string): BenchRow => ({
    metric: `setting: ${metric}`,
    value,
    unit,
    note,
  });
  return [
    setting(
      'subscription poll interval (relay, projections)',
      d.subscriptionPollIntervalMs,
      'ms',
      'longest wait of a caught-up relay or projection; LISTEN/NOTIFY wakes it at once',
    ),
    setting('NOTIFY window', d.notifyWindowMs ?? NaN, 'ms', 'appends within it share one NOTIFY to the other processes'),
    setting('relay batch size', d.relayBatchSize, 'events', 'events read per batch; each batch is one Kafka publish'),
    setting('projection batch size', d.projectorBatchSize, 'events', 'events applied per read-model transaction'),
    setting(
      'kafkajs producer linger',
      k.producer.lingerMs,
      'ms',
      `kafkajs has no linger: each publish is sent at once; acks ${k.producer.acks}, idempotent, ${k.producer.maxInFlightRequests} request in flight`,
    ),
    setting(
      'kafkajs consumer maxWaitTimeInMs',
      k.consumer.maxWaitTimeInMs,
      'ms',
      `with minBytes ${k.consumer.minBytes} a fetch is answered at the first byte: only an idle topic waits this long`,
    ),
    setting(
      'kafkajs consumer partitionsConsumedConcurrently',
      k.consumer.partitionsConsumedConcurrently,
      '',
      `one message at a time per consumer, over ${k.partitions} partitions a topic`,
    ),
  ];
}

/**
 * The Kafka transport alone, for comparison: a bus as a production main makes it publishes `rate`
 * messages a second (one publish each, as a relay's batch of one) to a topic of its own, and its
 * subscription's handler notes when each arrives; no database, no service. Milliseconds, sorted.
 */
async function transportAlone(prefix: string, rate: number, seconds: number): Promise<number[]> {
  const bus = productionBus('investigations');
  const topic = `${prefix}bench-transport`;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  try {
    const subscription = await bus.subscribe({
      groupId: `${prefix}bench-transport`,
      topics: [topic],
      handle: async (m) => {
        const at = sentAt.get(m.id);
        if (at !== undefined) latencies.push(performance.now() - at);
      },
    });
    await Promise.race([subscription.joined(), new Promise((r) => setTimeout(r, 60_000))]);
    const start = performance.now();
    const total = Math.round(rate * seconds);
    for (let n = 0; n < total; n++) {
      const wait = start + (n * 1000) / rate - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const id = randomUUID();
      sentAt.set(id, performance.now());
      await bus.publish([{ id, topic, key: randomUUID(), type: 'bench.Probe.v1', payload: { n }, correlationId: id, causationId: id }]);
    }
    await until(async () => (latencies.length >= total ? true : undefined), 30_000, "the transport probe's messages").catch(
      () => undefined,
    );
  } finally {
    await bus.close();
  }
  return latencies.sort((a, b) => a - b);
}
