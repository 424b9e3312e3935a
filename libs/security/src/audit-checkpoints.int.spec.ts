// Issue 20, point 5: a DBA who switches the triggers off and deletes a day of the consultation log, or
// the tail of a stream, is found by the verification, which needs nothing but the checkpoint file, the
// public key and the database, and names what is missing. Real PostgreSQL throughout.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AnchorReport,
  AuditAnchor,
  FileCheckpointSink,
  generateAnchorKey,
  parseCheckpointLines,
  PostgresEventStore,
  publicKeyFromPem,
  verifyAnchors,
} from '@police/event-store';
import { createTestDatabase, TestDatabase } from '@police/testing';
import type { Pool } from 'pg';
import { auditAnchor, auditCheckpointsFromEnv } from './audit-checkpoints';
import { ConsultationData } from './audit.events';
import { ConsultationLog } from './consultation-log';

const meta = { actor: '5415-0201', occurredAt: '2026-12-05T10:00:00.000Z', correlationId: 'c-1', causationId: 'c-1' };

function consultation(at: string, id: string): ConsultationData {
  return {
    at,
    actor: { staffId: '5415-0201', username: 'pieter.janssens', roles: ['detective'], teams: ['Diefstallen'], unit: 'LRD' },
    subject: { type: 'report', ids: [id] },
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

describe('audit checkpoints against a cut database (real PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let log: ConsultationLog;
  let reports: PostgresEventStore;
  let dir: string;
  let anchor: AuditAnchor;
  const key = generateAnchorKey();

  const verify = async (): Promise<AnchorReport> => {
    const file = path.join(dir, 'audit-checkpoints.jsonl');
    return verifyAnchors({
      pool,
      files: [{ name: file, ...parseCheckpointLines(readFileSync(file, 'utf8')) }],
      publicKeys: [publicKeyFromPem(key.publicKeyPem)],
    });
  };

  beforeEach(async () => {
    db = await createTestDatabase('anchor');
    pool = db.pool(5);
    log = new ConsultationLog({ pool });
    await log.start();
    reports = new PostgresEventStore({ pool, schema: 'reports', listen: false, notify: false });
    await reports.migrate();
    dir = mkdtempSync(path.join(tmpdir(), 'anchor-'));
    const options = auditCheckpointsFromEnv(
      { service: 'reports', services: ['reports'], dir },
      { AUDIT_CHECKPOINT_KEY: key.privateKeyPem, AUDIT_CHECKPOINT_INTERVAL_MS: '60000' },
    );
    anchor = auditAnchor(pool, options);
    for (let i = 0; i < 4; i++) await log.record(consultation(`2026-12-04T0${i}:00:00.000Z`, `r${i}`));
    for (let i = 0; i < 3; i++) await log.record(consultation(`2026-12-05T0${i}:00:00.000Z`, `r${i}`));
    for (let i = 0; i < 9; i++)
      await reports.appendToStream(`report-${i % 3}`, [{ id: randomUUID(), type: 'Noted', data: { i }, metadata: meta }]);
  });

  afterEach(async () => {
    await anchor.stop();
    await log.stop();
    await reports.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('anchors each day and each event log, and only what grew at the next run; the untouched database verifies', async () => {
    const first = await anchor.anchorNow();
    expect(first.map((c) => [c.seq, c.kind, c.scope.schema, c.count])).toEqual([
      [0, 'event-log', 'reports', 9],
      [1, 'consultation-day', 'audit', 4],
      [2, 'consultation-day', 'audit', 3],
      [3, 'event-log', 'audit', 7],
    ]);
    // The event log's checkpoint lists the streams that grew, with their counts: what a cut is named by.
    expect(first[0]).toMatchObject({ streams: { 'report-0': 3, 'report-1': 3, 'report-2': 3 } });
    expect(await anchor.anchorNow()).toEqual([]);
    await log.record(consultation('2026-12-05T09:00:00.000Z', 'r9'));
    const second = await anchor.anchorNow();
    expect(second.map((c) => [c.seq, c.kind, 'day' in c.scope ? c.scope.day : c.scope.schema, c.count])).toEqual([
      [4, 'consultation-day', '2026-12-05', 4],
      [5, 'event-log', 'audit', 8],
    ]);
    // A new writer (a restart) resumes from the file, not from the start.
    const restarted = auditAnchor(pool, {
      service: 'reports',
      services: ['reports'],
      sink: new FileCheckpointSink(path.join(dir, 'audit-checkpoints.jsonl')),
      key,
      intervalMs: 60_000,
    });
    await reports.appendToStream('report-0', [{ id: randomUUID(), type: 'Noted', data: { i: 9 }, metadata: meta }]);
    const resumed = await restarted.anchorNow();
    expect(resumed.map((c) => [c.seq, c.kind, c.count])).toEqual([[6, 'event-log', 10]]);
    expect(resumed[0]).toMatchObject({ streams: { 'report-0': 4 } });
    expect(await verify()).toEqual({ ok: true, checked: { checkpoints: 7, eventLogs: 2, days: 2 }, findings: [] });
  });

  it('names a deleted day of the consultation log', async () => {
    const [, day4] = await anchor.anchorNow();
    expect(await asDba(pool, 'DELETE FROM audit.events WHERE stream_id = $1', ['consultations-2026-12-04'])).toBe(4);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual({
      log: 'consultation log day 2026-12-04 lane 0',
      message: `anchored 4 entries (head ${day4.head.slice(0, 12)}…), the database has none`,
    });
    // The consultation log's own event log misses them too.
    expect(report.findings).toContainEqual({
      log: 'event log of reports (schema audit)',
      message: expect.stringMatching(
        /^checkpoint 3: anchored 7 events through position \d+\/\d+ \(head [0-9a-f]{12}…\); the database (ends|has) .*4 events missing$/,
      ),
    });
    expect(report.findings.filter((f) => f.log === 'consultation log day 2026-12-05 lane 0' || f.log === 'event log of reports')).toEqual(
      [],
    );
  });

  it("names the cut tail of a service's stream", async () => {
    await anchor.anchorNow();
    // report-2 holds events 2, 5 and 8 of the log: its last two versions are the cut.
    expect(await asDba(pool, 'DELETE FROM reports.events WHERE stream_id = $1 AND stream_version >= 1', ['report-2'])).toBe(2);
    const report = await verify();
    expect(report.findings).toEqual([
      {
        log: 'event log of reports',
        message: expect.stringMatching(
          /^checkpoint 0: anchored 9 events through position (\d+\/\d+) \(head [0-9a-f]{12}…\); the database ends at position \d+\/\d+ after 7 events: 2 events missing$/,
        ),
      },
      {
        log: 'event log of reports',
        message: 'stream report-2: checkpoint 0 anchored 3 events; the database has 1 through its position: versions 1–2 missing',
      },
    ]);
  });

  it('names a rewritten history: a stream deleted and written again with fresh hashes', async () => {
    await anchor.anchorNow();
    await asDba(pool, 'DELETE FROM reports.events WHERE stream_id = $1', ['report-1']);
    for (let i = 0; i < 3; i++)
      await reports.appendToStream('report-1', [{ id: randomUUID(), type: 'Noted', data: { i: 100 + i }, metadata: meta }]);
    const report = await verify();
    expect(report.findings.map((f) => `${f.log}: ${f.message}`)).toEqual([
      expect.stringMatching(
        /^event log of reports: checkpoint 0: anchored 9 events .*; the database has 6 events through that position: 3 events missing$/,
      ),
      'event log of reports: stream report-1: checkpoint 0 anchored 3 events; the database has 0 through its position: versions 0–2 missing',
    ]);
  });

  it('lists no streams in a checkpoint when more grew than the writer lists, and still verifies', async () => {
    const file = path.join(dir, 'few.jsonl');
    const few = new AuditAnchor({
      pool,
      sink: new FileCheckpointSink(file),
      key,
      logs: [{ service: 'reports', schema: 'reports' }],
      streamsListed: 2,
    });
    const [checkpoint] = await few.anchorNow();
    expect(checkpoint).toMatchObject({ kind: 'event-log', count: 9 });
    expect(checkpoint).not.toHaveProperty('streams');
    await reports.appendToStream('report-1', [{ id: randomUUID(), type: 'Noted', data: { i: 10 }, metadata: meta }]);
    const [next] = await few.anchorNow();
    expect(next).toMatchObject({ count: 10, streams: { 'report-1': 4 } });
    const report = await verifyAnchors({
      pool,
      files: [{ name: file, ...parseCheckpointLines(readFileSync(file, 'utf8')) }],
      publicKeys: [key.publicKey],
    });
    expect(report).toEqual({ ok: true, checked: { checkpoints: 2, eventLogs: 1, days: 0 }, findings: [] });
  });

  it('names a removed checkpoint line', async () => {
    await anchor.anchorNow();
    const file = path.join(dir, 'audit-checkpoints.jsonl');
    const { checkpoints } = parseCheckpointLines(readFileSync(file, 'utf8'));
    const report = await verifyAnchors({
      pool,
      files: [{ name: 'cut.jsonl', checkpoints: checkpoints.filter((c) => c.seq !== 1), problems: [] }],
      publicKeys: [key.publicKey],
    });
    expect(report.findings).toEqual([{ log: 'checkpoints cut.jsonl', message: 'checkpoints 1–1 are missing (the file goes from 0 to 2)' }]);
  });
});
