import { randomBytes } from 'node:crypto';
import { itemRegisteredV1Fixture } from '@police/contracts';
import { eventually, testKafkaBrokers } from '@police/testing';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { KafkaMessageBus } from './kafka-message-bus';
import { IncomingMessage, OutgoingMessage } from './message';

const run = randomBytes(4).toString('hex');
const KEY = 'item-e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b';

function message(n: number, topic: string): OutgoingMessage {
  return {
    id: `${run}-msg-${n}`,
    topic,
    key: KEY,
    type: 'evidence.ItemRegistered.v1',
    payload: { ...itemRegisteredV1Fixture, labelNumber: `PACOS-${n}` },
    correlationId: `corr-${n}`,
    causationId: `cmd-${n}`,
  };
}

function received(m: OutgoingMessage, partition: number, offset: number): IncomingMessage {
  return {
    id: m.id,
    topic: m.topic,
    key: m.key,
    type: m.type,
    payload: m.payload,
    raw: JSON.stringify(m.payload),
    correlationId: m.correlationId,
    causationId: m.causationId,
    partition,
    offset: String(offset),
    headers: {
      'message-id': m.id,
      'message-type': m.type,
      'content-type': 'application/json',
      'correlation-id': m.correlationId,
      'causation-id': m.causationId,
    },
  };
}

describe('KafkaMessageBus', () => {
  let bus: KafkaMessageBus;
  let admin: Admin;

  beforeAll(async () => {
    bus = new KafkaMessageBus({
      brokers: testKafkaBrokers(),
      clientId: `bus-test-${run}`,
      logLevel: logLevel.NOTHING,
      consumerRetry: { initialRetryTime: 50, maxRetryTime: 500 },
    });
    admin = new Kafka({ clientId: `bus-test-admin-${run}`, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    await bus.close();
    await admin.disconnect();
  });

  it('creates the topic with 3 partitions and resolves publish once the broker holds every message', async () => {
    const topic = `${run}.bus.public.v1`;
    await bus.publish([message(1, topic), message(2, topic), message(3, topic)]);

    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    const offsets = await admin.fetchTopicOffsets(topic);
    expect({ partitions: metadata.partitions.length, stored: offsets.reduce((n, p) => n + Number(p.high), 0) }).toEqual({
      partitions: 3,
      stored: 3,
    });
  });

  it('delivers key, headers and payload, in order per key, to a subscribed group', async () => {
    const topic = `${run}.delivery.public.v1`;
    const sent = [message(1, topic), message(2, topic), message(3, topic)];
    await bus.publish(sent);
    const seen: IncomingMessage[] = [];
    const subscription = await bus.subscribe({ groupId: `${run}-delivery`, topics: [topic], handle: async (m) => void seen.push(m) });
    try {
      await eventually(() => expect(seen).toHaveLength(3));
      const partition = seen[0].partition!;
      expect(seen).toEqual(sent.map((m, i) => received(m, partition, i)));
    } finally {
      await subscription.stop();
    }
  });

  it('delivers a message again when its handler throws, skips nothing after it, and keeps the process running', async () => {
    const topic = `${run}.retry.public.v1`;
    const sent = [message(1, topic), message(2, topic), message(3, topic)];
    await bus.publish(sent);
    const attempts: string[] = [];
    const handled: string[] = [];
    let failures = 0;
    const subscription = await bus.subscribe({
      groupId: `${run}-retry`,
      topics: [topic],
      handle: async (m) => {
        attempts.push(m.id);
        if (m.id === sent[1].id && failures < 2) {
          failures++;
          throw new Error('database down');
        }
        handled.push(m.id);
      },
    });
    try {
      await eventually(() => expect(handled).toHaveLength(3));
      expect({ handled, attempts }).toEqual({
        handled: [sent[0].id, sent[1].id, sent[2].id],
        attempts: [sent[0].id, sent[1].id, sent[1].id, sent[1].id, sent[2].id],
      });
    } finally {
      await subscription.stop();
    }
  });
});
