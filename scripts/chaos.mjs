#!/usr/bin/env node
// `npm run chaos` (short form) / `npm run chaos -- --long` (every round, more load; for release checks):
// the fault-injection suite, infra/embedded/src/chaos/faults.chaos.spec.ts (docs/adr/0047-fault-injection-suite.md).
// It starts PostgreSQL and Kafka of its own (infra/native/infra.mjs in a temporary folder under /var/tmp, on
// free ports of 127.0.0.1, Kafka with a second listener for the network-cut round), runs the suite with
// Jest in a process group of its own, and whatever happens (success, failure, Ctrl-C, SIGTERM, the time
// limit) kills that group, stops both servers and removes the folder: nothing it started keeps running.
// The result goes to the test run's results folder like every Jest run's (scripts/jest.mjs).
// CHAOS_TIME_LIMIT (seconds): short form 600, long form 1800.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const long = process.argv.includes('--long');
const limitSeconds = Number(process.env.CHAOS_TIME_LIMIT) || (long ? 1800 : 600);
const sharedRoot = path.resolve(process.env.POLICE_INFRA_DIR || '/var/tmp/police-case-platform');
const log = (m) => console.log(`[chaos] ${m}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

// A folder of its own under /var/tmp (PostgreSQL's OS user must reach it); Kafka's jars from the shared cache.
mkdirSync('/var/tmp', { recursive: true });
const dir = mkdtempSync('/var/tmp/police-chaos-');
spawnSync('chmod', ['755', dir]);
if (existsSync(path.join(sharedRoot, 'cache'))) symlinkSync(path.join(sharedRoot, 'cache'), path.join(dir, 'cache'));
const [pg, kafka, controller, keycloak, side, sideProxy] = await Promise.all(Array.from({ length: 6 }, freePort));
const infraEnv = {
  POLICE_INFRA_DIR: dir,
  NATIVE_PG_PORT: String(pg),
  NATIVE_KAFKA_PORT: String(kafka),
  NATIVE_KAFKA_CONTROLLER_PORT: String(controller),
  NATIVE_KEYCLOAK_PORT: String(keycloak),
  NATIVE_KAFKA_SIDE_LISTENER: `${side}:${sideProxy}`,
  NATIVE_KAFKA_HEAP_OPTS: '-Xmx384m -Xms128m',
};
const env = {
  ...process.env,
  ...infraEnv,
  DATABASE_URL: `postgres://postgres@127.0.0.1:${pg}/postgres`,
  KAFKA_BROKERS: `127.0.0.1:${kafka}`,
  CHAOS_FORM: long ? 'long' : 'short',
};
delete env.OIDC_ISSUER;

const infra = (...args) =>
  spawnSync(process.execPath, [path.join(root, 'infra/native/infra.mjs'), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 180_000,
  });

let child;
let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group has ended
    }
  }
  const down = infra('down', '--only=pg,kafka', '--mode=immediate');
  if (down.status !== 0) console.error(`[chaos] infra.mjs down failed (exit ${down.status}); left in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  const left = spawnSync('pgrep', ['-f', dir], { encoding: 'utf8' }).stdout.trim();
  if (left) console.error(`[chaos] still running from ${dir}: ${left.split('\n').join(' ')}`);
}

function finish(code) {
  cleanUp();
  // Jest writes the rounds' counts; a run it could not finish (time limit, signal) counts as one failure.
  const resultsDir = process.env.POLICE_TEST_RESULTS ?? path.join(root, 'dist', 'test-results');
  const results = path.join(resultsDir, 'infra_embedded-chaos.json');
  if (code !== 0 && child && !existsSync(results)) {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(results, JSON.stringify({ project: 'infra/embedded', kind: 'chaos', passed: 0, failed: 1, pending: 0, success: false }));
  }
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => finish(130));
process.on('uncaughtException', (e) => {
  console.error(e);
  finish(1);
});

const t0 = Date.now();
log(
  `${long ? 'long' : 'short'} form; servers of its own in ${dir} (PostgreSQL ${pg}, Kafka ${kafka}, side listener ${side} via proxy ${sideProxy}); limit ${limitSeconds} s`,
);
const up = infra('up', '--only=pg,kafka');
if (up.status !== 0) {
  console.error('[chaos] the servers did not start');
  finish(1);
}
log(`servers up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const timer = setTimeout(() => {
  console.error(`[chaos] FAILED: time limit of ${limitSeconds} s reached`);
  finish(1);
}, limitSeconds * 1000);
child = spawn(process.execPath, [path.join(root, 'scripts/jest.mjs'), 'infra/embedded', 'chaos'], {
  cwd: root,
  env,
  stdio: 'inherit',
  detached: true,
});
const code = await new Promise((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
clearTimeout(timer);
log(`${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
finish(code);
