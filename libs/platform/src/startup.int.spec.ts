// Start-up while PostgreSQL is away (a TCP proxy of the test's own, cut): the port answers liveness 200 and
// readiness 503 at once, the store is tried again with back-off, and start-up goes on as soon as it is back.
import { Logger } from '@nestjs/common';
import { createTestDatabase, eventually, freePort, startTcpProxy, TcpProxy, TestDatabase } from '@police/testing';
import { Pool } from 'pg';
import { listenWhileStarting, waitForStore } from './startup';

const quiet = new Logger('startup-test');
/** What the start-up logged as warnings: each says which attempt failed. */
const warnings: string[] = [];
quiet.warn = (message: unknown) => void warnings.push(String(message));
quiet.log = () => undefined;

describe('start-up while the store is away', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('startup');
    const target = new URL(db.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) }, { listening: false });
    const viaProxy = new URL(db.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    pool = new Pool({ connectionString: viaProxy.toString(), max: 1, connectionTimeoutMillis: 2000 });
  });

  afterAll(async () => {
    await pool.end();
    await proxy.close();
    await db.drop();
  });

  it('answers liveness 200 and readiness 503 with Retry-After while it waits, and goes on once PostgreSQL takes a query', async () => {
    const port = await freePort();
    const starting = await listenWhileStarting('evidence', port, '127.0.0.1');
    try {
      let done = false;
      const waiting = waitForStore(pool, 'evidence', { backoff: { initialMs: 50, maxMs: 200 }, logger: quiet }).then(() => (done = true));
      const base = `http://127.0.0.1:${port}/api/evidence`;
      const live = await fetch(`${base}/health/live`);
      expect({ status: live.status, body: await live.json() }).toEqual({
        status: 200,
        body: { service: 'evidence', status: 'alive', defects: 0 },
      });
      const ready = await fetch(`${base}/health/ready`);
      expect({
        status: ready.status,
        type: ready.headers.get('content-type'),
        retryAfter: ready.headers.get('retry-after'),
        body: await ready.json(),
      }).toMatchObject({
        status: 503,
        type: 'application/problem+json; charset=utf-8',
        retryAfter: '5',
        body: { type: 'https://police-case-platform.example/problems/not-ready', status: 503, checks: { store: 'down' } },
      });
      const write = await fetch(`${base}/items`, { method: 'POST' });
      expect({ status: write.status, body: await write.json() }).toMatchObject({
        status: 503,
        body: { type: 'https://police-case-platform.example/problems/store-unavailable' },
      });
      // Ten failed attempts later (the store is still cut off), start-up is still waiting rather than giving up.
      await eventually(
        () => {
          if (!warnings.some((w) => /attempt 10, retrying/.test(w))) throw new Error('not yet tried ten times');
        },
        { timeoutMs: 20_000 },
      );
      expect(done).toBe(false);

      await proxy.restore();
      const t0 = Date.now();
      await waiting;
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      await starting.close();
    }
    // The port is free again for the service itself.
    const again = await listenWhileStarting('evidence', port, '127.0.0.1');
    await again.close();
  });

  it('does not wait for a failure that waiting cannot cure (a database that does not exist)', async () => {
    const url = new URL(db.url);
    url.pathname = '/no_such_database_startup';
    const wrong = new Pool({ connectionString: url.toString(), max: 1 });
    try {
      await expect(waitForStore(wrong, 'evidence', { logger: quiet })).rejects.toMatchObject({ code: '3D000' });
    } finally {
      await wrong.end();
    }
  });
});
