// The IT desk's operations routes over two production mains on real PostgreSQL and Kafka: a referral the
// investigations service's rules refuse (a zone with no team for unrouted phenomena) is parked by its real
// consumer; the ops role reads it, replays it in vain, the zone routes the phenomenon (a restart with the
// new configuration), the replay opens the case once; another is discarded with a reason. Projections,
// relay and consumer positions, and a rebuild with its progress.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createTestDatabase, eventually, TestDatabase, testKafkaBrokers } from '@police/testing';
import {
  callService,
  compile,
  identityProvider,
  IdentityProvider,
  RunningService,
  startService,
  stopAll,
} from './production-services.testing';

const DESK = { staffId: '5415-0101', roles: ['front_desk'], teams: ['Onthaal'], unit: 'Interventie' };
const CHIEF = { staffId: '5415-0001', roles: ['chief'], teams: [], unit: 'Korpsleiding' };
const OPS = { staffId: '5415-0501', roles: ['ops'], teams: ['ICT'], unit: 'ICT' };
const WAIT = { timeoutMs: 60_000, intervalMs: 250 };
const PROBLEM = 'https://police-case-platform.example/problems/';

// A zone without a team for unrouted referrals: one of a phenomenon it does not route is refused.
const NO_CATCH_ALL = JSON.stringify({ unroutedTeam: '' });
// The same zone once it routes environmental crime to LRD.
const ROUTED = JSON.stringify({ unroutedTeam: '', routes: { milieudelict: 'LRD', woninginbraak: 'Diefstallen' } });

const report = (address: string) => ({
  kind: 'aangifte',
  channel: { kind: 'front_desk', officeId: 'apg' },
  appointmentRef: 'APT-2026-0091',
  incidentType: 'milieudelict',
  timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
  place: { municipality: 'Gent', postalCode: '9000', address },
  narrative: 'Vaten met afgewerkte olie gedumpt langs de Leie.',
  parties: [{ name: 'C. Wouters', roles: ['reporter', 'victim'] }],
});

interface ParkedView {
  id: string;
  messageId: string;
  type: string;
  status: string;
  reason: { code: string; errors: { field: string; detail: string }[] };
  payload: string | null;
  payloadSealed: boolean;
  replayAttempts: number;
  resolvedBy: string | null;
  resolution: string | null;
  correlationId: string | null;
}

