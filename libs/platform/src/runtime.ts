import { Pool } from 'pg';

/** The four bounded contexts. Each owns its schema (tables, event store, inbox) and its Kafka topic. */
export const SERVICES = ['reports', 'investigations', 'evidence', 'integrity'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Production-like ports, one per service (`nx serve <service>`). Embedded mode serves all on one port. */
export const SERVICE_PORTS: Record<ServiceName, number> = { reports: 3001, investigations: 3002, evidence: 3003, integrity: 3004 };

/** What a service needs from the process that hosts it; built by the embedded host or the service's own main. */
export interface ServiceRuntime {
  service: ServiceName;
  mode: 'embedded' | 'production';
  /** PostgreSQL connection string; the service keeps its tables in its own schema. */
  databaseUrl: string;
  /** Schema of this service (defaults to the service name). */
  schema: string;
  /** Connections this service may hold. Embedded mode (PGlite) has one backend, so it stays small there. */
  poolSize: number;
}

export const DB_POOL = Symbol('DB_POOL');
export const SERVICE_RUNTIME = Symbol('SERVICE_RUNTIME');

/** A pg pool for one service. Its SQL names its schema explicitly; the pool does not rely on search_path. */
export function createServicePool(runtime: Pick<ServiceRuntime, 'databaseUrl' | 'schema' | 'poolSize' | 'service'>): Pool {
  const pool = new Pool({
    connectionString: runtime.databaseUrl,
    max: runtime.poolSize,
    application_name: runtime.service,
  });
  pool.on('error', () => undefined);
  return pool;
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
