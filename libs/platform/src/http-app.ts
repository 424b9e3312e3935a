import { INestApplication, Type, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ProblemDetailsFilter, validationProblem } from './problem-details';
import { ServiceName } from './runtime';

/** Request bodies above this are refused with 413 problem+json. */
export const BODY_LIMIT = '256kb';

/**
 * The HTTP conventions every service shares: `/api` prefix, strict validation (unknown fields are an
 * error), RFC 9457 errors, body size limit.
 */
export function configureHttpApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
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
    SwaggerModule.setup(`api/${s.name}/docs`, app, document, { jsonDocumentUrl: `api/${s.name}/docs-json` });
  }
}
