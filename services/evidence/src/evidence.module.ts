import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { createServicePool, DB_POOL, healthController, SERVICE_RUNTIME, ServiceRuntime } from '@police/platform';
import type { Pool } from 'pg';

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
        {
          provide: DB_POOL,
          useFactory: async (): Promise<Pool> => {
            const pool = createServicePool(runtime);
            await pool.query(`CREATE SCHEMA IF NOT EXISTS "${runtime.schema}"`);
            return pool;
          },
        },
        {
          provide: Symbol.for('evidence:pool-shutdown'),
          inject: [DB_POOL],
          useFactory: (pool: Pool) => ({ onApplicationShutdown: () => pool.end() }),
        },
      ],
    };
  }
}
