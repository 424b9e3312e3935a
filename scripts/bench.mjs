#!/usr/bin/env node
// `npm run bench`: starts (or finds) real PostgreSQL, compiles, runs bench/main.ts, prints tables and
// saves bench/results/latest.json. BENCH_SECONDS (default 10) sets each load phase's length. Then the web
// console's figures (apps/console/scripts/bench.mjs): initial JavaScript and first screen interactive.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, ensureDependencies, run } from './start.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies();
const { resolveInfrastructure } = require(path.join(root, 'libs/testing/src/infrastructure.cjs'));
const infra = await resolveInfrastructure({ kafka: false });
build();
const child = run('bench/main.js', process.argv.slice(2), { DATABASE_URL: process.env.DATABASE_URL }, { exitWithChild: false });
child.on('exit', async (code) => {
  await infra.stop();
  const console_ = spawnSync(process.execPath, [path.join(root, 'apps/console/scripts/bench.mjs')], { cwd: root, stdio: 'inherit' });
  process.exit(code === 0 && console_.status === 0 ? 0 : (code ?? 1) || 1);
});
