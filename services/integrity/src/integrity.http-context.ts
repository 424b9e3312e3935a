import { etagOf, expectedVersionFromIfMatch, idempotencyOf } from '@police/platform';
import { correlationIdOf } from '@police/security';
import type { Request, Response } from 'express';
import { IntegrityRequestContext } from './commands/integrity-commands';
import { Actor } from './domain/integrity.decide';

/** The command context of an HTTP request: actor, time, correlation, Idempotency-Key and If-Match. */
export function requestContext(req: Request, actor: Actor): IntegrityRequestContext {
  const idempotency = idempotencyOf(req);
  const expected = expectedVersionFromIfMatch(req.header('if-match'));
  const correlationId = correlationIdOf(req);
  return { actor, now: new Date(), correlationId, causationId: `${req.method} ${req.originalUrl.split('?')[0]} ${correlationId}`, ...idempotency, expected };
}

export function setEtag(res: Response, version: number): void {
  res.setHeader('ETag', etagOf(version));
}
