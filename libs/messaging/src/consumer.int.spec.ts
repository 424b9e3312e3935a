import { randomBytes, randomUUID } from 'node:crypto';
import { itemRegisteredV1Fixture } from '@police/contracts';
import { DomainError, NewEvent, PostgresEventStore } from '@police/event-store';
import { TestDatabase, createTestDatabase, eventually, testKafkaBrokers } from '@police/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { ConsumerOptions, startConsumer } from './consumer';
import { KafkaMessageBus } from './kafka-message-bus';
import { IncomingMessage, OutgoingMessage } from './message';
import { MessageBus, MessageSubscription } from './message-bus';
import { migrateMessaging } from './messaging-schema';

const run = randomBytes(4).toString('hex');
const SCHEMA = 'investigations';

/** The same bus, noting every message its subscribers handled without throwing. */
function counting(bus: MessageBus, deliveries: IncomingMessage[]): MessageBus {
  return {
    publish: (messages) => bus.publish(messages),
    close: () => bus.close(),
    subscribe: (o) =>
      bus.subscribe({
        ...o,
        handle: async (m) => {
          await o.handle(m);
          deliveries.push(m);
        },
      }),
  };
}

function registered(topic: string, n: number, key = `item-${n % 10}`): OutgoingMessage {
  return {
    id: randomUUID(),
    topic,
    key,
    type: 'evidence.ItemRegistered.v1',
    payload: { ...itemRegisteredV1Fixture, labelNumber: `PACOS-${String(n).padStart(3, '0')}` },
    correlationId: `corr-${n}`,
    causationId: `cmd-${n}`,
  };
}

interface SeizureRow {
  message_id: string;
  label_number: string;
  custodian: string;
}

