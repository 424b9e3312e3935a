// The security library over HTTP: a small app of fixture routes behind SecurityModule, on a real
// PostgreSQL database (the consultation log is the real event store and projector).
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Controller, Get, HttpCode, INestApplication, Module, Param, Put, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Request } from 'express';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { configureHttpApp } from '@police/platform';
import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import { AccessControl } from './access-control';
import { ProtectedResource } from './access-decision';
import { Allow, Authenticated, Consults } from './access-policy';
import { utcDay } from './audit.events';
import { DEV_ISSUER, DevIssuer, PLATFORM_AUDIENCE } from './dev-issuer';
import { DEV_USERS } from './dev-users';
import { CurrentPrincipal, Principal } from './principal';
import { SearchRateLimit } from './rate-limit';
import { useStructuredLogs } from './request-logging';
import { RateLimits } from './security-options';
import { SecurityModule } from './security.module';
import { TokenVerifier } from './token-verifier';
import { resourceNotFound } from './security.problems';

const staff = (username: string): string => DEV_USERS.find((u) => u.username === username)!.staffId;

/** What the fixture service knows about its records. `body` is the content: it must never reach the audit trail. */
const RECORDS: Record<string, { resource: ProtectedResource; body: Record<string, unknown> }> = {
  'inv-diefstal': {
    resource: {
      type: 'investigation',
      id: 'inv-diefstal',
      caseRef: 'GE.55.L1.004711-2026',
      teams: ['Diefstallen'],
      assignees: [staff('pieter.janssens')],
    },
    body: { title: 'Woninginbraak Sint-Amandsberg', suspect: 'Jan Smits' },
  },
  'inv-zeden': {
    resource: { type: 'investigation', id: 'inv-zeden', teams: ['Zeden'], assignees: [staff('lotte.willems')], restricted: true },
    body: { title: 'Aanranding Overpoort', victim: 'Minderjarige X' },
  },
  'inv-drugs': {
    resource: { type: 'investigation', id: 'inv-drugs', teams: ['Drugs'], assignees: [] },
    body: { title: 'Cannabisplantage Ledeberg', suspect: 'Tom De Wolf' },
  },
  'cmp-janssens': {
    resource: {
      type: 'integrity_complaint',
      id: 'cmp-janssens',
      compartment: 'integrity:BIT',
      concernedStaffIds: [staff('pieter.janssens')],
    },
    body: { nature: 'deontological', complainant: 'Anonymous citizen' },
  },
  'cmp-tucht': {
    resource: { type: 'integrity_complaint', id: 'cmp-tucht', compartment: 'integrity:Tucht', concernedStaffIds: [staff('koen.claes')] },
    body: { nature: 'disciplinary', complainant: 'Head of service' },
  },
  'cmp-desmet': {
    resource: { type: 'integrity_complaint', id: 'cmp-desmet', compartment: 'integrity:BIT', concernedStaffIds: [staff('bart.desmet')] },
    body: { nature: 'criminal', complainant: 'Colleague' },
  },
};

function find(type: ProtectedResource['type'], id: string): { resource: ProtectedResource; body: Record<string, unknown> } | undefined {
  const r = RECORDS[id];
  return r && r.resource.type === type ? r : undefined;
}

@Controller('cases')
class CasesController {
  constructor(private readonly access: AccessControl) {}

  @Get('investigations')
  @Allow('detective', 'team_lead', 'chief')
  @Consults('investigation')
  @SearchRateLimit()
  async list(@Req() req: Request, @CurrentPrincipal() principal: Principal): Promise<{ ids: string[] }> {
    const visible = Object.values(RECORDS)
      .map((r) => r.resource)
      .filter((r) => r.type === 'investigation' && this.access.canSee(principal, r));
    await this.access.recordListRead(req, 'investigation', visible);
    return { ids: visible.map((r) => r.id) };
  }

  @Get('investigations/:id')
  @Allow('detective', 'team_lead', 'chief', 'front_desk')
  @Consults('investigation')
  async investigation(@Param('id') id: string, @Req() req: Request): Promise<Record<string, unknown>> {
    const record = find('investigation', id);
    if (!record) throw resourceNotFound('investigation');
    const access = await this.access.authorizeRead(req, record.resource);
    return { id, ...record.body, access: { basis: access.basis } };
  }

  @Put('investigations/:id')
  @HttpCode(204)
  @Allow('detective', 'team_lead', 'chief')
  change(@Param('id') id: string, @Req() req: Request): void {
    const record = find('investigation', id);
    if (!record) throw resourceNotFound('investigation');
    this.access.authorizeWrite(req, record.resource);
  }

