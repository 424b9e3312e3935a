import { SseParser } from './sse';

/** What a service's live stream announces (`GET /api/<service>/live`): a record that changed, never its content. */
export interface LiveChange {
  type: string;
  id: string;
  version: number;
  /** Records this one belongs to (a PV's report): their screens and lists refresh too. */
  related?: { type: string; id: string }[];
}

/** The events a screen cares about; `ready`, `expired`, `closing` and heartbeats are the connection's own business. */
export type LiveSignal = { kind: 'change'; change: LiveChange } | { kind: 'resync' };

/** The wait before reconnection attempt `attempt` (0 first): 1 s doubling to 30 s, ±20 % so that many tabs do not come back at once; at least what `Retry-After` asked. */
export function backoffDelay(attempt: number, retryAfterMs = 0, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 10));
  return Math.max(retryAfterMs, Math.round(base * (0.8 + 0.4 * random())));
}

export interface LiveConnectionOptions {
  /** The stream's address, e.g. `https://…/api/reports/live`. */
  url: string;
  /** The current access token (in memory), read at each (re)connection. */
  token(): string | undefined;
  /** Resolves when the token is no longer `previous` (renewed, or a new sign-in). */
  tokenChanged(previous: string | undefined, signal: AbortSignal): Promise<void>;
  /** A change to a record the reader may see, or `resync`: refetch what is on screen. */
  onSignal(signal: LiveSignal): void;
  fetch?: typeof fetch;
  random?: () => number;
}

/** How long a stream must have stayed up for its drop to count as a first failure again. */
const STABLE_MS = 10_000;

type Outcome = { kind: 'expired' } | { kind: 'unauthorized' } | { kind: 'refused' } | { kind: 'dropped'; retryAfterMs?: number };

/**
 * One service's live stream, read with fetch streaming (the bearer token in the Authorization header,
 * which `EventSource` cannot send). It reconnects by itself: at once with a new token after `expired`
 * (the stream ends when its token does), after a 401 once the session has a new token, otherwise with
 * backoff. Nothing is replayed after a reconnect, so every reconnection after the first is announced as
 * a `resync`. A 403 (the role may not read this service) stops it for good.
 */
export class LiveConnection {
  private readonly abort = new AbortController();
  private running = false;

  constructor(private readonly o: LiveConnectionOptions) {}

  start(): void {
    if (this.running || this.abort.signal.aborted) return;
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.abort.abort();
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    let attempt = 0;
    let opened = false;
    while (!signal.aborted) {
      const token = this.o.token();
      if (!token) {
        await this.o.tokenChanged(token, signal);
        continue;
      }
      let readyAt: number | undefined;
      const outcome = await this.once(token, () => {
        readyAt = Date.now();
        if (opened) this.o.onSignal({ kind: 'resync' });
        opened = true;
      });
      // A stream that stayed up a while starts the backoff afresh; one that keeps dropping at once does not.
      if (readyAt !== undefined && Date.now() - readyAt > STABLE_MS) attempt = 0;
      if (signal.aborted || outcome.kind === 'refused') return;
      if (outcome.kind === 'expired' || outcome.kind === 'unauthorized') {
        if (this.o.token() === token) await this.o.tokenChanged(token, signal);
        continue;
      }
      await sleep(backoffDelay(attempt++, outcome.retryAfterMs, this.o.random), signal);
    }
  }

  /** One connection, until it ends; `ready` is called when the server said `ready`. */
  private async once(token: string, ready: () => void): Promise<Outcome> {
    let response: Response;
    try {
      response = await (this.o.fetch ?? fetch)(this.o.url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: this.abort.signal,
      });
    } catch {
      return { kind: 'dropped' };
    }
    if (response.status === 401) return { kind: 'unauthorized' };
    if (response.status === 403 || response.status === 404) return { kind: 'refused' };
    if (!response.ok || !response.body) {
      const retryAfter = Number(response.headers.get('Retry-After'));
      return { kind: 'dropped', retryAfterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined };
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return { kind: 'dropped' };
        for (const e of parser.push(value)) {
          if (e.event === 'ready') ready();
          else if (e.event === 'expired') return { kind: 'expired' };
          else if (e.event === 'resync') this.o.onSignal({ kind: 'resync' });
          else if (e.event === 'change') {
            const change = parseChange(e.data);
            if (change) this.o.onSignal({ kind: 'change', change });
          }
        }
      }
    } catch {
      return { kind: 'dropped' };
    } finally {
      reader.cancel().catch(() => undefined);
    }
  }
}

function parseChange(data: string): LiveChange | undefined {
  try {
    const c = JSON.parse(data) as Partial<LiveChange>;
    if (typeof c.type !== 'string' || typeof c.id !== 'string' || typeof c.version !== 'number') return undefined;
    const related = Array.isArray(c.related)
      ? c.related.filter((r) => typeof r?.type === 'string' && typeof r?.id === 'string')
      : undefined;
    return { type: c.type, id: c.id, version: c.version, ...(related && related.length > 0 ? { related } : {}) };
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
