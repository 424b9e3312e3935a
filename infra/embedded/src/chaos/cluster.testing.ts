// The chaos suite's cluster: the suite's own PostgreSQL and Kafka (infra/native/infra.mjs in a folder and on
// ports of the suite's own, given by scripts/chaos.mjs), a TCP proxy in front of PostgreSQL (a slow database)
// and one in front of the broker's side listener (a network cut for one replica), and two replicas of each
// of the four production mains, restarted on their port when killed, as Kubernetes restarts a pod.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Pool } from 'pg';
import { eventually, startTcpProxy, TcpProxy } from '@police/testing';
import {
  identityProvider,
  IdentityProvider,
  root,
  RunningService,
  SERVICES,
  ServiceName,
  spawnService,
  waitForService,
} from '../production-services.testing';

/** The suite's servers, as scripts/chaos.mjs configured them. */
export interface ChaosServers {
  databaseUrl: string;
  kafkaBrokers: string;
  /** The broker's side listener (what the cut replica's proxy forwards to) and the port it advertises (the proxy's). */
  kafkaSide: { port: number; advertisedPort: number };
}

export function serversFromEnv(): ChaosServers {
  const need = (name: string) => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set: run the chaos suite with \`npm run chaos\` (scripts/chaos.mjs)`);
    return v;
  };
  const [port, advertisedPort] = need('NATIVE_KAFKA_SIDE_LISTENER').split(':').map(Number);
  return { databaseUrl: need('DATABASE_URL'), kafkaBrokers: need('KAFKA_BROKERS'), kafkaSide: { port, advertisedPort } };
}

/** Runs infra/native/infra.mjs on the suite's servers (its environment names their folder and ports), without blocking the event loop. */
export function infra(...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'infra/native/infra.mjs'), ...args], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`infra.mjs ${args.join(' ')} failed (exit ${code}):\n${out.slice(-3000)}`)),
    );
  });
}

/** One replica: its service, its number, the process running now, and what happened to it. */
export interface Replica {
  service: ServiceName;
  index: number;
  port: number;
  env: Record<string, string>;
  process: RunningService;
  /** Kills the suite ordered (the supervisor restarts it); anything else that ends it is an unexpected exit. */
  killsOrdered: number;
  exits: { code: number | null; signal: string | null; expected: boolean; at: number }[];
  restarts: number;
}

export const label = (r: Replica) => `${r.service}#${r.index}`;
export const isUp = (r: Replica) => r.process.child.exitCode === null && r.process.child.signalCode === null;

export class Cluster {
  readonly replicas: Replica[] = [];
  idp!: IdentityProvider;
  pgProxy!: TcpProxy;
  kafkaProxy!: TcpProxy;
  private stopping = false;
  private readonly tokens = new Map<string, { token: string; at: number }>();

  constructor(readonly servers: ChaosServers) {}

  /** The replica the network-cut round cuts off from Kafka (it reaches the broker through the suite's proxy). */
  static readonly CUT: { service: ServiceName; index: number } = { service: 'investigations', index: 2 };

  async start(): Promise<void> {
    this.idp = await identityProvider();
    const db = new URL(this.servers.databaseUrl);
    this.pgProxy = await startTcpProxy({ host: db.hostname, port: Number(db.port) });
    this.kafkaProxy = await startTcpProxy(
      { host: '127.0.0.1', port: this.servers.kafkaSide.port },
      { port: this.servers.kafkaSide.advertisedPort },
    );
    const viaProxy = new URL(this.servers.databaseUrl);
    viaProxy.port = String(this.pgProxy.port);
    const base = {
      DATABASE_URL: viaProxy.toString(),
      KAFKA_BROKERS: this.servers.kafkaBrokers,
      LOG_LEVEL: 'warn',
      SEARCH_RATE_LIMIT: '1000000',
      STORE_RETRY_AFTER_SECONDS: '1',
      DB_POOL_SIZE: '6',
      ...this.idp.env,
    };
    // The first replica of each service migrates its schema (the four at once, on a fresh broker); then the second.
    for (const index of [1, 2]) {
      const started = await Promise.all(
        SERVICES.map(async (service) => {
          const cut = service === Cluster.CUT.service && index === Cluster.CUT.index;
          const env = { ...base, ...(cut ? { KAFKA_BROKERS: `127.0.0.1:${this.servers.kafkaSide.advertisedPort}` } : {}) };
          const replica: Replica = {
            service,
            index,
            port: 0,
            env,
            process: await spawnService(service, env, { captureOutput: true }),
            killsOrdered: 0,
            exits: [],
            restarts: 0,
          };
          replica.port = replica.process.port;
          this.watch(replica);
          return replica;
        }),
      );
      this.replicas.push(...started);
      await Promise.all(started.map((r) => waitForService(r.process, { route: 'health/ready', timeoutMs: 180_000 })));
    }
  }

