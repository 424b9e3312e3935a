import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import { compile, freePort, identityProvider, IdentityProvider, mainCommand, root, SERVICES, stopAll } from './production-services.testing';

const services = [...SERVICES];

describe('production-like mode: each service on its own against real PostgreSQL', () => {
  let db: TestDatabase;
  let idp: IdentityProvider;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    idp = await identityProvider();
    db = await createTestDatabase('prod');
    compile();
  });
  afterAll(async () => {
    await stopAll(children);
    await db.drop();
    await idp.close();
  });

  it('starts every service alone, answering health and OpenAPI under /api/<service>, with OIDC tokens and its own consultation log', async () => {
    const ports = await Promise.all(services.map(() => freePort()));
    services.forEach((s, i) => {
      const main = mainCommand(s);
      const child = spawn(process.execPath, main.args, {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(ports[i]),
          HOST: '127.0.0.1',
          DATABASE_URL: db.url,
          EVENT_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          ...idp.env,
          ...main.env,
        },
        stdio: 'ignore',
      });
      children.push(child);
    });
    for (const [i, s] of services.entries()) {
      const health = await eventually(
        async () => {
          const res = await fetch(`http://127.0.0.1:${ports[i]}/api/${s}/health`);
          expect(res.status).toBe(200);
          return res.json();
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      expect(health).toEqual({ service: s, status: 'up', checks: { database: 'up' } });
      const doc = (await (await fetch(`http://127.0.0.1:${ports[i]}/api/${s}/docs-json`)).json()) as {
        info: { title: string };
        paths: Record<string, unknown>;
      };
      expect(doc.info.title).toBe(`${s} API`);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([`/api/${s}/health`, `/api/${s}/audit/consultations`, `/api/${s}/audit/consultations/verify`]),
      );
      const audit = `http://127.0.0.1:${ports[i]}/api/${s}/audit/consultations`;
      const anonymous = await fetch(audit);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ type: 'https://police-case-platform.example/problems/unauthenticated', status: 401 });
      const detective = await fetch(audit, { headers: { authorization: `Bearer ${await idp.sign('5415-0202', ['detective'])}` } });
      expect(detective.status).toBe(403);
      const dpo = await fetch(audit, { headers: { authorization: `Bearer ${await idp.sign('5415-0403', ['dpo', 'offline_access'])}` } });
      expect(dpo.status).toBe(200);
      // This test gives all four one database, so they share one `audit` schema: earlier services' audit
      // queries may show (once projected), and nothing else.
      const page = (await dpo.json()) as {
        items: { actor: { staffId: string }; subject: { type: string }; endpoint: { route: string } }[];
        nextCursor: string | null;
      };
      expect(page.nextCursor).toBeNull();
      const earlier = services.slice(0, i).map((prev) => `/api/${prev}/audit/consultations`);
      for (const c of page.items)
        expect([c.actor.staffId, c.subject.type, earlier.includes(c.endpoint.route)]).toEqual(['5415-0403', 'consultation_log', true]);
      expect((await fetch(`http://127.0.0.1:${ports[i]}/api/auth/dev/users`)).status).toBe(404);
      // The HTTP edge of libs/platform holds here as in the embedded host: strings, dates, paging, content type, methods.
      const dpoAuth = { authorization: `Bearer ${await idp.sign('5415-0403', ['dpo'])}` };
      const edge = async (path: string, init: RequestInit = {}) => {
        const res = await fetch(`http://127.0.0.1:${ports[i]}${path}`, init);
        const body = (await res.json()) as { errors?: { field: string }[] };
        return {
          status: res.status,
          allow: res.headers.get('allow'),
          type: res.headers.get('content-type'),
          fields: (body.errors ?? []).map((e) => e.field),
        };
      };
      const problem = expect.stringContaining('application/problem+json');
      expect(await edge(`/api/${s}/audit/consultations?actor=a%00b`, { headers: dpoAuth })).toEqual({
        status: 400,
        allow: null,
        type: problem,
        fields: ['actor'],
      });
      expect(await edge(`/api/${s}/audit/consultations?from=2026-W10-1&limit=1e2`, { headers: dpoAuth })).toEqual({
        status: 400,
        allow: null,
        type: problem,
        fields: ['from', 'limit'],
      });
      expect(await edge(`/api/${s}/health`, { method: 'PUT' })).toEqual({ status: 405, allow: 'GET, HEAD', type: problem, fields: [] });
      expect(await edge(`/api/${s}/health`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).toEqual({
        status: 415,
        allow: null,
        type: problem,
        fields: ['Content-Type'],
      });
    }
    const schemas = await db
      .pool(1)
      .query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname = ANY($1) ORDER BY nspname`, [services]);
    expect(schemas.rows.map((r) => r.nspname)).toEqual([...services].sort());
  });

  it('refuses to start without DATABASE_URL, KAFKA_BROKERS, the key-encryption key or the OIDC settings, or with the development issuer', () => {
    const r = spawnSync(process.execPath, ['-r', 'tsconfig-paths/register', 'dist/out-tsc/services/evidence/src/main.js'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        TS_NODE_PROJECT: path.join(root, 'tsconfig.base.json'),
        TS_NODE_BASEURL: path.join(root, 'dist/out-tsc'),
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL is not set');

    const noKafka = spawnSync(process.execPath, ['-r', 'tsconfig-paths/register', 'dist/out-tsc/services/evidence/src/main.js'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: db.url,
        TS_NODE_PROJECT: path.join(root, 'tsconfig.base.json'),
        TS_NODE_BASEURL: path.join(root, 'dist/out-tsc'),
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(noKafka.status).toBe(1);
    expect(noKafka.stderr).toContain('KAFKA_BROKERS is not set');

    const base = {
      PATH: process.env.PATH,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: '127.0.0.1:9',
      EVENT_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      TS_NODE_PROJECT: path.join(root, 'tsconfig.base.json'),
      TS_NODE_BASEURL: path.join(root, 'dist/out-tsc'),
    };
    const devAuth = spawnSync(process.execPath, ['-r', 'tsconfig-paths/register', 'dist/out-tsc/services/evidence/src/main.js'], {
      cwd: root,
      env: { ...base, ...idp.env, DEV_AUTH: 'true' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(devAuth.status).toBe(1);
    expect(devAuth.stderr).toContain('DEV_AUTH is set, but the development issuer can never run in production mode');

    const noOidc = spawnSync(process.execPath, ['-r', 'tsconfig-paths/register', 'dist/out-tsc/services/evidence/src/main.js'], {
      cwd: root,
      env: base,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(noOidc.status).toBe(1);
    expect(noOidc.stderr).toContain('OIDC_JWKS_URI is not set');

    // A key of its own would live and die with the container, and the data sealed under it with it (ADR 0053).
    const noKek = spawnSync(process.execPath, ['-r', 'tsconfig-paths/register', 'dist/out-tsc/services/reports/src/main.js'], {
      cwd: root,
      env: { ...base, ...idp.env, EVENT_KEY_ENCRYPTION_KEY: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(noKek.status).toBe(1);
    expect(noKek.stderr).toContain('EVENT_KEY_ENCRYPTION_KEY (or EVENT_KEY_ENCRYPTION_KEY_FILE) is required for the reports service');
  });
});
