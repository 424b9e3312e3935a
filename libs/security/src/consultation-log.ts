import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  GlobalPosition,
  LogPage,
  migrate,
  NewEvent,
  pollingSubscription,
  PostgresEventStore,
  Projector,
  ReadAllOptions,
  ReadLogOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  VerificationResult,
  verifyChain,
} from '@police/event-store';
import type { Metrics } from '@police/metrics';
import { dataSourceOnPool } from '@police/platform';
import {
  CONSULTATION_RECORDED,
  CONSULTATION_REFUSED,
  ConsultationData,
  consultationHeadStream,
  consultationLaneStream,
  consultationStream,
  parseConsultationStream,
  utcDay,
} from './audit.events';
import {
  checkDayHeads,
  chooseLane,
  CONSULTATION_DAY_HEAD,
  dayHead,
  DayHeadData,
  DEFAULT_CONSULTATION_LANES,
  LaneHead,
  laneHeadOf,
  MAX_CONSULTATION_LANES,
} from './consultation-lanes';
import { consultationsProjection } from './consultation.projection';
import { AUDIT_READ_MODEL_MIGRATIONS, AUDIT_SCHEMA, ConsultationRow } from './consultation.read-model';

/** One lane of a day, re-computed. */
export type LaneVerification = VerificationResult & { lane: number; stream: string };

/** The first problem of a day: an entry whose content or link does not match, or one a day head recorded that is gone or rewritten. */
export interface DayBreak {
  /** The lane (or the day-head chain) it is in. */
  stream: string;
  streamVersion: number;
  eventId: string;
  reason: 'content' | 'link' | 'missing' | 'rewritten';
}

/**
 * The result of re-computing one day of consultation records: every lane and the day's head chain (ADR 0057).
 * `stream` is the day's own stream (lane 0); `events` counts the consultations of all lanes.
 */
export type DayVerification = (
  | { ok: true; events: number; /** The day head over the lanes as stored. */ headHash: string }
  | { ok: false; events: number; brokenAt: DayBreak; /** Every problem found, each naming its lane. */ problems: string[] }
) & {
  date: string;
  stream: string;
  lanes: LaneVerification[];
  /** The day's head chain: its stream and how many day heads it holds. */
  dayHeads: { stream: string; records: number };
};

/** When nothing nudges it (appends of other processes), the read model looks for new records this often. */
export const AUDIT_PROJECTION_POLL_MS = 5000;
/** After an append in this process, the read model catches up within about this delay. */
export const AUDIT_PROJECTION_DELAY_MS = 100;

/**
 * The projector's view of the log. Appends nudge it, but at most once per `delayMs`, so one projection
 * transaction covers every read of that window instead of one per read; without nudges it polls
 * slowly (an idle embedded host does next to nothing). Oversight's queries lag the log by about
 * `delayMs` (or `pollMs` for another process's records).
 */
