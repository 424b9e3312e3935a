// lint-as: libs/contracts/src/evidence/bad.v1.ts
// expect: @nx/enforce-module-boundaries
import { PostgresEventStore } from '@police/event-store';

export const store = PostgresEventStore;
