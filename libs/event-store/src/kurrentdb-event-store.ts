import {
  BACKWARDS,
  END,
  ErrorType,
  KurrentDBClient,
  NO_STREAM,
  START as KURRENT_START,
  StreamNotFoundError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
  type AllStreamSubscription,
  type AppendStreamState,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  VerificationResult,
  comparePositions,
} from './event-store';
import { canonicalJson, contentHash, linkHash, ZERO_HASH } from './hashing';
import { verifyChain } from './verify';

/*
 * Pure mappings between the EventStore port and KurrentDB (unit-tested in kurrentdb-event-store.unit.spec.ts).
 */

/** Keys of a stored event's KurrentDB metadata that carry the hash chain; a caller's metadata may not use them. */
export const CHAIN_KEYS = ['prevHash', 'contentHash', 'hash'] as const;

/** One link of a stream's hash chain, as stored next to the caller's metadata. */
export interface ChainLink {
  prevHash: string;
  contentHash: string;
  hash: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** The KurrentDB metadata of a stored event: the caller's metadata plus the chain link. */
export function encodeMetadata(metadata: EventMetadata, link: ChainLink): Record<string, unknown> {
  for (const key of CHAIN_KEYS) {
    if (Object.prototype.hasOwnProperty.call(metadata, key)) {
      throw new Error(`Event metadata may not carry "${key}": the KurrentDB event store keeps the hash chain under that key`);
    }
  }
  return { ...metadata, prevHash: link.prevHash, contentHash: link.contentHash, hash: link.hash };
}

/**
 * Splits a stored event's KurrentDB metadata into the caller's metadata and the chain link; undefined when it
 * is not an envelope written by this adapter (no object, or a chain key missing or not 64 lower-case hex digits).
 */
export function decodeMetadata(raw: unknown): { metadata: EventMetadata; link: ChainLink } | undefined {
  if (!isPlainObject(raw)) return undefined;
  const { prevHash, contentHash: ownHash, hash, ...metadata } = raw;
  if (typeof prevHash !== 'string' || typeof ownHash !== 'string' || typeof hash !== 'string') return undefined;
  if (!HEX64.test(prevHash) || !HEX64.test(ownHash) || !HEX64.test(hash)) return undefined;
  return { metadata: metadata as EventMetadata, link: { prevHash, contentHash: ownHash, hash } };
}

/** The links of events appended after `prevHash`, in order. */
export function chainLinks(prevHash: string, contentHashes: string[]): ChainLink[] {
  let prev = prevHash;
  return contentHashes.map((own) => {
    const link = { prevHash: prev, contentHash: own, hash: linkHash(prev, own) };
    prev = link.hash;
    return link;
  });
}

/** Our checkpoint → where KurrentDB starts reading $all. Any negative part (our `START`) means the start of the log. */
export function toReadPosition(p: GlobalPosition): ReadPosition {
  return p.commit < 0n || p.prepare < 0n ? KURRENT_START : { commit: p.commit, prepare: p.prepare };
}

/** KurrentDB's log position {commit, prepare} is our GlobalPosition, unchanged. */
export function fromKurrentPosition(p: Position): GlobalPosition {
  return { commit: BigInt(p.commit), prepare: BigInt(p.prepare) };
}

/** Whether the caller's expectation holds for a stream whose last event has version `current` (-1: no stream). */
export function expectationHolds(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    default:
      return current === expected;
  }
}

/**
 * What the adapter asks KurrentDB to check on append: always the exact state it read (the revision of the
 * stream's last event, or no stream), never ANY or STREAM_EXISTS, so that two appends computed from the same
 * chain head cannot both land and fork the hash chain.
 */
export function toStreamState(current: number): AppendStreamState {
  return current < 0 ? NO_STREAM : BigInt(current);
}

/** `prefix + streamId`, refusing names KurrentDB would treat as system streams. */
export function toKurrentStreamName(prefix: string, streamId: string): string {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new Error('A stream id cannot be empty');
  const name = prefix + streamId;
  if (name.startsWith('$')) throw new Error(`"${name}" would be a KurrentDB system stream`);
  return name;
}

/** Our stream id for a KurrentDB stream name, or undefined when the stream is not in this store's namespace. */
export function fromKurrentStreamName(prefix: string, name: string): string | undefined {
  if (name.startsWith('$') || !name.startsWith(prefix) || name.length === prefix.length) return undefined;
  return name.slice(prefix.length);
}

/** Server-side filter of $all for this store: its prefix, or every non-system stream when it has none. */
export function allStreamsFilter(prefix: string): Filter {
  return prefix ? streamNameFilter({ prefixes: [prefix] }) : streamNameFilter({ regex: '^[^$]' });
}

