import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import { ev } from './event-store.contract';
import { GlobalPosition, RecordedEvent, START } from './event-store';
import { PostgresEventStore } from './postgres-event-store';

// The projections of a process and its relay follow the same log: woken together by an append, caught up at
// the same position, they share one read of it.
describe('PostgreSQL subscriptions woken together', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('shared');
    store = new PostgresEventStore({ pool: db.pool(4), schema: 'shared', pollIntervalMs: 60_000, notify: false, listen: false });
    // No NOTIFY and a poll once a minute: the only wake-ups are this process's appends, so the reads are countable.
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('share one read of the log, and each gets every event, in order', async () => {
    const reads: GlobalPosition[] = [];
    const readAll = store.readAll.bind(store);
    store.readAll = (from, options) => {
      reads.push(from);
      return readAll(from, options);
    };
    const seen: RecordedEvent[][] = [[], [], []];
    const batches: RecordedEvent[][][] = [[], [], []];
    const subscriptions = seen.map((into, i) =>
      store.subscribeToAll(START, {
        batchSize: 500,
        handle: async (events) => {
          batches[i].push(events);
          into.push(...events);
        },
      }),
    );
    try {
      await eventually(() => expect(reads.length).toBeGreaterThan(0));
      const first = await store.appendToStream('item-1', [ev('Registered', { n: 1 })]);
      await eventually(() => expect(seen.map((s) => s.length)).toEqual([1, 1, 1]));
      // The three started together (one read), and were woken together by the append (one more).
      expect(reads).toHaveLength(2);

      const more = await store.appendToStream('item-2', [ev('Registered', { n: 2 }), ev('Sealed', { n: 3 })]);
      await eventually(() => expect(seen.map((s) => s.length)).toEqual([3, 3, 3]));
      expect(reads).toHaveLength(3);
      for (const s of seen) {
        expect(s.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
        expect(s[0].position).toEqual(first.position);
        expect(s[2].position).toEqual(more.position);
      }
      // The same batches, each reader its own array of them.
      expect(batches.map((b) => b.length)).toEqual([2, 2, 2]);
      for (const k of [0, 1]) expect(new Set(batches.map((b) => b[k])).size).toBe(3);
    } finally {
      await Promise.all(subscriptions.map((s) => s.stop()));
    }
  });
});
