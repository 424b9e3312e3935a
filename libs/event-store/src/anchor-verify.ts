import type { KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { Checkpoint, ConsultationDayCheckpoint, EventLogCheckpoint, Finding, verifyCheckpointChain } from './anchor';
import { checkConsultationDay, checkEventLog, eventLogName } from './anchor-check';
import { hasEventLog } from './anchor-writer';
import { RecordedEvent, START } from './event-store';
import { PostgresEventStore } from './postgres-event-store';

/** One file of checkpoints as read: its name, its checkpoints, and its lines that are none. */
export interface CheckpointFile {
  name: string;
  checkpoints: Checkpoint[];
  problems: string[];
}

export interface AnchorReport {
  ok: boolean;
  /** Checkpoints read, and event logs and consultation day chains (lanes, day heads; ADR 0057) compared with the database. */
  checked: { checkpoints: number; eventLogs: number; days: number };
  findings: Finding[];
}

async function* globalLog(store: PostgresEventStore, batchSize: number): AsyncIterable<RecordedEvent> {
  let from = START;
  for (;;) {
    const batch = await store.readAll(from, { limit: batchSize });
    if (batch.length === 0) return;
    yield* batch;
    from = batch[batch.length - 1].position;
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * The verification the supervisory authority runs (ADR 0052), with nothing but checkpoint files, the
 * public keys it was given and the database: each file's signatures and chain, then every anchored event
 * log and consultation day against what the database holds now.
 */
export async function verifyAnchors(options: {
  pool: Pool;
  files: CheckpointFile[];
  publicKeys: KeyObject[];
  batchSize?: number;
}): Promise<AnchorReport> {
  const findings: Finding[] = [];
  for (const file of options.files) {
    for (const problem of file.problems) findings.push({ log: `checkpoints ${file.name}`, message: problem });
    for (const f of verifyCheckpointChain(file.checkpoints, options.publicKeys)) findings.push({ ...f, log: `checkpoints ${file.name}` });
  }
  const all = options.files.flatMap((f) => f.checkpoints);
  const logs = groupBy(
    all.filter((c): c is EventLogCheckpoint => c.kind === 'event-log'),
    (c) => c.scope.schema,
  );
  const days = groupBy(
    all.filter((c): c is ConsultationDayCheckpoint => c.kind === 'consultation-day'),
    (c) => `${c.scope.schema}\u0000${c.scope.stream}`,
  );
  const present = new Map<string, boolean>();
  const exists = async (schema: string): Promise<boolean> => {
    if (!present.has(schema)) present.set(schema, await hasEventLog(options.pool, schema));
    return present.get(schema) as boolean;
  };
  const store = (schema: string) => new PostgresEventStore({ pool: options.pool, schema, listen: false, notify: false });

  for (const [schema, checkpoints] of logs) {
    if (!(await exists(schema))) {
      const strongest = checkpoints.reduce((a, b) => (b.count > a.count ? b : a));
      findings.push({
        log: eventLogName(strongest),
        message: `anchored ${strongest.count.toLocaleString('en-US')} events, but the database has no event log in schema ${schema}`,
      });
      continue;
    }
    findings.push(...(await checkEventLog(checkpoints, globalLog(store(schema), options.batchSize ?? 1000))));
  }
  for (const checkpoints of days.values()) {
    const { schema, stream } = checkpoints[0].scope;
    const events = (await exists(schema)) ? (await store(schema).readStream(stream)).events : [];
    findings.push(...checkConsultationDay(checkpoints, events));
  }
  return { ok: findings.length === 0, checked: { checkpoints: all.length, eventLogs: logs.size, days: days.size }, findings };
}
