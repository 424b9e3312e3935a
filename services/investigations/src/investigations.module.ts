import { InvestigationDataSubjectsController } from './queries/data-subjects/data-subjects.http';
import { DynamicModule, Module } from '@nestjs/common';
import {
  DB_POOL,
  SERVICE_RUNTIME,
  ServiceRuntime,
  eventSourcingProvider,
  healthController,
  registerResponseSchemas,
} from '@police/platform';
import responses from './investigations.responses.json';
import { liveUpdatesProvider, opsController } from '@police/security';
import { InvestigationCommandsController } from './commands/investigations/investigations.http';
import { investigationsHandlers } from './integration/investigations.consumer';
import { investigationsToPublic } from './integration/investigations.public';
import { InvestigationsAccess } from './investigations.access';
import { INVESTIGATIONS_CONFIG, investigationsConfigFromEnv } from './investigations.config';
import { investigationListProjection } from './read-model/investigations/investigation-list.projection';
import { partyLinksProjection } from './read-model/investigations/investigation.projection';
import { InvestigationRow, PartyLinkRow } from './read-model/investigations/investigation.read-model';
import { InvestigationQueriesController } from './queries/investigations/investigations.http';
import { InvestigationSearchEntry, investigationSearchProjection } from './read-model/search/investigation-search.projection';
import { InvestigationSearchController } from './queries/search/search.http';
import { InvestigationsLiveController, investigationsLiveSources } from './queries/live/live.http';

export const INVESTIGATIONS_DESCRIPTION = "The detectives' case file, from referral to the magistrate.";

/** The investigations service: everything it serves under `/api/investigations`, given the runtime its host provides. */
// What each route answers, generated from its handler's return type (npm run api:generate).
registerResponseSchemas(responses);

@Module({})
export class InvestigationsModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    const config = investigationsConfigFromEnv();
    return {
      module: InvestigationsModule,
      // Queries first: GET /search and /persons must be matched before GET /:id.
      controllers: [
        healthController('investigations'),
        opsController('investigations'),
        InvestigationSearchController,
        InvestigationsLiveController,
        InvestigationDataSubjectsController,
        InvestigationQueriesController,
        InvestigationCommandsController,
      ],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DB_POOL, useValue: runtime.pool },
        { provide: INVESTIGATIONS_CONFIG, useValue: config },
        eventSourcingProvider(runtime, {
          entities: [InvestigationRow, PartyLinkRow, InvestigationSearchEntry],
          projections: [investigationListProjection(config), partyLinksProjection, investigationSearchProjection(config)],
          toPublic: investigationsToPublic,
          consume: { from: ['reports', 'evidence'], handlers: investigationsHandlers(config) },
        }),
        InvestigationsAccess,
        liveUpdatesProvider('investigations', { sources: () => investigationsLiveSources(config) }),
      ],
    };
  }
}
