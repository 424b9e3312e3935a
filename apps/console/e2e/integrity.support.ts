import { APIRequestContext, BrowserContext, expect, Page } from '@playwright/test';
import { tokenFor } from './support';

/**
 * Everything a browser context received from the product: each response body (page.on('response')),
 * and the live streams' data as it arrived (the DevTools protocol: a stream's body never ends, so
 * Network.streamResourceContent hands over its chunks). A search's echo of the words typed (`q`) is
 * taken out: it is what the user typed, not what the product told them.
 */
export class TrafficRecorder {
  private readonly bodies: { url: string; text: string }[] = [];
  private readonly pending: Promise<void>[] = [];

  static async attach(context: BrowserContext, page: Page): Promise<TrafficRecorder> {
    const recorder = new TrafficRecorder();
    context.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (type.includes('text/event-stream')) return;
      recorder.pending.push(
        response
          .text()
          .then((text) => void recorder.bodies.push({ url: response.url(), text: recorder.withoutEcho(response.url(), text) }))
          .catch(() => undefined),
      );
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const streams = new Set<string>();
    cdp.on('Network.responseReceived', (e) => {
      if (!(e.response.mimeType ?? '').includes('event-stream')) return;
      streams.add(e.requestId);
      recorder.pending.push(
        cdp
          .send('Network.streamResourceContent', { requestId: e.requestId })
          .then((r) => void recorder.bodies.push({ url: e.response.url, text: Buffer.from(r.bufferedData, 'base64').toString('utf8') }))
          .catch(() => undefined),
      );
    });
    cdp.on('Network.dataReceived', (e) => {
      if (streams.has(e.requestId) && e.data) recorder.bodies.push({ url: 'live', text: Buffer.from(e.data, 'base64').toString('utf8') });
    });
    return recorder;
  }

  private withoutEcho(url: string, text: string): string {
    if (!new URL(url).pathname.endsWith('/search')) return text;
    try {
      const { q: _typed, ...rest } = JSON.parse(text) as Record<string, unknown>;
      return JSON.stringify(rest);
    } catch {
      return text;
    }
  }

  /** How many bodies were received (so a test sees it watched something), and from which live streams. */
  async received(): Promise<{ bodies: number; liveChunks: number }> {
    await Promise.all(this.pending);
    return { bodies: this.bodies.length, liveChunks: this.bodies.filter((b) => b.url === 'live' || b.url.endsWith('/live')).length };
  }

  /** Fails naming the response that carried any of the needles. */
  async expectNoTraceOf(needles: string[]): Promise<void> {
    await Promise.all(this.pending);
    const found = this.bodies.flatMap((b) => needles.filter((n) => n && b.text.includes(n)).map((n) => `${n} in ${b.url}`));
    expect(found, 'what the officer concerned received').toEqual([]);
  }
}

/** A POST of the API as a demo user, for arranging data (the flow under test stays in the browser). */
export async function apiPost<T = unknown>(request: APIRequestContext, username: string, url: string, data: unknown): Promise<T> {
  const token = await tokenFor(request, username);
  const res = await request.post(url, { headers: { authorization: `Bearer ${token}` }, data });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}
