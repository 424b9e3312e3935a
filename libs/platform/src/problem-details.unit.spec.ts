import { ArgumentsHost, NotFoundException } from '@nestjs/common';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { DomainError, IdempotencyKeyReusedError, PreconditionFailedError, WrongExpectedVersionError } from '@police/event-store';
import { expectedVersionFromIfMatch, etagOf } from './etag';
import { PROBLEM_BASE, ProblemDetailsFilter, ProblemException, toFieldErrors, validationProblem } from './problem-details';

function render(exception: unknown): { status: number; type: string; body: Record<string, unknown> } {
  const sent: { status: number; type: string; body: Record<string, unknown> } = { status: 0, type: '', body: {} };
  const res = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(t: string) {
      sent.type = t;
      return this;
    },
    send(body: string) {
      sent.body = JSON.parse(body);
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ originalUrl: '/api/evidence/items/42?x=1' }) }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return sent;
}

class Party {
  @IsString() role: string;
}
class Body {
  @IsInt() @Min(1) quantity: number;
  @ValidateNested({ each: true }) @Type(() => Party) parties: Party[];
}

describe('problem+json errors', () => {
  it('names every field at fault, nested ones by path', () => {
    const errors = validateSync(plainToInstance(Body, { quantity: 0, parties: [{ role: 'victim' }, { role: 7 }] }));
    expect(toFieldErrors(errors)).toEqual([
      { field: 'quantity', detail: 'quantity must not be less than 1' },
      { field: 'parties.1.role', detail: 'role must be a string' },
    ]);
    const out = render(validationProblem(errors));
    expect(out).toEqual({
      status: 400,
      type: 'application/problem+json',
      body: {
        type: 'https://police-case-platform.example/problems/validation',
        title: 'The request is not valid',
        status: 400,
        detail: 'quantity: quantity must not be less than 1; parties.1.role: role must be a string',
        errors: [
          { field: 'quantity', detail: 'quantity must not be less than 1' },
          { field: 'parties.1.role', detail: 'role must be a string' },
        ],
        instance: '/api/evidence/items/42',
      },
    });
  });

  it('renders domain refusals with their status, code and field', () => {
    expect(render(new DomainError('custodian_only', 'Only the current custodian can offer the item', 403, 'offeredBy')).body).toEqual({
      type: 'https://police-case-platform.example/problems/custodian-only',
      title: 'Forbidden',
      status: 403,
      detail: 'Only the current custodian can offer the item',
      code: 'custodian_only',
      errors: [{ field: 'offeredBy', detail: 'Only the current custodian can offer the item' }],
      instance: '/api/evidence/items/42',
    });
  });

  it('answers a lost race with 409 and a stale If-Match with 412', () => {
    const conflict = render(new WrongExpectedVersionError('item-1', 3, 4));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ title: 'Conflict', currentVersion: 4 });
    const stale = render(new PreconditionFailedError(new WrongExpectedVersionError('item-1', 3, 4)));
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ title: 'Precondition failed', currentVersion: 4 });
  });

  it('answers a reused Idempotency-Key with 422 naming the header', () => {
    const sent = render(new IdempotencyKeyReusedError('item-1'));
    expect(sent.status).toBe(422);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toMatchObject({
      type: `${PROBLEM_BASE}idempotency-key-reused`,
      status: 422,
      code: 'idempotency_key_reused',
      errors: [{ field: 'Idempotency-Key', detail: expect.stringContaining('another request') }],
    });
  });

  it('never leaks the message of an unexpected error', () => {
    const out = render(new Error('relation "evidence.items" does not exist at character 15 — SELECT * FROM secret'));
    expect(out.status).toBe(500);
    expect(out.body).toEqual({
      type: 'https://police-case-platform.example/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: 'The server could not complete the request. It has been logged.',
      instance: '/api/evidence/items/42',
    });
  });

  it('keeps Nest HTTP errors and ProblemExceptions as they are', () => {
    expect(render(new NotFoundException('Cannot GET /api/x')).body).toMatchObject({
      status: 404,
      title: 'Not found',
      detail: 'Cannot GET /api/x',
    });
    expect(render(new ProblemException({ type: 't', title: 'x', status: 428, detail: 'If-Match required' })).body).toMatchObject({
      status: 428,
      detail: 'If-Match required',
    });
  });

  it('reads If-Match as the expected version and refuses a malformed one', () => {
    expect(expectedVersionFromIfMatch(undefined)).toBeUndefined();
    expect(expectedVersionFromIfMatch(etagOf(12))).toBe(12);
    expect(expectedVersionFromIfMatch('W/"3"')).toBe(3);
    expect(expectedVersionFromIfMatch(' \t"7"\t ')).toBe(7);
    // Empty is not absent: a guard the client meant to send and lost must not turn the write unconditional.
    // Digits beyond ASCII, whitespace other than HTTP's, a version past 15 digits: malformed too.
    for (const bad of ['*', '"abc"', '', '0', '"\u0663"', '\u00a0"3"', '"1234567890123456"']) {
      expect(() => expectedVersionFromIfMatch(bad)).toThrow(ProblemException);
    }
  });
});