describe('consumer with an inbox, on Kafka', () => {
  let db: TestDatabase;
  let pool: Pool;
  let bus: KafkaMessageBus;
  let store: PostgresEventStore;
  const cleanup: (() => Promise<void>)[] = [];
  let table = 0;

  beforeAll(async () => {
    db = await createTestDatabase('consumer');
    pool = db.pool(10);
    await migrateMessaging(pool, SCHEMA);
    store = new PostgresEventStore({ pool, schema: SCHEMA, listen: false });
    await store.migrate();
    bus = new KafkaMessageBus({
      brokers: testKafkaBrokers(),
      clientId: `consumer-test-${run}`,
      logLevel: logLevel.NOTHING,
      consumerRetry: { initialRetryTime: 50, maxRetryTime: 500 },
    });
  });

  afterEach(async () => {
    while (cleanup.length > 0) await cleanup.pop()!();
  });

  afterAll(async () => {
    await bus.close();
    await db.drop();
  });

  /** A fresh effect table of the consuming service; no unique key, so a second effect would show as a second row. */
  async function seizures(): Promise<string> {
    const name = `${SCHEMA}.seizures_${++table}`;
    await pool.query(`CREATE TABLE ${name} (message_id text NOT NULL, label_number text NOT NULL, custodian text NOT NULL)`);
    return name;
  }

  async function consume(
    o: Partial<ConsumerOptions> & { topic: string; into: string; groupId: string; onHandled?: () => void },
  ): Promise<MessageSubscription> {
    const subscription = await startConsumer({
      bus: o.bus ?? bus,
      pool,
      schema: SCHEMA,
      groupId: o.groupId,
      topics: [o.topic],
      handlers: o.handlers ?? {
        'evidence.ItemRegistered.v1': async (p, { client, message }) => {
          await client.query(`INSERT INTO ${o.into} (message_id, label_number, custodian) VALUES ($1, $2, $3)`, [
            message.id,
            p.labelNumber,
            p.custodian,
          ]);
          o.onHandled?.();
        },
      },
    });
    cleanup.push(() => subscription.stop());
    return subscription;
  }

  const rows = async (table: string) => (await pool.query<SeizureRow>(`SELECT * FROM ${table} ORDER BY label_number`)).rows;
  const inboxOf = async (ids: string[]) =>
    (await pool.query('SELECT message_id, type, topic FROM investigations.inbox WHERE message_id = ANY($1) ORDER BY message_id', [ids]))
      .rows;

  it('has no second effect when the same message id is delivered again', async () => {
    const topic = `${run}.redelivery.evidence.public.v1`;
    const into = await seizures();
    const deliveries: IncomingMessage[] = [];
    await consume({ bus: counting(bus, deliveries), topic, into, groupId: `${run}-redelivery` });

    const message = registered(topic, 1);
    await bus.publish([message]);
    await bus.publish([message]);

    await eventually(() => expect(deliveries.map((m) => m.id)).toEqual([message.id, message.id]), { timeoutMs: 20_000 });
    expect(await rows(into)).toEqual([{ message_id: message.id, label_number: 'PACOS-001', custodian: 'staff-3141' }]);
    expect(await inboxOf([message.id])).toEqual([{ message_id: message.id, type: 'evidence.ItemRegistered.v1', topic }]);
  });

  it('rolls back the inbox row with the effects (rows and appended events) when the handler throws, so the redelivery acts once', async () => {
    const topic = `${run}.rollback.evidence.public.v1`;
    const into = await seizures();
    const attempts: string[] = [];
    const message = registered(topic, 1);
    const stream = `evidence-${message.id}`;
    await consume({
      topic,
      into,
      groupId: `${run}-rollback`,
      handlers: {
        'evidence.ItemRegistered.v1': async (p, { client, message: m }) => {
          attempts.push(m.id);
          await client.query(`INSERT INTO ${into} (message_id, label_number, custodian) VALUES ($1, $2, $3)`, [
            m.id,
            p.labelNumber,
            p.custodian,
          ]);
          await store.withTransaction(client).appendToStream(stream, [
            {
              id: randomUUID(),
              type: 'EvidenceNoted',
              data: { itemId: p.itemId, labelNumber: p.labelNumber },
              metadata: { actor: 'system:investigations', occurredAt: p.registeredAt, correlationId: m.correlationId, causationId: m.id },
            },
          ]);
          if (attempts.length === 1) throw new Error('lost the connection half-way');
        },
      },
    });
    await bus.publish([message]);

    await eventually(
      async () => expect(await rows(into)).toEqual([{ message_id: message.id, label_number: 'PACOS-001', custodian: 'staff-3141' }]),
      { timeoutMs: 20_000 },
    );
    expect(attempts).toEqual([message.id, message.id]);
    expect(await inboxOf([message.id])).toEqual([{ message_id: message.id, type: 'evidence.ItemRegistered.v1', topic }]);
    const { events } = await store.readStream(stream);
    expect(events.map(({ type, data, metadata, streamVersion }) => ({ type, data, metadata, streamVersion }))).toEqual([
      {
        type: 'EvidenceNoted',
        data: { itemId: itemRegisteredV1Fixture.itemId, labelNumber: 'PACOS-001' },
        metadata: {
          actor: 'system:investigations',
          occurredAt: itemRegisteredV1Fixture.registeredAt,
          correlationId: 'corr-1',
          causationId: message.id,
        },
        streamVersion: 0,
      },
    ]);
  });

  it('resumes a consumer stopped mid-stream from where its group got to, without loss and without a second effect', async () => {
    const topic = `${run}.resume.evidence.public.v1`;
    const into = await seizures();
    const groupId = `${run}-resume`;
    const sent = Array.from({ length: 200 }, (_, i) => registered(topic, i));
    await bus.publish(sent);

    const before: IncomingMessage[] = [];
    let handled = 0;
    let halfway!: () => void;
    const reachedFifty = new Promise<void>((resolve) => (halfway = resolve));
    const first = await consume({ bus: counting(bus, before), topic, into, groupId, onHandled: () => ++handled === 50 && halfway() });
    await reachedFifty;
    await first.stop();
    const handledBeforeStop = (await rows(into)).length;
    expect(before.length).toBe(handledBeforeStop);
    expect(handledBeforeStop).toBeLessThan(200);

    const after: IncomingMessage[] = [];
    await consume({ bus: counting(bus, after), topic, into, groupId });
    await eventually(async () => expect(await rows(into)).toHaveLength(200), { timeoutMs: 30_000 });

    expect(await rows(into)).toEqual(
      sent.map((m) => ({ message_id: m.id, label_number: (m.payload as { labelNumber: string }).labelNumber, custodian: 'staff-3141' })),
    );
    const beforeIds = new Set(before.map((m) => m.id));
    expect({
      afterRestart: after.length,
      redelivered: after.filter((m) => beforeIds.has(m.id)).length,
      all: new Set([...before, ...after].map((m) => m.id)).size,
    }).toEqual({ afterRestart: 200 - handledBeforeStop, redelivered: 0, all: 200 });
    const { rows: inbox } = await pool.query('SELECT count(*)::int AS n FROM investigations.inbox WHERE topic = $1', [topic]);
    expect(inbox).toEqual([{ n: 200 }]);
  });

  it('parks malformed, unknown and invalid messages with the reason, and goes on to handle the next valid one', async () => {
    const topic = `${run}.parking.evidence.public.v1`;
    const into = await seizures();
    const onePartition = new KafkaMessageBus({
      brokers: testKafkaBrokers(),
      clientId: `consumer-test-parking-${run}`,
      logLevel: logLevel.NOTHING,
      partitions: 1,
    });
    cleanup.push(() => onePartition.close());
    const raw: Producer = new Kafka({
      clientId: `consumer-test-raw-${run}`,
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await raw.connect();
    cleanup.push(() => raw.disconnect());

    const invalid = {
      ...registered(topic, 1, 'item-1'),
      payload: { ...itemRegisteredV1Fixture, category: 'spaceship', custodian: undefined },
    };
    const unknown = { ...registered(topic, 2, 'item-1'), type: 'evidence.ItemSeized.v1' };
    const valid = registered(topic, 3, 'item-1');
    await onePartition.publish([invalid, unknown]);
    await raw.send({
      topic,
      acks: -1,
      messages: [{ key: 'item-1', value: 'not json {', headers: { 'message-type': 'evidence.ItemRegistered.v1' } }],
    });
    await onePartition.publish([valid]);
    await consume({ topic, into, groupId: `${run}-parking` });

    await eventually(
      async () => expect(await rows(into)).toEqual([{ message_id: valid.id, label_number: 'PACOS-003', custodian: 'staff-3141' }]),
      { timeoutMs: 20_000 },
    );
    const headers = (m: OutgoingMessage) => ({
      'message-id': m.id,
      'message-type': m.type,
      'content-type': 'application/json',
      'correlation-id': m.correlationId,
      'causation-id': m.causationId,
    });
    const { rows: parked } = await pool.query(
      'SELECT message_id, topic, partition, "offset", type, payload, headers, reason, parked_at FROM investigations.parked_messages WHERE topic = $1 ORDER BY "offset"',
      [topic],
    );
    expect(parked).toEqual([
      {
        message_id: invalid.id,
        topic,
        partition: 0,
        offset: '0',
        type: 'evidence.ItemRegistered.v1',
        payload: JSON.stringify(invalid.payload),
        headers: headers(invalid),
        reason: {
          code: 'invalid_payload',
          errors: [
            {
              field: 'category',
              detail:
                'category must be one of the following values: weapon, drugs, cash, vehicle, data_carrier, document, jewellery, electronics, trace, other',
            },
            { field: 'custodian', detail: 'custodian must be longer than or equal to 1 characters' },
            { field: 'custodian', detail: 'custodian must be a string' },
          ],
        },
        parked_at: expect.any(Date),
      },
      {
        message_id: unknown.id,
        topic,
        partition: 0,
        offset: '1',
        type: 'evidence.ItemSeized.v1',
        payload: JSON.stringify(unknown.payload),
        headers: headers(unknown),
        reason: { code: 'unknown_type', errors: [{ field: 'message-type', detail: 'unknown contract type "evidence.ItemSeized.v1"' }] },
        parked_at: expect.any(Date),
      },
      {
        message_id: null,
        topic,
        partition: 0,
        offset: '2',
        type: 'evidence.ItemRegistered.v1',
        payload: 'not json {',
        headers: { 'message-type': 'evidence.ItemRegistered.v1' },
        reason: {
          code: 'invalid_envelope',
          errors: [
            { field: 'message-id', detail: 'header message-id is missing' },
            { field: 'correlation-id', detail: 'header correlation-id is missing' },
            { field: 'causation-id', detail: 'header causation-id is missing' },
            { field: 'content-type', detail: 'header content-type must be application/json' },
          ],
        },
        parked_at: expect.any(Date),
      },
    ]);
    expect(await inboxOf([invalid.id, unknown.id, valid.id])).toEqual([
      { message_id: valid.id, type: 'evidence.ItemRegistered.v1', topic },
    ]);
  });

  it('decides again at once, in a new transaction, when another writer of the stream got there first (a version conflict)', async () => {
    const topic = `${run}.conflict.evidence.public.v1`;
    const into = await seizures();
    const handled: string[] = [];
    const watching: MessageBus = {
      publish: (messages) => bus.publish(messages),
      close: () => bus.close(),
      subscribe: (o) =>
        bus.subscribe({
          ...o,
          handle: async (m) => {
            handled.push(m.id);
            await o.handle(m);
          },
        }),
    };
    const stream = `case-${run}`;
    const event = (type: string): NewEvent => ({
      id: randomUUID(),
      type,
      data: {},
      metadata: { actor: 'staff-3141', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: 'c' },
    });
    await store.appendToStream(stream, [event('InvestigationOpened')]);
    const message = registered(topic, 7);
    await bus.publish([message]);
    let attempts = 0;
    await consume({
      bus: watching,
      topic,
      into,
      groupId: `${run}-conflict`,
      handlers: {
        'evidence.ItemRegistered.v1': async (p, { client, message: m }) => {
          attempts++;
          const inTx = store.withTransaction(client);
          const { currentVersion } = await inTx.readStream(stream);
          // The first time, a detective's command commits on the same case between the read and the append.
          if (attempts === 1) await store.appendToStream(stream, [event('TaskCreated')]);
          await client.query(`INSERT INTO ${into} (message_id, label_number, custodian) VALUES ($1, $2, $3)`, [
            m.id,
            p.labelNumber,
            p.custodian,
          ]);
          await inTx.appendToStream(stream, [event('EvidenceLinked')], { expected: currentVersion });
        },
      },
    });

    await eventually(async () => expect(await rows(into)).toHaveLength(1), { timeoutMs: 20_000 });
    expect(attempts).toBe(2);
    // Decided again inside the one delivery: the broker never saw it fail.
    expect(handled).toEqual([message.id]);
    expect((await store.readStream(stream)).events.map((e) => e.type)).toEqual(['InvestigationOpened', 'TaskCreated', 'EvidenceLinked']);
    expect(await inboxOf([message.id])).toEqual([{ message_id: message.id, type: 'evidence.ItemRegistered.v1', topic }]);
    const { rows: parked } = await pool.query('SELECT message_id FROM investigations.parked_messages WHERE topic = $1', [topic]);
    expect(parked).toEqual([]);
  });

  it('parks a valid message the service refuses (a DomainError), with no effect and no inbox row, and goes on with the next', async () => {
    const topic = `${run}.refused.evidence.public.v1`;
    const into = await seizures();
    const onePartition = new KafkaMessageBus({
      brokers: testKafkaBrokers(),
      clientId: `consumer-test-refused-${run}`,
      logLevel: logLevel.NOTHING,
      partitions: 1,
    });
    cleanup.push(() => onePartition.close());
    const refused = registered(topic, 1, 'item-1');
    const valid = registered(topic, 2, 'item-1');
    await onePartition.publish([refused, valid]);
    await consume({
      topic,
      into,
      groupId: `${run}-refused`,
      handlers: {
        'evidence.ItemRegistered.v1': async (p, { client, message }) => {
          await client.query(`INSERT INTO ${into} (message_id, label_number, custodian) VALUES ($1, $2, $3)`, [
            message.id,
            p.labelNumber,
            p.custodian,
          ]);
          if (message.id === refused.id) throw new DomainError('investigation_closed', 'Investigation x is closed', 409, 'investigationId');
        },
      },
    });

    await eventually(
      async () => expect(await rows(into)).toEqual([{ message_id: valid.id, label_number: 'PACOS-002', custodian: 'staff-3141' }]),
      { timeoutMs: 20_000 },
    );
    const { rows: parked } = await pool.query('SELECT message_id, type, reason FROM investigations.parked_messages WHERE topic = $1', [
      topic,
    ]);
    expect(parked).toEqual([
      {
        message_id: refused.id,
        type: 'evidence.ItemRegistered.v1',
        reason: { code: 'refused', errors: [{ field: 'investigationId', detail: 'investigation_closed: Investigation x is closed' }] },
      },
    ]);
    expect(await inboxOf([refused.id, valid.id])).toEqual([{ message_id: valid.id, type: 'evidence.ItemRegistered.v1', topic }]);
  });
});
