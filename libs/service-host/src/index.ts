import 'reflect-metadata';
import { hostname } from 'node:os';
import path from 'node:path';
import { DynamicModule, Logger, Module, Type } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import { describeError } from '@police/event-store';
import { KafkaMessageBus } from '@police/messaging';
import { Metrics } from '@police/metrics';
import {
  configureHttpApp,
  createPool,
  DeliverySettings,
  deliverySettings,
  installDefectHandlers,
  intEnv,
  keyEncryptionKeyFromEnv,
  listenWhileStarting,
  requiredEnv,
  SERVICE_PORTS,
  ServiceName,
  ServiceRuntime,
  setupOpenApi,
  startTracing,
  waitForStore,
} from '@police/platform';
import {
  auditCheckpointsFromEnv,
  authenticationFromEnv,
  rateLimitsFromEnv,
  scrapeTokenFromEnv,
  SecurityModule,
  useStructuredLogs,
} from '@police/security';

/** A service module as every service declares it. */
export interface ServiceDefinition {
  name: ServiceName;
  module: Type<unknown> & { register(runtime: ServiceRuntime): DynamicModule };
  description: string;
}

/** Production mains wake other processes' subscriptions with LISTEN/NOTIFY (one service per process). */
const NOTIFICATIONS = true;

/** The Kafka bus of a production main: the brokers of KAFKA_BROKERS, the library's settings. */
export function productionBus(name: ServiceName): KafkaMessageBus {
  const kafkaLog = new Logger(`${name}:kafka`);
  return new KafkaMessageBus({
    brokers: requiredEnv('KAFKA_BROKERS', 'the Kafka brokers, comma-separated').split(','),
    clientId: name,
    onError: (context, e) => kafkaLog.warn(`${context}: ${describeError(e)}; retrying`),
  });
}

/** The delivery settings a production main of `name` runs with (KAFKA_BROKERS must be set); connects to nothing. */
export function productionDeliverySettings(name: ServiceName): DeliverySettings {
  return deliverySettings({ notifications: NOTIFICATIONS, bus: productionBus(name) });
}

/**
 * Production-like mode: one service alone, on its port (3001–3004), against PostgreSQL (DATABASE_URL)
 * and Kafka (KAFKA_BROKERS), with tokens from the OIDC provider and its consultation log in its own
 * database at `/api/<service>/audit`, and its Prometheus metrics at `/metrics` and `/api/<service>/metrics`
 * (the `ops` role, or `METRICS_SCRAPE_TOKEN`); OpenTelemetry traces when the OTEL_* variables ask for them
 * (`startTracing`). Missing settings stop start-up with a message naming them.
 *
 * Start-up does not need PostgreSQL to be there: until the store takes a query, the port answers liveness
 * (200) and readiness (503) and nothing else, and the store is tried again with back-off (`waitForStore`).
 * It listens as soon as its schema is migrated and its projections and relay are started: the Kafka
 * consumer group joins in the background (a broker outage, or a dead member's session the broker waits
 * out, never keeps HTTP closed); `/api/<service>/health/ready` tells when it can take traffic. An
 * unhandled rejection is logged and counted as a defect, never a reason to exit.
 */
