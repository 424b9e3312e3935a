// The authorization matrix: every route the embedded app serves × every persona, with the status each
// must get, over HTTP, against the real modules on a fresh PostgreSQL database.
//
// When a service adds a route, add its row to MATRIX: the test fails on a served route without a row
// (and on a row whose route is no longer served), and on any Nest route without an access policy. A row
// states the status of every persona; `request` builds each persona's concrete call (path with ids,
// headers such as X-Justification, a body), and may first create what it needs through `api` (a write
// route usually wants a fresh record per persona). Records shared by many rows go in FIXTURES.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Pool } from 'pg';
import { InProcessMessageBus } from '@police/messaging';
import { discoverRoutes, servedRoutes, utcDay } from '@police/security';
import { COLUMNS, Persona, PERSONAS } from '@police/service-testing';
import { createTestDatabase, TestDatabase } from '@police/testing';
import { createEmbeddedApp, embeddedCheckpoints } from './embedded.module';

interface Answer {
  status: number;
  contentType: string;
  text: string;
  json?: unknown;
}

/** Calls the app as a persona (`anonymous`: no token). */
type Api = (persona: Persona, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;
/** Ids and values created by FIXTURES, by name. */
type Context = Record<string, string>;

interface Row {
  method: string;
  /** The route as served (Express path template). */
  route: string;
  /** Expected status per persona, in COLUMNS order. */
  expected: number[];
  /** The concrete request a persona sends; default: the route as is, no body. */
  request?: (persona: Persona, username: string | undefined, api: Api, ctx: Context) => Call | Promise<Call>;
  /** What a successful answer must contain. */
  ok: (answer: Answer, persona: Persona) => void;
}

interface Call {
  path?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Records that several rows read, created once before the matrix runs. */
const FIXTURES: ((api: Api, ctx: Context) => Promise<void>)[] = [];

/**
 * Routes whose matrix lives with their service, because its cells need that service's own fixtures:
 * services/<service>/src/<service>.authorization.e2e.spec.ts covers every route of that service other
 * than health, docs, metrics and the consultation log (its part of the host's, below), and fails on one without a row.
 */
const DELEGATED = [/^[A-Z]+ \/api\/(reports|investigations|evidence|integrity)(?!\/(health|docs|asyncapi\.json|metrics|audit\/))(\/|$)/];

const PUBLIC = COLUMNS.map(() => 200);
const DAY = utcDay(new Date());

const health = (service: string) => (a: Answer) => expect(a.json).toEqual({ service, status: 'up', checks: { database: 'up' } });
const live = (service: string) => (a: Answer) => expect(a.json).toEqual({ service, status: 'alive', defects: 0 });
const ready = (service: string) => (a: Answer) =>
  expect(a.json).toMatchObject({
    service,
    status: 'ready',
    checks: { store: 'up', projections: 'running', lag: expect.any(Number), maxLag: 1000 },
  });
const openApi = (service: string) => (a: Answer) =>
  expect(a.json).toMatchObject({ openapi: expect.stringMatching(/^3\./), info: { title: `${service} API` } });
const asyncApi = (service: string) => (a: Answer) =>
  expect(a.json).toMatchObject({ asyncapi: '3.0.0', info: { title: `${service} events` } });
const openApiYaml = (service: string) => (a: Answer) => expect(a.text).toContain(`title: ${service} API`);
const swaggerUi = (a: Answer) => {
  expect(a.contentType).toContain('text/html');
  expect(a.text).toContain('swagger-ui');
};
const swaggerInit = (a: Answer) => expect(a.text).toContain('window.onload');

function serviceRows(service: string): Row[] {
  return [
    //                                                             anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    { method: 'GET', route: `/api/${service}/health`, expected: PUBLIC, ok: health(service) },
    { method: 'GET', route: `/api/${service}/health/live`, expected: PUBLIC, ok: live(service) },
    { method: 'GET', route: `/api/${service}/health/ready`, expected: PUBLIC, ok: ready(service) },
    { method: 'GET', route: `/api/${service}/asyncapi.json`, expected: PUBLIC, ok: asyncApi(service) },
    // The ops role's (or the scrape token's), which no persona of the matrix has: metrics.e2e.spec.ts opens it.
    {
      method: 'GET',
      route: `/api/${service}/metrics`,
      expected: [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
      ok: () => undefined,
    },
    ...documentRows(service),
    ...auditRows(`/api/${service}/audit`),
  ];
}

/** The consultation log: the host's whole log (`/api/audit`), or one service's part of it (`/api/<service>/audit`). */
function auditRows(base: string): Row[] {
  return [
    {
      method: 'GET',
      route: `${base}/consultations`,
      request: () => ({ path: `${base}/consultations?from=${DAY}T00:00:00Z&limit=5` }),
      //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
      expected: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 200, 403],
      ok: (a) => {
        const page = a.json as { items: unknown[]; nextCursor: string | null };
        expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor']);
        expect(Array.isArray(page.items)).toBe(true);
      },
    },
    {
      method: 'GET',
      route: `${base}/consultations/verify`,
      request: () => ({ path: `${base}/consultations/verify?date=${DAY}` }),
      //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
      expected: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 200, 403],
      ok: (a) => expect(a.json).toMatchObject({ date: DAY, stream: `consultations-${DAY}`, ok: true }),
    },
    {
      method: 'GET',
      route: `${base}/checkpoints`,
      //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
      expected: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 200, 403],
      ok: (a) =>
        expect(a.json).toEqual({
          service: 'embedded',
          publicKey: expect.stringContaining('BEGIN PUBLIC KEY'),
          keyId: expect.stringMatching(/^[0-9a-f]{64}$/),
          checkpoints: expect.any(Array),
          total: expect.any(Number),
        }),
    },
  ];
}

