import { DomainError, IdempotencyKeyReusedError, WrongExpectedVersionError } from './errors';
import { actorKey, handleCommand, HandleCommandOptions, idempotentEventId, loadState, PreconditionFailedError } from './command-handler';
import { InMemoryEventStore } from './in-memory-event-store';
import { InMemorySnapshotStore } from './snapshots';

type Event =
  { type: 'Opened'; data: { by: string } } | { type: 'Noted'; data: { text: string } } | { type: 'Closed'; data: { reason: string } };
type State = { status: 'none' } | { status: 'open' | 'closed'; notes: string[] };

const evolve = (s: State, e: Event): State => {
  switch (e.type) {
    case 'Opened':
      return { status: 'open', notes: [] };
    case 'Noted':
      return s.status === 'none' ? s : { ...s, notes: [...s.notes, e.data.text] };
    case 'Closed':
      return s.status === 'none' ? s : { ...s, status: 'closed' };
  }
};
const initialState = (): State => ({ status: 'none' });
const context = (n = 0, idempotencyKey?: string, requestFingerprint?: string) => ({
  actor: 'staff-42',
  now: new Date(Date.UTC(2026, 10, 2, 10, 0, n)),
  correlationId: `corr-${n}`,
  causationId: `cmd-${n}`,
  idempotencyKey,
  requestFingerprint,
});
const opts = (n = 0, extra: Partial<HandleCommandOptions<State, Event>> = {}): HandleCommandOptions<State, Event> => ({
  evolve,
  initialState,
  context: context(n),
  ...extra,
});

const open = (s: State): Event => {
  if (s.status !== 'none') throw new DomainError('already_open', 'The case is already open');
  return { type: 'Opened', data: { by: 'staff-42' } };
};
const note =
  (text: string) =>
  (s: State): Event => {
    if (s.status !== 'open') throw new DomainError('not_open', 'Only an open case takes notes');
    return { type: 'Noted', data: { text } };
  };

