import { contentHash, linkHash, RecordedEvent, ZERO_HASH } from '@police/event-store';
import { consultationHeadStream, consultationLaneStream, consultationStream, parseConsultationStream } from './audit.events';
import { consultationDayOf, consultationLaneOf } from './audit-checkpoints';
import { checkDayHeads, chooseLane, CONSULTATION_DAY_HEAD, dayHead, DayHeadData, firstLaneOf, laneHeadOf } from './consultation-lanes';
import { verifyDay } from './consultation-log';

const DAY = '2026-12-07';

/** A stream as the store would hold it: real content hashes and links. */
function chain(streamId: string, n: number, type = 'ConsultationRecorded', data: (i: number) => unknown = (i) => ({ i })): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prev = ZERO_HASH;
  for (let i = 0; i < n; i++) {
    const content = {
      id: `${streamId}#${i}`,
      streamId,
      type,
      data: data(i),
      metadata: { actor: 'a', occurredAt: `${DAY}T00:00:00.000Z`, correlationId: 'c', causationId: 'c' },
    };
    const ownHash = contentHash(content);
    const hash = linkHash(prev, ownHash);
    events.push({
      ...content,
      streamVersion: i,
      position: { commit: 1n, prepare: BigInt(i) },
      recordedAt: `${DAY}T00:00:00.000Z`,
      prevHash: prev,
      contentHash: ownHash,
      hash,
    });
    prev = hash;
  }
  return events;
}

function headRecord(version: number, lanes: Map<string, RecordedEvent[]>): { streamVersion: number; data: DayHeadData } {
  const heads = [...lanes].map(([stream, events]) => laneHeadOf(Number(parseLane(stream)), stream, events));
  return { streamVersion: version, data: { day: DAY, lanes: heads, head: dayHead(heads) } };
}

function parseLane(stream: string): number {
  const p = parseConsultationStream(stream);
  if (!p || !('lane' in p)) throw new Error(stream);
  return p.lane;
}

describe('lane choice', () => {
  it('writes the first lane while the process is quiet', () => {
    expect(chooseLane([0, 0, 0, 0])).toBe(0);
    expect(chooseLane([0, 0, 0, 0], 2)).toBe(2);
  });

  it('sends a consultation to the lane with the fewest appends pending, the first such from the first lane on', () => {
    expect(chooseLane([1, 0, 0, 0])).toBe(1);
    expect(chooseLane([1, 1, 0, 0])).toBe(2);
    expect(chooseLane([3, 2, 2, 5])).toBe(1);
    expect(chooseLane([1, 1, 1, 1])).toBe(0);
    // From lane 3 on, wrapping: 3 is busy, 0 is the first idle one after it.
    expect(chooseLane([0, 0, 1, 1], 3)).toBe(0);
  });

  it('spreads 8 concurrent consultations over 4 lanes two by two', () => {
    const pending = [0, 0, 0, 0];
    for (let i = 0; i < 8; i++) pending[chooseLane(pending)]++;
    expect(pending).toEqual([2, 2, 2, 2]);
  });

  it('starts each host from a lane of its own, the same at every start', () => {
    expect(firstLaneOf('reports-7d9f-abcde')).toBe(firstLaneOf('reports-7d9f-abcde'));
    const lanes = new Set(Array.from({ length: 16 }, (_, i) => firstLaneOf(`reports-${i}`)));
    expect([...lanes].every((l) => Number.isInteger(l) && l >= 0 && l < 4)).toBe(true);
    expect(lanes.size).toBeGreaterThan(1);
    expect(firstLaneOf('any', 1)).toBe(0);
  });

  it('refuses a log without lanes', () => {
    expect(() => chooseLane([])).toThrow(/at least one lane/);
  });
});

