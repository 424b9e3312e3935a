import { canonicalJson, RecordedEvent, sha256Hex, ZERO_HASH } from '@police/event-store';

/**
 * Lanes of the consultation log (ADR 0057), decided without I/O. A UTC day is several hash chains ("lanes"),
 * so that concurrent reads append side by side instead of queueing behind one chain, and a chain of day heads
 * records, now and then, how far every lane had grown: a lane cut or dropped behind it is named.
 */

/** Stored event type of a day head: each lane's entries and link as they were when it was written (a fixed string). */
export const CONSULTATION_DAY_HEAD = 'ConsultationDayHead';

/** Lanes a process appends to unless told otherwise. */
export const DEFAULT_CONSULTATION_LANES = 2;

/** The most lanes a day can have; verification looks for every one of them. */
export const MAX_CONSULTATION_LANES = 64;

/** One lane's extent: its first `count` entries, of which the last has link `head` and id `lastEventId`. */
export interface LaneHead {
  lane: number;
  stream: string;
  count: number;
  head: string;
  lastEventId: string;
}

/** The data of a {@link CONSULTATION_DAY_HEAD} event: every lane that held entries then, and their day head. */
export interface DayHeadData {
  day: string;
  lanes: LaneHead[];
  head: string;
}

/**
 * The day head over its lanes: hex SHA-256 of the canonical JSON of each non-empty lane's number, entries and
 * link, in lane order; 32 zero bytes for a day without entries. A lane removed, cut or added changes it.
 */
export function dayHead(lanes: readonly Pick<LaneHead, 'lane' | 'count' | 'head'>[]): string {
  const used = lanes.filter((l) => l.count > 0).sort((a, b) => a.lane - b.lane);
  if (used.length === 0) return ZERO_HASH;
  return sha256Hex(canonicalJson(used.map(({ lane, count, head }) => ({ lane, count, head }))));
}

/**
 * The lane a new consultation goes to: the one with the fewest appends pending in this process, the first such
 * from `first` on (wrapping). A quiet process writes `first` alone; under load every lane gets its own
 * transaction in flight, and each lane still commits its queue together (group commit).
 */
export function chooseLane(pending: readonly number[], first = 0): number {
  if (pending.length === 0) throw new Error('A consultation log needs at least one lane');
  let best = first % pending.length;
  for (let k = 1; k < pending.length; k++) {
    const lane = (first + k) % pending.length;
    if (pending[lane] < pending[best]) best = lane;
  }
  return best;
}

/** The lane a host starts from, the same at every start: replicas sharing a database spread over the lanes. */
export function firstLaneOf(host: string, lanes = DEFAULT_CONSULTATION_LANES): number {
  return Number.parseInt(sha256Hex(host).slice(0, 8), 16) % lanes;
}

/** The extent of a lane as stored: entries in version order. */
export function laneHeadOf(lane: number, stream: string, events: readonly RecordedEvent[]): LaneHead {
  const last = events.at(-1);
  return { lane, stream, count: last ? last.streamVersion + 1 : 0, head: last?.hash ?? ZERO_HASH, lastEventId: last?.id ?? '' };
}

/** A lane that holds less than a day head recorded of it. */
export interface LaneShortfall {
  lane: number;
  stream: string;
  /** The recorded entry that is gone (or no longer carries the recorded link). */
  streamVersion: number;
  eventId: string;
  /** `missing`: the lane ends before it; `rewritten`: the entry is there with another link. */
  reason: 'missing' | 'rewritten';
  /** Which record of the day-head chain said so (its version in the day-head stream). */
  headVersion: number;
  message: string;
}

/**
 * Each lane as stored against every day head recorded of it: a lane must still hold each recorded entry with
 * the recorded link. One shortfall per lane, from the day head that recorded the most of it.
 */
export function checkDayHeads(
  heads: readonly { streamVersion: number; data: DayHeadData }[],
  lanes: ReadonlyMap<string, readonly RecordedEvent[]>,
): LaneShortfall[] {
  const strongest = new Map<string, { rec: LaneHead; headVersion: number }>();
  for (const h of heads)
    for (const rec of h.data.lanes) {
      const known = strongest.get(rec.stream);
      if (!known || rec.count > known.rec.count) strongest.set(rec.stream, { rec, headVersion: h.streamVersion });
    }
  const shortfalls: LaneShortfall[] = [];
  for (const { rec, headVersion } of [...strongest.values()].sort((a, b) => a.rec.lane - b.rec.lane)) {
    const events = lanes.get(rec.stream) ?? [];
    const entry = events.find((e) => e.streamVersion === rec.count - 1);
    const stored = events.length;
    const base = { lane: rec.lane, stream: rec.stream, streamVersion: rec.count - 1, eventId: rec.lastEventId, headVersion };
    if (!entry)
      shortfalls.push({
        ...base,
        reason: 'missing',
        message:
          stored === 0
            ? `lane ${rec.lane} (${rec.stream}): day head ${headVersion} recorded ${rec.count} entries, the database has none`
            : `lane ${rec.lane} (${rec.stream}): day head ${headVersion} recorded ${rec.count} entries, the database has ${stored}: its tail is cut`,
      });
    else if (entry.hash !== rec.head)
      shortfalls.push({
        ...base,
        reason: 'rewritten',
        message: `lane ${rec.lane} (${rec.stream}): day head ${headVersion} recorded entry ${rec.count} with link ${rec.head.slice(0, 12)}…, the database's has ${entry.hash.slice(0, 12)}…: rewritten`,
      });
  }
  return shortfalls;
}
