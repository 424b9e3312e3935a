import { randomUUID } from 'node:crypto';
import { custodyTransferredV1Fixture, CustodyTransferredV1, itemRegisteredV1Fixture, ItemRegisteredV1 } from '@police/contracts';
import { GlobalPosition, InMemoryEventStore, LeaseHolding, LeaseLostError, Leases, NewEvent, RecordedEvent } from '@police/event-store';
import { eventually } from '@police/testing';
import { InMemoryCheckpointStore } from './checkpoints';
import { InProcessMessageBus } from './in-process-message-bus';
import { IncomingMessage, publicMessage, PublicMessage } from './message';
import { ContractViolationError, Relay, RelayOptions, startRelay } from './relay';

const TOPIC = 'evidence.public.v1';
const ITEM = 'item-e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b';

function event(type: string, data: object, n: number): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'staff-3141', occurredAt: `2025-03-16T1${n}:00:00Z`, correlationId: 'corr-42', causationId: `cmd-${n}` },
  };
}

const registered = (n: number) => event('ItemRegistered', { ...itemRegisteredV1Fixture, labelNumber: `PACOS-${n}` }, n);
const photographed = (n: number) => event('ItemPhotographed', { photoRef: `photo-${n}` }, n);
const transferred = (n: number) => event('CustodyTransferred', { ...custodyTransferredV1Fixture, location: `room ${n}` }, n);

/** The evidence service's kind of mapping: photos stay private. */
function map(e: RecordedEvent): PublicMessage | null {
  switch (e.type) {
    case 'ItemRegistered':
      return publicMessage(e, 'evidence.ItemRegistered.v1', e.data as ItemRegisteredV1);
    case 'CustodyTransferred':
      return publicMessage(e, 'evidence.CustodyTransferred.v1', e.data as CustodyTransferredV1);
    default:
      return null;
  }
}

/** What a consumer of the bus should receive for a stored event. */
function delivered(e: RecordedEvent, type: string, offset: number): IncomingMessage {
  return {
    id: e.id,
    topic: TOPIC,
    key: e.streamId,
    type,
    payload: e.data,
    raw: JSON.stringify(e.data),
    correlationId: 'corr-42',
    causationId: e.metadata.causationId,
    partition: 0,
    offset: String(offset),
    headers: {
      'message-id': e.id,
      'message-type': type,
      'content-type': 'application/json',
      'correlation-id': 'corr-42',
      'causation-id': e.metadata.causationId,
    },
  };
}

/** One lease row shared by the replicas of a test: who holds it, with which token. */
class LeaseRow {
  holder?: string;
  token = 0;
  /** Writes the fence refused: `<replica>:<token>`. */
  readonly refused: string[] = [];
  private readonly ends = new Set<() => void>();
  private readonly waiters: (() => void)[] = [];

  /** The holder loses it (its renewals stopped): the holding ends, and a waiting replica may take it. */
  revoke(): void {
    this.holder = undefined;
    for (const end of this.ends) end();
    this.ends.clear();
    this.waiters.shift()?.();
  }

  replica(name: string): Leases {
    const take = (lease: string): LeaseHolding => {
      this.holder = name;
      const token = String(++this.token);
      const ended = new Promise<void>((resolve) => this.ends.add(resolve));
      const active = () => this.holder === name && String(this.token) === token;
      return {
        name: lease,
        token,
        ended,
        get active() {
          return active();
        },
      };
    };
    return {
      acquire: (lease) =>
        this.holder === undefined ? Promise.resolve(take(lease)) : new Promise((resolve) => this.waiters.push(() => resolve(take(lease)))),
      fence: async (_query, holding) => {
        if (holding.active) return;
        this.refused.push(`${name}:${holding.token}`);
        throw new LeaseLostError(holding.name, holding.token);
      },
    };
  }
}

