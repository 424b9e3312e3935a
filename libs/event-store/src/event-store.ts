import type { Context } from '@opentelemetry/api';
import type { BackoffPolicy, LoopFailure } from './backoff';

/**
 * The event store port. Every adapter (PostgreSQL, in-memory, KurrentDB) passes the same contract
 * suite (`event-store.contract.ts`).
 */

/** Who did it, when, and in answer to what: carried by every stored event. */
export interface EventMetadata {
  /** Staff id (or system principal) that caused the event. */
  actor: string;
  /** When the fact happened, ISO 8601, as given by the command (never the store's clock). */
  occurredAt: string;
  /** Id shared by everything done in answer to one request. */
  correlationId: string;
  /** Id of the command or message that directly caused this event. */
  causationId: string;
  [key: string]: unknown;
}

/** An event as the caller hands it to the store. `id` is the idempotency key of the event. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/**
 * A position in a store's global log. Opaque to callers: keep it as a checkpoint and give it back.
 * PostgreSQL: `commit` is the appending transaction id and `prepare` the row's sequence number, so the
 * order is stable and never skips a late commit. KurrentDB: its commit/prepare positions.
 */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Before the first event of the log. */
export const START: GlobalPosition = Object.freeze({ commit: -1n, prepare: -1n });

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function positionToString(p: GlobalPosition): string {
  return `${p.commit}/${p.prepare}`;
}

export function positionFromString(s: string): GlobalPosition {
  const m = /^(-?\d+)\/(-?\d+)$/.exec(s);
  if (!m) throw new Error(`Not a global position: "${s}"`);
  return { commit: BigInt(m[1]), prepare: BigInt(m[2]) };
}

/** An event as stored. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  /** 0 for the first event of a stream. */
  streamVersion: number;
  position: GlobalPosition;
  /** When the store recorded it (store clock), ISO 8601. */
  recordedAt: string;
  /** Hash chain: hex SHA-256 of the previous event of the stream (all zeros for the first). */
  prevHash: string;
  /** Hex SHA-256 of this event's canonical content (id, stream, type, data, metadata). */
  contentHash: string;
  /** Hex SHA-256 over prevHash ‖ contentHash: the chain link. */
  hash: string;
  /**
   * Set when some of the event's sensitive fields could not be read because their data key was destroyed
   * (crypto-shredding, ADR 0053): those fields hold their erased value. The hashes are of the stored form.
   */
  erased?: { keyId: string; erasedAt: string; erasedBy: string; decision: string; text: string };
}

/**
 * What the caller expects the stream to be: `no_stream` (must not exist), `any`, `stream_exists`, or
 * the exact version of its last event.
 */
export type ExpectedVersion = 'no_stream' | 'any' | 'stream_exists' | number;

export interface AppendOptions {
  expected?: ExpectedVersion;
  /**
   * The trace context the append runs in (the command's span), passed explicitly: the platform carries
   * no ambient context (ADR 0046). Absent when tracing is off; a store without spans ignores it.
   */
  trace?: Context;
  /**
   * Answer with the appended events as stored ({@link AppendResult.recorded}), so the caller need not read
   * them back. Only a caller that uses them asks (the command handler): building the answer costs the
   * database and the client a little on every append.
   */
  answer?: boolean;
}

export interface AppendResult {
  /** Version of the last event of the stream after the append. */
  nextExpectedVersion: number;
  /** Position of the last appended event. */
  position: GlobalPosition;
  /** True when every event id was already stored by an earlier identical append (an idempotent retry). */
  alreadyAppended: boolean;
  /**
   * The appended events as stored, when the caller asked ({@link AppendOptions.answer}) and the store answers
   * with them (PostgreSQL): the same a read of the stream would return, without that read. Absent
   * on an idempotent retry.
   */
  recorded?: RecordedEvent[];
}

export interface ReadStreamOptions {
  /** Read events from this version on (inclusive). Default 0. */
  fromVersion?: number;
  /** Read up to and including this version. */
  toVersion?: number;
  /** Only events the store had recorded (recordedAt) at or before this instant: the stream as it stood then. */
  asOf?: Date;
  /**
   * `fromVersion - 1` is known to exist (a snapshot was taken there): when nothing follows it, that is
   * the current version, and the store need not look the head up.
   */
  fromSnapshot?: boolean;
}

export interface ReadStreamResult {
  events: RecordedEvent[];
  /** Version of the stream's last event, or -1 when the stream does not exist. */
  currentVersion: number;
}

export interface ReadAllOptions {
  /** Maximum number of events to return. Default 1000. */
  limit?: number;
  /**
   * The event types whose sealed fields (crypto-shredding, ADR 0053) are opened: in clear, or erased with the
   * marker. Absent: every type. Events of other types keep their sealed fields as stored (ciphertext, never
   * personal data) and carry no `erased`: for readers that never read those fields (ADR 0063).
   */
  open?: readonly string[];
}

