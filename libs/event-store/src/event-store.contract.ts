import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import { comparePositions, EventStore, NewEvent, readLog, RecordedEvent, START } from './event-store';

export interface ContractHarness {
  store: EventStore;
  /**
   * Overwrites the data of a stored event behind the store's back (an attacker with database access).
   * Absent for a store whose events are physically immutable (see `capabilities.tamperInPlace`).
   */
  tamper?(streamId: string, version: number, data: unknown): Promise<void>;
  teardown(): Promise<void>;
}

const metadata = (n = 0) => ({
  actor: 'staff-1001',
  occurredAt: new Date(Date.UTC(2026, 10, 1, 9, 0, n)).toISOString(),
  correlationId: 'corr-1',
  causationId: 'cmd-1',
});

export function ev(type: string, data: Record<string, unknown>, n = 0): NewEvent {
  return { id: randomUUID(), type, data, metadata: metadata(n) };
}

function stream(): string {
  return `contract-${randomUUID()}`;
}

/** The one contract every EventStore adapter passes; `makeHarness` gives a fresh, empty store. */
export function eventStoreContract(
  adapter: string,
  makeHarness: () => Promise<ContractHarness>,
  /**
   * tamperInPlace: stored events can be edited behind the store's back (false for KurrentDB, whose
   * events are immutable). eventIdsUniqueAcrossStreams: the store refuses an id reused in another
   * stream (false for KurrentDB, which has no global index of ids).
   */
  capabilities: { tamperInPlace: boolean; eventIdsUniqueAcrossStreams: boolean } = {
    tamperInPlace: true,
    eventIdsUniqueAcrossStreams: true,
  },
): void {
  // Cases an adapter cannot have are left out of its contract, not skipped: they do not exist for it.
  const crossStream = capabilities.eventIdsUniqueAcrossStreams ? it : undefined;
  describe(`EventStore contract: ${adapter}`, () => {
    let h: ContractHarness;
    let store: EventStore;
    beforeAll(async () => {
      h = await makeHarness();
      store = h.store;
    });
    afterAll(async () => {
      await h.teardown();
    });

    it('appends to a new stream and reads back every field of every event in order', async () => {
      const s = stream();
      const events = [
        ev('ItemRegistered', { itemId: 'i-1', quantity: 2, seal: 'S-1' }, 1),
        ev('ItemSealed', { itemId: 'i-1', nested: { a: [1, 'b', null] } }, 2),
      ];
      const result = await store.appendToStream(s, events, { expected: 'no_stream' });
      expect(result.nextExpectedVersion).toBe(1);
      expect(result.alreadyAppended).toBe(false);

      const read = await store.readStream(s);
      expect(read.currentVersion).toBe(1);
      expect(
        read.events.map(({ id, type, data, metadata: m, streamId, streamVersion }) => ({
          id,
          type,
          data,
          metadata: m,
          streamId,
          streamVersion,
        })),
      ).toEqual([
        { ...events[0], streamId: s, streamVersion: 0 },
        { ...events[1], streamId: s, streamVersion: 1 },
      ]);
      expect(read.events[1].position).toEqual(result.position);
      expect(read.events[0].prevHash).toBe('0'.repeat(64));
      expect(read.events[1].prevHash).toBe(read.events[0].hash);
      expect(Number.isNaN(Date.parse(read.events[0].recordedAt))).toBe(false);
    });

    it('reads a missing stream as empty with version -1', async () => {
      expect(await store.readStream(stream())).toEqual({ events: [], currentVersion: -1 });
    });

    it('enforces no_stream, stream_exists and exact expected versions with a typed error', async () => {
      const s = stream();
      await expect(store.appendToStream(s, [ev('A', {})], { expected: 'stream_exists' })).rejects.toMatchObject({
        name: 'WrongExpectedVersionError',
        streamId: s,
        actual: -1,
      });
      await expect(store.appendToStream(s, [ev('A', {})], { expected: 3 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await store.appendToStream(s, [ev('A', {})], { expected: 'no_stream' });
      await expect(store.appendToStream(s, [ev('B', {})], { expected: 'no_stream' })).rejects.toMatchObject({
        actual: 0,
        expected: 'no_stream',
      });
      await expect(store.appendToStream(s, [ev('B', {})], { expected: 1 })).rejects.toMatchObject({ actual: 0, expected: 1 });
      const ok = await store.appendToStream(s, [ev('B', {}), ev('C', {})], { expected: 0 });
      expect(ok.nextExpectedVersion).toBe(2);
      const exists = await store.appendToStream(s, [ev('D', {})], { expected: 'stream_exists' });
      expect(exists.nextExpectedVersion).toBe(3);
      expect((await store.readStream(s)).events.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    });

    crossStream?.('is atomic: when one event of a call cannot be stored, none is', async () => {
      const a = stream();
      const b = stream();
      const taken = ev('A', {});
      await store.appendToStream(a, [taken]);
      await expect(store.appendToStream(b, [ev('B1', {}), { ...taken, type: 'B2' }], { expected: 'no_stream' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store.readStream(b)).toEqual({ events: [], currentVersion: -1 });
    });

    it('treats a retry with the same event ids as the original append, however late it comes', async () => {
      const s = stream();
      const batch = [ev('Registered', { n: 1 }), ev('Sealed', { n: 2 })];
      const first = await store.appendToStream(s, batch, { expected: 'no_stream' });
      await store.appendToStream(s, [ev('Moved', { n: 3 })], { expected: 1 });
      await store.appendToStream(s, [ev('Moved', { n: 4 })], { expected: 'any' });

      for (const expected of ['no_stream', 'any', 0] as const) {
        const retry = await store.appendToStream(
          s,
          batch.map((e) => ({ ...e, metadata: { ...e.metadata } })),
          { expected },
        );
        // Answered from what is stored: the same version and position, nothing newly recorded.
        expect(retry).toEqual({ nextExpectedVersion: first.nextExpectedVersion, position: first.position, alreadyAppended: true });
      }
      expect((await store.readStream(s)).events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    });

    it('refuses an event id reused for other content or another stream', async () => {
      const s = stream();
      const e = ev('Registered', { n: 1 });
      await store.appendToStream(s, [e]);
      await expect(store.appendToStream(s, [{ ...e, data: { n: 2 } }])).rejects.toMatchObject({
        name: 'DuplicateEventIdError',
        eventId: e.id,
      });
      if (capabilities.eventIdsUniqueAcrossStreams)
        await expect(store.appendToStream(stream(), [e])).rejects.toBeInstanceOf(DuplicateEventIdError);
    });

    it('reads a stream from and up to a version', async () => {
      const s = stream();
      await store.appendToStream(
        s,
        [0, 1, 2, 3, 4].map((n) => ev('N', { n })),
      );
      const slice = await store.readStream(s, { fromVersion: 1, toVersion: 3 });
      expect(slice.events.map((e) => [e.streamVersion, e.data])).toEqual([
        [1, { n: 1 }],
        [2, { n: 2 }],
        [3, { n: 3 }],
      ]);
      expect(slice.currentVersion).toBe(4);
    });

    it('reads the tail after a snapshot, and knows the head when the tail is empty', async () => {
      const s = stream();
      await store.appendToStream(
        s,
        [0, 1, 2].map((n) => ev('N', { n })),
      );
      expect(await store.readStream(s, { fromVersion: 3, fromSnapshot: true })).toEqual({ events: [], currentVersion: 2 });
      const tail = await store.readStream(s, { fromVersion: 2, fromSnapshot: true });
      expect(tail.events.map((e) => e.data)).toEqual([{ n: 2 }]);
      expect(tail.currentVersion).toBe(2);
    });

    it('reads a stream as it stood at a point in time', async () => {
      const s = stream();
      await store.appendToStream(s, [ev('First', {})]);
      const [first] = (await store.readStream(s)).events;
      const later = new Date(Date.parse(first.recordedAt) + 1500);
      await until(() => Date.now() > later.getTime() + 5);
      await store.appendToStream(s, [ev('Second', {})]);
      expect((await store.readStream(s, { asOf: later })).events.map((e) => e.type)).toEqual(['First']);
      expect((await store.readStream(s, { asOf: new Date(Date.parse(first.recordedAt) - 1000) })).events).toEqual([]);
      expect((await store.readStream(s)).events.map((e) => e.type)).toEqual(['First', 'Second']);
    });

    it('reads the global log in order from any position', async () => {
      const s1 = stream();
      const s2 = stream();
      const before = await readEverything(store);
      await store.appendToStream(s1, [ev('A', {})]);
      await store.appendToStream(s2, [ev('B', {}), ev('C', {})]);
      await store.appendToStream(s1, [ev('D', {})]);
      const all = await readEverything(store);
      const mine = all.slice(before.length);
      expect(mine.map((e) => [e.streamId, e.type])).toEqual([
        [s1, 'A'],
        [s2, 'B'],
        [s2, 'C'],
        [s1, 'D'],
      ]);
      const after = await store.readAll(mine[1].position, { limit: 10 });
      expect(after.map((e) => e.type)).toEqual(['C', 'D']);
      const limited = await store.readAll(mine[0].position, { limit: 1 });
      expect(limited.map((e) => e.type)).toEqual(['B']);
    });

    it('reads only the types a reader handles, every one once and in order, and its position passes the others (ADR 0063)', async () => {
      const s = stream();
      const before = await readEverything(store);
      const from = before.length > 0 ? before[before.length - 1].position : START;
      const wanted = `Wanted${randomUUID().slice(0, 8)}`;
      const other = `Other${randomUUID().slice(0, 8)}`;
      await store.appendToStream(s, [ev(wanted, { n: 1 }), ev(other, {}), ev(other, {}), ev(wanted, { n: 2 }), ev(other, {})]);
      await store.appendToStream(s, [ev(other, {}), ev(wanted, { n: 3 }), ev(other, {}), ev(other, {})]);
      const mine = (await readEverything(store)).slice(before.length);
      const seen: RecordedEvent[] = [];
      let position = from;
      for (;;) {
        const page = await readLog(store, position, { types: [wanted], limit: 2 });
        for (const e of page.events) expect(comparePositions(page.through, e.position)).toBeGreaterThanOrEqual(0);
        expect(comparePositions(page.through, position)).toBeGreaterThanOrEqual(0);
        position = page.through;
        if (page.events.length === 0) break;
        seen.push(...page.events);
      }
      expect(seen.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect(seen).toEqual(mine.filter((e) => e.type === wanted));
      // Past the log's last event, which is not of its types: nothing is left to read from there.
      expect(comparePositions(position, mine[mine.length - 1].position)).toBeGreaterThanOrEqual(0);
      expect((await readLog(store, position, { types: [wanted, other] })).events).toEqual([]);
    });

    it('subscribes to the global log: catches up, then receives new events exactly once', async () => {
      const s = stream();
      const existing = await readEverything(store);
      const from = existing.length > 0 ? existing[existing.length - 1].position : START;
      await store.appendToStream(s, [ev('One', {})]);
      const seen: RecordedEvent[] = [];
      const sub = store.subscribeToAll(from, {
        handle: async (events) => {
          seen.push(...events);
        },
        pollIntervalMs: 50,
      });
      await store.appendToStream(s, [ev('Two', {}), ev('Three', {})]);
      await until(() => seen.length >= 3);
      await sub.stop();
      expect(seen.map((e) => e.type)).toEqual(['One', 'Two', 'Three']);
    });

    it('verifies an untouched hash chain', async () => {
      const s = stream();
      await store.appendToStream(
        s,
        [0, 1, 2, 3].map((n) => ev('Custody', { n })),
      );
      const events = (await store.readStream(s)).events;
      expect(await store.verifyStream(s)).toEqual({ ok: true, events: 4, headHash: events[3].hash });
    });

    if (capabilities.tamperInPlace) {
      it('names the first event whose stored content was edited in place', async () => {
        const s = stream();
        await store.appendToStream(
          s,
          [0, 1, 2, 3].map((n) => ev('Custody', { n })),
        );
        const events = (await store.readStream(s)).events;
        await h.tamper!(s, 2, { n: 99 });
        expect(await store.verifyStream(s)).toEqual({
          ok: false,
          events: 4,
          brokenAt: { streamVersion: 2, eventId: events[2].id, reason: 'content' },
        });
      });
    }

    it('lets exactly one of several concurrent appends with the same expected version win', async () => {
      const s = stream();
      await store.appendToStream(s, [ev('Opened', {})], { expected: 'no_stream' });
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.appendToStream(s, [ev('Offer', { i })], { expected: 0 })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected).toHaveLength(7);
      for (const r of rejected) expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.readStream(s)).currentVersion).toBe(1);
    });

    it('serialises concurrent appends with expected "any" into a dense, verifiable stream', async () => {
      const s = stream();
      await Promise.all(Array.from({ length: 10 }, (_, i) => store.appendToStream(s, [ev('Note', { i })], { expected: 'any' })));
      const { events } = await store.readStream(s);
      expect(events.map((e) => e.streamVersion)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(events.map((e) => (e.data as { i: number }).i).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect((await store.verifyStream(s)).ok).toBe(true);
    });
  });
}

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let from = START;
  for (;;) {
    const batch = await store.readAll(from, { limit: 500 });
    if (batch.length === 0) return out;
    out.push(...batch);
    from = batch[batch.length - 1].position;
  }
}

async function until(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
