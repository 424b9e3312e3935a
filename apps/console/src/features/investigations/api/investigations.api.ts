import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvestigationsComponents, InvestigationsPaths } from '@police/api-client';
import { Answer, call, idempotencyKey, ifMatch, investigationsApi } from '@/lib/api';

type Schemas = InvestigationsComponents['schemas'];
export type CaseFileView = Schemas['CaseFileView'];
export type CaseFile = Schemas['CaseFile'];
export type ActionEntry = Schemas['ActionEntry'];
export type ActionKind = Schemas['ActionKind'];
export type PartyLink = Schemas['PartyLink'];
export type PartyRole = Schemas['PartyRole'];
export type Task = Schemas['Task'];
export type ParketTask = Schemas['ParketTask'];
export type Authority = Schemas['Authority'];
export type InvestigationKind = Schemas['InvestigationKind'];
export type ClosingOutcome = Schemas['ClosingOutcome'];
export type TimelineEntry = Schemas['ServedTimelineEntry'];
export type TimelineEventType = TimelineEntry['type'];
export type ListEntry = Schemas['InvestigationListEntry'];
export type OriginKind = ListEntry['originKind'];
export type PersonAppearance = Schemas['PersonAppearance'];
export type RecordActionBody = Schemas['RecordActionRequest'];
export type OpenInvestigationBody = Schemas['OpenInvestigationRequest'];

type Ok<
  P extends keyof InvestigationsPaths,
  M extends 'get' | 'post' | 'delete',
  S extends 200 | 201 = 200,
> = InvestigationsPaths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
export type CaseList = Ok<'/api/investigations', 'get'>;
export type Timeline = Ok<'/api/investigations/{id}/timeline', 'get'>;
export type Reference = Ok<'/api/investigations/reference', 'get'>;
export type PersonIndex = Ok<'/api/investigations/persons', 'get'>;
/** What a write answers: the case file, or its id and version only when the writer may no longer see it (moved to another team). */
export type WriteAnswer = Ok<'/api/investigations/{id}/lead-investigator', 'post'>;
export type CaseFileAsOf = Ok<'/api/investigations/{id}', 'get'>;

export interface CaseFilters {
  assignedTo?: string;
  team?: string;
  status?: 'open' | 'closed';
  phenomenon?: string;
  lead?: string;
  openedFrom?: string;
  openedTo?: string;
  offset?: number;
}

export const PAGE_SIZE = 25;

/**
 * Cache keys of the investigations feature, one per resource. Everything read about one case sits
 * under `investigationKeys.record(id)` (its file, its file as it stood then, its timeline), so a live
 * update or a write on case `id` refreshes it with one `invalidateQueries({ queryKey: record(id) })`;
 * lists under `lists()`, the person index under `persons()`.
 */
export const investigationKeys = {
  all: ['investigations'] as const,
  lists: () => [...investigationKeys.all, 'list'] as const,
  list: (filters: CaseFilters) => [...investigationKeys.lists(), filters] as const,
  record: (id: string) => [...investigationKeys.all, 'record', id] as const,
  detail: (id: string) => [...investigationKeys.record(id), 'file'] as const,
  asOf: (id: string, at: string) => [...investigationKeys.record(id), 'asOf', at] as const,
  timeline: (id: string) => [...investigationKeys.record(id), 'timeline'] as const,
  persons: () => [...investigationKeys.all, 'persons'] as const,
  person: (personId: string) => [...investigationKeys.persons(), personId] as const,
  reference: () => [...investigationKeys.all, 'reference'] as const,
};

export function useCaseList(filters: CaseFilters, enabled = true) {
  return useQuery({
    queryKey: investigationKeys.list(filters),
    placeholderData: keepPreviousData,
    enabled,
    meta: { live: ['investigation'] },
    queryFn: async () =>
      (
        await call(
          investigationsApi.GET('/api/investigations', {
            params: { query: { ...filters, limit: PAGE_SIZE, offset: filters.offset ?? 0 } },
          }),
        )
      ).data,
  });
}

/**
 * The read of a case file now, with its ETag (every command sends it back as If-Match). A read just
 * made stays fresh for a moment, so that one started by a click on the case (while the screen's code
 * loads) is not asked again when the screen mounts: each read is a logged consultation.
 */
