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
