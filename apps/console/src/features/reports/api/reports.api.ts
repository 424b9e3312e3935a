import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Answer, call, ifMatch, reportsApi } from '@/lib/api';
import type {
  AmendReportBody,
  AssignReportBody,
  ChannelKind,
  ExternalReferralBody,
  InvestigationRequestBody,
  ReceiveReportBody,
  ReportKind,
  ReportListStatus,
  ReportView,
  StatisticsDimension,
  VictimSupportBody,
} from './reports.types';

/** The list's filters, as GET /api/reports takes them (`from`/`to` are instants). */
export interface ReportFilters {
  status?: ReportListStatus;
  kind?: ReportKind;
  channel?: ChannelKind;
  office?: string;
  from?: string;
  to?: string;
  offset?: number;
}

export interface StatisticsFilters {
  from?: string;
  to?: string;
}

export const PAGE_SIZE = 50;

/**
 * Reports and the desk's work list change under other hands (a PV drafted or checked on the PV screens,
 * a colleague's step): their screens read them afresh whenever they open, rather than trusting a copy
 * up to 30 s old. The zone's reference data and the statistics keep the cache.
 */
const FRESH = { staleTime: 0 } as const;

/**
 * Cache keys of the reports feature, one per resource: lists (by filters), one report, the zone's
 * reference data, the deadlines, the statistics. A write on a report invalidates the lists, the
 * deadlines and the statistics: they all show it.
 */
export const reportKeys = {
  all: ['reports'] as const,
  lists: () => [...reportKeys.all, 'list'] as const,
  list: (filters: ReportFilters) => [...reportKeys.lists(), filters] as const,
  detail: (id: string) => [...reportKeys.all, 'detail', id] as const,
  reference: () => [...reportKeys.all, 'reference'] as const,
  deadlines: () => [...reportKeys.all, 'deadlines'] as const,
  statistics: (dimension: StatisticsDimension, filters: StatisticsFilters) =>
    [...reportKeys.all, 'statistics', dimension, filters] as const,
};

export function useReportList(filters: ReportFilters) {
  return useQuery({
    queryKey: reportKeys.list(filters),
    ...FRESH,
    meta: { live: ['report'] },
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await call(reportsApi.GET('/api/reports', { params: { query: { ...filters, limit: PAGE_SIZE, offset: filters.offset ?? 0 } } })))
        .data,
  });
}

/** One report with its ETag (an edit sends it back as If-Match). */
export function useReport(id: string) {
  return useQuery({
    queryKey: reportKeys.detail(id),
    ...FRESH,
    queryFn: () => call(reportsApi.GET('/api/reports/{id}', { params: { path: { id } } })),
  });
}

/** Offices, competent services and time zone of the zone: configuration, kept for the session. */
export function useReportsReference() {
  return useQuery({
    queryKey: reportKeys.reference(),
    meta: { live: false },
    staleTime: Infinity,
    queryFn: async () => (await call(reportsApi.GET('/api/reports/reference'))).data,
  });
}

/** What waits at the desk, each step with its due time, the most overdue first. */
export function useDeadlines() {
  return useQuery({
    queryKey: reportKeys.deadlines(),
    ...FRESH,
    meta: { live: ['report'] },
    queryFn: async () => (await call(reportsApi.GET('/api/reports/deadlines'))).data,
  });
}

/** Counts of reports along one dimension, between two Belgian days. */
export function useStatistics(dimension: StatisticsDimension, filters: StatisticsFilters) {
  return useQuery({
    queryKey: reportKeys.statistics(dimension, filters),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await call(reportsApi.GET('/api/reports/statistics', { params: { query: { ...filters, groupBy: dimension } } }))).data,
  });
}

/** After a write on a report: its new version is the answer; lists, deadlines and statistics show it too. */
function written(queryClient: QueryClient, id: string, answer: Answer<ReportView>): Promise<void> {
  queryClient.setQueryData(reportKeys.detail(id), answer);
  return queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'reports' && q.queryKey[1] !== 'detail' && q.queryKey[1] !== 'reference',
  });
}

/**
 * Takes a report in. `idempotencyKey` is one per filled-in form: a retry after a lost answer (or a
 * double click) returns the first report instead of a second one.
 */
export function useReceiveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ReceiveReportBody; idempotencyKey: string }) =>
      call(reportsApi.POST('/api/reports', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: (answer) => written(queryClient, answer.data.id, answer),
  });
}

/** A command on a report, sent on the version that was read (If-Match): a 412 means someone was quicker. */
interface OnVersion<B> {
  body: B;
  etag: string | null;
}

/** Amends a report's facts, with a reason; what was said before stays in the record. */
export function useAmendReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: OnVersion<AmendReportBody>) =>
      call(reportsApi.POST('/api/reports/{id}/amendments', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (answer) => written(queryClient, id, answer),
  });
}

/** Assigns the report to a competent service of the zone (the meldpunt's R-REP-1). */
export function useAssignReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: OnVersion<AssignReportBody>) =>
      call(reportsApi.POST('/api/reports/{id}/assignment', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (answer) => written(queryClient, id, answer),
  });
}

/** Records a referral to a help organisation outside the police. */
export function useReferExternally(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: OnVersion<ExternalReferralBody>) =>
      call(reportsApi.POST('/api/reports/{id}/external-referral', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (answer) => written(queryClient, id, answer),
  });
}

/** Records that a victim was offered victim support, and whether they accepted (R-REP-8). */
export function useOfferVictimSupport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: OnVersion<VictimSupportBody>) =>
      call(reportsApi.POST('/api/reports/{id}/victim-support', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (answer) => written(queryClient, id, answer),
  });
}

/** Refers the report to the detectives: investigations opens a case from it. */
export function useRequestInvestigation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: OnVersion<InvestigationRequestBody>) =>
      call(reportsApi.POST('/api/reports/{id}/investigation-request', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (answer) => written(queryClient, id, answer),
  });
}
