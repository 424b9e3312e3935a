import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { IsCalendarDate, Optional, PageLimit, PageOffset } from '@police/platform';
import { ORDER_MEASURE_STATUSES } from '../../domain/order-measure.events';
import { THREAT_FILE_STATUSES } from '../../domain/threat-file.events';

export class ListOrderMeasuresQuery {
  @ApiPropertyOptional({ description: 'The staff member the measures are toward' }) @Optional() @IsString() @Length(1, 64) staffId?: string;
  @ApiPropertyOptional({ enum: ORDER_MEASURE_STATUSES }) @Optional() @IsIn(ORDER_MEASURE_STATUSES) status?: string;
  @PageLimit() limit?: number;
  @PageOffset() offset?: number;
}

export class ListThreatFilesQuery {
  @ApiPropertyOptional({ description: 'A staff member involved' }) @Optional() @IsString() @Length(1, 64) staffId?: string;
  @ApiPropertyOptional({ enum: THREAT_FILE_STATUSES }) @Optional() @IsIn(THREAT_FILE_STATUSES) status?: string;
  @PageLimit() limit?: number;
  @PageOffset() offset?: number;
}

export class DisciplinaryFileQuery {
  @ApiPropertyOptional({ description: 'The day erasure is judged on (default today)', example: '2026-06-30' })
  @Optional()
  @IsCalendarDate()
  asOf?: string;
}
