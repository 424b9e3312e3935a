import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DB_POOL, healthController, SERVICE_RUNTIME, ServiceRuntime } from '@police/platform';

export const EVIDENCE_DESCRIPTION = 'Seized items and traces with a provable, two-party chain of custody.';

/** The evidence service: everything it serves under `/api/evidence`, given the runtime its host provides. */
@Module({})
export class EvidenceModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: EvidenceModule,
      imports: [CqrsModule],
      controllers: [healthController('evidence')],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DB_POOL, useValue: runtime.pool },
        {
          provide: Symbol.for('evidence:schema'),
          useFactory: async () => runtime.pool.query(`CREATE SCHEMA IF NOT EXISTS "${runtime.schema}"`),
        },
      ],
    };
  }
}
