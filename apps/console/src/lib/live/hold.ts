import { hashKey, QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** Queries held by open edits (by query hash): how many edits hold each, and whether a change was kept back. */
const held = new Map<string, { holders: number; missed: boolean }>();

/**
 * Whether a live change must not refresh this query now: an edit form shows it. The change is kept
 * back (the query is refreshed when the edit closes), so the user's draft is not replaced under them;
 * saving on the old version gets the service's 412, and the screen's "changed meanwhile — reload".
 */
export function heldBack(queryHash: string): boolean {
  const h = held.get(queryHash);
  if (!h) return false;
  h.missed = true;
  return true;
}

/**
 * Holds live refreshes of one record's query while `active` (an edit form of it is open, or a refusal
 * awaits a reload); on release, a change that came meanwhile refreshes it.
 */
export function useLiveHold(queryKey: QueryKey, active = true): void {
  const queryClient = useQueryClient();
  const hash = hashKey(queryKey);
  useEffect(() => {
    if (!active) return;
    const h = held.get(hash) ?? { holders: 0, missed: false };
    h.holders++;
    held.set(hash, h);
    return () => {
      h.holders--;
      if (h.holders > 0) return;
      held.delete(hash);
      if (h.missed) void queryClient.invalidateQueries({ predicate: (q) => q.queryHash === hash });
    };
  }, [queryClient, hash, active]);
}
