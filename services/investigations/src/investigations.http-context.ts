import { correlationIdOf } from '@police/security';
import { etagOf, expectedVersionFromIfMatch } from '@police/platform';
import type { Request, Response } from 'express';
import { Actor } from './domain/investigations.decide';
import { InvestigationRequestContext } from './commands/investigation-commands';
import { investigationsProblem } from './investigations.problems';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** The command context of an HTTP request: actor, time, correlation, Idempotency-Key and If-Match. */
export function requestContext(req: Request, actor: Actor): InvestigationRequestContext {
  const key = req.header('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw investigationsProblem(400, 'invalid_idempotency_key', 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -', 'Idempotency-Key');
  }
  const expected = expectedVersionFromIfMatch(req.header('if-match'));
  const correlationId = correlationIdOf(req);
  // A key names one request of its sender: the same key sent with another route (a task, then an
  // action) is another request, not a retry to be answered with the first one's result.
  const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
  const idempotencyKey = key === undefined ? undefined : `${req.method} ${route} ${key}`;
  return { actor, now: new Date(), correlationId, causationId: `${req.method} ${req.originalUrl.split('?')[0]} ${correlationId}`, idempotencyKey, expected };
}

export function setEtag(res: Response, version: number): void {
  res.setHeader('ETag', etagOf(version));
}
