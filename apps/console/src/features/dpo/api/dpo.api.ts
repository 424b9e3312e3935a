import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { call, evidenceApi, integrityApi, investigationsApi, reportsApi } from '@/lib/api';
import { LOG_SERVICES, LogService } from '../access';
import type { ConsultationPage, DayVerification } from './dpo.types';
import { ChainResult, groupVerifications, LogEntry, mergeLogs, ServicePage } from './merge';
export type { ChainResult } from './merge';

/** The log's filters, as every service's `GET …/audit/consultations` takes them (`from`/`to` instants). */
export interface LogFilters {
  /** A record id. */
  subject?: string;
  /** A staff id. */
  actor?: string;
  from?: string;
  to?: string;
  breakGlassOnly?: boolean;
  refusedOnly?: boolean;
}

/** Entries per service and page on screen; an export asks for the largest pages the API gives. */
export const LOG_PAGE_SIZE = 50;
const EXPORT_PAGE_SIZE = 200;
/** An answer to the COC holds at most this many entries; a larger question is narrowed by period. */
export const EXPORT_MAX_ENTRIES = 2000;
/** The chains of at most this many days are verified for one export (each day is four requests). */
export const EXPORT_MAX_DAYS = 10;

export const dpoKeys = {
  all: ['dpo'] as const,
  log: (filters: LogFilters) => [...dpoKeys.all, 'log', filters] as const,
  verification: (service: LogService, date: string) => [...dpoKeys.all, 'verification', service, date] as const,
};

function queryOf(filters: LogFilters, limit: number, cursor?: string) {
  return {
    subject: filters.subject,
    actor: filters.actor,
    from: filters.from,
    to: filters.to,
    breakGlass: filters.breakGlassOnly ? ('true' as const) : undefined,
    outcome: filters.refusedOnly ? ('refused' as const) : undefined,
    limit,
    cursor,
  };
}

/** One page of one service's own consultation log. */
async function servicePage(service: LogService, filters: LogFilters, limit: number, cursor?: string): Promise<ServicePage> {
  const query = queryOf(filters, limit, cursor);
  let page: ConsultationPage;
  switch (service) {
    case 'reports':
      page = (await call(reportsApi.GET('/api/reports/audit/consultations', { params: { query } }))).data;
      break;
    case 'investigations':
      page = (await call(investigationsApi.GET('/api/investigations/audit/consultations', { params: { query } }))).data;
      break;
    case 'evidence':
      page = (await call(evidenceApi.GET('/api/evidence/audit/consultations', { params: { query } }))).data;
      break;
    case 'integrity':
      page = (await call(integrityApi.GET('/api/integrity/audit/consultations', { params: { query } }))).data;
      break;
  }
  return { service, page };
}

/** One UTC day's chain of one service's log, recomputed by that service. */
export async function verifyDay(service: LogService, date: string): Promise<DayVerification> {
  const query = { date };
  switch (service) {
    case 'reports':
      return (await call(reportsApi.GET('/api/reports/audit/consultations/verify', { params: { query } }))).data;
    case 'investigations':
      return (await call(investigationsApi.GET('/api/investigations/audit/consultations/verify', { params: { query } }))).data;
    case 'evidence':
      return (await call(evidenceApi.GET('/api/evidence/audit/consultations/verify', { params: { query } }))).data;
    case 'integrity':
      return (await call(integrityApi.GET('/api/integrity/audit/consultations/verify', { params: { query } }))).data;
  }
}

type PageParam = 'first' | { service: LogService; cursor: string };

/**
 * The four services' logs merged, newest first ("show more" asks the one service whose pages end the
 * latest). Each answer is itself a logged consultation: the log never refreshes by itself.
 */
export function useConsultationLog(filters: LogFilters) {
  const query = useInfiniteQuery({
    queryKey: dpoKeys.log(filters),
    meta: { live: false },
    staleTime: Infinity,
    initialPageParam: 'first' as PageParam,
    queryFn: async ({ pageParam }): Promise<ServicePage[]> =>
      pageParam === 'first'
        ? Promise.all(LOG_SERVICES.map((s) => servicePage(s, filters, LOG_PAGE_SIZE)))
        : [await servicePage(pageParam.service, filters, LOG_PAGE_SIZE, pageParam.cursor)],
    getNextPageParam: (_last, pages): PageParam | undefined => mergeLogs(pages.flat()).next,
  });
  const merged = query.data ? mergeLogs(query.data.pages.flat()) : undefined;
  return { ...query, entries: merged?.entries };
}

/** The chain of one UTC day as each service's log has it. */
export function useDayVerification(date: string) {
  return useQueries({
    queries: LOG_SERVICES.map((service) => ({
      queryKey: dpoKeys.verification(service, date),
      meta: { live: false },
      staleTime: 0,
      queryFn: () => verifyDay(service, date),
    })),
  });
}

/** The whole answer to a question, for an export: every service's log read to its end (bounded). */
export interface CocAnswer {
  entries: LogEntry[];
  /** True when a log held more than {@link EXPORT_MAX_ENTRIES} entries: the answer is cut off. */
  truncated: boolean;
  /** Each UTC day that holds an entry (newest first), with its chains' verification; at most {@link EXPORT_MAX_DAYS}. */
  days: { date: string; chains: ChainResult[] }[];
  /** Days that hold entries but were not verified in this export (beyond {@link EXPORT_MAX_DAYS}). */
  unverifiedDays: string[];
}

export async function fetchCocAnswer(filters: LogFilters): Promise<CocAnswer> {
  const pages = await Promise.all(
    LOG_SERVICES.map(async (service) => {
      const got: ServicePage[] = [];
      let cursor: string | undefined;
      let count = 0;
      for (;;) {
        const page = await servicePage(service, filters, EXPORT_PAGE_SIZE, cursor);
        got.push(page);
        count += page.page.items.length;
        if (page.page.nextCursor === null || count >= EXPORT_MAX_ENTRIES) break;
        cursor = page.page.nextCursor;
      }
      return got;
    }),
  );
  // A log read only in part bounds the merge (mergeLogs shows nothing older than its last entry).
  const merged = mergeLogs(pages.flat());
  const entries = merged.entries.slice(0, EXPORT_MAX_ENTRIES);
  const truncated = merged.next !== undefined || merged.entries.length > EXPORT_MAX_ENTRIES;
  const allDays = [...new Set(entries.map((e) => e.at.slice(0, 10)))];
  const days = await Promise.all(
    allDays.slice(0, EXPORT_MAX_DAYS).map(async (date) => ({
      date,
      chains: groupVerifications(
        await Promise.all(LOG_SERVICES.map(async (service) => ({ service, verification: await verifyDay(service, date) }))),
      ),
    })),
  );
  return { entries, truncated, days, unverifiedDays: allDays.slice(EXPORT_MAX_DAYS) };
}
