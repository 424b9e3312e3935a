import { backoffDelay, BackoffPolicy, DEFAULT_BACKOFF, describeError, LoopFailure } from '@police/event-store';
import { Admin, Consumer, ConsumerConfig, IHeaders, Kafka, logLevel, Producer, ProducerConfig, RetryOptions } from 'kafkajs';
import { incomingMessage, messageHeaders, OutgoingMessage } from './message';
import { MessageBus, MessageSubscription, MessageSubscriptionOptions, PartitionLag } from './message-bus';

/** How to reach the brokers, and the few policies worth tuning. */
export interface KafkaMessageBusOptions {
  brokers: string[];
  clientId: string;
  /** Partitions of the topics this bus creates. Default 3. */
  partitions?: number;
  /** Replication factor of the topics this bus creates. Default: the broker's. */
  replicationFactor?: number;
  /** Retry policy of consumers when a handler throws (kafkajs retry options). */
  consumerRetry?: Pick<RetryOptions, 'retries' | 'initialRetryTime' | 'maxRetryTime'>;
  /** Retry policy of the producer before `publish` rejects (kafkajs retry options). */
  producerRetry?: Pick<RetryOptions, 'retries' | 'initialRetryTime' | 'maxRetryTime'>;
  /**
   * How long the broker waits for a silent group member before it gives the member's partitions to the
   * others (a replica killed without leaving the group). Default 10 000 ms (kafkajs: 30 000).
   */
  sessionTimeoutMs?: number;
  /** Longest a fetch waits on an idle topic, in ms; also bounds how long `stop()` waits. Default 1000. */
  maxWaitTimeInMs?: number;
  /** kafkajs log level. Default ERROR. */
  logLevel?: logLevel;
  /** Back-off of a consumer group that cannot join (the broker away), between attempts. Default {@link DEFAULT_BACKOFF}. */
  joinBackoff?: BackoffPolicy;
  /** How long topic creation waits for every partition to have a leader before it fails (and is retried by its caller). Default 30 s. */
  leaderTimeoutMs?: number;
  /** Told of every failure a consumer group retries (`context` names the group). Default: none. */
  onError?: (context: string, error: unknown) => void;
}

/** Handler errors: up to 5 retries, 300 ms doubling to at most 5 s, then the consumer restarts (see class doc). */
const CONSUMER_RETRY = { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 };
/**
 * The client's own retries (connecting, metadata, the admin's requests): kafkajs' default waits up to 30 s
 * between attempts, so a client could sleep that long after the broker was back; at most 5 s here, as every
 * background loop (DEFAULT_BACKOFF).
 */
const CLIENT_RETRY = { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 };
/**
 * The producer gives up after about half a minute, so the relay backs off and tries again later; no wait of
 * its own is longer than 5 s, so a send in progress when the broker comes back goes through within seconds.
 */
const PRODUCER_RETRY = { retries: 8, initialRetryTime: 300, maxRetryTime: 5000 };
/** Idempotent, one request in flight: a retried send neither duplicates nor reorders a batch. */
const PRODUCER = { idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false } as const;

/**
 * What decides how soon a published message is sent and fetched: the settings the bus gives kafkajs, as
 * it gives them (`KafkaMessageBus.settings()`; `npm run bench`'s cross-service suite prints them).
 */
export interface KafkaBusSettings {
  /** Partitions of the topics the bus creates. */
  partitions: number;
  producer: Pick<ProducerConfig, 'idempotent' | 'maxInFlightRequests'> & {
    /** Acknowledgements a publish waits for (-1: every in-sync replica). */
    acks: number;
    /**
     * Always 0: kafkajs has no linger (no `linger.ms`, no batching of its own); each publish (one relay
     * batch) is one produce request, sent at once.
     */
    lingerMs: 0;
  };
  consumer: Required<
    Pick<ConsumerConfig, 'maxWaitTimeInMs' | 'minBytes' | 'maxBytes' | 'maxBytesPerPartition' | 'sessionTimeout' | 'heartbeatInterval'>
  > & {
    /** Partitions whose messages are handled at the same time; 1: one message after another, across all partitions. */
    partitionsConsumedConcurrently: number;
  };
}

/**
 * Three partitions' messages handled at a time per consumer (the public topics have 3). A stream's messages
 * share a partition (keyed by stream id), so they stay in order; handlers of different partitions that write
 * the same stream race on its version, and the loser decides again at once (`startConsumer`). With one at a
 * time, investigations saturated at about 5 referrals a second in the cross-service bench.
 */
const PARTITIONS_CONSUMED_CONCURRENTLY = 3;
/** Acknowledged by every in-sync replica. */
const ACKS = -1;

