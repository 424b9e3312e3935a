import { canonicalJson, sha256Hex } from '@police/event-store';
import type { Request } from 'express';
import { PROBLEM_BASE, ProblemException } from './problem-details';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const KEY_RULE = 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -';

/** A request's `Idempotency-Key` and what the request said, hashed (its fingerprint). */
export interface IdempotentRequest {
  idempotencyKey?: string;
  requestFingerprint?: string;
}

/**
 * The `Idempotency-Key` of a write, checked (400 problem+json naming the header when malformed), with
 * the request's fingerprint: SHA-256 of its method, path and canonical JSON body (keys sorted, so the
 * same body in another key order is the same request). The command handler of `@police/event-store`
 * stores the fingerprint with the first result's events and refuses the key with another fingerprint
 * (`IdempotencyKeyReusedError`, answered 422 by {@link ProblemDetailsFilter}).
 */
export function idempotencyOf(req: Request): IdempotentRequest {
  const key = req.header('idempotency-key');
  if (key === undefined) return {};
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ProblemException({
      type: `${PROBLEM_BASE}invalid-idempotency-key`,
      title: 'Bad request',
      status: 400,
      detail: KEY_RULE,
      code: 'invalid_idempotency_key',
      errors: [{ field: 'Idempotency-Key', detail: KEY_RULE }],
    });
  }
  return { idempotencyKey: key, requestFingerprint: requestFingerprint(req) };
}

/** What a request said, hashed: method, path (without the query) and canonical body. */
export function requestFingerprint(req: Pick<Request, 'method' | 'originalUrl' | 'body'>): string {
  const path = (req.originalUrl ?? '').split('?')[0];
  const body =
    req.body === undefined ||
    (typeof req.body === 'object' && req.body !== null && Object.keys(req.body).length === 0 && !Array.isArray(req.body))
      ? null
      : req.body;
  return sha256Hex(`${req.method.toUpperCase()}\n${path}\n${canonicalJson(body)}`);
}
