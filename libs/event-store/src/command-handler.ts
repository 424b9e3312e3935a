import { randomUUID } from 'node:crypto';
import type { Context } from '@opentelemetry/api';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from './errors';
import { foldEvents } from './domain-kernel';
import { EventStore, ExpectedVersion, RecordedEvent } from './event-store';
import { sha256Hex } from './hashing';
import { SnapshotStore } from './snapshots';
import { tracedCommand } from './tracing';

/** A domain event as `decide` returns it: a fixed type string and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Who asks, when, and in answer to what: the command's envelope, passed in (never read from a clock). */
export interface CommandContext {
  actor: string;
  now: Date;
  correlationId: string;
  causationId: string;
  /**
   * The client's idempotency key. A key names one request of its actor: the same key with the same
   * request (see {@link requestFingerprint}) appends nothing and returns the first result, however late
   * or however many arrive at once; the same key with another request (another record, route or body)
   * is refused with {@link IdempotencyKeyReusedError}. Keys are the actor's own: another actor's request
   * with the same key is a request of its own, never taken as a replay.
   */
  idempotencyKey?: string;
  /**
   * What the request said, hashed (method, path and canonical body: see `idempotencyOf` in
   * `@police/platform`). Stored in the metadata of the events a keyed command appends, so that a
   * later request with the key is told apart from a retry. Without it, a key is only checked against
   * the record it names.
   */
  requestFingerprint?: string;
  /** The trace context the command runs in (the request's or the message's span); absent when tracing is off. */
  trace?: Context;
}

/** What the HTTP edge of a service established about a command: who (the domain's actor), when, why, and the version seen. */
export interface RequestContext<Actor extends { staffId: string }> {
  actor: Actor;
  now: Date;
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
  /** What the request said, hashed: see {@link CommandContext.requestFingerprint}. */
  requestFingerprint?: string;
  /** From `If-Match`: the version of the record the client saw. */
  expected?: ExpectedVersion;
  /** The request's trace context (its server span); absent when tracing is off. */
  trace?: Context;
}

/** The store's command context of a request: the actor by staff id. */
export function commandContext(ctx: RequestContext<{ staffId: string }>): CommandContext {
  return {
    actor: ctx.actor.staffId,
    now: ctx.now,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    idempotencyKey: ctx.idempotencyKey,
    requestFingerprint: ctx.requestFingerprint,
    trace: ctx.trace,
  };
}

export interface SnapshotPolicy<State> {
  store: SnapshotStore;
  /** Take a snapshot each time the stream crosses a multiple of this many events. */
  every: number;
  /** Bump when the state's shape changes; older snapshots are then ignored. */
  stateVersion: string;
  toJson?(state: State): unknown;
  fromJson?(json: unknown): State;
}

export interface StreamFolding<State, Event extends DomainEvent> {
  /** Folds a loaded stream with its own `fold` when it has one (`evolution` in the domain kernel): linear in the events. */
  evolve(state: State, event: Event): State;
  initialState(): State;
  /** Maps a stored event (any older shape) to the current event type. Default: the stored type and data. */
  upcast?(event: RecordedEvent): Event;
}

export interface HandleCommandOptions<State, Event extends DomainEvent> extends StreamFolding<State, Event> {
  context: CommandContext;
  /**
   * The version the client says it saw (an `If-Match` ETag). A mismatch is a
   * {@link PreconditionFailedError} (412). Without it, the loaded version guards the append (409).
   */
  expected?: ExpectedVersion;
  snapshots?: SnapshotPolicy<State>;
  /**
   * Runs on the state the command loaded, before anything else is looked at (the idempotency key, If-Match,
   * the decision): the object-level access check, on the same read as the decision. Throws to refuse.
   */
  authorize?: (loaded: LoadedState<State>) => void | Promise<void>;
}

