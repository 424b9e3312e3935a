#!/usr/bin/env node
// The lockfile must install on a fresh clone with the machine's npm. Two ways it has failed before:
// an entry without a version (npm's "Invalid Version"), and a lockfile another npm wrote that this one refuses.
// `node scripts/lockfile.mjs` checks; `node scripts/lockfile.mjs --fix` re-writes it with this npm, then checks.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIX = "run `npm run lock:fix` (re-writes package-lock.json with this machine's npm) and commit the result";

/** Entries of package-lock.json that name no version (and are not workspace links). */
export function versionlessEntries(lock) {
  return Object.entries(lock.packages ?? {})
    .filter(([key, entry]) => key !== '' && !entry.version && !entry.link)
    .map(([key]) => key);
}

/** Returns a problem description, or null when `npm ci` of this machine's npm accepts the lockfile. */
export function lockfileProblem() {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const missing = versionlessEntries(lock);
  if (missing.length > 0) {
    return `package-lock.json has ${missing.length} entr${missing.length === 1 ? 'y' : 'ies'} without a version (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}); some npm versions refuse it with "Invalid Version"`;
  }
  const r = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    const errors = `${r.stdout}\n${r.stderr}`
      .split('\n')
      .filter((l) => /error/i.test(l))
      .slice(0, 3)
      .join('\n  ');
    return `\`npm ci --dry-run\` of npm ${npmVersion()} refuses package-lock.json:\n  ${errors}`;
  }
  return null;
}

function npmVersion() {
  return spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** Exits with a message naming the fix when the lockfile would not install. */
export function assertLockfileInstalls() {
  const problem = lockfileProblem();
  if (problem) {
    console.error(`\n=== lockfile: FAILED\n${problem}\nFix: ${FIX}.`);
    process.exit(1);
  }
}

function fix() {
  const lockPath = path.join(root, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  // Drop versionless entries so that npm resolves them again from the registry instead of keeping them.
  for (const key of versionlessEntries(lock)) delete lock.packages[key];
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  const r = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--fix')) fix();
  const problem = lockfileProblem();
  if (problem) {
    console.error(`${problem}\nFix: ${FIX}.`);
    process.exit(1);
  }
  console.log(`package-lock.json installs with npm ${npmVersion()}.`);
}
