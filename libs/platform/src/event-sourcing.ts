import { Logger } from '@nestjs/common';
import {
  Aggregate,
  AggregateCommands,
  comparePositions,
  DEFAULT_PROJECTOR_BATCH_SIZE,
  describeError,
  DomainEvent,
  EncryptionPolicy,
  EventEncryption,
  LocalKeyEncryptionKey,
  leaseName,
  LoopFailure,
  migrate,
  NOTIFY_WINDOW_MS,
  PostgresEventStore,
  PostgresLeases,
  PostgresSnapshotStore,
  Projection,
  Projector,
  RecordedEvent,
} from '@police/event-store';
import {
  ContractHandlers,
  DEFAULT_RELAY_BATCH_SIZE,
  KafkaBusSettings,
  KafkaMessageBus,
  migrateMessaging,
  PostgresCheckpointStore,
  PublicMessage,
  Relay,
  startConsumer,
  startRelay,
} from '@police/messaging';
import type { MessageSubscription } from '@police/messaging';
import { DataSource, DataSourceOptions } from 'typeorm';
import { PLATFORM_MIGRATIONS } from './health';
import { dataSourceOnPool, EVENT_SOURCING, intEnv, publicTopic, ServiceName, ServiceRuntime } from './runtime';
import { installSearchIndexes } from './search-index';
import { installTrigramIndexes } from './trigram-index';
import { appendObserver, measureEventSourcing } from './event-sourcing.metrics';
import { ServiceOperations } from './operations';

/**
 * What decides how soon an event of one service is acted on by another, as the platform runs a service:
 * how long a caught-up subscription (the relay, each projection) waits when nothing wakes it, the window
 * that appends share one NOTIFY in, the relay's and the projections' batches, and the Kafka bus's
 * settings. `npm run bench` (its cross-service suite) prints them beside the latencies.
 */
export interface DeliverySettings {
  /** A caught-up subscription's longest wait between reads; a NOTIFY (or an append in the process) cuts it short. */
  subscriptionPollIntervalMs: number;
  /** Appends within this window share one NOTIFY to other processes; null without notifications (embedded mode). */
  notifyWindowMs: number | null;
  relayBatchSize: number;
  projectorBatchSize: number;
  /** The Kafka bus's settings; none on the in-process bus. */
  kafka?: KafkaBusSettings;
}

/** With LISTEN/NOTIFY a caught-up subscription is woken, so it polls seldom; without, appends in the process wake it. */
function subscriptionPollIntervalMs(notifications: boolean): number {
  return notifications ? 1000 : 5000;
}

/** The delivery settings of a service on this runtime (see {@link DeliverySettings}). */
export function deliverySettings(runtime: Pick<ServiceRuntime, 'notifications' | 'bus'>): DeliverySettings {
  return {
    subscriptionPollIntervalMs: subscriptionPollIntervalMs(runtime.notifications),
    notifyWindowMs: runtime.notifications ? NOTIFY_WINDOW_MS : null,
    relayBatchSize: DEFAULT_RELAY_BATCH_SIZE,
    projectorBatchSize: DEFAULT_PROJECTOR_BATCH_SIZE,
    ...(runtime.bus instanceof KafkaMessageBus ? { kafka: runtime.bus.settings() } : {}),
  };
}

/** What a service declares about its events: read models, public contracts, what it consumes. */
export interface EventSourcingOptions {
  /** TypeORM entities of the read models (in the service's schema). */
  entities: NonNullable<DataSourceOptions['entities']>;
  projections: Projection[];
  /** Private → public mapping for the relay to `<service>.public.v1`; null keeps an event private. */
  toPublic?: (event: RecordedEvent) => PublicMessage | null;
  /** Public contracts of other services this one acts on: the producing services, and the handlers. */
  consume?: { from: ServiceName[]; handlers: (es: ServiceEventSourcing) => ContractHandlers };
  /**
   * The payloads of this service's parked messages are never shown, not even to the ops role (integrity:
   * they are complaint data, sealed in its compartment). Otherwise the ops role reads them to find the fault.
   */
  sealedPayloads?: boolean;
  /** The sensitive fields of its events, sealed under data keys that can be destroyed (crypto-shredding, ADR 0053). */
  encryption?: EncryptionPolicy;
}

/** The key-encryption key of a runtime given none: made for this process, so what it wraps is unreadable after it ends. */
let processKey: LocalKeyEncryptionKey | undefined;

/** What the background loops of a service are doing: for readiness, and for whoever watches it. */
export interface EventSourcingStatus {
  /** Every projection subscribed and none retrying a failure. */
  projectionsRunning: boolean;
  /** Events in the log that the slowest projection has not reached yet (counted up to the bound asked). */
  lag: number;
  /** Projections retrying a failure (the database away), with what they are stuck on. */
  failing: { projection: string; failure: LoopFailure }[];
  /** The relay to the public topic: running, retrying (Kafka or the database away), or none (publishes nothing). */
  relay: 'running' | 'retrying' | 'none';
  /** The consumer group: joined, joining (in the background, or again after a broker outage), or none. */
  consumer: 'joined' | 'joining' | 'none';
}