/**
 * Events as the store keeps them: ids lower-cased (KurrentDB returns UUIDs in lower case, and the id is part
 * of the content hash), everything else deep-copied through canonical JSON as a reader will see it.
 */
export function normaliseNewEvents(events: NewEvent[]): NewEvent[] {
  const seen = new Set<string>();
  return events.map((e) => {
    if (typeof e.id !== 'string' || !UUID.test(e.id)) throw new Error(`KurrentDB event ids are UUIDs, not "${String(e.id)}"`);
    if (typeof e.type !== 'string' || e.type.length === 0 || e.type.startsWith('$')) {
      throw new Error(`Invalid event type "${String(e.type)}": empty and $-prefixed (system) types are refused`);
    }
    const id = e.id.toLowerCase();
    if (seen.has(id)) throw new DuplicateEventIdError(id);
    seen.add(id);
    const copy = JSON.parse(canonicalJson({ id, type: e.type, data: e.data, metadata: e.metadata })) as NewEvent;
    return { id, type: copy.type, data: copy.data === undefined ? null : copy.data, metadata: copy.metadata ?? ({} as EventMetadata) };
  });
}

/** The part of a KurrentDB recorded event the adapter reads (the client's RecordedEvent is assignable to it). */
export interface KurrentRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

/**
 * A KurrentDB event as a port RecordedEvent. An event whose metadata is not this adapter's envelope (written
 * behind the store's back) is returned with empty hashes, so that verifyStream names it instead of the read
 * failing.
 */
export function toRecordedEvent(raw: KurrentRecord, streamId: string): RecordedEvent {
  if (!raw.position) {
    throw new Error(`KurrentDB returned ${raw.streamId}@${raw.revision} without a log position (server older than 22.6?)`);
  }
  const decoded = decodeMetadata(raw.metadata);
  const link = decoded?.link ?? { prevHash: '', contentHash: '', hash: '' };
  return {
    id: raw.id,
    type: raw.type,
    data: raw.data,
    metadata: decoded?.metadata ?? ((isPlainObject(raw.metadata) ? raw.metadata : {}) as EventMetadata),
    streamId,
    streamVersion: Number(raw.revision),
    position: fromKurrentPosition(raw.position),
    recordedAt: raw.created.toISOString(),
    prevHash: link.prevHash,
    contentHash: link.contentHash,
    hash: link.hash,
  };
}

/** What an append's event ids already stored in the stream say about it. */
export type ExistingIds = { kind: 'none' } | { kind: 'replay'; last: RecordedEvent } | { kind: 'duplicate'; eventId: string };

/**
 * The append is a replay when every id of the batch is stored in the stream with the same content hash
 * (re-computed from what is stored); any other overlap is a reused id.
 */
export function classifyExisting(batch: { id: string; contentHash: string }[], found: ReadonlyMap<string, RecordedEvent>): ExistingIds {
  if (found.size === 0) return { kind: 'none' };
  for (const b of batch) {
    const stored = found.get(b.id);
    if (!stored || contentHash(stored) !== b.contentHash) {
      return { kind: 'duplicate', eventId: stored ? b.id : (batch.find((x) => found.has(x.id))?.id ?? b.id) };
    }
  }
  return { kind: 'replay', last: found.get(batch[batch.length - 1].id)! };
}

function errorType(e: unknown): unknown {
  return typeof e === 'object' && e !== null ? (e as { type?: unknown }).type : undefined;
}

function isStreamNotFound(e: unknown): boolean {
  return e instanceof StreamNotFoundError || errorType(e) === ErrorType.STREAM_NOT_FOUND;
}

function isWrongExpectedVersion(e: unknown): boolean {
  return e instanceof KurrentWrongExpectedVersionError || errorType(e) === ErrorType.WRONG_EXPECTED_VERSION;
}

export interface KurrentDbEventStoreOptions {
  /** The client; the store owns it from now on and disposes it in {@link KurrentDbEventStore.close}. */
  client: KurrentDBClient;
  /**
   * This store's namespace in the database, prepended to every stream id (like PostgreSQL's schema): its
   * global log is the streams that start with it. End it with a separator (`evidence-`) so that no other
   * store's prefix starts with it. Default '' (every non-system stream of the database).
   */
  streamPrefix?: string;
  /**
   * How many events back from a stream's head an append looks for its own event ids, to recognise a retry
   * (idempotency) or a reused id. Default: the whole stream (the contract's "however late it comes"); a bound
   * makes an append O(window) instead of O(stream) at the price of not recognising older retries.
   */
  idempotencyWindow?: number;
  /** Tries of an append with expected 'any' or 'stream_exists' under contention. Default 20. */
  maxAppendAttempts?: number;
}

