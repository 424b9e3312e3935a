import { Controller, Get, HttpStatus, Inject, Res, Type } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ident, Migration } from '@police/event-store';
import type { Response } from 'express';
import { Public } from './http-app';
import { registerResponseSchemas } from './openapi';
import responses from './platform.responses.json';
import { ApiAlsoAnswers } from './route-facts';
import { SERVICE_RUNTIME, ServiceName, ServiceRuntime } from './runtime';

// What health answers, generated from its return type (npm run api:generate).
registerResponseSchemas(responses);

export interface HealthReport {
  service: ServiceName;
  status: 'up' | 'down';
  /** `database: 'up'`: the service's store accepted a write just now (within {@link HEALTH_PROBE_TTL_MS}). */
  checks: { database: 'up' | 'down' };
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
 * A `GET health` controller for one service: 200 when its store accepts a write, else 503. A class
 * per service, because Nest's RouterModule prefixes routes by the module that declares the controller.
 */
export function healthController(service: ServiceName): Type<unknown> {
  @ApiTags('health')
  @Public()
  @Controller('health')
  class HealthController {
    private readonly store: StoreProbe;

    constructor(@Inject(SERVICE_RUNTIME) runtime: ServiceRuntime) {
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
  }
  return HealthController;
}
