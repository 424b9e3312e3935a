import { correlationIdOf } from '@police/security';
import { expectedVersionFromIfMatch, idempotencyOf } from '@police/platform';
import type { Request, Response } from 'express';
import { etagOf } from '@police/platform';
import { Actor } from './domain/evidence.decide';
import { EvidenceRequestContext } from './commands/evidence-commands';
import { evidenceProblem } from './evidence.problems';

/** The command context of an HTTP request: actor, time, correlation, Idempotency-Key and If-Match. */
export function requestContext(req: Request, actor: Actor, options: { requireIfMatch?: boolean } = {}): EvidenceRequestContext {
  const idempotency = idempotencyOf(req);
  const expected = expectedVersionFromIfMatch(req.header('if-match'));
  if (options.requireIfMatch && expected === undefined) {
    throw evidenceProblem(428, 'if_match_required', 'Send If-Match with the ETag of the item as you last read it.', 'If-Match');
  }
  const correlationId = correlationIdOf(req);
  return { actor, now: new Date(), correlationId, causationId: `${req.method} ${req.originalUrl.split('?')[0]} ${correlationId}`, ...idempotency, expected };
}

export function setEtag(res: Response, version: number): void {
  res.setHeader('ETag', etagOf(version));
}
