import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { startPGliteServer } from './pglite-server';

/**
 * PGlite runs synchronously on its thread; here it gets a thread of its own so a heavy query never
 * stalls the HTTP event loop. It is served over a loopback socket to node-postgres.
 */
async function main(): Promise<void> {
  const { dataDir, port } = workerData as { dataDir: string; port: number };
  // pg_trgm: the trigram indexes of name searches (`@police/platform` TrigramIndex), as in PostgreSQL.
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  const server = await startPGliteServer(db, port);
  parentPort!.postMessage({ type: 'ready', port: server.port });
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
