import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  GlobalPosition,
  migrate,
  NewEvent,
  pollingSubscription,
  PostgresEventStore,
  Projector,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  VerificationResult,
} from '@police/event-store';
import type { Metrics } from '@police/metrics';
import { dataSourceOnPool } from '@police/platform';
import { CONSULTATION_RECORDED, CONSULTATION_REFUSED, ConsultationData, consultationStream, utcDay } from './audit.events';
import { consultationsProjection } from './consultation.projection';
import { AUDIT_READ_MODEL_MIGRATIONS, AUDIT_SCHEMA, ConsultationRow } from './consultation.read-model';

/** The result of re-computing one day's chain of consultation records. */
export type DayVerification = VerificationResult & { date: string; stream: string };

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
      read: (position, limit) => this.store.readAll(position, { limit }),
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

  verifyStream(stream: string): Promise<VerificationResult> {
    return this.store.verifyStream(stream);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * The consultation log: an append-only, hash-chained event stream per UTC day in schema `audit`
 * (the event store's own chain), projected into `audit.consultations` for oversight's queries.
 *
 * Appends from one process go through a single group-commit lane, so concurrent reads queue into
 * shared transactions instead of racing for the day stream's next version. They notify no one: the
 * projection is nudged in-process (see {@link NudgedSource}).
 */
export class ConsultationLog {
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  private readonly source: NudgedSource;
  private readonly projector: Projector;

  constructor(private readonly options: { pool: Pool; pollIntervalMs?: number; projectionDelayMs?: number; metrics?: Metrics }) {
    this.store = new PostgresEventStore({ pool: options.pool, schema: AUDIT_SCHEMA, listen: false, notify: false, maxAppendsInFlight: 1 });
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

  /** Creates or upgrades the schema and starts projecting. */
  async start(): Promise<void> {
    await this.store.migrate();
    await migrate(this.options.pool, AUDIT_SCHEMA, AUDIT_READ_MODEL_MIGRATIONS, 'audit_migrations');
    if (!this.dataSource.isInitialized) await this.dataSource.initialize();
    await this.projector.migrate();
    await this.projector.start();
  }

  async stop(): Promise<void> {
    await this.projector.stop();
    await this.source.close();
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /** Appends one consultation to its day's chain; resolves once it is committed. Writes and failures are counted in the metrics. */
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
    const streamId = consultationStream(utcDay(new Date(data.at)));
    await this.store.appendToStream(
      streamId,
      [
        {
          id: eventId,
          type: data.outcome === 'granted' ? CONSULTATION_RECORDED : CONSULTATION_REFUSED,
          data,
          metadata: { actor: data.actor.staffId, occurredAt: data.at, correlationId: data.correlationId, causationId: data.correlationId },
        },
      ],
      { expected: 'any' },
    );
    this.source.nudge();
    return { eventId, streamId };
  }

  /** Re-computes the chain of one UTC day (`YYYY-MM-DD`) from the stored records. */
  async verify(date: string): Promise<DayVerification> {
    const stream = consultationStream(date);
    return { date, stream, ...(await this.store.verifyStream(stream)) };
  }
}
