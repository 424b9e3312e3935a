#!/usr/bin/env node
// The console's figures for `npm run bench`: the JavaScript a first visit downloads (the entry chunk and
// everything it imports statically, gzip-measured from dist/) and the time from navigation start to a
// usable first screen (the persona picker's buttons rendered and enabled) on loopback, in Debian's
// Chromium against the real embedded product; then a case file with 1,000 events and its timeline
// (case-file-bench.mjs). Prints each figure against its target; writes bench/results/console.json;
// exits non-zero when a target is missed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildConsole } from '../../../scripts/start.mjs';
import { EVENTS, measureCaseFile, seedCase } from './case-file-bench.mjs';
import { root } from './results.mjs';

const TARGET_KB = 250;
const TARGET_MS = 1000;
const TARGET_CASE_FILE_MS = 300;
const RUNS = Number(process.env.CONSOLE_BENCH_RUNS ?? 7);
const dist = path.join(root, 'apps', 'console', 'dist');

/** The entry module of index.html and its static imports, transitively (what loads before any route). */
export function initialChunks(distDir) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in index.html');
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(distDir, file), 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"`; dynamic import() loads later.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*${}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g))
      visit(path.posix.join(path.posix.dirname(file), m[1]));
  };
  visit(entry);
  return [...seen];
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

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

async function launch() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
}

async function firstScreen(base) {
  const browser = await launch();
  const times = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A new context each time: no HTTP cache, no warm JS — a first visit.
      const context = await browser.newContext();
      await context.addInitScript(() => {
        const done = () => {
          const b = document.querySelector('button[aria-label^="Aanmelden als"], button[aria-label^="Sign in as"]');
          if (b && !b.disabled) {
            window.__usableAt = performance.now();
            return true;
          }
          return false;
        };
        new MutationObserver((_, obs) => done() && obs.disconnect()).observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
        });
      });
      const page = await context.newPage();
      await page.goto(base);
      await page.waitForFunction(() => typeof window.__usableAt === 'number', null, { timeout: 15_000 });
      times.push(await page.evaluate(() => window.__usableAt));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

buildConsole();
const files = initialChunks(dist);
const bytes = files.map((f) => gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length);
const initialKb = bytes.reduce((a, b) => a + b, 0) / 1000;

const port = await freePort();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'console-bench-'));
const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--fresh'], {
  cwd: root,
  // Each case-file visit signs a persona in from 127.0.0.1: more than the 20 token requests a minute one address gets.
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', AUTH_RATE_LIMIT: '1000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let times;
let caseFile;
let seedMs;
try {
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/reports/health`, 180_000);
  times = await firstScreen(`${base}/`);
  const seedStart = Date.now();
  const kase = await seedCase(base);
  seedMs = Date.now() - seedStart;
  const browser = await launch();
  try {
    caseFile = await measureCaseFile(browser, base, kase, RUNS);
  } finally {
    await browser.close();
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], worst: s[s.length - 1] };
};
const { median, worst } = stats(times);
const file = stats(caseFile.map((r) => r.file));
const timeline = stats(caseFile.map((r) => r.timeline));
const ok = (v, target, below) => ((below ? v < target : v <= target) ? 'ok' : 'MISSED');
console.log('\nWeb console');
console.log(
  `  initial JavaScript        ${initialKb.toFixed(1).padStart(7)} kB gzip   target ≤ ${TARGET_KB} kB   ${ok(initialKb, TARGET_KB)}   (${files.length} files: ${files.join(', ')})`,
);
console.log(
  `  first screen interactive  ${median.toFixed(0).padStart(7)} ms median  target < ${TARGET_MS} ms   ${ok(median, TARGET_MS, true)}   (worst ${worst.toFixed(0)} ms of ${times.length} first visits, loopback)`,
);
console.log(
  `  case file, ${EVENTS} events    ${file.median.toFixed(0).padStart(7)} ms median  target < ${TARGET_CASE_FILE_MS} ms    ${ok(file.median, TARGET_CASE_FILE_MS, true)}   (worst ${file.worst.toFixed(0)} ms of ${caseFile.length} visits: a click on the case in the team's list until the file is painted, its API read included)`,
);
console.log(
  `  its timeline rendered     ${timeline.median.toFixed(0).padStart(7)} ms median  target < ${TARGET_CASE_FILE_MS} ms    ${ok(timeline.median, TARGET_CASE_FILE_MS, true)}   (worst ${timeline.worst.toFixed(0)} ms: a click on the tab until its ${EVENTS} steps are painted, the API read of the timeline included; case seeded through the API in ${(seedMs / 1000).toFixed(1)} s)`,
);
console.log(
  `  (machine load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${os.cpus().length} cores at the end)`,
);
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench', 'results', 'console.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      initialJsKbGzip: initialKb,
      initialFiles: files,
      firstScreenMs: { median, worst, runs: times },
      caseFile: {
        events: EVENTS,
        fileMs: { ...file, runs: caseFile.map((r) => r.file) },
        timelineMs: { ...timeline, runs: caseFile.map((r) => r.timeline) },
        seedMs,
      },
    },
    null,
    2,
  ),
);
process.exit(
  initialKb <= TARGET_KB && median < TARGET_MS && file.median < TARGET_CASE_FILE_MS && timeline.median < TARGET_CASE_FILE_MS ? 0 : 1,
);