const caseFileQuery = (id: string) =>
  queryOptions({
    queryKey: investigationKeys.detail(id),
    staleTime: 2_000,
    queryFn: () => call(investigationsApi.GET('/api/investigations/{id}', { params: { path: { id } } })),
  });

export function useCaseFile(id: string) {
  return useQuery(caseFileQuery(id));
}

/**
 * Starts reading the case file as the user opens it (a click, never a hover: a read is a consultation),
 * in parallel with the screen's code, which loads on first use.
 */
export function usePrefetchCaseFile(): (id: string) => void {
  const queryClient = useQueryClient();
  return (id) => void queryClient.prefetchQuery(caseFileQuery(id));
}

/** The case file as it stood at an instant: history does not change, so it is kept for the session. */
export function useCaseFileAsOf(id: string, asOf: string | null) {
  return useQuery({
    queryKey: investigationKeys.asOf(id, asOf ?? ''),
    enabled: asOf !== null,
    staleTime: Infinity,
    meta: { live: false },
    queryFn: async () =>
      (await call(investigationsApi.GET('/api/investigations/{id}', { params: { path: { id }, query: { asOf: asOf! } } }))).data,
  });
}

export function useTimeline(id: string, enabled = true) {
  return useQuery({
    queryKey: investigationKeys.timeline(id),
    enabled,
    queryFn: async () => (await call(investigationsApi.GET('/api/investigations/{id}/timeline', { params: { path: { id } } }))).data,
  });
}

/**
 * Where a person appears in the cases the reader may see. Asked on demand only: every answer is a
 * logged consultation of those cases, and the person index is rate-limited like every list.
 */
export function usePersonAppearances(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: investigationKeys.person(personId),
    enabled,
    // Each answer is a logged consultation of the cases it names: asked again by the reader only.
    meta: { live: false },
    queryFn: async () => (await call(investigationsApi.GET('/api/investigations/persons', { params: { query: { personId } } }))).data,
  });
}

/** Teams, routing and the rules on actions: configuration, kept for the session. */
export function useReference() {
  return useQuery({
    queryKey: investigationKeys.reference(),
    staleTime: Infinity,
    meta: { live: false },
    queryFn: async () => (await call(investigationsApi.GET('/api/investigations/reference'))).data,
  });
}

/** The headers of a command on the version that was read; a create also names itself for a safe retry. */
export interface CommandHeaders {
  'If-Match': string;
  'Idempotency-Key'?: string;
}

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface CaseCommand {
  /** The typed client call, given the headers to send. */
  send: (headers: CommandHeaders) => Promise<FetchResult>;
  /** A create (a party, an action, a task…): sent with an Idempotency-Key. */
  creates?: boolean;
}

/**
 * Runs one command of the investigations API on case `id`, on the version that was read (If-Match with
 * its ETag; a 412 means someone changed the file meanwhile). The answer is the new case file: it
 * replaces the cached one, and the case's timeline, the lists and the person index are refreshed.
 */
export function useCaseCommand(id: string, etag: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    // Every command route answers the case file (or its id and version): its own client call is typed so; here it is one of many.
    mutationFn: ({ send, creates }: CaseCommand) =>
      call(send({ ...ifMatch(etag), ...(creates ? idempotencyKey() : {}) })) as Promise<Answer<WriteAnswer>>,
    onSuccess: async (answer: Answer<WriteAnswer>) => {
      if ('investigation' in answer.data)
        queryClient.setQueryData(investigationKeys.detail(id), { ...answer, data: answer.data as CaseFileView });
      else queryClient.removeQueries({ queryKey: investigationKeys.detail(id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: investigationKeys.timeline(id) }),
        queryClient.invalidateQueries({ queryKey: investigationKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: investigationKeys.persons() }),
      ]);
    },
  });
}

/** Opens a case; one Idempotency-Key per filled-in form, so a retry returns the first case. */
export function useOpenInvestigation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: OpenInvestigationBody; key: string }) =>
      call(investigationsApi.POST('/api/investigations', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: (answer: Answer<WriteAnswer>) => {
      if ('investigation' in answer.data)
        queryClient.setQueryData(investigationKeys.detail(answer.data.id), { ...answer, data: answer.data as CaseFileView });
      return queryClient.invalidateQueries({ queryKey: investigationKeys.lists() });
    },
  });
}
