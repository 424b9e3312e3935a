import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import { BackoffPolicy, backoffDelay, DEFAULT_BACKOFF, describeError, LoopFailure } from './backoff';
import { comparePositions, EventStore, GlobalPosition, readLog, ReadLogOptions, RecordedEvent, START, Subscription } from './event-store';
import { LeaseHolding, leaseName, Leases, LOCAL_LEASES } from './lease';
import { ident, migrate, Migration } from './postgres-schema';
import { EventSpans, startEventSpans } from './tracing';

/**
 * A read model as a pure function of the log: for each event, the keys (primary key values) of the
 * rows it touches, and how each row changes. `evolve` returning null deletes the row.
 */
export interface Projection<Row extends ObjectLiteral = ObjectLiteral> {
  /** Stable name; also the checkpoint's name. */
  name: string;
  /** The TypeORM entity of the read-model table (single-column primary key). */
  entity: EntityTarget<Row>;
  /** Event types this projection reacts to; others only move its checkpoint (a rebuild does not even read them). */
  handles: readonly string[];
  /**
   * Whether it reads the sealed fields of the events it handles (crypto-shredding, ADR 0053), or their erasure
   * marker (`event.erased`). Default true. `false` spares opening them for it (ADR 0063): it then gets those fields
   * as stored, sealed (ciphertext, never personal data), and no `erased`.
   */
  readsSealedFields?: boolean;
  /**
   * The shape of its rows, from 1 (the default). Raise it when a change makes the rows already written wrong or
   * incomplete (a new column, a new meaning): the next start empties its table and projects the log again from its
   * start, once, whichever replica starts first (ADR 0066).
   */
  version?: number;
  keys(event: RecordedEvent): string[];
  evolve(row: Row | null, event: RecordedEvent): Row | null;
}

/**
 * What a projection reads of the log (ADR 0063): the types it handles, opened only when it reads sealed fields.
 * The one place that turns a projection's declaration into a read, for its live subscription and its rebuild.
 */
export function projectionFilter(p: Pick<Projection, 'handles' | 'readsSealedFields'>): Required<Pick<ReadLogOptions, 'types' | 'open'>> {
  return { types: p.handles, open: p.readsSealedFields === false ? [] : p.handles };
}

/** What several projections rebuilt in one pass read: every type one of them handles, opened where one of them reads it. */
function togetherFilter(ps: Projection[]): Required<Pick<ReadLogOptions, 'types' | 'open'>> {
  const filters = ps.map(projectionFilter);
  return { types: [...new Set(filters.flatMap((f) => f.types))], open: [...new Set(filters.flatMap((f) => f.open))] };
}

export interface RebuildOptions {
  onProgress?: (p: ProjectionProgress) => void;
  /** Swap the rebuilt table in (default true); `false` leaves it as the twin, for measurements. */
  swap?: boolean;
  /** Events read per page of the log. Default 5000. */
  batchSize?: number;
}

/** A read-model row as a committed batch left it (`row` null: deleted), keyed by its primary key. */
export interface CommittedRow {
  key: string;
  row: ObjectLiteral | null;
}

/** Called after a batch of a projection committed, with the rows it wrote: the read model as it now is. */
export type CommitListener = (projection: string, rows: CommittedRow[]) => void;

export interface ProjectionProgress {
  projection: string;
  processed: number;
  total: number;
  eventsPerSecond: number;
}

/** How long a projection's checkpoint may trail over events that are of no interest to it. */
const IDLE_CHECKPOINT_DELAY_MS = 1000;
/** Events a live projection reads and applies per transaction, unless told otherwise. */
export const DEFAULT_PROJECTOR_BATCH_SIZE = 500;
/** How often a replica that waits for a projection's lease reads the holder's checkpoint. */
const FOLLOW_INTERVAL_MS = 500;

