import { Controller, Get, HttpStatus, Inject, Res, Type } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Public } from './http-app';
import { DB_POOL, ServiceName } from './runtime';

export interface HealthReport {
  service: ServiceName;
  status: 'up' | 'down';
  checks: { database: 'up' | 'down' };
}

/**
 * A `GET health` controller for one service. A class per service, because Nest's RouterModule
 * prefixes routes by the module that declares the controller.
 */
export function healthController(service: ServiceName): Type<unknown> {
  @ApiTags('health')
  @Public()
  @Controller('health')
  class HealthController {
    constructor(@Inject(DB_POOL) private readonly pool: Pool) {}

    @Get()
    @ApiOkResponse({ description: 'The service and its database answer.' })
    async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
      let database: 'up' | 'down' = 'up';
      try {
        await this.pool.query('SELECT 1');
      } catch {
        database = 'down';
      }
      const status = database === 'up' ? 'up' : 'down';
      if (status === 'down') res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { service, status, checks: { database } };
    }
  }
  Object.defineProperty(HealthController, 'name', { value: `${service[0].toUpperCase()}${service.slice(1)}HealthController` });
  return HealthController;
}
