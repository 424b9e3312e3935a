export * from './health';
export * from './http-app';
export * from './openapi';
export * from './problem-details';
export * from './runtime';
export * from './etag';
export * from './event-sourcing';