describe('lane streams', () => {
  it('keeps the day stream of ADR 0038 as lane 0 and names the other lanes and the day heads', () => {
    expect(consultationLaneStream(DAY, 0)).toBe(consultationStream(DAY));
    expect(consultationLaneStream(DAY, 0)).toBe('consultations-2026-12-07');
    expect(consultationLaneStream(DAY, 3)).toBe('consultations-2026-12-07-lane-3');
    expect(consultationHeadStream(DAY)).toBe('consultations-2026-12-07-head');
  });

  it('reads a stream name back into its day and lane, and knows no other', () => {
    expect(parseConsultationStream('consultations-2026-12-07')).toEqual({ day: DAY, lane: 0 });
    expect(parseConsultationStream('consultations-2026-12-07-lane-63')).toEqual({ day: DAY, lane: 63 });
    expect(parseConsultationStream('consultations-2026-12-07-head')).toEqual({ day: DAY, head: true });
    for (const other of ['consultations-2026-12-07-lane-64', 'consultations-2026-12-07-lane-0', 'consultations-2026-12-7', 'report-1'])
      expect(parseConsultationStream(other)).toBeUndefined();
  });

  it('tells the checkpoint writer the day and the chain of each stream', () => {
    expect(consultationDayOf('consultations-2026-12-07-lane-2')).toBe(DAY);
    expect(consultationLaneOf('consultations-2026-12-07-lane-2')).toBe('2');
    expect(consultationLaneOf('consultations-2026-12-07')).toBe('0');
    expect(consultationLaneOf('consultations-2026-12-07-head')).toBe('head');
    expect(consultationDayOf('report-1')).toBeUndefined();
    expect(consultationLaneOf('report-1')).toBeUndefined();
  });
});

describe('day head', () => {
  const a = { lane: 0, count: 3, head: 'a'.repeat(64) };
  const b = { lane: 2, count: 1, head: 'b'.repeat(64) };

  it('is zeros for a day without entries, and leaves empty lanes out', () => {
    expect(dayHead([])).toBe(ZERO_HASH);
    expect(dayHead([{ lane: 1, count: 0, head: ZERO_HASH }])).toBe(ZERO_HASH);
    expect(dayHead([a, b, { lane: 5, count: 0, head: ZERO_HASH }])).toBe(dayHead([a, b]));
  });

  it('does not depend on the order lanes are given in', () => {
    expect(dayHead([b, a])).toBe(dayHead([a, b]));
  });

  it('changes when a lane is dropped, cut, or rewritten', () => {
    const whole = dayHead([a, b]);
    expect(dayHead([a])).not.toBe(whole);
    expect(dayHead([a, { ...b, count: 0 }])).not.toBe(whole);
    expect(dayHead([{ ...a, count: 2 }, b])).not.toBe(whole);
    expect(dayHead([a, { ...b, head: 'c'.repeat(64) }])).not.toBe(whole);
  });
});

