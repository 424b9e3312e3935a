import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DB_POOL, healthController, SERVICE_RUNTIME, ServiceRuntime } from '@police/platform';

export const INTEGRITY_DESCRIPTION = 'Complaints against the police, from intake to outcome, in a sealed compartment.';

/** The integrity service: everything it serves under `/api/integrity`, given the runtime its host provides. */
@Module({})
export class IntegrityModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: IntegrityModule,
      imports: [CqrsModule],
      controllers: [healthController('integrity')],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DB_POOL, useValue: runtime.pool },
        {
          provide: Symbol.for('integrity:schema'),
          useFactory: async () => runtime.pool.query(`CREATE SCHEMA IF NOT EXISTS "${runtime.schema}"`),
        },
      ],
    };
  }
}
