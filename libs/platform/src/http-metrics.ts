import type { Metrics, CommandOutcome } from '@police/metrics';
import type { NextFunction, Request, Response } from 'express';
import { routeTemplateOf } from './request-route';
import { SERVICES } from './runtime';

const PROBLEM = Symbol('police:problem');
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Remembers the problem an answer carries (its type's last segment and domain code), for the metrics of the request. */
export function rememberProblem(res: Response, problem: { type: string; code?: unknown }): void {
  const slug = problem.type.slice(problem.type.lastIndexOf('/') + 1);
  (res as unknown as Record<symbol, string>)[PROBLEM] = typeof problem.code === 'string' ? problem.code : slug;
}

function problemOf(res: Response): string {
  return (res as unknown as Record<symbol, string | undefined>)[PROBLEM] ?? '';
}

/** The service a path belongs to (`/api/<service>/…`), else `platform` (auth, audit, `/metrics`). */
export function serviceOfPath(path: string): string {
  const segment = /^\/api\/([^/?]+)/.exec(path)?.[1];
  return segment && (SERVICES as readonly string[]).includes(segment) ? segment : 'platform';
}

/** What a command's answer says: accepted (2xx), conflict (409/412 on a concurrent change), refused (another 4xx), error. */
export function commandOutcome(status: number, code: string): CommandOutcome {
  if (status < 400) return 'accepted';
  if (status >= 500) return 'error';
  if (status === 412 || code === 'concurrent-change' || code === 'duplicate-request') return 'conflict';
  return 'refused';
}

/**
 * Express middleware that measures every request when its answer is sent: its latency by service,
 * method, route template and status and, for a mutating request to a service (a command), its
 * outcome. A request that reached no handler is measured under the route `(unmatched)`.
 */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplateOf(req) ?? '(unmatched)';
      const service = serviceOfPath(req.originalUrl ?? req.url);
      metrics.httpRequest({ service, method: req.method, route, status: res.statusCode }, seconds);
      if (MUTATING.has(req.method) && service !== 'platform' && route !== '(unmatched)') {
        const code = problemOf(res);
        const outcome = commandOutcome(res.statusCode, code);
        metrics.command({
          service,
          command: `${req.method} ${route}`,
          outcome,
          code: outcome === 'accepted' ? '' : code || String(res.statusCode),
        });
      }
    });
    next();
  };
}
