import { useQuery } from '@tanstack/react-query';
import type { Role } from '@/lib/auth';

/**
 * A demo user of the development issuer (`GET /api/auth/dev/users`, libs/security `DevUser`). The auth
 * routes are in no OpenAPI document yet (issue 12 adds one); until then this answer is typed here.
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
    queryFn: async (): Promise<DevUser[]> => {
      const res = await fetch('/api/auth/dev/users', { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`GET /api/auth/dev/users answered ${res.status}`);
      return (await res.json()) as DevUser[];
    },
  });
}
