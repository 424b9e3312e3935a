#!/usr/bin/env node
// `npm test`: lint (with the boundary-rule and docs checks), type-check, then every unit, integration and e2e test
// of the workspace against real PostgreSQL and Kafka, which it resolves or starts itself; then the web
// console: its type-check, build and component tests, and its browser tests (Playwright in Debian's
// Chromium) against the real embedded product; then the fault-injection suite's short form (scripts/chaos.mjs);
// last, contract fuzzing of every API document with Schemathesis against the embedded product (scripts/fuzz.mjs).
// `npm run test:unit` (--unit): lint, type-check, unit tests and the console's component tests, no servers.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertLockfileInstalls } from './lockfile.mjs';
import { ensureDependencies } from './start.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const unitOnly = process.argv.includes('--unit');
const nx = path.join(root, 'node_modules', '.bin', 'nx');
const resultsDir = path.join(root, 'dist', 'test-results', `run-${process.pid}`);
// POLICE_TEST_ORCHESTRATED: a test file that starts the native Keycloak leaves it to this script to stop
// (once every test that signs in with Keycloak has run), instead of stopping it itself.
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  NX_NO_CLOUD: 'true',
  FORCE_COLOR: '0',
  POLICE_TEST_RESULTS: resultsDir,
  POLICE_TEST_ORCHESTRATED: '1',
};

function step(title, cmd, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`=== ${title}: FAILED after ${secs}s`);
    return false;
  }
  console.log(`=== ${title}: ok (${secs}s)`);
  return true;
}

function totals() {
  let passed = 0;
  let failed = 0;
  let pending = 0;
  if (!existsSync(resultsDir)) return { passed, failed, pending };
  for (const f of readdirSync(resultsDir)) {
    const r = JSON.parse(readFileSync(path.join(resultsDir, f), 'utf8'));
    passed += r.passed;
    failed += r.failed;
    pending += r.pending;
  }
  return { passed, failed, pending };
}

rmSync(resultsDir, { recursive: true, force: true });
assertLockfileInstalls();
ensureDependencies();
let ok = true;
ok = step('lint', nx, ['run-many', '-t', 'lint', '--output-style=stream', '--skip-nx-cache']) && ok;
ok =
  step('format (Prettier --check; npm run format writes it)', process.execPath, [
    path.join(root, 'node_modules/prettier/bin/prettier.cjs'),
    '--check',
    '.',
    '--log-level',
    'warn',
  ]) && ok;
ok = step('lint rule check (bad fixtures must fail)', process.execPath, ['scripts/check-boundaries.mjs']) && ok;
ok = step('design documents inside the repository (links resolve)', process.execPath, ['scripts/check-docs.mjs']) && ok;
ok =
  step('lint: Kubernetes manifests (kubeconform, strict, against the Kubernetes API schemas)', process.execPath, [
    'scripts/k8s-validate.mjs',
  ]) && ok;
ok = step('dashboards and alert rules (promtool check and test rules)', process.execPath, ['scripts/observability-check.mjs']) && ok;
ok = step('type-check', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']) && ok;
ok = step('API client is current (npm run api:generate)', process.execPath, ['scripts/api-generate.mjs', '--check']) && ok;
ok = step('unit tests', nx, ['run-many', '-t', 'test', '--exclude=console', '--output-style=stream', '--skip-nx-cache']) && ok;
ok =
  step('console: type-check, build, component tests', nx, [
    'run-many',
    '-t',
    'typecheck',
    'build',
    'test',
    '-p',
    'console',
    '--parallel=1',
    '--output-style=stream',
    '--skip-nx-cache',
  ]) && ok;

/** The console's browser tests (embedded product; one signs in with the real Keycloak). */
function browserStep() {
  return step('console: browser tests (Playwright, real embedded product)', nx, ['run', 'console:browser', '--output-style=stream']);
}

if (!unitOnly) {
  const { resolveInfrastructure, nativeKeycloakRunning, stopNativeKeycloak } = require(
    path.join(root, 'libs/testing/src/infrastructure.cjs'),
  );
  // Keycloak is started by the first test that signs in with it (libs/testing startTestKeycloak), not here:
  // only those tests pay its start. If this run started the native one, it is stopped at the end.
  const keycloakGiven = Boolean(process.env.OIDC_ISSUER);
  const keycloakWasRunning = keycloakGiven ? true : await nativeKeycloakRunning().catch(() => true);
  let infra;
  try {
    infra = await resolveInfrastructure();
  } catch (e) {
    console.error(`\n=== infrastructure: FAILED\n${e?.stack ?? e}`);
    ok = false;
  }
  if (!infra) ok = browserStep() && ok;
  if (infra) {
    const serverEnv = { DATABASE_URL: process.env.DATABASE_URL, KAFKA_BROKERS: process.env.KAFKA_BROKERS };
    try {
      ok = step('integration tests', nx, ['run-many', '-t', 'test-int', '--output-style=stream', '--parallel=1'], serverEnv) && ok;
      ok = step('e2e tests', nx, ['run-many', '-t', 'e2e', '--output-style=stream', '--parallel=1'], serverEnv) && ok;
      // Before Keycloak stops: the browser test of the real sign-in reuses the one the e2e tests started.
      ok = browserStep() && ok;
    } finally {
      if (!keycloakWasRunning && (await nativeKeycloakRunning().catch(() => false))) {
        const t0 = Date.now();
        await stopNativeKeycloak((m) => console.log(m)).catch((e) => {
          console.error(`=== stopping Keycloak: FAILED\n${e?.stack ?? e}`);
          ok = false;
        });
        console.log(`=== Keycloak (started by this run's tests) stopped in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      }
      await infra.stop();
    }
  }
  // The fault-injection suite's short form (docs/adr/0047-fault-injection-suite.md): servers of its own, so it
  // runs once the shared ones are stopped; each round is a test in the closing count; bounded by CHAOS_TIME_LIMIT.
  ok =
    step('fault injection (npm run chaos, short form: its own PostgreSQL and Kafka, 2 replicas of each service)', process.execPath, [
      'scripts/chaos.mjs',
    ]) && ok;
  // Contract fuzzing of the embedded product (docs/adr/0015-contract-fuzzing.md): it needs none of the
  // servers above, so it runs once they are stopped.
  ok = step('contract fuzzing (Schemathesis, real embedded product)', process.execPath, ['scripts/fuzz.mjs']) && ok;
}

const t = totals();
console.log(`\n${t.passed} passed, ${t.failed} failed${t.pending ? `, ${t.pending} skipped` : ''}`);
if (t.pending > 0) {
  console.error('Skipped or todo tests are not allowed.');
  ok = false;
}
process.exit(ok && t.failed === 0 ? 0 : 1);
