import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** PGlite persisted under `<dataDir>/pglite`, served to node-postgres over a loopback socket. */
export async function startEmbeddedDatabase(opts: {
  dataDir: string;
  fresh: boolean;
  port?: number;
  logger: { log(msg: string): void };
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(opts.dataDir, 'pglite');
  if (opts.fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create({ dataDir: dir });
  const port = opts.port ?? Number(process.env.EMBEDDED_DB_PORT ?? 0);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: port || 54390, maxConnections: 16 });
  await server.start();
  const url = `postgres://postgres@127.0.0.1:${port || 54390}/postgres`;
  opts.logger.log(`PGlite ready (${dir})`);
  return {
    url,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