  @Get('complaints/:id')
  @Authenticated()
  @Consults('integrity_complaint')
  async complaint(@Param('id') id: string, @Req() req: Request): Promise<Record<string, unknown>> {
    const record = find('integrity_complaint', id);
    if (!record) throw resourceNotFound('integrity_complaint');
    const access = await this.access.authorizeRead(req, record.resource);
    return { id, ...record.body, access: { basis: access.basis } };
  }

  /** A handler that forgets to record its read: the enforcer must stop the answer. */
  @Get('forgetful/:id')
  @Authenticated()
  @Consults('investigation')
  forgetful(@Param('id') id: string): Record<string, unknown> {
    return { id, ...RECORDS[id]?.body };
  }
}

interface Fixture {
  app: INestApplication;
  url: string;
  token(username: string): Promise<string>;
  get(
    path: string,
    username?: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>;
}

async function startApp(db: TestDatabase, options: { rateLimits?: Partial<RateLimits>; logs?: string[] } = {}): Promise<Fixture> {
  const pool = db.pool(4);
  const destination = options.logs
    ? new Writable({
        write(chunk, _enc, done) {
          options.logs!.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      })
    : undefined;
  @Module({
    imports: [
      SecurityModule.forRoot({
        mode: 'embedded',
        pool,
        auditPath: 'audit',
        authentication: { kind: 'dev' },
        rateLimits: options.rateLimits,
        logLevel: options.logs ? 'info' : 'silent',
        logDestination: destination,
      }),
    ],
    controllers: [CasesController],
  })
  class FixtureModule {}
  const app = await NestFactory.create(FixtureModule, { bufferLogs: true });
  useStructuredLogs(app);
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const tokens = new Map<string, string>();
  const token = async (username: string): Promise<string> => {
    if (!tokens.has(username)) {
      const res = await fetch(`${url}/api/auth/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      expect(res.status).toBe(200);
      tokens.set(username, ((await res.json()) as { access_token: string }).access_token);
    }
    return tokens.get(username)!;
  };
  const get: Fixture['get'] = async (path, username, headers = {}) => {
    const res = await fetch(`${url}${path}`, {
      headers: { ...headers, ...(username ? { authorization: `Bearer ${await token(username)}` } : {}) },
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return { app, url, token, get };
}

const PROBLEM = 'https://police-case-platform.example/problems/';
const JUSTIFICATION = 'Lopend onderzoek naar een reeks inbraken met dezelfde werkwijze';

describe('security over HTTP (real PostgreSQL)', () => {
  let db: TestDatabase;
  let f: Fixture;

  beforeAll(async () => {
    db = await createTestDatabase('security');
    f = await startApp(db);
  });
  afterAll(async () => {
    await f?.app.close();
    await db?.drop();
  });

  describe('authentication: OIDC bearer tokens against the issuer JWKS', () => {
    const path = '/api/cases/investigations/inv-diefstal';
    const claims = (username: string) => {
      const u = DEV_USERS.find((x) => x.username === username)!;
      return { preferred_username: u.username, staff_id: u.staffId, realm_access: { roles: u.roles }, teams: u.teams, unit: u.unit };
    };
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

    async function expectInvalidToken(token: string, detail: string): Promise<void> {
      const res = await f.get(path, undefined, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
      expect(res.body).toEqual({
        type: `${PROBLEM}unauthenticated`,
        title: 'Authentication required',
        status: 401,
        detail,
        instance: path,
      });
    }

    it('accepts a token of the dev issuer and answers 401 without one', async () => {
      const ok = await f.get(path, 'pieter.janssens');
      expect(ok.status).toBe(200);
      const none = await f.get(path);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="police-case-platform"');
      expect(none.body).toMatchObject({ type: `${PROBLEM}unauthenticated`, status: 401 });
      const basic = await f.get(path, undefined, { authorization: 'Basic cGlldGVyOnNlY3JldA==' });
      expect(basic.status).toBe(401);
    });

    it('refuses a token signed by an unknown key, even one that claims the issuer key id', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const kid = (f.app.get(DevIssuer).jwks.keys[0] as { kid: string }).kid;
      const forged = await new SignJWT(claims('pieter.janssens'))
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(DEV_ISSUER)
        .setAudience(PLATFORM_AUDIENCE)
        .setSubject(staff('pieter.janssens'))
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      await expectInvalidToken(forged, 'The token is not signed by a key of the trusted issuer.');
      const otherKid = await new SignJWT(claims('pieter.janssens'))
        .setProtectedHeader({ alg: 'ES256', kid: 'attacker-key' })
        .setIssuer(DEV_ISSUER)
        .setAudience(PLATFORM_AUDIENCE)
        .setSubject(staff('pieter.janssens'))
        .setExpirationTime('1h')
        .sign(privateKey);
      await expectInvalidToken(otherKid, 'The token is not signed by a key of the trusted issuer.');
    });

    it('refuses an expired token', async () => {
      const issuer = f.app.get(DevIssuer);
      const { accessToken } = await issuer.issue(issuer.findUser('pieter.janssens')!, { now: new Date(Date.now() - 9 * 3600_000) });
      await expectInvalidToken(accessToken, 'The token has expired.');
    });

    it('refuses alg "none" and an HMAC token keyed with the public key (algorithm confusion)', async () => {
      const body = {
        ...claims('filip.vermeulen'),
        iss: DEV_ISSUER,
        aud: PLATFORM_AUDIENCE,
        sub: staff('filip.vermeulen'),
        exp: Math.floor(Date.now() / 1000) + 3600,
      };
      await expectInvalidToken(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(body)}.`, 'The token is not signed with an accepted algorithm.');
      const publicJwk = f.app.get(DevIssuer).jwks.keys[0];
      const hs = await new SignJWT(body).setProtectedHeader({ alg: 'HS256' }).sign(Buffer.from(JSON.stringify(publicJwk)));
      await expectInvalidToken(hs, 'The token is not signed with an accepted algorithm.');
    });
  });