/**
 * The event-sourcing machinery of one service, on the pool its host gives it: the event store and
 * snapshots in the service's schema, the read models (TypeORM on the same pool), the projector, the
 * relay to the service's public topic, and the consumer of other services' contracts.
 *
 * In production mode several replicas of a service may run: each projection and the relay run on the
 * replica that holds its lease (`<schema>.leases`, ADR 0030; `LEASE_TTL_MS`, default 5000, is how long a
 * dead holder keeps it), the consumer group shares the topics' partitions, and commands go to any replica.
 * Embedded mode is one process: it runs everything without leases.
 */
export class ServiceEventSourcing {
  readonly store: PostgresEventStore;
  readonly snapshots: PostgresSnapshotStore;
  readonly dataSource: DataSource;
  readonly projector: Projector;
  /** Who runs which projection and the relay among the replicas (production mode). */
  readonly leases?: PostgresLeases;
  /** What the IT desk may do with it: parked messages, positions, rebuilds (`/api/<service>/ops`). */
  readonly operations: ServiceOperations;
  private relay?: Relay;
  private consumer?: MessageSubscription;
  private handlers?: ContractHandlers;
  private stopMeasuring?: () => void;
  private readonly logger: Logger;

  constructor(
    readonly runtime: ServiceRuntime,
    private readonly options: EventSourcingOptions,
  ) {
    this.logger = new Logger(`${runtime.service}:events`);
    // Without notifications (embedded mode: one process, every append in it) appends wake the
    // subscriptions in-process, so polling is only a fallback.
    this.store = new PostgresEventStore({
      pool: runtime.pool,
      schema: runtime.schema,
      listen: runtime.notifications,
      notify: runtime.notifications,
      pollIntervalMs: subscriptionPollIntervalMs(runtime.notifications),
      onAppend: runtime.metrics && appendObserver(runtime.metrics, runtime.service),
      encryption:
        options.encryption &&
        new EventEncryption(options.encryption, runtime.keyEncryptionKey ?? (processKey ??= LocalKeyEncryptionKey.generate())),
    });
    this.snapshots = new PostgresSnapshotStore(runtime.pool, runtime.schema);
    // Read models are derived data, rebuildable from the log: their tables follow the entities.
    this.dataSource = dataSourceOnPool(runtime.pool, options.entities, { synchronize: true });
    if (runtime.mode === 'production') {
      this.leases = new PostgresLeases({
        pool: runtime.pool,
        schema: runtime.schema,
        ttlMs: intEnv('LEASE_TTL_MS', 5000),
        onChange: (name, held, token) => this.logger.log(`lease ${name}: ${held ? 'taken' : 'given up'} (token ${token})`),
        onError: (e) => this.logger.warn(`leases: ${describeError(e)}; retrying`),
      });
    }
    this.projector = new Projector({
      leases: this.leases,
      dataSource: this.dataSource,
      store: this.store,
      schema: runtime.schema,
      projections: options.projections,
      onError: (projection, e, failure) =>
        this.logger.warn(
          `projection ${projection}: ${describeError(e)} (attempt ${failure.attempts}, failing since ${failure.since.toISOString()}); retrying`,
        ),
      onUpgrade: (projection, from, to) =>
        this.logger.warn(
          `projection ${projection}: its rows are of version ${from}, it is at ${to}: projecting the log again from its start`,
        ),
    });
    this.operations = new ServiceOperations(this);
  }

  /** Whether the ops role may read the payloads of parked messages (see {@link EventSourcingOptions.sealedPayloads}). */
  get payloadsSealed(): boolean {
    return this.options.sealedPayloads === true;
  }

  /** The consumer's handlers (the ones it runs; none when the service consumes nothing). */
  consumerHandlers(): ContractHandlers {
    this.handlers ??= this.options.consume?.handlers(this) ?? {};
    return this.handlers;
  }

  /** The relay's state, when the service publishes. */
  relayStatus(): ReturnType<Relay['status']> | undefined {
    return this.relay?.status();
  }

  /** The consumer group's state, when the service consumes. */
  consumerStatus(): ReturnType<MessageSubscription['status']> | undefined {
    return this.consumer?.status();
  }

  /** The command side of an aggregate on this service's store (and its snapshots, when the aggregate takes them). */
  commands<State, Event extends DomainEvent, Command extends { type: string }, Actor extends { staffId: string }>(
    aggregate: Aggregate<State, Event, Command, Actor>,
  ): AggregateCommands<State, Event, Command, Actor> {
    return new AggregateCommands(aggregate, this.store, this.snapshots);
  }

  get topic(): string {
    return publicTopic(this.runtime, this.runtime.service);
  }

  /**
   * What the service says on Kafka, for its AsyncAPI document: whether it publishes its contracts to its
   * topic, and which contract types it consumes from which producers' topics (its handlers' keys).
   */
  messaging(): { publishes: boolean; consumes: { from: ServiceName[]; types: string[] } } {
    const consume = this.options.consume;
    return {
      publishes: this.options.toPublic !== undefined,
      consumes: { from: consume?.from ?? [], types: consume ? Object.keys(consume.handlers(this)).sort() : [] },
    };
  }

