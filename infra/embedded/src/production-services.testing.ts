import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { compile, compiledMain, eventually, freePort, workspaceRoot } from '@police/testing';

// What the production-like tests share: a stand-in for Keycloak, a compiled tree, and the services'
// own mains started as separate processes (what `nx serve <service>` runs after compiling).

export { compile, freePort };
export const root = workspaceRoot;
export const SERVICES = ['reports', 'investigations', 'evidence', 'integrity'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface IdentityProvider {
  server: Server;
  env: Record<string, string>;
  /** A token as Keycloak would sign it for this staff member (realm roles, teams and unit claims). */
  sign(staffId: string, roles: string[], claims?: { teams?: string[]; unit?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Stands in for Keycloak: publishes a JWKS; the test signs tokens with the matching private key. */
export async function identityProvider(): Promise<IdentityProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'realm-key', alg: 'RS256', use: 'sig' }] };
  const server = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = 'http://keycloak.test/realms/police';
  const env = {
    OIDC_ISSUER: issuer,
    OIDC_AUDIENCE: 'police-case-platform',
    OIDC_JWKS_URI: `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/police/protocol/openid-connect/certs`,
  };
  const sign = (staffId: string, roles: string[], claims: { teams?: string[]; unit?: string } = {}) =>
    new SignJWT({ staff_id: staffId, preferred_username: staffId, realm_access: { roles }, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'realm-key' })
      .setIssuer(issuer)
      .setAudience(['police-case-platform', 'account'])
      .setSubject(staffId)
      .setExpirationTime('5m')
      .sign(privateKey as KeyLike);
  return { server, env, sign, close: () => new Promise((r) => server.close(() => r())) };
}

/** A member of staff as a token names them. */
export interface StaffClaims {
  staffId: string;
  roles: string[];
  teams: string[];
  unit: string;
}

/**
 * Calls a running service over HTTP: as a member of staff (a token the stand-in signs), with a bearer of
 * one's own, or with none; a JSON body when given. The answer's JSON is parsed when its type says so.
 */
export async function callService(
  idp: IdentityProvider,
  url: string,
  method: string,
  path: string,
  options: { as?: StaffClaims; bearer?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const bearer =
    options.bearer ??
    (options.as ? await idp.sign(options.as.staffId, options.as.roles, { teams: options.as.teams, unit: options.as.unit }) : undefined);
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  // Tests read answers field by field and assert their shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json: any = contentType.includes('json') ? JSON.parse(text) : undefined;
  return { status: res.status, contentType, text, etag: res.headers.get('etag'), json };
}

/** How a compiled main is started: the path aliases resolve into dist/out-tsc. */
export function mainCommand(service: ServiceName): { args: string[]; env: Record<string, string> } {
  return compiledMain(`services/${service}/src/main.ts`);
}

export interface RunningService {
  name: ServiceName;
  port: number;
  url: string;
  child: ChildProcess;
  /** What the process wrote (kept for the failure message of a test). */
  output(): string;
}

/**
 * The key-encryption key every production main of this test process is given (a main requires one, ADR 0053): one
 * per process, so a replica restarted by a supervisor opens what the killed one sealed.
 */
const TEST_KEY_ENCRYPTION_KEY = randomBytes(32).toString('base64');

/**
 * Starts a service's production main (on `port`, else a free one) without waiting for it: a supervisor that
 * restarts a killed replica on its port, whatever the state of the servers it needs, starts it this way.
 */
export async function spawnService(
  name: ServiceName,
  env: Record<string, string>,
  options: { captureOutput?: boolean; port?: number } = {},
): Promise<RunningService> {
  const port = options.port ?? (await freePort());
  const { args, env: pathEnv } = mainCommand(name);
  let out = '';
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', EVENT_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY, ...pathEnv, ...env },
    stdio: options.captureOutput ? ['ignore', 'pipe', 'pipe'] : 'ignore',
  });
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, port, url: `http://127.0.0.1:${port}`, child, output: () => out };
}

/** Waits until a started service's `route` (its health check by default) answers 200; fails early when the process exits. */
export async function waitForService(service: RunningService, options: { route?: string; timeoutMs?: number } = {}): Promise<void> {
  const route = options.route ?? 'health';
  await eventually(
    async () => {
      if (service.child.exitCode !== null || service.child.signalCode !== null) {
        throw new Error(`${service.name} exited with ${service.child.exitCode ?? service.child.signalCode}:\n${service.output()}`);
      }
      const res = await fetch(`${service.url}/api/${service.name}/${route}`, { signal: AbortSignal.timeout(5000) });
      if (res.status !== 200) throw new Error(`${service.name} ${route} answered ${res.status}`);
    },
    { timeoutMs: options.timeoutMs ?? 40_000, intervalMs: 200 },
  );
}

/** Starts a service's production main on a free port and waits until its health check answers. */
export async function startService(
  name: ServiceName,
  env: Record<string, string>,
  options: { captureOutput?: boolean } = {},
): Promise<RunningService> {
  const service = await spawnService(name, env, options);
  await waitForService(service);
  return service;
}

/**
 * Stops the processes (SIGTERM, as an orchestrator would) and waits for them to exit; with `killAfterMs`,
 * one still running after that long is killed (SIGKILL), as an orchestrator's grace period ends.
 */
export async function stopAll(children: ChildProcess[], options: { killAfterMs?: number } = {}): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise((r) => {
          if (c.exitCode !== null || c.signalCode !== null) return r(null);
          const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => c.kill('SIGKILL'), options.killAfterMs);
          c.once('exit', () => {
            clearTimeout(timer);
            r(null);
          });
          c.kill('SIGTERM');
        }),
    ),
  );
}
