import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DB_POOL, healthController, SERVICE_RUNTIME, ServiceRuntime } from '@police/platform';

export const REPORTS_DESCRIPTION = 'Citizens\' reports from every intake channel, and the PV through quality control.';

/** The reports service: everything it serves under `/api/reports`, given the runtime its host provides. */
@Module({})
export class ReportsModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: ReportsModule,
      imports: [CqrsModule],
      controllers: [healthController('reports')],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DB_POOL, useValue: runtime.pool },
        {
          provide: Symbol.for('reports:schema'),
          useFactory: async () => runtime.pool.query(`CREATE SCHEMA IF NOT EXISTS "${runtime.schema}"`),
        },
      ],
    };
  }
}
