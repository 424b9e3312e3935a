import { DynamicModule, INestApplication, Module, Type } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import { ApiClients, createApiClients } from '@police/api-client';
import { InProcessMessageBus } from '@police/messaging';
import { configureHttpApp, ServiceRuntime } from '@police/platform';
import { DEV_USERS, SecurityModule } from '@police/security';
import { createTestDatabase, TestDatabase } from '@police/testing';
import type { Pool } from 'pg';
import type { Middleware } from 'openapi-fetch';
import { conformanceCheck } from './api-conformance';

/** What a call over HTTP answered. `json` is the parsed body when the content type is JSON. */
export interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
  // Tests read answers field by field and assert their shape; typing every answer would add nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json?: any;
}

export type ServiceName = ServiceRuntime['service'];

/** openapi-fetch's `request` without its path and body types, for calls a test builds itself. */
function untyped(clients: ApiClients): { request(method: string, path: string, init: Record<string, unknown>): Promise<unknown> } {
  return clients.platform as unknown as { request(method: string, path: string, init: Record<string, unknown>): Promise<unknown> };
}

export interface ServiceTestApp {
  app: INestApplication;
  /** The app's base URL (`http://127.0.0.1:<port>`). */
  url: string;
  db: TestDatabase;
  /** The one connection everything shares, as in embedded mode. */
  pool: Pool;
  bus: InProcessMessageBus;
  /** A development-issuer token of a demo user, by username. */
  token(username: string): string;
  /**
   * Calls the app as a demo user (`null`: no token). `path` is the full path, from `/api`. Goes through the
   * generated client, so every answer is checked against the route's OpenAPI document (status, content
   * type, body schema): one that departs from it fails the test.
   */
  request(username: string | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** The typed clients (libs/api-client) as a demo user (`null`: no token), checking every answer against its document. */
  client(username: string | null): ApiClients;
  close(): Promise<void>;
}

/**
 * One service over HTTP as the embedded product runs it: security with the development issuer and the
 * consultation log, the in-process bus, one PostgreSQL connection on a fresh database, the service's
 * module under `/api/<service>`; tokens for every demo user.
 */
export async function startServiceApp<M>(o: {
  service: ServiceName;
  module: Type<M>;
  register: (runtime: ServiceRuntime) => DynamicModule;
}): Promise<ServiceTestApp> {
  const db = await createTestDatabase(o.service);
  const pool = db.pool(1);
  const bus = new InProcessMessageBus();
  const runtime: ServiceRuntime = {
    service: o.service,
    mode: 'embedded',
    schema: o.service,
    pool,
    sharedPool: true,
    notifications: false,
    bus,
  };
  @Module({
    imports: [
      SecurityModule.forRoot({
        mode: 'embedded',
        pool,
        notifications: false,
        auditPath: 'audit',
        authentication: { kind: 'dev' },
        logLevel: 'silent',
        rateLimits: { auth: { limit: 1000, windowMs: 60_000 }, search: { limit: 100_000, windowMs: 60_000 } },
      }),
      o.register(runtime),
      RouterModule.register([{ path: o.service, module: o.module }]),
    ],
  })
  class ServiceTestHost {}
  const app = await NestFactory.create(ServiceTestHost, { logger: false });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const tokens = new Map<string, string>();
  for (const user of DEV_USERS) {
    const res = await fetch(`${url}/api/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username }),
    });
    if (res.status !== 200) throw new Error(`no token for ${user.username}: ${res.status} ${await res.text()}`);
    tokens.set(user.username, ((await res.json()) as { access_token: string }).access_token);
  }
  const token = (username: string): string => {
    const t = tokens.get(username);
    if (!t) throw new Error(`no demo user ${username}`);
    return t;
  };
  const client = (username: string | null): ApiClients => {
    const clients = createApiClients(url, () => (username ? token(username) : undefined));
    for (const c of Object.values(clients)) c.use(conformanceCheck());
    return clients;
  };
  return {
    app,
    url,
    db,
    pool,
    bus,
    token,
    client,
    request: async (username, method, path, body, headers = {}) => {
      let answer: Omit<Answer, 'json'> | undefined;
      const capture: Middleware = {
        async onResponse({ response }) {
          const contentType = response.headers.get('content-type') ?? '';
          if (contentType.startsWith('text/event-stream')) {
            // A live stream never ends by itself: its first frame is the answer.
            const text = await firstFrame(response);
            answer = { status: response.status, contentType, headers: response.headers, text };
            return new Response(text, { status: response.status, headers: response.headers });
          }
          answer = { status: response.status, contentType, headers: response.headers, text: await response.clone().text() };
          return response;
        },
      };
      // Any route, as tests write them (concrete paths, bodies the document may refuse): the untyped entry of the client.
      await untyped(client(username)).request(method.toLowerCase(), path, { body, headers, parseAs: 'text', middleware: [capture] });
      const a = answer!;
      return { ...a, json: a.contentType.includes('json') && a.text !== '' ? JSON.parse(a.text) : undefined };
    },
    close: async () => {
      await app.close();
      await bus.close();
      await db.drop();
    },
  };
}

async function firstFrame(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}
