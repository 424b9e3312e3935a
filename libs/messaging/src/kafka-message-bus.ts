import { Admin, Consumer, IHeaders, Kafka, logLevel, Producer, RetryOptions } from 'kafkajs';
import { incomingMessage, messageHeaders, OutgoingMessage } from './message';
import { MessageBus, MessageSubscription, MessageSubscriptionOptions } from './message-bus';

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
  /** Longest a fetch waits on an idle topic, in ms; also bounds how long `stop()` waits. Default 1000. */
  maxWaitTimeInMs?: number;
  /** kafkajs log level. Default ERROR. */
  logLevel?: logLevel;
}

/** Handler errors: up to 5 retries, 300 ms doubling to at most 30 s, then the consumer restarts (see class doc). */
const CONSUMER_RETRY = { retries: 5, initialRetryTime: 300, maxRetryTime: 30_000 };
/** The producer gives up after about a minute and a half, so the relay backs off and tries again later. */
const PRODUCER_RETRY = { retries: 8, initialRetryTime: 300, maxRetryTime: 30_000 };

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
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaMessageBusOptions) {
    this.kafka = new Kafka({ clientId: options.clientId, brokers: options.brokers, logLevel: options.logLevel ?? logLevel.ERROR });
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
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, ms]) => ({
        topic,
        messages: ms.map((m) => ({ key: m.key, value: JSON.stringify(m.payload), headers: messageHeaders(m) })),
      })),
    });
  }

  async subscribe(o: MessageSubscriptionOptions): Promise<MessageSubscription> {
    await this.ensureTopics(o.topics);
    const consumer = this.kafka.consumer({
      groupId: o.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 1000,
      retry: { ...CONSUMER_RETRY, ...this.options.consumerRetry, restartOnFailure: async () => true },
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: o.topics, fromBeginning: o.fromBeginning ?? true });
      await consumer.run({
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
    } catch (e) {
      await consumer.disconnect().catch(() => undefined);
      throw e;
    }
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect().catch(() => undefined)));
    this.consumers.clear();
    const [producer, admin] = await Promise.all([this.producer?.catch(() => undefined), this.admin?.catch(() => undefined)]);
    await Promise.all([producer?.disconnect(), admin?.disconnect()]);
    this.producer = undefined;
    this.admin = undefined;
  }

  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    const admin = await this.connectedAdmin();
    // Returns false (no error) for topics that exist already, also when another process created them first.
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions ?? 3, replicationFactor: this.options.replicationFactor })),
    });
    for (const t of missing) this.knownTopics.add(t);
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= connectOrForget(
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        retry: { ...PRODUCER_RETRY, ...this.options.producerRetry },
      }),
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
