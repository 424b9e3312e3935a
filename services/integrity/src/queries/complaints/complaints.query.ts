import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, ListCursor, Optional, PageLimit, PageOffset } from '@police/platform';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListComplaintsQuery {
  @ApiPropertyOptional({ enum: ['intake', 'triaged', 'concluded', 'closed'] })
  @Optional()
  @IsIn(['intake', 'triaged', 'concluded', 'closed'])
  status?: string;
  @ApiPropertyOptional({ enum: ['intake', 'BIT', 'Tucht', 'DPO'], description: 'The compartment the complaint sits in' })
  @Optional()
  @IsIn(['intake', 'BIT', 'Tucht', 'DPO'])
  unit?: string;
  @ApiPropertyOptional({ description: 'Only complaints with a step past its time limit' })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ description: 'The complaint handed off from this desk report' }) @Optional() @IsUUID() reportId?: string;
  @PageLimit() limit?: number;
  @PageOffset() offset?: number;
  @ListCursor() after?: string;
}

export class InvestigatorCheckQuery {
  @ApiProperty({ example: '5415-0401', description: 'The staff member proposed as investigator' })
  @IsString()
  @Length(1, 64)
  investigatorId: string;
}

export class EarlyWarningQuery {
  @ApiPropertyOptional({ description: 'The day the window ends (default today)', example: '2026-06-30' })
  @Optional()
  @IsCalendarDate()
  asOf?: string;
}
