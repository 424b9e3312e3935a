import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DB_POOL, eventSourcingProvider, healthController, PROBLEM_BASE, SERVICE_RUNTIME, ServiceRuntime } from '@police/platform';
import type { NextFunction, Request, Response } from 'express';
import { REPORTS_COMMAND_HANDLERS } from './commands/reports.cqrs';
import { ReportCommandsController } from './commands/reports/reports.http';
import { PvCommandsController } from './commands/pvs/pvs.http';
import { reportsToPublic } from './integration/reports.public';
import { ReportsAccess } from './reports.access';
import { REPORTS_CONFIG, reportsConfigFromEnv } from './reports.config';
import { reportsProjection } from './queries/reports/report.projection';
import { ReportRow } from './queries/reports/report.read-model';
import { ReportQueriesController } from './queries/reports/reports.http';
import { pvsProjection } from './queries/pvs/pv.projection';
import { PvRow } from './queries/pvs/pv.read-model';
import { reportStatisticsProjection } from './queries/statistics/report-statistics.projection';
import { ReportStatisticsRow } from './queries/statistics/report-statistics.read-model';

export const REPORTS_DESCRIPTION = 'Citizens\' reports from every intake channel, and the PV through quality control.';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAMED = ['health', 'docs', 'docs-json', 'docs-yaml', 'deadlines', 'statistics', 'pvs'];

/**
 * `/api/reports/:id` would otherwise take any word for a report id: a path whose first segment is neither
 * a UUID nor one of the service's named resources is an unknown route (404, for everyone), not an
 * unauthenticated or malformed request for a report.
 */
function unknownRouteIsNotFound(req: Request, res: Response, next: NextFunction): void {
  const path = req.originalUrl.split('?')[0];
  const segment = /\/reports\/([^/]+)/.exec(path)?.[1];
  if (segment === undefined || UUID.test(segment) || NAMED.includes(segment)) return next();
  res
    .status(404)
    .type('application/problem+json')
    .send(JSON.stringify({ type: `${PROBLEM_BASE}not-found`, title: 'Not found', status: 404, detail: `Cannot ${req.method} ${path}`, instance: path }));
}

/** The reports service: everything it serves under `/api/reports`, given the runtime its host provides. */
@Module({})
export class ReportsModule implements NestModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    const config = reportsConfigFromEnv();
    return {
      module: ReportsModule,
      imports: [CqrsModule],
      // Named routes before `:id`: Express matches in registration order.
      controllers: [healthController('reports'), ReportQueriesController, ReportCommandsController, PvCommandsController],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DB_POOL, useValue: runtime.pool },
        { provide: REPORTS_CONFIG, useValue: config },
        eventSourcingProvider(runtime, {
          entities: [ReportRow, PvRow, ReportStatisticsRow],
          projections: [reportsProjection, pvsProjection, reportStatisticsProjection(config.timeZone)],
          toPublic: reportsToPublic,
        }),
        ReportsAccess,
        ...REPORTS_COMMAND_HANDLERS,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(unknownRouteIsNotFound).forRoutes(ReportQueriesController, ReportCommandsController, PvCommandsController);
  }
}
