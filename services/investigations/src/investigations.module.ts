import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { createServicePool, DB_POOL, healthController, SERVICE_RUNTIME, ServiceRuntime } from '@police/platform';
import type { Pool } from 'pg';

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
        {
          provide: DB_POOL,
          useFactory: async (): Promise<Pool> => {
            const pool = createServicePool(runtime);
            await pool.query(`CREATE SCHEMA IF NOT EXISTS "${runtime.schema}"`);
            return pool;
          },
        },
        {
          provide: Symbol.for('investigations:pool-shutdown'),
          inject: [DB_POOL],
          useFactory: (pool: Pool) => ({ onApplicationShutdown: () => pool.end() }),
        },
      ],
    };
  }
}