class NudgedSource implements EventStore {
  private readonly wakers = new Set<() => void>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly pollMs: number,
    private readonly delayMs: number,
  ) {}

  nudge(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const wake of this.wakers) wake();
    }, this.delayMs);
    this.timer.unref();
  }

  subscribeToAll(from: GlobalPosition, options: SubscribeOptions): Subscription {
    return pollingSubscription({
      from,
      read: (position, limit) => this.store.readAll(position, { limit, open: options.open }),
      handle: options.handle,
      onError: options.onError,
      backoff: options.backoff,
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: this.pollMs,
      onWake: (wake) => {
        this.wakers.add(wake);
        return () => this.wakers.delete(wake);
      },
    });
  }

  appendToStream(stream: string, events: NewEvent[], options?: { expected?: ExpectedVersion }): Promise<AppendResult> {
    return this.store.appendToStream(stream, events, options);
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<ReadStreamResult> {
    return this.store.readStream(stream, options);
  }

  readAll(from: GlobalPosition, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.store.readAll(from, options);
  }

  /** The store's own filtered read (ADR 0063): a rebuild of the consultations reads only their types. */
  readLog(from: GlobalPosition, options?: ReadLogOptions): Promise<LogPage> {
    return this.store.readLog(from, options);
  }

  verifyStream(stream: string): Promise<VerificationResult> {
    return this.store.verifyStream(stream);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** How often a process records the heads of the days it appended to, by default (and once more when it stops). */
export const DAY_HEAD_INTERVAL_MS = 60_000;

/**
 * The consultation log: append-only, hash-chained event streams in schema `audit` (the event store's own
 * chains), projected into `audit.consultations` for oversight's queries.
 *
 * A UTC day is several chains, its lanes (ADR 0057): a consultation goes to the lane with the fewest appends
 * pending in this process, each lane with its own group-commit queue, so concurrent reads share transactions
 * within a lane and no longer queue behind one chain. Now and then (and at stop) the process appends the day's
 * head over its lanes to the day's head chain, so a lane dropped or cut behind it is named by {@link verify}.
 * Appends notify no one: the projection is nudged in-process (see {@link NudgedSource}).
 */
export class ConsultationLog {
  /** The audit schema's event store (reads, migrations; lane 0's queue). */
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  private readonly source: NudgedSource;
  private readonly projector: Projector;
  /** One store per lane, each with one append in flight: its own group-commit queue. */
  private readonly lanes: PostgresEventStore[];
  private readonly pending: number[];
  /** Days appended to since their head was last recorded. */
  private readonly unsealed = new Set<string>();
  private sealing: Promise<unknown> = Promise.resolve();
  private sealTimer?: NodeJS.Timeout;

  constructor(
    private readonly options: {
      pool: Pool;
      pollIntervalMs?: number;
      projectionDelayMs?: number;
      metrics?: Metrics;
      /** Lanes this process appends to (1–64). Default {@link DEFAULT_CONSULTATION_LANES}. */
      lanes?: number;
      /** The lane a quiet process writes to; replicas sharing a database may start from different ones. Default 0. */
      firstLane?: number;
      /** How often the heads of the days appended to are recorded. Default {@link DAY_HEAD_INTERVAL_MS}. */
      dayHeadIntervalMs?: number;
    },
  ) {
    const lanes = options.lanes ?? DEFAULT_CONSULTATION_LANES;
    if (!Number.isInteger(lanes) || lanes < 1 || lanes > MAX_CONSULTATION_LANES)
      throw new Error(`A consultation log has 1 to ${MAX_CONSULTATION_LANES} lanes, not ${lanes}`);
    const store = () =>
      new PostgresEventStore({ pool: options.pool, schema: AUDIT_SCHEMA, listen: false, notify: false, maxAppendsInFlight: 1 });
    this.lanes = Array.from({ length: lanes }, store);
    this.pending = this.lanes.map(() => 0);
    this.store = this.lanes[0];
    this.source = new NudgedSource(
      this.store,
      options.pollIntervalMs ?? AUDIT_PROJECTION_POLL_MS,
      options.projectionDelayMs ?? AUDIT_PROJECTION_DELAY_MS,
    );
    this.dataSource = dataSourceOnPool(options.pool, [ConsultationRow]);
    this.projector = new Projector({
      dataSource: this.dataSource,
      store: this.source,
      schema: AUDIT_SCHEMA,
      projections: [consultationsProjection],
    });
  }

  /** Creates or upgrades the schema and starts projecting and recording day heads. */
  async start(): Promise<void> {
    await this.store.migrate();
    await migrate(this.options.pool, AUDIT_SCHEMA, AUDIT_READ_MODEL_MIGRATIONS, 'audit_migrations');
    if (!this.dataSource.isInitialized) await this.dataSource.initialize();
    await this.projector.migrate();
    await this.projector.start();
    this.scheduleDayHeads();
  }

  /** Records the heads of the days appended to, then stops. */
  async stop(): Promise<void> {
    clearTimeout(this.sealTimer);
    this.sealTimer = undefined;
    await this.recordDayHeads().catch(() => undefined);
    await this.projector.stop();
    await this.source.close();
    await Promise.all(this.lanes.map((l) => l.close()));
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /** Appends one consultation to a lane of its day; resolves once it is committed. Writes and failures are counted in the metrics. */
  async record(data: ConsultationData): Promise<{ eventId: string; streamId: string }> {
    try {
      const written = await this.append(data);
      this.options.metrics?.consultationWrites.inc({ outcome: 'written' });
      return written;
    } catch (e) {
      this.options.metrics?.consultationWrites.inc({ outcome: 'failed' });
      throw e;
    }
  }

  private async append(data: ConsultationData): Promise<{ eventId: string; streamId: string }> {
    const eventId = randomUUID();
    const day = utcDay(new Date(data.at));
    const lane = chooseLane(this.pending, this.options.firstLane ?? 0);
    const streamId = consultationLaneStream(day, lane);
    this.pending[lane]++;
    try {
      await this.lanes[lane].appendToStream(
        streamId,
        [
          {
            id: eventId,
            type: data.outcome === 'granted' ? CONSULTATION_RECORDED : CONSULTATION_REFUSED,
            data,
            metadata: {
              actor: data.actor.staffId,
              occurredAt: data.at,
              correlationId: data.correlationId,
              causationId: data.correlationId,
            },
          },
        ],
        { expected: 'any' },
      );
    } finally {
      this.pending[lane]--;
    }
    this.unsealed.add(day);
    this.source.nudge();
    return { eventId, streamId };
  }

  private scheduleDayHeads(): void {
    clearTimeout(this.sealTimer);
    this.sealTimer = setTimeout(() => {
      this.recordDayHeads()
        .catch(() => undefined)
        .finally(() => this.scheduleDayHeads());
    }, this.options.dayHeadIntervalMs ?? DAY_HEAD_INTERVAL_MS);
    this.sealTimer.unref();
  }

  /**
   * Appends to each day's head chain that day's lanes as stored now (entries and link of each), for every day
   * this process appended to since the last time; a failed day is tried again next time. Runs are serialised.
   */
  recordDayHeads(): Promise<DayHeadData[]> {
    const run = this.sealing.then(async () => {
      const written: DayHeadData[] = [];
      for (const day of [...this.unsealed].sort()) {
        this.unsealed.delete(day);
        try {
          const lanes = await this.laneHeads(day);
          const data: DayHeadData = { day, lanes, head: dayHead(lanes) };
          const id = randomUUID();
          await this.store.appendToStream(
            consultationHeadStream(day),
            [
              {
                id,
                type: CONSULTATION_DAY_HEAD,
                data,
                metadata: { actor: 'system', occurredAt: new Date().toISOString(), correlationId: id, causationId: id },
              },
            ],
            { expected: 'any' },
          );
          written.push(data);
        } catch (e) {
          this.unsealed.add(day);
          throw e;
        }
      }
      return written;
    });
    this.sealing = run.catch(() => undefined);
    return run;
  }

  /** Every lane of a day that holds entries, in lane order, with its entries in version order. */
  /**
   * The last entry of each lane of a day that holds any, in lane order: one index probe per possible lane,
   * whatever the day's volume.
   */
  private async laneHeads(day: string): Promise<LaneHead[]> {
    const names = Array.from({ length: MAX_CONSULTATION_LANES }, (_, k) => consultationLaneStream(day, k));
    const { rows } = await this.options.pool.query<{ stream_id: string; stream_version: number; hash: Buffer; event_id: string }>(
      `SELECT l.stream_id, e.stream_version, e.hash, e.event_id
         FROM unnest($1::text[]) AS l(stream_id)
         CROSS JOIN LATERAL (
           SELECT stream_version, hash, event_id FROM "${AUDIT_SCHEMA}".events e
            WHERE e.stream_id = l.stream_id ORDER BY e.stream_version DESC LIMIT 1) e`,
      [names],
    );
    return rows
      .map((r) => ({
        lane: laneOf(r.stream_id),
        stream: r.stream_id,
        count: r.stream_version + 1,
        head: r.hash.toString('hex'),
        lastEventId: r.event_id,
      }))
      .sort((a, b) => a.lane - b.lane);
  }

  /** Every lane of a day that holds entries, in lane order, with its entries in version order. */
  private async readLanes(day: string): Promise<Map<string, RecordedEvent[]>> {
    const lanes = new Map<string, RecordedEvent[]>();
    for (const { stream } of await this.laneHeads(day)) lanes.set(stream, (await this.store.readStream(stream)).events);
    return lanes;
  }

  /**
   * Re-computes a UTC day (`YYYY-MM-DD`) from the stored records: each lane's chain, the chain of the day's
   * heads, and that every lane still holds what each day head recorded of it. `headHash` is the day head over
   * the lanes as stored; `brokenAt` the first problem, `problems` every one, each naming its lane.
   */
  async verify(date: string): Promise<DayVerification> {
    const stream = consultationStream(date);
    const lanes = await this.readLanes(date);
    const heads = (await this.store.readStream(consultationHeadStream(date))).events;
    return verifyDay(date, stream, lanes, heads);
  }
}

function laneOf(stream: string): number {
  const parsed = parseConsultationStream(stream);
  if (!parsed || !('lane' in parsed)) throw new Error(`${stream} is no lane of the consultation log`);
  return parsed.lane;
}

/** The verification of a day from its lanes and its head chain as read (see {@link ConsultationLog.verify}). */
export function verifyDay(
  date: string,
  stream: string,
  lanes: ReadonlyMap<string, RecordedEvent[]>,
  heads: RecordedEvent[],
): DayVerification {
  const results: LaneVerification[] = [];
  const problems: string[] = [];
  let brokenAt: DayBreak | undefined;
  const entry = (v: number) => `entry ${v + 1}`;
  for (const [laneStream, events] of lanes) {
    const lane = laneOf(laneStream);
    const r = verifyChain(events);
    results.push({ lane, stream: laneStream, ...r });
    if (!r.ok) {
      problems.push(
        `lane ${lane} (${laneStream}): ${entry(r.brokenAt.streamVersion)} (event ${r.brokenAt.eventId}): its ${r.brokenAt.reason} does not match`,
      );
      brokenAt ??= { stream: laneStream, ...r.brokenAt };
    }
  }
  const headStream = consultationHeadStream(date);
  const headChain = verifyChain(heads);
  if (!headChain.ok) {
    problems.push(
      `day heads (${headStream}): ${entry(headChain.brokenAt.streamVersion)} (event ${headChain.brokenAt.eventId}): its ${headChain.brokenAt.reason} does not match`,
    );
    brokenAt ??= { stream: headStream, ...headChain.brokenAt };
  }
  const recorded = heads
    .filter((e) => e.type === CONSULTATION_DAY_HEAD)
    .map((e) => ({ streamVersion: e.streamVersion, data: e.data as DayHeadData }));
  for (const s of checkDayHeads(recorded, lanes)) {
    problems.push(s.message);
    brokenAt ??= { stream: s.stream, streamVersion: s.streamVersion, eventId: s.eventId, reason: s.reason };
  }
  const events = results.reduce((n, r) => n + r.events, 0);
  const dayHeads = { stream: headStream, records: heads.length };
  if (brokenAt) return { date, stream, ok: false, events, brokenAt, problems, lanes: results, dayHeads };
  const headHash = dayHead([...lanes].map(([laneStream, evs]) => laneHeadOf(laneOf(laneStream), laneStream, evs)));
  return { date, stream, ok: true, events, headHash, lanes: results, dayHeads };
}
