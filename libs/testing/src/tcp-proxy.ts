import { createServer, Server, Socket } from 'node:net';
import { freePort } from './processes';

/** A TCP proxy a test controls, between a process under test and a real server (127.0.0.1 only). */
export interface TcpProxy {
  /** The port the process under test connects to. */
  readonly port: number;
  /**
   * An outage: every open connection is cut and new ones are refused (nothing listens on the port), as
   * when the server is down — without touching the real server, which other tests share.
   */
  cut(): Promise<void>;
  /** The server is back: the port accepts and forwards again. */
  restore(): Promise<void>;
  /**
   * A slow network or server: every chunk, both ways, is held `ms` before it is passed on (in order; 0 passes
   * it at once again). Open connections slow down too.
   */
  delay(ms: number): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy on a free port of 127.0.0.1 (or `port`) forwarding to `target`; `listening: false`
 * starts it cut, so the process sees a server that is not there yet.
 */
export async function startTcpProxy(
  target: { host: string; port: number },
  options: { port?: number; listening?: boolean } = {},
): Promise<TcpProxy> {
  const port = options.port ?? (await freePort());
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let delayMs = 0;

  /** Passes what `from` sends on to `to`, each chunk `delayMs` later and never ahead of the one before. */
  const forward = (from: Socket, to: Socket) => {
    let lastDue = 0;
    from.on('data', (chunk) => {
      if (delayMs === 0 && lastDue <= Date.now()) {
        to.write(chunk);
        return;
      }
      const due = Math.max(Date.now() + delayMs, lastDue);
      lastDue = due;
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, due - Date.now());
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client);
        sockets.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pause();
        upstream.connect(target.port, target.host, () => {
          forward(client, upstream);
          forward(upstream, client);
          client.resume();
        });
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        resolve();
      });
    });

  const stop = async () => {
    const s = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  if (options.listening !== false) await listen();
  return {
    port,
    cut: stop,
    restore: async () => {
      if (!server) await listen();
    },
    delay: (ms: number) => {
      delayMs = ms;
    },
    close: stop,
  };
}
