import { isProblem } from './problem';

/**
 * The optimistic-concurrency headers of an edit: `If-Match` with the ETag the screen read. The API
 * answers 412 when the record changed since; show {@link ConflictAlert} (components) and reload.
 */
export function ifMatch(etag: string | null | undefined): { 'If-Match': string } {
  if (!etag) throw new Error('An edit needs the ETag of the version it was made on: read the record with call() and pass its etag');
  return { 'If-Match': etag };
}

/** The record changed since it was read (412), or at the same moment (409 concurrent-change). */
export function isConflict(error: unknown): boolean {
  return isProblem(error, 'precondition-failed') || isProblem(error, 'concurrent-change');
}

/** A fresh idempotency key for a create: a retry of the same submission returns the first result. */
export function idempotencyKey(): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': crypto.randomUUID() };
}
