import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceComponents, EvidencePaths } from '@police/api-client';
import { call, evidenceApi } from '@/lib/api';

type Schemas = EvidenceComponents['schemas'];
export type RegisterItemBody = Schemas['RegisterItemRequest'];
export type ItemCategory = Schemas['ItemCategory'];
export type Party = Schemas['Party'];
export type HeldItem = Schemas['HeldItem'];
export type DisposedItem = Schemas['DisposedItem'];
export type CustodyEntry = Schemas['CustodyEntry'];

type Ok<P extends keyof EvidencePaths, M extends 'get' | 'post'> = EvidencePaths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
/** One item as the API answers it (now, or with `asOf` as it stood then). */
export type ItemAnswer = Ok<'/api/evidence/items/{id}', 'get'>;
export type ItemList = Ok<'/api/evidence/items', 'get'>;
export type ItemListEntry = ItemList['items'][number];
export type CustodyRecord = Ok<'/api/evidence/items/{id}/custody', 'get'>;
export type Verification = Ok<'/api/evidence/items/{id}/custody/verify', 'get'>;

export interface ItemFilters {
  caseId?: string;
  labelNumber?: string;
  status?: 'held' | 'disposed';
  custodian?: string;
  location?: string;
  offset?: number;
}

export const PAGE_SIZE = 50;

/**
 * Cache keys of the evidence desk, one per resource. Everything read about one item sits under
 * `evidenceKeys.record(id)` (the item, as it stood then, its custody record, its verification, its
 * label), so a live change or a write on the item refreshes it with one invalidation.
 */
export const evidenceKeys = {
  all: ['evidence'] as const,
  lists: () => [...evidenceKeys.all, 'list'] as const,
  list: (filters: ItemFilters) => [...evidenceKeys.lists(), filters] as const,
  record: (id: string) => [...evidenceKeys.all, 'item', id] as const,
  detail: (id: string) => [...evidenceKeys.record(id), 'now'] as const,
  asOf: (id: string, asOf: string) => [...evidenceKeys.record(id), 'asOf', asOf] as const,
  custody: (id: string) => [...evidenceKeys.record(id), 'custody'] as const,
  label: (id: string) => [...evidenceKeys.record(id), 'label'] as const,
};

export function useItemList(filters: ItemFilters) {
  return useQuery({
    queryKey: evidenceKeys.list(filters),
    staleTime: 0,
    meta: { live: ['evidence_item'] },
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (
        await call(
          evidenceApi.GET('/api/evidence/items', { params: { query: { ...filters, limit: PAGE_SIZE, offset: filters.offset ?? 0 } } }),
        )
      ).data,
  });
}

/** One item with its ETag (the counter's handovers send it back as If-Match). */
export function useItem(id: string) {
  return useQuery({
    queryKey: evidenceKeys.detail(id),
    staleTime: 0,
    queryFn: () => call(evidenceApi.GET('/api/evidence/items/{id}', { params: { path: { id } } })),
  });
}

/** The item as it stood at an instant (read only: no ETag to edit with). */
export function useItemAsOf(id: string, asOf: string | null) {
  return useQuery({
    queryKey: evidenceKeys.asOf(id, asOf ?? ''),
    enabled: !!asOf,
    meta: { live: false },
    queryFn: async () =>
      (await call(evidenceApi.GET('/api/evidence/items/{id}', { params: { path: { id }, query: { asOf: asOf! } } }))).data,
  });
}

export function useCustodyRecord(id: string) {
  return useQuery({
    queryKey: evidenceKeys.custody(id),
    staleTime: 0,
    queryFn: async () => (await call(evidenceApi.GET('/api/evidence/items/{id}/custody', { params: { path: { id } } }))).data,
  });
}

/** The label as the API draws it (SVG text), for the preview and the print layouts. */
export function useLabel(id: string) {
  return useQuery({
    queryKey: evidenceKeys.label(id),
    queryFn: async () =>
      (await call(evidenceApi.GET('/api/evidence/items/{id}/label', { params: { path: { id } }, parseAs: 'text' })))
        .data as unknown as string,
  });
}

/** The chain recomputed by the API now: asked for on the user's click, never from the cache. */
export function useVerifyCustody(id: string) {
  return useMutation({
    mutationFn: async () => (await call(evidenceApi.GET('/api/evidence/items/{id}/custody/verify', { params: { path: { id } } }))).data,
  });
}

/** The custody certificate (PDF) as a file to save. */
export async function downloadCertificate(id: string, labelNumber: string): Promise<void> {
  const { data } = await call(evidenceApi.GET('/api/evidence/items/{id}/certificate', { params: { path: { id } }, parseAs: 'blob' }));
  const url = URL.createObjectURL(data as unknown as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `bewaarketen-${labelNumber}.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The item of a typed label number, when the reader may see it (the list answers only what they may). */
export async function findByLabelNumber(labelNumber: string): Promise<ItemListEntry | null> {
  const { data } = await call(evidenceApi.GET('/api/evidence/items', { params: { query: { labelNumber, limit: 1 } } }));
  return data.items[0] ?? null;
}

export function useRegisterItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RegisterItemBody; idempotencyKey: string }) =>
      call(evidenceApi.POST('/api/evidence/items', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
    onSuccess: (answer) => {
      client.setQueryData(evidenceKeys.detail(answer.data.id), answer);
      void client.invalidateQueries({ queryKey: evidenceKeys.lists() });
    },
  });
}
