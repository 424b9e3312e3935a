import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Pool } from 'pg';

/** The `outcome` of a command (a mutating request to a service): see {@link Metrics.command}. */
export type CommandOutcome = 'accepted' | 'refused' | 'conflict' | 'error';

/** Why a bearer token was refused (`police_token_verifications_refused_total{reason}`). */
export type TokenRefusal =
  'missing' | 'malformed' | 'too_long' | 'expired' | 'signature' | 'algorithm' | 'claims' | 'identity_provider_unavailable';

/** A scrape-time measurement (SQL, Kafka admin): run before each scrape, bounded by {@link COLLECT_TIMEOUT_MS}. */
export type Collector = () => Promise<void>;

/** How long one collector may take before the scrape goes on without its figures. */
export const COLLECT_TIMEOUT_MS = 2000;

/** Latency buckets of HTTP requests and appends, in seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The metrics of one process, and the only place where they are declared: every service, the host
 * and the libraries write through the instruments here, and `/api/<service>/metrics` (and `/metrics`
 * per production main) serves {@link scrape}. Names and labels are fixed here, so that dashboards and
 * alert rules (`infra/observability/`) can be checked against them.
 *
 * Label values are bounded: a route is its template (`/api/reports/:id`), never the URL; a command is
 * `METHOD template`; a refusal code is the problem type of the answer.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'police_http_request_duration_seconds',
    help: 'HTTP requests by service, method, route template and status: time to the last byte of the answer.',
    labelNames: ['service', 'method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'police_commands_total',
    help: 'Commands (mutating requests to a service) by command (METHOD route template) and outcome: accepted, refused (with the problem code), conflict (409/412 on a concurrent change), error (5xx).',
    labelNames: ['service', 'command', 'outcome', 'code'] as const,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'police_event_store_append_duration_seconds',
    help: 'Appends to the event store by service and outcome (ok, conflict, error).',
    labelNames: ['service', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly projectionLagEvents = new Gauge({
    name: 'police_projection_lag_events',
    help: "Events of the service's log its projection has not applied yet (counted up to 100000).",
    labelNames: ['service', 'projection'] as const,
    registers: [this.registry],
  });

  readonly projectionLagSeconds = new Gauge({
    name: 'police_projection_lag_seconds',
    help: 'Age of the oldest event its projection has not applied yet (0 when caught up).',
    labelNames: ['service', 'projection'] as const,
    registers: [this.registry],
  });

  readonly relayLagEvents = new Gauge({
    name: 'police_relay_lag_events',
    help: "Events of the service's log its relay to Kafka has not passed yet (counted up to 100000).",
    labelNames: ['service', 'relay'] as const,
    registers: [this.registry],
  });

  readonly relayLagSeconds = new Gauge({
    name: 'police_relay_lag_seconds',
    help: 'Age of the oldest event the relay has not passed yet (0 when caught up).',
    labelNames: ['service', 'relay'] as const,
    registers: [this.registry],
  });

  readonly leaseHeld = new Gauge({
    name: 'police_lease_held',
    help: "Whether this replica holds the lease of a unit of background work (1) or waits for it (0): work is projection:<name> or relay:<topic>. Summed over a service's replicas, 1 per unit.",
    labelNames: ['service', 'work'] as const,
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'police_consumer_lag_messages',
    help: "Messages of a topic partition the service's consumer group has not committed yet.",
    labelNames: ['service', 'topic', 'partition'] as const,
    registers: [this.registry],
  });

  readonly parkedMessages = new Gauge({
    name: 'police_parked_messages',
    help: 'Messages the service parked (could not take) and keeps for an operator, by reason code.',
    labelNames: ['service', 'reason'] as const,
    registers: [this.registry],
  });

  readonly inboxDuplicates = new Counter({
    name: 'police_inbox_duplicates_skipped_total',
    help: 'Messages delivered again that the inbox recognised and skipped (no second effect).',
    labelNames: ['service', 'topic'] as const,
    registers: [this.registry],
  });

  readonly poolConnections = new Gauge({
    name: 'police_pg_pool_connections',
    help: 'Connections of a PostgreSQL pool by state: in_use or idle.',
    labelNames: ['pool', 'state'] as const,
    registers: [this.registry],
  });

  readonly poolMax = new Gauge({
    name: 'police_pg_pool_max_connections',
    help: 'The most connections a PostgreSQL pool opens.',
    labelNames: ['pool'] as const,
    registers: [this.registry],
  });

  readonly poolWaiting = new Gauge({
    name: 'police_pg_pool_waiting_clients',
    help: 'Queries and transactions waiting for a connection of the pool now.',
    labelNames: ['pool'] as const,
    registers: [this.registry],
  });

  readonly poolAcquire = new Histogram({
    name: 'police_pg_pool_acquire_seconds',
    help: 'Time to get a connection from the pool (waiting for a free one, or opening one).',
    labelNames: ['pool'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly consultationWrites = new Counter({
    name: 'police_consultation_log_writes_total',
    help: 'Consultation records written to the log (LED art. 25) and writes that failed (the read was then refused with 503).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly tokenRefusals = new Counter({
    name: 'police_token_verifications_refused_total',
    help: 'Bearer tokens refused, by reason.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly collectorFailures = new Counter({
    name: 'police_metrics_collector_failures_total',
    help: 'Scrape-time measurements that failed or took too long (their figures are then those of the last scrape).',
    labelNames: ['collector'] as const,
    registers: [this.registry],
  });

  private readonly collectors = new Map<string, Collector>();

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** The content type of {@link scrape}'s text (Prometheus text exposition format 0.0.4). */
  get contentType(): string {
    return this.registry.contentType;
  }

  /**
   * Adds a measurement taken at each scrape (`name` must be unique in the process). Returns the
   * function that removes it (a service that stops).
   */
  addCollector(name: string, collect: Collector): () => void {
    if (this.collectors.has(name)) throw new Error(`A metrics collector named ${name} is registered already`);
    this.collectors.set(name, collect);
    return () => this.collectors.delete(name);
  }

  /** Runs the collectors (each within {@link COLLECT_TIMEOUT_MS}; one that fails is counted) and renders every metric. */
  async scrape(): Promise<string> {
    await Promise.all(
      [...this.collectors].map(async ([name, collect]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            collect(),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), COLLECT_TIMEOUT_MS))),
          ]);
        } catch {
          this.collectorFailures.inc({ collector: name });
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return this.registry.metrics();
  }

  /** One answered request of a service (or of the host: `service` = `platform`). */
  httpRequest(labels: { service: string; method: string; route: string; status: number }, seconds: number): void {
    this.httpDuration.observe({ ...labels, status: String(labels.status) }, seconds);
  }

  /** The outcome of one command; `code` names the refusal (empty when accepted). */
  command(labels: { service: string; command: string; outcome: CommandOutcome; code: string }): void {
    this.commands.inc(labels);
  }

  /**
   * Measures a pg pool under `name`: its connections (in use, idle), the clients waiting, and the time
   * each checkout took. Wraps the pool's `connect` (which its `query` uses too) to time checkouts.
   */
  observePool(name: string, pool: Pool): void {
    const instrumented = pool as Pool & { [INSTRUMENTED]?: true };
    if (!instrumented[INSTRUMENTED]) {
      instrumented[INSTRUMENTED] = true;
      const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, client: unknown, done: unknown) => void) => unknown;
      const histogram = this.poolAcquire;
      (pool as unknown as { connect: unknown }).connect = function timedConnect(
        cb?: (err: Error | undefined, client: unknown, done: unknown) => void,
      ) {
        const end = histogram.startTimer({ pool: name });
        if (cb) {
          return connect((err, client, done) => {
            end();
            cb(err, client, done);
          });
        }
        return (connect() as Promise<unknown>).finally(() => end());
      };
    }
    this.addCollector(`pool:${name}`, async () => {
      const max = (pool as unknown as { options?: { max?: number } }).options?.max;
      this.poolConnections.set({ pool: name, state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.poolConnections.set({ pool: name, state: 'idle' }, pool.idleCount);
      this.poolWaiting.set({ pool: name }, pool.waitingCount);
      if (typeof max === 'number') this.poolMax.set({ pool: name }, max);
    });
  }

  /** Every metric name this registry renders (histograms and counters as declared, without suffixes). */
  names(): string[] {
    return this.registry.getMetricsAsArray().map((m) => m.name);
  }
}

const INSTRUMENTED = Symbol('police:pool-instrumented');
