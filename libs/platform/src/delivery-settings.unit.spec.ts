import { DEFAULT_PROJECTOR_BATCH_SIZE, NOTIFY_WINDOW_MS } from '@police/event-store';
import { DEFAULT_RELAY_BATCH_SIZE, InProcessMessageBus, KafkaMessageBus } from '@police/messaging';
import { deliverySettings } from './event-sourcing';

describe('deliverySettings', () => {
  it('a production service (LISTEN/NOTIFY, Kafka): woken by NOTIFY, polling each second at most, with its bus’s kafkajs settings', () => {
    const bus = new KafkaMessageBus({ brokers: ['127.0.0.1:1'], clientId: 'unit', maxWaitTimeInMs: 400 });
    const settings = deliverySettings({ notifications: true, bus });
    expect(settings).toEqual({
      subscriptionPollIntervalMs: 1000,
      notifyWindowMs: NOTIFY_WINDOW_MS,
      relayBatchSize: DEFAULT_RELAY_BATCH_SIZE,
      projectorBatchSize: DEFAULT_PROJECTOR_BATCH_SIZE,
      kafka: bus.settings(),
    });
    expect(settings.kafka?.consumer.maxWaitTimeInMs).toBe(400);
  });

  it('the embedded mode (no notifications, the in-process bus): no NOTIFY window, a slower fallback poll, no Kafka settings', () => {
    expect(deliverySettings({ notifications: false, bus: new InProcessMessageBus() })).toEqual({
      subscriptionPollIntervalMs: 5000,
      notifyWindowMs: null,
      relayBatchSize: 100,
      projectorBatchSize: 500,
    });
  });
});
