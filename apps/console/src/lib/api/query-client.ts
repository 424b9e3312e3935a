import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from './problem';

/**
 * TanStack Query for all server state. A refusal (4xx) is never retried: it will not change by itself.
 * No refetch on window focus: every read of case data is a logged consultation, and screens refresh
 * on their own events (live updates invalidate the keys of what changed).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ProblemError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
