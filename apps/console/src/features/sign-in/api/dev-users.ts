import { useQuery } from '@tanstack/react-query';
import { call, signInApi } from '@/lib/api';
import type { Role } from '@/lib/auth';

/**
 * A demo user of the development issuer (`GET /api/auth/dev/users`, libs/security `DevUser`). The
 * platform document names no response schema for it yet; until it does, this answer is typed here.
 */
export interface DevUser {
  username: string;
  staffId: string;
  displayName: string;
  roles: Role[];
  teams: string[];
  unit: string;
}

export const devUsersKey = ['auth', 'dev-users'] as const;

/** The personas to pick from; public, asked before anyone is signed in. */
export function useDevUsers(enabled: boolean) {
  return useQuery({
    queryKey: devUsersKey,
    enabled,
    staleTime: Infinity,
    queryFn: async () => (await call<DevUser[]>(signInApi.GET('/api/auth/dev/users'))).data,
  });
}
