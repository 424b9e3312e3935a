// Issue 19, item 3 (ADR 0057): concurrent reads append to several lanes of their day, each lane and the day
// head verify, and a lane cut or dropped behind the append-only triggers is named, by the log's own
// verification and by the checkpoints' (`npm run audit:verify`). Real PostgreSQL throughout.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AnchorReport,
  Checkpoint,
  generateAnchorKey,
  parseCheckpointLines,
  PostgresEventStore,
  publicKeyFromPem,
  verifyAnchors,
} from '@police/event-store';
import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import type { Pool } from 'pg';
import { auditAnchor, auditCheckpointsFromEnv } from './audit-checkpoints';
import { ConsultationData, consultationHeadStream, consultationLaneStream } from './audit.events';
import { CONSULTATION_DAY_HEAD, dayHead } from './consultation-lanes';
import { ConsultationLog } from './consultation-log';

const DAY = '2026-12-05';

function consultation(i: number): ConsultationData {
  return {
    at: `${DAY}T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
    actor: { staffId: '5415-0201', username: 'pieter.janssens', roles: ['detective'], teams: ['Diefstallen'], unit: 'LRD' },
    subject: { type: 'report', ids: [`r${i}`] },
    kind: 'record',
    outcome: 'granted',
    reason: 'assigned',
    breakGlass: false,
    endpoint: { method: 'GET', route: '/api/reports/reports/:id' },
    correlationId: randomUUID(),
  };
}

/** What a DBA can do: switch the append-only triggers off for the session and delete rows. */
async function asDba(pool: Pool, sql: string, params: unknown[]): Promise<number> {
  const c = await pool.connect();
  try {
    await c.query('SET session_replication_role = replica');
    const r = await c.query(sql, params);
    await c.query('SET session_replication_role = DEFAULT');
    return r.rowCount ?? 0;
  } finally {
    c.release();
  }
}

describe('consultation log lanes (real PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let log: ConsultationLog;
  let dir: string;

  /** 40 reads at once: the lanes take ten each. */
  async function concurrentReads(): Promise<{ eventId: string; streamId: string }[]> {
    return Promise.all(Array.from({ length: 40 }, (_, i) => log.record(consultation(i))));
  }

  beforeEach(async () => {
    db = await createTestDatabase('lanes');
    pool = db.pool(6);
    log = new ConsultationLog({ pool, lanes: 4, dayHeadIntervalMs: 3_600_000 });
    await log.start();
    dir = mkdtempSync(path.join(tmpdir(), 'lanes-'));
  });

  afterEach(async () => {
    await log.stop();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts concurrent reads in several lanes of their day, and each lane, the day heads and the day verify', async () => {
    const written = await concurrentReads();
    const byLane = new Map<string, number>();
    for (const w of written) byLane.set(w.streamId, (byLane.get(w.streamId) ?? 0) + 1);
    expect([...byLane].sort()).toEqual([0, 1, 2, 3].map((k) => [consultationLaneStream(DAY, k), 10]));

    const [recorded] = await log.recordDayHeads();
    expect(recorded.lanes.map((l) => [l.lane, l.count])).toEqual([
      [0, 10],
      [1, 10],
      [2, 10],
      [3, 10],
    ]);
    const v = await log.verify(DAY);
    expect(v).toMatchObject({
      date: DAY,
      stream: `consultations-${DAY}`,
      ok: true,
      events: 40,
      headHash: recorded.head,
      dayHeads: { stream: consultationHeadStream(DAY), records: 1 },
    });
    expect(v.lanes.map((l) => [l.lane, l.ok, l.events])).toEqual([
      [0, true, 10],
      [1, true, 10],
      [2, true, 10],
      [3, true, 10],
    ]);
    const heads = await log.store.readStream(consultationHeadStream(DAY));
    expect(heads.events.map((e) => e.type)).toEqual([CONSULTATION_DAY_HEAD]);
    // A quiet process keeps to lane 0; nothing new, no new day head.
    expect((await log.record(consultation(41))).streamId).toBe(consultationLaneStream(DAY, 0));
    expect(await log.recordDayHeads()).toHaveLength(1);
    expect(await log.recordDayHeads()).toEqual([]);
    // The read model shows every one.
    await eventually(async () =>
      expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.consultations')).rows[0].n).toBe(41),
    );
  });

  it('verifies a day written before lanes: one chain under the day stream, no day heads', async () => {
    const store = new PostgresEventStore({ pool, schema: 'audit', listen: false, notify: false });
    const old = '2026-11-30';
    for (let i = 0; i < 3; i++) {
      const data = { ...consultation(i), at: `${old}T08:00:00.000Z` };
      await store.appendToStream(`consultations-${old}`, [
        {
          id: randomUUID(),
          type: 'ConsultationRecorded',
          data,
          metadata: { actor: data.actor.staffId, occurredAt: data.at, correlationId: data.correlationId, causationId: data.correlationId },
        },
      ]);
    }
    const lane0 = (await store.readStream(`consultations-${old}`)).events;
    expect(await log.verify(old)).toEqual({
      date: old,
      stream: `consultations-${old}`,
      ok: true,
      events: 3,
      headHash: dayHead([{ lane: 0, count: 3, head: lane0[2].hash }]),
      lanes: [{ lane: 0, stream: `consultations-${old}`, ok: true, events: 3, headHash: lane0[2].hash }],
      dayHeads: { stream: consultationHeadStream(old), records: 0 },
    });
    await store.close();
  });

  it("names a lane's cut tail and a dropped lane behind the triggers, against the day head", async () => {
    await concurrentReads();
    await log.recordDayHeads();
    const lane1 = consultationLaneStream(DAY, 1);
    const lane3 = consultationLaneStream(DAY, 3);
    expect(await asDba(pool, 'DELETE FROM audit.events WHERE stream_id = $1 AND stream_version >= 7', [lane1])).toBe(3);
    expect(await asDba(pool, 'DELETE FROM audit.events WHERE stream_id = $1', [lane3])).toBe(10);
    const v = await log.verify(DAY);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    // Each lane left is a sound chain on its own: only the day head knows what is gone.
    expect(v.lanes.map((l) => [l.lane, l.ok, l.events])).toEqual([
      [0, true, 10],
      [1, true, 7],
      [2, true, 10],
    ]);
    expect(v.brokenAt).toEqual({ stream: lane1, streamVersion: 9, eventId: expect.any(String), reason: 'missing' });
    expect(v.problems).toEqual([
      `lane 1 (${lane1}): day head 0 recorded 10 entries, the database has 7: its tail is cut`,
      `lane 3 (${lane3}): day head 0 recorded 10 entries, the database has none`,
    ]);
  });

  it('has audit:verify name the cut lane and the dropped lane from the checkpoints', async () => {
    const key = generateAnchorKey();
    const options = auditCheckpointsFromEnv(
      { service: 'reports', services: [], dir },
      { AUDIT_CHECKPOINT_KEY: key.privateKeyPem, AUDIT_CHECKPOINT_INTERVAL_MS: '60000' },
    );
    const anchor = auditAnchor(pool, options);
    const verify = async (): Promise<AnchorReport> => {
      const file = path.join(dir, 'audit-checkpoints.jsonl');
      return verifyAnchors({
        pool,
        files: [{ name: file, ...parseCheckpointLines(readFileSync(file, 'utf8')) }],
        publicKeys: [publicKeyFromPem(key.publicKeyPem)],
      });
    };
    try {
      await concurrentReads();
      await log.recordDayHeads();
      const written = await anchor.anchorNow();
      const laneOf = (c: Checkpoint) => (c.kind === 'consultation-day' ? c.scope.lane : undefined);
      const rows = written.map((c) => [c.kind, laneOf(c), c.count]);
      // Each lane's head (in the order their first entries committed), the day heads' chain, then the audit log as a whole.
      expect(rows.slice(0, 4).sort()).toEqual([0, 1, 2, 3].map((k) => ['consultation-day', String(k), 10]));
      expect(rows.slice(4)).toEqual([
        ['consultation-day', 'head', 1],
        ['event-log', undefined, 41],
      ]);
      expect(await verify()).toEqual({ ok: true, checked: { checkpoints: 6, eventLogs: 1, days: 5 }, findings: [] });

      await asDba(pool, 'DELETE FROM audit.events WHERE stream_id = $1 AND stream_version >= 8', [consultationLaneStream(DAY, 2)]);
      await asDba(pool, 'DELETE FROM audit.events WHERE stream_id = $1', [consultationLaneStream(DAY, 1)]);
      const report = await verify();
      expect(report.ok).toBe(false);
      const lane1 = written.find((c) => laneOf(c) === '1')!;
      expect(report.findings).toContainEqual({
        log: `consultation log day ${DAY} lane 1`,
        message: `anchored 10 entries (head ${lane1.head.slice(0, 12)}…), the database has none`,
      });
      expect(report.findings).toContainEqual({
        log: `consultation log day ${DAY} lane 2`,
        message: expect.stringMatching(
          /^anchored 10 entries \(head [0-9a-f]{12}…\), the database has 8 of them: entries 9–10 missing \(its tail is cut\)$/,
        ),
      });
      expect(report.findings.filter((f) => /lane [03]$|day heads$/.test(f.log))).toEqual([]);
    } finally {
      await anchor.stop();
    }
  });
});
