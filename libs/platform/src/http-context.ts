import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { RequestContext } from '@police/event-store';
import { etagOf, expectedVersionFromIfMatch } from './etag';
import { idempotencyOf } from './idempotency';
import { traceContextOf } from './tracing';
import { PROBLEM_BASE, ProblemException } from './problem-details';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Unprocessable content',
  428: 'Precondition required',
};

/**
 * A problem+json answer of a service's edge (the domains throw DomainErrors themselves): its type is
 * the code under {@link PROBLEM_BASE}, and a field, when given, is named in `errors`.
 */
export function problem(status: number, code: string, detail: string, field?: string): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}${code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(field ? { errors: [{ field, detail }] } : {}),
  });
}

/** The request's correlation id (assigned by the request logger), or a fresh one outside it. */
export function correlationIdOf(req: Request): string {
  const id = (req as unknown as { id?: unknown }).id;
  return typeof id === 'string' ? id : randomUUID();
}

/**
 * The command context of an HTTP request: the domain's actor, the time, the correlation, the
 * Idempotency-Key and, unless `ifMatch: false` (a route creating a record), the version If-Match names.
 */
export function requestContext<Actor extends { staffId: string }>(
  req: Request,
  actor: Actor,
  options: { ifMatch?: boolean } = {},
): RequestContext<Actor> {
  const idempotency = idempotencyOf(req);
  const expected = options.ifMatch === false ? undefined : expectedVersionFromIfMatch(req.header('if-match'));
  const correlationId = correlationIdOf(req);
  return {
    actor,
    now: new Date(),
    correlationId,
    causationId: `${req.method} ${req.originalUrl.split('?')[0]} ${correlationId}`,
    ...idempotency,
    expected,
    trace: traceContextOf(req),
  };
}

/** 428 unless the request named the version it saw (If-Match): for changes that must not be made on a stale read. */
export function requireIfMatch(ctx: RequestContext<{ staffId: string }>, record = 'record'): void {
  if (ctx.expected === undefined)
    throw problem(428, 'if_match_required', `Send If-Match with the ETag of the ${record} as you last read it.`, 'If-Match');
}

export function setEtag(res: Response, version: number): void {
  res.setHeader('ETag', etagOf(version));
}

/** A request DTO's fields that were given (class-transformer leaves the others as undefined properties). */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
