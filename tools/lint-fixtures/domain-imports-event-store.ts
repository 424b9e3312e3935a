// lint-as: services/evidence/src/domain/bad-store.decide.ts
// expect: no-restricted-imports x2
import { InMemoryEventStore } from '@police/event-store';
import { KurrentDbEventStore } from '@police/event-store/kurrentdb';

export const leaks = [InMemoryEventStore, KurrentDbEventStore];
