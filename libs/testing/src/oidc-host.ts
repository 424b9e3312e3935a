import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from './eventually';
import { TestKeycloak } from './keycloak';
import { compile, compiledMain, freePort, workspaceRoot } from './processes';

/** The embedded product (`npm start`) running in OIDC mode against a Keycloak, for browser tests of the real sign-in. */
export interface OidcEmbeddedHost {
  /** e.g. http://127.0.0.1:41234 — the console's origin, registered with Keycloak's `police-web` client. */
  url: string;
  port: number;
  child: ChildProcess;
  /** What the host wrote (for a failing test's message). */
  output(): string;
  /** Stops the host (SIGTERM), takes its address back from `police-web` and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts the embedded host (`infra/embedded/src/main.ts`, compiled) with `DEV_AUTH=false` and the OIDC
 * settings of `keycloak`, on `port` (default: a free one) with a fresh data folder, waits until it answers,
 * and registers its origin with the console's client (redirect, sign-out and CORS), as an administrator
 * registers a deployment's address. Then `GET <url>/api/auth/config` answers
 * `{ kind: 'oidc', authority: <issuer>, clientId: 'police-web', scope }` and the host accepts Keycloak's
 * tokens. A browser test signs in through Keycloak's login page as a demo user whose password it set
 * first with `keycloak.setPassword(username)` (TEST_USER_PASSWORD; see docs/adr/0003-test-logins.md).
 */
export async function startOidcEmbeddedHost(
  keycloak: TestKeycloak,
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<OidcEmbeddedHost> {
  compile();
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'police-oidc-host-'));
  const main = compiledMain('infra/embedded/src/main.ts');
  let out = '';
  const child = spawn(process.execPath, main.args, {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      ...main.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEV_AUTH: 'false',
      LOG_LEVEL: 'warn',
      ...keycloak.oidcEnv,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stopChild = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
    );
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`the embedded host exited with ${child.exitCode}:\n${out}`);
        const res = await fetch(`${url}/api/auth/config`);
        if (res.status !== 200) throw new Error(`GET /api/auth/config answered ${res.status}`);
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    await keycloak.allowConsoleOrigin(url);
  } catch (e) {
    await stopChild();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    url,
    port,
    child,
    output: () => out,
    stop: async () => {
      await stopChild();
      await keycloak.removeConsoleOrigin(url);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
