import {
  anchorKeyFromPem,
  Checkpoint,
  CheckpointBody,
  ConsultationDayCheckpoint,
  EventLogCheckpoint,
  generateAnchorKey,
  nextLink,
  parseCheckpointLines,
  publicKeyFromPem,
  signCheckpoint,
  verifyCheckpointChain,
} from './anchor';
import { checkConsultationDay, checkEventLog } from './anchor-check';
import { formatReport, parseVerifyArguments } from './audit-verify.main';
import { positionToString, RecordedEvent } from './event-store';
import { canonicalJson, linkHash, ZERO_HASH } from './hashing';
import { InMemoryEventStore } from './in-memory-event-store';

const key = generateAnchorKey();
const metadata = { actor: 'staff-1', occurredAt: '2026-12-05T10:00:00.000Z', correlationId: 'c-1', causationId: 'c-1' };

function chain(bodies: Omit<CheckpointBody, 'v' | 'seq' | 'prev' | 'keyId' | 'createdAt'>[]): Checkpoint[] {
  const out: Checkpoint[] = [];
  for (const b of bodies)
    out.push(
      signCheckpoint(
        { v: 1, ...nextLink(out.at(-1)), ...b, keyId: key.keyId, createdAt: '2026-12-05T10:00:00.000Z' } as CheckpointBody,
        key,
      ),
    );
  return out;
}

async function* iterate(events: RecordedEvent[]): AsyncIterable<RecordedEvent> {
  yield* events;
}

/** A log of `n` events over three streams, in the store's global order. */
async function log(n: number): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  for (let i = 0; i < n; i++)
    await store.appendToStream(`case-${i % 3}`, [{ id: crypto.randomUUID(), type: 'Noted', data: { i }, metadata }]);
  return store.readAll({ commit: -1n, prepare: -1n }, { limit: n });
}

/** Event-log checkpoints after each of `counts` events, as the writer makes them (`listed`: with the streams that grew). */
function logCheckpoints(events: RecordedEvent[], counts: number[], listed = true): EventLogCheckpoint[] {
  return chain(
    counts.map((count, i) => ({
      kind: 'event-log' as const,
      service: 'reports',
      scope: { schema: 'reports', position: positionToString(events[count - 1].position) },
      count,
      head: events.slice(0, count).reduce((h, e) => linkHash(h, e.hash), ZERO_HASH),
      ...(listed
        ? { streams: Object.fromEntries(events.slice(i === 0 ? 0 : counts[i - 1], count).map((e) => [e.streamId, e.streamVersion + 1])) }
        : {}),
    })),
  ) as EventLogCheckpoint[];
}

async function day(n: number): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  for (let i = 0; i < n; i++)
    await store.appendToStream('consultations-2026-12-05', [
      { id: crypto.randomUUID(), type: 'ConsultationRecorded', data: { i }, metadata },
    ]);
  return (await store.readStream('consultations-2026-12-05')).events;
}

function dayCheckpoints(events: RecordedEvent[], counts: number[]): ConsultationDayCheckpoint[] {
  return chain(
    counts.map((count) => ({
      kind: 'consultation-day' as const,
      service: 'reports',
      scope: { schema: 'audit', day: '2026-12-05', stream: 'consultations-2026-12-05' },
      count,
      head: events[count - 1].hash,
    })),
  ) as ConsultationDayCheckpoint[];
}

describe('checkpoint signatures and chain', () => {
  const checkpoints = chain(
    [1, 2, 3].map((count) => ({
      kind: 'event-log' as const,
      service: 'reports',
      scope: { schema: 'reports', position: `${count}/${count}` },
      count,
      head: 'ab'.repeat(32),
    })),
  );

  it('accepts a chain signed by the given key, after a round trip through JSON Lines', () => {
    const text = checkpoints.map((c) => canonicalJson(c)).join('\n');
    const parsed = parseCheckpointLines(text);
    expect(parsed.problems).toEqual([]);
    expect(verifyCheckpointChain(parsed.checkpoints, [publicKeyFromPem(key.publicKeyPem)])).toEqual([]);
  });

  it('names a removed checkpoint', () => {
    const findings = verifyCheckpointChain([checkpoints[0], checkpoints[2]], [key.publicKey]);
    expect(findings.map((f) => f.message)).toEqual(['checkpoints 1–1 are missing (the file goes from 0 to 2)']);
  });

  it('names an edited checkpoint: its signature fails', () => {
    const edited = { ...checkpoints[1], count: 1 } as Checkpoint;
    expect(verifyCheckpointChain([checkpoints[0], edited, checkpoints[2]], [key.publicKey]).map((f) => f.message)).toEqual([
      'checkpoint 1: the signature does not match its content',
      'checkpoint 2 does not chain to the checkpoint before it (replaced or edited)',
    ]);
  });

  it('refuses a checkpoint signed by another key, and a replaced one re-signed by it', () => {
    const other = generateAnchorKey();
    const forged = signCheckpoint({ ...checkpoints[1], count: 1, keyId: other.keyId } as CheckpointBody, other);
    expect(verifyCheckpointChain([checkpoints[0], forged], [key.publicKey]).map((f) => f.message)).toEqual([
      `checkpoint 1 is signed by key ${other.keyId.slice(0, 16)}…, which is not one of the public keys given`,
    ]);
  });

  it('reads the key back from its PEM', () => {
    expect(anchorKeyFromPem(key.privateKeyPem).keyId).toBe(key.keyId);
    expect(() => publicKeyFromPem(generateAnchorKey().publicKeyPem.replace('MCow', 'MCox'))).toThrow();
  });

  it('names lines that are no checkpoint', () => {
    expect(parseCheckpointLines('{"v":2}\nnot json\n\n').problems).toEqual([
      'line 1 is not a checkpoint: v is not 1',
      'line 2 is not JSON',
    ]);
  });
});

