import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from './eventually';
import { freePort, workspaceRoot } from './processes';

/** The gateway's configuration (infra/gateway/default.conf.template), as docker compose's nginx image renders it. */
export const GATEWAY_TEMPLATE = path.join(workspaceRoot, 'infra/gateway/default.conf.template');

/** Renders the template as the nginx image's entrypoint does (envsubst of the given variables only); a variable not given is an error. */
export function renderGatewayConfig(vars: Record<string, string>, template = readFileSync(GATEWAY_TEMPLATE, 'utf8')): string {
  return template.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_m, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`${GATEWAY_TEMPLATE} uses \${${name}}, which was not given`);
    return v;
  });
}

function nginxBinary(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
  return null;
}

/** Debian's nginx, installed with apt when missing (as root; the gateway test needs no Docker engine). */
export function ensureNginx(): string {
  const found = nginxBinary();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('nginx is not installed: apt-get install -y nginx-light (as root)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'nginx-light']]) {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${(r.stdout + r.stderr).slice(-3000)}`);
  }
  const installed = nginxBinary();
  if (!installed) throw new Error('nginx-light was installed but no nginx binary was found');
  return installed;
}

export interface NativeGateway {
  url: string;
  port: number;
  child: ChildProcess;
  /** nginx's error log (for a failing test's message). */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Runs the gateway's configuration with Debian's nginx on 127.0.0.1 (a free port), in front of the given
 * services and console folder: the same template as docker compose, wrapped in a minimal main
 * configuration (the nginx image's own nginx.conf includes conf.d/*.conf inside `http {}` likewise).
 */
export async function startNativeGateway(options: {
  services: Record<'reports' | 'investigations' | 'evidence' | 'integrity', string>;
  consoleRoot: string;
  port?: number;
  connectSources?: string[];
}): Promise<NativeGateway> {
  const nginx = ensureNginx();
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'police-gateway-'));
  chmodSync(dir, 0o755);
  for (const d of ['tmp', 'logs']) mkdirSync(path.join(dir, d), { mode: 0o755 });
  const server = renderGatewayConfig({
    GATEWAY_PORT: `127.0.0.1:${port}`,
    CONSOLE_ROOT: options.consoleRoot,
    REPORTS_URL: options.services.reports,
    INVESTIGATIONS_URL: options.services.investigations,
    EVIDENCE_URL: options.services.evidence,
    INTEGRITY_URL: options.services.integrity,
    CONSOLE_CONNECT_SRC: (options.connectSources ?? []).join(' '),
  });
  writeFileSync(path.join(dir, 'gateway.conf'), server);
  const errorLog = path.join(dir, 'logs', 'error.log');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `# Test wrapper around infra/gateway/default.conf.template (the nginx image's nginx.conf does the same).
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${errorLog} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  include ${dir}/gateway.conf;
}
`,
  );
  const check = spawnSync(nginx, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx -t refused the gateway configuration:\n${check.stderr}`);
  }
  const child = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const errors = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGQUIT'); // graceful: the master waits for its workers
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${errors()}`);
        await fetch(`${url}/`);
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, child, errors, stop };
}
