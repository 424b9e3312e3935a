import { DataSubjectRequestQueriesController, IntegrityDataSubjectsController } from './queries/data-subjects/data-subjects.http';
import { DataSubjectRequestCommandsController } from './commands/data-subjects/data-subject-requests.http';
import { DataSubjectRequestRow } from './read-model/data-subjects/data-subject-request.read-model';
import { dataSubjectRequestsProjection } from './read-model/data-subjects/data-subject-request.projection';
import { DynamicModule, Module } from '@nestjs/common';
import {
  DB_POOL,
  SERVICE_RUNTIME,
  ServiceRuntime,
  eventSourcingProvider,
  healthController,
  registerResponseSchemas,
} from '@police/platform';
import responses from './integrity.responses.json';
import { liveUpdatesProvider, opsController } from '@police/security';
import { ComplaintCommandsController } from './commands/complaints/complaints.http';
import { RegisterNumbers } from './integrity.register-numbers';
import { complaintSearchProjection, ComplaintSearchEntry } from './read-model/search/complaint-search.projection';
import { ComplaintSearchController } from './queries/search/search.http';
import { IntegrityLiveController, integrityLiveSources } from './queries/live/live.http';
import { IntegrityAccess } from './integrity.access';
import { INTEGRITY_CONFIG, integrityConfigFromEnv } from './integrity.config';
import { integrityHandlers } from './integration/integrity.consumer';
import { integrityToPublic } from './integration/integrity.public';
import { complaintListProjection } from './read-model/complaints/complaint-list.projection';
import { ComplaintRow } from './read-model/complaints/complaint.read-model';
import { ComplaintQueriesController, EarlyWarningsController } from './queries/complaints/complaints.http';
import { OrderMeasureCommandsController } from './commands/tucht/order-measures.http';
import { ThreatFileCommandsController } from './commands/tucht/threat-files.http';
import { DisciplinaryFileController, OrderMeasureQueriesController, ThreatFileQueriesController } from './queries/tucht/tucht.http';
import { orderMeasuresProjection, threatFilesProjection } from './read-model/tucht/tucht.projection';
import { OrderMeasureRow, ThreatFileRow } from './read-model/tucht/tucht.read-model';
import { IntegrityReferenceController } from './queries/reference/reference.http';

export const INTEGRITY_DESCRIPTION =
  'Complaints against the police, from intake to outcome, in a sealed compartment; order measures, threat files and disciplinary files kept by Bureau Tucht.';

/**
 * The integrity service: everything it serves under `/api/integrity`, given the runtime its host provides.
 * It consumes the reports service's complaints and publishes only their receipts (`integrity.ComplaintReceived.v1`,
 * a pointer and a time: ADR 0053); nothing of a complaint leaves its sealed compartment.
 */
// What each route answers, generated from its handler's return type (npm run api:generate).
registerResponseSchemas(responses);

@Module({})
export class IntegrityModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    const config = integrityConfigFromEnv();
    return {
      module: IntegrityModule,
      controllers: [
        healthController('integrity'),
        opsController('integrity'),
        ComplaintSearchController,
        IntegrityLiveController,
        IntegrityDataSubjectsController,
        DataSubjectRequestQueriesController,
        DataSubjectRequestCommandsController,
        ComplaintCommandsController,
        ComplaintQueriesController,
        EarlyWarningsController,
        OrderMeasureCommandsController,
        OrderMeasureQueriesController,
        ThreatFileCommandsController,
        ThreatFileQueriesController,
        DisciplinaryFileController,
        IntegrityReferenceController,
      ],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DB_POOL, useValue: runtime.pool },
        { provide: INTEGRITY_CONFIG, useValue: config },
        eventSourcingProvider(runtime, {
          entities: [ComplaintRow, OrderMeasureRow, ThreatFileRow, ComplaintSearchEntry, DataSubjectRequestRow],
          projections: [
            complaintListProjection,
            orderMeasuresProjection,
            threatFilesProjection,
            complaintSearchProjection,
            dataSubjectRequestsProjection,
          ],
          consume: { from: ['reports'], handlers: (es) => integrityHandlers(es, config) },
          // Only the receipt of a complaint handed off by reports, so that reports destroys its copy (ADR 0053).
          toPublic: integrityToPublic,
          // Complaint data: the IT desk replays or discards these without ever reading them.
          sealedPayloads: true,
        }),
        IntegrityAccess,
        liveUpdatesProvider('integrity', {
          inject: [IntegrityAccess],
          sources: (_es, access: IntegrityAccess) => integrityLiveSources(access),
        }),
        RegisterNumbers,
      ],
    };
  }
}
