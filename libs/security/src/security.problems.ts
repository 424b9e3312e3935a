import { FieldError, PROBLEM_BASE, ProblemException } from '@police/platform';
import type { ResourceType } from './access-policy';

function label(type: ResourceType): string {
  return type.replace(/_/g, ' ');
}

/** 401: no usable bearer token. Send with `WWW-Authenticate` (see the access guard). */
export function unauthenticated(detail: string): ProblemException {
  return new ProblemException({ type: `${PROBLEM_BASE}unauthenticated`, title: 'Authentication required', status: 401, detail });
}

/** 503: the identity provider's keys cannot be fetched, so no token can be checked. */
export function identityProviderUnavailable(detail: string): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}identity-provider-unavailable`,
    title: 'Identity provider unavailable',
    status: 503,
    detail,
  });
}

/** 403: the caller's roles do not open this endpoint. */
export function forbiddenRoute(): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}forbidden`,
    title: 'Forbidden',
    status: 403,
    detail: 'Your role does not give access to this endpoint.',
  });
}

/**
 * 404 for a record that does not exist or that the caller may not know exists. Services answer a
 * missing id with this same problem, so the two cannot be told apart.
 */
export function resourceNotFound(type: ResourceType): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}not-found`,
    title: 'Not found',
    status: 404,
    detail: `There is no ${label(type)} with this id.`,
  });
}

/** 403: outside the caller's assignment; a justification would make it a (logged) break-glass read. */
export function justificationRequired(type: ResourceType, errors?: FieldError[]): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}justification-required`,
    title: 'Justification required',
    status: 403,
    detail: `This ${label(type)} is outside your assignment. A justification is required: say why you need it in the X-Justification header (at least 3 words; X-Justification-Case may name the case). The read will be logged as a break-glass access and reviewed by oversight.`,
    justificationHeader: 'X-Justification',
    justificationCaseHeader: 'X-Justification-Case',
    ...(errors ? { errors } : {}),
  });
}

/** 403: the record is not open to the caller's roles, with or without a justification. */
export function forbiddenRecord(type: ResourceType): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}forbidden`,
    title: 'Forbidden',
    status: 403,
    detail: `Your roles do not give access to this ${label(type)}.`,
  });
}

/** 503: the consultation could not be logged, so the record is not given out. */
export function auditUnavailable(): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}audit-unavailable`,
    title: 'Consultation log unavailable',
    status: 503,
    detail: 'The read could not be recorded in the consultation log, so it was not answered. Try again shortly.',
  });
}

/** 429, for rate limits and login lockouts; the caller sets `Retry-After`. */
export function tooManyRequests(detail: string, retryAfterSeconds: number): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}too-many-requests`,
    title: 'Too many requests',
    status: 429,
    detail,
    retryAfter: retryAfterSeconds,
  });
}
