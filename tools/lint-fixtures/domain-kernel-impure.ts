// lint-as: libs/event-store/src/domain-kernel.ts
// 'pg' is refused twice: as I/O and as a package.
// expect: no-restricted-imports x4
import { Pool } from 'pg';
import { PostgresEventStore } from './postgres-event-store';
import { sha256Hex } from './hashing';

export const leaks = [Pool, PostgresEventStore, sha256Hex];
