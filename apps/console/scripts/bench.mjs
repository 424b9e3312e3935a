#!/usr/bin/env node
// The console's figures for `npm run bench`: the JavaScript a first visit downloads (the entry chunk and
// everything it imports statically, gzip-measured from dist/) and the time from navigation start to a
// usable first screen (the persona picker's buttons rendered and enabled) on loopback, in Debian's
// Chromium against the real embedded product. Prints each figure against its target; writes
// bench/results/console.json; exits non-zero when a target is missed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildConsole } from '../../../scripts/start.mjs';
import { root } from './results.mjs';

const TARGET_KB = 250;
const TARGET_MS = 1000;
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
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*${}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(path.posix.join(path.posix.dirname(file), m[1]));
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

async function firstScreen(base) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
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
        new MutationObserver((_, obs) => done() && obs.disconnect()).observe(document, { subtree: true, childList: true, attributes: true });
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
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let times;
try {
  await waitFor(`http://127.0.0.1:${port}/api/reports/health`, 180_000);
  times = await firstScreen(`http://127.0.0.1:${port}/`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const worst = sorted[sorted.length - 1];
const ok = (v, target, below) => (below ? v < target : v <= target) ? 'ok' : 'MISSED';
console.log('\nWeb console');
console.log(`  initial JavaScript        ${initialKb.toFixed(1).padStart(7)} kB gzip   target ≤ ${TARGET_KB} kB   ${ok(initialKb, TARGET_KB)}   (${files.length} files: ${files.join(', ')})`);
console.log(`  first screen interactive  ${median.toFixed(0).padStart(7)} ms median  target < ${TARGET_MS} ms   ${ok(median, TARGET_MS, true)}   (worst ${worst.toFixed(0)} ms of ${times.length} first visits, loopback)`);
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench', 'results', 'console.json'),
  JSON.stringify({ at: new Date().toISOString(), initialJsKbGzip: initialKb, initialFiles: files, firstScreenMs: { median, worst, runs: times } }, null, 2),
);
process.exit(initialKb <= TARGET_KB && median < TARGET_MS ? 0 : 1);