/**
 * The Kafka transport (kafkajs).
 *
 * Publishing: an idempotent producer with one request in flight; `publish` resolves only when every
 * message is acknowledged by all in-sync replicas (acks = -1). Key = stream id, value = the JSON
 * payload, headers `message-id`, `message-type`, `content-type: application/json`, `correlation-id`,
 * `causation-id`. Topics are created when first used (publish or subscribe), with `partitions`
 * partitions; broker-side auto-creation is never relied on.
 *
 * Consuming: one kafkajs consumer per subscription. An offset is committed only after the handler
 * resolved for that message (kafkajs auto-commit of resolved offsets), so delivery is at least once. A
 * handler error never reaches the process: kafkajs retries the message with bounded exponential
 * back-off (`consumerRetry`); when the retries are spent the consumer restarts itself and the message
 * is delivered again. The partition waits meanwhile, which keeps each stream's order: a valid message is
 * never skipped. (Messages that can never be handled, such as invalid contracts, are parked by
 * `startConsumer` instead of thrown.)
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly knownTopics = new Set<string>();
  private readonly subscriptions = new Set<MessageSubscription>();

  constructor(private readonly options: KafkaMessageBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: options.logLevel ?? logLevel.ERROR,
      retry: CLIENT_RETRY,
    });
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) {
      const list = byTopic.get(m.topic) ?? [];
      list.push(m);
      byTopic.set(m.topic, list);
    }
    await this.ensureTopics([...byTopic.keys()]);
    const producer = await this.connectedProducer();
    try {
      await producer.sendBatch({
        acks: ACKS,
        topicMessages: [...byTopic].map(([topic, ms]) => ({
          topic,
          messages: ms.map((m) => ({ key: m.key, value: JSON.stringify(m.payload), headers: messageHeaders(m) })),
        })),
      });
    } catch (e) {
      // After a broker outage the producer's connections and metadata may be stale: the next publish
      // (the relay tries again after backing off) starts from a new one.
      if (this.producer) {
        this.producer = undefined;
        void producer.disconnect().catch(() => undefined);
      }
      throw e;
    }
  }

  /**
   * Resolves at once; the group joins in the background. When the broker cannot be reached, the topics
   * cannot be created, or the consumer crashes for good, the consumer is dropped and a new one tries again
   * after a capped, jittered back-off, for as long as it takes; kafkajs restarts a consumer itself after a
   * retriable crash. The group's committed offsets make each new consumer resume where the last stopped.
   */
  async subscribe(o: MessageSubscriptionOptions): Promise<MessageSubscription> {
    let stopped = false;
    let consumer: Consumer | undefined;
    let ended: (() => void) | undefined;
    let joined = false;
    let failure: LoopFailure | undefined;
    let wakeUp: (() => void) | undefined;
    let onJoined!: () => void;
    const firstJoin = new Promise<void>((resolve) => (onJoined = resolve));
    const fail = (e: unknown) => {
      joined = false;
      failure = { error: describeError(e), since: failure?.since ?? new Date(), attempts: (failure?.attempts ?? 0) + 1 };
      this.options.onError?.(`consumer group ${o.groupId}`, e);
    };

    /** One consumer's life: resolves when it crashed for good or the subscription stops. */
    const runOnce = async (): Promise<void> => {
      await this.ensureTopics(o.topics);
      if (stopped) return;
      const c = this.kafka.consumer({
        groupId: o.groupId,
        allowAutoTopicCreation: false,
        ...this.settings().consumer,
        retry: { ...CONSUMER_RETRY, ...this.options.consumerRetry, restartOnFailure: async () => true },
      });
      consumer = c;
      const over = new Promise<void>((resolve) => (ended = resolve));
      c.on(c.events.GROUP_JOIN, () => {
        joined = true;
        failure = undefined;
        onJoined();
      });
      c.on(c.events.CRASH, ({ payload }) => {
        fail(payload.error);
        if (!payload.restart) ended?.();
      });
      await c.connect();
      await c.subscribe({ topics: o.topics, fromBeginning: o.fromBeginning ?? true });
      await c.run({
        partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY,
        autoCommit: true,
        eachMessage: ({ topic, partition, message }) =>
          o.handle(
            incomingMessage({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? '',
              raw: message.value?.toString('utf8') ?? '',
              headers: headerText(message.headers),
            }),
          ),
      });
      if (!stopped) await over;
    };

    const running = (async () => {
      while (!stopped) {
        try {
          await runOnce();
        } catch (e) {
          if (!stopped) fail(e);
        }
        joined = false;
        const c = consumer;
        consumer = undefined;
        await c?.disconnect().catch(() => undefined);
        if (stopped) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoffDelay(failure?.attempts ?? 1, this.options.joinBackoff ?? DEFAULT_BACKOFF));
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })();

    const subscription: MessageSubscription = {
      stop: async () => {
        stopped = true;
        this.subscriptions.delete(subscription);
        wakeUp?.();
        ended?.();
        await consumer?.disconnect().catch(() => undefined);
        await running;
      },
      status: () => ({ joined, ...(failure ? { failure } : {}) }),
      joined: () => firstJoin,
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The settings the bus gives kafkajs (see {@link KafkaBusSettings}). */
  settings(): KafkaBusSettings {
    const { idempotent, maxInFlightRequests } = PRODUCER;
    const sessionTimeout = this.options.sessionTimeoutMs ?? 10_000;
    return {
      partitions: this.options.partitions ?? 3,
      producer: { acks: ACKS, idempotent, maxInFlightRequests, lingerMs: 0 },
      consumer: {
        maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 1000,
        // kafkajs' defaults, given here so that they are what the bus says: a fetch is answered as soon
        // as one byte is there, so maxWaitTimeInMs only bounds the wait on an idle topic.
        minBytes: 1,
        maxBytes: 10 * 1024 * 1024,
        maxBytesPerPartition: 1024 * 1024,
        sessionTimeout,
        heartbeatInterval: Math.min(3000, Math.floor(sessionTimeout / 3)),
        partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY,
      },
    };
  }

  /** From the brokers: each partition's high watermark less the group's committed offset (or the partition's low watermark). */
  async lag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    const admin = await this.connectedAdmin();
    const committed = await admin.fetchOffsets({ groupId, topics });
    const out: PartitionLag[] = [];
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const group = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const p of ends) {
        const at = Number(group.find((g) => g.partition === p.partition)?.offset ?? '-1');
        const from = at >= 0 ? at : Number(p.low);
        out.push({
          topic,
          partition: p.partition,
          lag: Math.max(0, Number(p.high) - from),
          committed: at >= 0 ? String(at) : null,
          end: String(p.high),
        });
      }
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop().catch(() => undefined)));
    this.subscriptions.clear();
    const [producer, admin] = await Promise.all([this.producer?.catch(() => undefined), this.admin?.catch(() => undefined)]);
    await Promise.all([producer?.disconnect(), admin?.disconnect()]);
    this.producer = undefined;
    this.admin = undefined;
  }

  /**
   * Creates missing topics, then waits until every partition of each has a leader (polling the brokers'
   * metadata, up to `leaderTimeoutMs`): a fresh broker answers "does not host this topic-partition" to
   * producers and consumers until then. A failure forgets the admin client, so the caller's retry starts
   * afresh.
   */
  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    const admin = await this.connectedAdmin();
    try {
      // Returns false (no error) for topics that exist already, also when another process created them first.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.options.partitions ?? 3,
          replicationFactor: this.options.replicationFactor,
        })),
      });
      await this.waitForLeaders(admin, missing);
    } catch (e) {
      if (this.admin) {
        this.admin = undefined;
        void admin.disconnect().catch(() => undefined);
      }
      throw e;
    }
    for (const t of missing) this.knownTopics.add(t);
  }

  private async waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
    const deadline = Date.now() + (this.options.leaderTimeoutMs ?? 30_000);
    for (let attempt = 1; ; attempt++) {
      let lastError: unknown;
      try {
        const { topics: found } = await admin.fetchTopicMetadata({ topics });
        const led =
          found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
        if (led) return;
      } catch (e) {
        lastError = e;
      }
      if (Date.now() > deadline)
        throw new Error(
          `Topics ${topics.join(', ')} have no leader for every partition yet${lastError ? `: ${describeError(lastError)}` : ''}`,
        );
      await new Promise((r) => setTimeout(r, backoffDelay(attempt, { initialMs: 50, maxMs: 1000 })));
    }
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= connectOrForget(
      this.kafka.producer({ ...PRODUCER, retry: { ...PRODUCER_RETRY, ...this.options.producerRetry } }),
      () => (this.producer = undefined),
    );
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= connectOrForget(this.kafka.admin(), () => (this.admin = undefined));
    return this.admin;
  }
}

/** Connects a client; when that fails, forgets it so the next call tries afresh. */
async function connectOrForget<C extends { connect(): Promise<void> }>(client: C, forget: () => void): Promise<C> {
  try {
    await client.connect();
    return client;
  } catch (e) {
    forget();
    throw e;
  }
}

function headerText(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}
