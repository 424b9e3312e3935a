import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

/**
 * PGlite persisted under `<dataDir>/pglite`, in a worker thread, served on a loopback socket.
 * PGlite has no lock of its own on its directory (two processes on one directory lose data), so a
 * lock file keeps a second embedded instance out.
 */
export async function startEmbeddedDatabase(opts: {
  dataDir: string;
  fresh: boolean;
  port?: number;
  logger: { log(msg: string): void };
}): Promise<EmbeddedDatabase> {
  const root = path.resolve(opts.dataDir);
  const dir = path.join(root, 'pglite');
  mkdirSync(root, { recursive: true });
  const lock = path.join(root, 'embedded.lock');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && alive(pid)) {
      throw new Error(`Another embedded instance (pid ${pid}) is using ${root}. Stop it first, or set DATA_DIR to another folder.`);
    }
  }
  writeFileSync(lock, String(process.pid));
  if (opts.fresh) rmSync(dir, { recursive: true, force: true });

  const started = Date.now();
  const worker = new Worker(path.join(__dirname, 'embedded-database.worker.js'), { workerData: { dataDir: dir, port: opts.port ?? 0 } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { type: string; port?: number; message?: string }) => {
      if (m.type === 'ready') resolve(m.port!);
      if (m.type === 'error') reject(new Error(`PGlite failed to start: ${m.message}`));
    });
  });
  opts.logger.log(`PGlite ready in ${Date.now() - started} ms (${dir}, 127.0.0.1:${port})`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5000);
        worker.on('message', (m: { type: string }) => {
          if (m.type === 'stopped') {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.postMessage({ type: 'stop' });
      });
      await worker.terminate();
      rmSync(lock, { force: true });
    },
  };
}