/**
 * The event store on KurrentDB (gRPC client `@kurrent/kurrentdb-client`).
 *
 * Mapping: a stream is the KurrentDB stream `streamPrefix + streamId`; stream version = revision; global
 * position = KurrentDB log position {commit, prepare}; event id = KurrentDB event id (the caller's UUID);
 * recordedAt = the server's `created` stamp (ms precision); the hash chain (prevHash, contentHash, hash) is
 * computed client-side and stored in each event's metadata next to the caller's metadata.
 *
 * Appends: read the stream back from its head (the head's hash is the next prevHash; the ids of the batch
 * are looked for in the stream), check the caller's expectation locally, then append with the exact
 * revision read, so that a concurrent append fails instead of forking the chain. 'any' and 'stream_exists'
 * retry on such a conflict; exact expectations re-read once to tell a concurrent identical append (a replay)
 * from a real conflict.
 *
 * Guarantees versus the contract:
 * - atomic appends, optimistic concurrency, dense verifiable chains: yes;
 * - a retry with the same ids and content in the same stream returns the original result with
 *   `alreadyAppended: true`, however late, within `idempotencyWindow` (default: the whole stream);
 * - an id reused in the same stream with other content, or a batch overlapping stored ids only in part:
 *   DuplicateEventIdError, within the same window;
 * - NOT guaranteed: an id reused in ANOTHER stream is not detected (KurrentDB keeps no global index of event
 *   ids, and its own idempotency only compares ids at the expected position of the same stream); the event
 *   is stored twice, in two streams;
 * - two identical appends racing at the same revision: KurrentDB acknowledges the second as idempotent (it
 *   compares ids only), so both callers get `alreadyAppended: false`; the events are stored once;
 * - readAll and subscriptions never skip an event: KurrentDB exposes $all in commit order only;
 * - KurrentDB events are immutable, so in-place tampering is impossible; verifyStream detects events
 *   appended behind the store's back with a wrong link or content hash, and truncated stream heads
 *   ($tb / soft delete), by the chain and by version gaps.
 */
export class KurrentDbEventStore implements EventStore {
  readonly streamPrefix: string;
  private readonly client: KurrentDBClient;
  private readonly idempotencyWindow: number;
  private readonly maxAppendAttempts: number;
  private readonly filter: Filter;
  /** Stops of the subscriptions still running, for close(). */
  private readonly stops = new Set<() => Promise<void>>();
  private closed = false;

  constructor(options: KurrentDbEventStoreOptions) {
    this.client = options.client;
    this.streamPrefix = options.streamPrefix ?? '';
    if (this.streamPrefix.startsWith('$')) throw new Error('A stream prefix cannot start with "$" (system streams)');
    this.idempotencyWindow = options.idempotencyWindow ?? Number.POSITIVE_INFINITY;
    if (!(
      this.idempotencyWindow === Number.POSITIVE_INFINITY ||
      (Number.isInteger(this.idempotencyWindow) && this.idempotencyWindow >= 1)
    )) {
      throw new Error(`Invalid idempotencyWindow ${this.idempotencyWindow}`);
    }
    this.maxAppendAttempts = options.maxAppendAttempts ?? 20;
    if (!Number.isInteger(this.maxAppendAttempts) || this.maxAppendAttempts < 1)
      throw new Error(`Invalid maxAppendAttempts ${this.maxAppendAttempts}`);
    this.filter = allStreamsFilter(this.streamPrefix);
  }

  /** A store on a fresh client for `connectionString`, e.g. `kurrentdb://127.0.0.1:2113?tls=false`. */
  static connect(connectionString: string, options: Omit<KurrentDbEventStoreOptions, 'client'> = {}): KurrentDbEventStore {
    return new KurrentDbEventStore({ ...options, client: KurrentDBClient.connectionString(connectionString) });
  }

