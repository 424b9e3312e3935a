import { aggregate, AggregateCommands } from './aggregate';
import { streamAfter } from './command-handler';
import { DomainError } from './errors';
import { ReadStreamOptions } from './event-store';
import { InMemoryEventStore } from './in-memory-event-store';
import { InMemorySnapshotStore } from './snapshots';

type Actor = { staffId: string; desk?: boolean };
type Metadata = { actor: Actor; now: Date };
type Command = { type: 'Open'; data: { title: string }; metadata: Metadata } | { type: 'Note'; data: { text: string }; metadata: Metadata };
type Event =
  | { type: 'Opened'; data: { title: string; by: string } }
  | { type: 'Noted'; data: { text: string; by: string; desk: boolean; at: string } };
type State = { status: 'none' } | { status: 'open'; title: string; notes: string[] };

const cases = aggregate<State, Event, Command, Actor>({
  stream: (id) => `case-${id}`,
  initialState: () => ({ status: 'none' }),
  evolve: (s, e) =>
    e.type === 'Opened'
      ? { status: 'open', title: e.data.title, notes: [] }
      : s.status === 'open'
        ? { ...s, notes: [...s.notes, e.data.text] }
        : s,
  decide: (s, c) => {
    switch (c.type) {
      case 'Open':
        if (s.status !== 'none') throw new DomainError('already_open', 'The case is already open');
        return { type: 'Opened', data: { title: c.data.title, by: c.metadata.actor.staffId } };
      case 'Note':
        if (s.status !== 'open') throw new DomainError('not_open', 'Only an open case takes notes');
        return {
          type: 'Noted',
          data: { text: c.data.text, by: c.metadata.actor.staffId, desk: c.metadata.actor.desk === true, at: c.metadata.now.toISOString() },
        };
    }
  },
  snapshots: { every: 5, stateVersion: 'case-v1' },
});

/** The in-memory store, counting the reads of each stream. */
class CountingStore extends InMemoryEventStore {
  readonly reads: string[] = [];
  override readStream(streamId: string, options?: ReadStreamOptions) {
    this.reads.push(streamId);
    return super.readStream(streamId, options);
  }
}

const ctx = (n: number, extra: object = {}) => ({
  actor: { staffId: 'staff-1' },
  now: new Date(Date.UTC(2026, 11, 1, 9, 0, n)),
  correlationId: `corr-${n}`,
  causationId: `cause-${n}`,
  ...extra,
});

