import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { describeError, NewEvent, PostgresEventStore, ProjectionProgress } from '@police/event-store';
import {
  countParkedMessages,
  discardParkedMessage,
  listParkedMessages,
  ParkedMessage,
  ParkedMessageRecorder,
  ParkedStatus,
  replayParkedMessage,
  ReplayOutcome,
} from '@police/messaging';
import type { ServiceEventSourcing } from './event-sourcing';
import { checkpointLags } from './checkpoint-lag';
import type { ServiceName } from './runtime';

/** Who acts, and the request they act through: every operations event carries both. */
export interface OperatorContext {
  staffId: string;
  correlationId: string;
  /** The request, e.g. `POST /api/investigations/ops/parked-messages/7/replay <correlation id>`. */
  causationId: string;
}

/** A projection rebuild the operator asked for, as far as it has got (kept by the process that runs it). */
export interface RebuildProgress {
  state: 'running' | 'done' | 'failed';
  requestedBy: string;
  startedAt: string;
  finishedAt?: string;
  /** Events replayed into the new table so far, of about `total` in the log. */
  processed: number;
  total: number;
  eventsPerSecond: number;
  /** Why it failed (the live table is then untouched). */
  error?: string;
}

export interface ProjectionOpsStatus {
  name: string;
  /** Subscribed, and retrying no failure. */
  running: boolean;
  failure?: { error: string; since: string; attempts: number };
  /** The stored checkpoint; null before its first batch. */
  position: { commit: string; prepare: string } | null;
  updatedAt: string | null;
  lagEvents: number;
  lagSeconds: number;
  rebuild?: RebuildProgress;
}

export interface RelayOpsStatus {
  name: string;
  topic: string;
  state: 'running' | 'retrying';
  failure?: { error: string; since: string; attempts: number };
  position: { commit: string; prepare: string } | null;
  updatedAt: string | null;
  lagEvents: number;
  lagSeconds: number;
}

export interface ConsumerPartitionPosition {
  topic: string;
  partition: number;
  /** The group's committed offset (null: none yet). */
  committed: string | null;
  /** The partition's end offset. */
  end: string;
  lag: number;
}

export interface ConsumerOpsStatus {
  groupId: string;
  topics: string[];
  state: 'joined' | 'joining';
  /** Per topic partition; empty with `positionsError` when the brokers could not be asked. */
  partitions: ConsumerPartitionPosition[];
  positionsError?: string;
}

/** Everything an operator sees of a service's background work. */
export interface OpsStatus {
  service: ServiceName;
  projections: ProjectionOpsStatus[];
  relay: RelayOpsStatus | null;
  consumer: ConsumerOpsStatus | null;
  parked: Record<ParkedStatus, number>;
}

/** The projection is not one of this service's. */
export class UnknownProjectionError extends Error {
  constructor(readonly projection: string) {
    super(`No projection ${projection}`);
    this.name = 'UnknownProjectionError';
  }
}

/** A rebuild of the projection is running already. */
export class RebuildRunningError extends Error {
  constructor(readonly projection: string) {
    super(`A rebuild of ${projection} is running`);
    this.name = 'RebuildRunningError';
  }
}

/** Event types of the operations log, in the service's own event store (audited like any change). */
export const OPERATIONS_EVENTS = {
  replayed: 'ParkedMessageReplayed',
  replayRefused: 'ParkedMessageReplayRefused',
  discarded: 'ParkedMessageDiscarded',
  rebuildStarted: 'ProjectionRebuildStarted',
  rebuildFinished: 'ProjectionRebuildFinished',
  rebuildFailed: 'ProjectionRebuildFailed',
} as const;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * What the IT desk may do with one service's event sourcing (`/api/<service>/ops/...`): read the parked
 * messages and replay or discard them, read where each projection, the relay and the consumer stand,
 * and rebuild a projection. Every action is an event of its own in the service's log (stream
 * `ops-parked-message-<id>` or `ops-projection-<name>`), attributed to the operator and written in the
 * same transaction as the action.
 */
export class ServiceOperations {
  private readonly rebuilds = new Map<string, RebuildProgress>();
  private readonly logger: Logger;

  constructor(private readonly es: ServiceEventSourcing) {
    this.logger = new Logger(`${es.runtime.service}:ops`);
  }

  parkedMessages(o: { status?: ParkedStatus | 'all'; limit: number; id?: string }): Promise<ParkedMessage[]> {
    return listParkedMessages(this.es.runtime.pool, this.es.runtime.schema, o);
  }

  async replay(id: string, operator: OperatorContext): Promise<ReplayOutcome> {
    return replayParkedMessage({
      pool: this.es.runtime.pool,
      schema: this.es.runtime.schema,
      handlers: this.es.consumerHandlers(),
      id,
      operator: operator.staffId,
      record: this.recorder(operator),
    });
  }

  async discard(id: string, reason: string, operator: OperatorContext): Promise<void> {
    await discardParkedMessage({
      pool: this.es.runtime.pool,
      schema: this.es.runtime.schema,
      id,
      operator: operator.staffId,
      reason,
      record: this.recorder(operator),
    });
  }

