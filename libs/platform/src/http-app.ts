import { CustomDecorator, INestApplication, RequestMethod, SetMetadata, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Metrics } from '@police/metrics';
import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { answerClientErrors, checkRequestInput, JSON_TYPES, requireJsonBody } from './input-rules';
import { httpMetrics } from './http-metrics';
import { ProblemDetailsFilter, validationProblem } from './problem-details';
import { httpTracing, tracingEnabled } from './tracing';

/** Request bodies above this are refused with 413 problem+json. */
export const BODY_LIMIT = '256kb';

/**
 * Metadata key of a route's access policy. Declared here, beside {@link Public}, so that platform
 * routes (health) can be marked without depending on `@police/security`, which enforces it.
 */
export const ACCESS_POLICY = 'police:access-policy';

/** The access policy of a route that needs no token. */
export interface PublicPolicy {
  kind: 'public';
}

/**
 * Marks a route (or every route of a controller) as open without a token: health, docs, the
 * development issuer. Every other route needs an explicit policy from `@police/security`; a route
 * with none is refused, and the host does not start.
 */
export function Public(): CustomDecorator<string> {
  return SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies PublicPolicy);
}

/** What a host may add to the shared HTTP conventions. */
export interface HttpAppOptions {
  /**
   * Origins the web console served by this host may call besides its own (`connect-src`): the OIDC
   * provider's, for its discovery document and token endpoint.
   */
  connectSources?: string[];
  /** The process's metrics: every request is measured (latency per route template and status, command outcomes). */
  metrics?: Metrics;
  /**
   * Paths served without the `/api` prefix (`metrics` in a production main, for Prometheus).
   */
  unprefixed?: string[];
}

/**
 * The Content-Security-Policy of every answer: the API's, the OpenAPI UI's and the web console's (a
 * single-page app with no inline script). Styles may be inline: the console's component library
 * sets CSS variables in `style` attributes and elements. No `upgrade-insecure-requests`: the embedded
 * host serves plain HTTP on loopback, and a TLS deployment has HSTS.
 */
export function contentSecurityPolicy(options: HttpAppOptions = {}): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(options.connectSources ?? [])],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    'object-src': ["'none'"],
  };
}

/**
 * The HTTP conventions every service shares, in the embedded host and each service's own alike:
 * `/api` prefix; JSON bodies only (415 otherwise) up to a size limit (413); the input rules of
 * `input-rules.ts` on every path, query and body (400 naming the field) and on headers (Node's
 * parser, answered as problem+json); strict validation of the route's DTO (unknown fields are an
 * error); 405 with `Allow` for a path served with other methods; RFC 9457 errors; and helmet's
 * security headers (HSTS, nosniff, the {@link contentSecurityPolicy}, a same-origin framing policy, no
 * Referer sent on); a server span per request when the process traces ({@link startTracing}).
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions = {}): void {
  const express = app as NestExpressApplication;
  if (tracingEnabled()) express.use(httpTracing());
  if (options.metrics) express.use(httpMetrics(options.metrics));
  express.use(
    helmet({
      referrerPolicy: { policy: 'no-referrer' },
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
    }),
  );
  // Case data is never kept by a browser or a proxy. It also keeps a browser from revalidating a record
  // with its ETag — the version of the record's own stream, which does not change when a projection
  // adds to its view (a report's PVs) — and showing the old body after a 304.
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  express.use(requireJsonBody);
  express.useBodyParser('json', { limit: BODY_LIMIT, type: JSON_TYPES });
  express.use(checkRequestInput);
  answerClientErrors(app.getHttpServer() as Server);
  express.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: (options.unprefixed ?? []).map((path) => ({ path, method: RequestMethod.GET })) });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationProblem,
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
}
