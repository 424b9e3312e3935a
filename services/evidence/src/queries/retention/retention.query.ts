import { IsIn } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@police/platform';

export const REVIEW_FILTERS = ['open', 'due', 'extended', 'erased', 'all'] as const;

export class ListRetentionReviewsQuery {
  @ApiPropertyOptional({
    enum: REVIEW_FILTERS,
    description: 'open (default): due or extended; due, extended, erased; all',
  })
  @Optional()
  @IsIn(REVIEW_FILTERS)
  status?: (typeof REVIEW_FILTERS)[number];
}
