#!/usr/bin/env node
// Checks the dashboards and alert rules of infra/observability (part of `npm test`, after the lint):
// `promtool check rules` and `promtool test rules` (one unit test per alert), and the Grafana dashboard
// as JSON whose every panel queries something. That every metric they name exists in the registry is
// checked by libs/metrics/src/observability.unit.spec.ts (it loads the registry itself).
//
// promtool (docs/adr/0029): Debian 12's, from its `prometheus` package, whose binary is extracted into a
// cache outside git (`apt-get download`, never installed: no Prometheus server is set up or started).
// `PROMTOOL_FROM=go` builds the pinned upstream one with `go install` from the Go module proxy instead
// (about 2 GB of modules and many minutes of compiling on two cores); `PROMTOOL=/path` uses a given one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'infra', 'observability');
export const PROMETHEUS_MODULE_VERSION = 'v0.316.0';
const cache = path.join(process.env.POLICE_INFRA_DIR ?? '/var/tmp/police-case-platform', 'promtool');

function sh(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', ...options });
}

/** The version of Debian's `prometheus` package apt would install, or undefined. */
function candidate() {
  const version = sh('apt-cache', ['policy', 'prometheus']).stdout?.match(/Candidate: (\S+)/)?.[1];
  return version && version !== '(none)' ? version : undefined;
}

/** Debian's promtool, extracted from the `prometheus` package into the cache (once). */
function debianPromtool() {
  let version = candidate();
  if (!version) {
    sh('apt-get', ['update'], { stdio: 'inherit' });
    version = candidate();
  }
  if (!version) throw new Error("promtool: the `prometheus` package is not in apt's lists (Debian); set PROMTOOL_FROM=go or PROMTOOL");
  return extract(version);
}

function extract(version) {
  const target = path.join(cache, `debian-${version.replace(/[^A-Za-z0-9.+-]/g, '_')}`);
  const exe = path.join(target, 'usr', 'bin', 'promtool');
  if (existsSync(exe)) return exe;
  mkdirSync(target, { recursive: true });
  console.log(`fetching promtool from Debian's prometheus ${version} into ${target} (once)`);
  const download = sh('apt-get', ['download', `prometheus=${version}`], { cwd: target, stdio: 'inherit' });
  const deb = readdirSync(target).find((f) => f.endsWith('.deb'));
  if (download.status !== 0 || !deb) throw new Error(`apt-get download prometheus=${version} failed`);
  const unpack = sh('sh', ['-c', `dpkg-deb --fsys-tarfile "${deb}" | tar -x ./usr/bin/promtool`], { cwd: target, stdio: 'inherit' });
  rmSync(path.join(target, deb), { force: true });
  if (unpack.status !== 0 || !existsSync(exe)) throw new Error('promtool could not be extracted from the prometheus package');
  return exe;
}

/** The pinned upstream promtool, built with `go install` into the cache when it is not there yet. */
function goPromtool() {
  const bin = path.join(cache, `go-${PROMETHEUS_MODULE_VERSION}`);
  const exe = path.join(bin, 'promtool');
  if (existsSync(exe)) return exe;
  const go = sh('go', ['version']);
  if (go.status !== 0) throw new Error('PROMTOOL_FROM=go needs Go on PATH');
  mkdirSync(bin, { recursive: true });
  console.log(`building promtool ${PROMETHEUS_MODULE_VERSION} with ${go.stdout.trim()} into ${bin} (once; many minutes)`);
  const r = sh('go', ['install', `github.com/prometheus/prometheus/cmd/promtool@${PROMETHEUS_MODULE_VERSION}`], {
    stdio: 'inherit',
    env: {
      ...process.env,
      GOBIN: bin,
      GOMODCACHE: path.join(cache, 'go-mod'),
      GOCACHE: path.join(cache, 'go-build'),
      GOTOOLCHAIN: 'local',
      GOFLAGS: '-mod=mod',
    },
  });
  if (r.status !== 0 || !existsSync(exe)) throw new Error(`go install of promtool ${PROMETHEUS_MODULE_VERSION} failed`);
  return exe;
}

/** The promtool to check with (see the head of this file). */
export function promtool() {
  if (process.env.PROMTOOL) return process.env.PROMTOOL;
  return process.env.PROMTOOL_FROM === 'go' ? goPromtool() : debianPromtool();
}

function run(exe, args, cwd) {
  console.log(`$ promtool ${args.join(' ')}`);
  const r = spawnSync(exe, args, { cwd, stdio: 'inherit' });
  return r.status === 0;
}

/** Problems of a Grafana dashboard: not JSON, or a panel without a query. */
export function dashboardProblems(file) {
  let dashboard;
  try {
    dashboard = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return [`${file} is not valid JSON: ${e.message}`];
  }
  const problems = [];
  if (!Array.isArray(dashboard.panels) || dashboard.panels.length === 0) problems.push(`${file}: no panels`);
  for (const panel of dashboard.panels ?? []) {
    const exprs = (panel.targets ?? []).map((t) => t.expr).filter((e) => typeof e === 'string' && e.trim() !== '');
    if (exprs.length === 0) problems.push(`${file}: panel "${panel.title}" queries nothing`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let ok = true;
  const problems = dashboardProblems(path.join(dir, 'grafana', 'police-case-platform.json'));
  for (const p of problems) console.error(p);
  ok = problems.length === 0 && ok;
  try {
    const exe = promtool();
    const rules = path.join(dir, 'prometheus');
    ok = run(exe, ['check', 'rules', 'alerts.yml'], rules) && ok;
    ok = run(exe, ['test', 'rules', 'alerts.test.yml'], rules) && ok;
  } catch (e) {
    console.error(e.message);
    ok = false;
  }
  console.log(ok ? 'observability: dashboards and alert rules ok' : 'observability: FAILED');
  process.exit(ok ? 0 : 1);
}
