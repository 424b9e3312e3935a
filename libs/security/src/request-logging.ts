import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, INestApplication, RequestMethod } from '@nestjs/common';
import { Logger, LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { assignCorrelationId, routeOf } from './request-context';

type RawRequest = IncomingMessage & { originalUrl?: string };

/** The handler's route template when one was reached, else the path without its query string. */
function pathOf(raw: RawRequest): string {
  return routeOf(raw) ?? (raw.originalUrl ?? raw.url ?? '').split('?')[0];
}

/**
 * Structured request logs (pino): one line per request with its correlation id, method, route
 * template, status and duration. No headers (so no Authorization or cookies), no bodies, no query
 * strings, no client address, no user identity: who read what belongs to the consultation log.
 * The path is the route template (`/api/evidence/items/:id`) once a handler was reached.
 */
export function requestLoggerModule(options: { level: string; destination?: DestinationStream }): DynamicModule {
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: [
      {
        level: options.level,
        genReqId: (req, res) => assignCorrelationId(req, res),
        customAttributeKeys: { reqId: 'correlationId' },
        quietReqLogger: true,
        // The req serializer runs when the request starts, before routing: the path is added at the end.
        serializers: {
          req: (req: { method?: string }) => ({ method: req.method }),
          res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        },
        customSuccessObject: (req: RawRequest, _res: ServerResponse, value: Record<string, unknown>) => ({ ...value, path: pathOf(req) }),
        customErrorObject: (req: RawRequest, _res: ServerResponse, _err: Error, value: Record<string, unknown>) => ({
          ...value,
          path: pathOf(req),
        }),
        redact: { paths: ['req.headers', 'res.headers', 'headers', 'authorization', 'cookie'], censor: '[redacted]' },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
          err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      },
      options.destination ?? process.stdout,
    ],
  });
}

/** Routes Nest's own logging (start-up, errors) through the same pino logger. Call once after create. */
export function useStructuredLogs(app: INestApplication): void {
  app.useLogger(app.get(Logger));
}
