import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Server, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { FieldError, fieldsProblem, PROBLEM_BASE, ProblemException } from './problem-details';

/**
 * The rules every request meets before any route sees it, whatever the service: they hold for every
 * string, number and nesting level of a body, every query parameter, every header and the path. The
 * fields a route takes are then validated by its class-validator DTO (see `request-fields.ts`).
 */
export const INPUT_LIMITS = {
  /** Deepest nesting of objects and arrays in a JSON body (our bodies nest four levels at most). */
  maxDepth: 16,
  /** Field errors listed in one answer; the rest are counted. */
  maxErrors: 20,
} as const;

/** The content types a request body may have: JSON, and JSON-based types such as `application/merge-patch+json`. */
export const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * What is wrong with a string that no field may hold, or undefined: a NUL character (PostgreSQL
 * cannot store it, in text or jsonb) or a lone UTF-16 surrogate (not Unicode: it has no UTF-8 form).
 */
export function textProblem(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0) return 'must not contain a NUL character';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return 'must not contain a lone UTF-16 surrogate (it is not valid Unicode)';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'must not contain a lone UTF-16 surrogate (it is not valid Unicode)';
  }
  return undefined;
}

/**
 * {@link textProblem}'s rule as far as a JSON Schema pattern can state it portably: no NUL. The documents
 * give it to every free-text string a request carries, so that what they call valid the edge accepts.
 * Lone surrogates are refused too, but no pattern says so in the regular expressions JSON Schema tools
 * share (ECMA-262, Python's `re`, Rust's `regex`, which has no surrogates at all): each document's
 * description states it in words.
 */
export const TEXT_PATTERN = '^[^\\u0000]*$';

/**
 * What is wrong with a number any field could hold, or undefined. JSON numbers too large for a double
 * (`1e400`) arrive as Infinity; beyond 2^53 integers are no longer exact, so no count, amount or
 * position may be larger. Each field's own range is its DTO's business.
 */
export function numberProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return `must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`;
  return undefined;
}

/** C0 controls other than horizontal tab, and DEL: what HTTP forbids in a header. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

/** A member name fit to be shown in an error: NULs and surrogates replaced by U+FFFD. */
function printable(name: string): string {
  return [...name]
    .map((c) => (c.charCodeAt(0) === 0 || (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff) ? '\ufffd' : c))
    .join('');
}

function path(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

/**
 * Every string (values and member names), number and nesting level of a parsed JSON value, checked
 * without recursion (so no depth can overflow the stack here), fields named by dotted path.
 */
export function jsonProblems(value: unknown, root = ''): FieldError[] {
  const problems: FieldError[] = [];
  const stack: { value: unknown; at: string; depth: number; badName?: string }[] = [{ value, at: root, depth: 0 }];
  while (stack.length > 0 && problems.length < INPUT_LIMITS.maxErrors) {
    const { value: v, at, depth, badName } = stack.pop()!;
    if (badName) {
      problems.push({ field: at, detail: `name ${badName}` });
    } else if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) problems.push({ field: at, detail: p });
    } else if (typeof v === 'number') {
      const p = numberProblem(v);
      if (p) problems.push({ field: at, detail: p });
    } else if (v !== null && typeof v === 'object') {
      if (depth >= INPUT_LIMITS.maxDepth) {
        problems.push({ field: at, detail: `nests deeper than ${INPUT_LIMITS.maxDepth} levels` });
        continue;
      }
      const entries = Array.isArray(v) ? v.map((item, i) => [i, item] as const) : Object.entries(v);
      // Pushed last to first, so that fields are reported in the order they were written.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        const nameProblem = typeof key === 'string' ? textProblem(key) : undefined;
        stack.push(
          nameProblem
            ? { value: undefined, at: path(at, printable(String(key))), depth, badName: nameProblem }
            : { value: item, at: path(at, key), depth: depth + 1 },
        );
      }
    }
  }
  return problems;
}

