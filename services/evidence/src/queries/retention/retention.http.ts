import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import { RetentionSchedule } from '@police/retention';
import { Allow, SearchRateLimit } from '@police/security';
import { In } from 'typeorm';
import { RETENTION_SCHEDULES } from '../../evidence.retention';
import { RetentionReviewRow } from '../../read-model/retention/retention.read-model';
import { RetentionReviewView, retentionReviewView } from '../../read-model/retention/retention.view';
import { ListRetentionReviewsQuery } from './retention.query';

const STATUSES: Record<NonNullable<ListRetentionReviewsQuery['status']>, string[]> = {
  open: ['due', 'extended'],
  due: ['due'],
  extended: ['extended'],
  erased: ['erased'],
  all: ['due', 'extended', 'erased'],
};

/** The DPO's retention review list and the zone's schedules (ADR 0055). Nothing in them is about a person. */
@ApiTags('retention')
@Controller()
export class RetentionQueriesController {
  constructor(
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(RETENTION_SCHEDULES) private readonly schedules: RetentionSchedule[],
  ) {}

  @Get('retention/reviews')
  @SearchRateLimit()
  @Allow('dpo')
  @ApiOperation({ summary: 'Records whose retention period is over, with their legal hold and every step of their review' })
  async list(@Query() q: ListRetentionReviewsQuery): Promise<{ reviews: RetentionReviewView[] }> {
    const rows = await this.es.dataSource
      .getRepository(RetentionReviewRow)
      .find({ where: { status: In(STATUSES[q.status ?? 'open']) }, order: { dueAt: 'ASC' }, take: 500 });
    return { reviews: rows.map(retentionReviewView) };
  }

  @Get('retention/schedules')
  @SearchRateLimit()
  @Allow('dpo')
  @ApiOperation({ summary: "The zone's retention schedules per data class (every period to be confirmed by a lawyer)" })
  schedulesOf(): { schedules: RetentionSchedule[] } {
    return { schedules: this.schedules };
  }
}
