import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError } from './errors';
import { EventMetadata, GlobalPosition, NewEvent, RecordedEvent, START, comparePositions } from './event-store';
import { contentHash, linkHash, ZERO_HASH } from './hashing';
import {
  KurrentRecord,
  allStreamsFilter,
  chainLinks,
  classifyExisting,
  decodeMetadata,
  encodeMetadata,
  expectationHolds,
  fromKurrentPosition,
  fromKurrentStreamName,
  normaliseNewEvents,
  toKurrentStreamName,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
} from './kurrentdb-event-store';
import { verifyChain } from './verify';

const meta: EventMetadata = { actor: 'staff-1001', occurredAt: '2026-11-01T09:00:00.000Z', correlationId: 'corr-1', causationId: 'cmd-1' };
const link = { prevHash: ZERO_HASH, contentHash: 'a'.repeat(64), hash: 'b'.repeat(64) };

/**
 * What KurrentDB gives back for events the adapter wrote: data and metadata through JSON (the client
 * JSON.stringify-s both and JSON.parse-s them on read), revisions from `first`, consecutive positions.
 */
function asStored(streamName: string, first: number, prevHash: string, events: NewEvent[], streamId: string): KurrentRecord[] {
  const copies = normaliseNewEvents(events);
  const links = chainLinks(
    prevHash,
    copies.map((e) => contentHash({ ...e, streamId })),
  );
  return copies.map((e, i) => ({
    streamId: streamName,
    id: e.id,
    revision: BigInt(first + i),
    type: e.type,
    created: new Date(Date.UTC(2026, 10, 1, 9, 0, i)),
    isJson: true,
    data: JSON.parse(JSON.stringify(e.data)),
    metadata: JSON.parse(JSON.stringify(encodeMetadata(e.metadata, links[i]))),
    position: { commit: BigInt(1000 + 100 * (first + i)), prepare: BigInt(1000 + 100 * (first + i)) },
  }));
}

const newEvent = (type: string, data: unknown, id: string = randomUUID()): NewEvent => ({ id, type, data, metadata: { ...meta } });

