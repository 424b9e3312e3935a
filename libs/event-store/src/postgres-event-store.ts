import { types } from 'pg';
import type { Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import { tracedAppend } from './tracing';
import {
  AppendOptions,
  AppendResult,
  comparePositions,
  EventMetadata,
  EventStore,
  GlobalPosition,
  LogPage,
  NewEvent,
  ReadAllOptions,
  ReadLogOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  START,
  SubscribeOptions,
  Subscription,
  VerificationResult,
} from './event-store';
import { AppendBatcher, AppendOutcome, AppendRequest, outcome, StoredAppend } from './append-batcher';
import { contentHash } from './hashing';
import { DataKeyDestroyedError, EventEncryption } from './crypto-shredding';
import { PostgresDataKeyStore } from './postgres-data-keys';
import { ident, migrate, prepared } from './postgres-schema';
import { pollingSubscription } from './subscription';
import { verifyChain } from './verify';

/**
 * The oldest transaction that may still commit rows into this database's log: the smallest in-progress
 * xid of the statement's snapshot, leaving out those that belong to backends of other databases (they
 * can never write here), or the snapshot's xmax when there is none. Rows below it are final.
 */
const VISIBLE_HORIZON = `SELECT coalesce(min(x), pg_snapshot_xmax(pg_current_snapshot()))
     FROM pg_snapshot_xip(pg_current_snapshot()) AS x
    WHERE xid(x) NOT IN (SELECT backend_xid FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND datname <> current_database())`;

/** Appends within this window share one NOTIFY to other processes (see {@link PostgresEventStore}'s `announce`). */
export const NOTIFY_WINDOW_MS = 5;

/** The largest position (a bigint): `{ commit: t, prepare: MAX_POSITION }` is after every event of transaction t. */
const MAX_POSITION = 9_223_372_036_854_775_807n;

const EXPECTED_CODES: Record<'no_stream' | 'any' | 'stream_exists', number> = { no_stream: -1, any: -2, stream_exists: -3 };

/** One event's place in the global log and its chain link (see {@link PostgresEventStore.readLinks}). */
export interface LogLink {
  position: GlobalPosition;
  streamId: string;
  streamVersion: number;
  hash: string;
}

interface EventRow {
  position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
  prev_hash: Buffer;
  content_hash: Buffer;
  hash: Buffer;
}

const COLUMNS =
  'position, transaction_id, event_id, stream_id, stream_version, type, data, metadata, recorded_at, prev_hash, content_hash, hash';

const parseTimestamptz: (text: string) => Date = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text');

/**
 * The events of an `ok` append as a read would return them, from what was sent (the JSON payload, so
 * data and metadata are plain JSON values as stored) and what the append answered: positions, chain
 * links and the commit's time, parsed by the driver's own timestamp parser.
 */
function storedEvents(streamId: string, sent: string, lastVersion: number, transactionId: string, stored: StoredAppend): RecordedEvent[] {
  const payload = JSON.parse(sent) as { id: string; type: string; data: unknown; metadata: EventMetadata; contentHash: string }[];
  const recordedAt = parseTimestamptz(stored.recordedAt).toISOString();
  const first = lastVersion - payload.length + 1;
  return payload.map((p, i) => ({
    id: p.id,
    type: p.type,
    data: p.data,
    metadata: p.metadata,
    streamId,
    streamVersion: first + i,
    position: { commit: BigInt(transactionId), prepare: BigInt(stored.positions[i]) },
    recordedAt,
    prevHash: i === 0 ? stored.prevHash : stored.hashes[i - 1],
    contentHash: p.contentHash,
    hash: stored.hashes[i],
  }));
}

function toRecorded(r: EventRow): RecordedEvent {
  return {
    id: r.event_id,
    type: r.type,
    data: r.data,
    metadata: r.metadata,
    streamId: r.stream_id,
    streamVersion: r.stream_version,
    position: { commit: BigInt(r.transaction_id), prepare: BigInt(r.position) },
    recordedAt: r.recorded_at.toISOString(),
    prevHash: r.prev_hash.toString('hex'),
    contentHash: r.content_hash.toString('hex'),
    hash: r.hash.toString('hex'),
  };
}

/** What the store runs SQL on: the pool, or one client inside a caller's transaction. */
interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string | QueryConfig, params?: unknown[]): Promise<QueryResult<R>>;
}

