import { CustomDecorator, INestApplication, SetMetadata, Type, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { ProblemDetailsFilter, validationProblem } from './problem-details';
import { ServiceName } from './runtime';

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
 * The HTTP conventions every service shares: `/api` prefix, strict validation (unknown fields are an
 * error), RFC 9457 errors, body size limit, and helmet's security headers (HSTS, nosniff, a
 * same-origin CSP and framing policy, no Referer sent on).
 */
export function configureHttpApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.use(helmet({ referrerPolicy: { policy: 'no-referrer' } }));
  express.useBodyParser('json', { limit: BODY_LIMIT });
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

/** Serves each service's OpenAPI document at `/api/<service>/docs-json` (and a UI at `/api/<service>/docs`). */
export function setupOpenApi(app: INestApplication, services: { name: ServiceName; module: Type<unknown>; description: string }[]): void {
  for (const s of services) {
    const config = new DocumentBuilder()
      .setTitle(`${s.name} API`)
      .setDescription(s.description)
      .setVersion('1')
      .addBearerAuth()
      .build();
    const document = SwaggerModule.createDocument(app, config, { include: [s.module], deepScanRoutes: true });
    // Global modules (security) are scanned with every service: keep only this service's paths.
    document.paths = Object.fromEntries(Object.entries(document.paths).filter(([p]) => p.startsWith(`/api/${s.name}/`)));
    SwaggerModule.setup(`api/${s.name}/docs`, app, document, { jsonDocumentUrl: `api/${s.name}/docs-json` });
  }
}
