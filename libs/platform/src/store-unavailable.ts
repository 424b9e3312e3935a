import { HttpStatus } from '@nestjs/common';
import { PROBLEM_BASE, ProblemDetails } from './problem-details';

/**
 * SQLSTATE codes of a database that is away or going away: admin shutdown (57P01, a fast or immediate
 * restart), crash shutdown (57P02), cannot connect now (57P03, starting up or in recovery), database
 * dropped (57P04), idle session timeout (57P05), the connection exception class (08xxx), too many
 * connections (53300), and a read-only transaction (25006: a standby, or a primary demoted by a failover).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P04', '57P05', '53300', '25006']);
/** Node's socket errors of a server that cannot be reached. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What node-postgres says (without a code) when a connection ends under it or cannot be had in time. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
];

/**
 * Whether an error means "the store cannot be reached now" (so: try again later), rather than a refusal
 * or a defect. The one place that knows PostgreSQL's and Node's ways of saying it; it looks through
 * TypeORM's `driverError`, `cause` chains and aggregated errors (a connection refused on every address).
 */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.has(e.code) || e.code.startsWith('08') || UNAVAILABLE_ERRNOS.has(e.code)))
    return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isStoreUnavailable(x, depth + 1))) return true;
  return isStoreUnavailable(e.driverError, depth + 1) || isStoreUnavailable(e.cause, depth + 1);
}

/** Seconds a client is told to wait (`Retry-After`) when the store is away: `STORE_RETRY_AFTER_SECONDS`, default 5. */
export function storeRetryAfterSeconds(): number {
  const raw = Number(process.env.STORE_RETRY_AFTER_SECONDS);
  return Number.isInteger(raw) && raw > 0 ? raw : 5;
}

/** The 503 answered while the store cannot be reached: nothing was changed, send the same request again later. */
export function storeUnavailableProblem(): ProblemDetails {
  return {
    type: `${PROBLEM_BASE}store-unavailable`,
    title: 'Service unavailable',
    status: HttpStatus.SERVICE_UNAVAILABLE,
    detail:
      'The service cannot reach its database right now, so nothing was recorded. Send the same request again in a few seconds (with the same Idempotency-Key, if you gave one).',
  };
}
