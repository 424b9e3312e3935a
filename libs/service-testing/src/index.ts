export * from './personas';
export * from './service-app';
export * from './matrix';
export * from './idempotency';
export * from './api-conformance';
export * from './live-client';
export * from './operations';
