// Rules every route of the embedded app keeps, checked on its whole inventory (so a new route is held
// to them without a line here): every list or search is rate-limited per person, and a path answers a
// method it does not serve with 405 and Allow.
import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { InProcessMessageBus } from '@police/messaging';
import { DEV_USERS, discoverRoutes, isListOrSearch, RouteEntry, servedRoutes } from '@police/security';
import { createTestDatabase, TestDatabase } from '@police/testing';
import { METHODS } from 'node:http';
import { createEmbeddedApp } from './embedded.module';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('rules on every route of the embedded app', () => {
  let db: TestDatabase;
  let bus: InProcessMessageBus;
  let app: INestApplication;
  let url: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase('routes');
    bus = new InProcessMessageBus();
    // One search per person per minute: the second call of each list route must be refused.
    app = await createEmbeddedApp({
      pool: db.pool(1),
      bus,
      notifications: false,
      security: { logLevel: 'silent', rateLimits: { auth: { limit: 1000, windowMs: 60_000 }, search: { limit: 1, windowMs: 60_000 } } },
    });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    for (const { username } of DEV_USERS) {
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

  /** A demo user the route's policy lets in. */
  function allowedUser(route: RouteEntry): string {
    const policy = route.policy!;
    const user = DEV_USERS.find(
      (u) => policy.kind === 'authenticated' && (policy.roles === 'any' || u.roles.some((r) => (policy.roles as string[]).includes(r))),
    );
    if (!user) throw new Error(`no demo user may call ${route.method} ${route.path}`);
    return user.username;
  }

  it('rate-limits every list or search route per person: the call past the limit answers 429 with Retry-After', async () => {
    const lists = discoverRoutes(app.get(ModulesContainer)).filter(isListOrSearch);
    // Reports, investigations, persons, items, overdue items, found objects, loss declarations, complaints,
    // early warnings, order measures, threat files, deadlines, statistics, the consultation log and its check.
    expect(lists.length).toBeGreaterThanOrEqual(15);
    expect(lists.filter((r) => r.rateLimit !== 'search').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const refused: string[] = [];
    for (const route of lists) {
      const headers = { authorization: `Bearer ${tokens.get(allowedUser(route))}` };
      const first = await fetch(`${url}${route.path}`, { headers });
      expect({ route: route.path, first: first.status }).not.toEqual({ route: route.path, first: 429 });
      const second = await fetch(`${url}${route.path}`, { headers });
      if (
        second.status === 429 &&
        second.headers.get('retry-after') &&
        second.headers.get('content-type')?.includes('application/problem+json')
      )
        refused.push(route.path);
    }
    expect(refused).toEqual(lists.map((r) => r.path));
  });

  it('answers a method a path does not serve with 405 problem+json and the methods it does serve in Allow', async () => {
    const served = servedRoutes(app);
    const checked: string[] = [];
    for (const route of served) {
      const concrete = route.path.replace(/:[A-Za-z]+/g, SOME_ID);
      const methodsHere = new Set(
        served.filter((r) => new RegExp(`^${r.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`).test(concrete)).map((r) => r.method),
      );
      const unserved = ['PUT', 'PATCH', 'DELETE', 'POST', 'GET'].find((m) => !methodsHere.has(m) && METHODS.includes(m))!;
      const res = await fetch(`${url}${concrete}`, { method: unserved });
      const expectedAllow = [...methodsHere, ...(methodsHere.has('GET') ? ['HEAD'] : [])].sort().join(', ');
      expect({
        path: concrete,
        method: unserved,
        status: res.status,
        allow: res.headers.get('allow'),
        type: res.headers.get('content-type'),
      }).toEqual({
        path: concrete,
        method: unserved,
        status: 405,
        allow: expectedAllow,
        type: expect.stringContaining('application/problem+json'),
      });
      checked.push(concrete);
    }
    expect(checked.length).toBe(served.length);
  });
});
