import { applyDecorators, Injectable } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  fieldsProblem,
  ProblemException,
  SEARCH_ACCESS_COLUMNS,
  SearchEntry,
  searchIndex,
  SearchPage,
  SearchQuery,
  searchQuery,
} from '@police/platform';
import type { Request } from 'express';
import type { DataSource, EntityTarget } from 'typeorm';
import { AccessControl } from './access-control';
import { ResourceType } from './access-policy';
import { principalOf } from './principal';
import { SearchRateLimit } from './rate-limit';
import { unauthenticated } from './security.problems';
import { AccessRow, resourceOfRow } from './visibility';

/**
 * Search over a service's index (`@police/platform` `SearchEntry`) behind need-to-know: the database
 * matches, ranks, counts and pages only the records the reader sees without a justification (the
 * `canSee` rule as SQL), and the answer is logged as a list consultation of the records it shows.
 * Hidden, restricted and sealed records never appear, not even in `total`.
 */
@Injectable()
export class RecordSearch {
  constructor(private readonly access: AccessControl) {}

  async search(
    req: Request,
    index: { dataSource: DataSource; entity: EntityTarget<SearchEntry>; types: readonly ResourceType[] },
    query: SearchQuery,
  ): Promise<SearchPage> {
    const principal = principalOf(req);
    if (!principal) throw unauthenticated('This endpoint reads protected records: it needs a bearer token.');
    const tsquery = await searchQuery(index.dataSource, query.q);
    if (tsquery === null) throw nothingToSearch();
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const { total, totalExact, hits } = await searchIndex(index.dataSource, index.entity, {
      tsquery,
      limit,
      offset,
      visible: (param) => this.access.visibleWhere(principal, index.types, SEARCH_ACCESS_COLUMNS, param),
      accessLexemes: this.access.visibleLexemes(principal, index.types),
    });
    const shown = new Map<ResourceType, AccessRow[]>(index.types.map((t) => [t, []]));
    for (const h of hits) shown.get(h.access.type as ResourceType)?.push({ ...h.access, type: h.access.type as ResourceType, id: h.id });
    // recordListRead re-checks every record with canSee: a row the SQL let through wrongly fails the answer.
    for (const [type, rows] of shown) {
      if (rows.length > 0 || type === index.types[0])
        await this.access.recordListRead(
          req,
          type,
          rows.map((r) => resourceOfRow(r, principal)),
        );
    }
    return { q: query.q, total, totalExact, limit, offset, hits: hits.map(({ access: _access, ...hit }) => hit) };
  }
}

function nothingToSearch(): ProblemException {
  return fieldsProblem([{ field: 'q', detail: 'q holds no word to look for (only stop words, punctuation or exclusions)' }]);
}

/**
 * What a service's search route states besides `@Get('search')`, its `@Allow` and `@Consults`: the
 * per-person rate limit and its summary. The OpenAPI builder derives the rest (the {@link SearchPage}
 * answer, 400 naming the field, 429 with Retry-After). The route answers through {@link RecordSearch}.
 */
export function SearchRoute(summary: string): MethodDecorator {
  return applyDecorators(SearchRateLimit(), ApiOperation({ summary }));
}
