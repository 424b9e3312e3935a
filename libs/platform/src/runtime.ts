import type { KeyEncryptionKey } from '@police/event-store';
import type { MessageBus } from '@police/messaging';
import type { Metrics } from '@police/metrics';
import { Pool } from 'pg';
import pg from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';

/** The four bounded contexts. Each owns its schema (tables, event store, inbox) and its Kafka topic. */
export const SERVICES = ['reports', 'investigations', 'evidence', 'integrity'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Production-like ports, one per service (`nx serve <service>`). Embedded mode serves all on one port. */
export const SERVICE_PORTS: Record<ServiceName, number> = { reports: 3001, investigations: 3002, evidence: 3003, integrity: 3004 };

/** What a service needs from the process that hosts it; built by the embedded host or the service's own main. */
export interface ServiceRuntime {
  service: ServiceName;
  mode: 'embedded' | 'production';
  /** Schema of this service: its event log, read models, inbox and checkpoints live there. */
  schema: string;
  /**
   * The PostgreSQL pool the service runs all its SQL on (event store and TypeORM read models alike).
   * Embedded mode hands every service the same one-connection pool over PGlite.
   */
  pool: Pool;
  /** True when the host owns the pool (and ends it); the service must not. */
  sharedPool: boolean;
  /** LISTEN/NOTIFY works (real PostgreSQL), or not (PGlite behind its socket): subscriptions poll. */
  notifications: boolean;
  /** Where public contracts go and come from: Kafka, or the in-process bus in embedded mode. */
  bus: MessageBus;
  /** Prefix of topic and consumer group names (one Kafka cluster, several environments). Default none. */
  namespace?: string;
  /** The process's metrics (one registry per process, shared by the services of the embedded host). None: not measured. */
  metrics?: Metrics;
  /**
   * Wraps the data keys of the services that seal sensitive fields (ADR 0053): from `EVENT_KEY_ENCRYPTION_KEY`
   * (see `keyEncryptionKeyFromEnv`). None (tests, benchmarks): a key made for the process, lost with it.
   */
  keyEncryptionKey?: KeyEncryptionKey;
}

/** The public topic of a producing service: `<namespace><service>.public.v1`. */
export function publicTopic(runtime: Pick<ServiceRuntime, 'namespace'>, producer: ServiceName): string {
  return `${runtime.namespace ?? ''}${producer}.public.v1`;
}

export const DB_POOL = Symbol('DB_POOL');
export const SERVICE_RUNTIME = Symbol('SERVICE_RUNTIME');
/** The Nest token of a service's `ServiceEventSourcing` (see `eventSourcingProvider`). */
export const EVENT_SOURCING = Symbol('EVENT_SOURCING');

export function createPool(databaseUrl: string, max: number, applicationName: string): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max, application_name: applicationName, connectionTimeoutMillis: 15_000 });
  // An idle client whose connection dies is dropped by the pool ('error' on the pool); a checked-out one
  // emits 'error' itself, which without a listener ends the process (seen when the database restarted under
  // a consumer's transaction). Its queries reject all the same, and whoever holds it releases it as broken.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * A TypeORM DataSource that runs on an existing pg pool instead of opening its own, so the event
 * store and the read models of a service share one pool (and, in embedded mode, one connection).
 * Destroying the DataSource leaves the pool open; its owner ends it.
 */
export function dataSourceOnPool(pool: Pool, entities: DataSourceOptions['entities'], extra: Partial<DataSourceOptions> = {}): DataSource {
  function SharedPool(): Pool {
    return new Proxy(pool, {
      get(target, prop, receiver) {
        if (prop === 'end') return (cb?: (err?: Error) => void) => (cb ? cb() : Promise.resolve());
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
  return new DataSource({
    type: 'postgres',
    driver: { ...pg, Pool: SharedPool },
    entities,
    uuidExtension: 'pgcrypto',
    ...extra,
  } as DataSourceOptions);
}

/** Reads a required environment variable, failing start-up with a message that names it. */
export function requiredEnv(name: string, hint: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: ${hint}`);
  return value;
}

export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}