describe('AggregateCommands', () => {
  it('adds the metadata to the command, decides on the loaded state and appends with the request metadata', async () => {
    const store = new CountingStore();
    const commands = new AggregateCommands(cases, store);
    await commands.handle('1', { type: 'Open', data: { title: 'Burglary' } }, ctx(1));
    const result = await commands.handle(
      '1',
      { type: 'Note', data: { text: 'seen' } },
      ctx(2, { actorFor: (s: State) => ({ staffId: 'staff-1', desk: s.status === 'open' }) }),
    );
    expect(result.state).toEqual({ status: 'open', title: 'Burglary', notes: ['seen'] });
    expect(result.events.map(({ type, data, metadata }) => ({ type, data, metadata }))).toEqual([
      {
        type: 'Noted',
        data: { text: 'seen', by: 'staff-1', desk: true, at: '2026-12-01T09:00:02.000Z' },
        metadata: { actor: 'staff-1', occurredAt: '2026-12-01T09:00:02.000Z', correlationId: 'corr-2', causationId: 'cause-2' },
      },
    ]);
  });

  it('runs the access check on the state it loads, before deciding, with one read of the stream', async () => {
    const store = new CountingStore();
    const commands = new AggregateCommands(cases, store);
    await commands.handle('2', { type: 'Open', data: { title: 'Theft' } }, ctx(1));
    store.reads.length = 0;
    const seen: { status: string; version: number; events: number }[] = [];
    await commands.handle(
      '2',
      { type: 'Note', data: { text: 'a' } },
      { ...ctx(2), authorize: (l) => void seen.push({ status: l.state.status, version: l.version, events: l.events.length }) },
    );
    expect(seen).toEqual([{ status: 'open', version: 0, events: 1 }]);
    // The load; the other read is of the appended events only (the command's result).
    expect(store.reads).toEqual(['case-2', 'case-2']);
    expect((await store.readStream('case-2')).currentVersion).toBe(1);
  });

  it('appends nothing when the access check refuses, and refuses before the idempotency key or If-Match are looked at', async () => {
    const store = new CountingStore();
    const commands = new AggregateCommands(cases, store);
    await commands.handle('3', { type: 'Open', data: { title: 'Fraud' } }, ctx(1, { idempotencyKey: 'k-1' }));
    const refuse = () => {
      throw new DomainError('forbidden', 'Not yours', 403);
    };
    await expect(
      commands.handle('3', { type: 'Open', data: { title: 'Fraud' } }, { ...ctx(1, { idempotencyKey: 'k-1' }), authorize: refuse }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      commands.handle('3', { type: 'Note', data: { text: 'x' } }, { ...ctx(2), expected: 7, authorize: refuse }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await store.readStream('case-3')).currentVersion).toBe(0);
  });

  it('answers an idempotent retry with the first result from the same load', async () => {
    const store = new CountingStore();
    const commands = new AggregateCommands(cases, store);
    await commands.handle('4', { type: 'Open', data: { title: 'Arson' } }, ctx(1));
    const first = await commands.handle('4', { type: 'Note', data: { text: 'once' } }, ctx(2, { idempotencyKey: 'k-4' }));
    const again = await commands.handle('4', { type: 'Note', data: { text: 'once' } }, ctx(3, { idempotencyKey: 'k-4' }));
    expect(again).toMatchObject({ alreadyHandled: true, version: first.version, state: first.state });
    expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(streamAfter((await store.readStream('case-4')).events, again)?.length).toBe(2);
  });

  it('loads from a snapshot and gives the access check the tail only', async () => {
    const store = new CountingStore();
    const snapshots = new InMemorySnapshotStore();
    const commands = new AggregateCommands(cases, store, snapshots);
    await commands.handle('5', { type: 'Open', data: { title: 'Assault' } }, ctx(0));
    for (let i = 1; i <= 6; i++) await commands.handle('5', { type: 'Note', data: { text: `n${i}` } }, ctx(i));
    expect(await snapshots.load('case-5')).toMatchObject({ streamVersion: 5, stateVersion: 'case-v1' });
    const tails: number[][] = [];
    const result = await commands.handle(
      '5',
      { type: 'Note', data: { text: 'n7' } },
      { ...ctx(7), authorize: (l) => void tails.push(l.events.map((e) => e.streamVersion)) },
    );
    expect(tails).toEqual([[6]]);
    expect(result.state).toEqual({ status: 'open', title: 'Assault', notes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'] });
    expect((await commands.load('5')).state).toEqual(result.state);
    // On another store (a consumer's transaction) no snapshot is read or taken.
    const onOther = commands.on(store);
    const full: number[] = [];
    await onOther.handle('5', { type: 'Note', data: { text: 'n8' } }, { ...ctx(8), authorize: (l) => void full.push(l.events.length) });
    expect(full).toEqual([8]);
  });

  it('says when the events of a command do not add up to its version', async () => {
    const store = new InMemoryEventStore();
    const commands = new AggregateCommands(cases, store);
    const opened = await commands.handle('6', { type: 'Open', data: { title: 'Vandalism' } }, ctx(1));
    expect(streamAfter([], opened)?.map((e) => e.streamVersion)).toEqual([0]);
    const noted = await commands.handle('6', { type: 'Note', data: { text: 'x' } }, ctx(2));
    expect(streamAfter([], noted)).toBeUndefined();
  });
});