  /** The KurrentDB stream that holds `streamId`. */
  streamName(streamId: string): string {
    return toKurrentStreamName(this.streamPrefix, streamId);
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    const expected = options.expected ?? 'any';
    if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0))
      throw new Error(`Invalid expected version ${expected}`);
    const name = this.streamName(streamId);
    const copies = normaliseNewEvents(events);
    const hashes = copies.map((e) => contentHash({ ...e, streamId }));
    const batch = copies.map((e, i) => ({ id: e.id, contentHash: hashes[i] }));
    const retries = expected === 'any' || expected === 'stream_exists';

    for (let attempt = 1; ; attempt++) {
      const { head, found } = await this.scanFromHead(name, streamId, new Set(batch.map((b) => b.id)));
      const existing = classifyExisting(batch, found);
      if (existing.kind === 'replay') {
        return { nextExpectedVersion: existing.last.streamVersion, position: existing.last.position, alreadyAppended: true };
      }
      if (existing.kind === 'duplicate') throw new DuplicateEventIdError(existing.eventId);

      const current = head ? head.streamVersion : -1;
      if (!expectationHolds(expected, current)) throw new WrongExpectedVersionError(streamId, expected, current);
      if (head && !HEX64.test(head.hash)) {
        throw new Error(`Cannot extend the hash chain of ${streamId}: its last event (version ${current}) carries no chain metadata`);
      }

      const links = chainLinks(head ? head.hash : ZERO_HASH, hashes);
      const data = copies.map((e, i) =>
        jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata: encodeMetadata(e.metadata, links[i]) }),
      );
      try {
        const result = await this.client.appendToStream(name, data, { streamState: toStreamState(current) });
        if (result.success) {
          const nextExpectedVersion = Number(result.nextExpectedRevision);
          const position = result.position
            ? fromKurrentPosition(result.position)
            : await this.positionOf(name, streamId, nextExpectedVersion);
          return { nextExpectedVersion, position, alreadyAppended: false };
        }
        // A client configured with throwOnAppendFailure=false reports the conflict instead of throwing it.
      } catch (e) {
        if (!isWrongExpectedVersion(e)) throw e;
      }
      // Another append moved the stream since it was read. Read again: the next round either finds a replay,
      // refuses the caller's expectation with the actual version, or (any / stream_exists) tries again.
      if (attempt >= (retries ? this.maxAppendAttempts : 2)) {
        throw new WrongExpectedVersionError(streamId, expected, await this.headVersion(name));
      }
      if (retries) await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3 * attempt)));
    }
  }

  /**
   * Reads the stream backwards from its head, up to `idempotencyWindow` events, stopping early once every id
   * of `ids` has been seen. Returns the head and the events found among `ids`.
   */
  private async scanFromHead(
    name: string,
    streamId: string,
    ids: ReadonlySet<string>,
  ): Promise<{ head?: RecordedEvent; found: Map<string, RecordedEvent> }> {
    const found = new Map<string, RecordedEvent>();
    let head: RecordedEvent | undefined;
    const window = Number.isFinite(this.idempotencyWindow) ? { maxCount: this.idempotencyWindow } : {};
    try {
      for await (const resolved of this.client.readStream(name, { direction: BACKWARDS, fromRevision: END, ...window })) {
        if (!resolved.event) continue;
        const e = toRecordedEvent(resolved.event, streamId);
        head ??= e;
        if (ids.has(e.id)) {
          found.set(e.id, e);
          if (found.size === ids.size) break;
        }
      }
    } catch (e) {
      if (!isStreamNotFound(e)) throw e;
    }
    return { head, found };
  }

  private async readRaw(name: string, options: { fromRevision: bigint; maxCount?: number }): Promise<KurrentRecord[]> {
    const out: KurrentRecord[] = [];
    try {
      for await (const resolved of this.client.readStream(name, options)) {
        if (resolved.event) out.push(resolved.event);
      }
    } catch (e) {
      if (!isStreamNotFound(e)) throw e;
    }
    return out;
  }

  private async headVersion(name: string): Promise<number> {
    try {
      for await (const resolved of this.client.readStream(name, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        if (resolved.event) return Number(resolved.event.revision);
      }
    } catch (e) {
      if (!isStreamNotFound(e)) throw e;
    }
    return -1;
  }

  /** Position of the event at `version` (only when an append's answer carried none). */
  private async positionOf(name: string, streamId: string, version: number): Promise<GlobalPosition> {
    const [raw] = await this.readRaw(name, { fromRevision: BigInt(version), maxCount: 1 });
    if (!raw) throw new Error(`Event ${streamId}@${version} was appended but cannot be read back`);
    return toRecordedEvent(raw, streamId).position;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const name = this.streamName(streamId);
    const from = options.fromVersion ?? 0;
    if (!Number.isInteger(from) || from < 0) throw new Error(`Invalid fromVersion ${from}`);
    const to = options.toVersion;
    if (to !== undefined && !Number.isInteger(to)) throw new Error(`Invalid toVersion ${to}`);
    const raw =
      to !== undefined && to < from
        ? []
        : await this.readRaw(name, { fromRevision: BigInt(from), ...(to !== undefined ? { maxCount: to - from + 1 } : {}) });
    let events = raw.map((r) => toRecordedEvent(r, streamId));
    if (options.asOf) {
      const asOf = options.asOf.getTime();
      events = events.filter((e) => Date.parse(e.recordedAt) <= asOf);
    }
    // Read up to the end: the last event read is the head. Otherwise (a toVersion, or nothing at or after
    // fromVersion > 0) ask for the head.
    let currentVersion: number;
    if (to === undefined && raw.length > 0) currentVersion = Number(raw[raw.length - 1].revision);
    else if (to === undefined && from === 0) currentVersion = -1;
    else currentVersion = await this.headVersion(name);
    return { events, currentVersion };
  }

  async readAll(from: GlobalPosition, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? 1000;
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`Invalid limit ${limit}`);
    const out: RecordedEvent[] = [];
    let position = from;
    // KurrentDB reads $all from a position inclusively: ask for one more and drop what is not after `from`.
    // Events this store does not own ($-typed links, other namespaces) are dropped client-side, so read on
    // until `limit` events are found or the log ends.
    while (out.length < limit) {
      const want = limit - out.length + 1;
      let received = 0;
      let last: GlobalPosition | undefined;
      for await (const resolved of this.client.readAll({ fromPosition: toReadPosition(position), maxCount: want, filter: this.filter })) {
        received++;
        const e = resolved.event;
        if (!e) continue;
        const p = fromKurrentPosition(e.position);
        if (comparePositions(p, position) <= 0) continue;
        last = p;
        const recorded = this.fromAll(e);
        if (recorded) out.push(recorded);
        if (out.length === limit) break;
      }
      if (received < want || last === undefined) break;
      position = last;
    }
    return out;
  }

  /** An event of $all as ours, or undefined when it is not this store's (namespace, system event type). */
  private fromAll(e: KurrentRecord): RecordedEvent | undefined {
    const streamId = fromKurrentStreamName(this.streamPrefix, e.streamId);
    if (streamId === undefined || e.type.startsWith('$')) return undefined;
    return toRecordedEvent(e, streamId);
  }

  /**
   * A KurrentDB catch-up subscription to $all from `from` (exclusive), filtered server-side to this store's
   * streams. Events are handed to `handle` in batches of consecutive events: whatever has arrived when the
   * previous batch is done, up to `batchSize`; the next batch waits for the handler. The checkpoint is the
   * caller's (the position of the last event handled); no persistent subscription is used. `pollIntervalMs`
   * does not apply (the server pushes). A server or connection error ends the subscription: `done` rejects
   * and the caller resubscribes from its checkpoint.
   */
  subscribeToAll(from: GlobalPosition, options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('The event store is closed');
    const batchSize = options.batchSize ?? 500;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`Invalid batchSize ${batchSize}`);
    const source: AllStreamSubscription = this.client.subscribeToAll(
      { fromPosition: toReadPosition(from), filter: this.filter },
      { highWaterMark: batchSize },
    );
    // Errors reach the loop below through the stream's async iterator (and reject `done`); this listener only
    // keeps an error emitted after the loop has ended from surfacing as an unhandled 'error' event.
    source.on('error', () => undefined);
    let stopping = false;
    const stop = async (): Promise<void> => {
      stopping = true;
      await source.unsubscribe().catch(() => undefined);
      source.destroy();
      await done.catch(() => undefined);
    };
    this.stops.add(stop);

    const done = (async () => {
      let batch: RecordedEvent[] = [];
      try {
        for await (const resolved of source) {
          if (stopping) break;
          const e = resolved.event;
          if (e?.position && comparePositions(fromKurrentPosition(e.position), from) > 0) {
            const recorded = this.fromAll(e);
            if (recorded) batch.push(recorded);
          }
          // Hand over what has arrived: a full batch, or whatever is there when nothing more is buffered.
          if (batch.length > 0 && (batch.length >= batchSize || source.readableLength === 0)) {
            const events = batch;
            batch = [];
            await options.handle(events);
          }
        }
      } catch (e) {
        if (!stopping) throw e;
      } finally {
        this.stops.delete(stop);
        await source.unsubscribe().catch(() => undefined);
      }
    })();

    return { done, stop };
  }

  async verifyStream(streamId: string): Promise<VerificationResult> {
    return verifyChain((await this.readStream(streamId)).events);
  }

  /** Stops the subscriptions of this store and disposes the client. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.stops].map((stop) => stop()));
    await this.client.dispose();
  }
}
