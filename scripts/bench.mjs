#!/usr/bin/env node
// `npm run bench`: starts (or finds) real PostgreSQL, and Kafka when the cross-service suite runs, compiles,
// runs bench/main.ts, prints tables and saves bench/results/latest.json. BENCH_SECONDS (default 10) sets each
// load phase's length; BENCH_ONLY (comma-separated suite names) runs some suites only. Then the web
// console's figures (apps/console/scripts/bench.mjs): initial JavaScript and first screen interactive.
// Servers it starts follow infra/native's variables (POLICE_INFRA_DIR, NATIVE_*_PORT) and are stopped at
// the end; the bench runs in a process group of its own, killed whole once it ends, so no service main
// it started outlives it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, ensureDependencies, run } from './start.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies();
const { resolveInfrastructure } = require(path.join(root, 'libs/testing/src/infrastructure.cjs'));
// Only the cross-service suite talks to Kafka: the others do not wait for a broker to start.
const only = process.env.BENCH_ONLY?.split(',');
const infra = await resolveInfrastructure({ kafka: !only || only.includes('cross-service') });
build();
const child = run(
  'bench/main.js',
  process.argv.slice(2),
  { DATABASE_URL: process.env.DATABASE_URL },
  { exitWithChild: false, detached: true },
);
child.on('exit', async (code) => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group has ended with the bench
  }
  await infra.stop();
  const console_ = spawnSync(process.execPath, [path.join(root, 'apps/console/scripts/bench.mjs')], { cwd: root, stdio: 'inherit' });
  process.exit(code === 0 && console_.status === 0 ? 0 : (code ?? 1) || 1);
});
