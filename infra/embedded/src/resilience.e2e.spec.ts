// The production mains as separate processes, with what they depend on cut and restored under them: a
// TCP proxy of the test's own sits between the services and PostgreSQL (or Kafka), so an outage never
// touches the shared servers. The processes must live through it, answer what they can, and catch up.
import { randomUUID } from 'node:crypto';
import { createTestDatabase, eventually, startTcpProxy, TcpProxy, TestDatabase, testKafkaBrokers } from '@police/testing';
import {
  compile,
  identityProvider,
  IdentityProvider,
  RunningService,
  ServiceName,
  startService,
  stopAll,
} from './production-services.testing';

const DESK = { staffId: '5415-0101', roles: ['front_desk'], teams: ['Onthaal'], unit: 'Interventie' };
const DIEFSTAL = { staffId: '5415-0201', roles: ['detective'], teams: ['Diefstallen'], unit: 'LRD' };
type Staff = typeof DESK;

const WAIT = { timeoutMs: 90_000, intervalMs: 250 };

function report(n: number) {
  return {
    kind: 'aangifte',
    channel: { kind: 'front_desk', officeId: 'apg' },
    appointmentRef: `APT-2026-${String(n).padStart(4, '0')}`,
    incidentType: 'woninginbraak',
    timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
    place: { municipality: 'Gent', postalCode: '9000', address: `Voorbeeldstraat ${n}` },
    narrative: `Achterdeur geforceerd (${n}).`,
    parties: [{ name: `A. Peeters ${n}`, roles: ['reporter', 'victim'] }],
  };
}

function hostPort(url: string): { host: string; port: number } {
  const u = new URL(url.includes('://') ? url : `tcp://${url}`);
  return { host: u.hostname, port: Number(u.port) };
}

