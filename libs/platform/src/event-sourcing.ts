import { Logger } from '@nestjs/common';
import { migrate, PostgresEventStore, PostgresSnapshotStore, Projection, Projector, RecordedEvent } from '@police/event-store';
import { ContractHandlers, migrateMessaging, PostgresCheckpointStore, PublicMessage, Relay, startConsumer, startRelay } from '@police/messaging';
import type { MessageSubscription } from '@police/messaging';
import { DataSource, DataSourceOptions } from 'typeorm';
import { PLATFORM_MIGRATIONS } from './health';
import { dataSourceOnPool, publicTopic, ServiceName, ServiceRuntime } from './runtime';
import { installSearchIndexes } from './search-index';

/** What a service declares about its events: read models, public contracts, what it consumes. */
export interface EventSourcingOptions {
  /** TypeORM entities of the read models (in the service's schema). */
  entities: NonNullable<DataSourceOptions['entities']>;
  projections: Projection[];
  /** Private → public mapping for the relay to `<service>.public.v1`; null keeps an event private. */
  toPublic?: (event: RecordedEvent) => PublicMessage | null;
  /** Public contracts of other services this one acts on: the producing services, and the handlers. */
  consume?: { from: ServiceName[]; handlers: (es: ServiceEventSourcing) => ContractHandlers };
}

/**
 * The event-sourcing machinery of one service, on the pool its host gives it: the event store and
 * snapshots in the service's schema, the read models (TypeORM on the same pool), the projector, the
 * relay to the service's public topic, and the consumer of other services' contracts.
 */
export class ServiceEventSourcing {
  readonly store: PostgresEventStore;
  readonly snapshots: PostgresSnapshotStore;
  readonly dataSource: DataSource;
  readonly projector: Projector;
  private relay?: Relay;
  private consumer?: MessageSubscription;
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
      pollIntervalMs: runtime.notifications ? 1000 : 5000,
    });
    this.snapshots = new PostgresSnapshotStore(runtime.pool, runtime.schema);
    // Read models are derived data, rebuildable from the log: their tables follow the entities.
    this.dataSource = dataSourceOnPool(runtime.pool, options.entities, { synchronize: true });
    this.projector = new Projector({ dataSource: this.dataSource, store: this.store, schema: runtime.schema, projections: options.projections });
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
    return { publishes: this.options.toPublic !== undefined, consumes: { from: consume?.from ?? [], types: consume ? Object.keys(consume.handlers(this)).sort() : [] } };
  }

  async start(): Promise<void> {
    const { pool, schema } = this.runtime;
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await this.store.migrate();
    await migrateMessaging(pool, schema);
    await migrate(pool, schema, PLATFORM_MIGRATIONS, 'platform_migrations');
    await this.dataSource.initialize();
    await installSearchIndexes(this.dataSource);
    await this.projector.migrate();
    await this.projector.start();
    if (this.options.toPublic) {
      this.relay = await startRelay({
        store: this.store,
        checkpoints: new PostgresCheckpointStore({ pool, schema }),
        name: this.topic,
        topic: this.topic,
        map: this.options.toPublic,
        bus: this.runtime.bus,
        onError: (e) => this.logger.error(`relay: ${e instanceof Error ? e.message : String(e)}`),
      });
    }
    if (this.options.consume) {
      this.consumer = await startConsumer({
        bus: this.runtime.bus,
        pool,
        schema,
        groupId: `${this.runtime.namespace ?? ''}${this.runtime.service}`,
        topics: this.options.consume.from.map((producer) => publicTopic(this.runtime, producer)),
        handlers: this.options.consume.handlers(this),
      });
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.projector.stop();
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export const EVENT_SOURCING = Symbol('EVENT_SOURCING');

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