  /** Restarts a replica whenever it ends, as a supervisor would; counts whether the suite killed it. */
  private watch(replica: Replica): void {
    const child = replica.process.child;
    child.once('exit', (code, signal) => {
      const expected = replica.killsOrdered > replica.exits.filter((e) => e.expected).length;
      replica.exits.push({ code, signal, expected, at: Date.now() });
      if (this.stopping) return;
      void this.respawn(replica);
    });
  }

  private async respawn(replica: Replica): Promise<void> {
    replica.restarts++;
    replica.process = await spawnService(replica.service, replica.env, { captureOutput: true, port: replica.port });
    this.watch(replica);
  }

  /** kill -9 of a replica; resolves once it is dead (the supervisor has started it again by then, or is about to). */
  async kill(replica: Replica): Promise<void> {
    const child = replica.process.child;
    if (!isUp(replica)) return;
    replica.killsOrdered++;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  replica(service: ServiceName, index: number): Replica {
    const r = this.replicas.find((x) => x.service === service && x.index === index);
    if (!r) throw new Error(`no replica ${service}#${index}`);
    return r;
  }

  /** The replica holding a lease now (`projection:…`, `relay:…`), by the holder's process id in `<service>.leases`. */
  async leaseHolder(sql: Pool, service: ServiceName, lease: string): Promise<Replica> {
    return eventually(
      async () => {
        const { rows } = await sql.query<{ holder: string }>(
          `SELECT holder FROM ${service}.leases WHERE name = $1 AND expires_at > now()`,
          [lease],
        );
        const pid = Number(rows[0]?.holder.split(':')[1]);
        const holder = this.replicas.find((r) => r.service === service && r.process.child.pid === pid && isUp(r));
        if (!holder) throw new Error(`no live ${service} replica holds ${lease}`);
        return holder;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  }

  /** Waits until every replica answers ready (200 on `/health/ready`), or fails naming the ones that do not. */
  async allReady(timeoutMs: number): Promise<void> {
    await eventually(
      async () => {
        const notReady: string[] = [];
        await Promise.all(
          this.replicas.map(async (r) => {
            const status = await fetch(`${r.process.url}/api/${r.service}/health/ready`, { signal: AbortSignal.timeout(3000) }).then(
              (x) => x.status,
              () => 0,
            );
            if (status !== 200) notReady.push(`${label(r)} (${status || 'no answer'})`);
          }),
        );
        if (notReady.length > 0)
          throw new Error(
            `not ready within ${timeoutMs / 1000} s: ${notReady.join(', ')}\n${this.logs(notReady.map((n) => n.split(' ')[0]))}`,
          );
      },
      { timeoutMs, intervalMs: 500 },
    );
  }

  /** Unhandled rejections each live replica counted (`/health/live`'s `defects`). */
  async defects(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const r of this.replicas) {
      const res = await fetch(`${r.process.url}/api/${r.service}/health/live`, { signal: AbortSignal.timeout(3000) });
      const body = (await res.json()) as { defects: number };
      if (body.defects > 0) out[label(r)] = body.defects;
    }
    return out;
  }

  /** A bearer token for a member of staff (re-signed every minute). */
  async token(staffId: string, roles: string[], claims: { teams?: string[]; unit?: string }): Promise<string> {
    const key = `${staffId}:${roles.join(',')}`;
    const cached = this.tokens.get(key);
    if (cached && Date.now() - cached.at < 60_000) return cached.token;
    const token = await this.idp.sign(staffId, roles, claims);
    this.tokens.set(key, { token, at: Date.now() });
    return token;
  }

  logs(labels?: string[]): string {
    return this.replicas
      .filter((r) => !labels || labels.includes(label(r)))
      .map((r) => `--- ${label(r)} pid ${r.process.child.pid} (restarts ${r.restarts})\n${r.process.output().slice(-2500)}`)
      .join('\n');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.replicas.map(
        (r) =>
          new Promise<void>((resolve) => {
            const child = r.process.child;
            if (!isUp(r)) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await this.pgProxy?.close();
    await this.kafkaProxy?.close();
    await this.idp?.close();
  }
}
