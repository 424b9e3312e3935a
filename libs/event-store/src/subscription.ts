import { BackoffPolicy, backoffDelay, DEFAULT_BACKOFF, LoopFailure } from './backoff';
import { GlobalPosition, RecordedEvent, Subscription } from './event-store';

export interface PollingSubscriptionOptions {
  from: GlobalPosition;
  read(from: GlobalPosition, limit: number): Promise<RecordedEvent[]>;
  handle(events: RecordedEvent[]): Promise<void>;
  batchSize: number;
  pollIntervalMs: number;
  /** Registers a callback that cuts the current wait short; returns its unregistration. */
  onWake?(wake: () => void): () => void;
  /** Told of every failed read or handling before the subscription backs off and tries the same batch again. */
  onError?(error: unknown, failure: LoopFailure): void;
  /** Back-off between failed attempts (capped exponential with jitter). Default {@link DEFAULT_BACKOFF}. */
  backoff?: BackoffPolicy;
}

/**
 * Catch-up then live: reads batches after the checkpoint and hands them to `handle` one batch at a
 * time; when caught up, waits for a wake-up (a notification) or the poll interval. After a wake-up
 * that found nothing (an older transaction still open), it re-reads soon with a short back-off.
 *
 * A failed read or handling (the database restarting, the broker away) never ends it: it is reported to
 * `onError`, the subscription waits a capped, jittered back-off, and reads again from the position after
 * the last batch that was handled — for as long as the outage lasts. `done` resolves only on `stop()`.
 */
export function pollingSubscription(o: PollingSubscriptionOptions): Subscription {
  let stopped = false;
  let wakeNow: (() => void) | undefined;
  let woken = false;
  let position = o.from;
  let failure: LoopFailure | undefined;
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
    let backoff = 0;
    try {
      while (!stopped) {
        const wokenBefore = woken;
        woken = false;
        let events: RecordedEvent[];
        try {
          events = await o.read(position, o.batchSize);
          if (events.length > 0) {
            await o.handle(events);
            position = events[events.length - 1].position;
          }
          failure = undefined;
        } catch (e) {
          if (stopped) break;
          failure = {
            error: e instanceof Error ? e.message : String(e),
            since: failure?.since ?? new Date(),
            attempts: (failure?.attempts ?? 0) + 1,
          };
          try {
            o.onError?.(e, failure);
          } catch {
            // A reporter's failure is not the subscription's.
          }
          await wait(backoffDelay(failure.attempts, o.backoff ?? DEFAULT_BACKOFF));
          continue;
        }
        if (events.length > 0) {
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
    get position() {
      return position;
    },
    get failure() {
      return failure;
    },
    async stop() {
      stopped = true;
      wakeNow?.();
      await done.catch(() => undefined);
    },
  };
}
