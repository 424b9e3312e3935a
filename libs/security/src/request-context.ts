import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';

/** Request and response header of the correlation id. */
export const CORRELATION_HEADER = 'x-correlation-id';
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/**
 * The correlation id of a request: the caller's `X-Correlation-Id` when well-formed (8–128 of
 * `A-Z a-z 0-9 . _ : -`), else a new UUID. Echoed on the response. Used as pino's request id.
 */
export function assignCorrelationId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
  res.setHeader('X-Correlation-Id', id);
  return id;
}

/** The request's correlation id (assigned by the request logger), or a fresh one outside it. */
export function correlationIdOf(req: Request): string {
  const id = (req as unknown as { id?: unknown }).id;
  return typeof id === 'string' ? id : randomUUID();
}

const ROUTE = Symbol('police:route');

/**
 * Remembers the template of the route that handles the request (`/api/evidence/items/:id`). Called by
 * the access guard, when Express's `req.route` is the handler's; by the time a response is logged it
 * may name a middleware's route instead.
 */
export function rememberRoute(req: Request): void {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') (req as unknown as Record<symbol, string>)[ROUTE] = `${req.baseUrl ?? ''}${path}`;
}

/** The handler's route template, if the request reached one. */
export function routeOf(req: IncomingMessage): string | undefined {
  return (req as unknown as Record<symbol, string | undefined>)[ROUTE];
}

/** `METHOD /route/:template` of the handling route: never the raw URL (path values, query strings). */
export function endpointOf(req: Request): { method: string; route: string } {
  if (routeOf(req) === undefined) rememberRoute(req);
  return { method: req.method, route: routeOf(req) ?? '(unmatched)' };
}
