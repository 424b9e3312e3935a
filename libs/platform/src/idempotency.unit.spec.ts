import type { Request } from 'express';
import { idempotencyOf, requestFingerprint } from './idempotency';
import { ProblemException } from './problem-details';

const request = (method: string, originalUrl: string, body: unknown, key?: string): Request =>
  ({
    method,
    originalUrl,
    body,
    header: (name: string) => (name.toLowerCase() === 'idempotency-key' ? key : undefined),
  }) as unknown as Request;

describe('Idempotency-Key and the request fingerprint', () => {
  it('is the same for the same method, path and body, whatever the key order or the query', () => {
    const a = requestFingerprint(request('POST', '/api/evidence/items', { b: 1, a: { d: [1, 2], c: 'x' } }));
    expect(requestFingerprint(request('post', '/api/evidence/items?x=1', { a: { c: 'x', d: [1, 2] }, b: 1 }))).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another body, path or method', () => {
    const a = requestFingerprint(request('POST', '/api/evidence/items', { a: 1 }));
    expect(requestFingerprint(request('POST', '/api/evidence/items', { a: 2 }))).not.toBe(a);
    expect(requestFingerprint(request('POST', '/api/evidence/items', { a: [1] }))).not.toBe(a);
    expect(requestFingerprint(request('POST', '/api/evidence/inventories', { a: 1 }))).not.toBe(a);
    expect(requestFingerprint(request('PUT', '/api/evidence/items', { a: 1 }))).not.toBe(a);
  });

  it('takes no body and an empty one as the same request', () => {
    expect(requestFingerprint(request('POST', '/api/x', undefined))).toBe(requestFingerprint(request('POST', '/api/x', {})));
  });

  it('gives the key with the fingerprint, nothing without a key, and refuses a malformed key naming the header', () => {
    expect(idempotencyOf(request('POST', '/api/x', { a: 1 }))).toEqual({});
    expect(idempotencyOf(request('POST', '/api/x', { a: 1 }, 'seizure-0001'))).toEqual({
      idempotencyKey: 'seizure-0001',
      requestFingerprint: requestFingerprint(request('POST', '/api/x', { a: 1 })),
    });
    let thrown: unknown;
    try {
      idempotencyOf(request('POST', '/api/x', {}, 'short'));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).problem).toMatchObject({
      status: 400,
      code: 'invalid_idempotency_key',
      errors: [{ field: 'Idempotency-Key' }],
    });
  });
});
