import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AggregateCommands, erasureMarker } from '@police/event-store';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import {
  dueCandidates,
  RetentionActor,
  RetentionCandidate,
  RetentionCommand,
  RetentionDataClass,
  RetentionEvent,
  RetentionSchedule,
  RetentionState,
  retentionAggregate,
  retentionIntervalFromEnv,
  retentionSchedulesFromEnv,
  scheduleOf,
} from '@police/retention';
import { foundObjectKeyId } from './evidence.sensitive';

/** The zone's retention schedules (`RETENTION_SCHEDULES_JSON`, libs/retention). */
export const RETENTION_SCHEDULES = Symbol('RETENTION_SCHEDULES');
export const retentionSchedulesProvider = { provide: RETENTION_SCHEDULES, useFactory: () => retentionSchedulesFromEnv() };

/** The job's actor in the log. */
export const RETENTION_JOB = 'system:retention-job';

/** The data classes the evidence service executes today (ADR 0055): found objects. Seized items are not executed yet. */
const FOUND_OBJECT_CLASSES: Record<string, RetentionDataClass> = {
  returned_to_owner: 'found-object-returned',
  handed_to_organisation: 'found-object-disposed',
  destroyed: 'found-object-disposed',
};

const CATEGORY_LABEL = (category: string) => `found object: ${category.replace(/_/g, ' ')}`;

export interface RetentionRunView {
  ranAt: string;
  /** Closed records whose period is over and which were not yet on the list (or whose extension ran out). */
  candidates: number;
  /** Recorded as due for review by this run. */
  markedDue: number;
  /** Records the run could not record (another run or a DPO's step at the same moment): the next run retries them. */
  failed: number;
}

/** A record's review as a command answers it. */
export interface RetentionDecisionView {
  recordId: string;
  dataClass: string;
  status: string;
  label: string;
  dueAt: string;
  legalHold: { reason: string } | null;
  erased: string | null;
  version: number;
}

export function retentionDecisionView(state: RetentionState, version: number): RetentionDecisionView | null {
  if (state.status === 'none') return null;
  return {
    recordId: state.recordId,
    dataClass: state.dataClass,
    status: state.status,
    label: state.label,
    dueAt: state.dueAt,
    legalHold: state.hold && { reason: state.hold.reason },
    erased:
      state.erased &&
      erasureMarker(state.keyId, {
        keyId: state.keyId,
        by: state.erased.erasedBy,
        at: state.erased.erasedAt,
        decision: state.erased.decision,
      }).text,
    version,
  };
}

/**
 * The evidence service's retention (ADR 0055): which of its records are due under the zone's schedules, and what
 * keeps a record from going. One place for the job (`run`) and the DPO's approval (`blockers`).
 */
@Injectable()
export class EvidenceRetention {
  readonly reviews: AggregateCommands<RetentionState, RetentionEvent, RetentionCommand, RetentionActor>;
  private readonly log = new Logger('EvidenceRetention');

  constructor(
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(RETENTION_SCHEDULES) readonly schedules: RetentionSchedule[],
  ) {
    this.reviews = es.commands(retentionAggregate);
  }

  /**
   * Closed found objects not yet on the review list, or whose extension has run out (from the read models: a record
   * closed a moment ago is found by the next run).
   */
  async candidates(now: Date): Promise<RetentionCandidate[]> {
    const rows: { id: string; category: string; status: string; closedAt: string }[] = await this.es.dataSource.query(
      `SELECT f.id, f.category, f.status, f.state->>'closedAt' AS "closedAt"
         FROM evidence.found_objects f
         LEFT JOIN evidence.retention_reviews r ON r."recordId" = f.id
        WHERE f.status = ANY($1) AND (r."recordId" IS NULL OR (r.status = 'extended' AND r."dueAt" <= $2))`,
      [Object.keys(FOUND_OBJECT_CLASSES), now],
    );
    return rows.map((r) => ({
      recordId: r.id,
      dataClass: FOUND_OBJECT_CLASSES[r.status],
      keyId: foundObjectKeyId(r.id),
      label: CATEGORY_LABEL(r.category),
      startedAt: r.closedAt,
    }));
  }

  /** Finds what is due at `now` and records each as due for review, as `by` (the job, or the DPO who started the run). */
  async run(now: Date, by: string): Promise<RetentionRunView> {
    const due = dueCandidates(await this.candidates(now), (c) => scheduleOf(this.schedules, c).days, now);
    let markedDue = 0;
    let failed = 0;
    const correlationId = randomUUID();
    for (const { candidate } of due) {
      try {
        const result = await this.reviews.handle(
          candidate.recordId,
          { type: 'MarkRetentionDue', data: { candidate, schedule: scheduleOf(this.schedules, candidate.dataClass) } },
          { actor: { staffId: by }, now, correlationId, causationId: randomUUID() },
        );
        if (result.events.length > 0) markedDue++;
      } catch (err) {
        failed++;
        this.log.warn(`retention: could not record ${candidate.recordId} as due: ${(err as Error).message}`);
      }
    }
    return { ranAt: now.toISOString(), candidates: due.length, markedDue, failed };
  }

  /**
   * Why the record may not be erased now, besides a legal hold (the review's own). A found object has no case and no
   * pending decision; but one registered before its fields were sealed has no data key, and destroying a key would
   * then erase nothing of its log: it is refused rather than shown as erased. (Seized items, once executed, will
   * answer their case's pending decision here.)
   */
  async blockers(recordId: string): Promise<string[]> {
    const rows: unknown[] = await this.es.dataSource.query(
      'SELECT 1 FROM evidence.data_keys WHERE key_id = $1 AND wrapped_key IS NOT NULL',
      [foundObjectKeyId(recordId)],
    );
    return rows.length > 0
      ? []
      : ['its personal data were stored before they were sealed (no data key): destroying a key would not erase them'];
  }
}

/** Runs the retention job daily (`RETENTION_INTERVAL_MS`; 0: off), first one minute after the start. */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private running?: Promise<unknown>;
  private readonly log = new Logger('RetentionJob');

  constructor(private readonly retention: EvidenceRetention) {}

  onApplicationBootstrap(): void {
    const interval = retentionIntervalFromEnv();
    if (interval === 0) return;
    const tick = () => {
      this.running = this.retention
        .run(new Date(), RETENTION_JOB)
        .then((r) => r.markedDue > 0 && this.log.log(`retention: ${r.markedDue} record(s) due for review`))
        .catch((err) => this.log.error(`retention run failed: ${(err as Error).message}`))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, interval).unref();
        });
    };
    this.timer = setTimeout(tick, Math.min(60_000, interval)).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
