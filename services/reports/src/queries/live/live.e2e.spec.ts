// Live updates of reports over HTTP, with real SSE clients (fetch streaming, the bearer token in the
// Authorization header): a change reaches the subscribers who may see the record, and nobody else — each
// "nothing about it" is asserted against a control change that arrives afterwards, never a sleep.
import { randomUUID } from 'node:crypto';
import { DEV_USERS, DevIssuer } from '@police/security';
import { LiveClient, ServiceTestApp, startServiceApp } from '@police/service-testing';
import { ReportsModule } from '../../reports.module';

const HOUR = 60 * 60 * 1000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const DOC_SHA = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';
const DESK = '5415-0101';

const aangifte = (narrative: string) => ({
  kind: 'aangifte',
  channel: { kind: 'front_desk', officeId: 'apg' },
  appointmentRef: 'APT-2026-0042',
  incidentType: 'woninginbraak',
  timeWindow: { from: iso(14 * HOUR), to: iso(4 * HOUR) },
  place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
  narrative,
  parties: [{ partyId: randomUUID(), name: 'A. Peeters', roles: ['reporter', 'victim'] }],
  motiveFlags: [],
  victimSupportWanted: false,
});

describe('GET /api/reports/live', () => {
  let t: ServiceTestApp;
  const clients: LiveClient[] = [];

  const subscribe = async (username: string, token = t.token(username)) => {
    const c = await LiveClient.open(t.url, '/api/reports/live', token);
    clients.push(c);
    expect(c.status).toBe(200);
    expect(c.contentType).toContain('text/event-stream');
    await c.until((f) => f.event === 'ready');
    return c;
  };
  const must = async (user: string, method: string, path: string, body?: unknown) => {
    const a = await t.request(user, method, `/api${path}`, body);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user}: ${a.status} ${a.text}`);
    return a.json;
  };
  /** A report taken in by the desk and assigned to a team's service: its id at version 1. */
  const assigned = async (serviceId: string) => {
    const r = await must('an.peeters', 'POST', '/reports', aangifte(`Inbraak voor ${serviceId}`));
    await must('an.peeters', 'POST', `/reports/${r.id}/assignment`, { serviceId });
    return r.id as string;
  };
  const changeOf = (id: string, version?: number) => (f: { event: string; data?: { id?: string; version?: number } }) =>
    f.event === 'change' && f.data?.id === id && (version === undefined || f.data.version === version);
  const mentions = (frames: { data?: unknown }[], id: string) => frames.filter((f) => JSON.stringify(f.data ?? '').includes(id));

  beforeAll(async () => {
    process.env.LIVE_HEARTBEAT_MS = '300';
    t = await startServiceApp({ service: 'reports', module: ReportsModule, register: (runtime) => ReportsModule.register(runtime) });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    delete process.env.LIVE_HEARTBEAT_MS;
    await t?.close();
  });

  it('tells a detective of the team that a report changed (id and version, no content), and a Drugs detective nothing about it', async () => {
    const pieter = await subscribe('pieter.janssens');
    const sofie = await subscribe('sofie.maes');
    const desk = await subscribe('an.peeters');
    const theft = await assigned('Diefstallen');
    const seen = await pieter.until(changeOf(theft, 1));
    expect(seen.filter((f) => f.event === 'change')).toEqual([{ event: 'change', data: { type: 'report', id: theft, version: 1 } }]);
    // The desk, who took it in, sees it from the start (version 0 too, unless both came in one batch).
    await desk.until(changeOf(theft, 1));
    expect(
      desk
        .changes()
        .filter((c) => c.id === theft)
        .at(-1),
    ).toEqual({ type: 'report', id: theft, version: 1 });
    // Control: a Drugs report arrives at sofie after the theft; she never heard of the theft.
    const drugs = await assigned('Drugs');
    const learnt = await sofie.until(changeOf(drugs, 1));
    expect(mentions(learnt, theft)).toEqual([]);
    expect(sofie.changes()).toEqual([{ type: 'report', id: drugs, version: 1 }]);
    // And pieter nothing of the Drugs report: a change to his team's report comes after it.
    await must('pieter.janssens', 'POST', `/reports/${theft}/external-referral`, { organisation: 'Slachtofferhulp', reason: 'Nazorg' });
    expect(mentions(await pieter.until(changeOf(theft, 2)), drugs)).toEqual([]);
  });

  it('tells of a PV as part of its report, to those who may see the report', async () => {
    const pieter = await subscribe('pieter.janssens');
    const sofie = await subscribe('sofie.maes');
    const theft = await assigned('Diefstallen');
    const pv = await must('an.peeters', 'POST', `/reports/${theft}/pvs`, {
      legalQualification: 'Diefstal met braak',
      offenceType: 'woninginbraak',
      destination: 'parket',
      documentSha256: DOC_SHA,
    });
    const frames = await pieter.until(changeOf(pv.id));
    expect(frames.at(-1)!.data).toEqual({ type: 'pv', id: pv.id, version: 0, related: [{ type: 'report', id: theft }] });
    const drugs = await assigned('Drugs');
    const learnt = await sofie.until(changeOf(drugs, 1));
    expect([...mentions(learnt, theft), ...mentions(learnt, pv.id)]).toEqual([]);
  });

  it('never tells the officer a conduct complaint concerns that it exists, though the desk learns of it', async () => {
    const concerned = await subscribe('an.peeters');
    const colleague = await subscribe('wim.debacker');
    const complaint = await must('wim.debacker', 'POST', '/reports', {
      kind: 'klacht',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: true,
      incidentType: 'onheus optreden',
      timeWindow: { from: iso(30 * HOUR), to: iso(29 * HOUR) },
      place: { municipality: 'Gent', address: 'Kouter' },
      narrative: 'De agent aan de balie duwde mij naar buiten.',
      parties: [{ name: 'J. Janssens', roles: ['reporter', 'victim'] }],
      concernsPoliceConduct: true,
      staffMembersConcerned: [DESK],
    });
    await colleague.until(changeOf(complaint.id, 1));
    const control = await assigned('Geweld');
    const learnt = await concerned.until(changeOf(control, 1));
    expect(mentions(learnt, complaint.id)).toEqual([]);
  });

  it('keeps the stream alive with heartbeat comments', async () => {
    const c = await subscribe('els.jacobs');
    const frames = await c.until((f) => f.event === 'comment', 5_000);
    expect(frames.at(-1)).toEqual({ event: 'comment', comment: 'heartbeat' });
    expect(frames[0]).toEqual({ event: 'ready', data: { service: 'reports', heartbeatMs: 300, expiresAt: expect.any(String) } });
  });

  it('ends the stream when the token expires', async () => {
    const issuer = t.app.get(DevIssuer, { strict: false });
    const user = DEV_USERS.find((u) => u.username === 'pieter.janssens')!;
    // A token of the 8-hour lifetime issued just under 8 hours ago: 2 s left.
    const { accessToken } = await issuer.issue(user, { now: new Date(Date.now() - 8 * HOUR + 2_000) });
    const c = await subscribe('pieter.janssens', accessToken);
    const ready = c.frames[0].data;
    expect(new Date(ready.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 2_000);
    const frames = await c.until((f) => f.event === 'expired', 10_000);
    expect(frames.at(-1)).toEqual({ event: 'expired', data: { reason: 'token_expired' } });
    await c.ended;
    expect(c.serverEnded).toBe(true);
  });

  it('holds at most five streams per person (429), and refuses a request without a token (401)', async () => {
    for (let i = 0; i < 5; i++) await subscribe('koen.claes');
    const sixth = await t.request('koen.claes', 'GET', '/api/reports/live');
    expect(sixth.status).toBe(429);
    expect(sixth.contentType).toContain('application/problem+json');
    expect(sixth.headers.get('retry-after')).toBe('30');
    // Another person is not held back by koen's streams.
    await subscribe('lotte.willems');
    expect((await t.request(null, 'GET', '/api/reports/live')).status).toBe(401);
    expect((await t.request('marc.goossens', 'GET', '/api/reports/live')).status).toBe(403);
  });
});
