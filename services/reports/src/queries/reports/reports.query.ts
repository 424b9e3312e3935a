import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsDateOrInstant, ListCursor, Optional, PageLimit, PageOffset } from '@police/platform';
import { CHANNEL_KINDS, ChannelKind, REPORT_KINDS, ReportKind } from '../../domain/report.events';
import { REPORT_LIST_STATUSES, ReportListStatus } from '../../read-model/reports/report.read-model';

export class ListReportsQuery {
  @ApiPropertyOptional({ enum: REPORT_LIST_STATUSES }) @Optional() @IsIn(REPORT_LIST_STATUSES) status?: ReportListStatus;
  @ApiPropertyOptional({ enum: REPORT_KINDS }) @Optional() @IsIn(REPORT_KINDS) kind?: ReportKind;
  @ApiPropertyOptional({ enum: CHANNEL_KINDS }) @Optional() @IsIn(CHANNEL_KINDS) channel?: ChannelKind;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 64) office?: string;
  @ApiPropertyOptional({ description: 'Received at or after (ISO date or date-time)' }) @Optional() @IsDateOrInstant() from?: string;
  @ApiPropertyOptional({ description: 'Received before (ISO date or date-time)' }) @Optional() @IsDateOrInstant() to?: string;
  @PageLimit() limit?: number;
  @PageOffset() offset?: number;
  @ListCursor() after?: string;
}

export const STATISTICS_DIMENSIONS = ['kind', 'channel', 'office', 'incidentType', 'week'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export class StatisticsQuery {
  @ApiPropertyOptional({ description: 'First day (YYYY-MM-DD), inclusive' }) @Optional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'Last day (YYYY-MM-DD), inclusive' }) @Optional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ description: `Comma-separated dimensions among ${STATISTICS_DIMENSIONS.join(', ')}`, example: 'kind,week' })
  @Optional()
  @Matches(new RegExp(`^(${STATISTICS_DIMENSIONS.join('|')})(,(${STATISTICS_DIMENSIONS.join('|')}))*$`), {
    message: `groupBy must be a comma-separated list of ${STATISTICS_DIMENSIONS.join(', ')}`,
  })
  groupBy?: string;
}