/** Query parameters as Express parses them (strings, arrays of strings, or nested objects). */
export function queryProblems(query: unknown): FieldError[] {
  return jsonProblems(query);
}

/** `x-justification` → `X-Justification`, as the API documents its headers. */
export function headerName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/** The decoded path must be text as well (ids in the path reach the database). */
export function pathProblems(rawPath: string): FieldError[] {
  for (const segment of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return [{ field: 'path', detail: 'must be valid percent-encoded UTF-8' }];
    }
    const p = textProblem(decoded);
    if (p) return [{ field: 'path', detail: p }];
  }
  return [];
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

/**
 * Refuses a request body that is not JSON with 415 problem+json, before any parser reads it (a form
 * or text body would otherwise reach the route as an empty object).
 */
export const requireJsonBody: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  if (!hasBody(req) || req.is(JSON_TYPES)) return next();
  const given = req.headers['content-type'];
  next(
    new ProblemException({
      type: `${PROBLEM_BASE}unsupported-media-type`,
      title: 'Unsupported media type',
      status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      detail: given
        ? `The request body must be JSON (Content-Type: application/json), not ${given.split(';')[0].trim()}.`
        : 'The request body must be JSON: send it with Content-Type: application/json.',
      errors: [{ field: 'Content-Type', detail: 'must be application/json' }],
    }),
  );
};

/**
 * Checks the path, query and parsed body of every request against the rules above: 400 naming the
 * fields. Headers are held to them by Node's parser, which refuses control characters in them
 * ({@link clientErrorProblem}) and reads them as Latin-1, so they hold no surrogate.
 */
export const checkRequestInput: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  const problems = [...pathProblems(req.path), ...queryProblems(req.query), ...(req.body === undefined ? [] : jsonProblems(req.body))];
  next(problems.length > 0 ? fieldsProblem(problems.slice(0, INPUT_LIMITS.maxErrors)) : undefined);
};

const CLIENT_ERRORS: Record<string, { status: number; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, title: 'Request header fields too large', detail: 'The request headers are larger than allowed.' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    title: 'Payload too large',
    detail: 'The chunk extensions of the request are larger than allowed.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, title: 'Request timeout', detail: 'The request did not arrive in time.' },
};

/**
 * The problem+json answer to a request Node's HTTP parser refused before the app saw it — a header
 * with a control character (NUL included), a malformed request line — naming the header when one is
 * at fault. Node would answer a bare `400 Bad Request` (or 431, 413, 408, kept here).
 */
export function clientErrorProblem(error: { code?: string; rawPacket?: Buffer }): { status: number; body: string } {
  const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
  let field: string | undefined;
  if (error.code === 'HPE_INVALID_HEADER_TOKEN' && error.rawPacket) {
    const lines = error.rawPacket.toString('latin1').split('\r\n').slice(1);
    const name = lines.find((l) => [...l].some((c) => isControl(c.charCodeAt(0))))?.split(':')[0];
    if (name && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) field = headerName(name.toLowerCase());
  }
  const problem = known
    ? { type: `${PROBLEM_BASE}${known.status}`, title: known.title, status: known.status, detail: known.detail }
    : field
      ? fieldsProblem([{ field, detail: 'must not contain control characters' }]).problem
      : {
          type: `${PROBLEM_BASE}bad-request`,
          title: 'Bad request',
          status: 400,
          detail: 'The request could not be read as HTTP: a header or the request line holds characters HTTP does not allow.',
        };
  return { status: problem.status, body: JSON.stringify(problem) };
}

/**
 * Answers requests Node's HTTP parser refuses with {@link clientErrorProblem}, as Node's own handler
 * would (only when nothing was written yet), then closes the connection.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket) => {
    if (socket.writable && socket.bytesWritten === 0 && error.code !== 'ECONNRESET') {
      const { status, body } = clientErrorProblem(error);
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  });
}