/** The OpenAPI document of a service, or of the platform (auth, audit), and its UI: public. */
function documentRows(service: string): Row[] {
  return [
    { method: 'GET', route: `/api/${service}/docs`, expected: PUBLIC, ok: swaggerUi },
    { method: 'GET', route: `/api/${service}/docs/`, expected: PUBLIC, ok: swaggerUi },
    { method: 'GET', route: `/api/${service}/docs/index.html`, expected: PUBLIC, ok: swaggerUi },
    { method: 'GET', route: `/api/${service}/docs/swagger-ui-init.js`, expected: PUBLIC, ok: swaggerInit },
    { method: 'GET', route: `/api/${service}/docs/docs/swagger-ui-init.js`, expected: PUBLIC, ok: swaggerInit },
    // @nestjs/swagger registers it only to answer 404 (it hides swagger-ui-dist's LICENSE file).
    { method: 'GET', route: `/api/${service}/docs/LICENSE`, expected: COLUMNS.map(() => 404), ok: () => undefined },
    { method: 'GET', route: `/api/${service}/docs-json`, expected: PUBLIC, ok: openApi(service) },
    { method: 'GET', route: `/api/${service}/docs-yaml`, expected: PUBLIC, ok: openApiYaml(service) },
  ];
}

const MATRIX: Row[] = [
  ...serviceRows('reports'),
  ...serviceRows('investigations'),
  ...serviceRows('evidence'),
  ...serviceRows('integrity'),
  ...documentRows('platform'),
  {
    method: 'GET',
    route: '/api/auth/config',
    expected: PUBLIC,
    ok: (a) => expect(a.json).toEqual({ kind: 'dev' }),
  },
  {
    method: 'GET',
    route: '/api/auth/dev/users',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    ok: (a) => expect((a.json as unknown[]).length).toBe(14),
  },
  {
    method: 'POST',
    route: '/api/auth/dev/token',
    // Each persona asks for its own token; anonymous asks for a user that does not exist.
    request: (_p, username) => ({ body: { username: username ?? 'nobody.here' } }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    ok: (a) => expect(a.json).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 28800 }),
  },
  ...auditRows('/api/audit'),
];

