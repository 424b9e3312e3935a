import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { Optional, PageLimit, PageOffset } from '@police/platform';
import { PV_DESTINATIONS, PvDestination } from '../../domain/pv.events';
import { PV_QUEUE_STAGES, PvQueueStage } from '../../domain/pv-queue.query';

export const PV_QUEUE_ORDERS = ['oldest', 'newest'] as const;

/** GET /api/reports/pvs: GAK's queue, filtered and paged. */
export class PvQueueQuery {
  @ApiPropertyOptional({ enum: PV_QUEUE_STAGES, description: 'What the PVs wait for; all submitted PVs when left out' })
  @Optional()
  @IsIn(PV_QUEUE_STAGES)
  stage?: PvQueueStage;
  @ApiPropertyOptional({ enum: PV_DESTINATIONS }) @Optional() @IsIn(PV_DESTINATIONS) destination?: PvDestination;
  @ApiPropertyOptional({ description: 'Part of the offence type, any case', example: 'inbraak' })
  @Optional()
  @IsString()
  @Length(1, 100)
  offenceType?: string;
  @ApiPropertyOptional({ description: 'Staff id of the author', example: '5415-0101' })
  @Optional()
  @IsString()
  @Length(1, 64)
  author?: string;
  @ApiPropertyOptional({
    enum: PV_QUEUE_ORDERS,
    default: 'oldest',
    description: 'By the time the PV entered its status: longest waiting first, or newest',
  })
  @Optional()
  @IsIn(PV_QUEUE_ORDERS)
  order?: (typeof PV_QUEUE_ORDERS)[number];
  @PageLimit() limit?: number;
  @PageOffset() offset?: number;
}
