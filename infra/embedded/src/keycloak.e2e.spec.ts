// Production-like, signed in with a real Keycloak: the four services as separate processes (their production
// mains) on real PostgreSQL and Kafka verify the tokens Keycloak issues (OIDC_ISSUER/OIDC_AUDIENCE/OIDC_JWKS_URI),
// behind the gateway's nginx configuration; and the embedded host in OIDC mode does the same. Keycloak is
// resolved like the other test servers (libs/testing: environment, Testcontainers, or infra/native/infra.mjs).
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createTestDatabase,
  eventually,
  freePort,
  NativeGateway,
  OidcEmbeddedHost,
  startNativeGateway,
  startOidcEmbeddedHost,
  startTestKeycloak,
  TEST_USER_PASSWORD,
  TestDatabase,
  TestKeycloak,
  TestKeycloakServer,
  testKafkaBrokers,
} from '@police/testing';
import { contentSecurityPolicy } from '@police/platform';
import { compile, RunningService, SERVICES, ServiceName, startService, stopAll } from './production-services.testing';

const PROBLEM = 'https://police-case-platform.example/problems/';
const WAIT = { timeoutMs: 60_000, intervalMs: 250 };
const DEMO_PASSWORD = 'DEMO-ONLY-change-at-first-login';

// Demo users of infra/keycloak/realm-police.json (the same people as the development issuer's).
const DESK = { username: 'an.peeters', staffId: '5415-0101' };
const PIETER = { username: 'pieter.janssens', staffId: '5415-0201' }; // detective, Diefstallen
const SOFIE = { username: 'sofie.maes', staffId: '5415-0202' }; // detective, Drugs
const INES = { username: 'ines.dubois', staffId: '5415-0403' }; // DPO
const WIM = { username: 'wim.debacker', staffId: '5415-0110' }; // front desk, GAK: signs in through the console's flow