const PROBLEM = 'https://police-case-platform.example/problems/';

describe('authorization matrix of the embedded app: every route × every persona', () => {
  let db: TestDatabase;
  let pool: Pool;
  let bus: InProcessMessageBus;
  let app: INestApplication;
  let url: string;
  let checkpointDir: string | undefined;
  const tokens = new Map<Persona, string>();
  const ctx: Context = {};
  const api: Api = async (persona, method, path, body, headers = {}) => {
    const token = tokens.get(persona);
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    return { status: res.status, contentType, text, json: contentType.includes('json') ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    db = await createTestDatabase('matrix');
    // Like embedded mode: one connection for everything.
    pool = db.pool(1);
    bus = new InProcessMessageBus();
    checkpointDir = mkdtempSync(path.join(tmpdir(), 'matrix-checkpoints-'));
    app = await createEmbeddedApp({
      pool,
      bus,
      notifications: false,
      checkpoints: embeddedCheckpoints(checkpointDir),
      security: {
        logLevel: 'silent',
        rateLimits: { auth: { limit: 1000, windowMs: 60_000 }, search: { limit: 100_000, windowMs: 60_000 } },
      },
    });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    for (const p of COLUMNS) {
      const username = PERSONAS[p];
      if (!username) continue;
      const res = await fetch(`${url}/api/auth/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      expect(res.status).toBe(200);
      tokens.set(p, ((await res.json()) as { access_token: string }).access_token);
    }
    for (const fixture of FIXTURES) await fixture(api, ctx);
  });
  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.drop();
    if (checkpointDir) rmSync(checkpointDir, { recursive: true, force: true });
  });

  it('has a row for every served route, and a row only for served routes', () => {
    const served = servedRoutes(app)
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !DELEGATED.some((d) => d.test(r)));
    const rows = MATRIX.map((r) => `${r.method} ${r.route}`);
    const missing = served.filter((s) => !rows.includes(s));
    const stale = rows.filter((r) => !served.includes(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(new Set(rows).size).toBe(rows.length);
    for (const r of MATRIX) expect(r.expected).toHaveLength(COLUMNS.length);
  });

  it('finds an access policy on every Nest route, and every Nest route among the served ones', () => {
    const routes = discoverRoutes(app.get(ModulesContainer));
    expect(routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const served = new Set(servedRoutes(app).map((r) => `${r.method} ${r.path}`));
    expect(routes.map((r) => `${r.method} ${r.path}`).filter((r) => !served.has(r))).toEqual([]);
    // Whatever is served without a Nest controller is an OpenAPI or AsyncAPI document, or the OpenAPI UI.
    const nest = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect(
      [...served]
        .filter((s) => !nest.has(s))
        .every((s) =>
          /^GET \/api\/[a-z]+\/(asyncapi\.json|docs(-json|-yaml|\/|\/index\.html|\/LICENSE|(\/docs)?\/swagger-ui-init\.js)?)$/.test(s),
        ),
    ).toBe(true);
  });

  it.each(MATRIX.map((r) => [`${r.method} ${r.route}`, r] as const))('%s', async (_name, row) => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const [i, persona] of COLUMNS.entries()) {
      const req = (await row.request?.(persona, PERSONAS[persona], api, ctx)) ?? {};
      const answer = await api(persona, row.method, req.path ?? row.route, req.body, req.headers);
      got[persona] = answer.status;
      want[persona] = row.expected[i];
      if (answer.status !== row.expected[i]) continue;
      if (answer.status < 300) row.ok(answer, persona);
      else {
        expect(answer.contentType).toContain('application/problem+json');
        const kind =
          answer.status === 401
            ? row.route === '/api/auth/dev/token'
              ? 'invalid-credentials'
              : 'unauthenticated'
            : answer.status === 403
              ? 'forbidden'
              : String(answer.status);
        expect(answer.json).toMatchObject({ type: `${PROBLEM}${kind}`, status: answer.status });
      }
    }
    expect(got).toEqual(want);
  });
});
