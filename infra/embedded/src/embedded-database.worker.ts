import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite runs synchronously on its thread; here it gets a thread of its own so a heavy query never
 * stalls the HTTP event loop. It is served over a loopback socket to node-postgres.
 */
async function main(): Promise<void> {
  const { dataDir, port } = workerData as { dataDir: string; port: number };
  const db = await PGlite.create({ dataDir });
  // One connection in use plus one spare for a reconnect: the socket server multiplexes messages of
  // several connections onto one session, which interleaves extended-protocol queries (see README).
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 2 });
  await server.start();
  const conn = server.getServerConn();
  parentPort!.postMessage({ type: 'ready', port: Number(conn.split(':').pop()) });
  parentPort!.on('message', async (msg: { type: string }) => {
    if (msg.type !== 'stop') return;
    await server.stop();
    await db.close();
    parentPort!.postMessage({ type: 'stopped' });
  });
}

main().catch((e) => {
  parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
});
