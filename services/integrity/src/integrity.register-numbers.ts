import { Inject, Injectable } from '@nestjs/common';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import { INTEGRITY_CONFIG, IntegrityConfig } from './integrity.config';

/** Something to run SQL on: the pool, or the consumer's transaction client (in embedded mode the pool has one connection). */
export interface Queryable {
  query<R extends object>(sql: string): Promise<{ rows: R[] }>;
}

/** Numbers of the corps register: `<prefix>-<year>-<000123>`, from a database sequence (gaps possible, never repeats). */
export async function nextRegisterNumber(db: Queryable, schema: string, prefix: string, now: Date): Promise<string> {
  await db.query(`CREATE SEQUENCE IF NOT EXISTS "${schema}".register_numbers`);
  const { rows } = await db.query<{ n: string }>(`SELECT nextval('"${schema}".register_numbers') AS n`);
  return `${prefix}-${now.getUTCFullYear()}-${rows[0].n.padStart(6, '0')}`;
}

@Injectable()
export class RegisterNumbers {
  constructor(
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(INTEGRITY_CONFIG) private readonly config: IntegrityConfig,
  ) {}

  next(now: Date): Promise<string> {
    return nextRegisterNumber(this.es.runtime.pool, this.es.runtime.schema, this.config.registerPrefix, now);
  }
}