describe('event log against its checkpoints', () => {
  it('holds when the log only grew', async () => {
    const events = await log(12);
    expect(await checkEventLog(logCheckpoints(events, [4, 8, 10]), iterate(events))).toEqual([]);
  });

  it('names a cut tail: where the database ends and how many events are missing', async () => {
    const events = await log(12);
    const findings = await checkEventLog(logCheckpoints(events, [4, 10]), iterate(events.slice(0, 7)));
    expect(findings).toEqual([
      {
        log: 'event log of reports',
        message:
          `checkpoint 1: anchored 10 events through position ${positionToString(events[9].position)} (head ${logCheckpoints(events, [10])[0].head.slice(0, 12)}…); ` +
          `the database ends at position ${positionToString(events[6].position)} after 7 events: 3 events missing after checkpoint 0 (4 events through position ${positionToString(events[3].position)}), which still holds`,
      },
      // Events 7, 8 and 9 were the last of the three streams (event i is version ⌊i / 3⌋ of case-(i mod 3)).
      {
        log: 'event log of reports',
        message: 'stream case-0: checkpoint 1 anchored 4 events; the database has 3 through its position: version 3 missing',
      },
      {
        log: 'event log of reports',
        message: 'stream case-1: checkpoint 1 anchored 3 events; the database has 2 through its position: version 2 missing',
      },
      {
        log: 'event log of reports',
        message: 'stream case-2: checkpoint 1 anchored 3 events; the database has 2 through its position: version 2 missing',
      },
    ]);
  });

  it('names the streams a cut tail took only by the counts when the checkpoints do not list them (too many grew)', async () => {
    const events = await log(12);
    const findings = await checkEventLog(logCheckpoints(events, [4, 10], false), iterate(events.slice(0, 7)));
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^checkpoint 1: anchored 10 events .*: 3 events missing after checkpoint 0/),
    ]);
  });

  it('names the stream and the versions of events deleted in the middle of a stream', async () => {
    const events = await log(12);
    // Events 1 and 4 are versions 0 and 1 of case-1; version 2 (event 7) remains.
    const findings = await checkEventLog(logCheckpoints(events, [12]), iterate(events.filter((_, i) => i !== 1 && i !== 4)));
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^checkpoint 0: anchored 12 events .*: 2 events missing$/),
      'stream case-1: versions 0–1 missing before version 2',
    ]);
  });

  it('names a deleted event in the middle, between the checkpoints around it, while later events remain', async () => {
    const events = await log(12);
    const findings = await checkEventLog(logCheckpoints(events, [4, 8, 10]), iterate([...events.slice(0, 5), ...events.slice(6)]));
    expect(findings).toHaveLength(2);
    expect(findings[0].message).toMatch(
      /^checkpoint 1: anchored 8 events through position .*; the database has 7 events through that position: 1 event missing after checkpoint 0 \(4 events through position .*\), which still holds \(and 1 later checkpoint of this log fail with it\)$/,
    );
    expect(findings[1].message).toBe(
      'stream case-2: checkpoint 1 anchored 2 events; the database has 1 through its position: version 1 missing',
    );
  });

  it('names a rewritten history (same count, other links)', async () => {
    const events = await log(6);
    const rewritten = [...events.slice(0, 2), { ...events[2], hash: linkHash(ZERO_HASH, ZERO_HASH) }, ...events.slice(3)];
    const findings = await checkEventLog(logCheckpoints(events, [6]), iterate(rewritten));
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^checkpoint 0: anchored 6 events .*; the database has as many events through that position, but they fold to [0-9a-f]{12}…: rewritten$/,
      ),
      `stream ${events[2].streamId} version ${events[2].streamVersion} (event ${events[2].id}): its link does not match its hashes (edited)`,
    ]);
  });

  it('names an event edited in place', async () => {
    const events = await log(3);
    const edited = [events[0], { ...events[1], data: { i: 99 } }, events[2]];
    expect((await checkEventLog(logCheckpoints(events, [3]), iterate(edited))).map((f) => f.message)).toEqual([
      `stream ${events[1].streamId} version 0 (event ${events[1].id}): its content does not match its content hash (edited)`,
    ]);
  });

  it('names an emptied log', async () => {
    const events = await log(3);
    expect((await checkEventLog(logCheckpoints(events, [3]), iterate([]))).map((f) => f.message)).toEqual([
      expect.stringMatching(/^checkpoint 0: anchored 3 events .*; the database has no events in this log: 3 events missing$/),
      'stream case-0: checkpoint 0 anchored 1 event; the database has 0 through its position: version 0 missing',
      'stream case-1: checkpoint 0 anchored 1 event; the database has 0 through its position: version 0 missing',
      'stream case-2: checkpoint 0 anchored 1 event; the database has 0 through its position: version 0 missing',
    ]);
  });
});

