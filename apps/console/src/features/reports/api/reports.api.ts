import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, ifMatch, reportsApi } from '@/lib/api';
import type { AmendReportBody, ReceiveReportBody, ReportKind, ReportListStatus } from './reports.types';

export interface ReportFilters {
  status?: ReportListStatus;
  kind?: ReportKind;
  offset?: number;
}

export const PAGE_SIZE = 50;

/**
 * Cache keys of the reports feature, one per resource: lists (by filters), one report, the zone's
 * reference data. Invalidate `reportKeys.lists()` after a write that changes what lists show.
 */
export const reportKeys = {
  all: ['reports'] as const,
  lists: () => [...reportKeys.all, 'list'] as const,
  list: (filters: ReportFilters) => [...reportKeys.lists(), filters] as const,
  detail: (id: string) => [...reportKeys.all, 'detail', id] as const,
  reference: () => [...reportKeys.all, 'reference'] as const,
};

export function useReportList(filters: ReportFilters) {
  return useQuery({
    queryKey: reportKeys.list(filters),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await call(reportsApi.GET('/api/reports', { params: { query: { ...filters, limit: PAGE_SIZE, offset: filters.offset ?? 0 } } }))).data,
  });
}

/** One report with its ETag (an edit sends it back as If-Match). */
export function useReport(id: string) {
  return useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: () => call(reportsApi.GET('/api/reports/{id}', { params: { path: { id } } })),
  });
}

/** Offices, competent services and time zone of the zone: configuration, kept for the session. */
export function useReportsReference() {
  return useQuery({
    queryKey: reportKeys.reference(),
    staleTime: Infinity,
    queryFn: async () => (await call(reportsApi.GET('/api/reports/reference'))).data,
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
    onSuccess: (answer) => {
      queryClient.setQueryData(reportKeys.detail(answer.data.id), answer);
      return queryClient.invalidateQueries({ queryKey: reportKeys.lists() });
    },
  });
}

/** Amends a report's facts on the version that was read (If-Match): a 412 means someone was quicker. */
export function useAmendReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: AmendReportBody; etag: string | null }) =>
      call(reportsApi.POST('/api/reports/{id}/amendments', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(reportKeys.detail(id), answer);
      return queryClient.invalidateQueries({ queryKey: reportKeys.lists() });
    },
  });
}
