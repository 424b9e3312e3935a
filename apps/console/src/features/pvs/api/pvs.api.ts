import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportsComponents, ReportsOperations } from '@police/api-client';
import { Answer, call, ifMatch, reportsApi } from '@/lib/api';

type Schemas = ReportsComponents['schemas'];
export type PvView = Schemas['PvView'];
export type WrittenPv = Schemas['WrittenPv'];
export type PvQueueEntry = Schemas['PvQueueEntry'];
export type PvHistoryEntry = Schemas['PvHistoryEntry'];
export type PvDestination = Schemas['PvDestination'];
export type PvQueueStage = Schemas['PvQueueStage'];
export type DraftPvBody = Schemas['DraftPvRequest'];
export type SubmitPvBody = Schemas['SubmitPvRequest'];
export type QualityCheckBody = Schemas['QualityCheckRequest'];
export type QueueFilters = NonNullable<ReportsOperations['PvQueriesController_queue']['parameters']['query']>;

export const PAGE_SIZE = 50;

/**
 * A PV moves between people (author, GAK): its screens read it afresh whenever they open (showing what
 * was cached meanwhile), rather than trusting a copy up to 30 s old; a step on a stale copy is a 412.
 */
const FRESH = { staleTime: 0 } as const;

/**
 * Cache keys of the PV feature: GAK's queue (by filters), one PV, its history, the PVs of a report, the
 * zone's PV number format. A step on a PV refreshes its history, the queue and its report's PVs.
 */
export const pvKeys = {
  all: ['pvs'] as const,
  queues: () => [...pvKeys.all, 'queue'] as const,
  queue: (filters: QueueFilters) => [...pvKeys.queues(), filters] as const,
  detail: (id: string) => [...pvKeys.all, 'detail', id] as const,
  history: (id: string) => [...pvKeys.all, 'history', id] as const,
  ofReport: (reportId: string) => [...pvKeys.all, 'report', reportId] as const,
  reference: () => [...pvKeys.all, 'reference'] as const,
};

export function usePvQueue(filters: QueueFilters) {
  return useQuery({
    queryKey: pvKeys.queue(filters),
    meta: { live: ['pv'] },
    ...FRESH,
    placeholderData: keepPreviousData,
    queryFn: async () => (await call(reportsApi.GET('/api/reports/pvs', { params: { query: { ...filters, limit: PAGE_SIZE } } }))).data,
  });
}

/** One PV with its ETag: every step sends it back as If-Match. */
export function usePv(id: string) {
  return useQuery({
    queryKey: pvKeys.detail(id),
    ...FRESH,
    queryFn: () => call(reportsApi.GET('/api/reports/pvs/{pvId}', { params: { path: { pvId: id } } })),
  });
}

export function usePvHistory(id: string) {
  return useQuery({
    queryKey: pvKeys.history(id),
    ...FRESH,
    queryFn: async () => (await call(reportsApi.GET('/api/reports/pvs/{pvId}/history', { params: { path: { pvId: id } } }))).data,
  });
}

/** The PVs of a report (a finalised PV's supplementary PVs are among them). */
export function useReportPvs(reportId: string | undefined) {
  return useQuery({
    queryKey: pvKeys.ofReport(reportId ?? ''),
    ...FRESH,
    enabled: reportId !== undefined,
    queryFn: async () => (await call(reportsApi.GET('/api/reports/{id}/pvs', { params: { path: { id: reportId! } } }))).data,
  });
}

/** The zone's PV number pattern and its example: configuration, kept for the session. */
export function usePvNumberFormat() {
  return useQuery({
    queryKey: pvKeys.reference(),
    meta: { live: false },
    staleTime: Infinity,
    queryFn: async () => (await call(reportsApi.GET('/api/reports/reference'))).data.pvNumber,
  });
}

/** A step on a PV, as its route takes it. */
export type PvStep =
  | { kind: 'submission'; body: SubmitPvBody }
  | { kind: 'quality-check'; body: QualityCheckBody }
  | { kind: 'finalisation'; body: Schemas['FinalisePvRequest'] }
  | { kind: 'transmission'; body: Schemas['TransmitPvRequest'] }
  | { kind: 'ang-feed'; body: Schemas['FeedAngRequest'] };

function send(pvId: string, step: PvStep, etag: string | null): Promise<Answer<PvView>> {
  const params = { path: { pvId }, header: ifMatch(etag) };
  switch (step.kind) {
    case 'submission':
      return call(reportsApi.POST('/api/reports/pvs/{pvId}/submission', { params, body: step.body }));
    case 'quality-check':
      return call(reportsApi.POST('/api/reports/pvs/{pvId}/quality-check', { params, body: step.body }));
    case 'finalisation':
      return call(reportsApi.POST('/api/reports/pvs/{pvId}/finalisation', { params, body: step.body }));
    case 'transmission':
      return call(reportsApi.POST('/api/reports/pvs/{pvId}/transmission', { params, body: step.body }));
    case 'ang-feed':
      return call(reportsApi.POST('/api/reports/pvs/{pvId}/ang-feed', { params, body: step.body }));
  }
}

/**
 * Takes a step on the version of the PV that was read (If-Match): a 412 means someone took a step
 * meanwhile. The answer is the PV after the step; its history, the queue and its report's PVs refresh.
 */
export function usePvStep(pvId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, etag }: { step: PvStep; etag: string | null }) => send(pvId, step, etag),
    onSuccess: (answer) => {
      queryClient.setQueryData(pvKeys.detail(pvId), answer);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: pvKeys.history(pvId) }),
        queryClient.invalidateQueries({ queryKey: pvKeys.queues() }),
        queryClient.invalidateQueries({ queryKey: pvKeys.ofReport(answer.data.reportId) }),
      ]);
    },
  });
}

/** Drafts a PV for a report (a supplementary one with `supplementsPvId`); one Idempotency-Key per filled-in form. */
export function useDraftPv(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: DraftPvBody; idempotencyKey: string }) =>
      call(
        reportsApi.POST('/api/reports/{id}/pvs', {
          params: { path: { id: reportId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: (answer) => {
      queryClient.setQueryData(pvKeys.detail(answer.data.id), answer);
      return queryClient.invalidateQueries({ queryKey: pvKeys.ofReport(reportId) });
    },
  });
}
