import { KafkaMessageBus } from './kafka-message-bus';

// settings() connects to nothing: a bus for an address nobody listens on tells its settings all the same.
const bus = (options: Partial<ConstructorParameters<typeof KafkaMessageBus>[0]> = {}) =>
  new KafkaMessageBus({ brokers: ['127.0.0.1:1'], clientId: 'unit', ...options });

describe('KafkaMessageBus.settings', () => {
  it('tells the defaults it gives kafkajs: acks from every in-sync replica, no linger, fetches answered at the first byte, one message at a time', () => {
    expect(bus().settings()).toEqual({
      partitions: 3,
      producer: { acks: -1, idempotent: true, maxInFlightRequests: 1, lingerMs: 0 },
      consumer: {
        maxWaitTimeInMs: 1000,
        minBytes: 1,
        maxBytes: 10_485_760,
        maxBytesPerPartition: 1_048_576,
        sessionTimeout: 10_000,
        heartbeatInterval: 3000,
        partitionsConsumedConcurrently: 3,
      },
    });
  });

  it('follows the options it was made with: the fetch wait, the session (a third of it between heartbeats, at most 3 s) and the partitions', () => {
    const settings = bus({ maxWaitTimeInMs: 250, sessionTimeoutMs: 6000, partitions: 6 }).settings();
    expect(settings.partitions).toBe(6);
    expect(settings.consumer).toMatchObject({ maxWaitTimeInMs: 250, sessionTimeout: 6000, heartbeatInterval: 2000 });
  });
});
