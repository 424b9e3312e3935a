import { IsIn, IsString, Length } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant, ListCursor, Optional, PageLimit, PageOffset } from '@police/platform';
import { PARTY_KINDS, PartyKind } from '../../domain/evidence.events';

export class ListItemsQuery {
  @ApiPropertyOptional({ description: 'Investigation id or PV number' }) @Optional() @IsString() @Length(1, 64) caseId?: string;
  @ApiPropertyOptional({
    description: 'Label number, exactly as printed (EV-2026-000123): what the desk types when a label cannot be scanned',
  })
  @Optional()
  @IsString()
  @Length(1, 64)
  labelNumber?: string;
  @ApiPropertyOptional({ enum: ['held', 'disposed'] }) @Optional() @IsIn(['held', 'disposed']) status?: string;
  @ApiPropertyOptional({ description: 'Custodian id' }) @Optional() @IsString() @Length(1, 64) custodian?: string;
  @ApiPropertyOptional({ description: 'Storage location (room, or room / locker / shelf)' })
  @Optional()
  @IsString()
  @Length(1, 200)
  location?: string;
  @ApiPropertyOptional({ enum: PARTY_KINDS, description: 'Kind of the custodian (e.g. lab: what is out at a lab)' })
  @Optional()
  @IsIn(PARTY_KINDS)
  custodianKind?: PartyKind;
  @ApiPropertyOptional({
    enum: ['incoming', 'outgoing'],
    description:
      'Open handovers: incoming, offered to you or to a party you act for (waiting for your acceptance); outgoing, offered by you or a party you act for',
  })
  @Optional()
  @IsIn(['incoming', 'outgoing'])
  handover?: 'incoming' | 'outgoing';
  @PageLimit() limit?: number;
  @PageOffset() offset?: number;
  @ListCursor() after?: string;
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'ISO time: the item as it stood then' }) @Optional() @IsInstant() asOf?: string;
}