export const PROJECTOR_MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'projection checkpoints',
    sql: (schema) => `
CREATE TABLE ${ident(schema)}.projection_checkpoints (
  name             text        PRIMARY KEY,
  commit_position  bigint      NOT NULL,
  prepare_position bigint      NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);`,
  },
  {
    id: 2,
    name: 'projection versions',
    sql: (schema) => `ALTER TABLE ${ident(schema)}.projection_checkpoints ADD COLUMN version integer NOT NULL DEFAULT 1;`,
  },
];

interface TableTarget {
  metadata: EntityMetadata;
  /** Quoted "schema"."table" to write to (the live table, or its rebuild twin). */
  table: string;
  pk: string;
  /** SQL type of the primary key, to compare it with an array parameter on its index. */
  pkType: string;
}

function quoteTable(schema: string | undefined, table: string): string {
  return schema ? `${ident(schema)}."${table}"` : `"${table}"`;
}

/**
 * Runs projections over the global log and writes read-model rows and the projection's checkpoint in
 * one transaction, so each event has exactly one effect on the read model, whatever restarts or
 * replicas happen. The checkpoint row is locked and re-read in every batch, so a batch already
 * applied (by this process before a restart, another replica, or a rebuild swap) is skipped.
 *
 * With `leases`, each projection runs on the one replica that holds its lease (`projection:<name>`);
 * every batch checks the lease's fencing token in its transaction, so a replica that lost the lease
 * writes nothing more. The other replicas follow the holder's checkpoint (for readiness's lag) and tell
 * their own commit listeners of the rows the holder wrote, read back from the read model.
 */
export class Projector {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly supervisors = new Map<string, Promise<void>>();
  /** Failures of a projection's (re)start (its checkpoint unreadable), by projection. */
  private readonly startFailures = new Map<string, LoopFailure>();
  /** Fires after each committed batch with the events it projected (for lag measurements). */
  onBatchCommitted?: (projection: string, events: RecordedEvent[]) => void;
  private readonly commitListeners = new Set<CommitListener>();
  private stopping = false;
  private wakeSupervisors = new Set<() => void>();
  /** The lease each projection runs under now, by projection (absent: waiting for it). */
  private readonly holdings = new Map<string, LeaseHolding>();
  /** Where the holder of a projection this replica waits for has got to (its stored checkpoint). */
  private readonly followed = new Map<string, GlobalPosition>();

  constructor(
    private readonly options: {
      dataSource: DataSource;
      store: EventStore;
      /** Schema holding the checkpoint table. */
      schema: string;
      projections: Projection[];
      batchSize?: number;
      /** Back-off of a projection that cannot read or write (the database away). Default {@link DEFAULT_BACKOFF}. */
      backoff?: BackoffPolicy;
      /** Told of every failure a projection retries. Default: none (see {@link status}). */
      onError?: (projection: string, error: unknown, failure: LoopFailure) => void;
      /** Told when a start empties a projection of an older version to project it again (ADR 0066). */
      onUpgrade?: (projection: string, from: number, to: number) => void;
      /** Who runs which projection when several replicas share the store. Default: this process runs them all. */
      leases?: Leases;
    },
  ) {}

  async migrate(): Promise<void> {
    const pool = (this.options.dataSource.driver as unknown as { master: import('pg').Pool }).master;
    await migrate(pool, this.options.schema, PROJECTOR_MIGRATIONS, 'projector_migrations');
  }

  /**
   * Starts every projection from its stored checkpoint. Each runs under a supervisor for as long as the
   * projector runs: a failed read or batch (the database restarting, for any length of time) is retried
   * with a capped, jittered back-off from the last committed batch, and a subscription that ends on an
   * error (a push store's connection lost) is started again from the stored checkpoint. Nothing is
   * skipped: the read model stays behind rather than wrong; {@link status} shows what it is stuck on.
   */
  async start(): Promise<void> {
    for (const p of this.options.projections) {
      if (this.supervisors.has(p.name)) continue;
      await this.upgrade(p);
      const from = await this.checkpoint(p.name);
      this.supervisors.set(p.name, this.supervise(p, from));
    }
  }

