// The EventStore contract against a real KurrentDB, plus what only KurrentDB can show (tampering by appending
// behind the store's back, truncation, namespaces). Needs KURRENTDB_URL, e.g.
// KURRENTDB_URL='kurrentdb://127.0.0.1:2113?tls=false'; jest.preset.js leaves this file out when it is unset.
import { randomUUID } from 'node:crypto';
import { KurrentDBClient, jsonEvent } from '@kurrent/kurrentdb-client';
import { ev, eventStoreContract } from './event-store.contract';
import { RecordedEvent, START } from './event-store';
import { contentHash, ZERO_HASH } from './hashing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const url = process.env.KURRENTDB_URL;

/** A namespace of its own for every store of every run: runs never see each other's streams. */
const prefix = () => `t${randomUUID().replace(/-/g, '')}-`;

if (!url) throw new Error('KURRENTDB_URL is not set: this suite runs only against a KurrentDB server');

{
  eventStoreContract(
    'KurrentDB',
    async () => {
      const store = new KurrentDbEventStore({ client: KurrentDBClient.connectionString(url), streamPrefix: prefix() });
      return {
        store,
        // KurrentDB events cannot be edited in place; the tampering it does allow (forged appends,
        // truncation) is tested below.
        teardown: () => store.close(),
      };
    },
    { tamperInPlace: false, eventIdsUniqueAcrossStreams: false },
  );

  describe('KurrentDB event store specifics', () => {
    let raw: KurrentDBClient;
    let store: KurrentDbEventStore;
    beforeAll(() => {
      raw = KurrentDBClient.connectionString(url);
      store = new KurrentDbEventStore({ client: KurrentDBClient.connectionString(url), streamPrefix: prefix() });
    });
    afterAll(async () => {
      await store.close();
      await raw.dispose();
    });

    it('names an event appended behind the store with a copied chain envelope (content)', async () => {
      const s = `case-${randomUUID()}`;
      await store.appendToStream(
        s,
        [0, 1, 2, 3].map((n) => ev('Custody', { n })),
        { expected: 'no_stream' },
      );
      const { events } = await store.readStream(s);
      const copied = events[1];
      const forgedId = randomUUID();
      await raw.appendToStream(
        store.streamName(s),
        jsonEvent({
          id: forgedId,
          type: 'Custody',
          data: { n: 99 },
          metadata: { ...copied.metadata, prevHash: copied.prevHash, contentHash: copied.contentHash, hash: copied.hash },
        }),
        { streamState: 3n },
      );
      expect(await store.verifyStream(s)).toEqual({
        ok: false,
        events: 5,
        brokenAt: { streamVersion: 4, eventId: forgedId, reason: 'content' },
      });
    });

    it('names an event appended behind the store with its own content hash but a wrong previous hash (link)', async () => {
      const s = `case-${randomUUID()}`;
      await store.appendToStream(s, [ev('Custody', { n: 0 })], { expected: 'no_stream' });
      const forged = ev('Custody', { n: 1 });
      const own = contentHash({ ...forged, streamId: s });
      await raw.appendToStream(
        store.streamName(s),
        jsonEvent({
          id: forged.id,
          type: forged.type,
          data: forged.data as Record<string, unknown>,
          metadata: { ...forged.metadata, prevHash: ZERO_HASH, contentHash: own, hash: own },
        }),
        { streamState: 0n },
      );
      expect(await store.verifyStream(s)).toEqual({
        ok: false,
        events: 2,
        brokenAt: { streamVersion: 1, eventId: forged.id, reason: 'link' },
      });
    });

    it('names the first visible event of a stream truncated through its KurrentDB metadata', async () => {
      const s = `case-${randomUUID()}`;
      await store.appendToStream(
        s,
        [0, 1, 2, 3].map((n) => ev('Custody', { n })),
      );
      const { events } = await store.readStream(s);
      await raw.setStreamMetadata(store.streamName(s), { truncateBefore: 2 });
      expect(await store.verifyStream(s)).toEqual({
        ok: false,
        events: 2,
        brokenAt: { streamVersion: 2, eventId: events[2].id, reason: 'link' },
      });
    });

    it('keeps namespaces apart in the global log and reads it after a position, exclusively', async () => {
      const other = new KurrentDbEventStore({ client: KurrentDBClient.connectionString(url), streamPrefix: prefix() });
      try {
        const s = `case-${randomUUID()}`;
        await other.appendToStream(s, [ev('Elsewhere', {})]);
        await store.appendToStream(s, [ev('A', {}), ev('B', {})]);
        await other.appendToStream(s, [ev('Elsewhere', {})]);
        await store.appendToStream(s, [ev('C', {})]);
        const mine = (await store.readAll(START, { limit: 10_000 })).filter((e) => e.streamId === s);
        expect(mine.map((e) => e.type)).toEqual(['A', 'B', 'C']);
        expect((await store.readAll(mine[0].position, { limit: 2 })).map((e) => e.type)).toEqual(['B', 'C']);
        expect((await other.readAll(START, { limit: 10_000 })).map((e) => e.type)).toEqual(['Elsewhere', 'Elsewhere']);
      } finally {
        await other.close();
      }
    });

    it('hands a subscription batches of consecutive events, at most batchSize, after the checkpoint', async () => {
      const s = `case-${randomUUID()}`;
      await store.appendToStream(s, [ev('Before', {})]);
      const [before] = (await store.readStream(s)).events;
      for (let i = 0; i < 5; i++) await store.appendToStream(s, [ev('N', { i })]);
      const batches: RecordedEvent[][] = [];
      const sub = store.subscribeToAll(before.position, {
        batchSize: 2,
        handle: async (events) => {
          batches.push(events);
        },
      });
      const deadline = Date.now() + 10_000;
      while (batches.flat().length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await sub.stop();
      await sub.done;
      const seen = batches.flat();
      expect(seen.map((e) => e.data)).toEqual([0, 1, 2, 3, 4].map((i) => ({ i })));
      expect(batches.every((b) => b.length >= 1 && b.length <= 2)).toBe(true);
    });

    it('recognises a retry only within the idempotency window', async () => {
      const windowed = new KurrentDbEventStore({
        client: KurrentDBClient.connectionString(url),
        streamPrefix: store.streamPrefix,
        idempotencyWindow: 2,
      });
      try {
        const s = `case-${randomUUID()}`;
        const batch = [ev('A', {}), ev('B', {})];
        const first = await windowed.appendToStream(s, batch, { expected: 'no_stream' });
        expect(await windowed.appendToStream(s, batch, { expected: 'no_stream' })).toEqual({ ...first, alreadyAppended: true });
        await windowed.appendToStream(s, [ev('C', {}), ev('D', {})]);
        await expect(windowed.appendToStream(s, batch, { expected: 'no_stream' })).rejects.toMatchObject({
          name: 'WrongExpectedVersionError',
          actual: 3,
        });
      } finally {
        await windowed.close();
      }
    });
  });
}