/** A read of the log by a reader that handles only some event types (ADR 0063; see {@link projectionFilter}). */
export interface ReadLogOptions extends ReadAllOptions {
  /** Only events of these types; absent: every type. */
  types?: readonly string[];
  /** Answer with the same events with no field opened as well ({@link LogPage.sealed}): for readers of both kinds in one pass. */
  sealedToo?: boolean;
}

/** A page of the global log read with {@link ReadLogOptions}. */
export interface LogPage {
  /** The events of the types asked for, in global order. */
  events: RecordedEvent[];
  /**
   * How far the read looked: every event up to here (inclusive) that the filter leaves out was passed over, so a
   * reader may keep this as its checkpoint. At or after `from` and the last event's position; when the page is not
   * full it may be past every event stored so far (PostgreSQL: up to the oldest transaction that may still commit).
   */
  through: GlobalPosition;
  /** With {@link ReadLogOptions.sealedToo}: the same events, every sealed field as stored. */
  sealed?: RecordedEvent[];
}

export interface Subscription {
  /** Stops the subscription and waits for the handler in flight to finish. */
  stop(): Promise<void>;
  /**
   * Resolves when the subscription has stopped. Polling subscriptions (PostgreSQL, in-memory) retry every
   * failure themselves and end only on `stop()`; a push subscription (KurrentDB) rejects when its server
   * connection ends, and its owner starts a new one from its checkpoint.
   */
  readonly done: Promise<void>;
  /** The position of the last event handled (the start position before the first). */
  readonly position?: GlobalPosition;
  /** Set while the subscription retries after a failure (the database away); cleared by the next success. */
  readonly failure?: LoopFailure;
}

export interface SubscribeOptions {
  /** Handler of a batch of events in global order; the subscription continues after the last. */
  handle(events: RecordedEvent[]): Promise<void>;
  /** Batch size. Default 500. */
  batchSize?: number;
  /**
   * The event types whose sealed fields this subscriber reads (see {@link ReadAllOptions.open}); absent: every type.
   * Empty: none is opened, the subscriber is handed every sealed field as stored. A store may open more types than
   * asked when the subscriber asks for some (PostgreSQL opens every type once for all its readers of a batch).
   */
  open?: readonly string[];
  /** Longest wait between polls when nothing wakes the subscription, in ms. */
  pollIntervalMs?: number;
  /** Told of each failure the subscription retries (see {@link Subscription.failure}). */
  onError?(error: unknown, failure: LoopFailure): void;
  /** Back-off between retries after a failure. */
  backoff?: BackoffPolicy;
}

/** The result of re-computing a stream's hash chain. */
export type VerificationResult =
  | { ok: true; events: number; headHash: string }
  | {
      ok: false;
      events: number;
      /** The first event whose content or link does not match. */
      brokenAt: { streamVersion: number; eventId: string; reason: 'content' | 'link' };
    };

export interface EventStore {
  /** Appends events atomically. Throws {@link WrongExpectedVersionError} when `expected` does not hold. */
  appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult>;
  /** Events after `from` (exclusive) in global order; only events that can no longer be preceded by a late commit. */
  readAll(from: GlobalPosition, options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Like {@link readAll}, with the types filtered by the store (rows of other types are not even fetched), and how
   * far the read looked (optional: a store without it is read with readAll and filtered by the reader, {@link readLog}).
   */
  readLog?(from: GlobalPosition, options?: ReadLogOptions): Promise<LogPage>;
  /** Catch-up subscription to the global log after `from` (exclusive), then live. */
  subscribeToAll(from: GlobalPosition, options: SubscribeOptions): Subscription;
  /** Where an event id is stored, if anywhere (optional: stores without an id index leave it out). */
  findEvent?(eventId: string): Promise<{ streamId: string; streamVersion: number } | undefined>;
  /** Re-computes the stream's hash chain from stored content. */
  verifyStream(streamId: string): Promise<VerificationResult>;
  close(): Promise<void>;
}

/**
 * A page of the log under `options`: from the store's own {@link EventStore.readLog} when it has one, else from
 * readAll, filtered here (then `through` is the last event read, whatever its type). Empty only when nothing
 * of the types is left to read.
 */
export async function readLog(store: EventStore, from: GlobalPosition, options: ReadLogOptions = {}): Promise<LogPage> {
  if (store.readLog) return store.readLog(from, options);
  const limit = options.limit ?? 1000;
  const types = options.types && new Set(options.types);
  let through = from;
  for (;;) {
    const start = through;
    const read = await store.readAll(start, { limit, open: options.open });
    if (read.length > 0) through = read[read.length - 1].position;
    const events = types ? read.filter((e) => types.has(e.type)) : read;
    // Read on past pages that hold none of the types: an empty page means the reader has caught up.
    if (events.length > 0 || read.length < limit) {
      if (!options.sealedToo) return { events, through };
      // The same page again, nothing opened: final events read the same twice.
      const ids = new Set(events.map((e) => e.id));
      const sealed = (await store.readAll(start, { limit, open: [] })).filter((e) => ids.has(e.id));
      return { events, through, sealed };
    }
  }
}
