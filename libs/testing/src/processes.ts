import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The nearest folder at or above `from` holding tsconfig.base.json: the workspace, from the sources or from dist/out-tsc (the bench runs compiled). */
function findWorkspaceRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'tsconfig.base.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no tsconfig.base.json at or above ${from}`);
  }
}

/** The workspace root (where package.json and tsconfig.build.json are). */
export const workspaceRoot = findWorkspaceRoot(__dirname);

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
