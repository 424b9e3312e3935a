import { randomBytes, randomUUID } from 'node:crypto';
import { custodyTransferredV1Fixture, CustodyTransferredV1, itemRegisteredV1Fixture, ItemRegisteredV1 } from '@police/contracts';
import {
  erasedText,
  EventEncryption,
  LocalKeyEncryptionKey,
  NewEvent,
  PostgresEventStore,
  RecordedEvent,
  START,
} from '@police/event-store';
import { TestDatabase, createTestDatabase, eventually, testKafkaBrokers } from '@police/testing';
import { Admin, Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { PostgresCheckpointStore } from './checkpoints';
import { startConsumer } from './consumer';
import { KafkaMessageBus } from './kafka-message-bus';
import { InProcessMessageBus } from './in-process-message-bus';
import { IncomingMessage, publicMessage, PublicMessage } from './message';
import { MessageBus, MessageSubscription } from './message-bus';
import { migrateMessaging } from './messaging-schema';
import { Relay, startRelay } from './relay';

const run = randomBytes(4).toString('hex');

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

function event(type: string, data: object, n: number): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'staff-3141', occurredAt: `2025-03-16T1${n}:00:00Z`, correlationId: `corr-${run}`, causationId: `cmd-${n}` },
  };
}

/** The evidence service's kind of mapping: photos stay private. */
function map(e: RecordedEvent): PublicMessage | null {
  switch (e.type) {
    case 'ItemRegistered':
      return publicMessage(e, 'evidence.ItemRegistered.v1', e.data as ItemRegisteredV1);
    case 'CustodyTransferred':
      return publicMessage(e, 'evidence.CustodyTransferred.v1', e.data as CustodyTransferredV1);
    default:
      return null;
  }
}

interface TimelineRow {
  message_id: string;
  item_id: string;
  what: string;
  custodian: string;
  correlation_id: string;
  causation_id: string;
}

/** The consuming service (investigations) keeps an evidence timeline; no unique key, so a second effect would show. */
async function createTimeline(pool: Pool, schema: string): Promise<void> {
  await migrateMessaging(pool, schema);
  await pool.query(`CREATE TABLE ${schema}.evidence_timeline (
    message_id text NOT NULL, item_id uuid NOT NULL, what text NOT NULL, custodian text NOT NULL, correlation_id text NOT NULL, causation_id text NOT NULL)`);
}

function consumeInto(bus: MessageBus, pool: Pool, schema: string, topic: string): Promise<MessageSubscription> {
  const insert = `INSERT INTO ${schema}.evidence_timeline (message_id, item_id, what, custodian, correlation_id, causation_id) VALUES ($1, $2, $3, $4, $5, $6)`;
  return startConsumer({
    bus,
    pool,
    schema,
    groupId: `${run}-${schema}`,
    topics: [topic],
    handlers: {
      'evidence.ItemRegistered.v1': async (p, { client, message }) => {
        await client.query(insert, [
          message.id,
          p.itemId,
          `registered ${p.labelNumber}`,
          p.custodian,
          message.correlationId,
          message.causationId,
        ]);
      },
      'evidence.CustodyTransferred.v1': async (p, { client, message }) => {
        await client.query(insert, [
          message.id,
          p.itemId,
          `transferred for ${p.purpose}`,
          p.toCustodian,
          message.correlationId,
          message.causationId,
        ]);
      },
    },
  });
}