  private recorder(operator: OperatorContext): ParkedMessageRecorder {
    return async (client, message, what) => {
      const about = { parkedMessageId: message.id, messageId: message.messageId, type: message.type, topic: message.topic };
      const event =
        what.action === 'discarded'
          ? { type: OPERATIONS_EVENTS.discarded, data: { ...about, reason: what.reason } }
          : what.outcome.outcome === 'parked'
            ? { type: OPERATIONS_EVENTS.replayRefused, data: { ...about, reason: what.outcome.reason } }
            : { type: OPERATIONS_EVENTS.replayed, data: { ...about, outcome: what.outcome.outcome } };
      await (this.es.store as PostgresEventStore)
        .withTransaction(client)
        .appendToStream(`ops-parked-message-${message.id}`, [this.event(event.type, event.data, operator)]);
    };
  }

  private event(type: string, data: object, operator: OperatorContext): NewEvent {
    return {
      id: randomUUID(),
      type,
      data,
      metadata: {
        actor: operator.staffId,
        occurredAt: new Date().toISOString(),
        correlationId: operator.correlationId,
        causationId: operator.causationId,
      },
    };
  }

  async status(): Promise<OpsStatus> {
    const { pool, schema, service, bus } = this.es.runtime;
    const measured = this.es.measured();
    const lags = await checkpointLags(pool, schema, { projections: measured.projections, relays: measured.relay ? [measured.relay] : [] });
    const running = new Map(this.es.projector.status().map((p) => [p.projection, p]));
    const failureOf = (f?: { error: string; since: Date; attempts: number }) =>
      f ? { failure: { error: f.error, since: f.since.toISOString(), attempts: f.attempts } } : {};
    const projections: ProjectionOpsStatus[] = lags
      .filter((l) => l.kind === 'projection')
      .map((l) => {
        const live = running.get(l.name);
        const rebuild = this.rebuilds.get(l.name);
        return {
          name: l.name,
          running: live?.running ?? false,
          ...failureOf(live?.failure),
          position: l.position,
          updatedAt: iso(l.updatedAt),
          lagEvents: l.events,
          lagSeconds: l.seconds,
          ...(rebuild ? { rebuild: { ...rebuild } } : {}),
        };
      });
    const relayLag = lags.find((l) => l.kind === 'relay');
    const relayState = this.es.relayStatus();
    const relay: RelayOpsStatus | null =
      relayLag && relayState
        ? {
            name: relayLag.name,
            topic: this.es.topic,
            state: relayState.running ? 'running' : 'retrying',
            ...failureOf(relayState.failure),
            position: relayLag.position,
            updatedAt: iso(relayLag.updatedAt),
            lagEvents: relayLag.events,
            lagSeconds: relayLag.seconds,
          }
        : null;
    let consumer: ConsumerOpsStatus | null = null;
    const consumerState = this.es.consumerStatus();
    if (measured.consumer && consumerState) {
      consumer = {
        groupId: measured.consumer.groupId,
        topics: measured.consumer.topics,
        state: consumerState.joined ? 'joined' : 'joining',
        partitions: [],
      };
      if (bus.lag) {
        try {
          consumer.partitions = await bus.lag(measured.consumer.groupId, measured.consumer.topics);
        } catch (e) {
          consumer.positionsError = describeError(e);
        }
      } else consumer.positionsError = 'this transport does not tell positions';
    }
    return { service, projections, relay, consumer, parked: await countParkedMessages(pool, schema) };
  }

  /**
   * Starts rebuilding a projection from the whole log into a new table, swapped in when complete (the
   * live read model stays as it was meanwhile); its progress is in {@link status}. Resolves once the
   * rebuild started and its start is recorded; throws {@link UnknownProjectionError} and {@link RebuildRunningError}.
   */
  async rebuild(name: string, operator: OperatorContext): Promise<RebuildProgress> {
    if (!this.es.measured().projections.includes(name)) throw new UnknownProjectionError(name);
    if (this.rebuilds.get(name)?.state === 'running') throw new RebuildRunningError(name);
    const progress: RebuildProgress = {
      state: 'running',
      requestedBy: operator.staffId,
      startedAt: new Date().toISOString(),
      processed: 0,
      total: 0,
      eventsPerSecond: 0,
    };
    this.rebuilds.set(name, progress);
    const stream = `ops-projection-${name}`;
    try {
      await this.es.store.appendToStream(stream, [this.event(OPERATIONS_EVENTS.rebuildStarted, { projection: name }, operator)]);
    } catch (e) {
      this.rebuilds.delete(name);
      throw e;
    }
    void this.es.projector
      .rebuild(name, {
        onProgress: (p: ProjectionProgress) =>
          Object.assign(progress, { processed: p.processed, total: p.total, eventsPerSecond: p.eventsPerSecond }),
      })
      .then(async (done) => {
        Object.assign(progress, {
          state: 'done',
          processed: done.events,
          total: Math.max(progress.total, done.events),
          finishedAt: new Date().toISOString(),
        });
        await this.es.store.appendToStream(stream, [
          this.event(OPERATIONS_EVENTS.rebuildFinished, { projection: name, events: done.events }, operator),
        ]);
      })
      .catch(async (e: unknown) => {
        if (progress.state === 'running')
          Object.assign(progress, { state: 'failed', error: describeError(e), finishedAt: new Date().toISOString() });
        this.logger.warn(`rebuild of ${name}: ${describeError(e)}`);
        await this.es.store
          .appendToStream(stream, [this.event(OPERATIONS_EVENTS.rebuildFailed, { projection: name, error: describeError(e) }, operator)])
          .catch(() => undefined);
      });
    return { ...progress };
  }
}