  describe('a remote JWKS (how production verifies Keycloak tokens)', () => {
    it('fetches the keys over HTTP, and answers 503 (not 401) when the identity provider is unreachable', async () => {
      const { privateKey, publicKey } = await generateKeyPair('RS256');
      const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'kc-1', alg: 'RS256', use: 'sig' }] };
      let fetched = 0;
      const server = createServer((_req, res) => {
        fetched++;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/police/protocol/openid-connect/certs`;
      const settings = { issuer: 'http://keycloak:8080/realms/police', audience: PLATFORM_AUDIENCE, algorithms: ['RS256'] };
      const token = await new SignJWT({
        preferred_username: 'koen.claes',
        staff_id: '5415-0204',
        realm_access: { roles: ['detective', 'offline_access'] },
        teams: ['Geweld'],
        unit: 'LRD',
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'kc-1' })
        .setIssuer(settings.issuer)
        .setAudience([PLATFORM_AUDIENCE, 'account'])
        .setSubject('7d1c9a40-0000-4000-8000-00000000c1a5')
        .setExpirationTime('5m')
        .sign(privateKey);
      try {
        await expect(TokenVerifier.remote(settings, uri).verify(token)).resolves.toEqual({
          staffId: '5415-0204',
          username: 'koen.claes',
          displayName: 'koen.claes',
          roles: ['detective'],
          teams: ['Geweld'],
          unit: 'LRD',
        });
        expect(fetched).toBe(1);
      } finally {
        await new Promise((r) => server.close(r));
      }
      await expect(TokenVerifier.remote(settings, uri).verify(token)).rejects.toMatchObject({
        status: 503,
        message: 'The identity provider cannot be reached to check the token. Try again later.',
      });
    });
  });

  describe('authorization: roles plus team, assignment and compartment, on every id', () => {
    it('gives the assigned detective and the team lead their case, on the basis that is logged', async () => {
      expect(await f.get('/api/cases/investigations/inv-diefstal', 'pieter.janssens')).toMatchObject({
        status: 200,
        body: { id: 'inv-diefstal', access: { basis: 'assignment' } },
      });
      expect(await f.get('/api/cases/investigations/inv-diefstal', 'els.jacobs')).toMatchObject({
        status: 200,
        body: { access: { basis: 'team' } },
      });
    });

    it('asks for a justification outside the assignment, then logs the read as break-glass with it', async () => {
      const path = '/api/cases/investigations/inv-diefstal';
      const refused = await f.get(path, 'sofie.maes');
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        type: `${PROBLEM}justification-required`,
        title: 'Justification required',
        status: 403,
        justificationHeader: 'X-Justification',
        instance: path,
      });
      expect(refused.body.detail).toContain('A justification is required');
      expect(refused.body).not.toHaveProperty('title', 'Woninginbraak Sint-Amandsberg');

      const tooShort = await f.get(path, 'sofie.maes', { 'x-justification': 'nodig' });
      expect(tooShort.status).toBe(403);
      expect(tooShort.body).toMatchObject({
        type: `${PROBLEM}justification-required`,
        errors: [{ field: 'X-Justification', detail: 'must say why, in at least 3 words and 15 characters' }],
      });

      const granted = await f.get(path, 'sofie.maes', { 'x-justification': JUSTIFICATION, 'x-justification-case': 'GE.55.L1.009999-2026' });
      expect(granted.status).toBe(200);
      expect(granted.body).toEqual({
        id: 'inv-diefstal',
        title: 'Woninginbraak Sint-Amandsberg',
        suspect: 'Jan Smits',
        access: { basis: 'break_glass' },
      });

      const page = await eventually(async () => {
        const r = await f.get(`/api/audit/consultations?actor=${staff('sofie.maes')}&breakGlass=true`, 'ines.dubois');
        expect(r.status).toBe(200);
        expect((r.body.items as unknown[]).length).toBe(1);
        return r.body;
      });
      expect(page.items).toEqual([
        {
          id: expect.any(String),
          at: expect.any(String),
          actor: { staffId: staff('sofie.maes'), username: 'sofie.maes', roles: ['detective'], teams: ['Drugs'], unit: 'LRD' },
          subject: {
            type: 'investigation',
            ids: ['inv-diefstal'],
            caseRef: 'GE.55.L1.004711-2026',
            compartments: [],
            concernedStaffIds: [],
          },
          kind: 'record',
          outcome: 'granted',
          basis: 'break_glass',
          refusal: null,
          reason: 'stated justification',
          breakGlass: true,
          justification: { text: JUSTIFICATION, caseRef: 'GE.55.L1.009999-2026' },
          endpoint: { method: 'GET', route: '/api/cases/investigations/:id' },
          correlationId: expect.any(String),
          // A lane of the day (ADR 0057): the day's own stream, or another lane when reads overlapped.
          chain: {
            stream: expect.stringMatching(new RegExp(`^consultations-${utcDay(new Date())}(-lane-\\d+)?$`)),
            version: expect.any(Number),
          },
        },
      ]);
      // Both refusals are on record for oversight too.
      const refusals = await eventually(async () => {
        const r = await f.get(`/api/audit/consultations?actor=${staff('sofie.maes')}&outcome=refused`, 'bart.desmet');
        expect((r.body.items as unknown[]).length).toBe(2);
        return r.body.items as { refusal: string; breakGlass: boolean; justification: unknown }[];
      });
      expect(refusals.map((r) => [r.refusal, r.breakGlass, r.justification])).toEqual([
        ['justification_required', false, null],
        ['justification_required', false, null],
      ]);
    });

    it('keeps restricted files to their team: to other detectives they do not exist (404), the chief must justify', async () => {
      const path = '/api/cases/investigations/inv-zeden';
      expect(await f.get(path, 'lotte.willems')).toMatchObject({ status: 200, body: { access: { basis: 'assignment' } } });
      const other = await f.get(path, 'pieter.janssens', { 'x-justification': JUSTIFICATION });
      expect(other).toMatchObject({
        status: 404,
        body: { type: `${PROBLEM}not-found`, detail: 'There is no investigation with this id.' },
      });
      expect(await f.get(path, 'filip.vermeulen')).toMatchObject({ status: 403, body: { type: `${PROBLEM}justification-required` } });
      expect(
        await f.get(path, 'filip.vermeulen', { 'x-justification': 'Klacht van het parket over de opvolging van dit dossier' }),
      ).toMatchObject({ status: 200, body: { access: { basis: 'break_glass' } } });
    });

    it('refuses roles that cannot read a type at all, and writes outside the assignment even when justified', async () => {
      const desk = await f.get('/api/cases/investigations/inv-diefstal', 'an.peeters', { 'x-justification': JUSTIFICATION });
      expect(desk).toMatchObject({
        status: 403,
        body: { type: `${PROBLEM}forbidden`, detail: 'Your roles do not give access to this investigation.' },
      });
      const lab = await f.get('/api/cases/investigations/inv-diefstal', 'nathalie.wouters');
      expect(lab).toMatchObject({
        status: 403,
        body: { type: `${PROBLEM}forbidden`, detail: 'Your role does not give access to this endpoint.' },
      });
      const put = (username: string) =>
        f.token(username).then((t) =>
          fetch(`${f.url}/api/cases/investigations/inv-diefstal`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${t}`, 'x-justification': JUSTIFICATION },
          }),
        );
      expect((await put('pieter.janssens')).status).toBe(204);
      expect((await put('els.jacobs')).status).toBe(204);
      const outsider = await put('sofie.maes');
      expect(outsider.status).toBe(403);
      expect(await outsider.json()).toMatchObject({ type: `${PROBLEM}forbidden`, status: 403 });
    });

    it('filters lists with the same rule and logs the ids a list showed', async () => {
      const list = await f.get('/api/cases/investigations', 'sofie.maes');
      expect(list).toMatchObject({ status: 200, body: { ids: ['inv-drugs'] } });
      expect((await f.get('/api/cases/investigations', 'els.jacobs')).body).toEqual({ ids: ['inv-diefstal'] });
      const items = await eventually(async () => {
        const r = await f.get(`/api/audit/consultations?subject=inv-drugs`, 'ines.dubois');
        expect((r.body.items as unknown[]).length).toBe(1);
        return r.body.items as Record<string, unknown>[];
      });
      expect(items[0]).toMatchObject({
        kind: 'list',
        subject: { type: 'investigation', ids: ['inv-drugs'] },
        basis: 'team',
        reason: 'list of 1 visible record(s): team 1',
        actor: { staffId: staff('sofie.maes') },
      });
    });

    it('never shows an integrity complaint to an officer it names, whatever role or justification: 404, and oversight sees the attempt', async () => {
      const missing = await f.get('/api/cases/complaints/cmp-unknown', 'pieter.janssens');
      expect(missing.status).toBe(404);
      const named = await f.get('/api/cases/complaints/cmp-janssens', 'pieter.janssens');
      expect(named.status).toBe(404);
      expect({ ...named.body, instance: undefined }).toEqual({ ...missing.body, instance: undefined });
      expect(named.body).toEqual({
        type: `${PROBLEM}not-found`,
        title: 'Not found',
        status: 404,
        detail: 'There is no integrity complaint with this id.',
        instance: '/api/cases/complaints/cmp-janssens',
      });
      expect((await f.get('/api/cases/complaints/cmp-janssens', 'pieter.janssens', { 'x-justification': JUSTIFICATION })).status).toBe(404);
      // The compartment opens to BIT, but not for a BIT investigator the complaint names.
      expect(await f.get('/api/cases/complaints/cmp-janssens', 'bart.desmet')).toMatchObject({
        status: 200,
        body: { id: 'cmp-janssens', access: { basis: 'role' } },
      });
      expect((await f.get('/api/cases/complaints/cmp-desmet', 'bart.desmet')).status).toBe(404);
      expect((await f.get('/api/cases/complaints/cmp-janssens', 'sofie.maes', { 'x-justification': JUSTIFICATION })).status).toBe(404);
      expect((await f.get('/api/cases/complaints/cmp-janssens', 'hilde.mertens')).status).toBe(404);

      const attempts = await eventually(async () => {
        const r = await f.get(`/api/audit/consultations?subject=cmp-janssens&actor=${staff('pieter.janssens')}`, 'bart.desmet');
        expect((r.body.items as unknown[]).length).toBe(2);
        return r.body.items as Record<string, unknown>[];
      });
      for (const a of attempts)
        expect(a).toMatchObject({
          outcome: 'refused',
          refusal: 'hidden',
          reason: 'the record concerns the reader',
          breakGlass: false,
          justification: null,
        });
    });

    it('keeps the log of a sealed record from the people it concerns and from other compartments; the DPO sees all', async () => {
      expect(await f.get('/api/cases/complaints/cmp-tucht', 'hilde.mertens')).toMatchObject({
        status: 200,
        body: { access: { basis: 'role' } },
      });
      expect((await f.get('/api/cases/complaints/cmp-desmet', 'filip.vermeulen')).status).toBe(200);
      const dpoView = await eventually(async () => {
        const tucht = await f.get('/api/audit/consultations?subject=cmp-tucht', 'ines.dubois');
        const desmet = await f.get('/api/audit/consultations?subject=cmp-desmet', 'ines.dubois');
        expect((tucht.body.items as unknown[]).length).toBe(1);
        expect((desmet.body.items as unknown[]).length).toBe(2);
        return { tucht: tucht.body.items as Record<string, unknown>[], desmet: desmet.body.items as Record<string, unknown>[] };
      });
      expect(dpoView.tucht[0]).toMatchObject({
        actor: { staffId: staff('hilde.mertens') },
        subject: { compartments: ['integrity:Tucht'], concernedStaffIds: [staff('koen.claes')] },
      });
      expect(dpoView.desmet.map((c) => (c.actor as { staffId: string }).staffId).sort()).toEqual(
        [staff('filip.vermeulen'), staff('bart.desmet')].sort(),
      );
      // Bart De Smet (BIT) is named in cmp-desmet: the log does not tell him who looked at it; Tucht's file is not BIT's.
      expect(await f.get('/api/audit/consultations?subject=cmp-desmet', 'bart.desmet')).toMatchObject({
        status: 200,
        body: { items: [], nextCursor: null },
      });
      expect(await f.get('/api/audit/consultations?subject=cmp-tucht', 'bart.desmet')).toMatchObject({
        status: 200,
        body: { items: [], nextCursor: null },
      });
      // …while BIT sees the log of a BIT complaint that does not concern him: every read of it above, refused ones included.
      const janssens = (await f.get('/api/audit/consultations?subject=cmp-janssens', 'bart.desmet')).body.items as {
        actor: { staffId: string };
        outcome: string;
      }[];
      expect(janssens.map((c) => `${c.actor.staffId} ${c.outcome}`).sort()).toEqual(
        [
          `${staff('pieter.janssens')} refused`,
          `${staff('pieter.janssens')} refused`,
          `${staff('bart.desmet')} granted`,
          `${staff('sofie.maes')} refused`,
          `${staff('hilde.mertens')} refused`,
        ].sort(),
      );
    });

    it('stops an answer whose handler recorded no consultation', async () => {
      const res = await f.get('/api/cases/forgetful/inv-diefstal', 'pieter.janssens');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        type: `${PROBLEM}internal`,
        title: 'Internal error',
        status: 500,
        detail: 'The server could not complete the request. It has been logged.',
        instance: '/api/cases/forgetful/inv-diefstal',
      });
    });
  });

  describe('the consultation log', () => {
    it('is for the DPO and oversight only, and logs their own queries', async () => {
      for (const u of ['pieter.janssens', 'els.jacobs', 'filip.vermeulen', 'hilde.mertens', 'marc.goossens']) {
        const r = await f.get('/api/audit/consultations', u);
        expect(r).toMatchObject({ status: 403, body: { type: `${PROBLEM}forbidden`, status: 403 } });
      }
      const first = await f.get(`/api/audit/consultations?actor=${staff('pieter.janssens')}&limit=1`, 'ines.dubois');
      expect(first.status).toBe(200);
      const logged = await eventually(async () => {
        const r = await f.get(
          `/api/audit/consultations?actor=${staff('ines.dubois')}&subject=${(first.body.items as { id: string }[])[0].id}`,
          'bart.desmet',
        );
        expect((r.body.items as unknown[]).length).toBe(1);
        return (r.body.items as Record<string, unknown>[])[0];
      });
      expect(logged).toMatchObject({
        kind: 'list',
        subject: { type: 'consultation_log' },
        basis: 'role',
        endpoint: { method: 'GET', route: '/api/audit/consultations' },
      });
    });

    it('pages newest first and rejects bad filters with problem+json: malformed ones 400, a query the log cannot answer 422', async () => {
      const all = await f.get(`/api/audit/consultations?actor=${staff('pieter.janssens')}&limit=200`, 'ines.dubois');
      const ids = (all.body.items as { id: string; at: string }[]).map((i) => i.id);
      expect(ids.length).toBeGreaterThanOrEqual(4);
      const p1 = await f.get(`/api/audit/consultations?actor=${staff('pieter.janssens')}&limit=2`, 'ines.dubois');
      const p2 = await f.get(
        `/api/audit/consultations?actor=${staff('pieter.janssens')}&limit=2&cursor=${p1.body.nextCursor}`,
        'ines.dubois',
      );
      expect([...(p1.body.items as { id: string }[]), ...(p2.body.items as { id: string }[])].map((i) => i.id)).toEqual(ids.slice(0, 4));
      const bad = await f.get('/api/audit/consultations?limit=0&from=yesterday&colour=red', 'ines.dubois');
      expect(bad.status).toBe(400);
      expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['colour', 'from', 'limit']);
      // Well-formed, each alone: a string that is no cursor of ours, a range that ends before it starts.
      expect((await f.get('/api/audit/consultations?cursor=bm90LWEtY3Vyc29y', 'ines.dubois')).body).toMatchObject({
        status: 422,
        code: 'invalid_cursor',
        errors: [{ field: 'cursor' }],
      });
      expect((await f.get('/api/audit/consultations?from=2026-03-02&to=2026-03-01', 'ines.dubois')).body).toMatchObject({
        status: 422,
        code: 'invalid_range',
        errors: [{ field: 'to' }],
      });
    });

    it('holds ids and reasons, never the content that was read', async () => {
      const { rows } = await db.pool(1).query<{ data: unknown }>(`SELECT data FROM audit.events`);
      const dump = JSON.stringify(rows);
      expect(rows.length).toBeGreaterThan(10);
      for (const secret of ['Jan Smits', 'Woninginbraak', 'Minderjarige', 'Anonymous citizen', 'Cannabisplantage'])
        expect(dump).not.toContain(secret);
      const readModel = JSON.stringify((await db.pool(1).query(`SELECT * FROM audit.consultations`)).rows);
      expect(readModel).not.toContain('Jan Smits');
    });

    it('is a hash chain per day: verification passes, and detects an edited row', async () => {
      const day = utcDay(new Date());
      expect((await f.get(`/api/audit/consultations/verify?date=${day}`, 'pieter.janssens')).status).toBe(403);
      const before = await f.get(`/api/audit/consultations/verify?date=${day}`, 'ines.dubois');
      expect(before).toMatchObject({
        status: 200,
        body: { date: day, stream: `consultations-${day}`, ok: true, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
      expect(before.body.events).toBeGreaterThan(10);
      const c = await db.pool(1).connect();
      let edited: string;
      try {
        await expect(c.query(`UPDATE audit.events SET data = data`)).rejects.toThrow(/immutable/);
        await c.query('SET session_replication_role = replica');
        const { rows } = await c.query<{ event_id: string }>(
          `UPDATE audit.events SET data = jsonb_set(data, '{justification,text}', '"Routinecontrole"')
            WHERE event_id = (SELECT event_id FROM audit.events WHERE data->>'breakGlass' = 'true' ORDER BY stream_version LIMIT 1) RETURNING event_id`,
        );
        edited = rows[0].event_id;
        await c.query('SET session_replication_role = DEFAULT');
      } finally {
        c.release();
      }
      const after = await f.get(`/api/audit/consultations/verify?date=${day}`, 'bart.desmet');
      expect(after).toMatchObject({ status: 200, body: { date: day, ok: false, brokenAt: { eventId: edited, reason: 'content' } } });
      expect((await f.get('/api/audit/consultations/verify?date=2026-02-30', 'ines.dubois')).status).toBe(400);
    });

    it('refuses the read (503) when its consultation cannot be recorded', async () => {
      const admin = db.pool(1);
      await admin.query('ALTER TABLE audit.events RENAME TO events_offline');
      try {
        const res = await f.get('/api/cases/investigations/inv-diefstal', 'pieter.janssens');
        expect(res.status).toBe(503);
        expect(res.body).toEqual({
          type: `${PROBLEM}audit-unavailable`,
          title: 'Consultation log unavailable',
          status: 503,
          detail: 'The read could not be recorded in the consultation log, so it was not answered. Try again shortly.',
          instance: '/api/cases/investigations/inv-diefstal',
        });
      } finally {
        await admin.query('ALTER TABLE audit.events_offline RENAME TO events');
      }
      expect((await f.get('/api/cases/investigations/inv-diefstal', 'pieter.janssens')).status).toBe(200);
    });
  });
});

