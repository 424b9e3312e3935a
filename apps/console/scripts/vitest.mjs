#!/usr/bin/env node
// `nx test console`: the console's component and unit tests (Vitest, jsdom), counted for scripts/test.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, writeResults } from './results.mjs';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'console-vitest-'));
const report = path.join(tmp, 'vitest.json');
const r = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    path.join(root, 'apps/console/vite.config.mts'),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: path.join(root, 'apps/console'), stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);
let counts = { passed: 0, failed: 1, pending: 0 };
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  counts = {
    passed: j.numPassedTests,
    failed: j.numFailedTests + (j.numFailedTestSuites > 0 && j.numFailedTests === 0 ? 1 : 0),
    pending: j.numPendingTests + j.numTodoTests,
  };
}
writeResults('console-vitest', { ...counts, success: r.status === 0 });
rmSync(tmp, { recursive: true, force: true });
process.exit(r.status ?? 1);
