import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  ValidationError,
} from '@nestjs/common';
import {
  DomainError,
  DuplicateEventIdError,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
  WrongExpectedVersionError,
} from '@police/event-store';
import type { Request, Response } from 'express';
import { METHODS } from 'node:http';
import { isStoreUnavailable, storeRetryAfterSeconds, storeUnavailableProblem } from './store-unavailable';
import { rememberProblem } from './http-metrics';

/** One field at fault in a request, as reported in a problem+json `errors` member. */
export interface FieldError {
  /** JSON pointer-like dotted path to the field, e.g. `parties.0.role`. */
  field: string;
  /** What is wrong with it, in plain words. */
  detail: string;
}

/** RFC 9457 problem details, with an `errors` extension listing the fields at fault. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * An error that carries its own problem+json body. Throw it (or a subclass) from anywhere behind a
 * controller; {@link ProblemDetailsFilter} renders it as is.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }
}

export const PROBLEM_BASE = 'https://police-case-platform.example/problems/';
const STORE_UNAVAILABLE_TYPE = `${PROBLEM_BASE}store-unavailable`;

/** Flattens class-validator errors (nested too) into field paths with messages. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((detail) => ({ field, detail }));
    return [...own, ...toFieldErrors(e.children ?? [], field)];
  });
}

/** A 400 problem naming every field at fault (by class-validator or by the edge's input rules). */
export function fieldsProblem(fieldErrors: FieldError[]): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}validation`,
    title: 'The request is not valid',
    status: HttpStatus.BAD_REQUEST,
    detail: fieldErrors.map((e) => `${e.field}: ${e.detail}`).join('; '),
    errors: fieldErrors,
  });
}

/** The exceptionFactory for Nest's ValidationPipe: a 400 problem naming every field at fault. */
export function validationProblem(errors: ValidationError[]): ProblemException {
  return fieldsProblem(toFieldErrors(errors));
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
};

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): unknown;
}

/** A route that handles some methods only: a handler, not middleware mounted for every method (the request logger). */
function servedBy(route: RouteLayer['route']): boolean {
  return route !== undefined && !route.methods._all && !METHODS.every((m) => route.methods[m.toLowerCase()]);
}

/**
 * The methods Express serves at the request's path, from its router (HEAD wherever GET is); empty
 * when the path is served by none. Routes mounted for every method (the request logger) are left out.
 */
export function methodsServedAt(req: Request): string[] {
  const app = req.app as unknown as { router?: { stack: RouteLayer[] }; _router?: { stack: RouteLayer[] } } | undefined;
  const stack = (app?.router ?? app?._router)?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!servedBy(layer.route)) continue;
    let matches = false;
    try {
      matches = Boolean(layer.match(req.path));
    } catch {
      // A path whose parameters do not decode matches nothing.
    }
    if (!matches) continue;
    for (const [method, on] of Object.entries(layer.route!.methods)) if (on) methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * Renders every error as RFC 9457 `application/problem+json`. Unknown errors become a bare 500 whose
 * body never carries a stack trace, SQL or driver message; the cause goes to the log only.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    let problem = this.toProblem(exception);
    // No route handled the request: when its path is served for other methods, 405 with Allow.
    const allowed = problem.status === 404 && !servedBy(req.route as RouteLayer['route']) ? methodsServedAt(req) : [];
    if (allowed.length > 0) {
      res.setHeader('Allow', allowed.join(', '));
      problem = {
        type: `${PROBLEM_BASE}method-not-allowed`,
        title: TITLES[405],
        status: 405,
        detail: `${req.method} is not served here; this path answers ${allowed.join(', ')}.`,
      };
    }
    problem.instance = req.originalUrl?.split('?')[0];
    if (problem.type === STORE_UNAVAILABLE_TYPE) {
      res.setHeader('Retry-After', String(storeRetryAfterSeconds()));
      this.logger.warn(`store unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    rememberProblem(res, problem);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) return { ...exception.problem };
    if (exception instanceof DomainError) {
      return {
        type: `${PROBLEM_BASE}${exception.code.replace(/_/g, '-')}`,
        title: TITLES[exception.status] ?? 'Refused',
        status: exception.status,
        detail: exception.message,
        code: exception.code,
        ...(exception.field ? { errors: [{ field: exception.field, detail: exception.message }] } : {}),
      };
    }
    if (exception instanceof PreconditionFailedError) {
      return {
        type: `${PROBLEM_BASE}precondition-failed`,
        title: TITLES[412],
        status: 412,
        detail: `The record changed since you read it: it is at version ${exception.actual}, your If-Match said ${exception.expected}. Read it again and retry.`,
        currentVersion: exception.actual,
      };
    }
    if (exception instanceof WrongExpectedVersionError) {
      return {
        type: `${PROBLEM_BASE}concurrent-change`,
        title: TITLES[409],
        status: 409,
        detail: 'Someone else changed this record at the same moment. Read it again and retry.',
        currentVersion: exception.actual,
      };
    }
    if (exception instanceof IdempotencyKeyReusedError) {
      const detail =
        "This Idempotency-Key was already used for another request (another route, record or body). Send a new key for a new request; the first request's result stands.";
      return {
        type: `${PROBLEM_BASE}idempotency-key-reused`,
        title: TITLES[422],
        status: 422,
        detail,
        code: exception.code,
        errors: [{ field: 'Idempotency-Key', detail }],
      };
    }
    if (exception instanceof DuplicateEventIdError) {
      return {
        type: `${PROBLEM_BASE}duplicate-request`,
        title: TITLES[409],
        status: 409,
        detail: 'This request id was already used for a different request.',
      };
    }
    if (isStoreUnavailable(exception)) return storeUnavailableProblem();
    if (exception instanceof BadRequestException) {
      const body = exception.getResponse();
      const message = typeof body === 'object' && body && 'message' in body ? (body as { message: unknown }).message : body;
      return {
        type: `${PROBLEM_BASE}bad-request`,
        title: TITLES[400],
        status: 400,
        detail: Array.isArray(message) ? message.join('; ') : String(message),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        return { type: `${PROBLEM_BASE}${status}`, title: TITLES[status] ?? 'Client error', status, detail: exception.message };
      }
    }
    // Body-parser errors (too large, malformed JSON) carry a status and an `expose` flag.
    const err = exception as { status?: number; statusCode?: number; expose?: boolean; type?: string };
    const status = err?.status ?? err?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const detail =
        err.type === 'entity.too.large'
          ? 'The request body is larger than allowed.'
          : err.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : err.type === 'charset.unsupported' || err.type === 'encoding.unsupported'
              ? 'The request body must be JSON in UTF-8, without content encoding.'
              : undefined;
      return { type: `${PROBLEM_BASE}${status}`, title: TITLES[status] ?? 'Client error', status, detail };
    }
    return {
      type: `${PROBLEM_BASE}internal`,
      title: 'Internal error',
      status: 500,
      detail: 'The server could not complete the request. It has been logged.',
    };
  }
}
