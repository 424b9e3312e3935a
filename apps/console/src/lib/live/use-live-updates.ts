import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionStore } from '../auth/session';
import { changeBatcher } from './batch';
import { invalidateAll, invalidateChanges } from './invalidate';
import { LiveChange, LiveConnection } from './live-connection';

/** The services that stream live updates (`GET /api/<service>/live`). */
export type LiveService = 'reports' | 'investigations' | 'evidence' | 'integrity';

/** The first change is refetched at once; those arriving within this long after it together: a burst costs one read per screen per window, not one per change. */
const BATCH_MS = 300;

function tokenChanged(previous: string | undefined, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || sessionStore.accessToken() !== previous) return resolve();
    const done = () => {
      unsubscribe();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const unsubscribe = sessionStore.subscribe(() => {
      if (sessionStore.accessToken() !== previous) done();
    });
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Keeps what is on screen current: one live stream per service given (those whose records the console
 * shows and the user's roles may read), each change invalidating the queries of that record and the
 * lists that may hold it (see `invalidate.ts`); a `resync` or a reconnection refetches what is on screen.
 * A hidden tab closes its streams (browsers allow few connections per host) and catches up when shown.
 */
export function useLiveUpdates(services: readonly LiveService[]): void {
  const queryClient = useQueryClient();
  const key = [...services].sort().join(',');
  useEffect(() => {
    if (key === '') return;
    const batcher = changeBatcher<LiveChange>((batch) => void invalidateChanges(queryClient, batch), BATCH_MS);
    const open = () =>
      key.split(',').map((service) => {
        const connection = new LiveConnection({
          url: new URL(`/api/${service}/live`, window.location.origin).toString(),
          token: () => sessionStore.accessToken(),
          tokenChanged,
          onSignal: (s) => {
            if (s.kind === 'resync') {
              batcher.clear();
              void invalidateAll(queryClient);
              return;
            }
            batcher.push(s.change);
          },
        });
        connection.start();
        return connection;
      });
    let connections = document.visibilityState === 'hidden' ? [] : open();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        connections.forEach((c) => c.stop());
        connections = [];
      } else if (connections.length === 0) {
        connections = open();
        void invalidateAll(queryClient);
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      connections.forEach((c) => c.stop());
      batcher.stop();
    };
  }, [queryClient, key]);
}