export interface PostgresEventStoreOptions {
  pool: Pool;
  /** Schema holding this service's event log. */
  schema: string;
  /**
   * Wake subscriptions with LISTEN/NOTIFY on a dedicated connection (default true). Without it they
   * poll every `pollIntervalMs`.
   */
  listen?: boolean;
  /**
   * Longest wait of a caught-up subscription between polls when nothing wakes it. Default 1000 ms with
   * LISTEN, 100 ms without.
   */
  pollIntervalMs?: number;
  /** Send a (coalesced) NOTIFY after appends so other processes' subscriptions wake (default true). */
  notify?: boolean;
  /**
   * Concurrent appends are grouped into at most this many transactions in flight (group commit).
   * Default 2 (best on a 2-core machine in `npm run bench`); 1 sends one batch at a time.
   */
  maxAppendsInFlight?: number;
  /** @internal shared by the transactional views of one store. */
  wakers?: Set<() => void>;
  /**
   * Told of every append with its duration in seconds and how it ended: `ok` (an idempotent retry
   * included), `conflict` (the expected version did not hold), or `error`. For metrics; it must not throw.
   */
  onAppend?: (seconds: number, outcome: 'ok' | 'conflict' | 'error') => void;
  /**
   * Crypto-shredding (ADR 0053): the sensitive fields the policy declares are sealed on append, under data
   * keys kept in `<schema>.data_keys`, and opened on every read; the declared erasure events destroy keys.
   * Without it events are stored as given.
   */
  encryption?: EventEncryption;
}

/**
 * The default event store: one PostgreSQL table, plain `pg`.
 *
 * Guarantees: appends are atomic per call and optimistic on the stream version; a retry with the same
 * event ids returns the original result however late it comes; readers of the global log never skip
 * an event whose transaction commits late, because a row is only read once every older transaction of
 * this database has finished (see VISIBLE_HORIZON), in the stable order (transaction id, position).
 * The cost: a long-running transaction in the same database holds back subscribers until it ends, so
 * keep transactions short.
 */
export class PostgresEventStore implements EventStore {
  private readonly s: string;
  private readonly channel: string;
  private listener?: Promise<PoolClient | undefined>;
  private readonly wakers: Set<() => void>;
  /**
   * Subscriptions' reads in flight, by wake-up, position and size (see {@link sharedRead}): the rows as stored, and
   * (once a reader asks) their opening.
   */
  private readonly sharedReads = new Map<string, { stored: Promise<RecordedEvent[]>; opened?: Promise<RecordedEvent[]> }>();
  /** Counts the wake-ups of this store's subscriptions. */
  private wakeGeneration = 0;
  private readonly batcher: AppendBatcher;
  private notifyTimer?: NodeJS.Timeout;
  private closed = false;

  private readonly db: Queryable;
  private readonly keys: PostgresDataKeyStore;
  /** Set when this instance runs inside a caller's transaction (see {@link withTransaction}). */
  private readonly tx?: PoolClient;

  constructor(
    private readonly options: PostgresEventStoreOptions,
    tx?: PoolClient,
  ) {
    this.s = ident(options.schema);
    this.channel = `${options.schema}_events`;
    this.tx = tx;
    this.db = tx ?? options.pool;
    this.keys = new PostgresDataKeyStore(this.db, options.schema);
    this.wakers = options.wakers ?? new Set();
    this.batcher = new AppendBatcher(options.pool, options.schema, { maxInFlight: options.maxAppendsInFlight ?? 2, maxBatch: 32 });
  }

  /**
   * The same store, running its statements on `client` inside the caller's open transaction, so that
   * appended events commit (or roll back) together with the caller's other writes — e.g. an inbox row.
   * Each append runs under a savepoint, so a refused append leaves the transaction usable.
   */
  withTransaction(client: PoolClient): PostgresEventStore {
    return new PostgresEventStore({ ...this.options, listen: false, wakers: this.wakers }, client);
  }

  /** Creates or upgrades the schema. Call once at start-up. */
  async migrate(): Promise<void> {
    await migrate(this.options.pool, this.options.schema);
  }

  get pool(): Pool {
    return this.options.pool;
  }

  get schema(): string {
    return this.options.schema;
  }

  appendToStream(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return tracedAppend(streamId, events, options.trace, (traced) => this.observedAppend(streamId, traced, options));
  }

