/** How a background loop waits between failed attempts: doubling from `initialMs`, at most `maxMs`. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/**
 * The default of every background loop (subscriptions, projectors, relay, consumers): 200 ms doubling to 5 s.
 * The cap bounds how long a loop sleeps after its server is back (a 30 s cap let a broker outage of 20 s end
 * in 25 s more of waiting: the chaos suite's recovery bound, ADR 0047); an attempt every few seconds costs nothing.
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 5000 };

/**
 * The wait before attempt `attempt + 1` after `attempt` consecutive failures (1 for the first):
 * capped exponential with "equal jitter" — half the capped delay, plus a random part up to the other
 * half — so replicas that lost the same server at the same moment do not come back in step, and no wait
 * is ever shorter than half its step. `random` is for tests.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(step / 2 + random() * (step / 2));
}

/** A failure a background loop is retrying: the last error, since when it fails, how many attempts. */
export interface LoopFailure {
  error: string;
  since: Date;
  attempts: number;
}

export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' && code !== '' ? `${e.message} (${code})` : e.message;
  }
  return String(e);
}
