/**
 * Locks a client out after repeated failed logins: `maxFailures` within `windowMs` lock it until the
 * window of the oldest of them has passed. A success does not clear earlier failures, so valid
 * attempts cannot be interleaved to keep guessing. State is per process (one embedded host).
 */
export class LoginLockout {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: { maxFailures: number; windowMs: number; now?: () => number }) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  private recent(client: string): number[] {
    const since = this.now() - this.options.windowMs;
    const kept = (this.failures.get(client) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(client);
    else this.failures.set(client, kept);
    return kept;
  }

  /** Seconds until the client may try again; 0 when it is not locked out. */
  retryAfterSeconds(client: string): number {
    const recent = this.recent(client);
    if (recent.length < this.options.maxFailures) return 0;
    const unlockAt = recent[recent.length - this.options.maxFailures] + this.options.windowMs;
    return Math.max(1, Math.ceil((unlockAt - this.now()) / 1000));
  }

  recordFailure(client: string): void {
    const recent = this.recent(client);
    recent.push(this.now());
    this.failures.set(client, recent);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }
}
