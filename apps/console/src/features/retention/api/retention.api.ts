import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceComponents, EvidenceOperations } from '@police/api-client';
import { Answer, call, evidenceApi } from '@/lib/api';

type Schemas = EvidenceComponents['schemas'];
export type RetentionReview = Schemas['RetentionReviewView'];
export type RetentionSchedule = Schemas['RetentionSchedule'];
export type ReviewFilter = NonNullable<NonNullable<EvidenceOperations['RetentionQueriesController_list']['parameters']['query']>['status']>;

/** Cache keys of the retention review list (evidence executes found objects today, ADR 0055). */
export const retentionKeys = {
  all: ['retention'] as const,
  reviews: (status: ReviewFilter) => [...retentionKeys.all, 'reviews', status] as const,
  schedules: () => [...retentionKeys.all, 'schedules'] as const,
};

/** What each filter lists (as the API's `status`). */
const SHOWN: Record<ReviewFilter, string[]> = {
  open: ['due', 'extended'],
  due: ['due'],
  extended: ['extended'],
  erased: ['erased'],
  all: ['due', 'extended', 'erased'],
};

/** The list reads the review's read model, which trails the log by a moment: it is read again every 10 s while shown. */
export function useRetentionReviews(status: ReviewFilter) {
  return useQuery({
    queryKey: retentionKeys.reviews(status),
    staleTime: 0,
    refetchInterval: 10_000,
    meta: { live: false },
    queryFn: async () => (await call(evidenceApi.GET('/api/evidence/retention/reviews', { params: { query: { status } } }))).data.reviews,
  });
}

export function useRetentionSchedules() {
  return useQuery({
    queryKey: retentionKeys.schedules(),
    staleTime: Infinity,
    meta: { live: false },
    queryFn: async () => (await call(evidenceApi.GET('/api/evidence/retention/schedules'))).data.schedules,
  });
}

/** Runs the job now: records as due every record whose period is over. */
export function useRunRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await call(evidenceApi.POST('/api/evidence/retention/runs'))).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: retentionKeys.all }),
  });
}

export type RetentionAction =
  | { kind: 'approve'; body: Schemas['ApproveErasureRequest'] }
  | { kind: 'extend'; body: Schemas['ExtendRetentionRequest'] }
  | { kind: 'hold'; body: Schemas['LegalHoldRequest'] }
  | { kind: 'lift'; body: Schemas['LegalHoldRequest'] };

type Decision = Omit<RetentionReview, 'steps'>;

function send(id: string, a: RetentionAction): Promise<Answer<Decision>> {
  const params = { path: { id } };
  switch (a.kind) {
    case 'approve':
      return call(evidenceApi.POST('/api/evidence/retention/reviews/{id}/approve', { params, body: a.body }));
    case 'extend':
      return call(evidenceApi.POST('/api/evidence/retention/reviews/{id}/extend', { params, body: a.body }));
    case 'hold':
      return call(evidenceApi.POST('/api/evidence/retention/reviews/{id}/legal-hold', { params, body: a.body }));
    case 'lift':
      return call(evidenceApi.POST('/api/evidence/retention/reviews/{id}/legal-hold/lift', { params, body: a.body }));
  }
}

/**
 * One of the DPO's steps on a record. The answer (the review's state, from its stream) goes into every cached list at
 * once, since a list read right now could still show the record as it was; the lists are read again when next shown.
 */
export function useRetentionAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: RetentionAction) => send(id, a),
    onSuccess: ({ data }) => {
      for (const filter of Object.keys(SHOWN) as ReviewFilter[])
        queryClient.setQueryData<RetentionReview[]>(retentionKeys.reviews(filter), (rows) =>
          rows
            ?.map((r) => (r.recordId === id ? { ...r, ...data } : r))
            .filter((r) => r.recordId !== id || SHOWN[filter].includes(data.status)),
        );
      return queryClient.invalidateQueries({ queryKey: retentionKeys.all, refetchType: 'none' });
    },
  });
}
