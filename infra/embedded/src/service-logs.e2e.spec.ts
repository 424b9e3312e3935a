// The consultation log of the embedded host is one log that the four services share; each service also
// answers for its own part of it at /api/<service>/audit, the path it has when it runs alone, so the
// console asks the same four paths in every mode (docs/adr/0023).
import { INestApplication } from '@nestjs/common';
import type { Pool } from 'pg';
import { InProcessMessageBus } from '@police/messaging';
import { utcDay } from '@police/security';
import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import { createEmbeddedApp } from './embedded.module';

interface Page {
  items: {
    id: string;
    subject: { type: string; ids: string[] };
    endpoint: { method: string; route: string };
    actor: { staffId: string };
    breakGlass: boolean;
    justification: { text: string } | null;
  }[];
  nextCursor: string | null;
}

describe("each service's part of the embedded host's consultation log", () => {
  let db: TestDatabase;
  let pool: Pool;
  let bus: InProcessMessageBus;
  let app: INestApplication;
  let url: string;
  const tokens = new Map<string, string>();

  async function call(user: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${tokens.get(user)}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    db = await createTestDatabase('service_logs');
    pool = db.pool(1);
    bus = new InProcessMessageBus();
    app = await createEmbeddedApp({ pool, bus, notifications: false, security: { logLevel: 'silent' } });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    for (const username of ['an.peeters', 'filip.vermeulen', 'ines.dubois', 'bart.desmet']) {
      const res = await fetch(`${url}/api/auth/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      tokens.set(username, ((await res.json()) as { access_token: string }).access_token);
    }
  });
  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.drop();
  });

  it("answers, per service, the consultations made through that service's routes, break-glass reason included", async () => {
    const created = await call('an.peeters', '/api/reports', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'service-logs-0001' },
      body: JSON.stringify({
        kind: 'melding',
        channel: { kind: 'phone' },
        incidentType: 'geluidsoverlast',
        narrative: 'Luide muziek.',
        parties: [{ name: 'C. Janssens', roles: ['reporter'] }],
      }),
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    // The chief reads it outside any assignment: break-glass with his reason.
    const read = await call('filip.vermeulen', `/api/reports/${id}`, {
      headers: { 'X-Justification': 'Klacht van de burgemeester over de opvolging' },
    });
    expect(read.status).toBe(200);

    const reports = await eventually(async () => {
      const page = await call('ines.dubois', `/api/reports/audit/consultations?subject=${id}&breakGlass=true`);
      expect(page.status).toBe(200);
      expect((page.body as Page).items).toHaveLength(1);
      return page.body as Page;
    });
    expect(reports.items[0]).toMatchObject({
      subject: { type: 'report', ids: [id] },
      actor: { staffId: expect.any(String) },
      breakGlass: true,
      justification: { text: 'Klacht van de burgemeester over de opvolging' },
      endpoint: { method: 'GET', route: '/api/reports/:id' },
    });
    // The host's whole log holds it too; the other services' parts do not.
    expect(
      ((await call('ines.dubois', `/api/audit/consultations?subject=${id}&breakGlass=true`)).body as Page).items.map((i) => i.id),
    ).toEqual([reports.items[0].id]);
    for (const other of ['investigations', 'evidence', 'integrity']) {
      const page = await call('ines.dubois', `/api/${other}/audit/consultations?subject=${id}`);
      expect([page.status, (page.body as Page).items]).toEqual([200, []]);
    }

    // Asking reports' part is itself a consultation, in reports' part (by the route asked).
    const own = await eventually(async () => {
      const page = (await call('bart.desmet', `/api/reports/audit/consultations?actor=5415-0403`)).body as Page;
      expect(page.items.length).toBeGreaterThan(0);
      return page;
    });
    expect(own.items.every((i) => i.endpoint.route.startsWith('/api/reports/'))).toBe(true);
    expect(own.items.some((i) => i.endpoint.route === '/api/reports/audit/consultations' && i.subject.type === 'consultation_log')).toBe(
      true,
    );

    // The day's chain those records are in: the shared one, verified through any service's path.
    const day = utcDay(new Date());
    const verified = await call('ines.dubois', `/api/reports/audit/consultations/verify?date=${day}`);
    // `keptBy` tells the console that the four answers are of one log (read at different moments), not four logs.
    expect(verified).toMatchObject({ status: 200, body: { date: day, stream: `consultations-${day}`, ok: true, keptBy: 'embedded' } });
    expect(await call('ines.dubois', `/api/audit/consultations/verify?date=${day}`)).toMatchObject({
      status: 200,
      body: { ok: true, headHash: (verified.body as { headHash: string }).headHash, keptBy: 'embedded' },
    });
  });
});
