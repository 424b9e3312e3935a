/** One server-sent event as a client sees it: a named event with JSON data, or a comment line. */
export interface LiveFrame {
  event: string;
  // Tests read the data field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  /** For `event: 'comment'`: the comment's text (`heartbeat`). */
  comment?: string;
}

/** Parses complete SSE frames off the front of a buffer; returns them and what remains. */
export function parseFrames(buffer: string): { frames: LiveFrame[]; rest: string } {
  const frames: LiveFrame[] = [];
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) frames.push({ event: 'comment', comment: line.slice(1).trim() });
      else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trim());
    }
    if (data.length > 0) frames.push({ event, data: JSON.parse(data.join('\n')) });
  }
  return { frames, rest };
}

/**
 * A live-updates subscriber as the console is one: `fetch` with the bearer token in the Authorization
 * header, reading the body as a stream. Frames are kept in arrival order; `until` waits for one.
 */
export class LiveClient {
  readonly frames: LiveFrame[] = [];
  /** Resolves when the server ends the stream (or the client closes it). */
  readonly ended: Promise<void>;
  private wake?: () => void;
  private readonly controller = new AbortController();
  private closedByServer = false;

  private constructor(
    readonly status: number,
    readonly contentType: string,
    body: ReadableStream<Uint8Array> | null,
  ) {
    this.ended = this.pump(body);
  }

  /** Opens `path` (from `/api`) on `url` with `token`; answers once the response headers are in. */
  static async open(url: string, path: string, token: string): Promise<LiveClient> {
    const controller = new AbortController();
    const res = await fetch(`${url}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    const client = new LiveClient(res.status, res.headers.get('content-type') ?? '', res.body);
    client.controller.signal.addEventListener('abort', () => controller.abort());
    return client;
  }

  get serverEnded(): boolean {
    return this.closedByServer;
  }

  private async pump(body: ReadableStream<Uint8Array> | null): Promise<void> {
    if (!body) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          this.closedByServer = true;
          break;
        }
        const parsed = parseFrames(buffer + decoder.decode(value, { stream: true }));
        buffer = parsed.rest;
        this.frames.push(...parsed.frames);
        this.wake?.();
      }
    } catch {
      // Aborted by close().
    } finally {
      this.wake?.();
    }
  }

  /**
   * Waits (up to `timeoutMs`) for a frame that matches, and returns every frame received before it and
   * the match itself: what the subscriber had learnt by then.
   */
  async until(match: (f: LiveFrame) => boolean, timeoutMs = 10_000): Promise<LiveFrame[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.frames.findIndex(match);
      if (i >= 0) return this.frames.slice(0, i + 1);
      if (this.closedByServer) throw new Error(`the stream ended without the frame awaited; got ${JSON.stringify(this.frames)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** The changes received so far (`change` events' data). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  changes(): any[] {
    return this.frames.filter((f) => f.event === 'change').map((f) => f.data);
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.ended;
  }
}