describe('operations routes of the production mains, over real PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let pool: Pool;
  let idp: IdentityProvider;
  let reports: RunningService;
  let investigations: RunningService;
  let env: Record<string, string>;

  const call = (url: string, method: string, path: string, options: Parameters<typeof callService>[4] = {}) =>
    callService(idp, url, method, path, options);

  /** A report of an environmental crime taken in by the desk and referred for investigation; its id. */
  async function referMilieudelict(address: string): Promise<string> {
    const created = await call(reports.url, 'POST', '/api/reports', {
      as: DESK,
      body: report(address),
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(created.status).toBe(201);
    const referred = await call(reports.url, 'POST', `/api/reports/${created.json.id}/investigation-request`, {
      as: DESK,
      body: { reason: 'Milieudelict: verder onderzoek nodig' },
    });
    expect(referred.status).toBe(200);
    return created.json.id as string;
  }

  /** The parked message of a report's referral, as the ops role lists it. */
  async function parkedReferral(reportId: string, status = 'parked'): Promise<ParkedView> {
    return eventually(async () => {
      const list = await call(investigations.url, 'GET', `/api/investigations/ops/parked-messages?status=${status}`, { as: OPS });
      expect(list.status).toBe(200);
      const found = (list.json.messages as ParkedView[]).find((m) => m.payload?.includes(reportId));
      if (!found) throw new Error(`no ${status} message for ${reportId} yet`);
      return found;
    }, WAIT);
  }

  const casesOf = async (reportId: string) =>
    (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM investigations.events WHERE type = 'InvestigationOpened' AND data->'origin'->'report'->>'reportId' = $1`,
        [reportId],
      )
    ).rows[0].n;

  beforeAll(async () => {
    idp = await identityProvider();
    db = await createTestDatabase('operations');
    pool = db.pool(2);
    compile();
    env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `ops-${randomUUID().slice(0, 8)}.`,
      LOG_LEVEL: 'warn',
      SEARCH_RATE_LIMIT: '100000',
      ...idp.env,
    };
    reports = await startService('reports', env, { captureOutput: true });
    investigations = await startService('investigations', { ...env, INVESTIGATIONS_CONFIG_JSON: NO_CATCH_ALL }, { captureOutput: true });
  }, 480_000);
  afterAll(async () => {
    await stopAll([reports, investigations].filter(Boolean).map((s) => s.child));
    await db?.drop();
    await idp?.close();
  });

  it('parks a referral the zone cannot route; the ops role reads why, replays it after the zone routes the phenomenon (once in effect), and each step is an event of its own', async () => {
    const reportId = await referMilieudelict('Coupure Links 12');
    const parked = await parkedReferral(reportId);
    expect(parked).toMatchObject({
      type: 'reports.ReportReferredForInvestigation.v1',
      status: 'parked',
      payloadSealed: false,
      replayAttempts: 0,
      reason: {
        code: 'refused',
        errors: [{ field: 'phenomenon', detail: expect.stringMatching(/^no_route_for_phenomenon: .*milieudelict/) }],
      },
      correlationId: expect.any(String),
    });
    expect(JSON.parse(parked.payload!)).toMatchObject({ reportId, incidentType: 'milieudelict' });

    // Only the ops role: not the chief, not the desk, nobody without a token.
    for (const who of [CHIEF, DESK]) {
      const refused = await call(investigations.url, 'GET', '/api/investigations/ops/parked-messages', { as: who });
      expect(refused.status).toBe(403);
      expect(refused.json).toMatchObject({ type: `${PROBLEM}forbidden` });
      expect(
        (await call(investigations.url, 'POST', `/api/investigations/ops/parked-messages/${parked.id}/replay`, { as: CHIEF })).status,
      ).toBe(403);
    }
    expect((await call(investigations.url, 'GET', '/api/investigations/ops/status')).status).toBe(401);

    // Nothing fixed yet: refused again, it stays parked with one attempt more (and that is recorded too).
    const again = await call(investigations.url, 'POST', `/api/investigations/ops/parked-messages/${parked.id}/replay`, { as: OPS });
    expect(again.status).toBe(422);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.json).toMatchObject({
      code: 'still_refused',
      errors: [{ field: 'phenomenon', detail: expect.stringMatching(/^no_route_for_phenomenon/) }],
    });
    expect(await parkedReferral(reportId)).toMatchObject({ status: 'parked', replayAttempts: 1 });
    expect(await casesOf(reportId)).toBe(0);

    // The zone routes environmental crime: a restart with the new configuration, then the replay.
    await stopAll([investigations.child]);
    investigations = await startService('investigations', { ...env, INVESTIGATIONS_CONFIG_JSON: ROUTED }, { captureOutput: true });
    const replayed = await call(investigations.url, 'POST', `/api/investigations/ops/parked-messages/${parked.id}/replay`, { as: OPS });
    expect(replayed.status).toBe(200);
    expect(replayed.json).toMatchObject({
      outcome: 'handled',
      message: { id: parked.id, status: 'replayed', resolvedBy: OPS.staffId, resolution: 'handled', replayAttempts: 2 },
    });
    expect(await casesOf(reportId)).toBe(1);
    const { rows: opened } = await pool.query(
      `SELECT data->>'team' AS team FROM investigations.events WHERE type = 'InvestigationOpened' AND data->'origin'->'report'->>'reportId' = $1`,
      [reportId],
    );
    expect(opened).toEqual([{ team: 'LRD' }]);

    // Once only: a second replay is refused (409), the inbox holds the message, no second case.
    const twice = await call(investigations.url, 'POST', `/api/investigations/ops/parked-messages/${parked.id}/replay`, { as: OPS });
    expect(twice.status).toBe(409);
    expect(twice.json).toMatchObject({ type: `${PROBLEM}already-resolved`, code: 'already_resolved' });
    expect(await casesOf(reportId)).toBe(1);
    const inbox = await pool.query('SELECT 1 FROM investigations.inbox WHERE message_id = $1', [parked.messageId]);
    expect(inbox.rowCount).toBe(1);

    // The operator's two attempts are events of their own, in the service's log, with their name.
    const { rows: audit } = await pool.query<{ type: string; actor: string; outcome: string | null; code: string | null }>(
      `SELECT type, metadata->>'actor' AS actor, data->>'outcome' AS outcome, data->'reason'->>'code' AS code FROM investigations.events WHERE stream_id = $1 ORDER BY position`,
      [`ops-parked-message-${parked.id}`],
    );
    expect(audit).toEqual([
      { type: 'ParkedMessageReplayRefused', actor: OPS.staffId, outcome: null, code: 'refused' },
      { type: 'ParkedMessageReplayed', actor: OPS.staffId, outcome: 'handled', code: null },
    ]);

    // The case reaches the read model: the projection caught up with the replay's events.
    await eventually(async () => {
      const { rows } = await pool.query('SELECT team FROM investigations.investigations WHERE $1 = ANY("reportIds")', [reportId]);
      expect(rows).toEqual([{ team: 'LRD' }]);
    }, WAIT);
  }, 240_000);

  it('discards a parked message only with a reason (400 naming the field), once (409); unknown ids are 404, malformed ones 400', async () => {
    const reportId = await referMilieudelict('Korenlei 4');
    // Routed now: this referral opens a case. Park one the way the zone still refuses: a phenomenon it does not route.
    await eventually(async () => expect(await casesOf(reportId)).toBe(1), WAIT);
    const desk = await call(reports.url, 'POST', '/api/reports', {
      as: DESK,
      body: { ...report('Graslei 9'), incidentType: 'sluikstorten' },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(
      (await call(reports.url, 'POST', `/api/reports/${desk.json.id}/investigation-request`, { as: DESK, body: { reason: 'Sluikstort' } }))
        .status,
    ).toBe(200);
    const parked = await parkedReferral(desk.json.id);
    expect(parked.reason.errors[0].detail).toMatch(/sluikstorten/);

    const missing = await call(investigations.url, 'POST', `/api/investigations/ops/parked-messages/${parked.id}/discard`, {
      as: OPS,
      body: {},
    });
    expect(missing.status).toBe(400);
    expect(missing.contentType).toContain('application/problem+json');
    expect(missing.json.errors.map((e: { field: string }) => e.field)).toContain('reason');
    const blank = await call(investigations.url, 'POST', `/api/investigations/ops/parked-messages/${parked.id}/discard`, {
      as: OPS,
      body: { reason: '   ' },
    });
    expect(blank.status).toBe(400);
    expect(blank.json.errors).toEqual([{ field: 'reason', detail: 'reason must not be blank' }]);

    const discarded = await call(investigations.url, 'POST', `/api/investigations/ops/parked-messages/${parked.id}/discard`, {
      as: OPS,
      body: { reason: 'Sluikstort is een GAS-dossier, geen onderzoek' },
    });
    expect(discarded.status).toBe(200);
    expect(discarded.json.message).toMatchObject({
      id: parked.id,
      status: 'discarded',
      resolvedBy: OPS.staffId,
      resolution: 'Sluikstort is een GAS-dossier, geen onderzoek',
    });
    expect(
      (
        await call(investigations.url, 'POST', `/api/investigations/ops/parked-messages/${parked.id}/discard`, {
          as: OPS,
          body: { reason: 'nogmaals' },
        })
      ).status,
    ).toBe(409);
    expect(
      (await call(investigations.url, 'POST', `/api/investigations/ops/parked-messages/${parked.id}/replay`, { as: OPS })).status,
    ).toBe(409);
    expect(await parkedReferral(desk.json.id, 'discarded')).toMatchObject({ status: 'discarded' });
    const waiting = await call(investigations.url, 'GET', '/api/investigations/ops/parked-messages', { as: OPS });
    expect((waiting.json.messages as ParkedView[]).map((m) => m.id)).not.toContain(parked.id);
    const { rows: audit } = await pool.query(
      `SELECT type, metadata->>'actor' AS actor, data->>'reason' AS reason FROM investigations.events WHERE stream_id = $1`,
      [`ops-parked-message-${parked.id}`],
    );
    expect(audit).toEqual([
      { type: 'ParkedMessageDiscarded', actor: OPS.staffId, reason: 'Sluikstort is een GAS-dossier, geen onderzoek' },
    ]);

    const unknown = await call(investigations.url, 'POST', '/api/investigations/ops/parked-messages/999999/replay', { as: OPS });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ type: `${PROBLEM}not-found` });
    expect(
      (await call(investigations.url, 'POST', '/api/investigations/ops/parked-messages/999999/discard', { as: OPS, body: { reason: 'x' } }))
        .status,
    ).toBe(404);
    const malformed = await call(investigations.url, 'POST', '/api/investigations/ops/parked-messages/abc/replay', { as: OPS });
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors).toEqual([{ field: 'id', detail: 'must be the number of a parked message' }]);
    const badStatus = await call(investigations.url, 'GET', '/api/investigations/ops/parked-messages?status=lost', { as: OPS });
    expect(badStatus.status).toBe(400);
    expect(badStatus.json.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
  }, 240_000);

  it('shows where projections, the relay and the consumer stand, and rebuilds a projection with its progress in the status', async () => {
    const relay = await eventually(async () => {
      const s = await call(reports.url, 'GET', '/api/reports/ops/status', { as: OPS });
      expect(s.status).toBe(200);
      expect(s.json.relay).toMatchObject({
        state: 'running',
        lagEvents: 0,
        position: { commit: expect.any(String), prepare: expect.any(String) },
      });
      return s.json;
    }, WAIT);
    expect(relay.relay.topic).toBe(`${env.KAFKA_TOPIC_PREFIX}reports.public.v1`);
    // Reports consumes one thing: integrity's receipts of the conduct complaints it handed on (ADR 0053).
    expect(relay.consumer).toMatchObject({
      groupId: `${env.KAFKA_TOPIC_PREFIX}reports`,
      topics: [`${env.KAFKA_TOPIC_PREFIX}integrity.public.v1`],
    });
    expect(relay.projections.map((p: { name: string }) => p.name)).toContain('reports-reports');

    const status = await eventually(async () => {
      const s = await call(investigations.url, 'GET', '/api/investigations/ops/status', { as: OPS });
      expect(s.json.consumer).toMatchObject({ state: 'joined', groupId: `${env.KAFKA_TOPIC_PREFIX}investigations` });
      const reportsPartitions = s.json.consumer.partitions.filter(
        (p: { topic: string }) => p.topic === `${env.KAFKA_TOPIC_PREFIX}reports.public.v1`,
      );
      expect(reportsPartitions.length).toBeGreaterThan(0);
      expect(reportsPartitions.reduce((n: number, p: { lag: number }) => n + p.lag, 0)).toBe(0);
      expect(reportsPartitions.some((p: { committed: string | null }) => p.committed !== null && Number(p.committed) > 0)).toBe(true);
      for (const p of s.json.projections) expect(p).toMatchObject({ running: true, lagEvents: 0, lagSeconds: 0 });
      return s.json;
    }, WAIT);
    expect(status.parked).toEqual({ parked: 0, replayed: 1, discarded: 1 });

    expect(
      (await call(investigations.url, 'POST', '/api/investigations/ops/projections/investigations-investigations/rebuild', { as: CHIEF }))
        .status,
    ).toBe(403);
    const unknown = await call(investigations.url, 'POST', '/api/investigations/ops/projections/nothing-here/rebuild', { as: OPS });
    expect(unknown.status).toBe(404);
    const before = (await pool.query('SELECT id, team, version FROM investigations.investigations ORDER BY id')).rows;
    const started = await call(investigations.url, 'POST', '/api/investigations/ops/projections/investigations-investigations/rebuild', {
      as: OPS,
    });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({
      projection: 'investigations-investigations',
      rebuild: { state: 'running', requestedBy: OPS.staffId },
    });
    const done = await eventually(async () => {
      const s = await call(investigations.url, 'GET', '/api/investigations/ops/status', { as: OPS });
      const p = s.json.projections.find((x: { name: string }) => x.name === 'investigations-investigations');
      expect(p.rebuild.state).toBe('done');
      return p;
    }, WAIT);
    expect(done.rebuild.processed).toBeGreaterThan(0);
    expect(done.rebuild.processed).toBeGreaterThanOrEqual(done.rebuild.total);
    expect((await pool.query('SELECT id, team, version FROM investigations.investigations ORDER BY id')).rows).toEqual(before);
    const { rows: audit } = await pool.query(
      `SELECT type, metadata->>'actor' AS actor FROM investigations.events WHERE stream_id = 'ops-projection-investigations-investigations' ORDER BY position`,
    );
    expect(audit).toEqual([
      { type: 'ProjectionRebuildStarted', actor: OPS.staffId },
      { type: 'ProjectionRebuildFinished', actor: OPS.staffId },
    ]);
  }, 240_000);
});
