#!/usr/bin/env node
// `npm run seed:scale [-- <events>]`: starts (or finds) real PostgreSQL like `npm run bench`, compiles, and seeds
// about a million events (or <events>) over the four services into a new database (bench/seed-scale.main.ts),
// with progress; servers it started are stopped at the end. Follows infra/native's variables (POLICE_INFRA_DIR, NATIVE_*_PORT).
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
const child = run('bench/seed-scale.main.js', process.argv.slice(2), { DATABASE_URL: process.env.DATABASE_URL }, { exitWithChild: false });
child.on('exit', async (code) => {
  await infra.stop();
  process.exit(code ?? 1);
});
