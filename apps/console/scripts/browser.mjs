#!/usr/bin/env node
// `nx browser console` (and the browser step of `npm test`): the console's Playwright tests against the
// real embedded product, fresh (a temporary data folder, a free port), in Debian's Chromium — installed
// with apt when /usr/bin/chromium is missing (and poppler-utils' pdftotext, for the DPO's PDF). Counts pass into scripts/test.mjs's total.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { root, writeResults } from './results.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian packages the specs need, by the file each provides: Chromium, and poppler's pdftotext (the DPO's PDF export is read back as text). */
const APT = [
  { file: CHROMIUM, pkg: 'chromium', hint: 'set CHROMIUM_PATH to a Chromium binary' },
  { file: '/usr/bin/pdftotext', pkg: 'poppler-utils', hint: 'install poppler-utils' },
];

function ensureAptPackages() {
  const missing = APT.filter((a) => !existsSync(a.file));
  if (missing.length === 0) return;
  console.log(
    `[browser] ${missing.map((m) => m.file).join(', ')} missing: installing Debian's ${missing.map((m) => m.pkg).join(', ')} (apt-get)…`,
  );
  const root_ = process.getuid?.() === 0;
  const sudo = root_ ? [] : ['sudo', '-n'];
  const run = (args) =>
    spawnSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (
    run(['apt-get', 'update', '-qq']).status !== 0 ||
    run(['apt-get', 'install', '-y', '-qq', ...missing.map((m) => m.pkg)]).status !== 0 ||
    missing.some((m) => !existsSync(m.file))
  ) {
    console.error(
      `[browser] could not install ${missing.map((m) => m.pkg).join(', ')} with apt-get (root or passwordless sudo needed); ${missing.map((m) => m.hint).join('; ')}`,
    );
    process.exit(1);
  }
}

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

ensureAptPackages();
const port = await freePort();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'console-e2e-data-'));
const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'console-e2e-report-')), 'results.json');
rmSync(path.join(root, 'dist', 'console-e2e', 'screenshots'), { recursive: true, force: true });
const r = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/@playwright/test/cli.js'),
    'test',
    '--config',
    path.join(root, 'apps/console/playwright.config.ts'),
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      CONSOLE_E2E_PORT: String(port),
      CONSOLE_E2E_DATA_DIR: dataDir,
      CONSOLE_E2E_JSON: report,
      CHROMIUM_PATH: CHROMIUM,
    },
  },
);
let counts = { passed: 0, failed: 1, pending: 0 };
if (existsSync(report)) {
  const s = JSON.parse(readFileSync(report, 'utf8')).stats;
  counts = { passed: s.expected + s.flaky, failed: s.unexpected + (r.status !== 0 && s.unexpected === 0 ? 1 : 0), pending: s.skipped };
}
writeResults('console-browser', { ...counts, success: r.status === 0 });
rmSync(dataDir, { recursive: true, force: true });
rmSync(path.dirname(report), { recursive: true, force: true });
console.log(`[browser] ${counts.passed} passed, ${counts.failed} failed; screenshots in dist/console-e2e/screenshots`);
process.exit(r.status ?? 1);
