import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool } from 'pg';
import { ident, migrate, Migration } from './postgres-schema';

/**
 * Leases give a unit of background work (a projection, a relay) to one replica at a time (ADR 0030).
 *
 * A lease is a row of `<schema>.leases`: who holds it, until when (the database's clock, so replicas'
 * clocks do not matter), and a fencing token that grows by one at every change of holder. The holder
 * renews it every `renewMs`; another replica takes it once it has expired (`ttlMs` after the last
 * renewal: the holder died, hangs, or lost the database). Every write the work makes checks, in its own
 * transaction, that the token is still the one it was given (`fence`): a holder that lost its lease — a
 * long pause, a network cut — cannot move a checkpoint once another replica took over.
 */
export const LEASE_MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'leases',
    sql: (schema) => `
CREATE TABLE ${ident(schema)}.leases (
  name        text        PRIMARY KEY,
  holder      text        NOT NULL,
  token       bigint      NOT NULL,
  acquired_at timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);`,
  },
];

/** This process holds a lease, with this fencing token, until `ended` resolves. */
export interface LeaseHolding {
  readonly name: string;
  readonly token: string;
  /** Resolves when the holding ends: lost (not renewed in time, taken over) or released. */
  readonly ended: Promise<void>;
  /** Still held as far as this process knows (renewed within the time-to-live). */
  readonly active: boolean;
}

/** Runs one statement in the writer's transaction (a TypeORM query runner, a pg client). */
export type FenceQuery = (text: string, values: unknown[]) => Promise<{ token: string }[]>;

/** Who hands out leases: {@link PostgresLeases}, or {@link LOCAL_LEASES} when one process does all the work. */
export interface Leases {
  /** Resolves once this process holds `name` (waiting as long as another holds it); null once stopped. */
  acquire(name: string): Promise<LeaseHolding | null>;
  /** Fails with {@link LeaseLostError} unless `holding` is still current. Call it in the transaction of the write it guards. */
  fence(query: FenceQuery, holding: LeaseHolding): Promise<void>;
}

/** A write refused because the lease it relied on changed holder (or was released) meanwhile. */
export class LeaseLostError extends Error {
  constructor(
    readonly lease: string,
    readonly token: string,
  ) {
    super(`Lease ${lease} (token ${token}) is no longer held by this process`);
    this.name = 'LeaseLostError';
  }
}

/** One process, all the work (embedded mode, tests): every lease is held at once and for good. */
export const LOCAL_LEASES: Leases = {
  acquire: async (name) => ({ name, token: '0', ended: new Promise<void>(() => undefined), active: true }),
  fence: async () => undefined,
};

export interface PostgresLeasesOptions {
  pool: Pool;
  /** Schema of the `leases` table (the service's). */
  schema: string;
  /** How long a lease lasts after its last renewal. Default 5000 ms. */
  ttlMs?: number;
  /** How often held leases are renewed and free ones tried. Default a fifth of `ttlMs`. */
  renewMs?: number;
  /** This process's name in the table. Default host:pid:random. */
  holder?: string;
  /** Told when this process gains or loses a lease. */
  onChange?: (name: string, held: boolean, token: string) => void;
  /** Told of a renewal or an attempt that failed (the database away). */
  onError?: (error: unknown) => void;
}

interface Held {
  holding: LeaseHolding;
  end: () => void;
  /** Local time (monotonic) at which the last successful renewal was sent. */
  renewedAt: number;
}

