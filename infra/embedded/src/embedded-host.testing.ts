import { ChildProcess, spawn } from 'node:child_process';
import { eventually } from '@police/testing';
import { root, SERVICES } from './production-services.testing';

export interface EmbeddedProcess {
  child: ChildProcess;
  /** What the process wrote so far (for the failure message of a test). */
  output(): string;
  exited: Promise<number | null>;
}

/** `npm start` as a newcomer runs it (compiles, then starts), on `port` with its data in `dataDir`. */
export function startEmbedded(dataDir: string, port: number, args: string[] = [], env: Record<string, string> = {}): EmbeddedProcess {
  let out = '';
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out = (out + d).slice(-50_000)));
  child.stderr!.on('data', (d) => (out = (out + d).slice(-50_000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Waits until every service of the embedded product answers its health check. */
export async function untilHealthy(port: number, timeoutMs = 90_000): Promise<void> {
  for (const s of SERVICES) {
    await eventually(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/${s}/health`);
        expect(res.status).toBe(200);
      },
      { timeoutMs, intervalMs: 250 },
    );
  }
}
