#!/usr/bin/env node
// `npm start`: the embedded mode. Installs dependencies if needed, compiles (incrementally), then runs
// every service in one process on http://127.0.0.1:3000 with PGlite and the in-process bus.
// `npm start -- --fresh` starts from an empty store.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertLockfileInstalls } from './lockfile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  assertLockfileInstalls();
  console.log('[start] installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export function build() {
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`[start] compiled in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

const consoleRoot = path.join(root, 'apps', 'console');
const consoleStamp = path.join(consoleRoot, 'dist', '.sources');

/** A fingerprint of what the console's build reads: its sources and config, and the installed packages. */
function consoleFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const st = statSync(file);
        hash.update(`${path.relative(root, file)}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ['src', 'public']) if (existsSync(path.join(consoleRoot, dir))) walk(path.join(consoleRoot, dir));
  for (const file of ['index.html', 'vite.config.mts', 'tsconfig.json', '../../node_modules/.package-lock.json']) {
    const full = path.join(consoleRoot, file);
    if (existsSync(full)) hash.update(`${file}\0${statSync(full).mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * Builds the web console (Vite) into apps/console/dist, only when its sources changed since the last
 * build (a fingerprint of names, sizes and times in dist/.sources), so a restart stays fast.
 */
export function buildConsole({ force = false } = {}) {
  const fingerprint = consoleFingerprint();
  if (!force && existsSync(consoleStamp) && readFileSync(consoleStamp, 'utf8') === fingerprint) return;
  const started = Date.now();
  console.log('[start] building the web console…');
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(consoleRoot, 'vite.config.mts'),
      '--logLevel',
      'warn',
    ],
    {
      cwd: consoleRoot,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(consoleStamp, fingerprint);
  console.log(`[start] web console built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/**
 * Runs a compiled entry point with the workspace's path aliases resolved to dist/. `stdio: 'pipe'` leaves
 * its output to the caller (the contract fuzz writes it to a file). `detached` gives it a process group of
 * its own (the group's id is the child's pid), which the caller can kill whole, whatever it started.
 */
export function run(entry, argv, env = {}, { exitWithChild = true, stdio = 'inherit', detached = false } = {}) {
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', '-r', 'tsconfig-paths/register', path.join(root, 'dist/out-tsc', entry), ...argv],
    {
      cwd: root,
      detached,
      stdio: stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : stdio,
      env: {
        ...process.env,
        TS_NODE_PROJECT: path.join(root, 'tsconfig.base.json'),
        TS_NODE_BASEURL: path.join(root, 'dist/out-tsc'),
        ...env,
      },
    },
  );
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  if (exitWithChild) child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureDependencies();
  build();
  buildConsole();
  run('infra/embedded/src/main.js', process.argv.slice(2));
}
