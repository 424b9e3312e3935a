export * from './retention.schedules';
export * from './retention.events';
export * from './retention.state';
export * from './retention.decide';
export * from './retention.aggregate';