export async function runService(def: ServiceDefinition): Promise<void> {
  const { name } = def;
  installDefectHandlers();
  const tracing = startTracing({ service: name });
  const pool = createPool(
    requiredEnv('DATABASE_URL', `the PostgreSQL connection string of the ${name} service`),
    intEnv('DB_POOL_SIZE', 10),
    name,
  );
  const bus = productionBus(name);
  const metrics = new Metrics();
  metrics.observePool(name, pool);
  const runtime: ServiceRuntime = {
    service: name,
    mode: 'production',
    schema: name,
    pool,
    sharedPool: false,
    notifications: NOTIFICATIONS,
    bus,
    namespace: process.env.KAFKA_TOPIC_PREFIX,
    metrics,
    keyEncryptionKey: serviceKeyEncryptionKey(name),
  };
  const security = SecurityModule.forRoot({
    mode: 'production',
    pool,
    auditPath: `${name}/audit`,
    authConfigPath: `${name}/auth/config`,
    authentication: authenticationFromEnv('production'),
    rateLimits: rateLimitsFromEnv(),
    metrics,
    metricsEndpoints: { paths: [`${name}/metrics`], root: true },
    scrapeToken: scrapeTokenFromEnv(),
    checkpoints: serviceCheckpoints(name),
  });

  @Module({ imports: [security, def.module.register(runtime), RouterModule.register([{ path: name, module: def.module }])] })
  class ServiceApp {}

  const port = intEnv('PORT', SERVICE_PORTS[name]);
  const host = process.env.HOST ?? '0.0.0.0';
  const starting = await listenWhileStarting(name, port, host);
  await waitForStore(pool, name);
  const app = await NestFactory.create(ServiceApp, { bufferLogs: true });
  useStructuredLogs(app);
  configureHttpApp(app, { metrics, unprefixed: ['metrics'] });
  app.enableShutdownHooks();
  setupOpenApi(app, [def]);
  await app.init();
  await starting.close();
  await app.listen(port, host);
  app.getHttpServer().once('close', () => void Promise.all([bus.close(), pool.end(), tracing?.shutdown()]));
}

/**
 * The audit checkpoints of a service alone (ADR 0052): its event log and its consultation log, signed with
 * `AUDIT_CHECKPOINT_KEY` (or `_KEY_FILE`; else a key made once beside the file), written to
 * `AUDIT_CHECKPOINT_FILE`, by default `<DATA_DIR or .data>/<service>/audit-checkpoints-<host name>.jsonl`:
 * one file per replica, since a file has one writer.
 */
function serviceCheckpoints(name: ServiceName) {
  const dir = path.join(process.env.DATA_DIR ?? '.data', name);
  const options = auditCheckpointsFromEnv(
    { service: name, services: [name], dir },
    { AUDIT_CHECKPOINT_FILE: path.join(process.env.AUDIT_CHECKPOINT_DIR || dir, `audit-checkpoints-${hostname()}.jsonl`), ...process.env },
  );
  if (!process.env.AUDIT_CHECKPOINT_KEY && !process.env.AUDIT_CHECKPOINT_KEY_FILE)
    new Logger(name).warn(
      `Audit checkpoints are signed with a key made on this host (${options.keySource}): set AUDIT_CHECKPOINT_KEY so the key lives apart from the data`,
    );
  return options;
}

/**
 * The key-encryption key of crypto-shredding (ADR 0053): `EVENT_KEY_ENCRYPTION_KEY` (or `_FILE`), required. A
 * service alone must not make one of its own: in a container its file would go with the container, and every
 * data key it wrapped — the sealed statements of every report — with it. (Embedded mode keeps one beside its
 * database, which shares its fate.)
 */
function serviceKeyEncryptionKey(name: ServiceName) {
  if (!process.env.EVENT_KEY_ENCRYPTION_KEY && !process.env.EVENT_KEY_ENCRYPTION_KEY_FILE)
    throw new Error(
      `EVENT_KEY_ENCRYPTION_KEY (or EVENT_KEY_ENCRYPTION_KEY_FILE) is required for the ${name} service: the key-encryption key ` +
        `(32 bytes, base64; e.g. \`openssl rand -base64 32\`) that wraps the data keys of sensitive fields. Keep it apart from the ` +
        `database and its backups, and the same for every replica and every restart: data sealed under a lost key cannot be read.`,
    );
  return keyEncryptionKeyFromEnv(path.join(process.env.DATA_DIR ?? '.data', name)).key;
}

/** The main of a service: run it, or print why it cannot start and exit with 1. */
export function main(def: ServiceDefinition): void {
  runService(def).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
