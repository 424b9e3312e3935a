import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IntegrityComponents, IntegrityPaths } from '@police/api-client';
import { Answer, call, ifMatch, integrityApi } from '@/lib/api';

type Schemas = IntegrityComponents['schemas'];
export type ComplaintView = Schemas['ComplaintView'];
export type ComplaintFile = Schemas['ComplaintFile'];
export type ComplaintListEntry = Schemas['ComplaintListEntry'];
export type DeadlineStatus = Schemas['DeadlineStatus'];
export type ReceiveComplaintBody = Schemas['ReceiveComplaintRequest'];
export type RecordOrderMeasureBody = Schemas['RecordOrderMeasureRequest'];
export type OpenThreatFileBody = Schemas['OpenThreatFileRequest'];

type Ok<P extends keyof IntegrityPaths, M extends 'get' | 'post'> = IntegrityPaths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
export type ComplaintList = Ok<'/api/integrity/complaints', 'get'>;
export type InvestigatorCheck = Ok<'/api/integrity/complaints/{id}/investigator-check', 'get'>;
export type IntegrityReference = Ok<'/api/integrity/reference', 'get'>;
export type EarlyWarnings = Ok<'/api/integrity/early-warnings', 'get'>;
export type OrderMeasureList = Ok<'/api/integrity/order-measures', 'get'>;
export type ThreatFileList = Ok<'/api/integrity/threat-files', 'get'>;
export type DisciplinaryFile = Ok<'/api/integrity/staff/{staffId}/disciplinary-file', 'get'>;
/** A complaint command's answer: the file, or a receipt when the writer may no longer see it (routed to another compartment). */
export type ComplaintAnswer = Ok<'/api/integrity/complaints/{id}/triage', 'post'>;

export interface ComplaintFilters {
  status?: 'intake' | 'triaged' | 'concluded' | 'closed';
  unit?: 'intake' | 'BIT' | 'Tucht' | 'DPO';
  overdue?: boolean;
  offset?: number;
}

export const PAGE_SIZE = 25;

/**
 * Cache keys of the integrity feature. A complaint's reads sit under `record(id)`, an order measure's
 * under `measure(id)`, a threat file's under `threatFile(id)`: a live change names the id, and refreshes
 * them; lists under `complaints()`, `measures()`, `threatFiles()`.
 */
export const integrityKeys = {
  all: ['integrity'] as const,
  complaints: () => [...integrityKeys.all, 'complaints'] as const,
  complaintList: (filters: ComplaintFilters) => [...integrityKeys.complaints(), filters] as const,
  record: (id: string) => [...integrityKeys.all, 'record', id] as const,
  detail: (id: string) => [...integrityKeys.record(id), 'file'] as const,
  check: (id: string, staffId: string) => [...integrityKeys.record(id), 'check', staffId] as const,
  reference: () => [...integrityKeys.all, 'reference'] as const,
  earlyWarnings: () => [...integrityKeys.all, 'early-warnings'] as const,
  measures: () => [...integrityKeys.all, 'measures'] as const,
  measureList: (status: string | undefined, offset: number) => [...integrityKeys.measures(), { status, offset }] as const,
  measure: (id: string) => [...integrityKeys.all, 'measure', id] as const,
  threatFiles: () => [...integrityKeys.all, 'threat-files'] as const,
  threatFileList: (status: string | undefined, offset: number) => [...integrityKeys.threatFiles(), { status, offset }] as const,
  threatFile: (id: string) => [...integrityKeys.all, 'threat-file', id] as const,
  staffFile: (staffId: string) => [...integrityKeys.all, 'staff-file', staffId] as const,
};

export function useComplaintList(filters: ComplaintFilters) {
  return useQuery({
    queryKey: integrityKeys.complaintList(filters),
    placeholderData: keepPreviousData,
    meta: { live: ['integrity_complaint'] },
    queryFn: async () =>
      (
        await call(
          integrityApi.GET('/api/integrity/complaints', {
            params: { query: { ...filters, limit: PAGE_SIZE, offset: filters.offset ?? 0 } },
          }),
        )
      ).data,
  });
}

export function useComplaint(id: string) {
  return useQuery({
    queryKey: integrityKeys.detail(id),
    staleTime: 2_000,
    queryFn: () => call(integrityApi.GET('/api/integrity/complaints/{id}', { params: { path: { id } } })),
  });
}

/** The conflict-of-interest check of one proposed investigator, asked when the person is chosen (each answer is a logged read of the complaint). */
export function useInvestigatorCheck(id: string, investigatorId: string | null) {
  return useQuery({
    queryKey: integrityKeys.check(id, investigatorId ?? ''),
    enabled: investigatorId !== null,
    queryFn: async () =>
      (
        await call(
          integrityApi.GET('/api/integrity/complaints/{id}/investigator-check', {
            params: { path: { id }, query: { investigatorId: investigatorId! } },
          }),
        )
      ).data,
  });
}

/** The zone's organisation data, sanction catalogue, kinds of order measure and time limits: configuration, kept for the session. */
export function useIntegrityReference() {
  return useQuery({
    queryKey: integrityKeys.reference(),
    staleTime: Infinity,
    meta: { live: false },
    queryFn: async () => (await call(integrityApi.GET('/api/integrity/reference'))).data,
  });
}