  async start(): Promise<void> {
    const { pool, schema } = this.runtime;
    await this.oneReplicaAtATime(async () => {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await this.store.migrate();
      await migrateMessaging(pool, schema);
      await migrate(pool, schema, PLATFORM_MIGRATIONS, 'platform_migrations');
      await this.leases?.migrate();
      await this.dataSource.initialize();
      await installSearchIndexes(this.dataSource);
      await installTrigramIndexes(this.dataSource);
      await this.projector.migrate();
    });
    await this.projector.start();
    if (this.options.toPublic) {
      this.relay = await startRelay({
        store: this.store,
        checkpoints: new PostgresCheckpointStore({ pool, schema }),
        name: this.topic,
        topic: this.topic,
        map: this.options.toPublic,
        bus: this.runtime.bus,
        leases: this.leases,
        onError: (e) => this.logger.warn(`relay: ${describeError(e)}; retrying`),
      });
    }
    const consumer = this.measured().consumer;
    if (this.options.consume && consumer) {
      this.consumer = await startConsumer({
        bus: this.runtime.bus,
        pool,
        schema,
        groupId: consumer.groupId,
        topics: consumer.topics,
        handlers: this.consumerHandlers(),
        onDuplicate: (m) => this.runtime.metrics?.inboxDuplicates.inc({ service: this.runtime.service, topic: m.topic }),
      });
    }
    if (this.runtime.metrics) this.stopMeasuring = measureEventSourcing(this.runtime.metrics, this);
  }

  /**
   * Runs the schema's set-up while no other replica of the service runs its own: TypeORM's synchronisation
   * of the read models' tables is not safe against a second process doing the same (two replicas started
   * together on a fresh database). A session advisory lock on a connection of its own; embedded mode (one
   * process, a pool of one connection) needs none.
   */
  private async oneReplicaAtATime(setUp: () => Promise<void>): Promise<void> {
    if (this.runtime.mode !== 'production') return setUp();
    const lock = await this.runtime.pool.connect();
    const key = `set-up:${this.runtime.schema}`;
    let broken: Error | undefined;
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      await setUp();
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch((e: Error) => (broken = e));
      lock.release(broken);
    }
  }

  /** The names of the service's projections, its relay's checkpoint (none when it publishes nothing), its consumer group and topics. */
  measured(): { projections: string[]; relay?: string; consumer?: { groupId: string; topics: string[] } } {
    const consume = this.options.consume;
    return {
      projections: this.options.projections.map((p) => p.name),
      relay: this.options.toPublic ? this.topic : undefined,
      consumer: consume && {
        groupId: `${this.runtime.namespace ?? ''}${this.runtime.service}`,
        topics: consume.from.map((producer) => publicTopic(this.runtime, producer)),
      },
    };
  }

  /** Each unit of background work (`projection:<name>`, `relay:<topic>`) and whether this replica runs it now. */
  leased(): { work: string; held: boolean }[] {
    const relay = this.relay?.status();
    return [
      ...this.projector.status().map((p) => ({ work: leaseName('projection', p.projection), held: p.leased })),
      ...(relay ? [{ work: leaseName('relay', this.topic), held: relay.leased }] : []),
    ];
  }

  /**
   * The state of the projections, the relay and the consumer, and how far the slowest projection lags
   * behind the log (counted up to `maxLag + 1`: enough to tell whether it is under the bound).
   */
  async status(maxLag: number): Promise<EventSourcingStatus> {
    const projections = this.projector.status();
    const failing = projections.flatMap((p) => (p.failure ? [{ projection: p.projection, failure: p.failure }] : []));
    const slowest = projections.map((p) => p.position).sort(comparePositions)[0];
    const lag = slowest ? await this.store.countAfter(slowest, maxLag + 1) : 0;
    const relay = this.relay?.status();
    const consumer = this.consumer?.status();
    return {
      projectionsRunning: projections.every((p) => p.running),
      lag,
      failing,
      relay: !relay ? 'none' : relay.running ? 'running' : 'retrying',
      consumer: !consumer ? 'none' : consumer.joined ? 'joined' : 'joining',
    };
  }

  async stop(): Promise<void> {
    this.stopMeasuring?.();
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.projector.stop();
    // Given up only once the work stopped, so another replica takes it over at once.
    await this.leases?.stop();
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The Nest provider of a service's {@link ServiceEventSourcing}: started at init, stopped at shutdown. */
export function eventSourcingProvider(runtime: ServiceRuntime, options: EventSourcingOptions) {
  return {
    provide: EVENT_SOURCING,
    useFactory: async (): Promise<ServiceEventSourcing> => {
      const es = new ServiceEventSourcing(runtime, options);
      await es.start();
      return Object.assign(es, { onApplicationShutdown: () => es.stop() });
    },
  };
}