describe('handleCommand', () => {
  it('loads, decides and appends with metadata from the command context', async () => {
    const store = new InMemoryEventStore(() => new Date(Date.UTC(2026, 10, 2, 10, 0, 5)));
    const result = await handleCommand(store, 'case-1', open, opts(1));
    expect(result.state).toEqual({ status: 'open', notes: [] });
    expect(result.version).toBe(0);
    expect(result.alreadyHandled).toBe(false);
    expect(
      result.events.map(({ type, data, metadata, streamId, streamVersion }) => ({ type, data, metadata, streamId, streamVersion })),
    ).toEqual([
      {
        type: 'Opened',
        data: { by: 'staff-42' },
        metadata: { actor: 'staff-42', occurredAt: '2026-11-02T10:00:01.000Z', correlationId: 'corr-1', causationId: 'cmd-1' },
        streamId: 'case-1',
        streamVersion: 0,
      },
    ]);
  });

  it('appends nothing when decide refuses', async () => {
    const store = new InMemoryEventStore();
    await expect(handleCommand(store, 'case-2', note('x'), opts())).rejects.toMatchObject({ code: 'not_open', status: 409 });
    expect((await store.readStream('case-2')).currentVersion).toBe(-1);
  });

  it('appends nothing when decide returns no events', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'case-3', open, opts());
    const result = await handleCommand(store, 'case-3', () => [], opts());
    expect(result).toMatchObject({ version: 0, events: [], alreadyHandled: false });
  });

  it('turns a lost race into WrongExpectedVersionError, and a stale If-Match into PreconditionFailedError', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'case-4', open, opts());
    // A competitor appends between our load and our append.
    const racing = handleCommand(
      store,
      'case-4',
      (s) => {
        void store.appendToStream('case-4', [
          {
            id: '00000000-0000-4000-8000-000000000001',
            type: 'Noted',
            data: { text: 'first' },
            metadata: { actor: 'staff-7', occurredAt: '2026-11-02T10:00:00.000Z', correlationId: 'c-7', causationId: 'c-7' },
          },
        ]);
        return note('second')(s);
      },
      opts(),
    );
    await expect(racing).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(racing).rejects.not.toBeInstanceOf(PreconditionFailedError);

    const stale = handleCommand(store, 'case-4', note('late'), opts(0, { expected: 0 }));
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(stale).rejects.toMatchObject({ expected: 0, actual: 1 });
    expect((await store.readStream('case-4')).events.map((e) => e.data)).toEqual([{ by: 'staff-42' }, { text: 'first' }]);
  });

  it('answers a repeated idempotency key with the first result, however late', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'case-5', open, opts());
    const first = await handleCommand(store, 'case-5', note('seal intact'), { ...opts(1), context: context(1, 'key-abc') });
    await handleCommand(store, 'case-5', note('later note'), opts(2));
    const again = await handleCommand(store, 'case-5', note('seal intact'), { ...opts(3), context: context(3, 'key-abc') });
    expect(again.alreadyHandled).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(first.events[0].id).toBe(idempotentEventId('idempotency-key', actorKey('staff-42', 'key-abc'), 0));
    expect((await store.readStream('case-5')).events.map((e) => e.type)).toEqual(['Opened', 'Noted', 'Noted']);
  });

  it("stores the request fingerprint with a keyed command's events, and refuses the key with another request", async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'case-10', open, opts());
    const first = await handleCommand(store, 'case-10', note('seal intact'), { ...opts(1), context: context(1, 'key-fp', 'fp-1') });
    expect(first.events.map((e) => e.metadata)).toEqual([
      {
        actor: 'staff-42',
        occurredAt: '2026-11-02T10:00:01.000Z',
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        requestFingerprint: 'fp-1',
      },
    ]);
    const same = await handleCommand(store, 'case-10', note('seal intact'), { ...opts(2), context: context(2, 'key-fp', 'fp-1') });
    expect(same).toMatchObject({ alreadyHandled: true, events: first.events });
    await expect(
      handleCommand(store, 'case-10', note('seal broken'), { ...opts(3), context: context(3, 'key-fp', 'fp-2') }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    // …and on another record, whatever the request says: a key names one request.
    await handleCommand(store, 'case-11', open, opts());
    await expect(
      handleCommand(store, 'case-11', note('seal intact'), { ...opts(4), context: context(4, 'key-fp', 'fp-1') }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect((await store.readStream('case-10')).events.map((e) => e.data)).toEqual([{ by: 'staff-42' }, { text: 'seal intact' }]);
    expect((await store.readStream('case-11')).events.map((e) => e.data)).toEqual([{ by: 'staff-42' }]);
  });

  it("answers twins sent at once (same key, same request) with the first one's result, never a conflict", async () => {
    const inner = new InMemoryEventStore();
    await handleCommand(inner, 'case-12', open, opts());
    // Every twin has loaded and decided before any of them appends: all but one lose the race.
    let arrived = 0;
    let openGate!: () => void;
    const gate = new Promise<void>((r) => (openGate = r));
    const store = new Proxy(inner, {
      get(target, prop) {
        if (prop === 'appendToStream') {
          return async (...args: Parameters<InMemoryEventStore['appendToStream']>) => {
            if (++arrived === 5) openGate();
            await gate;
            return target.appendToStream(...args);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const twins = Array.from({ length: 5 }, (_, i) =>
      handleCommand(store, 'case-12', note('seal intact'), { ...opts(i), context: context(i, 'key-twin', 'fp-twin'), expected: 0 }),
    );
    const results = await Promise.all(twins);
    expect(results.filter((r) => !r.alreadyHandled)).toHaveLength(1);
    const firstEvents = results.find((r) => !r.alreadyHandled)!.events;
    for (const r of results) expect(r.events).toEqual(firstEvents);
    expect(arrived).toBe(5);
    expect((await inner.readStream('case-12')).events.map((e) => e.type)).toEqual(['Opened', 'Noted']);
  });

  it("keeps idempotency keys per actor: another actor's request with the same key is appended, not taken as a replay", async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'case-6', open, opts());
    const mine = await handleCommand(store, 'case-6', note('mine'), { ...opts(1), context: context(1, 'key-abc') });
    const theirs = await handleCommand(store, 'case-6', note('theirs'), {
      ...opts(2),
      context: { ...context(2, 'key-abc'), actor: 'staff-77' },
    });
    expect(theirs.alreadyHandled).toBe(false);
    expect(theirs.events[0].id).not.toBe(mine.events[0].id);
    expect((await store.readStream('case-6')).events.map((e) => [e.data, e.metadata.actor])).toEqual([
      [{ by: 'staff-42' }, 'staff-42'],
      [{ text: 'mine' }, 'staff-42'],
      [{ text: 'theirs' }, 'staff-77'],
    ]);
  });

  it('derives RFC 4122-shaped ids that differ per stream, key and index', () => {
    const ids = [
      idempotentEventId('a', 'k', 0),
      idempotentEventId('a', 'k', 1),
      idempotentEventId('b', 'k', 0),
      idempotentEventId('a', 'j', 0),
    ];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(4);
    expect(idempotentEventId('a', 'k', 0)).toBe(ids[0]);
  });

  it('upcasts stored events of an older shape before folding', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('case-6', [
      {
        id: '00000000-0000-4000-8000-000000000010',
        type: 'Opened',
        data: { by: 'x' },
        metadata: { actor: 'a', occurredAt: '2026-01-01T00:00:00Z', correlationId: 'c', causationId: 'c' },
      },
      {
        id: '00000000-0000-4000-8000-000000000011',
        type: 'NoteAdded',
        data: { note: 'legacy' },
        metadata: { actor: 'a', occurredAt: '2026-01-01T00:00:00Z', correlationId: 'c', causationId: 'c' },
      },
    ]);
    const upcast = (e: { type: string; data: unknown }): Event =>
      e.type === 'NoteAdded' ? { type: 'Noted', data: { text: (e.data as { note: string }).note } } : (e as Event);
    const { state, version } = await loadState(store, 'case-6', { evolve, initialState, upcast });
    expect(state).toEqual({ status: 'open', notes: ['legacy'] });
    expect(version).toBe(1);
  });

  it('takes snapshots as the stream grows and loads from them to the same state', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new InMemorySnapshotStore();
    const policy = { store: snapshots, every: 10, stateVersion: 'v1' };
    await handleCommand(store, 'case-7', open, opts(0, { snapshots: policy }));
    // Not at the first event: a new stream is read whole anyway, and a snapshot there would cost a write per record created.
    expect(await snapshots.load('case-7')).toBeUndefined();
    for (let i = 0; i < 24; i++) await handleCommand(store, 'case-7', note(`n${i}`), opts(i, { snapshots: policy }));
    expect(await snapshots.load('case-7')).toEqual({
      streamId: 'case-7',
      streamVersion: 20,
      stateVersion: 'v1',
      state: { status: 'open', notes: Array.from({ length: 20 }, (_, i) => `n${i}`) },
    });
    const fromSnapshot = await loadState(store, 'case-7', { evolve, initialState, snapshots: policy });
    const fromScratch = await loadState(store, 'case-7', { evolve, initialState });
    expect(fromSnapshot.state).toEqual(fromScratch.state);
    expect(fromSnapshot.version).toBe(24);
    expect(fromSnapshot.events.map((e) => e.streamVersion)).toEqual([21, 22, 23, 24]);

    // A snapshot of another state shape is ignored.
    const v2 = await loadState(store, 'case-7', { evolve, initialState, snapshots: { ...policy, stateVersion: 'v2' } });
    expect(v2.events).toHaveLength(25);
    expect(v2.state).toEqual(fromScratch.state);
  });

  it('loads a stream as it stood at a point in time', async () => {
    let now = new Date(Date.UTC(2026, 10, 2, 9));
    const store = new InMemoryEventStore(() => now);
    await handleCommand(store, 'case-8', open, opts());
    now = new Date(Date.UTC(2026, 10, 2, 11));
    await handleCommand(store, 'case-8', note('after ten'), opts());
    const atTen = await loadState(store, 'case-8', { evolve, initialState, asOf: new Date(Date.UTC(2026, 10, 2, 10)) });
    expect(atTen).toMatchObject({ state: { status: 'open', notes: [] }, version: 0 });
  });

  it('checks If-Match before deciding: a client who saw another version gets 412, not a domain answer', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'case-9', open, opts());
    await handleCommand(store, 'case-9', note('first'), opts());
    let decided = false;
    const stale = handleCommand(
      store,
      'case-9',
      (s) => {
        decided = true;
        return open(s);
      },
      opts(0, { expected: 0 }),
    );
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(stale).rejects.toMatchObject({ expected: 0, actual: 1 });
    expect(decided).toBe(false);
  });
});