export function useEarlyWarnings() {
  return useQuery({
    queryKey: integrityKeys.earlyWarnings(),
    meta: { live: ['integrity_complaint'] },
    queryFn: async () => (await call(integrityApi.GET('/api/integrity/early-warnings'))).data,
  });
}

export function useOrderMeasureList(status: 'active' | 'lifted' | 'ended' | undefined, offset: number) {
  return useQuery({
    queryKey: integrityKeys.measureList(status, offset),
    placeholderData: keepPreviousData,
    meta: { live: ['order_measure'] },
    queryFn: async () =>
      (
        await call(
          integrityApi.GET('/api/integrity/order-measures', { params: { query: { ...(status && { status }), limit: PAGE_SIZE, offset } } }),
        )
      ).data,
  });
}

export function useOrderMeasure(id: string) {
  return useQuery({
    queryKey: integrityKeys.measure(id),
    queryFn: () => call(integrityApi.GET('/api/integrity/order-measures/{id}', { params: { path: { id } } })),
  });
}

export function useThreatFileList(status: 'open' | 'closed' | undefined, offset: number) {
  return useQuery({
    queryKey: integrityKeys.threatFileList(status, offset),
    placeholderData: keepPreviousData,
    meta: { live: ['threat_file'] },
    queryFn: async () =>
      (
        await call(
          integrityApi.GET('/api/integrity/threat-files', { params: { query: { ...(status && { status }), limit: PAGE_SIZE, offset } } }),
        )
      ).data,
  });
}

export function useThreatFile(id: string) {
  return useQuery({
    queryKey: integrityKeys.threatFile(id),
    queryFn: () => call(integrityApi.GET('/api/integrity/threat-files/{id}', { params: { path: { id } } })),
  });
}

/** A staff member's disciplinary file, asked for on demand (a logged consultation). */
export function useDisciplinaryFile(staffId: string | null, asOf: string | null) {
  return useQuery({
    queryKey: [...integrityKeys.staffFile(staffId ?? ''), asOf ?? ''],
    enabled: staffId !== null,
    meta: { live: ['order_measure', 'threat_file', 'integrity_complaint'] },
    queryFn: async () =>
      (
        await call(
          integrityApi.GET('/api/integrity/staff/{staffId}/disciplinary-file', {
            params: { path: { staffId: staffId! }, query: asOf ? { asOf } : {} },
          }),
        )
      ).data,
  });
}

export function useRegisterComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: ReceiveComplaintBody; key: string }) =>
      call(integrityApi.POST('/api/integrity/complaints', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrityKeys.complaints() }),
  });
}

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** One command on a record: the typed client call, given the headers to send (If-Match on the version read; Idempotency-Key on a create). */
export type RecordCommand = (headers: { 'If-Match': string; 'Idempotency-Key': string }) => Promise<FetchResult>;

/**
 * Runs a command on a complaint on the version that was read. The answer replaces the cached file (or,
 * when the writer may no longer see it, the file is dropped and the lists refreshed).
 */
export function useComplaintCommand(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ send, etag }: { send: RecordCommand; etag: string | null }) =>
      call(send({ ...ifMatch(etag), 'Idempotency-Key': crypto.randomUUID() })) as Promise<Answer<ComplaintAnswer>>,
    onSuccess: async (answer: Answer<ComplaintAnswer>) => {
      if ('complaint' in answer.data) queryClient.setQueryData(integrityKeys.detail(id), { ...answer, data: answer.data as ComplaintView });
      else queryClient.removeQueries({ queryKey: integrityKeys.detail(id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: integrityKeys.complaints() }),
        queryClient.invalidateQueries({ queryKey: integrityKeys.earlyWarnings() }),
      ]);
    },
  });
}

/** A command on an order measure or a threat file: the answer replaces the cached record, and its lists refresh. */
export function useTuchtCommand(kind: 'measure' | 'threatFile', id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ send, etag }: { send: RecordCommand; etag: string | null }) =>
      call(send({ ...ifMatch(etag), 'Idempotency-Key': crypto.randomUUID() })),
    onSuccess: async (answer) => {
      queryClient.setQueryData(kind === 'measure' ? integrityKeys.measure(id) : integrityKeys.threatFile(id), answer);
      await queryClient.invalidateQueries({ queryKey: kind === 'measure' ? integrityKeys.measures() : integrityKeys.threatFiles() });
    },
  });
}

export function useRecordOrderMeasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: RecordOrderMeasureBody; key: string }) =>
      call(integrityApi.POST('/api/integrity/order-measures', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrityKeys.measures() }),
  });
}

export function useOpenThreatFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: OpenThreatFileBody; key: string }) =>
      call(integrityApi.POST('/api/integrity/threat-files', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrityKeys.threatFiles() }),
  });
}

/**
 * Downloads a forwarding document (PDF) through the API layer (the token, break-glass), and hands it to
 * the browser as a file to save or open.
 */
export async function downloadForwardingDocument(id: string, recipient: 'comite_p' | 'aig', fileName: string): Promise<void> {
  const answer = await call(
    integrityApi.GET('/api/integrity/complaints/{id}/forwardings/{recipient}/document', {
      params: { path: { id, recipient } },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(answer.data as unknown as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
