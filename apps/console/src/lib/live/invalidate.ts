import type { Query, QueryClient } from '@tanstack/react-query';
import { heldBack } from './hold';
import type { LiveChange } from './live-connection';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /**
       * Live updates: the record types (`report`, `pv`, `investigation`, …) a list may hold — a change
       * to any record of these types refreshes it; `false` keeps the query out of live refreshes
       * (configuration, search answers). Queries of one record need nothing: their key holds its id.
       */
      live?: readonly string[] | false;
    };
  }
}

/** Every string in a query key (ids of the records it reads), however nested. */
function stringsIn(key: unknown, out = new Set<string>()): Set<string> {
  if (typeof key === 'string') out.add(key);
  else if (Array.isArray(key)) key.forEach((k) => stringsIn(k, out));
  else if (key && typeof key === 'object') Object.values(key).forEach((v) => stringsIn(v, out));
  return out;
}

/** The version a cached answer of one record holds: its ETag (`"3"`) or its `version`. */
export function versionOf(data: unknown): number | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as { etag?: unknown; version?: unknown; data?: { version?: unknown } };
  const etag = typeof d.etag === 'string' ? /^(?:W\/)?"(\d+)"$/.exec(d.etag.trim())?.[1] : undefined;
  if (etag !== undefined) return Number(etag);
  if (typeof d.version === 'number') return d.version;
  if (typeof d.data?.version === 'number') return d.data.version;
  return undefined;
}

/**
 * Which cached queries a batch of changes makes stale: the queries whose key names a changed record
 * (unless the cache already holds that version — the user's own write put it there) or a record it
 * belongs to, and the lists whose `meta.live` names the type of a changed record or of one it belongs to;
 * not a query an open edit holds (`useLiveHold`): it is refreshed when the edit closes.
 */
export function affectedBy(changes: readonly LiveChange[]): (query: Query) => boolean {
  const versions = new Map<string, number>();
  const related = new Set<string>();
  const types = new Set<string>();
  for (const c of changes) {
    versions.set(c.id, Math.max(versions.get(c.id) ?? 0, c.version));
    types.add(c.type);
    for (const r of c.related ?? []) {
      related.add(r.id);
      types.add(r.type);
    }
  }
  const touched = (query: Query): boolean => {
    const live = query.meta?.live;
    if (live === false) return false;
    if (live?.some((t) => types.has(t))) return true;
    for (const s of stringsIn(query.queryKey)) {
      if (related.has(s)) return true;
      const version = versions.get(s);
      if (version === undefined) continue;
      const cached = versionOf(query.state.data);
      if (cached === undefined || cached < version) return true;
    }
    return false;
  };
  return (query) => touched(query) && !heldBack(query.queryHash);
}

/** Marks what the changes touch as stale; what is on screen refetches at once, the rest when next shown. */
export function invalidateChanges(queryClient: QueryClient, changes: readonly LiveChange[]): Promise<void> {
  if (changes.length === 0) return Promise.resolve();
  return queryClient.invalidateQueries({ predicate: affectedBy(changes) });
}

/** After a `resync` or a reconnection (changes may have been missed): everything but what never changes live. */
export function invalidateAll(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.meta?.live !== false && !heldBack(q.queryHash) });
}
