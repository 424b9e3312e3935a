import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import { rememberRoute, routeTemplateOf } from '@police/platform';

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

export { correlationIdOf, rememberRoute, routeTemplateOf as routeOf } from '@police/platform';

/** `METHOD /route/:template` of the handling route: never the raw URL (path values, query strings). */
export function endpointOf(req: Request): { method: string; route: string } {
  if (routeTemplateOf(req) === undefined) rememberRoute(req);
  return { method: req.method, route: routeTemplateOf(req) ?? '(unmatched)' };
}
