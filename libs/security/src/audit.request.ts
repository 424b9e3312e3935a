import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, IsDateOrInstant, Optional, PageLimit, PageOffset } from '@police/platform';
import { IsIn, IsString, Length } from 'class-validator';

/** `GET …/audit/consultations`: filters (AND) and paging. */
export class ConsultationQueryRequest {
  @ApiPropertyOptional({ description: 'A record id: consultations of it, alone or in a list' })
  @Optional()
  @IsString()
  @Length(1, 128)
  subject?: string;

  @ApiPropertyOptional({ description: 'A staff id: consultations by that person' })
  @Optional()
  @IsString()
  @Length(1, 128)
  actor?: string;

  @ApiPropertyOptional({ description: 'From this instant (a date-time with an offset, or a day: its start, UTC), inclusive' })
  @Optional()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (a date-time with an offset, or a day: its start, UTC), exclusive' })
  @Optional()
  @IsDateOrInstant()
  to?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only break-glass reads (true), or none (false)' })
  @Optional()
  @IsIn(['true', 'false'])
  breakGlass?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['granted', 'refused'] })
  @Optional()
  @IsIn(['granted', 'refused'])
  outcome?: 'granted' | 'refused';

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @Length(1, 256)
  cursor?: string;
}

/** `GET …/audit/consultations/verify`: which UTC day's chain to recompute. */
export class VerifyConsultationsRequest {
  @ApiProperty({ example: '2026-05-04' })
  @IsCalendarDate()
  date: string;
}

/** Checkpoints answered per page by default (and at most). */
export const CHECKPOINT_PAGE = 1000;

/** `GET …/audit/checkpoints`: a page of the checkpoint file. */
export class CheckpointsQueryRequest {
  @PageLimit({ max: CHECKPOINT_PAGE, default: CHECKPOINT_PAGE })
  limit?: number;

  @PageOffset(1_000_000_000)
  offset?: number;
}
