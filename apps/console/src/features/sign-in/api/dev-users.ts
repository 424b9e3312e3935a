import { useQuery } from '@tanstack/react-query';
import { call, signInApi } from '@/lib/api';

export const devUsersKey = ['auth', 'dev-users'] as const;

/** The personas to pick from; public, asked before anyone is signed in. */
export function useDevUsers(enabled: boolean) {
  return useQuery({
    queryKey: devUsersKey,
    enabled,
    staleTime: Infinity,
    queryFn: async () => (await call(signInApi.GET('/api/auth/dev/users'))).data,
  });
}