  private async supervise(p: Projection, first: GlobalPosition): Promise<void> {
    const target = this.target(p, false);
    // Under a lease, the checkpoint is read once the lease is held: the last holder may have moved it.
    let from: GlobalPosition | undefined = this.options.leases ? undefined : first;
    while (!this.stopping) {
      const holding = await this.acquire(p, target);
      if (!holding) return;
      try {
        from ??= await this.checkpoint(p.name);
        if (this.stopping) return;
        this.startFailures.delete(p.name);
        this.holdings.set(p.name, holding);
        this.followed.delete(p.name);
        const subscription = this.options.store.subscribeToAll(from, {
          batchSize: this.options.batchSize ?? DEFAULT_PROJECTOR_BATCH_SIZE,
          open: projectionFilter(p).open,
          handle: (events) => this.applyOrDefer(p, target, events, holding),
          backoff: this.options.backoff,
          onError: (e, failure) => this.options.onError?.(p.name, e, failure),
        });
        this.subscriptions.set(p.name, subscription);
        const lost = await Promise.race([subscription.done.then(() => false), holding.ended.then(() => true)]);
        if (!lost) return;
        // Another replica has it now (or will once it expires): stop after the batch in hand, and wait again.
        await subscription.stop();
        this.subscriptions.delete(p.name);
        this.holdings.delete(p.name);
        this.idleCheckpoints.delete(p.name);
        from = undefined;
      } catch (e) {
        if (this.stopping) return;
        this.recordStartFailure(p.name, e);
        await this.pause(backoffDelay(this.startFailures.get(p.name)!.attempts, this.options.backoff ?? DEFAULT_BACKOFF));
        from = undefined;
      }
    }
  }

  private recordStartFailure(name: string, e: unknown): void {
    const previous = this.startFailures.get(name);
    const failure = { error: describeError(e), since: previous?.since ?? new Date(), attempts: (previous?.attempts ?? 0) + 1 };
    this.startFailures.set(name, failure);
    this.options.onError?.(name, e, failure);
  }

  /**
   * Waits for the projection's lease (at once without leases), following the holder meanwhile. Null once
   * the projector stops.
   */
  private async acquire(p: Projection, target: TableTarget): Promise<LeaseHolding | null> {
    const name = leaseName('projection', p.name);
    const leases = this.options.leases;
    if (!leases) return LOCAL_LEASES.acquire(name);
    let got: LeaseHolding | null | undefined;
    const acquiring = leases.acquire(name).then((h) => (got = h));
    while (!this.stopping) {
      if (got !== undefined) return got;
      await this.follow(p, target);
      if (got !== undefined) return got;
      await Promise.race([acquiring, this.pause(FOLLOW_INTERVAL_MS)]);
    }
    return null;
  }

