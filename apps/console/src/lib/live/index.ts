export { useLiveUpdates } from './use-live-updates';
export type { LiveService } from './use-live-updates';
export { invalidateAll, invalidateChanges } from './invalidate';
export type { LiveChange } from './live-connection';
export { useLiveHold } from './hold';
