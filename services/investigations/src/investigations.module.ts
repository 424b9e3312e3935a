import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DB_POOL, healthController, SERVICE_RUNTIME, ServiceRuntime } from '@police/platform';

export const INVESTIGATIONS_DESCRIPTION = 'The detectives\' case file, from referral to the magistrate.';

/** The investigations service: everything it serves under `/api/investigations`, given the runtime its host provides. */
@Module({})
export class InvestigationsModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: InvestigationsModule,
      imports: [CqrsModule],
      controllers: [healthController('investigations')],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DB_POOL, useValue: runtime.pool },
        {
          provide: Symbol.for('investigations:schema'),
          useFactory: async () => runtime.pool.query(`CREATE SCHEMA IF NOT EXISTS "${runtime.schema}"`),
        },
      ],
    };
  }
}
