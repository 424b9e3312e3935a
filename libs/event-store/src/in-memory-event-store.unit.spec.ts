import { eventStoreContract } from './event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

eventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return {
    store,
    tamper: async (streamId, version, data) => store.tamper(streamId, version, data),
    teardown: () => store.close(),
  };
});

// A store without its own readLog (as KurrentDB): the readLog helper reads it through readAll and filters (ADR 0063).
eventStoreContract('in-memory, its log read through readAll', async () => {
  const store = new InMemoryEventStore();
  Object.defineProperty(store, 'readLog', { value: undefined });
  return {
    store,
    tamper: async (streamId, version, data) => store.tamper(streamId, version, data),
    teardown: () => store.close(),
  };
});
