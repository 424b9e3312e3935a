// Finds the real servers integration tests run against, in this order:
//   (a) DATABASE_URL / KAFKA_BROKERS (and OIDC_ISSUER for Keycloak) from the environment;
//   (b) Testcontainers (PostgreSQL, Apache Kafka, Keycloak) when a Docker engine answers;
//   (c) native servers started by infra/native/infra.mjs (Debian's PostgreSQL, Apache Kafka on Java 17,
//       Keycloak on Java 21+).
// Keycloak is resolved apart (resolveKeycloak), only by the tests that sign in with it.
// Plain CommonJS so the test orchestrator (scripts/test.mjs) and Jest's global setup share it.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const workspaceRoot = path.resolve(__dirname, '..', '..', '..');

function dockerEngineCandidate() {
  if (process.env.TESTCONTAINERS_DISABLED === 'true') return false;
  if (process.env.DOCKER_HOST) return true;
  return ['/var/run/docker.sock', path.join(process.env.HOME || '/root', '.docker/run/docker.sock')].some((p) => {
    try {
      return fs.statSync(p).isSocket();
    } catch {
      return false;
    }
  });
}

async function startTestcontainers(need) {
  const { getContainerRuntimeClient } = require('testcontainers');
  await getContainerRuntimeClient(); // throws when no engine answers
  const started = [];
  const out = {};
  if (need.db) {
    const { PostgreSqlContainer } = require('@testcontainers/postgresql');
    const pg = await new PostgreSqlContainer('postgres:15-alpine').start();
    started.push(pg);
    out.databaseUrl = pg.getConnectionUri();
  }
  if (need.kafka) {
    const { KafkaContainer } = require('@testcontainers/kafka');
    const kafka = await new KafkaContainer('apache/kafka:4.1.1').withKraft().start();
    started.push(kafka);
    out.kafkaBrokers = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  }
  return { ...out, source: 'testcontainers', stop: async () => Promise.all(started.map((c) => c.stop())) };
}

function nativeInfra() {
  return import(pathToFileURL(path.join(workspaceRoot, 'infra/native/infra.mjs')).href);
}

async function startNative(need) {
  const infra = await nativeInfra();
  const res = await infra.up({ only: [...(need.db ? ['pg'] : []), ...(need.kafka ? ['kafka'] : [])] });
  const startedSomething = res.started && (res.started.pg || res.started.kafka);
  return {
    databaseUrl: res.databaseUrl,
    kafkaBrokers: res.kafkaBrokers,
    source: 'native',
    stop: async () => {
      if (startedSomething) await infra.down({ only: [...(res.started.pg ? ['pg'] : []), ...(res.started.kafka ? ['kafka'] : [])] });
    },
  };
}

/**
 * Resolves DATABASE_URL and KAFKA_BROKERS, starting servers when needed, and sets them on process.env.
 * `stop()` stops only what this call started.
 */
async function resolveInfrastructure({ db = true, kafka = true, log = console.log } = {}) {
  const need = { db: db && !process.env.DATABASE_URL, kafka: kafka && !process.env.KAFKA_BROKERS };
  if (!need.db && !need.kafka) {
    return { databaseUrl: process.env.DATABASE_URL, kafkaBrokers: process.env.KAFKA_BROKERS, source: 'environment', stop: async () => {} };
  }
  let res;
  if (dockerEngineCandidate()) {
    try {
      res = await startTestcontainers(need);
    } catch (e) {
      log(`[infra] Docker engine did not answer (${e && e.message ? e.message.split('\n')[0] : e}); using native servers`);
    }
  }
  if (!res) res = await startNative(need);
  if (res.databaseUrl) process.env.DATABASE_URL = res.databaseUrl;
  if (res.kafkaBrokers) process.env.KAFKA_BROKERS = res.kafkaBrokers;
  log(`[infra] ${res.source}: DATABASE_URL=${process.env.DATABASE_URL ?? '-'} KAFKA_BROKERS=${process.env.KAFKA_BROKERS ?? '-'}`);
  return res;
}

/** The Keycloak settings a test reads (libs/testing/src/keycloak.ts): what resolveKeycloak sets on process.env. */
const KEYCLOAK_ENV = [
  'OIDC_ISSUER',
  'OIDC_AUDIENCE',
  'OIDC_JWKS_URI',
  'KEYCLOAK_URL',
  'KEYCLOAK_ADMIN_USERNAME',
  'KEYCLOAK_ADMIN_PASSWORD',
];
/** The image of the version infra/native/keycloak/pom.xml fetches. */
const KEYCLOAK_IMAGE = 'quay.io/keycloak/keycloak:26.7.3';

