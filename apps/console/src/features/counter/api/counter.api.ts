import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceComponents, EvidenceOperations } from '@police/api-client';
import { Answer, call, DataOf, evidenceApi, idempotencyKey, ifMatch, isProblem } from '@/lib/api';

type Schemas = EvidenceComponents['schemas'];
export type HeldItem = Schemas['HeldItem'];
export type DisposedItem = Schemas['DisposedItem'];
export type Item = HeldItem | DisposedItem;
export type Party = Schemas['Party'];
export type PartyKind = Schemas['PartyKind'];
export type OpenOffer = Schemas['OpenOffer'];
export type HandoverPurpose = Schemas['HandoverPurpose'];
export type HandoverMethod = Schemas['HandoverMethod'];
export type CheckOutPurpose = Schemas['CheckOutPurpose'];
export type LabAnalysis = Schemas['LabAnalysis'];
export type LabConclusion = Schemas['LabResultRequest']['conclusion'];
export type DecisionAuthority = Schemas['DecisionAuthority'];
export type Disposition = Schemas['Disposition'];
export type StorageLocation = Schemas['StorageLocation'];
export type ItemFilters = NonNullable<EvidenceOperations['ItemQueriesController_list']['parameters']['query']>;
export type ItemList = DataOf<Awaited<ReturnType<typeof listItems>>>;
export type ListEntry = ItemList['items'][number];
export type ItemView = DataOf<Awaited<ReturnType<typeof readItem>>>;
export type Reference = DataOf<Awaited<ReturnType<typeof readReference>>>;
export type InventoryAnswer = DataOf<Awaited<ReturnType<typeof countInventory>>>;

/**
 * Cache keys of the counter: one item's read under `item(id)` (a live change of the item, or a command on
 * it, refreshes it by its id), lists by their filters under `lists()`, the zone's reference once a session.
 */
export const counterKeys = {
  all: ['evidence-counter'] as const,
  item: (id: string) => [...counterKeys.all, 'item', id] as const,
  lists: () => [...counterKeys.all, 'list'] as const,
  list: (filters: ItemFilters) => [...counterKeys.lists(), filters] as const,
  overdue: () => [...counterKeys.lists(), 'overdue'] as const,
  reference: () => [...counterKeys.all, 'reference'] as const,
};

const readItem = (id: string) => call(evidenceApi.GET('/api/evidence/items/{id}', { params: { path: { id } } }));
const listItems = (filters: ItemFilters) => call(evidenceApi.GET('/api/evidence/items', { params: { query: filters } }));
const readReference = () => call(evidenceApi.GET('/api/evidence/reference'));
const countInventory = (body: Schemas['CountInventoryRequest'], key: string) =>
  call(evidenceApi.POST('/api/evidence/inventories', { params: { header: { 'Idempotency-Key': key } }, body }));

/** One item with its ETag (an offer sends it back as If-Match); read afresh whenever a screen opens it. */
export function useItem(id: string | undefined) {
  return useQuery({ queryKey: counterKeys.item(id ?? ''), enabled: !!id, staleTime: 0, queryFn: () => readItem(id!) });
}

/** Items the reader may see, by the API's filters (open handovers, custodian kind, location, label number). */
export function useItems(filters: ItemFilters, enabled = true) {
  return useQuery({
    queryKey: counterKeys.list(filters),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
    meta: { live: ['evidence_item'] },
    queryFn: async () => (await listItems(filters)).data,
  });
}

export function useOverdue() {
  return useQuery({
    queryKey: counterKeys.overdue(),
    staleTime: 0,
    meta: { live: ['evidence_item'] },
    queryFn: async () => (await call(evidenceApi.GET('/api/evidence/items/overdue'))).data,
  });
}

/** The zone's storage rooms, laboratories, witness rules and holding periods: configuration, kept for the session. */
export function useReference() {
  return useQuery({
    queryKey: counterKeys.reference(),
    meta: { live: false },
    staleTime: Infinity,
    queryFn: async () => (await readReference()).data,
  });
}

/** The item with this label number, when the reader may see it (null when none). */
export async function findByLabel(labelNumber: string): Promise<ListEntry | null> {
  const { data } = await listItems({ labelNumber, limit: 1 });
  return data.items[0] ?? null;
}

