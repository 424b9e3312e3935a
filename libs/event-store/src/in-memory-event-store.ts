import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  GlobalPosition,
  LogPage,
  NewEvent,
  ReadAllOptions,
  ReadLogOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  VerificationResult,
  comparePositions,
} from './event-store';
import { canonicalJson, contentHash, linkHash, ZERO_HASH } from './hashing';
import { pollingSubscription } from './subscription';
import { verifyChain } from './verify';
import { DataKeyDestroyedError, EventEncryption, InMemoryDataKeyStore } from './crypto-shredding';

/**
 * An event store in memory, for domain-level tests and tools. Same contract as the others; events are
 * deep-copied through JSON on the way in and out, as a real store would.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly wakers = new Set<() => void>();

  /** The data keys of crypto-shredding, when the store has an encryption policy (ADR 0053). */
  readonly dataKeys = new InMemoryDataKeyStore();

  constructor(
    private readonly clock: () => Date = () => new Date(),
    private readonly encryption?: EventEncryption,
  ) {}

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    const expected = options.expected ?? 'any';
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length - 1;
    let sealed = events;
    if (this.encryption) {
      try {
        sealed = await this.encryption.seal(events, this.dataKeys);
      } catch (e) {
        const before = events.map((x) => this.byId.get(x.id));
        if (!(e instanceof DataKeyDestroyedError) || !before.every((r) => r?.streamId === streamId)) throw e;
        const last = before[before.length - 1]!;
        return { nextExpectedVersion: last.streamVersion, position: last.position, alreadyAppended: true };
      }
      for (const d of this.encryption.destructions(events)) {
        await this.dataKeys.destroy(d);
        this.encryption.forget(d.keyId);
      }
    }
    const copies = sealed.map((e) => JSON.parse(canonicalJson({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })) as NewEvent);
    const hashes = copies.map((e) => contentHash({ ...e, streamId }));

    const existing = copies.map((e) => this.byId.get(e.id));
    if (existing.some(Boolean)) {
      const same = existing.every((r, i) => r && r.streamId === streamId && r.contentHash === hashes[i]);
      if (!same) throw new DuplicateEventIdError(copies[existing.findIndex(Boolean)].id);
      const last = existing[existing.length - 1]!;
      return { nextExpectedVersion: last.streamVersion, position: last.position, alreadyAppended: true };
    }
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === -1) ||
      (expected === 'stream_exists' && current >= 0) ||
      (typeof expected === 'number' && current === expected);
    if (!ok) throw new WrongExpectedVersionError(streamId, expected, current);

    let prev = stream.length > 0 ? stream[stream.length - 1].hash : ZERO_HASH;
    const recordedAt = this.clock().toISOString();
    const recorded = copies.map((e, i) => {
      const seq = BigInt(this.log.length + i);
      const hash = linkHash(prev, hashes[i]);
      const r: RecordedEvent = {
        ...e,
        streamId,
        streamVersion: current + 1 + i,
        position: { commit: seq, prepare: seq },
        recordedAt,
        prevHash: prev,
        contentHash: hashes[i],
        hash,
      };
      prev = hash;
      return r;
    });
    this.log.push(...recorded);
    this.streams.set(streamId, [...stream, ...recorded]);
    for (const r of recorded) this.byId.set(r.id, r);
    for (const wake of this.wakers) wake();
    const last = recorded[recorded.length - 1];
    return { nextExpectedVersion: last.streamVersion, position: last.position, alreadyAppended: false };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const stream = this.streams.get(streamId) ?? [];
    const events = stream.filter(
      (e) =>
        e.streamVersion >= (options.fromVersion ?? 0) &&
        (options.toVersion === undefined || e.streamVersion <= options.toVersion) &&
        (!options.asOf || new Date(e.recordedAt).getTime() <= options.asOf.getTime()),
    );
    return { events: await this.opened(events.map(copy)), currentVersion: stream.length - 1 };
  }

  private async opened(events: RecordedEvent[], only?: readonly string[]): Promise<RecordedEvent[]> {
    return this.encryption ? this.encryption.open(events, this.dataKeys, only) : events;
  }

  async readAll(from: GlobalPosition, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? 1000;
    const start = this.log.findIndex((e) => comparePositions(e.position, from) > 0);
    return start < 0 ? [] : this.opened(this.log.slice(start, start + limit).map(copy), options.open);
  }

  async readLog(from: GlobalPosition, options: ReadLogOptions = {}): Promise<LogPage> {
    const limit = options.limit ?? 1000;
    const types = options.types && new Set(options.types);
    const found: RecordedEvent[] = [];
    let through = from;
    for (const e of this.log) {
      if (comparePositions(e.position, from) <= 0) continue;
      if (!types || types.has(e.type)) found.push(copy(e));
      through = e.position;
      if (found.length === limit) break;
    }
    return { events: await this.opened(found, options.open), through, ...(options.sealedToo && { sealed: found }) };
  }

  subscribeToAll(from: GlobalPosition, options: SubscribeOptions): Subscription {
    return pollingSubscription({
      from,
      read: (pos, limit) => this.readAll(pos, { limit, open: options.open }),
      handle: options.handle,
      onError: options.onError,
      backoff: options.backoff,
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      onWake: (wake) => {
        this.wakers.add(wake);
        return () => this.wakers.delete(wake);
      },
    });
  }

  async findEvent(eventId: string): Promise<{ streamId: string; streamVersion: number } | undefined> {
    const e = this.byId.get(eventId);
    return e && { streamId: e.streamId, streamVersion: e.streamVersion };
  }

  async verifyStream(streamId: string): Promise<VerificationResult> {
    return verifyChain((this.streams.get(streamId) ?? []).map(copy));
  }

  /** The events of a stream as stored (sensitive fields sealed): what someone with the database in hand reads. */
  storedStream(streamId: string): RecordedEvent[] {
    return (this.streams.get(streamId) ?? []).map(copy);
  }

  /** Test hook: replaces a stored event's data in place, as an attacker with database access could. */
  tamper(streamId: string, version: number, data: unknown): void {
    const e = this.streams.get(streamId)?.[version];
    if (!e) throw new Error(`No event ${streamId}@${version}`);
    e.data = data;
  }

  async close(): Promise<void> {
    this.wakers.clear();
  }
}

function copy(e: RecordedEvent): RecordedEvent {
  return { ...e, data: structuredClone(e.data), metadata: structuredClone(e.metadata), position: { ...e.position } };
}
