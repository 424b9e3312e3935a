import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant, ListCursor, Optional, PageLimit, PageOffset } from '@police/platform';

export class ListInvestigationsQuery {
  @ApiPropertyOptional({ example: 'Diefstallen' }) @Optional() @IsString() @Length(1, 100) team?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @Optional() @IsIn(['open', 'closed']) status?: string;
  @ApiPropertyOptional({ example: 'woninginbraak' }) @Optional() @IsString() @Length(1, 100) phenomenon?: string;
  @ApiPropertyOptional({ description: 'Staff id of the lead or a member' }) @Optional() @IsString() @Length(1, 64) assignedTo?: string;
  @ApiPropertyOptional({ description: 'Staff id of the lead investigator' }) @Optional() @IsString() @Length(1, 64) lead?: string;
  @ApiPropertyOptional({ description: 'Opened at or after this instant (RFC 3339 with its offset)' })
  @Optional()
  @IsInstant()
  openedFrom?: string;
  @ApiPropertyOptional({ description: 'Opened before this instant (RFC 3339 with its offset)' }) @Optional() @IsInstant() openedTo?: string;
  @ApiPropertyOptional({ description: 'The case a report was referred into or joined to' }) @Optional() @IsUUID() reportId?: string;
  @PageLimit() limit?: number;
  @PageOffset() offset?: number;
  @ListCursor() after?: string;
}

export class PersonIndexQuery {
  @ApiPropertyOptional({ description: 'The person’s reference' }) @Optional() @IsString() @Length(1, 64) personId?: string;
  @ApiPropertyOptional({ description: 'Part of the displayed name (at least 2 characters)' })
  @Optional()
  @IsString()
  @Length(2, 100)
  name?: string;
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'ISO time: the file as it stood then' }) @Optional() @IsInstant() asOf?: string;
}