/** A Content-Security-Policy header as directives and their sources. */
function policyOf(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('production-like with Keycloak: the services verify real Keycloak tokens', () => {
  let server: TestKeycloakServer;
  let kc: TestKeycloak;
  let db: TestDatabase;
  const running = new Map<ServiceName, RunningService>();
  const tokens = new Map<string, string>();
  const started = Date.now();
  let keycloakSeconds = 0;

  async function tokenOf(user: { username: string }): Promise<string> {
    const cached = tokens.get(user.username);
    if (cached && (claims(cached).exp as number) * 1000 > Date.now() + 30_000) return cached;
    const t = await kc.passwordGrant(user.username);
    tokens.set(user.username, t.access_token);
    return t.access_token;
  }

  async function call<T = any>(
    base: string,
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : (text as T),
      headers: res.headers,
    };
  }

  /** As `user` (a Keycloak token), against the service that owns the path. */
  async function as<T = any>(user: { username: string } | null, method: string, path: string, body?: unknown) {
    const service = path.split('?')[0].split('/')[2] as ServiceName;
    const target = running.get(service);
    if (!target) throw new Error(`no service for ${path}`);
    return call<T>(target.url, user ? await tokenOf(user) : null, method, path, body);
  }

  function logs(): string {
    return [...running.values()].map((s) => `--- ${s.name}\n${s.output().slice(-3000)}`).join('\n');
  }

  beforeAll(async () => {
    const t0 = Date.now();
    server = await startTestKeycloak();
    kc = server.keycloak;
    keycloakSeconds = (Date.now() - t0) / 1000;
    // An administrator enrols the users the test signs in as (the realm's demo passwords are temporary).
    for (const u of [DESK, PIETER, SOFIE, INES]) await kc.setPassword(u.username, TEST_USER_PASSWORD);
    db = await createTestDatabase('kc');
    compile();
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `kc-${randomUUID().slice(0, 8)}.`,
      LOG_LEVEL: 'warn',
      ...kc.oidcEnv,
      OIDC_ALGORITHMS: 'RS256',
    };
    const services = await Promise.all(SERVICES.map((s) => startService(s, env, { captureOutput: true })));
    for (const s of services) running.set(s.name, s);
  }, 420_000);

  afterAll(async () => {
    await stopAll([...running.values()].map((s) => s.child));
    await db?.drop();
    await server?.stop();
    process.stdout.write(
      `[keycloak e2e] Keycloak (${server?.source}${server?.started ? ', started by this file' : ''}) ready in ${keycloakSeconds.toFixed(1)} s; whole file ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  });

  it('accepts a token from Keycloak (password grant, police-cli-dev) with the roles, teams and staff id the realm gives', async () => {
    const token = await tokenOf(PIETER);
    expect(claims(token)).toMatchObject({
      iss: kc.settings.issuer,
      aud: 'police-case-platform',
      azp: 'police-cli-dev',
      realm_access: { roles: ['detective'] },
      teams: ['Diefstallen'],
      unit: 'LRD',
      staff_id: PIETER.staffId,
      preferred_username: PIETER.username,
    });
    // The realm's demo password is temporary: Keycloak refuses it until the user has chosen their own.
    await kc.setPassword(SOFIE.username, DEMO_PASSWORD, { temporary: true });
    expect(await kc.passwordGrantResponse(SOFIE.username, DEMO_PASSWORD)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Account is not fully set up' },
    });
    await kc.setPassword(SOFIE.username, TEST_USER_PASSWORD);

    // The desk's report, referred, opens a case for Diefstallen; the detective's read is logged under the
    // staff id of his Keycloak token, and the DPO (a role from Keycloak) finds it in the log.
    const intake = await as(DESK, 'POST', '/api/reports', {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-KC-1',
      incidentType: 'woninginbraak',
      timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 14' },
      narrative: 'Achterdeur geforceerd; fiets ontvreemd.',
      parties: [{ name: 'B. Peeters', roles: ['reporter', 'victim'] }],
    });
    expect(intake.status).toBe(201);
    const reportId = intake.body.id as string;
    expect(
      (await as(DESK, 'POST', `/api/reports/${reportId}/investigation-request`, { reason: 'Reeks inbraken in de straat' })).status,
    ).toBe(200);
    const opened = await eventually(async () => {
      const list = await as(PIETER, 'GET', `/api/investigations?reportId=${reportId}`);
      expect(list.status).toBe(200);
      expect(list.body.investigations).toHaveLength(1);
      return list.body.investigations[0] as { id: string; team: string };
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));
    expect(opened.team).toBe('Diefstallen');
    expect((await as(PIETER, 'GET', `/api/investigations/${opened.id}`)).status).toBe(200);
    const log = await eventually(
      async () => {
        const page = await as(INES, 'GET', `/api/investigations/audit/consultations?actor=${PIETER.staffId}&subject=${opened.id}`);
        expect(page.status).toBe(200);
        // Newest first: his read of the case, then the list it appeared in.
        expect(page.body.items).toHaveLength(2);
        return page.body.items as {
          kind: string;
          endpoint: { route: string };
          actor: unknown;
          subject: { ids: string[] };
          outcome: string;
          reason: string;
        }[];
        // The log's query is rate-limited (60 a minute per person): poll gently.
      },
      { timeoutMs: 60_000, intervalMs: 2000 },
    );
    const pieterAsKeycloakSaysHeIs = {
      staffId: PIETER.staffId,
      username: PIETER.username,
      roles: ['detective'],
      teams: ['Diefstallen'],
      unit: 'LRD',
    };
    expect(log.map((c) => [c.kind, c.endpoint.route, c.actor, c.subject.ids, c.outcome, c.reason])).toEqual([
      ['record', '/api/investigations/:id', pieterAsKeycloakSaysHeIs, [opened.id], 'granted', 'member of team Diefstallen'],
      ['list', '/api/investigations', pieterAsKeycloakSaysHeIs, [opened.id], 'granted', 'list of 1 visible record(s): team 1'],
    ]);

    // Team need-to-know with Keycloak tokens as with the development issuer: the Drugs detective does
    // not find the Diefstallen case in her lists, and opening it needs a justification (break-glass).
    const drugs = await as(SOFIE, 'GET', `/api/investigations?reportId=${reportId}`);
    expect(drugs).toMatchObject({ status: 200, body: { investigations: [] } });
    expect(await as(SOFIE, 'GET', `/api/investigations/${opened.id}`)).toMatchObject({
      status: 403,
      body: { type: `${PROBLEM}justification-required` },
    });
  });

  it("holds role need-to-know with Keycloak tokens: the audit log is the DPO's, not the desk's", async () => {
    for (const s of SERVICES) {
      expect((await as(null, 'GET', `/api/${s}/audit/consultations`)).status).toBe(401);
      expect(await as(DESK, 'GET', `/api/${s}/audit/consultations`)).toMatchObject({ status: 403, body: { type: `${PROBLEM}forbidden` } });
      expect((await as(INES, 'GET', `/api/${s}/audit/consultations`)).status).toBe(200);
    }
  });

  it('refuses (401) a token of another audience, of another issuer, tampered with, or expired', async () => {
    const reports = running.get('reports')!.url;
    const path = '/api/reports/audit/consultations';
    // Another application of the same realm: a client without the police-case-platform audience.
    await kc.ensureTestClient('test-no-audience', { audience: false });
    const otherAudience = (await kc.passwordGrant(INES.username, TEST_USER_PASSWORD, 'test-no-audience')).access_token;
    expect(claims(otherAudience)).toMatchObject({ iss: kc.settings.issuer, realm_access: { roles: ['dpo'] } });
    expect(claims(otherAudience).aud).toBeUndefined();
    expect(await call(reports, otherAudience, 'GET', path)).toMatchObject({
      status: 401,
      body: { type: `${PROBLEM}unauthenticated`, detail: 'The token is not valid here: claim "aud" is missing or malformed.' },
    });

    // Another issuer: Keycloak's master realm (its own keys, its own iss).
    const master = await kc.adminToken();
    expect(claims(master).iss).toBe(`${kc.settings.url}/realms/master`);
    expect(await call(reports, master, 'GET', path)).toMatchObject({
      status: 401,
      body: { type: `${PROBLEM}unauthenticated`, detail: 'The token is not signed by a key of the trusted issuer.' },
    });

    // Tampered: the desk's token with the DPO's role written into it, Keycloak's signature kept.
    const desk = await tokenOf(DESK);
    expect((await call(reports, desk, 'GET', path)).status).toBe(403);
    const [header, payload, signature] = desk.split('.');
    const forged = {
      ...(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>),
      realm_access: { roles: ['dpo'] },
    };
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(await call(reports, tampered, 'GET', path)).toMatchObject({
      status: 401,
      body: { detail: 'The token is not signed by a key of the trusted issuer.' },
    });

    // Expired: a client whose tokens live 1 s; accepted at once, refused once past the 30 s clock tolerance.
    await kc.ensureTestClient('test-short-lived', { audience: true, accessTokenLifespanSeconds: 1 });
    const shortLived = (await kc.passwordGrant(INES.username, TEST_USER_PASSWORD, 'test-short-lived')).access_token;
    expect((claims(shortLived).exp as number) - (claims(shortLived).iat as number)).toBe(1);
    expect((await call(reports, shortLived, 'GET', path)).status).toBe(200);
    await eventually(
      async () =>
        expect(await call(reports, shortLived, 'GET', path)).toMatchObject({ status: 401, body: { detail: 'The token has expired.' } }),
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
  }, 120_000);

  it('signs a console user in with the authorization code flow and PKCE (police-web), making them replace a temporary password first', async () => {
    const origin = `http://127.0.0.1:${await freePort()}`;
    await kc.setPassword(WIM.username, DEMO_PASSWORD, { temporary: true });
    await kc.allowConsoleOrigin(origin);
    try {
      // An address the client does not know is refused before any login page.
      await expect(
        kc.signIn(WIM.username, DEMO_PASSWORD, { redirectUri: `http://127.0.0.1:1/callback`, newPassword: TEST_USER_PASSWORD }),
      ).rejects.toThrow('did not show its login page (400)');
      const signedIn = await kc.signIn(WIM.username, DEMO_PASSWORD, { redirectUri: `${origin}/callback`, newPassword: TEST_USER_PASSWORD });
      expect(signedIn.passwordChanged).toBe(true);
      expect(claims(signedIn.tokens.access_token)).toMatchObject({
        azp: 'police-web',
        aud: 'police-case-platform',
        staff_id: WIM.staffId,
        teams: ['GAK'],
        realm_access: { roles: ['front_desk'] },
      });
      expect(claims(signedIn.tokens.id_token!)).toMatchObject({ aud: 'police-web', preferred_username: WIM.username });
      expect(
        (await call(running.get('reports')!.url, signedIn.tokens.access_token, 'GET', '/api/reports/audit/consultations')).status,
      ).toBe(403);
      expect((await call(running.get('reports')!.url, signedIn.tokens.access_token, 'GET', '/api/reports/deadlines')).status).toBe(200);
      // The one the user chose works, and the demo password is gone. In this order: a refused login counts
      // for Keycloak's brute-force detection, whose quick-login check would refuse the next one too.
      expect((await kc.passwordGrantResponse(WIM.username, TEST_USER_PASSWORD)).status).toBe(200);
      expect(await kc.passwordGrantResponse(WIM.username, DEMO_PASSWORD)).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Invalid user credentials' },
      });
    } finally {
      await kc.removeConsoleOrigin(origin);
      await kc.setPassword(WIM.username, TEST_USER_PASSWORD);
    }
  });

  it('tells the console, through every service, to sign in with Keycloak', async () => {
    for (const s of SERVICES) {
      expect(await as(null, 'GET', `/api/${s}/auth/config`)).toMatchObject({
        status: 200,
        body: { kind: 'oidc', authority: kc.settings.issuer, clientId: 'police-web', scope: 'openid profile' },
      });
      expect((await as(null, 'GET', `/api/${s}/auth/dev/users`)).status).toBe(404);
    }
  });

  describe("behind the gateway (infra/gateway/default.conf.template run by Debian's nginx)", () => {
    let gateway: NativeGateway;
    let consoleRoot: string;

    beforeAll(async () => {
      // A stand-in for apps/console/dist: an index.html and one hashed asset, as Vite writes them.
      consoleRoot = mkdtempSync(path.join(os.tmpdir(), 'police-console-dist-'));
      chmodSync(consoleRoot, 0o755);
      mkdirSync(path.join(consoleRoot, 'assets'), { mode: 0o755 });
      writeFileSync(
        path.join(consoleRoot, 'index.html'),
        '<!doctype html><html><body><div id="root">police console</div><script type="module" src="/assets/index-abc123.js"></script></body></html>',
      );
      writeFileSync(path.join(consoleRoot, 'assets', 'index-abc123.js'), 'console.log("police console");');
      gateway = await startNativeGateway({
        consoleRoot,
        connectSources: [new URL(kc.settings.issuer).origin],
        services: Object.fromEntries(SERVICES.map((s) => [s, running.get(s)!.url])) as Record<ServiceName, string>,
      });
    }, 180_000);
    afterAll(async () => {
      await gateway?.stop();
      rmSync(consoleRoot, { recursive: true, force: true });
    });

    it('serves the console at / with the SPA fallback, its assets, and a 404 for a missing asset', async () => {
      for (const p of ['/', '/index.html', '/investigations/42/timeline', '/reports/new?kind=aangifte']) {
        const page = await call(gateway.url, null, 'GET', p);
        expect([p, page.status, page.headers.get('content-type'), page.body]).toEqual([
          p,
          200,
          'text/html',
          expect.stringContaining('police console'),
        ]);
        expect(page.headers.get('x-frame-options')).toBe('DENY');
        // The console's page carries the policy every service sends, with Keycloak's origin to call.
        expect(policyOf(page.headers.get('content-security-policy'))).toEqual(
          contentSecurityPolicy({ connectSources: [new URL(kc.settings.issuer).origin] }),
        );
      }
      const asset = await call(gateway.url, null, 'GET', '/assets/index-abc123.js');
      expect([asset.status, asset.headers.get('content-type'), asset.headers.get('cache-control')]).toEqual([
        200,
        'application/javascript',
        'public, max-age=31536000, immutable',
      ]);
      expect((await call(gateway.url, null, 'GET', '/assets/index-missing.js')).status).toBe(404);
    });

    it('routes /api/<service> to each service, /api/auth/config to one of them, and nothing else under /api', async () => {
      for (const s of SERVICES) {
        expect(await call(gateway.url, null, 'GET', `/api/${s}/health`)).toMatchObject({ status: 200, body: { service: s, status: 'up' } });
      }
      expect(await call(gateway.url, null, 'GET', '/api/auth/config')).toMatchObject({
        status: 200,
        body: { kind: 'oidc', authority: kc.settings.issuer, clientId: 'police-web' },
      });
      for (const p of ['/api/auth/dev/users', '/api/audit/consultations', '/api/unknown']) {
        expect(await call(gateway.url, null, 'GET', p)).toMatchObject({ status: 404, body: { status: 404 } });
      }
      // A Keycloak token and the query string pass through; the services' problem+json answers too.
      expect(await call(gateway.url, await tokenOf(PIETER), 'GET', '/api/investigations?limit=1')).toMatchObject({
        status: 200,
        body: { limit: 1 },
      });
      expect(await call(gateway.url, await tokenOf(DESK), 'GET', '/api/reports/audit/consultations')).toMatchObject({
        status: 403,
        body: { type: `${PROBLEM}forbidden` },
      });
      expect(gateway.errors()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
    });
  });

  describe('the embedded host in OIDC mode (DEV_AUTH=false, OIDC_* from Keycloak)', () => {
    let host: OidcEmbeddedHost;

    beforeAll(async () => {
      host = await startOidcEmbeddedHost(kc);
    }, 180_000);
    afterAll(async () => {
      await host?.stop();
    });

    it('verifies Keycloak tokens, offers no development issuer, and tells the console to sign in with Keycloak', async () => {
      expect(await call(host.url, null, 'GET', '/api/auth/config')).toMatchObject({
        status: 200,
        body: { kind: 'oidc', authority: kc.settings.issuer, clientId: 'police-web', scope: 'openid profile' },
      });
      expect((await call(host.url, null, 'POST', '/api/auth/dev/token', { username: PIETER.username })).status).toBe(404);
      expect((await call(host.url, null, 'GET', '/api/investigations')).status).toBe(401);
      expect(await call(host.url, await tokenOf(PIETER), 'GET', '/api/investigations')).toMatchObject({
        status: 200,
        body: { investigations: [] },
      });
      expect((await call(host.url, await tokenOf(DESK), 'GET', '/api/audit/consultations')).status).toBe(403);
      expect((await call(host.url, await tokenOf(INES), 'GET', '/api/audit/consultations')).status).toBe(200);
      // The host's address is registered with police-web: the console's sign-in comes back to it.
      const signedIn = await kc.signIn(PIETER.username, TEST_USER_PASSWORD, { redirectUri: `${host.url}/` });
      expect(signedIn.callbackUrl.startsWith(`${host.url}/?`)).toBe(true);
      expect((await call(host.url, signedIn.tokens.access_token, 'GET', '/api/investigations')).status).toBe(200);
    });
  });
});