describe('consultation day against its checkpoints', () => {
  it('holds when the day only grew', async () => {
    const events = await day(5);
    expect(checkConsultationDay(dayCheckpoints(events, [2, 4]), events)).toEqual([]);
  });

  it('names a deleted day', async () => {
    const events = await day(5);
    const [c] = dayCheckpoints(events, [5]);
    expect(checkConsultationDay([c], [])).toEqual([
      { log: 'consultation log day 2026-12-05', message: `anchored 5 entries (head ${c.head.slice(0, 12)}…), the database has none` },
    ]);
  });

  it('names a cut tail and the missing entries', async () => {
    const events = await day(6);
    const checkpoints = dayCheckpoints(events, [3, 6]);
    expect(checkConsultationDay(checkpoints, events.slice(0, 4)).map((f) => f.message)).toEqual([
      `anchored 6 entries (head ${checkpoints[1].head.slice(0, 12)}…), the database has 4 of them: entries 5–6 missing (its tail is cut)`,
    ]);
  });

  it('names entries missing in the middle', async () => {
    const events = await day(6);
    const findings = checkConsultationDay(dayCheckpoints(events, [6]), [events[0], events[3], events[4], events[5]]);
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/the database has 4 of them: entries 2–3 missing$/)]);
  });

  it('names the lane or the day heads of a day with lanes (ADR 0057), and reads a lane back from the file', async () => {
    const events = await day(2);
    const lane = (l: string | undefined) => {
      const [c] = dayCheckpoints(events, [2]);
      return signCheckpoint({ ...c, scope: { ...c.scope, lane: l } } as CheckpointBody, key) as ConsultationDayCheckpoint;
    };
    expect(checkConsultationDay([lane('2')], [])[0].log).toBe('consultation log day 2026-12-05 lane 2');
    expect(checkConsultationDay([lane('head')], [])[0].log).toBe('consultation log day 2026-12-05 day heads');
    const line = (l: unknown) => JSON.stringify({ ...lane('1'), scope: { ...lane('1').scope, lane: l } });
    expect(parseCheckpointLines(line('1'))).toEqual({
      checkpoints: [expect.objectContaining({ scope: expect.objectContaining({ lane: '1' }) })],
      problems: [],
    });
    expect(parseCheckpointLines(line(1)).problems).toEqual(['line 1 is not a checkpoint: scope.lane is not a string']);
  });

  it('names a rewritten day: the anchored entry has another link', async () => {
    const events = await day(3);
    const other = await day(3);
    expect(checkConsultationDay(dayCheckpoints(events, [3]), other).map((f) => f.message)).toEqual([
      `checkpoint 0 anchored entry 3 with link ${events[2].hash.slice(0, 12)}…; the database's entry 3 has ${other[2].hash.slice(0, 12)}…: rewritten`,
    ]);
  });
});

describe('the audit:verify command line', () => {
  it('reads its arguments', () => {
    expect(
      parseVerifyArguments(['--checkpoints', 'a.jsonl', '--checkpoints', 'b.jsonl', '--public-key', 'k.pem', '--database', 'postgres://x']),
    ).toEqual({
      checkpoints: ['a.jsonl', 'b.jsonl'],
      publicKeys: ['k.pem'],
      database: 'postgres://x',
    });
    expect(parseVerifyArguments(['--checkpoints', 'a.jsonl', '--database', 'postgres://x'])).toBe('--public-key is required');
    expect(parseVerifyArguments(['--checkpoints'])).toBe('--checkpoints needs a value');
    expect(parseVerifyArguments(['--force'])).toBe('unknown argument --force');
  });

  it('prints what failed, one finding a line', () => {
    expect(
      formatReport({
        ok: false,
        checked: { checkpoints: 3, eventLogs: 1, days: 1 },
        findings: [{ log: 'consultation log day 2026-12-05', message: 'gone' }],
      }),
    ).toBe('FAILED: 3 checkpoints, 1 event logs, 1 consultation day chains; 1 findings:\n  consultation log day 2026-12-05: gone\n');
    expect(formatReport({ ok: true, checked: { checkpoints: 3, eventLogs: 1, days: 1 }, findings: [] })).toMatch(/^OK: /);
  });
});
