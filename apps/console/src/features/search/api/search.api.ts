import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReportsComponents } from '@police/api-client';
import { call, integrityApi, investigationsApi, reportsApi } from '@/lib/api';
import type { SearchService } from '../access';

export type SearchHit = ReportsComponents['schemas']['SearchHitView'];

/** One page of a service's search answer (the same shape in every service). */
export interface SearchPage {
  q: string;
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
  hits: SearchHit[];
}

/** Hits per page; the services rank the 1,000 most recent matches and page within them (offset ≤ 999). */
export const SEARCH_PAGE_SIZE = 20;
const MAX_OFFSET = 999;

/** Cache keys: one per service and search text. Search answers never refresh by themselves (each read is logged). */
export const searchKeys = {
  all: ['search'] as const,
  group: (service: SearchService, q: string) => [...searchKeys.all, service, q] as const,
};

async function searchPage(service: SearchService, q: string, offset: number): Promise<SearchPage> {
  const query = { q, limit: SEARCH_PAGE_SIZE, offset };
  switch (service) {
    case 'reports':
      return (await call(reportsApi.GET('/api/reports/search', { params: { query } }))).data;
    case 'investigations':
      return (await call(investigationsApi.GET('/api/investigations/search', { params: { query } }))).data;
    case 'integrity':
      return (await call(integrityApi.GET('/api/integrity/search', { params: { query } }))).data;
  }
}

/** The next offset to ask for, or undefined when every visible match (within the ranked ones) is shown. */
export function nextOffset(last: SearchPage): number | undefined {
  const next = last.offset + last.hits.length;
  return last.hits.length > 0 && next < last.total && next <= MAX_OFFSET ? next : undefined;
}

/** A service's hits for `q`, page after page ("show more"); off when the user may not search it or q is empty. */
export function useSearchGroup(service: SearchService, q: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: searchKeys.group(service, q),
    enabled: enabled && q.trim() !== '',
    meta: { live: false },
    staleTime: 60_000,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => searchPage(service, q, pageParam),
    getNextPageParam: nextOffset,
  });
}
