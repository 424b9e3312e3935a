import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, LiveConnection, LiveSignal } from './live-connection';

/** A server-sent event stream the test writes into. */
function stream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const enc = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    send: (event: string, data: unknown) => controller.enqueue(enc.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    end: () => controller.close(),
  };
}

async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(check()).toBe(true), { timeout: 1000, interval: 5 });
}

/** Longer than the longest backoff (30 s + 20 %): a reconnection that should not happen would have. */
const PAST_ANY_BACKOFF_MS = 60_000;

describe('LiveConnection', () => {
  let connection: LiveConnection | undefined;
  // Clock time is simulated (it also runs on its own), so "no reconnection" is checked past any backoff.
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => {
    connection?.stop();
    vi.useRealTimers();
  });

  it('passes changes on, reconnects at once with the new token after `expired`, and says resync after a reconnection', async () => {
    const calls: string[] = [];
    const streams = [stream(), stream()];
    let token = 'token-1';
    let renewed: () => void = () => undefined;
    const signals: LiveSignal[] = [];
    connection = new LiveConnection({
      url: 'http://127.0.0.1/api/reports/live',
      token: () => token,
      tokenChanged: () => new Promise<void>((resolve) => (renewed = resolve)),
      onSignal: (s) => signals.push(s),
      fetch: async (_url, init) => {
        calls.push(new Headers(init?.headers).get('Authorization') ?? '');
        return streams[calls.length - 1].response;
      },
    });
    connection.start();
    await until(() => calls.length === 1);
    streams[0].send('ready', { service: 'reports' });
    streams[0].send('change', { type: 'report', id: 'r1', version: 3, content: 'never used' });
    streams[0].send('change', { type: 'pv', id: 'p1', version: 2, related: [{ type: 'report', id: 'r1' }] });
    streams[0].send('change', { nonsense: true });
    await until(() => signals.length === 2);
    expect(signals).toEqual([
      { kind: 'change', change: { type: 'report', id: 'r1', version: 3 } },
      { kind: 'change', change: { type: 'pv', id: 'p1', version: 2, related: [{ type: 'report', id: 'r1' }] } },
    ]);
    // The token ran out: the stream ends; the same token is not tried again, the renewed one is.
    streams[0].send('expired', { reason: 'token_expired' });
    await vi.advanceTimersByTimeAsync(PAST_ANY_BACKOFF_MS);
    expect(calls).toEqual(['Bearer token-1']);
    token = 'token-2';
    renewed();
    await until(() => calls.length === 2);
    expect(calls[1]).toBe('Bearer token-2');
    streams[1].send('ready', { service: 'reports' });
    streams[1].send('resync', { reason: 'burst' });
    await until(() => signals.length === 4);
    expect(signals.slice(2)).toEqual([{ kind: 'resync' }, { kind: 'resync' }]);
  });

  it('stops for good when the role may not read the service (403)', async () => {
    let calls = 0;
    connection = new LiveConnection({
      url: 'http://127.0.0.1/api/integrity/live',
      token: () => 'token',
      tokenChanged: () => new Promise(() => undefined),
      onSignal: () => undefined,
      fetch: async () => {
        calls++;
        return new Response('{}', { status: 403 });
      },
    });
    connection.start();
    await until(() => calls === 1);
    await vi.advanceTimersByTimeAsync(PAST_ANY_BACKOFF_MS);
    expect(calls).toBe(1);
  });

  it('backs off from 1 s doubling to 30 s, spread ±20 %, never sooner than Retry-After', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((a) => backoffDelay(a, 0, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(0, 0, () => 0)).toBe(800);
    expect(backoffDelay(0, 0, () => 1)).toBe(1200);
    expect(backoffDelay(0, 30_000, () => 0.5)).toBe(30_000);
  });
});
