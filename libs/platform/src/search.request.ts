import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { PageLimit, PageOffset } from './request-fields';
import { SEARCH_CANDIDATES, SEARCH_FIELDS, SearchField, SnippetPart } from './search-index';

/** The longest search text taken. */
export const SEARCH_MAX_LENGTH = 200;
/** The deepest a search pages: within the ranked matches (past them, the words should be sharper). */
export const SEARCH_MAX_OFFSET = SEARCH_CANDIDATES - 1;

/** `GET /api/<service>/search?q=&limit=&offset=`: the same query for every service that searches. */
export class SearchQuery {
  @ApiProperty({
    description:
      'What to look for: words (Dutch stemming; each word of 3+ letters also matches as a prefix), "a phrase" in quotes, `or`, -word to exclude; PV, register or seal numbers match exactly or by prefix',
    minLength: 1,
    maxLength: SEARCH_MAX_LENGTH,
    example: 'fiets Voorbeeldstraat',
  })
  @IsString()
  @Length(1, SEARCH_MAX_LENGTH)
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u001f\u007f]*[^\s\u0000-\u001f\u007f][^\u0000-\u001f\u007f]*$/, {
    message: 'q must hold some text, without control characters',
  })
  q: string;

  @PageLimit({ max: 50, default: 20 })
  limit?: number;

  @PageOffset(SEARCH_MAX_OFFSET)
  offset?: number;
}

export class SearchSnippetPart implements SnippetPart {
  @ApiProperty() text: string;
  @ApiProperty({ description: 'This run matched the search' }) match: boolean;
}

/** One record found. Open it through the service's read route (which logs that read). */
export class SearchHitView {
  @ApiProperty({ description: 'What it is: report, investigation, integrity_complaint, …', example: 'report' }) kind: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String], description: 'PV, register or other numbers of the record' }) references: string[];
  @ApiProperty({ enum: SEARCH_FIELDS, isArray: true, description: 'Where the search matched' }) matched: SearchField[];
  @ApiProperty({
    type: [SearchSnippetPart],
    description: 'A passage with the matches marked (plain text runs: render each, mark those with match)',
  })
  snippet: SearchSnippetPart[];
  @ApiProperty({ description: 'Relevance (higher is better); hits come best first' }) rank: number;
  @ApiProperty({ description: "The record's version (its ETag) when indexed" }) version: number;
  @ApiProperty({ format: 'date-time', description: 'When the matter happened or came in' }) occurredAt: string;
}

/** A page of hits among the records the reader may see; `total` counts only those. */
export class SearchPage {
  @ApiProperty() q: string;
  @ApiProperty({ description: 'Matches the reader may see (hidden records are never counted); at most 1,000' }) total: number;
  @ApiProperty({
    description:
      'False when more than 1,000 visible records match: then `total` is a lower bound, and the 1,000 most recent matches are the ones ranked and paged (sharpen the words to see others)',
  })
  totalExact: boolean;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ type: [SearchHitView] }) hits: SearchHitView[];
}