async function startKeycloakContainer() {
  const { GenericContainer, Wait, getContainerRuntimeClient } = require('testcontainers');
  await getContainerRuntimeClient();
  const admin = { username: 'police-test-admin', password: crypto.randomBytes(18).toString('base64url') };
  const container = await new GenericContainer(KEYCLOAK_IMAGE)
    .withCopyFilesToContainer([
      { source: path.join(workspaceRoot, 'infra/keycloak/realm-police.json'), target: '/opt/keycloak/data/import/realm-police.json' },
    ])
    .withEnvironment({ KC_BOOTSTRAP_ADMIN_USERNAME: admin.username, KC_BOOTSTRAP_ADMIN_PASSWORD: admin.password })
    .withCommand(['start-dev', '--import-realm'])
    .withExposedPorts(8080)
    .withWaitStrategy(Wait.forHttp('/realms/police/.well-known/openid-configuration', 8080).forStatusCode(200))
    .withStartupTimeout(300_000)
    .start();
  // No KC_HOSTNAME: the issuer is the address the test reaches it at.
  const url = `http://${container.getHost()}:${container.getMappedPort(8080)}`;
  const issuer = `${url}/realms/police`;
  return {
    source: 'testcontainers',
    started: true,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'police-case-platform',
      OIDC_JWKS_URI: `${issuer}/protocol/openid-connect/certs`,
      KEYCLOAK_URL: url,
      KEYCLOAK_ADMIN_USERNAME: admin.username,
      KEYCLOAK_ADMIN_PASSWORD: admin.password,
    },
    stop: async () => container.stop(),
  };
}

/**
 * Resolves the Keycloak of a test, in the order above: OIDC_ISSUER in the environment (with KEYCLOAK_URL and
 * KEYCLOAK_ADMIN_USERNAME/PASSWORD when the test sets passwords), else a Testcontainers Keycloak, else the
 * native one (`infra.mjs up --only=keycloak`, about 10 s warm and 30-60 s cold on 2 cores). Sets the
 * settings on process.env. `stop()` stops it only if this call started it.
 */
async function resolveKeycloak({ log = console.log } = {}) {
  if (process.env.OIDC_ISSUER) {
    return {
      source: 'environment',
      started: false,
      env: Object.fromEntries(KEYCLOAK_ENV.filter((k) => process.env[k]).map((k) => [k, process.env[k]])),
      stop: async () => {},
    };
  }
  let res;
  if (dockerEngineCandidate()) {
    try {
      res = await startKeycloakContainer();
    } catch (e) {
      log(`[infra] Docker engine did not answer for Keycloak (${e && e.message ? e.message.split('\n')[0] : e}); using the native server`);
    }
  }
  if (!res) {
    // Through the CLI, not import(): test files run in Jest's VM, which cannot load an ES module.
    const t0 = Date.now();
    const up = JSON.parse(await runInfraCli(['up', '--only=keycloak', '--json'], log));
    res = {
      source: 'native',
      started: up.started.keycloak,
      seconds: (Date.now() - t0) / 1000,
      env: up.keycloak,
      stop: async () => {
        if (up.started.keycloak) await runInfraCli(['down', '--only=keycloak'], log);
      },
    };
  }
  Object.assign(process.env, res.env);
  log(`[infra] keycloak (${res.source}): OIDC_ISSUER=${res.env.OIDC_ISSUER}`);
  return res;
}

/** Runs infra/native/infra.mjs with `args`; resolves its stdout, passes its progress (stderr) to `log`. */
function runInfraCli(args, log, okCodes = [0]) {
  const { spawn } = require('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(workspaceRoot, 'infra/native/infra.mjs'), ...args], {
      cwd: workspaceRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      for (const line of String(d).split('\n').filter(Boolean)) log(line);
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      okCodes.includes(code) ? resolve(out) : reject(new Error(`infra.mjs ${args.join(' ')} failed (exit ${code}):\n${err.slice(-4000)}`)),
    );
  });
}

/** Whether the native Keycloak of this machine is running (the orchestrator stops it at the end when its run started it). */
async function nativeKeycloakRunning() {
  // status exits 3 when PostgreSQL or Kafka is not ready: still an answer.
  return JSON.parse(await runInfraCli(['status', '--json'], () => {}, [0, 3])).keycloak.running;
}

async function stopNativeKeycloak(log = console.log) {
  await runInfraCli(['down', '--only=keycloak'], log);
}

module.exports = { resolveInfrastructure, resolveKeycloak, nativeKeycloakRunning, stopNativeKeycloak, KEYCLOAK_ENV, workspaceRoot };
