export * from './errors';
export * from './event-store';
export * from './hashing';
export * from './in-memory-event-store';
export * from './postgres-event-store';
export * from './postgres-schema';
export * from './subscription';
export * from './verify';
