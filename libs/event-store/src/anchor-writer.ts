import type { Pool } from 'pg';
import { AnchorKey, Checkpoint, CheckpointBody, nextLink, signCheckpoint } from './anchor';
import type { CheckpointSink } from './anchor-sink';
import { GlobalPosition, positionFromString, positionToString, START } from './event-store';
import { linkHash, ZERO_HASH } from './hashing';
import { PostgresEventStore } from './postgres-event-store';
import { ident } from './postgres-schema';

/** An event log to anchor: a schema, whose service it is, and, for the consultation log, which streams are days. */
export interface AnchoredLog {
  service: string;
  schema: string;
  /** The UTC day (`YYYY-MM-DD`) a stream holds, or undefined when it is not a day of the consultation log. */
  dayOf?: (streamId: string) => string | undefined;
  /** Which chain of its day a day's stream is (a lane's number, or `head`), written in the checkpoint's scope. */
  laneOf?: (streamId: string) => string | undefined;
}

export interface AuditAnchorOptions {
  pool: Pool;
  sink: CheckpointSink;
  key: AnchorKey;
  logs: AnchoredLog[];
  /** Links read per query. Default 1000. */
  batchSize?: number;
  /** At most this many grown streams are listed in an event-log checkpoint (`streams`); more, none. Default 1000. */
  streamsListed?: number;
  now?: () => Date;
}

interface LogHead {
  position: GlobalPosition;
  count: number;
  head: string;
}

interface AnchorState {
  last?: Checkpoint;
  logs: Map<string, LogHead>;
  days: Map<string, number>;
}

/** True once the schema's event log exists (a service migrates its own at start-up). */
export async function hasEventLog(pool: Pool, schema: string): Promise<boolean> {
  const { rows } = await pool.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`${ident(schema)}.events`]);
  return rows[0].t !== null;
}

/**
 * Writes signed checkpoints of the given logs to a sink (ADR 0052): for each event log, the fold of its
 * links in the global order up to the last event that can no longer be preceded by a late commit; for
 * each day of the consultation log that grew, the day stream's head. Incremental: it resumes from the
 * sink's last checkpoint of each log, and writes nothing for a log that did not grow. Runs are serialised.
 */
export class AuditAnchor {
  private state?: AnchorState;
  private running: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly options: AuditAnchorOptions) {}

  private get streamsListed(): number {
    return this.options.streamsListed ?? 1000;
  }

  get key(): AnchorKey {
    return this.options.key;
  }

  get sink(): CheckpointSink {
    return this.options.sink;
  }

  /** Anchors what the logs hold now; resolves with the checkpoints written. */
  anchorNow(): Promise<Checkpoint[]> {
    const run = this.running.then(() => this.run());
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Anchors now and then every `intervalMs`; a failed run is told to `onError` and the next one tries again. */
  start(intervalMs: number, onError: (e: unknown) => void): void {
    this.stopped = false;
    const tick = (): void => {
      this.anchorNow()
        .catch(onError)
        .finally(() => {
          if (this.stopped) return;
          this.timer = setTimeout(tick, intervalMs);
          this.timer.unref();
        });
    };
    tick();
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async load(): Promise<AnchorState> {
    const state: AnchorState = { logs: new Map(), days: new Map() };
    for (const c of await this.options.sink.read()) {
      state.last = c;
      if (c.kind === 'event-log') {
        const known = state.logs.get(c.scope.schema);
        if (!known || c.count >= known.count)
          state.logs.set(c.scope.schema, { position: positionFromString(c.scope.position), count: c.count, head: c.head });
      } else state.days.set(c.scope.stream, Math.max(c.count, state.days.get(c.scope.stream) ?? 0));
    }
    return state;
  }

  private async write(state: AnchorState, body: Omit<CheckpointBody, 'v' | 'seq' | 'prev' | 'createdAt' | 'keyId'>): Promise<Checkpoint> {
    const full = {
      v: 1,
      ...nextLink(state.last),
      ...body,
      createdAt: (this.options.now?.() ?? new Date()).toISOString(),
      keyId: this.options.key.keyId,
    } as CheckpointBody;
    const checkpoint = signCheckpoint(full, this.options.key);
    await this.options.sink.append(checkpoint);
    state.last = checkpoint;
    return checkpoint;
  }

  private async run(): Promise<Checkpoint[]> {
    this.state ??= await this.load();
    const state = this.state;
    const written: Checkpoint[] = [];
    for (const log of this.options.logs) {
      if (!(await hasEventLog(this.options.pool, log.schema))) continue;
      const store = new PostgresEventStore({ pool: this.options.pool, schema: log.schema, listen: false, notify: false });
      const anchored = state.logs.get(log.schema) ?? { position: START, count: 0, head: ZERO_HASH };
      const now = { ...anchored };
      const days = new Map<string, { day: string; lane?: string; count: number; head: string }>();
      const grown = new Map<string, number>();
      for (;;) {
        const links = await store.readLinks(now.position, this.options.batchSize ?? 1000);
        if (links.length === 0) break;
        for (const l of links) {
          now.count++;
          now.head = linkHash(now.head, l.hash);
          if (grown.size <= this.streamsListed) grown.set(l.streamId, Math.max(l.streamVersion + 1, grown.get(l.streamId) ?? 0));
          const day = log.dayOf?.(l.streamId);
          if (day !== undefined && l.streamVersion + 1 > (days.get(l.streamId)?.count ?? 0))
            days.set(l.streamId, { day, lane: log.laneOf?.(l.streamId), count: l.streamVersion + 1, head: l.hash });
        }
        now.position = links[links.length - 1].position;
      }
      if (now.count === anchored.count) continue;
      // The days first: should a write fail, the next run reads the same links again and finds them.
      for (const [stream, d] of days) {
        if ((state.days.get(stream) ?? 0) >= d.count) continue;
        written.push(
          await this.write(state, {
            kind: 'consultation-day',
            service: log.service,
            scope: { schema: log.schema, day: d.day, stream, ...(d.lane === undefined ? {} : { lane: d.lane }) },
            count: d.count,
            head: d.head,
          }),
        );
        state.days.set(stream, d.count);
      }
      written.push(
        await this.write(state, {
          kind: 'event-log',
          service: log.service,
          scope: { schema: log.schema, position: positionToString(now.position) },
          count: now.count,
          head: now.head,
          ...(grown.size <= this.streamsListed ? { streams: Object.fromEntries(grown) } : {}),
        }),
      );
      state.logs.set(log.schema, now);
    }
    return written;
  }
}
