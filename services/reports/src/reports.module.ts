import { DynamicModule, Module } from '@nestjs/common';
import {
  DB_POOL,
  SERVICE_RUNTIME,
  ServiceRuntime,
  eventSourcingProvider,
  healthController,
  registerResponseSchemas,
} from '@police/platform';
import responses from './reports.responses.json';
import { liveUpdatesProvider, opsController } from '@police/security';
import { ReportCommandsController } from './commands/reports/reports.http';
import { PvCommandsController } from './commands/pvs/pvs.http';
import { reportsToPublic } from './integration/reports.public';
import { reportsHandlers } from './integration/reports.consumer';
import { REPORTS_ENCRYPTION } from './reports.sensitive';
import { ReportsAccess } from './reports.access';
import { REPORTS_CONFIG, reportsConfigFromEnv } from './reports.config';
import { reportListProjection } from './read-model/reports/report-list.projection';
import { ReportRow } from './read-model/reports/report.read-model';
import { ReportQueriesController } from './queries/reports/reports.http';
import { pvsProjection } from './read-model/pvs/pv.projection';
import { PvRow } from './read-model/pvs/pv.read-model';
import { pvQueueProjection } from './read-model/pvs/pv-queue.projection';
import { PvQueueRow } from './read-model/pvs/pv-queue.read-model';
import { PvQueriesController } from './queries/pvs/pvs.http';
import { reportStatisticsProjection } from './read-model/statistics/report-statistics.projection';
import { reportSearchProjection, ReportSearchEntry } from './read-model/search/report-search.projection';
import { ReportSearchController } from './queries/search/search.http';
import { ReportsLiveController, reportsLiveSources } from './queries/live/live.http';
import { ReportDataSubjectsController } from './queries/data-subjects/data-subjects.http';
import { ProcessingRestrictionController } from './commands/data-subjects/processing-restriction.http';
import { ReportStatisticsRow } from './read-model/statistics/report-statistics.read-model';

export const REPORTS_DESCRIPTION = "Citizens' reports from every intake channel, and the PV through quality control.";

/** The reports service: everything it serves under `/api/reports`, given the runtime its host provides. */
// What each route answers, generated from its handler's return type (npm run api:generate).
registerResponseSchemas(responses);

@Module({})
export class ReportsModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    const config = reportsConfigFromEnv();
    return {
      module: ReportsModule,
      // Named routes before `:id`: Express matches in registration order.
      controllers: [
        healthController('reports'),
        opsController('reports'),
        ReportSearchController,
        ReportsLiveController,
        ReportDataSubjectsController,
        PvQueriesController,
        ReportQueriesController,
        ReportCommandsController,
        PvCommandsController,
        ProcessingRestrictionController,
      ],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DB_POOL, useValue: runtime.pool },
        { provide: REPORTS_CONFIG, useValue: config },
        eventSourcingProvider(runtime, {
          entities: [ReportRow, PvRow, PvQueueRow, ReportStatisticsRow, ReportSearchEntry],
          projections: [
            reportListProjection(config),
            pvsProjection,
            pvQueueProjection,
            reportStatisticsProjection(config.timeZone),
            reportSearchProjection(config),
          ],
          toPublic: reportsToPublic,
          // Integrity's receipts of conduct complaints: the report's statement is then destroyed here (ADR 0053).
          consume: { from: ['integrity'], handlers: (es) => reportsHandlers(es) },
          encryption: REPORTS_ENCRYPTION,
        }),
        ReportsAccess,
        liveUpdatesProvider('reports', { inject: [ReportsAccess], sources: (es, access: ReportsAccess) => reportsLiveSources(es, access) }),
      ],
    };
  }
}