  private async observedAppend(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const observe = this.options.onAppend;
    if (!observe) return this.append(streamId, events, options);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await this.append(streamId, events, options);
      observe(seconds(), 'ok');
      return result;
    } catch (e) {
      observe(seconds(), e instanceof WrongExpectedVersionError ? 'conflict' : 'error');
      throw e;
    }
  }

  private async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    const expected = options.expected ?? 'any';
    const code = typeof expected === 'number' ? expected : EXPECTED_CODES[expected];
    if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0))
      throw new Error(`Invalid expected version ${expected}`);
    const encryption = this.options.encryption;
    let stored = events;
    if (encryption) {
      try {
        stored = await encryption.seal(events, this.keys);
      } catch (e) {
        // A retry of an append made before the key was destroyed is still a retry; anything else is refused.
        if (e instanceof DataKeyDestroyedError) return this.appendedBefore(streamId, events, e);
        throw e;
      }
      // Destroyed before the events that record it are written: a crash in between leaves the key gone and the
      // command to be retried (it appends its record then), never a record of an erasure that did not happen.
      for (const d of encryption.destructions(events)) {
        await this.keys.destroy(d);
        encryption.forget(d.keyId);
      }
    }
    const payload = stored.map((e) => ({
      id: e.id,
      type: e.type,
      data: e.data,
      metadata: e.metadata,
      contentHash: contentHash({ ...e, streamId }),
    }));
    const request = { stream: streamId, expected: code, events: JSON.stringify(payload), answer: options.answer === true };
    for (let attempt = 0; ; attempt++) {
      const r = await this.execute(request);
      if (r.status === 'ok') {
        this.announce();
        const result: AppendResult = {
          nextExpectedVersion: r.streamVersion!,
          position: { commit: BigInt(r.transactionId!), prepare: BigInt(r.lastPosition!) },
          alreadyAppended: false,
        };
        if (!r.recorded) return result;
        const recorded = storedEvents(streamId, request.events, r.streamVersion!, r.transactionId!, r.recorded);
        // Readers see the data in clear, as the caller gave it (the hashes are of the stored form).
        result.recorded =
          stored !== events ? recorded.map((e, i) => ({ ...e, data: JSON.parse(JSON.stringify(events[i].data)) as unknown })) : recorded;
        return result;
      }
      // Refused: an idempotent retry, a reused event id, or a lost race / stale expected version.
      const replay = await this.replayedAppend(streamId, payload);
      if (replay) return replay;
      if (r.status === 'wrong_expected_version') throw new WrongExpectedVersionError(streamId, expected, r.streamVersion!);
      if (r.constraint === 'events_event_id_key') throw new DuplicateEventIdError(await this.firstExistingId(payload.map((p) => p.id)));
      if (expected === 'any' && attempt < 5) continue;
      const { currentVersion } = await this.currentVersion(streamId);
      throw new WrongExpectedVersionError(streamId, expected, currentVersion);
    }
  }

  /**
   * Runs one append: batched with concurrent ones on the pool, or alone inside the caller's transaction.
   * There it goes through `append_batch` too, whose subtransaction keeps a refused append (a reused event
   * id, a lost race) from aborting the caller's transaction: one round trip instead of a savepoint, the
   * append and its release.
   */
  private async execute(request: AppendRequest): Promise<AppendOutcome> {
    if (!this.tx) return this.batcher.append(request);
    const { rows } = await this.tx.query({
      name: `${this.options.schema}_append_in_transaction`,
      text: `SELECT * FROM ${this.s}.append_batch($1::text[], $2::bigint[], $3::jsonb[], $4::boolean[])`,
      values: [[request.stream], [request.expected], [request.events], [request.answer]],
    });
    return outcome(rows[0]);
  }

  /**
   * Wakes subscriptions after an append: this process's at once, other processes' through one NOTIFY
   * per {@link NOTIFY_WINDOW_MS} window. A NOTIFY inside every append would serialise commits on PostgreSQL's
   * notification queue lock and halve append throughput under concurrency.
   */
  private announce(): void {
    for (const wake of this.wakers) wake();
    if (this.options.notify === false || this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.options.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
    }, NOTIFY_WINDOW_MS);
    this.notifyTimer.unref();
  }

  /** When every event id is stored already, in this stream with the same content, the append is a retry. */
  private async replayedAppend(streamId: string, payload: { id: string; contentHash: string }[]): Promise<AppendResult | undefined> {
    const { rows } = await this.db.query<{
      event_id: string;
      stream_id: string;
      stream_version: number;
      transaction_id: string;
      position: string;
      content_hash: Buffer;
    }>(
      `SELECT event_id, stream_id, stream_version, transaction_id, position, content_hash FROM ${this.s}.events WHERE event_id = ANY($1::uuid[])`,
      [payload.map((p) => p.id)],
    );
    if (rows.length === 0) return undefined;
    const byId = new Map(rows.map((r) => [r.event_id, r]));
    const same = payload.every((p) => {
      const r = byId.get(p.id);
      return r && r.stream_id === streamId && r.content_hash.toString('hex') === p.contentHash;
    });
    if (!same) throw new DuplicateEventIdError(payload.find((p) => byId.has(p.id))?.id ?? payload[0].id);
    const last = byId.get(payload[payload.length - 1].id)!;
    return {
      nextExpectedVersion: last.stream_version,
      position: { commit: BigInt(last.transaction_id), prepare: BigInt(last.position) },
      alreadyAppended: true,
    };
  }

  /** The events were all appended to this stream before their key was destroyed: the append is a retry. */
  private async appendedBefore(streamId: string, events: NewEvent[], refusal: DataKeyDestroyedError): Promise<AppendResult> {
    const { rows } = await this.db.query<{
      event_id: string;
      stream_id: string;
      stream_version: number;
      transaction_id: string;
      position: string;
    }>(`SELECT event_id, stream_id, stream_version, transaction_id, position FROM ${this.s}.events WHERE event_id = ANY($1::uuid[])`, [
      events.map((e) => e.id),
    ]);
    const byId = new Map(rows.map((r) => [r.event_id, r]));
    if (!events.every((e) => byId.get(e.id)?.stream_id === streamId)) throw refusal;
    const last = byId.get(events[events.length - 1].id)!;
    return {
      nextExpectedVersion: last.stream_version,
      position: { commit: BigInt(last.transaction_id), prepare: BigInt(last.position) },
      alreadyAppended: true,
    };
  }

  private async firstExistingId(ids: string[]): Promise<string> {
    const { rows } = await this.db.query<{ event_id: string }>(
      `SELECT event_id FROM ${this.s}.events WHERE event_id = ANY($1::uuid[]) LIMIT 1`,
      [ids],
    );
    return rows[0]?.event_id ?? ids[0];
  }

  private async currentVersion(streamId: string): Promise<{ currentVersion: number }> {
    const { rows } = await this.db.query<{ v: number | null }>(
      `SELECT max(stream_version) AS v FROM ${this.s}.events WHERE stream_id = $1`,
      [streamId],
    );
    return { currentVersion: rows[0].v ?? -1 };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const params: unknown[] = [streamId, options.fromVersion ?? 0];
    let where = 'stream_id = $1 AND stream_version >= $2';
    if (options.toVersion !== undefined) {
      params.push(options.toVersion);
      where += ` AND stream_version <= $${params.length}`;
    }
    if (options.asOf) {
      params.push(options.asOf);
      where += ` AND recorded_at <= $${params.length}`;
    }
    const { rows } = await this.db.query<EventRow>(
      prepared(`SELECT ${COLUMNS} FROM ${this.s}.events WHERE ${where} ORDER BY stream_version`, params),
    );
    const unfiltered = options.toVersion === undefined && !options.asOf;
    const current =
      unfiltered && (rows.length > 0 || (options.fromVersion ?? 0) === 0 || options.fromSnapshot)
        ? { currentVersion: rows.length > 0 ? rows[rows.length - 1].stream_version : (options.fromVersion ?? 0) - 1 }
        : await this.currentVersion(streamId);
    return { events: await this.opened(rows.map(toRecorded)), currentVersion: current.currentVersion };
  }

  /**
   * The events as readers see them: sealed fields opened, or erased (see {@link PostgresEventStoreOptions.encryption}),
   * for the types in `only` (all when absent; see {@link ReadAllOptions.open}).
   */
  private opened(events: RecordedEvent[], only?: readonly string[]): Promise<RecordedEvent[]> | RecordedEvent[] {
    return this.options.encryption ? this.options.encryption.open(events, this.keys, only) : events;
  }

  async readAll(from: GlobalPosition, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.opened(await this.readStored(from, options.limit ?? 1000), options.open);
  }

  /** The events after `from` as stored (sealed fields sealed), under the visibility rule of {@link readAll}. */
  private async readStored(from: GlobalPosition, limit: number): Promise<RecordedEvent[]> {
    const commit = from.commit < 0n ? '0' : from.commit.toString();
    const { rows } = await this.db.query<EventRow>(
      prepared(
        `SELECT ${COLUMNS} FROM ${this.s}.events
          WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
            AND transaction_id < (${VISIBLE_HORIZON})
          ORDER BY transaction_id, position
          LIMIT $3`,
        [commit, from.prepare.toString(), limit],
      ),
    );
    return rows.map(toRecorded);
  }

  /**
   * The events of `types` after `from`, filtered in the database: rows of other types are neither sent nor parsed.
   * Under the visibility rule of {@link readAll}; when fewer than `limit` are found, every final row was looked at,
   * and `through` is past all of them: the last position of the transaction before the oldest that may still commit.
   */
  async readLog(from: GlobalPosition, options: ReadLogOptions = {}): Promise<LogPage> {
    const limit = options.limit ?? 1000;
    if (!options.types) {
      const stored = await this.readStored(from, limit);
      const events = await this.opened(stored, options.open);
      return {
        events,
        through: events.length > 0 ? events[events.length - 1].position : from,
        ...(options.sealedToo && { sealed: stored }),
      };
    }
    const commit = from.commit < 0n ? '0' : from.commit.toString();
    // MATERIALIZED: the horizon is computed once, so `through` rests on the very horizon that bounded the rows.
    const { rows } = await this.db.query<EventRow & { horizon: string }>(
      prepared(
        `WITH h AS MATERIALIZED (SELECT (${VISIBLE_HORIZON}) AS horizon)
       SELECT h.horizon::text AS horizon, e.* FROM h LEFT JOIN LATERAL (
         SELECT ${COLUMNS} FROM ${this.s}.events
          WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
            AND transaction_id < h.horizon
            AND type = ANY($4::text[])
          ORDER BY transaction_id, position
          LIMIT $3) e ON true
       ORDER BY e.transaction_id, e.position`,
        [commit, from.prepare.toString(), limit, options.types],
      ),
    );
    const stored = rows.filter((r) => r.event_id !== null).map(toRecorded);
    const events = await this.opened(stored, options.open);
    const sealed = options.sealedToo ? { sealed: stored } : {};
    const last = events.length > 0 ? events[events.length - 1].position : from;
    if (events.length === limit) return { events, through: last, ...sealed };
    // Every row of a transaction below the horizon is final and was looked at: the checkpoint may pass them all.
    // Never behind the last event, nor `from` when none was found (should the horizon seem to move back).
    const passed: GlobalPosition = { commit: BigInt(rows[0].horizon) - 1n, prepare: MAX_POSITION };
    return { events, through: comparePositions(passed, last) > 0 ? passed : last, ...sealed };
  }

  /**
   * The chain links of the global log after `from`, in its stable order and under the same visibility rule
   * as {@link readAll}, without the events' data: what the audit anchor folds (`anchor-writer.ts`).
   */
  async readLinks(from: GlobalPosition, limit = 1000): Promise<LogLink[]> {
    const commit = from.commit < 0n ? '0' : from.commit.toString();
    const { rows } = await this.db.query<{
      transaction_id: string;
      position: string;
      stream_id: string;
      stream_version: number;
      hash: Buffer;
    }>(
      `SELECT transaction_id, position, stream_id, stream_version, hash FROM ${this.s}.events
        WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
          AND transaction_id < (${VISIBLE_HORIZON})
        ORDER BY transaction_id, position
        LIMIT $3`,
      [commit, from.prepare.toString(), limit],
    );
    return rows.map((r) => ({
      position: { commit: BigInt(r.transaction_id), prepare: BigInt(r.position) },
      streamId: r.stream_id,
      streamVersion: r.stream_version,
      hash: r.hash.toString('hex'),
    }));
  }

  async findEvent(eventId: string): Promise<{ streamId: string; streamVersion: number } | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(eventId)) return undefined;
    const { rows } = await this.db.query<{ stream_id: string; stream_version: number }>(
      `SELECT stream_id, stream_version FROM ${this.s}.events WHERE event_id = $1`,
      [eventId],
    );
    return rows[0] && { streamId: rows[0].stream_id, streamVersion: rows[0].stream_version };
  }

  /** Events stored after `from`, counting at most `limit` (how far a reader lags, cheaply bounded). */
  async countAfter(from: GlobalPosition, limit: number): Promise<number> {
    const commit = from.commit < 0n ? '0' : from.commit.toString();
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${this.s}.events WHERE (transaction_id, position) > ($1::xid8, $2::bigint) LIMIT $3) AS behind`,
      [commit, from.prepare.toString(), limit],
    );
    return rows[0].n;
  }

  /** Number of events in the log (for progress reporting). */
  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.s}.events`);
    return Number(rows[0].n);
  }

  /** Number of events in the log of each type (a rebuild's progress: what each projection has to replay). */
  async countByType(): Promise<Map<string, number>> {
    const { rows } = await this.db.query<{ type: string; n: string }>(`SELECT type, count(*) AS n FROM ${this.s}.events GROUP BY type`);
    return new Map(rows.map((r) => [r.type, Number(r.n)]));
  }

  /**
   * A read of the log by a subscription, shared with the other subscriptions of this store that read the same
   * batch at the same time: the projections of a process and its relay are woken together by each append
   * and, caught up, read from the same position — one query instead of one each. A reader joins only a read
   * started since the last wake-up, which therefore sees every commit that wake-up announced.
   */
  private sharedRead(from: GlobalPosition, limit: number, open?: readonly string[]): Promise<RecordedEvent[]> {
    const key = `${this.wakeGeneration}/${from.commit}/${from.prepare}/${limit}`;
    let read = this.sharedReads.get(key);
    if (!read) {
      const stored = this.readAll(from, { limit, open: [] }).finally(() => this.sharedReads.delete(key));
      read = { stored };
      this.sharedReads.set(key, read);
    }
    // Readers that open nothing get the rows as stored; all others share one opening of every type (ADR 0063):
    // one look-up of data keys per batch, as before, rather than one per set of types. A reader only ever looks
    // at the types it handles, so the types opened beyond those change nothing it sees.
    if (open?.length === 0) return read.stored.then((events) => events.slice());
    const shared = read;
    shared.opened ??= shared.stored.then((events) => this.opened(events));
    // Each reader its own array; the events themselves are shared and, like every read's, not to be changed.
    return shared.opened.then((events) => events.slice());
  }

  subscribeToAll(from: GlobalPosition, options: SubscribeOptions): Subscription {
    const listen = this.options.listen !== false;
    return pollingSubscription({
      from,
      read: (pos, limit) => {
        // (Re)opens the LISTEN connection, also after the database came back from a restart.
        if (listen) void this.ensureListener();
        return this.sharedRead(pos, limit, options.open);
      },
      handle: options.handle,
      onError: options.onError,
      backoff: options.backoff,
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? this.options.pollIntervalMs ?? (this.options.listen === false ? 100 : 1000),
      onWake: (wake) => {
        const woken = () => {
          this.wakeGeneration++;
          wake();
        };
        this.wakers.add(woken);
        return () => this.wakers.delete(woken);
      },
    });
  }

  /**
   * The connection that LISTENs for other processes' appends. When it fails (the server restarted) it is
   * dropped, and the next read of a subscription opens a new one; polling covers the gap.
   */
  private ensureListener(): Promise<PoolClient | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    this.listener ??= (async () => {
      let client: PoolClient | undefined;
      const forget = () => {
        if (!client) return;
        const broken = client;
        client = undefined;
        this.listener = undefined;
        broken.release(true);
      };
      try {
        client = await this.options.pool.connect();
        client.on('notification', (n) => {
          if (n.channel === this.channel) for (const wake of this.wakers) wake();
        });
        client.on('error', forget);
        client.on('end', forget);
        await client.query(`LISTEN "${this.channel}"`);
        return client;
      } catch {
        forget();
        this.listener = undefined;
        return undefined;
      }
    })();
    return this.listener;
  }

  /** Over the events as stored: sealed fields stay sealed, so an erased stream verifies as before. */
  async verifyStream(streamId: string): Promise<VerificationResult> {
    const { rows } = await this.db.query<EventRow>(`SELECT ${COLUMNS} FROM ${this.s}.events WHERE stream_id = $1 ORDER BY stream_version`, [
      streamId,
    ]);
    return verifyChain(rows.map(toRecorded));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    const listener = await this.listener;
    if (listener) {
      listener.removeAllListeners('end');
      listener.removeAllListeners('error');
      listener.on('error', () => undefined);
      await listener.query(`UNLISTEN "${this.channel}"`).catch(() => undefined);
      listener.release();
    }
    this.listener = undefined;
  }
}

export { START };