  /**
   * A replica without the lease reads the holder's checkpoint, and tells its commit listeners of the rows
   * the holder's batches wrote since the last look, as the read model has them now.
   */
  private async follow(p: Projection, target: TableTarget): Promise<void> {
    try {
      const stored = await this.checkpoint(p.name);
      const previous = this.followed.get(p.name);
      if (previous && this.commitListeners.size > 0 && comparePositions(stored, previous) > 0) {
        const keys = new Set<string>();
        let position = previous;
        while (comparePositions(position, stored) < 0) {
          const { events, through } = await readLog(this.options.store, position, {
            ...projectionFilter(p),
            limit: this.options.batchSize ?? DEFAULT_PROJECTOR_BATCH_SIZE,
          });
          for (const e of events) if (comparePositions(e.position, stored) <= 0) for (const k of p.keys(e)) keys.add(k);
          if (events.length === 0) break;
          position = through;
        }
        if (keys.size > 0) {
          const rows = await loadRows((text, values) => this.options.dataSource.query(text, values), target, [...keys]);
          this.notifyCommitted(
            p.name,
            [...keys].map((key) => ({ key, row: rows.get(key) ?? null })),
          );
        }
      }
      this.followed.set(p.name, stored);
      this.startFailures.delete(p.name);
    } catch (e) {
      if (!this.stopping) this.recordStartFailure(p.name, e);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeSupervisors.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeSupervisors.add(wake);
    });
  }

  /** Failures projections are retrying now, by projection (none when all run). */
  get failures(): Map<string, LoopFailure> {
    const out = new Map<string, LoopFailure>();
    for (const p of this.options.projections) {
      const f = this.startFailures.get(p.name) ?? this.subscriptions.get(p.name)?.failure;
      if (f) out.set(p.name, f);
    }
    return out;
  }

  /**
   * Each projection's state, for readiness: running (subscribed, or following the replica that holds its
   * lease; no failure), whether this replica holds the lease, where the projection has got to in the log
   * (in memory: ahead of the stored checkpoint of a projection that only skipped events; the holder's
   * stored checkpoint on a replica that waits for the lease), and the failure it retries, if any.
   */
  status(): { projection: string; running: boolean; leased: boolean; position: GlobalPosition; failure?: LoopFailure }[] {
    const failures = this.failures;
    return this.options.projections.map((p) => {
      const subscription = this.subscriptions.get(p.name);
      const followed = this.followed.get(p.name);
      const failure = failures.get(p.name);
      return {
        projection: p.name,
        running: (!!subscription || !!followed) && !failure && !this.stopping,
        leased: !!subscription && !!this.holdings.get(p.name)?.active,
        position: subscription?.position ?? followed ?? START,
        ...(failure ? { failure } : {}),
      };
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of [...this.wakeSupervisors]) wake();
    await Promise.all([...this.subscriptions.values()].map((s) => s.stop()));
    await Promise.all(this.supervisors.values());
    this.subscriptions.clear();
    this.supervisors.clear();
    this.startFailures.clear();
    this.followed.clear();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    await this.flushIdleCheckpoints();
    this.holdings.clear();
    this.stopping = false;
  }

  private readonly idleCheckpoints = new Map<string, GlobalPosition>();
  private idleTimer?: NodeJS.Timeout;

  private deferCheckpoint(name: string, position: GlobalPosition): void {
    this.idleCheckpoints.set(name, position);
    if (this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      void this.flushIdleCheckpoints().catch(() => undefined);
    }, IDLE_CHECKPOINT_DELAY_MS);
    this.idleTimer.unref();
  }

  /** Moves the checkpoints of projections that only saw events of no interest to them (never backwards). */
  private async flushIdleCheckpoints(): Promise<void> {
    const pending = [...this.idleCheckpoints];
    this.idleCheckpoints.clear();
    for (const [name, position] of pending) {
      const holding = this.holdings.get(name);
      if (!holding) continue;
      const qr = this.options.dataSource.createQueryRunner();
      await qr.connect();
      try {
        await qr.startTransaction();
        await this.fence(qr, holding);
        const stored = await this.lockCheckpoint(qr, name);
        if (position.commit > stored.commit || (position.commit === stored.commit && position.prepare > stored.prepare))
          await this.saveCheckpoint(qr, name, position);
        await qr.commitTransaction();
      } catch {
        await qr.rollbackTransaction().catch(() => undefined);
      } finally {
        await qr.release();
      }
    }
  }

  /**
   * A batch that fails (database down, a projection bug) rejects, and the subscription tries it again
   * after backing off: it is never skipped.
   */
  private async applyOrDefer(p: Projection, target: TableTarget, events: RecordedEvent[], holding: LeaseHolding): Promise<void> {
    const handles = new Set(p.handles);
    if (!events.some((e) => handles.has(e.type))) {
      // Nothing for this projection: no transaction now. Its checkpoint follows in one small write
      // a little later, so that the log is not read again from further back after a restart.
      this.deferCheckpoint(p.name, events[events.length - 1].position);
      return;
    }
    this.idleCheckpoints.delete(p.name);
    await this.applyBatch(p, target, events, holding);
  }

  /** Fails the transaction unless this replica still holds `holding` (see {@link Leases.fence}). */
  private fence(qr: QueryRunner, holding: LeaseHolding): Promise<void> {
    return (this.options.leases ?? LOCAL_LEASES).fence((text, values) => qr.query(text, values), holding);
  }

  /**
   * Listens to committed batches (live updates). A listener runs after the commit, never inside the
   * transaction, and what it throws is ignored: the read model does not wait for its readers.
   * Returns the function that removes it.
   */
  onCommit(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  projection(name: string): Projection {
    const p = this.options.projections.find((x) => x.name === name);
    if (!p) throw new Error(`Unknown projection ${name}`);
    return p;
  }

  async checkpoint(name: string): Promise<GlobalPosition> {
    const rows: { commit_position: string; prepare_position: string }[] = await this.options.dataSource.query(
      `SELECT commit_position, prepare_position FROM ${ident(this.options.schema)}.projection_checkpoints WHERE name = $1`,
      [name],
    );
    return rows[0] ? { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) } : START;
  }

  /**
   * Replays the whole log from zero into a fresh twin of the projection's table, reporting progress,
   * then (unless `swap: false`) replaces the live table's rows by it in one transaction, catching up on events that
   * arrived meanwhile. Reads only the types it handles (ADR 0063). Returns the number of events replayed (those of
   * its types) and the position its checkpoint was left at.
   */
  async rebuild(name: string, options: RebuildOptions = {}): Promise<{ events: number; position: GlobalPosition }> {
    const [done] = await this.rebuildTogether([name], options);
    return { events: done.events, position: done.position };
  }

  /**
   * Rebuilds several projections in one pass over the log (ADR 0063): each page is read once, with every type one of
   * them handles, sealed fields opened for the types one of them reads them of, and applied to each one's twin;
   * then each twin is swapped in on its own, as {@link rebuild} does. Answers for each, in the order asked.
   */
  async rebuildTogether(
    names: string[],
    options: RebuildOptions = {},
  ): Promise<{ projection: string; events: number; position: GlobalPosition }[]> {
    const ds = this.options.dataSource;
    const jobs = [...new Set(names)].map((name) => {
      const p = this.projection(name);
      const opens = projectionFilter(p).open.length > 0;
      return { p, opens, handles: new Set(p.handles), live: this.target(p, false), twin: this.target(p, true), events: 0, position: START };
    });
    for (const j of jobs) {
      await ds.query(`DROP TABLE IF EXISTS ${j.twin.table}`);
      await ds.query(`CREATE TABLE ${j.twin.table} (LIKE ${j.live.table} INCLUDING ALL)`);
    }
    const totals = await this.totals(jobs.map((j) => j.p));
    const started = Date.now();
    const batchSize = options.batchSize ?? 5000;
    const filter = togetherFilter(jobs.map((j) => j.p));
    // Each projection is handed what it would read alone: opened for those that read sealed fields, as stored for the others.
    const sealedToo = filter.open.length > 0 && jobs.some((j) => !j.opens);
    let position = START;
    for (;;) {
      const page = await readLog(this.options.store, position, { ...filter, sealedToo, limit: batchSize });
      position = page.through;
      if (page.events.length === 0) break;
      await Promise.all(
        jobs.map(async (j) => {
          const mine = (j.opens ? page.events : (page.sealed ?? page.events)).filter((e) => j.handles.has(e.type));
          if (mine.length > 0) await this.applyBatch(j.p, j.twin, mine);
          j.events += mine.length;
        }),
      );
      const secs = (Date.now() - started) / 1000;
      for (const j of jobs)
        options.onProgress?.({
          projection: j.p.name,
          processed: j.events,
          total: Math.max(totals[j.p.name] ?? 0, j.events),
          eventsPerSecond: secs > 0 ? Math.round(j.events / secs) : j.events,
        });
    }
    for (const j of jobs) j.position = options.swap === false ? position : await this.swap(j, position, batchSize);
    return jobs.map((j) => ({ projection: j.p.name, events: j.events, position: j.position }));
  }

  /**
   * Replaces the live table's rows by the twin's in one transaction, after projecting into the twin the events that
   * arrived since `from`, and leaves the checkpoint where that catch-up ended (returned).
   */
  private async swap(
    j: { p: Projection; live: TableTarget; twin: TableTarget; events: number },
    from: GlobalPosition,
    batchSize: number,
  ): Promise<GlobalPosition> {
    const qr = this.options.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await this.lockCheckpoint(qr, j.p.name);
      // Events that arrived during the replay, read on the transaction's own connection: the pool may
      // have no other one (embedded mode runs on one), and this transaction holds it.
      const reader = this.inTransaction(qr);
      let position = from;
      for (;;) {
        const page = await readLog(reader, position, { ...projectionFilter(j.p), limit: batchSize });
        position = page.through;
        if (page.events.length === 0) break;
        await this.project(qr, j.p, j.twin, page.events);
        j.events += page.events.length;
      }
      // Copy rather than rename: the live table keeps its constraints, index names and grants.
      await qr.query(`TRUNCATE ${j.live.table}`);
      await qr.query(`INSERT INTO ${j.live.table} SELECT * FROM ${j.twin.table}`);
      await qr.query(`DROP TABLE ${j.twin.table}`);
      await this.saveCheckpoint(qr, j.p.name, position);
      await qr.commitTransaction();
      // The planner's statistics of the live table, at once: emptied and filled in one transaction, the table would
      // otherwise be planned as if empty until autovacuum analyses it, and a list's first page read by a sequential
      // scan and a sort instead of its ordered index (measured: 60 ms against 11). Not worth failing the rebuild for.
      await qr.query(`ANALYZE ${j.live.table}`).catch(() => undefined);
      return position;
    } catch (e) {
      await qr.rollbackTransaction();
      throw e;
    } finally {
      await qr.release();
    }
  }

  /** The store as seen from `qr`'s open transaction, when it can run on a caller's connection (PostgreSQL); else the store. */
  private inTransaction(qr: QueryRunner): EventStore {
    const store = this.options.store as EventStore & { withTransaction?: (client: import('pg').PoolClient) => EventStore };
    const client = (qr as unknown as { databaseConnection?: import('pg').PoolClient }).databaseConnection;
    return store.withTransaction && client ? store.withTransaction(client) : store;
  }

  /** How many events of its types each projection has to replay, by projection (when the store can tell). */
  private async totals(ps: Projection[]): Promise<Record<string, number>> {
    const store = this.options.store as EventStore & { countByType?: () => Promise<Map<string, number>> };
    if (!store.countByType) return {};
    const byType = await store.countByType();
    return Object.fromEntries(ps.map((p) => [p.name, p.handles.reduce((n, t) => n + (byType.get(t) ?? 0), 0)]));
  }

  private target(p: Projection, twin: boolean): TableTarget {
    const metadata = this.options.dataSource.getMetadata(p.entity);
    if (metadata.primaryColumns.length !== 1) throw new Error(`Projection ${p.name}: read model needs exactly one primary key column`);
    const table = twin ? `${metadata.tableName}__rebuild` : metadata.tableName;
    const pk = metadata.primaryColumns[0];
    const pkType = this.options.dataSource.driver.normalizeType(pk);
    return { metadata, table: quoteTable(metadata.schema, table), pk: pk.databaseName, pkType };
  }

  /** Applies a batch; with `holding`, under its lease and with the checkpoint (a rebuild's twin has neither). */
  private async applyBatch(p: Projection, target: TableTarget, events: RecordedEvent[], holding?: LeaseHolding): Promise<void> {
    const checkpointed = !!holding;
    const qr = this.options.dataSource.createQueryRunner();
    await qr.connect();
    let spans: EventSpans | undefined;
    try {
      await qr.startTransaction();
      let pending = events;
      if (holding) {
        await this.fence(qr, holding);
        const stored = await this.lockCheckpoint(qr, p.name);
        pending = events.filter(
          (e) => e.position.commit > stored.commit || (e.position.commit === stored.commit && e.position.prepare > stored.prepare),
        );
      }
      let written: CommittedRow[] = [];
      if (pending.length > 0) {
        spans = startEventSpans(`project ${p.name}`, pending, { 'police.projection': p.name }, (e) => p.handles.includes(e.type));
        written = await this.project(qr, p, target, pending);
        if (checkpointed) await this.saveCheckpoint(qr, p.name, pending[pending.length - 1].position);
      }
      await qr.commitTransaction();
      spans?.end();
      spans = undefined;
      if (pending.length > 0) this.onBatchCommitted?.(p.name, pending);
      if (checkpointed && written.length > 0) this.notifyCommitted(p.name, written);
    } catch (e) {
      spans?.end(e);
      await qr.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }

  private notifyCommitted(projection: string, rows: CommittedRow[]): void {
    for (const listener of this.commitListeners) {
      try {
        listener(projection, rows);
      } catch {
        // A reader's failure is its own (see onCommit).
      }
    }
  }

  /** Loads the rows the events touch, folds the events into them in memory, writes the changed rows (and returns them). */
  private async project(qr: QueryRunner, p: Projection, t: TableTarget, events: RecordedEvent[]): Promise<CommittedRow[]> {
    const handles = new Set(p.handles);
    const relevant = events.filter((e) => handles.has(e.type));
    if (relevant.length === 0) return [];
    const keysOf = relevant.map((e) => p.keys(e));
    const allKeys = [...new Set(keysOf.flat())];
    if (allKeys.length === 0) return [];
    const rows: Map<string, ObjectLiteral | null> = await loadRows((text, values) => qr.query(text, values), t, allKeys);
    const dirty = new Set<string>();
    relevant.forEach((e, i) => {
      for (const key of keysOf[i]) {
        rows.set(key, p.evolve(rows.get(key) ?? null, e));
        dirty.add(key);
      }
    });
    const upserts: ObjectLiteral[] = [];
    const columns = projected(t.metadata);
    const deletes: string[] = [];
    for (const key of dirty) {
      const row = rows.get(key);
      if (row) upserts.push(toColumns(t.metadata, row));
      else deletes.push(key);
    }
    if (deletes.length > 0) await qr.query(`DELETE FROM ${t.table} WHERE "${t.pk}" = ANY($1::${t.pkType}[])`, [deletes]);
    if (upserts.length > 0) {
      const cols = columns.map((c) => `"${c.databaseName}"`);
      const updates = cols.filter((c) => c !== `"${t.pk}"`).map((c) => `${c} = EXCLUDED.${c}`);
      await qr.query(
        `INSERT INTO ${t.table} (${cols.join(', ')})
         SELECT ${cols.join(', ')} FROM jsonb_populate_recordset(NULL::${t.table}, $1::jsonb)
         ON CONFLICT ("${t.pk}") DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
        [JSON.stringify(upserts)],
      );
    }
    return [...dirty].map((key) => ({ key, row: rows.get(key) ?? null }));
  }

  /**
   * A projection whose rows are of an older version than it declares (ADR 0066) starts again from the log's start:
   * its table emptied and its checkpoint reset in one transaction, under the checkpoint's row lock, so that of
   * several replicas starting together one does it. A projection never started before records its version.
   * Answers whether it was reset.
   */
  async upgrade(p: Projection): Promise<boolean> {
    const version = p.version ?? 1;
    const s = ident(this.options.schema);
    const qr = this.options.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await qr.query(
        `INSERT INTO ${s}.projection_checkpoints (name, commit_position, prepare_position, version) VALUES ($1, -1, -1, $2) ON CONFLICT (name) DO NOTHING`,
        [p.name, version],
      );
      const rows: { version: number }[] = await qr.query(`SELECT version FROM ${s}.projection_checkpoints WHERE name = $1 FOR UPDATE`, [
        p.name,
      ]);
      const stored = rows[0].version;
      if (stored >= version) {
        await qr.commitTransaction();
        return false;
      }
      await qr.query(`TRUNCATE ${this.target(p, false).table}`);
      await qr.query(
        `UPDATE ${s}.projection_checkpoints SET commit_position = -1, prepare_position = -1, version = $2, updated_at = now() WHERE name = $1`,
        [p.name, version],
      );
      await qr.commitTransaction();
      this.options.onUpgrade?.(p.name, stored, version);
      return true;
    } catch (e) {
      await qr.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }

  /** Locks the checkpoint's row for the batch's transaction, creating it the first time (one statement once it exists). */
  private async lockCheckpoint(qr: QueryRunner, name: string): Promise<GlobalPosition> {
    const s = ident(this.options.schema);
    const lock = (): Promise<{ commit_position: string; prepare_position: string }[]> =>
      qr.query(`SELECT commit_position, prepare_position FROM ${s}.projection_checkpoints WHERE name = $1 FOR UPDATE`, [name]);
    let rows = await lock();
    if (rows.length === 0) {
      await qr.query(
        `INSERT INTO ${s}.projection_checkpoints (name, commit_position, prepare_position) VALUES ($1, -1, -1) ON CONFLICT (name) DO NOTHING`,
        [name],
      );
      rows = await lock();
    }
    return { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) };
  }

  private async saveCheckpoint(qr: QueryRunner, name: string, position: GlobalPosition): Promise<void> {
    await qr.query(
      `UPDATE ${ident(this.options.schema)}.projection_checkpoints SET commit_position = $2, prepare_position = $3, updated_at = now() WHERE name = $1`,
      [name, position.commit.toString(), position.prepare.toString()],
    );
  }
}

/**
 * The columns a projection reads and writes: all but those marked `select: false`, which the database
 * maintains itself (a search document kept by a trigger).
 */
function projected(metadata: EntityMetadata) {
  return metadata.columns.filter((c) => c.isSelect);
}

/** The read-model rows of `keys` as the table holds them, by key (absent: no row). */
async function loadRows(
  query: (text: string, values: unknown[]) => Promise<ObjectLiteral[]>,
  t: TableTarget,
  keys: string[],
): Promise<Map<string, ObjectLiteral>> {
  const selected = projected(t.metadata)
    .map((c) => `"${c.databaseName}"`)
    .join(', ');
  const found = await query(`SELECT ${selected} FROM ${t.table} WHERE "${t.pk}" = ANY($1::${t.pkType}[])`, [keys]);
  return new Map(found.map((r) => [String(r[t.pk]), fromColumns(t.metadata, r)]));
}

function fromColumns(metadata: EntityMetadata, raw: ObjectLiteral): ObjectLiteral {
  const row: ObjectLiteral = {};
  for (const c of projected(metadata)) row[c.propertyName] = raw[c.databaseName];
  return row;
}

function toColumns(metadata: EntityMetadata, row: ObjectLiteral): ObjectLiteral {
  const raw: ObjectLiteral = {};
  for (const c of projected(metadata)) {
    const v = row[c.propertyName];
    raw[c.databaseName] = v instanceof Date ? v.toISOString() : v === undefined ? null : v;
  }
  return raw;
}
