import type { ConsultationDayCheckpoint, EventLogCheckpoint, Finding } from './anchor';
import { comparePositions, GlobalPosition, positionFromString, positionToString, RecordedEvent } from './event-store';
import { contentHash, linkHash, ZERO_HASH } from './hashing';

/**
 * What the database must still hold for its checkpoints (ADR 0052), decided without I/O: the caller
 * hands in the checkpoints of one log and that log's events as the database has them now.
 */

/** Row problems named per log before the rest are only counted. */
const MAX_ROW_FINDINGS = 10;

const short = (hash: string) => `${hash.slice(0, 12)}…`;
const num = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${num(n)} ${word}${n === 1 ? '' : 's'}`;
const entries = (n: number) => `${num(n)} ${n === 1 ? 'entry' : 'entries'}`;

export function eventLogName(c: Pick<EventLogCheckpoint, 'service' | 'scope'>): string {
  return c.service === c.scope.schema ? `event log of ${c.service}` : `event log of ${c.service} (schema ${c.scope.schema})`;
}

export function consultationDayName(c: Pick<ConsultationDayCheckpoint, 'scope'>): string {
  const { day, lane } = c.scope;
  if (lane === undefined) return `consultation log day ${day}`;
  return lane === 'head' ? `consultation log day ${day} day heads` : `consultation log day ${day} lane ${lane}`;
}

/** An event whose stored content or link no longer matches its own hashes (edited in place). */
function rowProblem(e: RecordedEvent, label: string): string | undefined {
  if (contentHash(e) !== e.contentHash) return `${label} (event ${e.id}): its content does not match its content hash (edited)`;
  if (linkHash(e.prevHash, e.contentHash) !== e.hash) return `${label} (event ${e.id}): its link does not match its hashes (edited)`;
  return undefined;
}

/**
 * One event store schema's global log against its `event-log` checkpoints. `events` is the log in its
 * stable order (transaction id, position), as the checkpoint writer folded it: the fold of the first
 * `count` links must be `head` at each checkpoint's position. The first checkpoint that no longer holds
 * is named with what changed since the last one that does (later ones fail with it, being cumulative).
 * Then each stream found cut, once: a version missing before one the database still has, or fewer events
 * through a checkpoint than it listed for the stream (`streams`: a cut tail, or a stream deleted).
 */
export async function checkEventLog(checkpoints: EventLogCheckpoint[], events: AsyncIterable<RecordedEvent>): Promise<Finding[]> {
  if (checkpoints.length === 0) return [];
  const log = eventLogName(checkpoints[0]);
  const anchors = checkpoints
    .map((c) => ({ c, at: positionFromString(c.scope.position) }))
    .sort((a, b) => comparePositions(a.at, b.at) || a.c.count - b.c.count);
  const last = anchors[anchors.length - 1].at;
  const findings: Finding[] = [];
  let rowProblems = 0;
  let count = 0;
  let head = ZERO_HASH;
  let lastEvent: GlobalPosition | undefined;
  let next = 0;
  let holding: EventLogCheckpoint | undefined;
  let failed: { c: EventLogCheckpoint; message: string } | undefined;
  let laterFailures = 0;
  // Per stream: its events through where the log has been read (last version + 1), and what is found missing of it.
  const held = new Map<string, number>();
  const streamFindings: Finding[] = [];
  const named = new Set<string>();
  const nameStream = (stream: string, message: string): void => {
    if (named.has(stream)) return;
    named.add(stream);
    streamFindings.push({ log, message: `stream ${stream}: ${message}` });
  };
  const versions = (from: number, to: number) => (from === to ? `version ${num(from)}` : `versions ${num(from)}–${num(to)}`);

  const settle = (moreAfter: boolean): void => {
    const { c, at } = anchors[next++];
    for (const [stream, anchoredCount] of Object.entries(c.streams ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const has = held.get(stream) ?? 0;
      if (has < anchoredCount)
        nameStream(
          stream,
          `checkpoint ${c.seq} anchored ${plural(anchoredCount, 'event')}; the database has ${num(has)} through its position: ${versions(has, anchoredCount - 1)} missing`,
        );
    }
    if (count === c.count && head === c.head) {
      if (!failed) holding = c;
      return;
    }
    if (failed) {
      laterFailures++;
      return;
    }
    const anchored = `anchored ${plural(c.count, 'event')} through position ${c.scope.position} (head ${short(c.head)})`;
    const since = holding
      ? ` after checkpoint ${holding.seq} (${plural(holding.count, 'event')} through position ${holding.scope.position}), which still holds`
      : '';
    let what: string;
    if (count < c.count && !moreAfter && (!lastEvent || comparePositions(lastEvent, at) < 0))
      what = `${lastEvent ? `the database ends at position ${positionToString(lastEvent)} after ${plural(count, 'event')}` : 'the database has no events in this log'}: ${plural(c.count - count, 'event')} missing${since}`;
    else if (count < c.count)
      what = `the database has ${plural(count, 'event')} through that position: ${plural(c.count - count, 'event')} missing${since}`;
    else if (count > c.count)
      what = `the database has ${plural(count, 'event')} through that position: ${num(count - c.count)} more than anchored${since}`;
    else what = `the database has as many events through that position, but they fold to ${short(head)}: rewritten${since}`;
    failed = { c, message: `${anchored}; ${what}` };
  };

  let moreAfter = false;
  for await (const e of events) {
    if (comparePositions(e.position, last) > 0) {
      moreAfter = true;
      break;
    }
    while (next < anchors.length && comparePositions(anchors[next].at, e.position) < 0) settle(true);
    const problem = rowProblem(e, `stream ${e.streamId} version ${e.streamVersion}`);
    if (problem && rowProblems++ < MAX_ROW_FINDINGS) findings.push({ log, message: problem });
    const has = held.get(e.streamId) ?? 0;
    if (e.streamVersion > has)
      nameStream(e.streamId, `${versions(has, e.streamVersion - 1)} missing before version ${num(e.streamVersion)}`);
    held.set(e.streamId, Math.max(has, e.streamVersion + 1));
    count++;
    head = linkHash(head, e.hash);
    lastEvent = e.position;
  }
  while (next < anchors.length) settle(moreAfter);
  if (rowProblems > MAX_ROW_FINDINGS) findings.push({ log, message: `and ${num(rowProblems - MAX_ROW_FINDINGS)} more edited events` });
  // Set inside settle(), which control-flow analysis does not follow.
  const first = failed as { c: EventLogCheckpoint; message: string } | undefined;
  if (first) {
    findings.unshift({
      log,
      message: `checkpoint ${first.c.seq}: ${first.message}${laterFailures > 0 ? ` (and ${plural(laterFailures, 'later checkpoint')} of this log fail with it)` : ''}`,
    });
  }
  findings.push(...streamFindings.slice(0, MAX_ROW_FINDINGS));
  if (streamFindings.length > MAX_ROW_FINDINGS)
    findings.push({ log, message: `and ${plural(streamFindings.length - MAX_ROW_FINDINGS, 'more stream')} cut` });
  return findings;
}

/** Whole-number ranges of a sorted list: [3, 4, 5, 9] → "3–5, 9". */
function ranges(numbers: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    parts.push(i === j ? num(numbers[i]) : `${num(numbers[i])}–${num(numbers[j])}`);
    i = j;
  }
  return parts.join(', ');
}

/**
 * One day of the consultation log against its checkpoints. `events` is the day's stream as stored, in
 * version order. Entries are numbered from 1 (entry n is stream version n - 1).
 */
export function checkConsultationDay(checkpoints: ConsultationDayCheckpoint[], events: RecordedEvent[]): Finding[] {
  if (checkpoints.length === 0) return [];
  const log = consultationDayName(checkpoints[0]);
  const strongest = checkpoints.reduce((a, b) => (b.count > a.count ? b : a));
  const anchored = `anchored ${entries(strongest.count)} (head ${short(strongest.head)})`;
  if (events.length === 0) return [{ log, message: `${anchored}, the database has none` }];
  const findings: Finding[] = [];
  const byVersion = new Map(events.map((e) => [e.streamVersion, e]));
  const missing: number[] = [];
  for (let v = 0; v < strongest.count; v++) if (!byVersion.has(v)) missing.push(v + 1);
  if (missing.length > 0) {
    const present = strongest.count - missing.length;
    const lastPresent = events.filter((e) => e.streamVersion < strongest.count).at(-1);
    const tail = lastPresent === undefined || missing[0] > lastPresent.streamVersion + 1 ? ' (its tail is cut)' : '';
    findings.push({ log, message: `${anchored}, the database has ${num(present)} of them: entries ${ranges(missing)} missing${tail}` });
  }
  for (const c of [...checkpoints].sort((a, b) => a.count - b.count)) {
    const e = byVersion.get(c.count - 1);
    if (e && e.hash !== c.head) {
      findings.push({
        log,
        message: `checkpoint ${c.seq} anchored entry ${num(c.count)} with link ${short(c.head)}; the database's entry ${num(c.count)} has ${short(e.hash)}: rewritten`,
      });
      break;
    }
  }
  let rowProblems = 0;
  let previous: RecordedEvent | undefined;
  for (const e of events) {
    const label = `entry ${num(e.streamVersion + 1)}`;
    let problem = rowProblem(e, label);
    if (!problem && previous && previous.streamVersion === e.streamVersion - 1 && e.prevHash !== previous.hash)
      problem = `${label} (event ${e.id}): it does not chain to entry ${num(previous.streamVersion + 1)}`;
    if (!problem && e.streamVersion === 0 && e.prevHash !== ZERO_HASH)
      problem = `${label} (event ${e.id}): the first entry chains to something`;
    if (problem && rowProblems++ < MAX_ROW_FINDINGS) findings.push({ log, message: problem });
    previous = e;
  }
  if (rowProblems > MAX_ROW_FINDINGS) findings.push({ log, message: `and ${num(rowProblems - MAX_ROW_FINDINGS)} more edited entries` });
  return findings;
}