describe('lanes against their day heads', () => {
  const lane0 = consultationLaneStream(DAY, 0);
  const lane1 = consultationLaneStream(DAY, 1);
  const lane2 = consultationLaneStream(DAY, 2);
  const whole = () =>
    new Map([
      [lane0, chain(lane0, 4)],
      [lane1, chain(lane1, 3)],
      [lane2, chain(lane2, 2)],
    ]);

  it('finds nothing when every lane holds what was recorded, and more since', () => {
    const lanes = whole();
    const recorded = headRecord(0, lanes);
    lanes.set(lane1, chain(lane1, 5));
    expect(checkDayHeads([recorded], lanes)).toEqual([]);
  });

  it('names a dropped lane and a cut tail, each with its lane and the day head that recorded it', () => {
    const lanes = whole();
    const recorded = headRecord(3, lanes);
    const gone = lanes.get(lane1)!.at(-1)!;
    lanes.delete(lane1);
    lanes.set(lane2, lanes.get(lane2)!.slice(0, 1));
    expect(checkDayHeads([recorded], lanes)).toEqual([
      {
        lane: 1,
        stream: lane1,
        streamVersion: 2,
        eventId: gone.id,
        reason: 'missing',
        headVersion: 3,
        message: `lane 1 (${lane1}): day head 3 recorded 3 entries, the database has none`,
      },
      expect.objectContaining({
        lane: 2,
        reason: 'missing',
        message: `lane 2 (${lane2}): day head 3 recorded 2 entries, the database has 1: its tail is cut`,
      }),
    ]);
  });

  it('judges each lane by the day head that recorded the most of it', () => {
    const lanes = whole();
    const early = headRecord(0, new Map([[lane0, lanes.get(lane0)!.slice(0, 2)]]));
    const late = headRecord(1, lanes);
    lanes.set(lane0, lanes.get(lane0)!.slice(0, 3));
    expect(checkDayHeads([early, late], lanes).map((s) => [s.lane, s.headVersion, s.streamVersion])).toEqual([[0, 1, 3]]);
  });

  it('names a lane rewritten with fresh links', () => {
    const lanes = whole();
    const recorded = headRecord(0, lanes);
    lanes.set(
      lane2,
      chain(lane2, 2, 'ConsultationRecorded', (i) => ({ i, forged: true })),
    );
    expect(checkDayHeads([recorded], lanes)).toEqual([expect.objectContaining({ lane: 2, streamVersion: 1, reason: 'rewritten' })]);
  });
});

describe('verifying a day', () => {
  const lane0 = consultationLaneStream(DAY, 0);
  const lane3 = consultationLaneStream(DAY, 3);
  const headStream = consultationHeadStream(DAY);

  it('verifies each lane and the head chain, and answers the day head over the lanes', () => {
    const lanes = new Map([
      [lane0, chain(lane0, 3)],
      [lane3, chain(lane3, 2)],
    ]);
    const heads = chain(headStream, 1, CONSULTATION_DAY_HEAD, () => headRecord(0, lanes).data);
    const v = verifyDay(DAY, lane0, lanes, heads);
    expect(v).toEqual({
      date: DAY,
      stream: lane0,
      ok: true,
      events: 5,
      headHash: dayHead([laneHeadOf(0, lane0, lanes.get(lane0)!), laneHeadOf(3, lane3, lanes.get(lane3)!)]),
      lanes: [
        { lane: 0, stream: lane0, ok: true, events: 3, headHash: lanes.get(lane0)![2].hash },
        { lane: 3, stream: lane3, ok: true, events: 2, headHash: lanes.get(lane3)![1].hash },
      ],
      dayHeads: { stream: headStream, records: 1 },
    });
  });

  it('verifies a day written before lanes (one chain, no day heads) as before', () => {
    const lanes = new Map([[lane0, chain(lane0, 4)]]);
    expect(verifyDay(DAY, lane0, lanes, [])).toMatchObject({ ok: true, events: 4, lanes: [{ lane: 0, ok: true, events: 4 }] });
  });

  it('names an edited entry with its lane, and a lane missing behind a day head', () => {
    const lanes = new Map([
      [lane0, chain(lane0, 3)],
      [lane3, chain(lane3, 2)],
    ]);
    const heads = chain(headStream, 1, CONSULTATION_DAY_HEAD, () => headRecord(0, lanes).data);
    const edited = lanes.get(lane0)!;
    edited[1] = { ...edited[1], data: { i: 99 } };
    lanes.delete(lane3);
    const v = verifyDay(DAY, lane0, lanes, heads);
    expect(v).toMatchObject({
      ok: false,
      events: 3,
      brokenAt: { stream: lane0, streamVersion: 1, eventId: edited[1].id, reason: 'content' },
    });
    expect(!v.ok && v.problems).toEqual([
      `lane 0 (${lane0}): entry 2 (event ${edited[1].id}): its content does not match`,
      `lane 3 (${lane3}): day head 0 recorded 2 entries, the database has none`,
    ]);
  });
});
