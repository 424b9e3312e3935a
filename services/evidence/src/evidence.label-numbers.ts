import { Inject, Injectable } from '@nestjs/common';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import { EVIDENCE_CONFIG, EvidenceConfig } from './evidence.config';

/** Human-readable label numbers: `<prefix>-<year>-<000123>`, from a database sequence (gaps possible, never repeats). */
@Injectable()
export class LabelNumbers {
  private ready?: Promise<unknown>;

  constructor(
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig,
  ) {}

  async next(now: Date): Promise<string> {
    const schema = this.es.runtime.schema;
    this.ready ??= this.es.runtime.pool.query(`CREATE SEQUENCE IF NOT EXISTS "${schema}".label_numbers`);
    await this.ready;
    const { rows } = await this.es.runtime.pool.query<{ n: string }>(`SELECT nextval('"${schema}".label_numbers') AS n`);
    return `${this.config.labelPrefix}-${now.getUTCFullYear()}-${rows[0].n.padStart(6, '0')}`;
  }
}