describe('relay through Kafka into a consumer with an inbox', () => {
  let db: TestDatabase;
  let pool: Pool;
  let bus: KafkaMessageBus;
  let admin: Admin;
  const cleanup: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('relay');
    pool = db.pool(10);
    bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: `relay-test-${run}`, logLevel: logLevel.NOTHING });
    admin = new Kafka({ clientId: `relay-test-admin-${run}`, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });

  afterEach(async () => {
    while (cleanup.length > 0) await cleanup.pop()!();
  });

  afterAll(async () => {
    await bus.close();
    await admin.disconnect();
    await db.drop();
  });

  async function evidenceStore(schema: string): Promise<PostgresEventStore> {
    const store = new PostgresEventStore({ pool, schema });
    await store.migrate();
    await migrateMessaging(pool, schema);
    cleanup.push(() => store.close());
    return store;
  }

  it('stores checkpoints in relay_checkpoints, never moving one backwards', async () => {
    await migrateMessaging(pool, 'evidence_checkpoints');
    const checkpoints = new PostgresCheckpointStore({ pool, schema: 'evidence_checkpoints' });
    const missing = await checkpoints.load('evidence.public');
    await checkpoints.save('evidence.public', { commit: 5n, prepare: 10n });
    await checkpoints.save('evidence.public', { commit: 5n, prepare: 9n });
    const kept = await checkpoints.load('evidence.public');
    await checkpoints.save('evidence.public', { commit: 6n, prepare: 1n });
    expect({ missing, kept, advanced: await checkpoints.load('evidence.public') }).toEqual({
      missing: undefined,
      kept: { commit: 5n, prepare: 10n },
      advanced: { commit: 6n, prepare: 1n },
    });
  });

  it('publishes no personal data of an erased record, also while readers that leave sealed fields sealed share its reads (ADR 0053, 0063)', async () => {
    const schema = 'evidence_sealed';
    const topic = `${run}.sealed.evidence.public.v1`;
    const encryption = new EventEncryption(
      {
        sensitive: { ItemRegistered: { keyOf: (d: { itemId: string }) => `item-${d.itemId}`, fields: { description: erasedText } } },
        erasures: {
          ItemErased: (d: { itemId: string }) => ({
            keyId: `item-${d.itemId}`,
            by: 'staff-dpo',
            at: '2026-12-07T09:30:00.000Z',
            decision: 'DPO-2026-021',
          }),
        },
      },
      LocalKeyEncryptionKey.generate(),
    );
    const store = new PostgresEventStore({ pool, schema, encryption });
    await store.migrate();
    await migrateMessaging(pool, schema);
    cleanup.push(() => store.close());
    const erased = randomUUID();
    const kept = randomUUID();
    await store.appendToStream(`item-${erased}`, [
      event('ItemRegistered', { ...itemRegisteredV1Fixture, itemId: erased, description: 'Portefeuille van Jan Peeters, Veldstraat 1' }, 1),
    ]);
    await store.appendToStream(`item-${kept}`, [
      event('ItemRegistered', { ...itemRegisteredV1Fixture, itemId: kept, description: 'Fiets, blauw' }, 2),
    ]);
    await store.appendToStream('erasures', [event('ItemErased', { itemId: erased }, 3)]);

    // A projection that reads no sealed field (what it is handed keeps them sealed), reading the same batches.
    const sealedSeen: RecordedEvent[] = [];
    const reader = store.subscribeToAll(START, { open: [], batchSize: 50, handle: async (events) => void sealedSeen.push(...events) });
    cleanup.push(() => reader.stop());
    const inProcess = new InProcessMessageBus();
    const published: IncomingMessage[] = [];
    const audit = await inProcess.subscribe({ groupId: 'audit', topics: [topic], handle: async (m) => void published.push(m) });
    cleanup.push(() => audit.stop());
    // The service's mapping keeps an erased event private, as reports' does: only an opened event says it is erased.
    const relay = await startRelay({
      store,
      checkpoints: new PostgresCheckpointStore({ pool, schema }),
      name: 'evidence.public',
      topic,
      bus: inProcess,
      batchSize: 50,
      map: (e) => (e.erased ? null : map(e)),
    });
    cleanup.push(() => relay.stop());

    await eventually(async () => {
      expect(sealedSeen).toHaveLength(3);
      expect(await new PostgresCheckpointStore({ pool, schema }).load('evidence.public')).toEqual(sealedSeen[2].position);
    });
    expect(published.map((m) => [m.key, m.payload])).toEqual([
      [`item-${kept}`, { ...itemRegisteredV1Fixture, itemId: kept, description: 'Fiets, blauw' }],
    ]);
    expect(JSON.stringify(published)).not.toContain('Peeters');
    expect(JSON.stringify(sealedSeen.map((e) => e.data))).not.toMatch(/Peeters|Fiets|erased on/);
    expect(sealedSeen.every((e) => e.erased === undefined)).toBe(true);
  });

  it('publishes the mapped public events with key and headers, keeps private ones back, and the consumer writes exactly their effects', async () => {
    const topic = `${run}.roundtrip.evidence.public.v1`;
    const store = await evidenceStore('evidence_roundtrip');
    await createTimeline(pool, 'investigations_roundtrip');
    const deliveries: IncomingMessage[] = [];
    const consumer = await consumeInto(counting(bus, deliveries), pool, 'investigations_roundtrip', topic);
    cleanup.push(() => consumer.stop());

    const laptop = `item-${itemRegisteredV1Fixture.itemId}`;
    const phoneId = randomUUID();
    await store.appendToStream(laptop, [
      event('ItemRegistered', itemRegisteredV1Fixture, 1),
      event('ItemPhotographed', { photoRef: 'photo-1' }, 2),
      event('CustodyTransferred', custodyTransferredV1Fixture, 3),
    ]);
    await store.appendToStream(`item-${phoneId}`, [
      event(
        'ItemRegistered',
        { ...itemRegisteredV1Fixture, itemId: phoneId, labelNumber: 'PACOS-2025-000872', category: 'data_carrier' },
        4,
      ),
    ]);
    const log = await store.readAll(START);
    const [registered, , transferred, phone] = log;

    const relay = await startRelay({
      store,
      checkpoints: new PostgresCheckpointStore({ pool, schema: 'evidence_roundtrip' }),
      name: 'evidence.public',
      topic,
      map,
      bus,
    });
    cleanup.push(() => relay.stop());

    await eventually(() => expect(deliveries).toHaveLength(3), { timeoutMs: 20_000 });
    const expected = (e: RecordedEvent, type: string): IncomingMessage => ({
      id: e.id,
      topic,
      key: e.streamId,
      type,
      payload: e.data,
      raw: JSON.stringify(e.data),
      correlationId: `corr-${run}`,
      causationId: e.metadata.causationId,
      partition: expect.any(Number),
      offset: expect.any(String),
      headers: {
        'message-id': e.id,
        'message-type': type,
        'content-type': 'application/json',
        'correlation-id': `corr-${run}`,
        'causation-id': e.metadata.causationId,
      },
    });
    const byId = (a: IncomingMessage, b: IncomingMessage) => a.id.localeCompare(b.id);
    expect([...deliveries].sort(byId)).toEqual(
      [
        expected(registered, 'evidence.ItemRegistered.v1'),
        expected(transferred, 'evidence.CustodyTransferred.v1'),
        expected(phone, 'evidence.ItemRegistered.v1'),
      ].sort(byId),
    );
    const laptopMessages = deliveries.filter((m) => m.key === laptop);
    expect({
      ids: laptopMessages.map((m) => m.id),
      samePartition: laptopMessages[0].partition === laptopMessages[1].partition,
      inOrder: Number(laptopMessages[0].offset) < Number(laptopMessages[1].offset),
    }).toEqual({ ids: [registered.id, transferred.id], samePartition: true, inOrder: true });

    const stored = (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
    expect(stored).toBe(3);

    const { rows: timeline } = await pool.query<TimelineRow>(
      'SELECT * FROM investigations_roundtrip.evidence_timeline ORDER BY causation_id',
    );
    expect(timeline).toEqual([
      {
        message_id: registered.id,
        item_id: itemRegisteredV1Fixture.itemId,
        what: 'registered PACOS-2025-000871',
        custodian: 'staff-3141',
        correlation_id: `corr-${run}`,
        causation_id: 'cmd-1',
      },
      {
        message_id: transferred.id,
        item_id: itemRegisteredV1Fixture.itemId,
        what: 'transferred for lab_analysis',
        custodian: 'staff-2718',
        correlation_id: `corr-${run}`,
        causation_id: 'cmd-3',
      },
      {
        message_id: phone.id,
        item_id: phoneId,
        what: 'registered PACOS-2025-000872',
        custodian: 'staff-3141',
        correlation_id: `corr-${run}`,
        causation_id: 'cmd-4',
      },
    ]);

    const { rows: inbox } = await pool.query('SELECT * FROM investigations_roundtrip.inbox ORDER BY message_id');
    expect(inbox).toEqual(
      [registered, transferred, phone]
        .map((e) => ({ message_id: e.id, type: `evidence.${e.type}.v1`, topic, handled_at: expect.any(Date) }))
        .sort((a, b) => a.message_id.localeCompare(b.message_id)),
    );

    const last = log[log.length - 1].position;
    await eventually(async () => {
      const { rows } = await pool.query('SELECT * FROM evidence_roundtrip.relay_checkpoints');
      expect(rows).toEqual([
        {
          name: 'evidence.public',
          commit_position: String(last.commit),
          prepare_position: String(last.prepare),
          updated_at: expect.any(Date),
        },
      ]);
    });
  });

  it('publishes a batch again after the relay died between acknowledgement and checkpoint; the consumer sees it twice and acts once', async () => {
    const topic = `${run}.crash.evidence.public.v1`;
    const store = await evidenceStore('evidence_crash');
    await createTimeline(pool, 'investigations_crash');
    const deliveries: IncomingMessage[] = [];
    const consumer = await consumeInto(counting(bus, deliveries), pool, 'investigations_crash', topic);
    cleanup.push(() => consumer.stop());
    const checkpoints = new PostgresCheckpointStore({ pool, schema: 'evidence_crash' });

    const itemId = randomUUID();
    await store.appendToStream(`item-${itemId}`, [
      event('ItemRegistered', { ...itemRegisteredV1Fixture, itemId }, 1),
      event('CustodyTransferred', { ...custodyTransferredV1Fixture, itemId }, 2),
    ]);
    const [registered, transferred] = await store.readAll(START);

    const crashes: unknown[] = [];
    const dying: Relay = await startRelay({
      store,
      checkpoints,
      name: 'evidence.public',
      topic,
      map,
      bus,
      retry: { initialDelayMs: 60_000 },
      onError: (e) => crashes.push(e),
      afterPublish: () => {
        throw new Error('process killed after publish');
      },
    });
    await eventually(() => expect(crashes.map((e) => (e as Error).message)).toEqual(['process killed after publish']));
    await dying.stop();
    expect((await pool.query('SELECT * FROM evidence_crash.relay_checkpoints')).rows).toEqual([]);

    const restarted = await startRelay({ store, checkpoints, name: 'evidence.public', topic, map, bus });
    cleanup.push(() => restarted.stop());

    await eventually(() => expect(deliveries).toHaveLength(4), { timeoutMs: 20_000 });
    const count = (id: string) => deliveries.filter((m) => m.id === id).length;
    expect({ registered: count(registered.id), transferred: count(transferred.id) }).toEqual({ registered: 2, transferred: 2 });

    const { rows: timeline } = await pool.query<TimelineRow>('SELECT * FROM investigations_crash.evidence_timeline ORDER BY causation_id');
    expect(timeline).toEqual([
      {
        message_id: registered.id,
        item_id: itemId,
        what: 'registered PACOS-2025-000871',
        custodian: 'staff-3141',
        correlation_id: `corr-${run}`,
        causation_id: 'cmd-1',
      },
      {
        message_id: transferred.id,
        item_id: itemId,
        what: 'transferred for lab_analysis',
        custodian: 'staff-2718',
        correlation_id: `corr-${run}`,
        causation_id: 'cmd-2',
      },
    ]);
    const { rows: inbox } = await pool.query('SELECT message_id, type FROM investigations_crash.inbox ORDER BY type');
    expect(inbox).toEqual([
      { message_id: transferred.id, type: 'evidence.CustodyTransferred.v1' },
      { message_id: registered.id, type: 'evidence.ItemRegistered.v1' },
    ]);
    await eventually(async () => {
      const { rows } = await pool.query('SELECT name, commit_position, prepare_position FROM evidence_crash.relay_checkpoints');
      expect(rows).toEqual([
        {
          name: 'evidence.public',
          commit_position: String(transferred.position.commit),
          prepare_position: String(transferred.position.prepare),
        },
      ]);
    });
  });
});
