import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

const ROUTE = Symbol('police:route');

/**
 * Remembers the template of the route that handles the request (`/api/evidence/items/:id`). Called by
 * the access guard, when Express's `req.route` is the handler's; by the time a response is logged or
 * measured it may name a middleware's route instead.
 */
export function rememberRoute(req: Request): void {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') (req as unknown as Record<symbol, string>)[ROUTE] = `${req.baseUrl ?? ''}${path}`;
}

/** The handler's route template, if the request reached one. */
export function routeTemplateOf(req: IncomingMessage): string | undefined {
  return (req as unknown as Record<symbol, string | undefined>)[ROUTE];
}