describe('relay', () => {
  let store: InMemoryEventStore;
  let bus: InProcessMessageBus;
  let checkpoints: InMemoryCheckpointStore;
  let received: IncomingMessage[];
  let errors: unknown[];
  let relays: Relay[];

  const start = async (extra: Partial<RelayOptions> = {}) => {
    const relay = await startRelay({
      store,
      checkpoints,
      bus,
      map,
      name: 'evidence.public',
      topic: TOPIC,
      retry: { initialDelayMs: 1, maxDelayMs: 5 },
      onError: (e) => errors.push(e),
      ...extra,
    });
    relays.push(relay);
    return relay;
  };
  const checkpoint = () => checkpoints.load('evidence.public');
  const positionOf = (e: RecordedEvent): GlobalPosition => e.position;

  beforeEach(async () => {
    store = new InMemoryEventStore(() => new Date('2025-03-16T12:00:00Z'));
    bus = new InProcessMessageBus();
    checkpoints = new InMemoryCheckpointStore();
    received = [];
    errors = [];
    relays = [];
    await bus.subscribe({ groupId: 'investigations', topics: [TOPIC], handle: async (m) => void received.push(m) });
  });

  afterEach(async () => {
    await Promise.all(relays.map((r) => r.stop()));
  });

  it('publishes the public events in log order, keeps private ones back, and checkpoints the last event read', async () => {
    await store.appendToStream(ITEM, [registered(1), photographed(2), transferred(3), photographed(4)]);
    await start();

    const log = await store.readAll({ commit: -1n, prepare: -1n });
    await eventually(async () => expect(await checkpoint()).toEqual(positionOf(log[3])));
    expect(received).toEqual([delivered(log[0], 'evidence.ItemRegistered.v1', 0), delivered(log[2], 'evidence.CustodyTransferred.v1', 1)]);
    expect(errors).toEqual([]);
  });

  it('leaves the checkpoint when the bus refuses a batch, and publishes it again after backing off', async () => {
    let refusals = 0;
    const attempts: string[] = [];
    await bus.subscribe({
      groupId: 'integrity',
      topics: [TOPIC],
      handle: async (m) => {
        attempts.push(m.id);
        if (refusals++ === 0) throw new Error('integrity database down');
      },
    });
    await store.appendToStream(ITEM, [registered(1)]);
    const [e1] = await store.readAll({ commit: -1n, prepare: -1n });
    let checkpointAtRefusal: GlobalPosition | undefined | 'unset' = 'unset';
    await start({ onError: (e) => void (errors.push(e), checkpoints.load('evidence.public').then((c) => (checkpointAtRefusal = c))) });

    await eventually(async () => expect(await checkpoint()).toEqual(positionOf(e1)));
    // integrity takes the refused copy again, then the republished one: at least once, deduped by the inbox.
    expect({ attempts, checkpointAtRefusal, errors: errors.map((e) => (e as Error).message) }).toEqual({
      attempts: [e1.id, e1.id, e1.id],
      checkpointAtRefusal: undefined,
      errors: ['integrity database down'],
    });
    expect(received).toEqual([delivered(e1, 'evidence.ItemRegistered.v1', 0), delivered(e1, 'evidence.ItemRegistered.v1', 1)]);
  });

  it('publishes a batch again when it stopped between the acknowledgement and the checkpoint', async () => {
    await store.appendToStream(ITEM, [registered(1), transferred(2)]);
    const [e1, e2] = await store.readAll({ commit: -1n, prepare: -1n });
    let crashes = 0;
    await start({
      afterPublish: () => {
        if (crashes++ === 0) throw new Error('process killed');
      },
    });

    await eventually(async () => expect(await checkpoint()).toEqual(positionOf(e2)));
    expect({ crashes, errors: errors.map((e) => (e as Error).message) }).toEqual({ crashes: 2, errors: ['process killed'] });
    expect(received).toEqual([
      delivered(e1, 'evidence.ItemRegistered.v1', 0),
      delivered(e2, 'evidence.CustodyTransferred.v1', 1),
      delivered(e1, 'evidence.ItemRegistered.v1', 2),
      delivered(e2, 'evidence.CustodyTransferred.v1', 3),
    ]);
  });

  it('resumes after a restart from the stored checkpoint, without publishing acknowledged events again', async () => {
    await store.appendToStream(ITEM, [registered(1)]);
    const first = await start();
    const [e1] = await store.readAll({ commit: -1n, prepare: -1n });
    await eventually(async () => expect(await checkpoint()).toEqual(positionOf(e1)));
    await first.stop();

    await store.appendToStream(ITEM, [transferred(2)]);
    const [, e2] = await store.readAll({ commit: -1n, prepare: -1n });
    await start();
    await eventually(async () => expect(await checkpoint()).toEqual(positionOf(e2)));
    expect(received).toEqual([delivered(e1, 'evidence.ItemRegistered.v1', 0), delivered(e2, 'evidence.CustodyTransferred.v1', 1)]);
  });

  it('refuses to publish a mapped payload that is not a valid contract, and does not move past it', async () => {
    await store.appendToStream(ITEM, [
      registered(1),
      event('CustodyTransferred', { ...custodyTransferredV1Fixture, complainantName: 'J. Janssens' }, 2),
    ]);
    const [, leaky] = await store.readAll({ commit: -1n, prepare: -1n });
    await start();

    await eventually(() => expect(errors.length).toBeGreaterThanOrEqual(2));
    const error = errors[0] as ContractViolationError;
    expect({ name: error.name, eventId: error.eventId, type: error.type, errors: error.errors, message: error.message }).toEqual({
      name: 'ContractViolationError',
      eventId: leaky.id,
      type: 'evidence.CustodyTransferred.v1',
      errors: [{ field: 'complainantName', detail: 'property complainantName should not exist' }],
      message: `Event ${leaky.id} maps to an invalid evidence.CustodyTransferred.v1: complainantName: property complainantName should not exist`,
    });
    expect({ received, checkpoint: await checkpoint() }).toEqual({ received: [], checkpoint: undefined });
  });

  it('publishes only on the replica that holds its lease; the next holder resumes from the checkpoint, and a holder that lost the lease cannot store its checkpoint', async () => {
    const lease = new LeaseRow();
    let revokeMidBatch = false;
    const a = await start({
      leases: lease.replica('a'),
      // The lease is lost between publishing a batch and storing its checkpoint.
      afterPublish: () => {
        if (revokeMidBatch) lease.revoke();
      },
    });
    const b = await start({ leases: lease.replica('b') });
    await store.appendToStream(ITEM, [registered(1)]);
    const [e1] = await store.readAll({ commit: -1n, prepare: -1n });
    await eventually(async () => expect(await checkpoint()).toEqual(positionOf(e1)));
    expect({ a: a.status(), b: b.status(), received }).toEqual({
      a: { running: true, leased: true },
      b: { running: true, leased: false },
      received: [delivered(e1, 'evidence.ItemRegistered.v1', 0)],
    });

    revokeMidBatch = true;
    await store.appendToStream(ITEM, [transferred(2)]);
    const [, e2] = await store.readAll({ commit: -1n, prepare: -1n });
    // b took over from the checkpoint a could not move: it publishes e2 again (at least once), and e2 only.
    await eventually(async () => expect(await checkpoint()).toEqual(positionOf(e2)));
    await eventually(() => expect(b.status()).toEqual({ running: true, leased: true }));
    expect(a.status().leased).toBe(false);
    expect(received).toEqual([
      delivered(e1, 'evidence.ItemRegistered.v1', 0),
      delivered(e2, 'evidence.CustodyTransferred.v1', 1),
      delivered(e2, 'evidence.CustodyTransferred.v1', 2),
    ]);
    expect(lease.refused).toEqual(['a:1']);
  });

  it('keeps in-memory checkpoints that never move backwards', async () => {
    const store = new InMemoryCheckpointStore();
    const missing = await store.load('evidence.public');
    await store.save('evidence.public', { commit: 5n, prepare: 10n });
    await store.save('evidence.public', { commit: 5n, prepare: 9n });
    const kept = await store.load('evidence.public');
    await store.save('evidence.public', { commit: 6n, prepare: 1n });
    expect({ missing, kept, advanced: await store.load('evidence.public') }).toEqual({
      missing: undefined,
      kept: { commit: 5n, prepare: 10n },
      advanced: { commit: 6n, prepare: 1n },
    });
  });
});
