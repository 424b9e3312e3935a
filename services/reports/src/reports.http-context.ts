import { correlationIdOf } from '@police/security';
import { etagOf, expectedVersionFromIfMatch, idempotencyOf } from '@police/platform';
import type { Request, Response } from 'express';
import { Actor } from './domain/reports.decide';
import { ReportsRequestContext } from './commands/reports-commands';
import { reportsProblem } from './reports.problems';

/** The command context of an HTTP request: actor, time, correlation, Idempotency-Key and If-Match. */
export function requestContext(req: Request, actor: Actor, options: { requireIfMatch?: boolean; ifMatch?: boolean } = {}): ReportsRequestContext {
  const idempotency = idempotencyOf(req);
  const expected = options.ifMatch === false ? undefined : expectedVersionFromIfMatch(req.header('if-match'));
  if (options.requireIfMatch && expected === undefined) {
    throw reportsProblem(428, 'if_match_required', 'Send If-Match with the ETag of the record as you last read it.', 'If-Match');
  }
  const correlationId = correlationIdOf(req);
  return { actor, now: new Date(), correlationId, causationId: `${req.method} ${req.originalUrl.split('?')[0]} ${correlationId}`, ...idempotency, expected };
}

export function setEtag(res: Response, version: number): void {
  res.setHeader('ETag', etagOf(version));
}

/** A request DTO's fields that were given (class-transformer leaves the others as undefined properties). */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