describe('hardening shared by every service', () => {
  let db: TestDatabase;
  const apps: Fixture[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('hardening');
  });
  afterAll(async () => {
    for (const a of apps) await a.app.close();
    await db?.drop();
  });
  const start = async (options: Parameters<typeof startApp>[1]): Promise<Fixture> => {
    const f = await startApp(db, options);
    apps.push(f);
    return f;
  };
  const post = (f: Fixture, body: unknown) =>
    fetch(`${f.url}/api/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('rate-limits the token endpoint per client with 429 problem+json and Retry-After', async () => {
    const f = await start({ rateLimits: { auth: { limit: 3, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i++) expect((await post(f, { username: 'an.peeters' })).status).toBe(200);
    const res = await post(f, { username: 'an.peeters' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await res.json()).toMatchObject({ type: `${PROBLEM}too-many-requests`, title: 'Too many requests', status: 429 });
  });

  it('rate-limits searches per principal', async () => {
    const f = await start({ rateLimits: { search: { limit: 2, windowMs: 60_000 } } });
    expect((await f.get('/api/cases/investigations', 'sofie.maes')).status).toBe(200);
    expect((await f.get('/api/cases/investigations', 'sofie.maes')).status).toBe(200);
    const third = await f.get('/api/cases/investigations', 'sofie.maes');
    expect(third).toMatchObject({ status: 429, body: { type: `${PROBLEM}too-many-requests` } });
    expect((await f.get('/api/cases/investigations', 'els.jacobs')).status).toBe(200);
    expect((await f.get('/api/cases/investigations/inv-drugs', 'sofie.maes')).status).toBe(200);
  });

  it('locks a client out of the dev issuer after 5 failed logins in 15 minutes', async () => {
    const f = await start({});
    for (let i = 0; i < 5; i++) {
      const res = await post(f, { username: `nobody.${i}` });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        type: `${PROBLEM}invalid-credentials`,
        status: 401,
        detail: 'There is no demo user with this name (GET /api/auth/dev/users lists them).',
      });
    }
    const locked = await post(f, { username: 'an.peeters' });
    expect(locked.status).toBe(429);
    const wait = Number(locked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(await locked.json()).toMatchObject({ type: `${PROBLEM}too-many-requests`, status: 429, retryAfter: wait });
  });

  it('lists the demo users of every persona and signs a token for one', async () => {
    const f = await start({});
    const users = (await (await fetch(`${f.url}/api/auth/dev/users`)).json()) as {
      username: string;
      roles: string[];
      teams: string[];
      unit: string;
      staffId: string;
    }[];
    expect(new Set(users.flatMap((u) => u.roles))).toEqual(
      new Set([
        'front_desk',
        'detective',
        'team_lead',
        'evidence_officer',
        'lab_liaison',
        'integrity_investigator',
        'discipline_officer',
        'dpo',
        'chief',
        'ops',
      ]),
    );
    expect(new Set(users.filter((u) => u.roles.includes('detective')).flatMap((u) => u.teams))).toEqual(
      new Set(['Diefstallen', 'Drugs', 'Zeden', 'Geweld']),
    );
    expect(users.find((u) => u.username === 'bart.desmet')).toEqual({
      username: 'bart.desmet',
      staffId: '5415-0401',
      displayName: 'Bart De Smet',
      roles: ['integrity_investigator'],
      teams: ['BIT'],
      unit: 'DIT/BIT',
    });
    const res = await post(f, { username: 'bart.desmet' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toEqual({
      access_token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/),
      token_type: 'Bearer',
      expires_in: 8 * 3600,
    });
    const payload = JSON.parse(Buffer.from(body.access_token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({
      iss: DEV_ISSUER,
      aud: PLATFORM_AUDIENCE,
      sub: '5415-0401',
      staff_id: '5415-0401',
      realm_access: { roles: ['integrity_investigator'] },
      teams: ['BIT'],
      unit: 'DIT/BIT',
    });
    const bad = await post(f, { username: 'x', password: 'secret' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ field: 'password', detail: 'property password should not exist' }] });
  });

  it('logs each request as JSON with its correlation id, and no token, query string or body', async () => {
    const logs: string[] = [];
    const f = await start({ logs });
    const token = await f.token('sofie.maes');
    const res = await fetch(`${f.url}/api/cases/investigations/inv-drugs?naam=Tom%20De%20Wolf`, {
      headers: { authorization: `Bearer ${token}`, 'x-correlation-id': 'corr-test-0001', cookie: 'session=abc' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe('corr-test-0001');
    const line = await eventually(() => {
      const l = logs
        .map((x) => JSON.parse(x) as Record<string, unknown>)
        .find((x) => x.correlationId === 'corr-test-0001' && x.msg === 'request completed');
      if (!l) throw new Error('request not logged yet');
      return l;
    });
    expect(line).toMatchObject({
      level: 30,
      correlationId: 'corr-test-0001',
      req: { method: 'GET' },
      path: '/api/cases/investigations/:id',
      res: { statusCode: 200 },
    });
    expect(Object.keys(line).sort()).toEqual([
      'correlationId',
      'hostname',
      'level',
      'msg',
      'path',
      'pid',
      'req',
      'res',
      'responseTime',
      'time',
    ]);
    expect(line.req).toEqual({ method: 'GET' });
    const all = logs.join('\n');
    for (const leak of [
      token.slice(0, 20),
      'Bearer',
      'session=abc',
      'Tom De Wolf',
      'Tom%20De%20Wolf',
      'naam=',
      'Cannabisplantage',
      'sofie.maes',
      staff('sofie.maes'),
    ])
      expect(all).not.toContain(leak);

    const generated = await fetch(`${f.url}/api/auth/dev/users`, { headers: { 'x-correlation-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and refuses oversized bodies with 413 problem+json', async () => {
    const f = await start({});
    const res = await fetch(`${f.url}/api/auth/dev/users`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Case data stays out of browser and proxy caches (and a 304 cannot bring back an older body).
    expect(res.headers.get('cache-control')).toBe('no-store');
    const big = await post(f, { username: 'an.peeters', padding: 'x'.repeat(300_000) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ status: 413, title: 'Payload too large', detail: 'The request body is larger than allowed.' });
  });
});

describe('a host with an unprotected route', () => {
  it('refuses to start, naming the route', async () => {
    const db = await createTestDatabase('unprotected');
    try {
      @Controller('open')
      class OpenController {
        @Get('door')
        door(): string {
          return 'in';
        }
      }
      @Module({
        imports: [
          SecurityModule.forRoot({
            mode: 'embedded',
            pool: db.pool(2),
            auditPath: 'audit',
            authentication: { kind: 'dev' },
            logLevel: 'silent',
          }),
        ],
        controllers: [OpenController],
      })
      class OpenModule {}
      const app = await NestFactory.create(OpenModule, { logger: false });
      configureHttpApp(app);
      await expect(app.init()).rejects.toThrow(
        'GET /api/open/door (OpenController.door) has no access policy: add @Public(), @Allow(...roles) or @Authenticated()',
      );
      await app.close();
    } finally {
      await db.drop();
    }
  });
});
