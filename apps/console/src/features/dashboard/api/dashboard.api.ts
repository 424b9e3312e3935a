import { useQuery } from '@tanstack/react-query';
import { call, evidenceApi, integrityApi, investigationsApi, reportsApi } from '@/lib/api';

/** Weeks of intake the dashboard shows, the current one included. */
export const INTAKE_WEEKS = 12;

export const dashboardKeys = {
  all: ['dashboard'] as const,
  intake: (from: string, to: string) => [...dashboardKeys.all, 'intake', from, to] as const,
  pvs: () => [...dashboardKeys.all, 'pvs'] as const,
  cases: () => [...dashboardKeys.all, 'cases'] as const,
  evidence: () => [...dashboardKeys.all, 'evidence'] as const,
  complaints: () => [...dashboardKeys.all, 'complaints'] as const,
};

// Aggregates only: no record in them, so no live invalidation; they are read afresh on each visit.
const AGGREGATE = { meta: { live: false }, staleTime: 0 } as const;

/** Reports taken in per channel and ISO week (zone time), between two Belgian days. */
export function useIntakeByChannelAndWeek(from: string, to: string) {
  return useQuery({
    queryKey: dashboardKeys.intake(from, to),
    ...AGGREGATE,
    queryFn: async () =>
      (await call(reportsApi.GET('/api/reports/statistics', { params: { query: { from, to, groupBy: 'week,channel' } } }))).data,
  });
}

/** The PVs in GAK's work per stage. */
export function usePvStatistics() {
  return useQuery({
    queryKey: dashboardKeys.pvs(),
    ...AGGREGATE,
    queryFn: async () => (await call(reportsApi.GET('/api/reports/pv-statistics'))).data,
  });
}

/** Open cases per team and age. */
export function useCaseStatistics() {
  return useQuery({
    queryKey: dashboardKeys.cases(),
    ...AGGREGATE,
    queryFn: async () => (await call(investigationsApi.GET('/api/investigations/statistics'))).data,
  });
}

/** Items checked out, and those past their return. */
export function useEvidenceStatistics() {
  return useQuery({
    queryKey: dashboardKeys.evidence(),
    ...AGGREGATE,
    queryFn: async () => (await call(evidenceApi.GET('/api/evidence/items/statistics'))).data,
  });
}

/** Complaints per phase and overdue per step (only those the chief may see). */
export function useComplaintStatistics() {
  return useQuery({
    queryKey: dashboardKeys.complaints(),
    ...AGGREGATE,
    queryFn: async () => (await call(integrityApi.GET('/api/integrity/complaints/statistics'))).data,
  });
}
