import { IsIn } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@police/platform';
import { FOUND_OBJECT_CATEGORIES } from '../../domain/found-object.events';

export class ListFoundObjectsQuery {
  @ApiPropertyOptional({ enum: ['held', 'returned_to_owner', 'handed_to_organisation', 'destroyed'] })
  @Optional()
  @IsIn(['held', 'returned_to_owner', 'handed_to_organisation', 'destroyed'])
  status?: string;
  @ApiPropertyOptional({ enum: FOUND_OBJECT_CATEGORIES }) @Optional() @IsIn(FOUND_OBJECT_CATEGORIES) category?: string;
}
