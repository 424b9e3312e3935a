// /health against real PostgreSQL: it reports down when the store cannot write, though it still answers reads.
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { migrate } from '@police/event-store';
import { InProcessMessageBus } from '@police/messaging';
import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import type { Pool } from 'pg';
import { HEALTH_PROBE_TTL_MS, healthController, PLATFORM_MIGRATIONS, StoreProbe } from './health';
import { configureHttpApp } from './http-app';
import { SERVICE_RUNTIME, ServiceRuntime } from './runtime';

describe('/health', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: ServiceRuntime;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase('health');
    pool = db.pool(1);
    runtime = {
      service: 'evidence',
      mode: 'embedded',
      schema: 'evidence',
      pool,
      sharedPool: true,
      notifications: false,
      bus: new InProcessMessageBus(),
    };
    await pool.query('CREATE SCHEMA evidence');
    await migrate(pool, 'evidence', PLATFORM_MIGRATIONS, 'platform_migrations');
    @Module({ controllers: [healthController('evidence')], providers: [{ provide: SERVICE_RUNTIME, useValue: runtime }] })
    class HealthModule {}
    app = await NestFactory.create(HealthModule, { logger: false });
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/api/health`;
  });

  afterAll(async () => {
    await app.close();
    await runtime.bus.close();
    await db.drop();
  });

  const probeRow = async () =>
    (
      await pool.query<{ checked_at: Date }>("SELECT checked_at FROM evidence.health_probe WHERE service = 'evidence'")
    ).rows[0]?.checked_at.getTime();

  it('is up, 200, when the store writes: the probe row was just rewritten', async () => {
    const before = Date.now();
    const res = await fetch(url);
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 200,
      body: { service: 'evidence', status: 'up', checks: { database: 'up' } },
    });
    expect(await probeRow()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('is down, 503, while the database refuses writes though it still answers SELECT 1, and up again after', async () => {
    const admin = db.pool(1);
    await admin.query(`ALTER DATABASE "${db.name}" SET default_transaction_read_only = on`);
    // The pool's open connection keeps its session settings: make it read-only as well.
    await pool.query('SET default_transaction_read_only = on');
    try {
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      const down = await eventually(
        async () => {
          const res = await fetch(url);
          expect(res.status).toBe(503);
          return res.json();
        },
        { timeoutMs: 10_000, intervalMs: 250 },
      );
      expect(down).toEqual({ service: 'evidence', status: 'down', checks: { database: 'down' } });
    } finally {
      await admin.query(`BEGIN READ WRITE; ALTER DATABASE "${db.name}" RESET default_transaction_read_only; COMMIT`);
    }
    await pool.query('SET default_transaction_read_only = off').catch(() => undefined);
    await eventually(async () => expect((await fetch(url)).status).toBe(200), { timeoutMs: 10_000, intervalMs: 250 });
  });

  it(`writes at most once per ${HEALTH_PROBE_TTL_MS} ms, however often it is asked`, async () => {
    let now = Date.now() + 60_000;
    const probe = new StoreProbe(runtime, () => now);
    expect(await probe.up()).toBe(true);
    const first = await probeRow();
    expect(await Promise.all(Array.from({ length: 20 }, () => probe.up()))).toEqual(Array(20).fill(true));
    expect(await probeRow()).toBe(first);
    now += HEALTH_PROBE_TTL_MS;
    expect(await probe.up()).toBe(true);
    expect(await probeRow()).toBeGreaterThan(first!);
  });
});