describe('resilience: the services live through outages of PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let idp: IdentityProvider;
  let pgProxy: TcpProxy;
  const proxies: TcpProxy[] = [];
  const running = new Map<ServiceName, RunningService>();

  async function call(service: RunningService, as: Staff | undefined, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = body !== undefined ? { 'content-type': 'application/json' } : {};
    if (as) headers.authorization = `Bearer ${await idp.sign(as.staffId, as.roles, { teams: as.teams, unit: as.unit })}`;
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers,
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      contentType,
      retryAfter: res.headers.get('retry-after'),
      body: contentType.includes('json') ? JSON.parse(text) : text,
    };
  }

  function logs(): string {
    return [...running.values()].map((s) => `--- ${s.name} (exit ${s.child.exitCode})\n${s.output().slice(-4000)}`).join('\n');
  }
  const withLogs = (e: unknown) => Promise.reject(new Error(`${e}\n${logs()}`));

  beforeAll(async () => {
    idp = await identityProvider();
    db = await createTestDatabase('resilience');
    pgProxy = await startTcpProxy(hostPort(db.url));
    proxies.push(pgProxy);
    compile();
  }, 180_000);

  afterAll(async () => {
    await stopAll([...running.values()].map((s) => s.child));
    await Promise.all(proxies.map((p) => p.close()));
    await db?.drop();
    await idp?.close();
  });

  it('a PostgreSQL outage in the middle of projecting and relaying: writes answer 503 with Retry-After, readiness says so, nothing exits; once it is back every read model and the other service catch up, each effect once', async () => {
    const viaProxy = new URL(db.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(pgProxy.port);
    const env = {
      DATABASE_URL: viaProxy.toString(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `res-${randomUUID().slice(0, 8)}.`,
      LOG_LEVEL: 'warn',
      SEARCH_RATE_LIMIT: '100000',
      STORE_RETRY_AFTER_SECONDS: '3',
      ...idp.env,
    };
    const [reports, investigations] = await Promise.all(
      (['reports', 'investigations'] as const).map((s) => startService(s, env, { captureOutput: true })),
    );
    running.set('reports', reports);
    running.set('investigations', investigations);
    await eventually(async () => expect((await call(reports, undefined, 'GET', '/api/reports/health/ready')).status).toBe(200), WAIT).catch(
      withLogs,
    );

    // A burst of reports, each referred for investigation: the projector and the relay are at work when the database goes.
    const ids: string[] = [];
    for (let n = 1; n <= 8; n++) {
      const created = await call(reports, DESK, 'POST', '/api/reports', report(n));
      expect(created.status).toBe(201);
      ids.push(created.body.id);
      expect(
        (
          await call(reports, DESK, 'POST', `/api/reports/${created.body.id}/investigation-request`, {
            reason: 'Reeks inbraken in de straat',
          })
        ).status,
      ).toBe(200);
    }
    await pgProxy.cut();

    const refused = await call(reports, DESK, 'POST', '/api/reports', report(99));
    expect({
      status: refused.status,
      contentType: refused.contentType,
      retryAfter: refused.retryAfter,
      type: refused.body.type,
      title: refused.body.title,
    }).toEqual({
      status: 503,
      contentType: 'application/problem+json; charset=utf-8',
      retryAfter: '3',
      type: 'https://police-case-platform.example/problems/store-unavailable',
      title: 'Service unavailable',
    });
    // Readiness probes the store at most once a second (HEALTH_PROBE_TTL_MS): the answer cached from before the cut may come first.
    await eventually(async () => {
      const notReady = await call(reports, undefined, 'GET', '/api/reports/health/ready');
      expect({
        status: notReady.status,
        contentType: notReady.contentType,
        retryAfter: notReady.retryAfter,
        store: notReady.body.checks?.store,
      }).toEqual({
        status: 503,
        contentType: 'application/problem+json; charset=utf-8',
        retryAfter: '3',
        store: 'down',
      });
    }, WAIT);
    // The projections notice and retry with back-off (readiness names them) for a while, the processes alive.
    await eventually(
      async () =>
        expect((await call(investigations, undefined, 'GET', '/api/investigations/health/ready')).body.checks).toMatchObject({
          store: 'down',
          projections: 'retrying',
        }),
      WAIT,
    ).catch(withLogs);
    for (const s of [reports, investigations]) {
      const live = await call(s, undefined, 'GET', `/api/${s.name}/health/live`);
      expect({ status: live.status, body: live.body, exit: s.child.exitCode }).toEqual({
        status: 200,
        body: { service: s.name, status: 'alive', defects: 0 },
        exit: null,
      });
    }

    await pgProxy.restore();
    await eventually(async () => expect((await call(reports, undefined, 'GET', '/api/reports/health/ready')).status).toBe(200), WAIT).catch(
      withLogs,
    );
    const after = await call(reports, DESK, 'POST', '/api/reports', report(100));
    expect(after.status).toBe(201);
    expect(
      (await call(reports, DESK, 'POST', `/api/reports/${after.body.id}/investigation-request`, { reason: 'Na de storing' })).status,
    ).toBe(200);
    ids.push(after.body.id);

    // Every referral reached investigations exactly once, through the relay and the consumer.
    for (const id of ids) {
      await eventually(async () => {
        const list = await call(investigations, DIEFSTAL, 'GET', `/api/investigations?reportId=${id}`);
        expect(list.status).toBe(200);
        expect(list.body.investigations).toHaveLength(1);
      }, WAIT).catch(withLogs);
      const read = await call(reports, DESK, 'GET', `/api/reports/${id}`);
      expect({ status: read.status, id: read.body.id }).toEqual({ status: 200, id });
    }
    for (const s of [reports, investigations]) {
      const ready = await call(s, undefined, 'GET', `/api/${s.name}/health/ready`);
      expect({
        status: ready.status,
        projections: ready.body.checks.projections,
        live: (await call(s, undefined, 'GET', `/api/${s.name}/health/live`)).body.defects,
        exit: s.child.exitCode,
      }).toEqual({
        status: 200,
        projections: 'running',
        live: 0,
        exit: null,
      });
    }
  }, 300_000);

  it('a consuming service answers HTTP at once while its consumer group cannot join yet, and joins in the background once Kafka is there', async () => {
    const [kafka] = testKafkaBrokers();
    const kafkaProxy = await startTcpProxy(hostPort(kafka), { listening: false });
    proxies.push(kafkaProxy);
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: `127.0.0.1:${kafkaProxy.port}`,
      KAFKA_TOPIC_PREFIX: `res-${randomUUID().slice(0, 8)}.`,
      LOG_LEVEL: 'warn',
      ...idp.env,
    };
    const started = Date.now();
    const evidence = await startService('evidence', env, { captureOutput: true });
    running.set('evidence', evidence);
    const ready = await call(evidence, undefined, 'GET', '/api/evidence/health/ready');
    expect({ status: ready.status, consumer: ready.body.checks.consumer, store: ready.body.checks.store }).toEqual({
      status: 200,
      consumer: 'joining',
      store: 'up',
    });
    expect(Date.now() - started).toBeLessThan(40_000);

    await kafkaProxy.restore();
    await eventually(
      async () => expect((await call(evidence, undefined, 'GET', '/api/evidence/health/ready')).body.checks.consumer).toBe('joined'),
      WAIT,
    ).catch(withLogs);
    const live = await call(evidence, undefined, 'GET', '/api/evidence/health/live');
    expect({ body: live.body, exit: evidence.child.exitCode }).toEqual({
      body: { service: 'evidence', status: 'alive', defects: 0 },
      exit: null,
    });
  }, 180_000);
});
