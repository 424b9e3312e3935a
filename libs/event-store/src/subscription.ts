import { GlobalPosition, RecordedEvent, Subscription } from './event-store';

export interface PollingSubscriptionOptions {
  from: GlobalPosition;
  read(from: GlobalPosition, limit: number): Promise<RecordedEvent[]>;
  handle(events: RecordedEvent[]): Promise<void>;
  batchSize: number;
  pollIntervalMs: number;
  /** Registers a callback that cuts the current wait short; returns its unregistration. */
  onWake?(wake: () => void): () => void;
}

/**
 * Catch-up then live: reads batches after the checkpoint and hands them to `handle` one batch at a
 * time; when caught up, waits for a wake-up (a notification) or the poll interval. After a wake-up
 * that found nothing (an older transaction still open), it re-reads soon with a short back-off.
 */
export function pollingSubscription(o: PollingSubscriptionOptions): Subscription {
  let stopped = false;
  let wakeNow: (() => void) | undefined;
  let woken = false;
  const unregister = o.onWake?.(() => {
    woken = true;
    wakeNow?.();
  });
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wakeNow = undefined;
        resolve();
      }
      wakeNow = done;
    });

  const done = (async () => {
    let position = o.from;
    let backoff = 0;
    try {
      while (!stopped) {
        const wokenBefore = woken;
        woken = false;
        const events = await o.read(position, o.batchSize);
        if (events.length > 0) {
          await o.handle(events);
          position = events[events.length - 1].position;
          backoff = 0;
          if (events.length === o.batchSize) continue;
        }
        if (stopped) break;
        if (woken || (wokenBefore && events.length === 0)) {
          // A wake-up came in (or found nothing new): the rows may not be readable yet (an older transaction
          // is still open), so look again soon, backing off while nothing shows up.
          backoff = backoff === 0 ? 2 : Math.min(backoff * 2, o.pollIntervalMs);
        } else if (backoff > 0) {
          backoff = Math.min(backoff * 2, o.pollIntervalMs);
        }
        await wait(backoff > 0 ? backoff : o.pollIntervalMs);
      }
    } finally {
      unregister?.();
    }
  })();

  return {
    done,
    async stop() {
      stopped = true;
      wakeNow?.();
      await done.catch(() => undefined);
    },
  };
}
