// Finds the real servers integration tests run against, in this order:
//   (a) DATABASE_URL / KAFKA_BROKERS from the environment;
//   (b) Testcontainers (PostgreSQL, Apache Kafka) when a Docker engine answers;
//   (c) native servers started by infra/native/infra.mjs (Debian's PostgreSQL, Apache Kafka on Java 17).
// Plain CommonJS so the test orchestrator (scripts/test.mjs) and Jest's global setup share it.
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

async function startNative(need) {
  const infra = await import(pathToFileURL(path.join(workspaceRoot, 'infra/native/infra.mjs')).href);
  const res = await infra.up({ pg: need.db, kafka: need.kafka });
  const startedSomething = res.started && (res.started.pg || res.started.kafka);
  return {
    databaseUrl: res.databaseUrl,
    kafkaBrokers: res.kafkaBrokers,
    source: 'native',
    stop: async () => {
      if (startedSomething) await infra.down();
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

module.exports = { resolveInfrastructure, workspaceRoot };
