/** Thrown when an append's expected version does not hold. The HTTP layer answers 409, or 412 with If-Match. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'wrong_expected_version';
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** Thrown when an event id is reused for different content or a different stream. */
export class DuplicateEventIdError extends Error {
  readonly code = 'duplicate_event_id';
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already stored with other content or in another stream`);
    this.name = 'DuplicateEventIdError';
  }
}

/**
 * A rule of the domain said no. Pure: domains throw subclasses of it; the HTTP layer renders them as
 * problem+json with `status` (409 conflict with the current state, 422 invalid in itself, 403, 404).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 403 | 404 | 409 | 422 = 409,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * An idempotency key came back with another request: another route, record or body than the one it
 * was first used for. The HTTP layer answers 422 naming the `Idempotency-Key` header; nothing is
 * appended, and the first request's result stands.
 */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'idempotency_key_reused';
  constructor(readonly streamId: string) {
    super('This Idempotency-Key was already used for another request (another route, record or body)');
    this.name = 'IdempotencyKeyReusedError';
  }
}
