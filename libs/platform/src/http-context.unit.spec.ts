import type { Request } from 'express';
import { definedOnly, problem, requestContext, requireIfMatch } from './http-context';
import { etagOf } from './etag';
import { ProblemException } from './problem-details';

const request = (headers: Record<string, string>, id?: string): Request =>
  ({
    id,
    method: 'POST',
    originalUrl: '/api/evidence/items/1/check-in?x=1',
    body: { a: 1 },
    header: (name: string) => headers[name.toLowerCase()],
  }) as unknown as Request;

const thrown = (f: () => void): ProblemException => {
  try {
    f();
  } catch (e) {
    if (e instanceof ProblemException) return e;
    throw e;
  }
  throw new Error('nothing thrown');
};

describe('the shared edge of the services', () => {
  it('renders a problem with its type from the code, the status title and the field named', () => {
    expect(problem(422, 'unknown_investigation', 'No such investigation.', 'investigationId').problem).toEqual({
      type: 'https://police-case-platform.example/problems/unknown-investigation',
      title: 'Unprocessable content',
      status: 422,
      detail: 'No such investigation.',
      code: 'unknown_investigation',
      errors: [{ field: 'investigationId', detail: 'No such investigation.' }],
    });
    expect(problem(418, 'teapot', 'Short and stout.').problem).toEqual({
      type: 'https://police-case-platform.example/problems/teapot',
      title: 'Error',
      status: 418,
      detail: 'Short and stout.',
      code: 'teapot',
    });
  });

  it('builds the command context of a request: actor, correlation, causation, key and If-Match', () => {
    const ctx = requestContext(request({ 'if-match': etagOf(4), 'idempotency-key': 'check-in-0001' }, 'corr-12345678'), {
      staffId: 'staff-1',
    });
    expect(ctx).toMatchObject({
      actor: { staffId: 'staff-1' },
      correlationId: 'corr-12345678',
      causationId: 'POST /api/evidence/items/1/check-in corr-12345678',
      idempotencyKey: 'check-in-0001',
      expected: 4,
    });
    expect(ctx.requestFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(requestContext(request({ 'if-match': etagOf(4) }), { staffId: 'staff-1' }, { ifMatch: false }).expected).toBeUndefined();
  });

  it('asks for If-Match, naming the record, when a change needs it', () => {
    const ctx = requestContext(request({}), { staffId: 'staff-1' });
    expect(thrown(() => requireIfMatch(ctx, 'item')).problem).toMatchObject({
      status: 428,
      code: 'if_match_required',
      detail: 'Send If-Match with the ETag of the item as you last read it.',
      errors: [{ field: 'If-Match' }],
    });
    expect(thrown(() => requireIfMatch(ctx)).problem.detail).toBe('Send If-Match with the ETag of the record as you last read it.');
    expect(() => requireIfMatch(requestContext(request({ 'if-match': etagOf(0) }), { staffId: 'staff-1' }))).not.toThrow();
  });

  it('keeps the fields of a request DTO that were given', () => {
    expect(definedOnly({ a: 1, b: undefined, c: null })).toEqual({ a: 1, c: null });
  });
});
