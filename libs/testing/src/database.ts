import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

/** DATABASE_URL of the resolved test server (set by the Jest global setup or the orchestrator). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run integration tests through `npm test` or `nx test-int <project>`');
  return url;
}

/** KAFKA_BROKERS of the resolved test broker(s). */
export function testKafkaBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run integration tests through `npm test` or `nx test-int <project>`');
  return brokers.split(',');
}

export interface TestDatabase {
  name: string;
  url: string;
  /** A pool on the test database; closed by `drop()`. */
  pool(max?: number): Pool;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, so test files never see each other's rows. */
export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const base = testDatabaseUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(base);
  u.pathname = `/${name}`;
  const url = u.toString();
  const pools: Pool[] = [];
  return {
    name,
    url,
    pool(max = 10) {
      const p = new Pool({ connectionString: url, max });
      p.on('error', () => undefined);
      p.on('connect', (client) => client.on('error', () => undefined));
      pools.push(p);
      return p;
    },
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      const c = new Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
