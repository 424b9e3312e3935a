import { EvidenceDataSubjectsController } from './queries/data-subjects/data-subjects.http';
import { DynamicModule, Module } from '@nestjs/common';
import {
  DB_POOL,
  SERVICE_RUNTIME,
  ServiceRuntime,
  eventSourcingProvider,
  healthController,
  registerResponseSchemas,
} from '@police/platform';
import responses from './evidence.responses.json';
import { liveUpdatesProvider, opsController } from '@police/security';
import { FoundObjectCommandsController } from './commands/found-objects/found-objects.http';
import { RetentionCommandsController } from './commands/retention/retention.http';
import { InventoryCommandsController } from './commands/inventory/inventory.http';
import { ItemCommandsController } from './commands/items/items.http';
import { LabelNumbers } from './evidence.label-numbers';
import { EvidenceAccess } from './evidence.access';
import { EvidenceRetention, RetentionJob, retentionSchedulesProvider } from './evidence.retention';
import { EVIDENCE_ENCRYPTION } from './evidence.sensitive';
import { EVIDENCE_CONFIG, evidenceConfigFromEnv } from './evidence.config';
import { evidenceHandlers } from './integration/evidence.consumer';
import { evidenceToPublic } from './integration/evidence.public';
import { foundObjectsProjection, lossDeclarationsProjection } from './read-model/found-objects/found-object.projection';
import { FoundObjectRow, LossDeclarationRow } from './read-model/found-objects/found-object.read-model';
import { caseDirectoryProjection, itemsProjection } from './read-model/items/item.projection';
import { CaseRow, ItemRow } from './read-model/items/item.read-model';
import { FoundObjectQueriesController } from './queries/found-objects/found-objects.http';
import { RetentionQueriesController } from './queries/retention/retention.http';
import { retentionReviewsProjection } from './read-model/retention/retention.projection';
import { RetentionReviewRow } from './read-model/retention/retention.read-model';
import { InventoryQueriesController } from './queries/inventory/inventory.http';
import { ItemQueriesController } from './queries/items/items.http';
import { EvidenceLiveController, evidenceLiveSources } from './queries/live/live.http';
import { EvidenceReferenceController } from './queries/reference/reference.http';

export const EVIDENCE_DESCRIPTION = 'Seized items and traces with a provable, two-party chain of custody.';

/** The evidence service: everything it serves under `/api/evidence`, given the runtime its host provides. */
// What each route answers, generated from its handler's return type (npm run api:generate).
registerResponseSchemas(responses);

@Module({})
export class EvidenceModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: EvidenceModule,
      controllers: [
        healthController('evidence'),
        opsController('evidence'),
        EvidenceLiveController,
        EvidenceDataSubjectsController,
        ItemCommandsController,
        ItemQueriesController,
        FoundObjectCommandsController,
        FoundObjectQueriesController,
        InventoryCommandsController,
        InventoryQueriesController,
        EvidenceReferenceController,
        RetentionCommandsController,
        RetentionQueriesController,
      ],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DB_POOL, useValue: runtime.pool },
        { provide: EVIDENCE_CONFIG, useFactory: () => evidenceConfigFromEnv() },
        eventSourcingProvider(runtime, {
          entities: [ItemRow, CaseRow, FoundObjectRow, LossDeclarationRow, RetentionReviewRow],
          projections: [
            itemsProjection,
            caseDirectoryProjection,
            foundObjectsProjection,
            lossDeclarationsProjection,
            retentionReviewsProjection,
          ],
          encryption: EVIDENCE_ENCRYPTION,
          toPublic: evidenceToPublic,
          consume: { from: ['investigations', 'reports'], handlers: evidenceHandlers },
        }),
        EvidenceAccess,
        liveUpdatesProvider('evidence', {
          inject: [EvidenceAccess],
          sources: (es, access: EvidenceAccess) => evidenceLiveSources(es, access),
        }),
        LabelNumbers,
        retentionSchedulesProvider,
        EvidenceRetention,
        RetentionJob,
      ],
    };
  }
}
