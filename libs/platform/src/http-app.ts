import { CustomDecorator, INestApplication, SetMetadata, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { answerClientErrors, checkRequestInput, JSON_TYPES, requireJsonBody } from './input-rules';
import { ProblemDetailsFilter, validationProblem } from './problem-details';

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

/**
 * The HTTP conventions every service shares, in the embedded host and each service's own alike:
 * `/api` prefix; JSON bodies only (415 otherwise) up to a size limit (413); the input rules of
 * `input-rules.ts` on every path, query and body (400 naming the field) and on headers (Node's
 * parser, answered as problem+json); strict validation of the route's DTO (unknown fields are an
 * error); 405 with `Allow` for a path served with other methods; RFC 9457 errors; and helmet's
 * security headers (HSTS, nosniff, a same-origin CSP and framing policy, no Referer sent on).
 */
export function configureHttpApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.use(helmet({ referrerPolicy: { policy: 'no-referrer' } }));
  express.use(requireJsonBody);
  express.useBodyParser('json', { limit: BODY_LIMIT, type: JSON_TYPES });
  express.use(checkRequestInput);
  answerClientErrors(app.getHttpServer() as Server);
  express.disable('x-powered-by');
  app.setGlobalPrefix('api');
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
