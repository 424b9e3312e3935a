import { Controller, Get, HttpStatus, Inject, Optional, Res, Type } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ident, Migration } from '@police/event-store';
import type { Response } from 'express';
import { Public } from './http-app';
import { registerResponseSchemas } from './openapi';
import responses from './platform.responses.json';
import { defectCount } from './defects';
import type { ServiceEventSourcing } from './event-sourcing';
import { PROBLEM_BASE, ProblemException } from './problem-details';
import { ApiAlsoAnswers, ApiProblems } from './route-facts';
import { EVENT_SOURCING, intEnv, SERVICE_RUNTIME, ServiceName, ServiceRuntime } from './runtime';
import { storeRetryAfterSeconds } from './store-unavailable';

// What health answers, generated from its return type (npm run api:generate).
registerResponseSchemas(responses);

export interface HealthReport {
  service: ServiceName;
  status: 'up' | 'down';
  /** `database: 'up'`: the service's store accepted a write just now (within {@link HEALTH_PROBE_TTL_MS}). */
  checks: { database: 'up' | 'down' };
}

/** `/health/live`: the process runs and its event loop answers. */
export interface LivenessReport {
  service: ServiceName;
  status: 'alive';
  /** Unhandled promise rejections since the process started: defects to look into (see the logs). */
  defects: number;
}

/** `/health/ready`: the service can take requests (200), or why not (503 problem+json with the same checks). */
export interface ReadinessReport {
  service: ServiceName;
  status: 'ready';
  checks: ReadinessChecks;
}

export interface ReadinessChecks {
  /** The store accepted a write just now. */
  store: 'up' | 'down';
  /** Every projection subscribed and none retrying a failure. */
  projections: 'running' | 'retrying';
  /** Events the slowest projection has still to apply (counted up to the bound + 1). */
  lag: number;
  /** The bound on `lag` past which the service is not ready (`READY_MAX_LAG_EVENTS`, default 1000). */
  maxLag: number;
  /** Reported, never a reason to be unready: commands are taken and published once Kafka is back. */
  relay: 'running' | 'retrying' | 'none';
  /** Reported, never a reason to be unready: the group joins in the background. */
  consumer: 'joined' | 'joining' | 'none';
}

/** How long one probe's answer is reused: `/health` is public, so a flood of calls costs one write a second. */
export const HEALTH_PROBE_TTL_MS = 1000;

/** The row `/health` rewrites in each service's schema, recorded in `<schema>.platform_migrations`. */
export const PLATFORM_MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'health probe',
    sql: (schema) => `CREATE TABLE ${ident(schema)}.health_probe (service text PRIMARY KEY, checked_at timestamptz NOT NULL)`,
  },
];

/**
 * Whether the service's store can write: one upsert of its probe row, through a named prepared
 * statement as appends are, so that a session that answers `SELECT 1` but refuses writes (a broken
 * connection state, a read-only or full database) reports down.
 */
export class StoreProbe {
  private last?: { at: number; up: boolean };
  private running?: Promise<boolean>;

  constructor(
    private readonly runtime: Pick<ServiceRuntime, 'pool' | 'schema' | 'service'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The last answer if fresh, else a new probe (one at a time). */
  async up(): Promise<boolean> {
    if (this.last && this.now() - this.last.at < HEALTH_PROBE_TTL_MS) return this.last.up;
    this.running ??= this.probe().finally(() => (this.running = undefined));
    return this.running;
  }

  private async probe(): Promise<boolean> {
    const { pool, schema, service } = this.runtime;
    let up = true;
    try {
      await pool.query({
        name: `${schema}_health_probe`,
        text: `INSERT INTO ${ident(schema)}.health_probe (service, checked_at) VALUES ($1, now()) ON CONFLICT (service) DO UPDATE SET checked_at = EXCLUDED.checked_at`,
        values: [service],
      });
    } catch {
      up = false;
    }
    this.last = { at: this.now(), up };
    return up;
  }
}

/**
 * The health routes of one service, under `/api/<service>/health` (the gateway's routes): `GET health`
 * (200 when its store accepts a write, else 503; kept for existing monitors), `GET health/live` (the
 * liveness probe: 200 while the process answers at all — it never depends on the database or Kafka, so
 * an outage does not get the process restarted), and `GET health/ready` (the readiness probe: 200 when
 * the store accepts a write, every projection runs and lags less than `READY_MAX_LAG_EVENTS`, else 503
 * problem+json with `Retry-After` and the same checks). A class per service, because Nest's
 * RouterModule prefixes routes by the module that declares the controller.
 */
export function healthController(service: ServiceName): Type<unknown> {
  @ApiTags('health')
  @Public()
  @Controller('health')
  class HealthController {
    private readonly store: StoreProbe;
    private readonly maxLag = intEnv('READY_MAX_LAG_EVENTS', 1000);

    constructor(
      @Inject(SERVICE_RUNTIME) runtime: ServiceRuntime,
      @Optional() @Inject(EVENT_SOURCING) private readonly events?: ServiceEventSourcing,
    ) {
      this.store = new StoreProbe(runtime);
    }

    @Get()
    @ApiOkResponse({ description: 'The service runs and its store accepts writes.' })
    @ApiServiceUnavailableResponse({ description: 'The store cannot write: the service cannot take changes.' })
    @ApiAlsoAnswers(503)
    async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
      const database = (await this.store.up()) ? 'up' : 'down';
      if (database === 'down') res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { service, status: database, checks: { database } };
    }

    @Get('live')
    @ApiOkResponse({ description: 'The process runs and answers (liveness probe); it does not look at the database or Kafka.' })
    live(): LivenessReport {
      return { service, status: 'alive', defects: defectCount() };
    }

    @Get('ready')
    @ApiOkResponse({ description: 'The service can take requests (readiness probe): its store writes, its projections run and keep up.' })
    // Not ready: the shared problem+json, with Retry-After and the checks that failed.
    @ApiProblems(503)
    async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
      const store = (await this.store.up()) ? 'up' : 'down';
      let status = { projectionsRunning: true, lag: 0, relay: 'none', consumer: 'none' } as Pick<
        Awaited<ReturnType<ServiceEventSourcing['status']>>,
        'projectionsRunning' | 'lag' | 'relay' | 'consumer'
      >;
      if (this.events) {
        try {
          status = await this.events.status(this.maxLag);
        } catch {
          status = { ...status, projectionsRunning: false };
        }
      }
      const checks: ReadinessChecks = {
        store,
        projections: status.projectionsRunning ? 'running' : 'retrying',
        lag: status.lag,
        maxLag: this.maxLag,
        relay: status.relay,
        consumer: status.consumer,
      };
      const reasons = [
        ...(store === 'down' ? ['the store does not accept writes'] : []),
        ...(status.projectionsRunning ? [] : ['a projection is retrying a failure']),
        ...(status.lag > this.maxLag ? [`the read models lag more than ${this.maxLag} events behind the log`] : []),
      ];
      if (reasons.length > 0) {
        res.setHeader('Retry-After', String(storeRetryAfterSeconds()));
        throw new ProblemException({
          type: `${PROBLEM_BASE}not-ready`,
          title: 'Not ready',
          status: HttpStatus.SERVICE_UNAVAILABLE,
          detail: `Not ready: ${reasons.join('; ')}.`,
          service,
          checks,
        });
      }
      return { service, status: 'ready', checks };
    }
  }
  return HealthController;
}