/** The item with this id and its label number, when the reader may see it (null for a 404). */
export async function findById(id: string): Promise<{ id: string; labelNumber: string } | null> {
  try {
    const { data } = await readItem(id);
    return { id: data.id, labelNumber: data.item.labelNumber };
  } catch (e) {
    if (isProblem(e, 'not-found')) return null;
    throw e;
  }
}

/** A command on one item, as its route takes it. */
export type ItemCommand =
  | { kind: 'offer'; body: Schemas['OfferHandoverRequest']; etag: string | null }
  | { kind: 'accept'; handoverId: string; body: Schemas['AcceptHandoverRequest'] }
  | { kind: 'decline'; handoverId: string; body: Schemas['DeclineHandoverRequest'] }
  | { kind: 'withdraw'; handoverId: string; body: Schemas['WithdrawHandoverRequest'] }
  | { kind: 'checkIn'; body: Schemas['CheckInRequest'] }
  | { kind: 'checkOut'; body: Schemas['CheckOutRequest'] }
  | { kind: 'return'; body: Schemas['CheckInRequest'] }
  | { kind: 'labSubmission'; body: Schemas['SubmitToLabRequest']; key: string }
  | { kind: 'labResult'; submissionId: string; body: Schemas['LabResultRequest'] }
  | { kind: 'decision'; body: Schemas['DisposalDecisionRequest'] }
  | { kind: 'disposal'; body: Schemas['ExecuteDisposalRequest'] };

function send(id: string, c: ItemCommand): Promise<Answer<{ id: string; version: number; item: Item }>> {
  const path = { id };
  switch (c.kind) {
    case 'offer':
      return call(
        evidenceApi.POST('/api/evidence/items/{id}/handovers', {
          params: { path, header: { ...ifMatch(c.etag), ...idempotencyKey() } },
          body: c.body,
        }),
      );
    case 'accept':
      return call(
        evidenceApi.POST('/api/evidence/items/{id}/handovers/{handoverId}/accept', {
          params: { path: { id, handoverId: c.handoverId } },
          body: c.body,
        }),
      );
    case 'decline':
      return call(
        evidenceApi.POST('/api/evidence/items/{id}/handovers/{handoverId}/decline', {
          params: { path: { id, handoverId: c.handoverId } },
          body: c.body,
        }),
      );
    case 'withdraw':
      return call(
        evidenceApi.POST('/api/evidence/items/{id}/handovers/{handoverId}/withdraw', {
          params: { path: { id, handoverId: c.handoverId } },
          body: c.body,
        }),
      );
    case 'checkIn':
      return call(evidenceApi.POST('/api/evidence/items/{id}/check-in', { params: { path }, body: c.body }));
    case 'checkOut':
      return call(evidenceApi.POST('/api/evidence/items/{id}/check-out', { params: { path }, body: c.body }));
    case 'return':
      return call(evidenceApi.POST('/api/evidence/items/{id}/return', { params: { path }, body: c.body }));
    case 'labSubmission':
      return call(
        evidenceApi.POST('/api/evidence/items/{id}/lab-submissions', {
          params: { path, header: { 'Idempotency-Key': c.key } },
          body: c.body,
        }),
      );
    case 'labResult':
      return call(
        evidenceApi.POST('/api/evidence/items/{id}/lab-submissions/{submissionId}/result', {
          params: { path: { id, submissionId: c.submissionId } },
          body: c.body,
        }),
      );
    case 'decision':
      return call(evidenceApi.POST('/api/evidence/items/{id}/disposal-decision', { params: { path }, body: c.body }));
    case 'disposal':
      return call(evidenceApi.POST('/api/evidence/items/{id}/disposal', { params: { path }, body: c.body }));
  }
}

/** A command on an item; its answer is the item as it now stands, and the lists refresh. */
export function useItemCommand(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (c: ItemCommand) => send(id, c),
    onSuccess: (answer) => {
      queryClient.setQueryData(counterKeys.item(id), answer);
      return queryClient.invalidateQueries({ queryKey: counterKeys.lists() });
    },
  });
}

/** Records a count of a location; the answer holds the discrepancies (missing and unexpected item ids). */
export function useInventoryCount() {
  return useMutation({ mutationFn: ({ body, key }: { body: Schemas['CountInventoryRequest']; key: string }) => countInventory(body, key) });
}