describe('KurrentDB adapter mappings', () => {
  describe('positions', () => {
    it('maps our START (and any negative part) to KurrentDB start, anything else unchanged', () => {
      expect(toReadPosition(START)).toBe('start');
      expect(toReadPosition({ commit: -1n, prepare: 5n })).toBe('start');
      expect(toReadPosition({ commit: 0n, prepare: 0n })).toEqual({ commit: 0n, prepare: 0n });
      expect(toReadPosition({ commit: 18_446_744_073_709_551_000n, prepare: 42n })).toEqual({
        commit: 18_446_744_073_709_551_000n,
        prepare: 42n,
      });
    });

    it('takes KurrentDB positions as global positions, keeping bigint precision and order', () => {
      const a = fromKurrentPosition({ commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n });
      const b = fromKurrentPosition({ commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_995n });
      expect(a).toEqual({ commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n });
      expect(comparePositions(a, b)).toBe(-1);
      expect(comparePositions(START, a)).toBe(-1);
      const round: GlobalPosition = fromKurrentPosition(toReadPosition(b) as { commit: bigint; prepare: bigint });
      expect(round).toEqual(b);
    });
  });

  describe('expected versions', () => {
    it.each([
      ['any', -1, true],
      ['any', 7, true],
      ['no_stream', -1, true],
      ['no_stream', 0, false],
      ['stream_exists', -1, false],
      ['stream_exists', 0, true],
      [3, 3, true],
      [3, 2, false],
      [0, -1, false],
    ] as const)('expected %p with the stream at %p holds: %p', (expected, current, holds) => {
      expect(expectationHolds(expected, current)).toBe(holds);
    });

    it('always appends with the exact state read: no stream, or the head revision', () => {
      expect(toStreamState(-1)).toBe('no_stream');
      expect(toStreamState(0)).toBe(0n);
      expect(toStreamState(41)).toBe(41n);
    });
  });

  describe('stream names', () => {
    it('prefixes stream ids and takes only this namespace back from $all', () => {
      expect(toKurrentStreamName('t1-', 'case-9')).toBe('t1-case-9');
      expect(fromKurrentStreamName('t1-', 't1-case-9')).toBe('case-9');
      expect(fromKurrentStreamName('t1-', 't2-case-9')).toBeUndefined();
      expect(fromKurrentStreamName('t1-', 't1-')).toBeUndefined();
      expect(fromKurrentStreamName('', 'case-9')).toBe('case-9');
      expect(fromKurrentStreamName('', '$$case-9')).toBeUndefined();
      expect(fromKurrentStreamName('', '$ce-case')).toBeUndefined();
    });

    it('refuses empty ids and names KurrentDB would take for system streams', () => {
      expect(() => toKurrentStreamName('', '')).toThrow('empty');
      expect(() => toKurrentStreamName('', '$settings')).toThrow('system stream');
    });

    it('filters $all server-side on the prefix, or on every non-system stream without one', () => {
      expect(allStreamsFilter('t1-')).toMatchObject({ filterOn: 'streamName', prefixes: ['t1-'] });
      expect(allStreamsFilter('')).toMatchObject({ filterOn: 'streamName', regex: '^[^$]' });
    });
  });

  describe('metadata envelope', () => {
    it('stores the chain link next to the caller metadata and splits them again', () => {
      const stored = encodeMetadata({ ...meta, extra: { a: [1] } }, link);
      expect(stored).toEqual({ ...meta, extra: { a: [1] }, ...link });
      expect(decodeMetadata(JSON.parse(JSON.stringify(stored)))).toEqual({ metadata: { ...meta, extra: { a: [1] } }, link });
    });

    it('refuses caller metadata that uses a chain key', () => {
      expect(() => encodeMetadata({ ...meta, hash: 'x' }, link)).toThrow('"hash"');
      expect(() => encodeMetadata({ ...meta, prevHash: ZERO_HASH }, link)).toThrow('"prevHash"');
    });

    it('does not take foreign metadata for an envelope', () => {
      expect(decodeMetadata(undefined)).toBeUndefined();
      expect(decodeMetadata(new Uint8Array([1, 2]))).toBeUndefined();
      expect(decodeMetadata([link])).toBeUndefined();
      expect(decodeMetadata(meta)).toBeUndefined();
      expect(decodeMetadata({ ...meta, ...link, hash: 'B'.repeat(64) })).toBeUndefined();
      expect(decodeMetadata({ ...meta, ...link, contentHash: 'a'.repeat(63) })).toBeUndefined();
    });
  });

  describe('new events', () => {
    it('lower-cases ids and copies content through canonical JSON', () => {
      const id = randomUUID().toUpperCase();
      const [e] = normaliseNewEvents([
        { id, type: 'ItemRegistered', data: { at: new Date(0), skip: undefined, n: 1 }, metadata: { ...meta } },
      ]);
      expect(e).toEqual({ id: id.toLowerCase(), type: 'ItemRegistered', data: { at: '1970-01-01T00:00:00.000Z', n: 1 }, metadata: meta });
    });

    it('refuses ids that are no UUIDs, system event types and an id twice in one batch', () => {
      expect(() => normaliseNewEvents([newEvent('A', {}, 'evt-1')])).toThrow('UUID');
      expect(() => normaliseNewEvents([newEvent('$>', {})])).toThrow('system');
      const id = randomUUID();
      expect(() => normaliseNewEvents([newEvent('A', {}, id), newEvent('B', {}, id.toUpperCase())])).toThrow(DuplicateEventIdError);
      expect(() => normaliseNewEvents([{ ...newEvent('A', {}), data: { big: 1n } }])).toThrow('BigInt');
    });
  });

  describe('recorded events', () => {
    it('reads back what the adapter wrote as a verifiable chain, with every port field', () => {
      const events = [
        newEvent('Registered', { n: 1, nested: { a: [1, 'b', null] } }),
        newEvent('Sealed', 'plain string'),
        newEvent('Noted', null),
      ];
      const stored = asStored('t1-case-1', 0, ZERO_HASH, events, 'case-1');
      const recorded = stored.map((r) => toRecordedEvent(r, 'case-1'));

      expect(
        recorded.map(({ id, type, data, metadata, streamId, streamVersion }) => ({ id, type, data, metadata, streamId, streamVersion })),
      ).toEqual(events.map((e, i) => ({ ...e, streamId: 'case-1', streamVersion: i })));
      expect(recorded[0]).toMatchObject({
        prevHash: ZERO_HASH,
        position: { commit: 1000n, prepare: 1000n },
        recordedAt: '2026-11-01T09:00:00.000Z',
      });
      expect(recorded[1].prevHash).toBe(recorded[0].hash);
      expect(recorded[2].hash).toBe(linkHash(recorded[1].hash, contentHash(recorded[2])));
      expect(verifyChain(recorded)).toEqual({ ok: true, events: 3, headHash: recorded[2].hash });
    });

    it('continues a chain from the head hash of the stream', () => {
      const first = asStored('s', 0, ZERO_HASH, [newEvent('A', {})], 's').map((r) => toRecordedEvent(r, 's'));
      const next = asStored('s', 1, first[0].hash, [newEvent('B', {}), newEvent('C', {})], 's').map((r) => toRecordedEvent(r, 's'));
      expect(verifyChain([...first, ...next]).ok).toBe(true);
    });

    it('returns an event written behind the store with empty hashes, so that verification names it', () => {
      const stored = asStored('s', 0, ZERO_HASH, [newEvent('A', { n: 0 }), newEvent('B', { n: 1 })], 's');
      const foreign: KurrentRecord = { ...stored[1], metadata: { actor: 'intruder' } };
      const recorded = [toRecordedEvent(stored[0], 's'), toRecordedEvent(foreign, 's')];
      expect(recorded[1]).toMatchObject({ metadata: { actor: 'intruder' }, prevHash: '', contentHash: '', hash: '' });
      expect(verifyChain(recorded)).toEqual({
        ok: false,
        events: 2,
        brokenAt: { streamVersion: 1, eventId: stored[1].id, reason: 'content' },
      });
    });

    it('names a forged event carrying a copied envelope (content) or a wrong previous hash (link)', () => {
      const stored = asStored('s', 0, ZERO_HASH, [newEvent('A', { n: 0 }), newEvent('B', { n: 1 })], 's');
      const copiedEnvelope: KurrentRecord = { ...stored[1], id: randomUUID(), revision: 2n, data: { n: 99 } };
      const forgedContent = [...stored, copiedEnvelope].map((r) => toRecordedEvent(r, 's'));
      expect(verifyChain(forgedContent)).toMatchObject({ ok: false, brokenAt: { streamVersion: 2, reason: 'content' } });

      const [unchained] = asStored('s', 2, ZERO_HASH, [newEvent('C', { n: 2 })], 's');
      const forgedLink = [...stored, unchained].map((r) => toRecordedEvent(r, 's'));
      expect(verifyChain(forgedLink)).toMatchObject({ ok: false, brokenAt: { streamVersion: 2, reason: 'link' } });
    });

    it('names the first visible event of a truncated stream', () => {
      const stored = asStored(
        's',
        0,
        ZERO_HASH,
        [0, 1, 2, 3].map((n) => newEvent('N', { n })),
        's',
      );
      const visible = stored.slice(2).map((r) => toRecordedEvent(r, 's'));
      expect(verifyChain(visible)).toMatchObject({ ok: false, brokenAt: { streamVersion: 2, reason: 'link' } });
    });

    it('refuses an event without a log position rather than invent one', () => {
      const [r] = asStored('s', 0, ZERO_HASH, [newEvent('A', {})], 's');
      expect(() => toRecordedEvent({ ...r, position: undefined }, 's')).toThrow('log position');
    });
  });

  describe('ids already stored', () => {
    const events = [newEvent('Registered', { n: 1 }), newEvent('Sealed', { n: 2 })];
    const stored = asStored('s', 0, ZERO_HASH, events, 's').map((r) => toRecordedEvent(r, 's'));
    const batchOf = (es: NewEvent[]) =>
      normaliseNewEvents(es).map((e) => ({ id: e.id, contentHash: contentHash({ ...e, streamId: 's' }) }));
    const found = (rs: RecordedEvent[]) => new Map(rs.map((r) => [r.id, r]));

    it('is nothing when no id is stored', () => {
      expect(classifyExisting(batchOf([newEvent('X', {})]), found([]))).toEqual({ kind: 'none' });
    });

    it('is a replay when every id is stored with the same content, answered by the last event of the batch', () => {
      const retry = events.map((e) => ({ ...e, metadata: { ...e.metadata } }));
      expect(classifyExisting(batchOf(retry), found(stored))).toEqual({ kind: 'replay', last: stored[1] });
    });

    it('is a reused id when the content differs or the batch overlaps stored ids only in part', () => {
      expect(classifyExisting(batchOf([{ ...events[0], data: { n: 2 } }]), found(stored))).toEqual({
        kind: 'duplicate',
        eventId: events[0].id,
      });
      const partial = [newEvent('New', {}), { ...events[1] }];
      expect(classifyExisting(batchOf(partial), found(stored.slice(1)))).toEqual({ kind: 'duplicate', eventId: events[1].id });
    });
  });
});