/** Leases in a PostgreSQL table with fencing tokens; one instance per process and schema. */
export class PostgresLeases implements Leases {
  readonly holder: string;
  private readonly ttlMs: number;
  private readonly renewMs: number;
  private readonly s: string;
  private readonly held = new Map<string, Held>();
  private readonly waiting = new Map<string, ((h: LeaseHolding | null) => void)[]>();
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: PostgresLeasesOptions) {
    this.ttlMs = options.ttlMs ?? 5000;
    this.renewMs = options.renewMs ?? Math.max(50, Math.floor(this.ttlMs / 5));
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.s = ident(options.schema);
  }

  async migrate(): Promise<void> {
    await migrate(this.options.pool, this.options.schema, LEASE_MIGRATIONS, 'lease_migrations');
  }

  acquire(name: string): Promise<LeaseHolding | null> {
    if (this.stopped) return Promise.resolve(null);
    const current = this.held.get(name);
    if (current?.holding.active) return Promise.resolve(current.holding);
    const promise = new Promise<LeaseHolding | null>((resolve) => this.waiting.set(name, [...(this.waiting.get(name) ?? []), resolve]));
    this.schedule(0);
    return promise;
  }

  async fence(query: FenceQuery, holding: LeaseHolding): Promise<void> {
    // FOR SHARE: a replica taking the lease over (an UPDATE of this row) waits until this write commits,
    // so the write happens entirely before the change of holder or not at all.
    const rows = await query(`SELECT token::text AS token FROM ${this.s}.leases WHERE name = $1 AND holder = $2 FOR SHARE`, [
      holding.name,
      this.holder,
    ]);
    if (rows[0]?.token !== holding.token) throw new LeaseLostError(holding.name, holding.token);
  }

  /** The leases this process holds now. */
  heldNames(): string[] {
    return [...this.held.values()].filter((h) => h.holding.active).map((h) => h.holding.name);
  }

  /** Stops renewing and trying, and gives up the leases it holds so another replica takes them at once. Call it after the work stopped. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
    for (const resolvers of this.waiting.values()) for (const resolve of resolvers) resolve(null);
    this.waiting.clear();
    const names = [...this.held.keys()];
    for (const name of names) this.lose(name);
    if (names.length > 0) {
      await this.options.pool
        .query(`UPDATE ${this.s}.leases SET expires_at = '-infinity' WHERE holder = $1 AND name = ANY($2::text[])`, [this.holder, names])
        .catch((e) => this.options.onError?.(e));
    }
  }

  private schedule(ms: number): void {
    if (this.stopped || this.ticking) return;
    if (this.timer) {
      if (ms > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ticking = this.tick().finally(() => {
        this.ticking = undefined;
        if (this.held.size > 0 || this.waiting.size > 0) this.schedule(this.renewMs);
      });
    }, ms);
  }

  /**
   * Renews what is held, drops what was lost, tries what is wanted: a free or expired lease, or one this
   * process gave up on its own side (a renewal that failed) while its row had not expired yet — with a new
   * token all the same, so the writes of the holding it gave up stay refused.
   */
  private async tick(): Promise<void> {
    const sent = performance.now();
    const { pool } = this.options;
    try {
      if (this.held.size > 0) {
        const names = [...this.held.keys()];
        const { rows } = await pool.query<{ name: string; token: string }>(
          `UPDATE ${this.s}.leases SET expires_at = now() + $3 * interval '1 millisecond'
            WHERE holder = $1 AND name = ANY($2::text[]) AND expires_at > now() RETURNING name, token::text AS token`,
          [this.holder, names, this.ttlMs],
        );
        const renewed = new Map(rows.map((r) => [r.name, r.token]));
        for (const name of names) {
          const h = this.held.get(name);
          if (h && renewed.get(name) === h.holding.token) h.renewedAt = sent;
          else this.lose(name);
        }
      }
      const wanted = [...this.waiting.keys()].filter((n) => !this.held.has(n));
      if (wanted.length > 0 && !this.stopped) {
        const { rows } = await pool.query<{ name: string; token: string }>(
          `INSERT INTO ${this.s}.leases AS l (name, holder, token, acquired_at, expires_at)
             SELECT n, $1, 1, now(), now() + $3 * interval '1 millisecond' FROM unnest($2::text[]) AS n
           ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, token = l.token + 1, acquired_at = now(), expires_at = EXCLUDED.expires_at
            WHERE l.expires_at <= now() OR l.holder = EXCLUDED.holder
           RETURNING name, token::text AS token`,
          [this.holder, wanted, this.ttlMs],
        );
        for (const r of rows) this.gain(r.name, r.token, sent);
      }
    } catch (e) {
      this.options.onError?.(e);
    }
    // Not renewed in time (the database away or slow): given up here before another replica may take it.
    const now = performance.now();
    for (const [name, h] of this.held) if (now - h.renewedAt >= this.ttlMs) this.lose(name);
  }

  private gain(name: string, token: string, renewedAt: number): void {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const active = (): boolean => {
      const h = this.held.get(name);
      return h?.holding === holding && performance.now() - h.renewedAt < this.ttlMs;
    };
    const holding: LeaseHolding = {
      name,
      token,
      ended,
      get active() {
        return active();
      },
    };
    this.held.set(name, { holding, end, renewedAt });
    this.options.onChange?.(name, true, token);
    const resolvers = this.waiting.get(name) ?? [];
    this.waiting.delete(name);
    for (const resolve of resolvers) resolve(holding);
  }

  private lose(name: string): void {
    const h = this.held.get(name);
    if (!h) return;
    this.held.delete(name);
    h.end();
    this.options.onChange?.(name, false, h.holding.token);
  }
}

/** A lease's name for a unit of work: `projection:<name>`, `relay:<name>`. */
export function leaseName(kind: 'projection' | 'relay', name: string): string {
  return `${kind}:${name}`;
}
