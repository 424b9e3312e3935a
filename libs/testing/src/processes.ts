import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** The workspace root (where package.json and tsconfig.build.json are). */
export const workspaceRoot = path.resolve(__dirname, '..', '..', '..');

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Compiles the tree the mains run from (tsconfig.build.json into dist/out-tsc; incremental: cheap when nothing changed). */
export function compile(): void {
  const build = spawnSync(process.execPath, [path.join(workspaceRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: workspaceRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${build.stdout}${build.stderr}`);
}

/** How a compiled main (its source path, e.g. `services/reports/src/main.ts`) is started: the path aliases resolve into dist/out-tsc. */
export function compiledMain(source: string): { args: string[]; env: Record<string, string> } {
  return {
    args: ['-r', 'tsconfig-paths/register', `dist/out-tsc/${source.replace(/\.ts$/, '.js')}`],
    env: { TS_NODE_PROJECT: path.join(workspaceRoot, 'tsconfig.base.json'), TS_NODE_BASEURL: path.join(workspaceRoot, 'dist/out-tsc') },
  };
}
