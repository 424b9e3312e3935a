import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

/** `GET …/audit/consultations`: filters (AND) and paging. */
export class ConsultationQueryRequest {
  @ApiPropertyOptional({ description: 'A record id: consultations of it, alone or in a list' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  subject?: string;

  @ApiPropertyOptional({ description: 'A staff id: consultations by that person' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  actor?: string;

  @ApiPropertyOptional({ description: 'From this instant (ISO 8601), inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (ISO 8601), exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only break-glass reads (true), or none (false)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  breakGlass?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['granted', 'refused'] })
  @IsOptional()
  @IsIn(['granted', 'refused'])
  outcome?: 'granted' | 'refused';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  cursor?: string;
}

/** `GET …/audit/consultations/verify`: which UTC day's chain to recompute. */
export class VerifyConsultationsRequest {
  @ApiProperty({ example: '2026-05-04' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be a day as YYYY-MM-DD' })
  date: string;
}
