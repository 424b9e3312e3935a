import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceComponents, EvidenceOperations } from '@police/api-client';
import { Answer, call, DataOf, evidenceApi } from '@/lib/api';

type Schemas = EvidenceComponents['schemas'];
export type FoundObjectCategory = Schemas['FoundObjectCategory'];
export type IdentityDocumentType = Schemas['IdentityCheckRequest']['documentType'];
export type FoundObjectFilters = NonNullable<EvidenceOperations['FoundObjectQueriesController_list']['parameters']['query']>;
export type FoundObjectStatus = NonNullable<FoundObjectFilters['status']>;
export type FoundObjectView = DataOf<Awaited<ReturnType<typeof readFoundObject>>>;
export type FoundObject = FoundObjectView['foundObject'];
export type RegisterBody = Schemas['RegisterFoundObjectRequest'];

/** Cache keys of POPP's register: one object under `detail(id)` (live changes refresh it by id), lists by filters. */
export const foundObjectKeys = {
  all: ['found-objects'] as const,
  lists: () => [...foundObjectKeys.all, 'list'] as const,
  list: (filters: FoundObjectFilters) => [...foundObjectKeys.lists(), filters] as const,
  detail: (id: string) => [...foundObjectKeys.all, 'detail', id] as const,
  losses: () => [...foundObjectKeys.all, 'losses'] as const,
  reference: () => [...foundObjectKeys.all, 'reference'] as const,
};

const readFoundObject = (id: string) => call(evidenceApi.GET('/api/evidence/found-objects/{id}', { params: { path: { id } } }));

export function useFoundObjects(filters: FoundObjectFilters) {
  return useQuery({
    queryKey: foundObjectKeys.list(filters),
    staleTime: 0,
    placeholderData: keepPreviousData,
    meta: { live: ['found_object'] },
    queryFn: async () => (await call(evidenceApi.GET('/api/evidence/found-objects', { params: { query: filters } }))).data,
  });
}

export function useFoundObject(id: string) {
  return useQuery({ queryKey: foundObjectKeys.detail(id), staleTime: 0, queryFn: () => readFoundObject(id) });
}

/** Loss declarations made at the desk, to match against (each read is a logged consultation: asked when the match dialog opens). */
export function useLossDeclarations(enabled: boolean) {
  return useQuery({
    queryKey: foundObjectKeys.losses(),
    enabled,
    meta: { live: false },
    queryFn: async () => (await call(evidenceApi.GET('/api/evidence/loss-declarations'))).data,
  });
}

/** The zone's holding periods per category (configuration). */
export function useHoldingPeriods() {
  return useQuery({
    queryKey: foundObjectKeys.reference(),
    meta: { live: false },
    staleTime: Infinity,
    queryFn: async () => (await call(evidenceApi.GET('/api/evidence/reference'))).data.holdingPeriods,
  });
}

export type FoundObjectCommand =
  | { kind: 'ownerSearch'; body: Schemas['OwnerSearchRequest'] }
  | { kind: 'owner'; body: Schemas['IdentifyOwnerRequest'] }
  | { kind: 'lossMatch'; body: Schemas['MatchLossRequest'] }
  | { kind: 'return'; body: Schemas['ReturnToOwnerRequest'] }
  | { kind: 'handOver'; body: Schemas['HandOverRequest'] }
  | { kind: 'destroy'; body: Schemas['DestroyRequest'] };

function send(id: string, c: FoundObjectCommand): Promise<Answer<FoundObjectView>> {
  const params = { path: { id } };
  switch (c.kind) {
    case 'ownerSearch':
      return call(evidenceApi.POST('/api/evidence/found-objects/{id}/owner-search', { params, body: c.body }));
    case 'owner':
      return call(evidenceApi.POST('/api/evidence/found-objects/{id}/owner', { params, body: c.body }));
    case 'lossMatch':
      return call(evidenceApi.POST('/api/evidence/found-objects/{id}/loss-match', { params, body: c.body }));
    case 'return':
      return call(evidenceApi.POST('/api/evidence/found-objects/{id}/return', { params, body: c.body }));
    case 'handOver':
      return call(evidenceApi.POST('/api/evidence/found-objects/{id}/hand-over', { params, body: c.body }));
    case 'destroy':
      return call(evidenceApi.POST('/api/evidence/found-objects/{id}/destroy', { params, body: c.body }));
  }
}

export function useFoundObjectCommand(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (c: FoundObjectCommand) => send(id, c),
    onSuccess: (answer) => {
      queryClient.setQueryData(foundObjectKeys.detail(id), answer);
      return queryClient.invalidateQueries({ queryKey: foundObjectKeys.lists() });
    },
  });
}

/** Registers an object brought to the desk; one Idempotency-Key per filled-in form. */
export function useRegisterFoundObject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: RegisterBody; key: string }) =>
      call(evidenceApi.POST('/api/evidence/found-objects', { params: { header: { 'Idempotency-Key': key } }, body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(foundObjectKeys.detail(answer.data.id), answer);
      return queryClient.invalidateQueries({ queryKey: foundObjectKeys.lists() });
    },
  });
}
