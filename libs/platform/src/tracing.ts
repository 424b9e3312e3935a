import { Context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  Sampler,
  SimpleSpanProcessor,
  SpanExporter,
  SpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';
import { routeTemplateOf } from './request-route';

/**
 * OpenTelemetry traces of a process (docs/adr/0046-opentelemetry-traces-through-the-log.md): one trace
 * from the HTTP request through the command, the append, the relay's publish, the consumer in the other
 * service, its append and the projection.
 *
 * Off unless asked for, in both modes: nothing is registered, so every span of the libs is the API's
 * no-op, events are stored and messages sent without a trace context, and no HTTP middleware is added.
 * On with the standard variables: `OTEL_TRACES_EXPORTER=otlp` (or `console`), or an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`: the exporter reads these and
 * `OTEL_EXPORTER_OTLP_HEADERS`, `..._TIMEOUT` itself). `OTEL_SDK_DISABLED=true` or
 * `OTEL_TRACES_EXPORTER=none` keeps it off; `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES` name the process;
 * `OTEL_TRACES_SAMPLER` and `OTEL_TRACES_SAMPLER_ARG` choose which traces are kept ({@link samplerFromEnv}).
 */
export interface Tracing {
  /** Exports what is buffered and stops tracing: the provider, propagator and context manager are unregistered. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** `service.name` of the spans (OTEL_SERVICE_NAME wins). */
  service: string;
  /** Export to this exporter, span by span, whatever the environment says (tests: an in-memory exporter). */
  exporter?: SpanExporter;
  /** Where to read whether tracing is on (default the process's; the exporter and the resource read the process's themselves). */
  env?: NodeJS.ProcessEnv;
}

let started: Tracing | undefined;

/** Whether this process traces (a tracer provider was registered by {@link startTracing}). */
export function tracingEnabled(): boolean {
  return started !== undefined;
}

/** The span processor the environment asks for, or none: tracing stays off. */
function processorFromEnv(env: NodeJS.ProcessEnv): SpanProcessor | undefined {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return undefined;
  const asked = (env.OTEL_TRACES_EXPORTER ?? '').trim().toLowerCase();
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporter = asked === '' ? (endpoint ? 'otlp' : 'none') : asked;
  switch (exporter) {
    case 'none':
      return undefined;
    case 'otlp':
      return new BatchSpanProcessor({ exporter: new OTLPTraceExporter() });
    case 'console':
      return new BatchSpanProcessor({ exporter: new ConsoleSpanExporter() });
    default:
      throw new Error(`OTEL_TRACES_EXPORTER must be otlp, console or none, got "${asked}"`);
  }
}

/**
 * The sampler of `OTEL_TRACES_SAMPLER` (and `OTEL_TRACES_SAMPLER_ARG`, the ratio, default 1): the standard
 * names; default `parentbased_always_on` (every trace, a caller's decision followed).
 */
export function samplerFromEnv(env: NodeJS.ProcessEnv): Sampler {
  const name = (env.OTEL_TRACES_SAMPLER ?? '').trim().toLowerCase() || 'parentbased_always_on';
  const rawArg = (env.OTEL_TRACES_SAMPLER_ARG ?? '').trim();
  const ratio = rawArg === '' ? 1 : Number(rawArg);
  if (name.endsWith('traceidratio') && !(ratio >= 0 && ratio <= 1))
    throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1, got "${rawArg}"`);
  const samplers: Record<string, () => Sampler> = {
    always_on: () => new AlwaysOnSampler(),
    always_off: () => new AlwaysOffSampler(),
    traceidratio: () => new TraceIdRatioBasedSampler(ratio),
    parentbased_always_on: () => new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    parentbased_always_off: () => new ParentBasedSampler({ root: new AlwaysOffSampler() }),
    parentbased_traceidratio: () => new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) }),
  };
  const make = samplers[name];
  if (!make) throw new Error(`OTEL_TRACES_SAMPLER must be one of ${Object.keys(samplers).join(', ')}, got "${name}"`);
  return make();
}

/**
 * Starts tracing when the environment (or `options.exporter`) asks for it: registers the tracer
 * provider and the W3C trace-context propagator globally. Returns undefined when tracing stays off.
 * Call it before the app is created; a second call returns the first's handle.
 *
 * No context manager: the trace context is passed explicitly (the request's in its command context, a
 * message's in the consumer's), because the only ambient one on Node 20, AsyncLocalStorage, hooks every
 * promise of the process and cost about a third of a command's CPU in `npm run bench`, sampled or not.
 */
export function startTracing(options: TracingOptions): Tracing | undefined {
  if (started) return started;
  const env = options.env ?? process.env;
  const processor = options.exporter ? new SimpleSpanProcessor({ exporter: options.exporter }) : processorFromEnv(env);
  if (!processor) return undefined;
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.service }).merge(detectResources({ detectors: [envDetector] }));
  const provider = new TracerProvider({
    resource,
    spanProcessors: [processor],
    sampler: options.exporter ? undefined : samplerFromEnv(env),
  });
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const tracing: Tracing = {
    async shutdown() {
      await provider.shutdown();
      if (started !== tracing) return;
      trace.disable();
      propagation.disable();
      started = undefined;
    },
  };
  started = tracing;
  return tracing;
}

const TRACE_CONTEXT = Symbol('police.traceContext');

/** The trace context of a request (its server span's), for the commands it runs; undefined when tracing is off. */
export function traceContextOf(req: Request): Context | undefined {
  return (req as unknown as { [TRACE_CONTEXT]?: Context })[TRACE_CONTEXT];
}

/**
 * Express middleware: a server span per request, continuing the caller's `traceparent`, named by its
 * route template once a handler took it (`POST /api/reports/:id/investigation-request`), with the
 * request's method, path, route and status. The span's context is kept on the request
 * ({@link traceContextOf}): `requestContext` gives it to the command, whose span and append are its children.
 */
export function httpTracing() {
  const tracer = trace.getTracer('@police/platform');
  return (req: Request, res: Response, next: NextFunction): void => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      req.method,
      { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method, [ATTR_URL_PATH]: req.path } },
      parent,
    );
    const ctx = trace.setSpan(parent, span);
    res.once('finish', () => {
      const route = routeTemplateOf(req);
      if (route) {
        span.setAttribute(ATTR_HTTP_ROUTE, route);
        span.updateName(`${req.method} ${route}`);
      }
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    res.once('close', () => {
      if (!res.writableFinished) span.end();
    });
    (req as unknown as { [TRACE_CONTEXT]?: Context })[TRACE_CONTEXT] = ctx;
    next();
  };
}
