import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the console against the real embedded product (all four services, PGlite, the
 * development issuer), started fresh by `webServer` on CONSOLE_E2E_PORT with CONSOLE_E2E_DATA_DIR
 * (apps/console/scripts/browser.mjs sets both: a free port, a temporary folder). Debian's Chromium;
 * the flags keep it from contacting anything but 127.0.0.1.
 */
const root = path.resolve(__dirname, '..', '..');
const port = Number(process.env.CONSOLE_E2E_PORT ?? 3190);
const baseURL = `http://127.0.0.1:${port}`;
const out = path.join(root, 'dist', 'console-e2e');
const FOUND_OBJECT_CATEGORIES = [
  'identity_document',
  'bank_card',
  'keys',
  'wallet',
  'phone',
  'bicycle',
  'jewellery',
  'cash',
  'bag',
  'clothing',
  'electronics',
  'other',
];

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.pw.ts',
  outputDir: path.join(out, 'artifacts'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.CONSOLE_E2E_JSON ?? path.join(out, 'results.json') }]],
  use: {
    baseURL,
    locale: 'nl-BE',
    // Not Brussels on purpose: the console shows and reads Belgian time whatever the browser's zone.
    timezoneId: 'America/New_York',
    viewport: { width: 1280, height: 900 },
    // As a user who asked for less motion: toasts and dialogs appear at once, so the accessibility checks
    // read them as they stand, never half-faded (axe took a toast mid-fade for low contrast).
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    },
  },
  webServer: {
    command: 'node scripts/start.mjs --fresh',
    cwd: root,
    url: `${baseURL}/api/reports/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.CONSOLE_E2E_DATA_DIR ?? path.join(out, 'data'),
      LOG_LEVEL: 'warn',
      // Every spec signs its personas in from 127.0.0.1: more than the 20 token requests a minute one
      // client address gets in production. The limit itself is tested in libs/security.
      AUTH_RATE_LIMIT: '1000',
      // A zone whose GAK has one second for a quality check: the desk's work list then shows an overdue
      // step beside steps on time (the other time limits keep their defaults, in days).
      REPORTS_CONFIG_JSON: JSON.stringify({ timeLimits: { qualityCheckDays: 1 / 86_400 } }),
      // A zone that holds found clothing 0 days (the other kinds 183, the default): POPP can then hand a
      // found object to an organisation at once, beside objects whose period still runs.
      EVIDENCE_CONFIG_JSON: JSON.stringify({
        holdingPeriods: Object.fromEntries(FOUND_OBJECT_CATEGORIES.map((c) => [c, c === 'clothing' ? 0 : 183])),
      }),
      // A zone that keeps returned found objects 0 days (to be confirmed by a lawyer, like every period): the DPO's
      // retention check finds them due at once (e2e/retention.pw.ts).
      RETENTION_SCHEDULES_JSON: JSON.stringify({ 'found-object-returned': { days: 0 } }),
      // A zone with no team for referrals of a phenomenon it does not route: such a referral is refused and
      // parked in investigations, for the IT desk's operations screen (e2e/ops-parked-messages.pw.ts). Every
      // other spec refers routed phenomena (fietsdiefstal → Diefstallen).
      INVESTIGATIONS_CONFIG_JSON: JSON.stringify({ unroutedTeam: '' }),
    },
  },
});
