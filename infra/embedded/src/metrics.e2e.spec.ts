// Prometheus metrics over HTTP: two services' production mains on real PostgreSQL and Kafka (a referral
// from reports to investigations moves the counters it should), and the embedded host's per-service paths.
import { randomBytes, randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import type { Pool } from 'pg';
import { InProcessMessageBus } from '@police/messaging';
import { createTestDatabase, eventually, TestDatabase, testKafkaBrokers } from '@police/testing';
import { createEmbeddedApp } from './embedded.module';
import {
  callService,
  compile,
  identityProvider,
  IdentityProvider,
  RunningService,
  startService,
  stopAll,
} from './production-services.testing';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a text exposition (Prometheus 0.0.4). */
function parse(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** The sum of the samples of `name` whose labels include `labels`. */
function total(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

function series(samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

const DESK = { staffId: '5415-0101', roles: ['front_desk'], teams: ['Onthaal'], unit: 'Interventie' };
const DIEFSTAL = { staffId: '5415-0201', roles: ['detective'], teams: ['Diefstallen'], unit: 'LRD' };
const OPS = { staffId: '5415-0501', roles: ['ops'], teams: ['ICT'], unit: 'ICT' };
const WAIT = { timeoutMs: 60_000, intervalMs: 250 };
const PROBLEM = 'https://police-case-platform.example/problems/';

const REPORT = {
  kind: 'aangifte',
  channel: { kind: 'front_desk', officeId: 'apg' },
  appointmentRef: 'APT-2026-0077',
  incidentType: 'woninginbraak',
  timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
  place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 14' },
  narrative: 'Raam aan de achterzijde ingeslagen.',
  parties: [{ name: 'B. Peeters', roles: ['reporter', 'victim'] }],
};

describe('metrics of the production mains, over real PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let idp: IdentityProvider;
  let reports: RunningService;
  let investigations: RunningService;
  const scrapeToken = randomBytes(24).toString('hex');

  const call = (url: string, method: string, path: string, options: Parameters<typeof callService>[4] = {}) =>
    callService(idp, url, method, path, options);

  async function scrape(service: RunningService): Promise<Sample[]> {
    const res = await call(service.url, 'GET', '/metrics', { bearer: scrapeToken });
    expect(res.status).toBe(200);
    return parse(res.text);
  }

  beforeAll(async () => {
    idp = await identityProvider();
    db = await createTestDatabase('metrics');
    compile();
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `mx-${randomUUID().slice(0, 8)}.`,
      LOG_LEVEL: 'warn',
      METRICS_SCRAPE_TOKEN: scrapeToken,
      SEARCH_RATE_LIMIT: '100000',
      ...idp.env,
    };
    // One after the other: each start gets the machine's cores (compiling the tree may take minutes too).
    reports = await startService('reports', env, { captureOutput: true });
    investigations = await startService('investigations', env, { captureOutput: true });
  }, 480_000);
  afterAll(async () => {
    await stopAll([reports, investigations].filter(Boolean).map((s) => s.child));
    await db?.drop();
    await idp?.close();
  });

  it('are not public: 401 without a token or with a wrong scrape token, 403 for a role other than ops; the ops role and the scrape token read them, at /metrics and /api/<service>/metrics', async () => {
    for (const path of ['/metrics', '/api/reports/metrics']) {
      const anonymous = await call(reports.url, 'GET', path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.contentType).toContain('application/problem+json');
      expect(anonymous.json).toMatchObject({ type: `${PROBLEM}unauthenticated`, status: 401 });
      const wrong = await call(reports.url, 'GET', path, { bearer: randomBytes(24).toString('hex') });
      expect(wrong.status).toBe(401);
      expect(wrong.json).toMatchObject({ type: `${PROBLEM}unauthenticated` });
      // One character off: compared whole.
      const almost = await call(reports.url, 'GET', path, {
        bearer: `${scrapeToken.slice(0, -1)}${scrapeToken.endsWith('0') ? '1' : '0'}`,
      });
      expect(almost.status).toBe(401);
      const detective = await call(reports.url, 'GET', path, { as: DIEFSTAL });
      expect(detective.status).toBe(403);
      expect(detective.json).toMatchObject({ type: `${PROBLEM}forbidden`, status: 403 });
      const ops = await call(reports.url, 'GET', path, { as: OPS });
      expect(ops.status).toBe(200);
      expect(
        ops.contentType
          .split(';')
          .map((p) => p.trim())
          .sort(),
      ).toEqual(['charset=utf-8', 'text/plain', 'version=0.0.4']);
      const token = await call(reports.url, 'GET', path, { bearer: scrapeToken });
      expect(token.status).toBe(200);
      expect(total(parse(token.text), 'process_cpu_seconds_total')).toBeGreaterThan(0);
    }
    // The refusals above are counted by reason.
    const after = await scrape(reports);
    expect(total(after, 'police_token_verifications_refused_total', { reason: 'missing' })).toBeGreaterThanOrEqual(2);
    expect(total(after, 'police_token_verifications_refused_total', { reason: 'malformed' })).toBeGreaterThanOrEqual(4);
  });

  it('a report taken in, read, refused and referred moves the command, latency, append, consultation, relay, consumer and projection figures', async () => {
    const before = await scrape(reports);
    const command = { service: 'reports', command: 'POST /api/reports' };

    const created = await call(reports.url, 'POST', '/api/reports', { as: DESK, body: REPORT });
    expect(created.status).toBe(201);
    const reportId = created.json.id as string;
    const invalid = await call(reports.url, 'POST', '/api/reports', { as: DESK, body: { ...REPORT, kind: 'roddel' } });
    expect(invalid.status).toBe(400);
    const read = await call(reports.url, 'GET', `/api/reports/${reportId}`, { as: DESK });
    expect(read.status).toBe(200);
    const stale = await call(reports.url, 'POST', `/api/reports/${reportId}/investigation-request`, {
      as: DESK,
      body: { reason: 'Reeks inbraken in de buurt' },
      headers: { 'If-Match': '"99"' },
    });
    expect(stale.status).toBe(412);
    const referred = await call(reports.url, 'POST', `/api/reports/${reportId}/investigation-request`, {
      as: DESK,
      body: { reason: 'Reeks inbraken in de buurt' },
    });
    expect(referred.status).toBe(200);

    const after = await scrape(reports);
    const delta = (name: string, labels: Record<string, string>) => total(after, name, labels) - total(before, name, labels);
    expect(delta('police_commands_total', { ...command, outcome: 'accepted', code: '' })).toBe(1);
    expect(delta('police_commands_total', { ...command, outcome: 'refused', code: 'validation' })).toBe(1);
    expect(
      delta('police_commands_total', {
        service: 'reports',
        command: 'POST /api/reports/:id/investigation-request',
        outcome: 'conflict',
        code: 'precondition-failed',
      }),
    ).toBe(1);
    expect(
      delta('police_commands_total', { service: 'reports', command: 'POST /api/reports/:id/investigation-request', outcome: 'accepted' }),
    ).toBe(1);
    // Latency per route template and status: the record's id is never a label value.
    expect(
      delta('police_http_request_duration_seconds_count', { service: 'reports', method: 'POST', route: '/api/reports', status: '201' }),
    ).toBe(1);
    expect(
      delta('police_http_request_duration_seconds_count', { service: 'reports', method: 'GET', route: '/api/reports/:id', status: '200' }),
    ).toBe(1);
    expect(
      delta('police_http_request_duration_seconds_bucket', {
        service: 'reports',
        method: 'GET',
        route: '/api/reports/:id',
        status: '200',
        le: '+Inf',
      }),
    ).toBe(1);
    const routes = new Set(series(after, 'police_http_request_duration_seconds_count').map((s) => s.labels.route));
    expect([...routes].filter((r) => r.includes(reportId))).toEqual([]);
    expect(routes).toContain('/metrics');
    // Two appends (the intake and the referral); the read was logged in the consultation log.
    expect(delta('police_event_store_append_duration_seconds_count', { service: 'reports', outcome: 'ok' })).toBe(2);
    expect(delta('police_consultation_log_writes_total', { outcome: 'written' })).toBeGreaterThanOrEqual(1);
    expect(total(after, 'police_consultation_log_writes_total', { outcome: 'failed' })).toBe(0);
    expect(total(after, 'police_pg_pool_max_connections', { pool: 'reports' })).toBe(10);
    expect(series(after, 'police_pg_pool_connections', { pool: 'reports', state: 'idle' })).toHaveLength(1);
    expect(total(after, 'police_pg_pool_acquire_seconds_count', { pool: 'reports' })).toBeGreaterThan(0);

    // The referral crosses Kafka: investigations opens the case; every lag comes back to zero.
    await eventually(async () => {
      const list = await call(investigations.url, 'GET', `/api/investigations?reportId=${reportId}`, { as: DIEFSTAL });
      expect(list.json.investigations).toHaveLength(1);
    }, WAIT);
    await eventually(async () => {
      const r = await scrape(reports);
      const relay = series(r, 'police_relay_lag_events', { service: 'reports' });
      expect(relay).toHaveLength(1);
      expect(relay[0].labels.relay).toMatch(/^mx-.*reports\.public\.v1$/);
      expect(relay[0].value).toBe(0);
      expect(total(r, 'police_relay_lag_seconds', { service: 'reports' })).toBe(0);
      const projections = series(r, 'police_projection_lag_events', { service: 'reports' });
      expect(projections.map((p) => p.labels.projection).sort()).toEqual(expect.arrayContaining(['reports-reports']));
      expect(projections.every((p) => p.value === 0)).toBe(true);
    }, WAIT);
    await eventually(async () => {
      const i = await scrape(investigations);
      const lag = series(i, 'police_consumer_lag_messages', { service: 'investigations' }).filter((s) =>
        s.labels.topic.endsWith('reports.public.v1'),
      );
      // One series per partition of the topic (the bus creates three).
      expect(lag.map((s) => s.labels.partition).sort()).toEqual(['0', '1', '2']);
      expect(lag.every((s) => s.value === 0)).toBe(true);
      expect(total(i, 'police_parked_messages', { service: 'investigations' })).toBe(0);
      expect(series(i, 'police_parked_messages', { service: 'investigations', reason: 'refused' })).toHaveLength(1);
      // The case opened from the message was appended by the consumer.
      expect(
        total(i, 'police_event_store_append_duration_seconds_count', { service: 'investigations', outcome: 'ok' }),
      ).toBeGreaterThanOrEqual(1);
    }, WAIT);
  }, 240_000);
});

describe('metrics of the embedded host: /api/<service>/metrics for each service', () => {
  let db: TestDatabase;
  let pool: Pool;
  let bus: InProcessMessageBus;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase('metrics_embedded');
    pool = db.pool(1);
    bus = new InProcessMessageBus();
    app = await createEmbeddedApp({ pool, bus, notifications: false, security: { logLevel: 'silent' } });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.drop();
  });

  async function token(username: string): Promise<string> {
    const res = await fetch(`${url}/api/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  }

  it('answers the ops demo user on every service path (before any `/:id` route), with the figures of all four services', async () => {
    const ops = await token('tom.verstraete');
    for (const service of ['reports', 'investigations', 'evidence', 'integrity']) {
      const res = await fetch(`${url}/api/${service}/metrics`, { headers: { authorization: `Bearer ${ops}` } });
      expect(res.status).toBe(200);
      const samples = parse(await res.text());
      expect(series(samples, 'police_projection_lag_events', { service }).length).toBeGreaterThan(0);
      expect(total(samples, 'police_pg_pool_max_connections', { pool: 'embedded' })).toBe(1);
    }
    const desk = await token('an.peeters');
    const refused = await fetch(`${url}/api/reports/metrics`, { headers: { authorization: `Bearer ${desk}` } });
    expect(refused.status).toBe(403);
  });
});
