// The relay and a consumer group through a Kafka outage: a broker of this test's own (the project's native
// Kafka on free ports, in a folder of its own) is stopped mid-run and started again, so the shared broker
// is never touched. Nothing published before, during or after may be lost; the processes' loops recover.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { itemRegisteredV1Fixture, ItemRegisteredV1 } from '@police/contracts';
import { InMemoryEventStore, NewEvent } from '@police/event-store';
import { eventually, freePort, workspaceRoot } from '@police/testing';
import { logLevel } from 'kafkajs';
import { InMemoryCheckpointStore } from './checkpoints';
import { KafkaMessageBus } from './kafka-message-bus';
import { publicMessage } from './message';
import { MessageSubscription } from './message-bus';
import { Relay, startRelay } from './relay';

const TOPIC = 'evidence.public.v1';

function registered(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'ItemRegistered',
    data: { ...itemRegisteredV1Fixture, labelNumber: `PACOS-${n}` },
    metadata: { actor: 'staff-3141', occurredAt: '2025-03-16T10:00:00Z', correlationId: `corr-${n}`, causationId: `cmd-${n}` },
  };
}

describe('relay and consumer group through a Kafka outage (a private broker, stopped and started)', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  let brokers: string[];
  let store: InMemoryEventStore;
  let producerBus: KafkaMessageBus;
  let consumerBus: KafkaMessageBus;
  let relay: Relay;
  let subscription: MessageSubscription;
  const received = new Set<string>();

  const infra = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(workspaceRoot, 'infra/native/infra.mjs'), ...args, '--only=kafka'], {
      env,
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (r.status !== 0) throw new Error(`infra.mjs ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'police-kafka-outage-'));
    // The broker's jars come from the shared cache when there is one (else they are fetched into this folder).
    const sharedCache = path.join(path.resolve(process.env.POLICE_INFRA_DIR || '/var/tmp/police-case-platform'), 'cache');
    if (existsSync(sharedCache)) symlinkSync(sharedCache, path.join(root, 'cache'));
    const [kafkaPort, controllerPort, pgPort, keycloakPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    env = {
      ...process.env,
      POLICE_INFRA_DIR: root,
      NATIVE_KAFKA_PORT: String(kafkaPort),
      NATIVE_KAFKA_CONTROLLER_PORT: String(controllerPort),
      NATIVE_PG_PORT: String(pgPort),
      NATIVE_KEYCLOAK_PORT: String(keycloakPort),
    };
    infra('up');
    brokers = [`127.0.0.1:${kafkaPort}`];
    store = new InMemoryEventStore();
    const quick = { retries: 3, initialRetryTime: 100, maxRetryTime: 1000 };
    producerBus = new KafkaMessageBus({ brokers, clientId: 'outage-relay', logLevel: logLevel.NOTHING, producerRetry: quick });
    consumerBus = new KafkaMessageBus({
      brokers,
      clientId: 'outage-consumer',
      logLevel: logLevel.NOTHING,
      consumerRetry: quick,
      joinBackoff: { initialMs: 100, maxMs: 2000 },
    });
  }, 240_000);

  afterAll(async () => {
    await subscription?.stop();
    await relay?.stop();
    await producerBus?.close();
    await consumerBus?.close();
    try {
      infra('down');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it('publishes everything appended before, during and after the outage; the group joins again and receives each message', async () => {
    relay = await startRelay({
      store,
      checkpoints: new InMemoryCheckpointStore(),
      bus: producerBus,
      name: TOPIC,
      topic: TOPIC,
      map: (e) => publicMessage(e, 'evidence.ItemRegistered.v1', e.data as ItemRegisteredV1),
      retry: { initialDelayMs: 100, maxDelayMs: 2000 },
      onError: () => undefined,
    });
    subscription = await consumerBus.subscribe({
      groupId: 'outage-investigations',
      topics: [TOPIC],
      handle: async (m) => void received.add(m.id),
    });
    for (let n = 1; n <= 5; n++) await store.appendToStream(`item-${n}`, [registered(n)]);
    await eventually(() => expect(received.size).toBe(5), { timeoutMs: 60_000, intervalMs: 100 });

    infra('down');
    for (let n = 6; n <= 10; n++) await store.appendToStream(`item-${n}`, [registered(n)]);
    await eventually(
      () => expect({ relay: relay.status().running, consumer: subscription.status().joined }).toEqual({ relay: false, consumer: false }),
      { timeoutMs: 60_000, intervalMs: 100 },
    );

    infra('up');
    for (let n = 11; n <= 12; n++) await store.appendToStream(`item-${n}`, [registered(n)]);
    const ids = (await store.readAll({ commit: -1n, prepare: -1n })).map((e) => e.id);
    await eventually(() => expect([...received].sort()).toEqual([...ids].sort()), { timeoutMs: 120_000, intervalMs: 250 });
    await eventually(
      () =>
        expect({ relay: relay.status(), consumer: subscription.status() }).toEqual({
          relay: { running: true, leased: true },
          consumer: { joined: true },
        }),
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  }, 300_000);
});