/** A stream as loaded for a command: the folded state, its version, and the events read (after the snapshot, if one was used). */
export interface LoadedState<State> {
  state: State;
  /** Version of the stream's last event, -1 when the stream does not exist. */
  version: number;
  /** The events read and folded: the whole stream, or the tail after the snapshot (then the first one's streamVersion is above 0). */
  events: RecordedEvent[];
}

export interface CommandResult<State> {
  state: State;
  /** Version of the stream's last event after the command (the new ETag). */
  version: number;
  /** Events appended by this command (or by its first run, for an idempotent repeat). */
  events: RecordedEvent[];
  alreadyHandled: boolean;
}

/** The client's `If-Match` no longer matches the stream. */
export class PreconditionFailedError extends WrongExpectedVersionError {
  constructor(e: WrongExpectedVersionError) {
    super(e.streamId, e.expected, e.actual);
    this.name = 'PreconditionFailedError';
  }
}

function defaultUpcast<Event extends DomainEvent>(e: RecordedEvent): Event {
  return { type: e.type, data: e.data } as Event;
}

/** A stable event id for (stream, idempotency key, index): the same request always yields the same ids. */
export function idempotentEventId(streamId: string, key: string, index: number): string {
  const h = sha256Hex(`${streamId}\u0000${key}\u0000${index}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Loads a stream and folds it into state (from a snapshot when a policy is given). */
export async function loadState<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  options: StreamFolding<State, Event> & { snapshots?: SnapshotPolicy<State>; asOf?: Date },
): Promise<LoadedState<State>> {
  const upcast = options.upcast ?? defaultUpcast<Event>;
  let state = options.initialState();
  let fromVersion = 0;
  if (options.snapshots && !options.asOf) {
    const snap = await options.snapshots.store.load(streamId);
    if (snap && snap.stateVersion === options.snapshots.stateVersion) {
      state = options.snapshots.fromJson ? options.snapshots.fromJson(snap.state) : (snap.state as State);
      fromVersion = snap.streamVersion + 1;
    }
  }
  const { events, currentVersion } = await store.readStream(streamId, { fromVersion, asOf: options.asOf, fromSnapshot: fromVersion > 0 });
  state = foldEvents(options.evolve, state, events.map(upcast));
  const version = options.asOf ? (events.length > 0 ? events[events.length - 1].streamVersion : fromVersion - 1) : currentVersion;
  return { state, version, events };
}

/**
 * The whole of a command handler's work: load (snapshot + tail), upcast, fold, decide, append with
 * the expected version. `decide` is pure and throws domain errors; it may return no events.
 *
 * With an idempotency key, the first event's id is derived from the actor's key alone (so the store's
 * unique event ids bind a key to one stream), the others from the stream, key and index; the request
 * fingerprint goes into their metadata. A request whose key is already bound is answered with the first
 * result when it is the same request, and refused ({@link IdempotencyKeyReusedError}) when it is not.
 * A request that loses a race to its own twin (same key, sent again before the first was answered)
 * gets the twin's result, not a conflict.
 */
export function handleCommand<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decide: (state: State) => Event | Event[],
  options: HandleCommandOptions<State, Event>,
): Promise<CommandResult<State>> {
  return tracedCommand(streamId, options.context.trace, (trace) =>
    handleUntraced(store, streamId, decide, { ...options, context: { ...options.context, trace } }),
  );
}

async function handleUntraced<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decide: (state: State) => Event | Event[],
  options: HandleCommandOptions<State, Event>,
): Promise<CommandResult<State>> {
  const { context } = options;
  // One read of the stream (snapshot + tail) serves the access check, the replay answer and the decision.
  const loaded = await loadState(store, streamId, options);
  await options.authorize?.(loaded);
  const key = context.idempotencyKey ? actorKey(context.actor, context.idempotencyKey) : undefined;
  if (!key) return decideAndAppend(store, streamId, decide, options, loaded);
  // When the whole stream was read (no snapshot), the key's events in this stream are among those read,
  // and a key bound to another stream is refused by the append (its first event id is taken): no lookup.
  const whole = loaded.events.length === loaded.version + 1;
  const replay = whole ? replayInLoaded(streamId, key, options, loaded) : await replayOf(store, streamId, key, options, loaded);
  if (replay) return replay;
  try {
    const result = await decideAndAppend(store, streamId, decide, options, loaded, key);
    // Nothing appended, so nothing tried the key: a key bound elsewhere must still be refused.
    if (whole && result.events.length === 0) return (await replayOf(store, streamId, key, options, loaded)) ?? result;
    return result;
  } catch (e) {
    // A twin of this request (same key) may have been appended since we looked: its result is ours.
    const late = await replayOf(store, streamId, key, options);
    if (late) return late;
    throw e;
  }
}

async function decideAndAppend<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decide: (state: State) => Event | Event[],
  options: HandleCommandOptions<State, Event>,
  loaded: LoadedState<State>,
  key?: string,
): Promise<CommandResult<State>> {
  const { context } = options;
  // If-Match is checked before the decision: a client who saw another version gets 412, not an answer
  // about a state it has not seen.
  if (typeof options.expected === 'number' && options.expected !== loaded.version) {
    throw new PreconditionFailedError(new WrongExpectedVersionError(streamId, options.expected, loaded.version));
  }
  const decided = decide(loaded.state);
  const events = Array.isArray(decided) ? decided : [decided];
  if (events.length === 0) return { state: loaded.state, version: loaded.version, events: [], alreadyHandled: false };

  const newEvents = events.map((e, i) => ({
    id: key ? keyedEventId(streamId, key, i) : randomUUID(),
    type: e.type,
    data: e.data,
    metadata: {
      actor: context.actor,
      occurredAt: context.now.toISOString(),
      correlationId: context.correlationId,
      causationId: context.causationId,
      ...(key && context.requestFingerprint ? { requestFingerprint: context.requestFingerprint } : {}),
    },
  }));
  const expected: ExpectedVersion = options.expected ?? (loaded.version < 0 ? 'no_stream' : loaded.version);
  let result;
  try {
    result = await store.appendToStream(streamId, newEvents, { expected, trace: context.trace, answer: true });
  } catch (e) {
    if (e instanceof WrongExpectedVersionError && options.expected !== undefined) throw new PreconditionFailedError(e);
    throw e;
  }
  const state = foldEvents(options.evolve, loaded.state, events);

  const snap = options.snapshots;
  // Each time the version crosses a multiple of `every` — not at the stream's first event, which any load reads anyway.
  if (snap && Math.floor(result.nextExpectedVersion / snap.every) > Math.floor(Math.max(loaded.version, 0) / snap.every)) {
    await snap.store.save({
      streamId,
      streamVersion: result.nextExpectedVersion,
      stateVersion: snap.stateVersion,
      state: snap.toJson ? snap.toJson(state) : state,
    });
  }
  // The store answers with what it stored; a store that does not (or an idempotent retry) is read back.
  const appended =
    result.recorded?.length === newEvents.length
      ? result.recorded
      : (await store.readStream(streamId, { fromVersion: result.nextExpectedVersion - newEvents.length + 1 })).events.slice(
          0,
          newEvents.length,
        );
  return { state, version: result.nextExpectedVersion, events: appended, alreadyHandled: result.alreadyAppended };
}

/**
 * The whole stream after a command, from the events it was decided on (a load from the first event,
 * without a snapshot) and those it appended; undefined when they do not add up to the command's version
 * (a retry answered with a twin's result appended after the load): then read the stream.
 */
export function streamAfter<State>(before: RecordedEvent[], result: CommandResult<State>): RecordedEvent[] | undefined {
  const events = result.alreadyHandled ? before : [...before, ...result.events];
  const contiguous = events.every((e, i) => e.streamVersion === i);
  return contiguous && events.length - 1 === result.version ? events : undefined;
}

/** The first result of this key, when the key is bound already: the same request's, or a refusal. */
async function replayOf<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  key: string,
  options: HandleCommandOptions<State, Event>,
  loaded?: LoadedState<State>,
): Promise<CommandResult<State> | undefined> {
  const found = await findKeyed(store, streamId, key);
  if (!found) return undefined;
  refuseReuse(streamId, options, found);
  // The state loaded for this command serves, unless the key's events were appended after it was read.
  const fresh = loaded && found.events.every((e) => e.streamVersion <= loaded.version);
  const current = fresh ? loaded : await loadState(store, streamId, options);
  return { state: current.state, version: current.version, events: found.events, alreadyHandled: true };
}

/** {@link replayOf} when the command loaded the whole stream: the key's events in it are among those read. */
function replayInLoaded<State, Event extends DomainEvent>(
  streamId: string,
  key: string,
  options: HandleCommandOptions<State, Event>,
  loaded: LoadedState<State>,
): CommandResult<State> | undefined {
  const firstId = keyedEventId(streamId, key, 0);
  const start = loaded.events.findIndex((e) => e.id === firstId);
  if (start < 0) return undefined;
  const found = { streamId, events: collect(loaded.events.slice(start), streamId, key) };
  refuseReuse(streamId, options, found);
  return { state: loaded.state, version: loaded.version, events: found.events, alreadyHandled: true };
}

/** A key bound to another stream, or to another request (its fingerprint), is refused. */
function refuseReuse<State, Event extends DomainEvent>(
  streamId: string,
  options: HandleCommandOptions<State, Event>,
  found: { streamId: string; events: RecordedEvent[] },
): void {
  const fingerprint = options.context.requestFingerprint;
  const stored = found.events[0].metadata.requestFingerprint;
  if (found.streamId !== streamId || (fingerprint !== undefined && typeof stored === 'string' && stored !== fingerprint)) {
    throw new IdempotencyKeyReusedError(streamId);
  }
}

/**
 * The id of a new record. With an Idempotency-Key the same client request always names the same
 * record (so a retry finds the first result); without one, a fresh id.
 */
export function newRecordId(kind: string, actor: string, idempotencyKey?: string): string {
  return idempotencyKey ? idempotentEventId(`${kind}:${actor}`, idempotencyKey, 0) : randomUUID();
}

/** An idempotency key as the actor's own (see {@link CommandContext.idempotencyKey}). */
export function actorKey(actor: string, idempotencyKey: string): string {
  return `${actor}\u0000${idempotencyKey}`;
}

/**
 * The id of the `index`th event a keyed command appends. The first one is the key's own (one per actor
 * and key, whatever the stream): the store's unique event ids make it the key's claim.
 */
function keyedEventId(streamId: string, key: string, index: number): string {
  return index === 0 ? idempotentEventId('idempotency-key', key, 0) : idempotentEventId(streamId, key, index);
}

/** The events a key appended, and where; looked up by id when the store indexes ids, else in this stream. */
async function findKeyed(
  store: EventStore,
  streamId: string,
  key: string,
): Promise<{ streamId: string; events: RecordedEvent[] } | undefined> {
  const firstId = keyedEventId(streamId, key, 0);
  if (!store.findEvent) {
    const { events } = await store.readStream(streamId);
    const start = events.findIndex((e) => e.id === firstId);
    return start < 0 ? undefined : { streamId, events: collect(events.slice(start), streamId, key) };
  }
  const found = await store.findEvent(firstId);
  if (!found) return undefined;
  const { events } = await store.readStream(found.streamId, { fromVersion: found.streamVersion });
  return { streamId: found.streamId, events: collect(events, found.streamId, key) };
}

function collect(events: RecordedEvent[], streamId: string, key: string): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  for (const e of events) {
    if (e.id !== keyedEventId(streamId, key, out.length)) break;
    out.push(e);
  }
  return out;
}
