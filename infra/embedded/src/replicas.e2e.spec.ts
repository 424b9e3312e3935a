// Two replicas of a service, each its own production main, on real PostgreSQL and Kafka: each projection and
// the relay run on the replica that holds its lease. The holder is killed with SIGKILL in the middle of a
// load of commands sent to both replicas; the other takes its leases over within seconds, and every
// acknowledged command has exactly one effect in the service's read models and in the service downstream.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createTestDatabase, eventually, TestDatabase, testKafkaBrokers } from '@police/testing';
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
type Staff = typeof DESK;

const WAIT = { timeoutMs: 90_000, intervalMs: 250 };
const SCRAPE_TOKEN = 'replicas-test-scrape-token-0123456789abcdef';
/** The default time-to-live of a lease (LEASE_TTL_MS): a killed holder's leases are free after it. */
const LEASE_TTL_MS = 5000;

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

interface LeaseRow {
  name: string;
  pid: number;
  token: string;
}

describe('replicas: each projection and the relay on one replica at a time, taken over when its holder is killed', () => {
  let db: TestDatabase;
  let sql: Pool;
  let idp: IdentityProvider;
  let env: Record<string, string>;
  const replicas: RunningService[] = [];
  const acknowledged: string[] = [];
  let sequence = 0;

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
    return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  }

  const alive = (name: ServiceName) => replicas.filter((r) => r.name === name && r.child.exitCode === null && r.child.signalCode === null);
  function logs(): string {
    return replicas
      .map((s) => `--- ${s.name} pid ${s.child.pid} (exit ${s.child.exitCode ?? s.child.signalCode})\n${s.output().slice(-4000)}`)
      .join('\n');
  }
  const withLogs = (e: unknown) => Promise.reject(new Error(`${e}\n${logs()}`));

  /** The leases of a service's schema that are held now, with the holder's process id. */
  async function leases(schema: ServiceName): Promise<LeaseRow[]> {
    const { rows } = await sql.query<{ name: string; holder: string; token: string }>(
      `SELECT name, holder, token::text AS token FROM ${schema}.leases WHERE expires_at > now() ORDER BY name`,
    );
    return rows.map((r) => ({ name: r.name, pid: Number(r.holder.split(':')[1]), token: r.token }));
  }

  /** What a replica says of its leases in its metrics (`police_lease_held`), by unit of work. */
  async function leaseGauge(replica: RunningService): Promise<Map<string, number>> {
    const res = await fetch(`${replica.url}/metrics`, { headers: { authorization: `Bearer ${SCRAPE_TOKEN}` } });
    expect(res.status).toBe(200);
    const out = new Map<string, number>();
    for (const m of (await res.text()).matchAll(/^police_lease_held\{service="[a-z]+",work="([^"]+)"\} (\d+)$/gm))
      out.set(m[1], Number(m[2]));
    return out;
  }

  /**
   * Reports taken and referred for investigation by `workers` clients at once, each command sent to the
   * next live reports replica, until `count` referrals were acknowledged. A command a killed replica never
   * answered is not acknowledged (it may or may not have taken effect); `onAcknowledged` sees the count.
   */
  async function load(count: number, workers: number, onAcknowledged: (n: number) => Promise<void> | void): Promise<{ failed: number }> {
    let failed = 0;
    let done = 0;
    let next = 0;
    const target = () => {
      const live = alive('reports');
      return live[next++ % live.length];
    };
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (done < count) {
          const n = ++sequence;
          try {
            const created = await call(target(), DESK, 'POST', '/api/reports', report(n));
            if (created.status !== 201) throw new Error(`intake answered ${created.status}`);
            const referred = await call(target(), DESK, 'POST', `/api/reports/${created.body.id}/investigation-request`, {
              reason: `Reeks inbraken ${n}`,
            });
            if (referred.status !== 200) throw new Error(`referral answered ${referred.status}`);
            acknowledged.push(created.body.id);
            done++;
            await onAcknowledged(done);
          } catch {
            failed++;
            if (failed > 50) throw new Error(`too many failed commands\n${logs()}`);
          }
        }
      }),
    );
    return { failed };
  }

  /** Kills the replica of `schema` that holds `lease` (SIGKILL), and measures how long until the others hold every lease it held. */
  async function killHolder(schema: ServiceName, lease: string): Promise<{ killed: RunningService; takeoverMs: number; leases: string[] }> {
    const holderPid = (await leases(schema)).find((l) => l.name === lease)?.pid;
    const killed = alive(schema).find((r) => r.child.pid === holderPid);
    if (!killed) throw new Error(`no live ${schema} replica holds ${lease} (holder pid ${holderPid})`);
    const before = (await leases(schema)).filter((l) => l.pid === holderPid);
    const killedAt = Date.now();
    killed.child.kill('SIGKILL');
    const survivors = alive(schema)
      .filter((r) => r !== killed)
      .map((r) => r.child.pid);
    await eventually(
      async () => {
        const now = await leases(schema);
        for (const l of before) {
          const held = now.find((x) => x.name === l.name);
          expect({
            name: l.name,
            bySurvivor: !!held && survivors.includes(held.pid),
            newToken: !!held && BigInt(held.token) > BigInt(l.token),
          }).toEqual({ name: l.name, bySurvivor: true, newToken: true });
        }
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    ).catch(withLogs);
    return { killed, takeoverMs: Date.now() - killedAt, leases: before.map((l) => l.name) };
  }

  /** Every acknowledged referral opened exactly one investigation, and nothing opened two; read models match their logs. */
  async function expectEachEffectOnce(): Promise<void> {
    await eventually(async () => {
      const { rows } = await sql.query<{ id: string; n: number }>(
        `SELECT a.id, (SELECT count(*)::int FROM investigations.investigations i WHERE a.id = ANY(i."reportIds")) AS n FROM unnest($1::text[]) AS a(id)`,
        [acknowledged],
      );
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    }, WAIT).catch(withLogs);
    const twice = await sql.query(
      `SELECT r, count(*) FROM investigations.investigations, unnest("reportIds") AS r GROUP BY r HAVING count(*) > 1`,
    );
    expect(twice.rows).toEqual([]);
    const opened = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM investigations.events WHERE type = 'InvestigationOpened'`,
    );
    const rows = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM investigations.investigations`);
    expect(rows.rows[0].n).toBe(opened.rows[0].n);
    // Each read-model row is at its stream's last version (an event applied twice or skipped would show), every stream has its row.
    for (const [table, prefix] of [
      ['reports.reports', 'report-'],
      ['investigations.investigations', 'investigation-'],
    ] as const) {
      const schema = table.split('.')[0];
      await eventually(async () => {
        const { rows: off } = await sql.query(
          `SELECT s.stream_id, s.version, t.version AS projected FROM (SELECT stream_id, max(stream_version) AS version FROM ${schema}.events WHERE stream_id LIKE $1 || '%' GROUP BY stream_id) s
             FULL JOIN ${table} t ON s.stream_id = $1 || t.id::text WHERE s.version IS DISTINCT FROM t.version`,
          [prefix],
        );
        expect(off).toEqual([]);
      }, WAIT).catch(withLogs);
    }
    const reports = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports.reports WHERE id = ANY($1::uuid[])`, [
      acknowledged,
    ]);
    expect(reports.rows[0].n).toBe(acknowledged.length);
  }

  beforeAll(async () => {
    idp = await identityProvider();
    db = await createTestDatabase('replicas');
    sql = db.pool(2);
    compile();
    env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `rep-${randomUUID().slice(0, 8)}.`,
      LOG_LEVEL: 'warn',
      SEARCH_RATE_LIMIT: '100000',
      METRICS_SCRAPE_TOKEN: SCRAPE_TOKEN,
      ...idp.env,
    };
    // The first replica of each service migrates its schema; the second starts on it.
    for (const name of ['reports', 'investigations'] as const) replicas.push(await startService(name, env, { captureOutput: true }));
    replicas.push(
      ...(await Promise.all((['reports', 'investigations'] as const).map((name) => startService(name, env, { captureOutput: true })))),
    );
    for (const r of replicas)
      await eventually(async () => expect((await call(r, undefined, 'GET', `/api/${r.name}/health/ready`)).status).toBe(200), WAIT).catch(
        withLogs,
      );
  }, 240_000);

  afterAll(async () => {
    await stopAll(replicas.map((r) => r.child));
    await sql?.end().catch(() => undefined);
    await db?.drop();
    await idp?.close();
  });

  it('each unit of work is held by exactly one replica, which its metrics say; both replicas are ready and take commands', async () => {
    for (const schema of ['reports', 'investigations'] as const) {
      const held = await eventually(async () => {
        const now = await leases(schema);
        expect(now.map((l) => l.name)).toEqual(expect.arrayContaining([`projection:${schema}-${schema}`]));
        return now;
      }, WAIT);
      if (schema === 'reports') expect(held.map((l) => l.name)).toContain(`relay:${env.KAFKA_TOPIC_PREFIX}reports.public.v1`);
      const gauges = await Promise.all(alive(schema).map(leaseGauge));
      for (const l of held) {
        expect({ work: l.name, replicasHolding: gauges.map((g) => g.get(l.name)).reduce((a, b) => (a ?? 0) + (b ?? 0), 0) }).toEqual({
          work: l.name,
          replicasHolding: 1,
        });
        const holder = alive(schema).findIndex((r) => r.child.pid === l.pid);
        expect({ work: l.name, gauge: gauges[holder]?.get(l.name) }).toEqual({ work: l.name, gauge: 1 });
      }
    }
    await load(6, 2, () => undefined);
    await expectEachEffectOnce();
  }, 180_000);

  it('a replica that does not project reports still announces their changes on its live stream', async () => {
    const holderPid = (await leases('reports')).find((l) => l.name === 'projection:reports-reports')?.pid;
    const standby = alive('reports').find((r) => r.child.pid !== holderPid)!;
    const holder = alive('reports').find((r) => r.child.pid === holderPid)!;
    const token = await idp.sign(DESK.staffId, DESK.roles, { teams: DESK.teams, unit: DESK.unit });
    const abort = new AbortController();
    const res = await fetch(`${standby.url}/api/reports/live`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += Buffer.from(value).toString('utf8');
      }
    })().catch(() => undefined);
    try {
      await eventually(() => expect(text).toContain('event: ready'), WAIT);
      // Taken through the replica that projects it: the standby hears of it from the holder's checkpoint.
      const created = await call(holder, DESK, 'POST', '/api/reports', report(++sequence));
      expect(created.status).toBe(201);
      await eventually(() => expect(text).toContain(`"type":"report","id":"${created.body.id}"`), WAIT).catch(withLogs);
    } finally {
      abort.abort();
      await reading;
    }
  }, 120_000);

  it('kill -9 of the replica that relays reports mid-load: the other takes the relay (and what else it held) over within seconds; every acknowledged referral opens one investigation', async () => {
    const relay = `relay:${env.KAFKA_TOPIC_PREFIX}reports.public.v1`;
    let takeover: Promise<{ killed: RunningService; takeoverMs: number; leases: string[] }> | undefined;
    const { failed } = await load(40, 3, (n) => {
      if (n === 12) takeover = killHolder('reports', relay);
    });
    const { takeoverMs, leases: moved } = await takeover!;
    console.log(
      `reports: ${moved.length} leases (${moved.join(', ')}) taken over ${takeoverMs} ms after kill -9; ${failed} commands unanswered by the killed replica; ${acknowledged.length} referrals acknowledged so far, each with one investigation`,
    );
    expect(takeoverMs).toBeLessThan(LEASE_TTL_MS + 5000);
    await expectEachEffectOnce();
    const [survivor] = alive('reports');
    const gauge = await leaseGauge(survivor);
    for (const name of moved) expect({ work: name, gauge: gauge.get(name) }).toEqual({ work: name, gauge: 1 });
    const ready = await call(survivor, undefined, 'GET', '/api/reports/health/ready');
    expect({ status: ready.status, relay: ready.body.checks.relay, projections: ready.body.checks.projections }).toEqual({
      status: 200,
      relay: 'running',
      projections: 'running',
    });
  }, 240_000);

  it('kill -9 of the replica that projects investigations mid-load: its projections and its share of the consumer group move to the other; each referral has one effect', async () => {
    let takeover: Promise<{ killed: RunningService; takeoverMs: number; leases: string[] }> | undefined;
    const { failed } = await load(30, 3, (n) => {
      if (n === 8) takeover = killHolder('investigations', 'projection:investigations-investigations');
    });
    const { takeoverMs, leases: moved } = await takeover!;
    console.log(
      `investigations: ${moved.length} leases (${moved.join(', ')}) taken over ${takeoverMs} ms after kill -9; ${failed} commands failed; ${acknowledged.length} referrals acknowledged so far, each with one investigation`,
    );
    expect(takeoverMs).toBeLessThan(LEASE_TTL_MS + 5000);
    await expectEachEffectOnce();
    const [survivor] = alive('investigations');
    const ready = await call(survivor, undefined, 'GET', '/api/investigations/health/ready');
    expect({ status: ready.status, consumer: ready.body.checks.consumer, projections: ready.body.checks.projections }).toEqual({
      status: 200,
      consumer: 'joined',
      projections: 'running',
    });
  }, 240_000);
});
