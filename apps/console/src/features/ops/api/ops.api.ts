import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvestigationsComponents, InvestigationsPaths } from '@police/api-client';
import { call, evidenceApi, integrityApi, investigationsApi, reportsApi } from '@/lib/api';

/** The four services, each with the same operations routes (libs/security `opsController`). */
export const OPS_SERVICES = ['reports', 'investigations', 'evidence', 'integrity'] as const;
export type OpsService = (typeof OPS_SERVICES)[number];
export type ParkedFilter = 'parked' | 'replayed' | 'discarded' | 'all';

type Schemas = InvestigationsComponents['schemas'];
export type ParkedMessage = Schemas['ParkedMessageView'];
export type OpsStatus = InvestigationsPaths['/api/investigations/ops/status']['get']['responses'][200]['content']['application/json'];
export type ProjectionStatus = Schemas['ProjectionOpsStatus'];

// Every service serves the same routes under its own prefix, from the one controller in libs/security:
// they are typed through the investigations document and asked of each service's client at its own path.
type OpsPath = Extract<keyof InvestigationsPaths, `/api/investigations/ops/${string}`>;
const CLIENTS = { reports: reportsApi, investigations: investigationsApi, evidence: evidenceApi, integrity: integrityApi };
const client = (service: OpsService) => CLIENTS[service] as unknown as typeof investigationsApi;
const at = <P extends OpsPath>(service: OpsService, path: P): P => path.replace('/api/investigations/', `/api/${service}/`) as P;

export const opsKeys = {
  all: ['ops'] as const,
  service: (service: OpsService) => [...opsKeys.all, service] as const,
  parked: (service: OpsService, status: ParkedFilter) => [...opsKeys.service(service), 'parked', status] as const,
  status: (service: OpsService) => [...opsKeys.service(service), 'status'] as const,
};

// Operations data holds no record: no live invalidation; read afresh on each visit and after each action.
const FRESH = { meta: { live: false }, staleTime: 0 } as const;

export function useParkedMessages(service: OpsService, status: ParkedFilter) {
  return useQuery({
    queryKey: opsKeys.parked(service, status),
    ...FRESH,
    queryFn: async () =>
      (
        await call(
          client(service).GET(at(service, '/api/investigations/ops/parked-messages'), { params: { query: { status, limit: 200 } } }),
        )
      ).data,
  });
}

/** Positions and lags; polled every two seconds while a rebuild runs, so its progress moves on screen. */
export function useOpsStatus(service: OpsService) {
  return useQuery({
    queryKey: opsKeys.status(service),
    ...FRESH,
    queryFn: async () => (await call(client(service).GET(at(service, '/api/investigations/ops/status')))).data,
    refetchInterval: (query) => (query.state.data?.projections.some((p) => p.rebuild?.state === 'running') ? 2000 : false),
  });
}

function useOpsMutation<V, R>(service: OpsService, send: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: opsKeys.service(service) }) });
}

export function useReplay(service: OpsService) {
  return useOpsMutation(
    service,
    async (id: string) =>
      (await call(client(service).POST(at(service, '/api/investigations/ops/parked-messages/{id}/replay'), { params: { path: { id } } })))
        .data,
  );
}

export function useDiscard(service: OpsService) {
  return useOpsMutation(
    service,
    async ({ id, reason }: { id: string; reason: string }) =>
      (
        await call(
          client(service).POST(at(service, '/api/investigations/ops/parked-messages/{id}/discard'), {
            params: { path: { id } },
            body: { reason },
          }),
        )
      ).data,
  );
}

export function useRebuild(service: OpsService) {
  return useOpsMutation(
    service,
    async (name: string) =>
      (await call(client(service).POST(at(service, '/api/investigations/ops/projections/{name}/rebuild'), { params: { path: { name } } })))
        .data,
  );
}
