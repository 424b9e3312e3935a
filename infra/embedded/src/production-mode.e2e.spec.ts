import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createTestDatabase, eventually, TestDatabase } from '@police/testing';

const root = path.resolve(__dirname, '..', '..', '..');
const services = ['reports', 'investigations', 'evidence', 'integrity'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

// `nx serve <service>` runs scripts/serve.mjs: compile, then the service's own main against
// DATABASE_URL / KAFKA_BROKERS. Here: compile once, then start all four as separate processes.
describe('production-like mode: each service on its own against real PostgreSQL', () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('prod');
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
    expect(build.status).toBe(0);
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGTERM'))))));
    await db.drop();
  });

  it('starts every service alone, answering health and OpenAPI under /api/<service>', async () => {
    const ports = await Promise.all(services.map(() => freePort()));
    services.forEach((s, i) => {
      const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', `dist/out-tsc/services/${s}/src/main.js`], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(ports[i]),
          HOST: '127.0.0.1',
          DATABASE_URL: db.url,
          TS_NODE_PROJECT: path.join(root, 'tsconfig.base.json'),
          TS_NODE_BASEURL: path.join(root, 'dist/out-tsc'),
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
      const doc = (await (await fetch(`http://127.0.0.1:${ports[i]}/api/${s}/docs-json`)).json()) as { info: { title: string } };
      expect(doc.info.title).toBe(`${s} API`);
    }
    const schemas = await db.pool(1).query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname = ANY($1) ORDER BY nspname`, [services]);
    expect(schemas.rows.map((r) => r.nspname)).toEqual([...services].sort());
  });

  it('refuses to start without DATABASE_URL or KAFKA_BROKERS, naming the variable', () => {
    const r = spawnSync(process.execPath, ['-r', 'tsconfig-paths/register', 'dist/out-tsc/services/evidence/src/main.js'], {
      cwd: root,
      env: { PATH: process.env.PATH, TS_NODE_PROJECT: path.join(root, 'tsconfig.base.json'), TS_NODE_BASEURL: path.join(root, 'dist/out-tsc') },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL is not set');

    const noKafka = spawnSync(process.execPath, ['-r', 'tsconfig-paths/register', 'dist/out-tsc/services/evidence/src/main.js'], {
      cwd: root,
      env: { PATH: process.env.PATH, DATABASE_URL: db.url, TS_NODE_PROJECT: path.join(root, 'tsconfig.base.json'), TS_NODE_BASEURL: path.join(root, 'dist/out-tsc') },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(noKafka.status).toBe(1);
    expect(noKafka.stderr).toContain('KAFKA_BROKERS is not set');
  });
});
