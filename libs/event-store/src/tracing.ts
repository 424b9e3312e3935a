import { Attributes, context, Context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { describeError } from './backoff';
import type { EventMetadata, NewEvent, RecordedEvent } from './event-store';

/**
 * OpenTelemetry spans of the event store (docs/adr/0046-opentelemetry-traces-through-the-log.md).
 *
 * Everything here goes through `@opentelemetry/api` only: while no tracer provider and propagator are
 * registered (tracing off, the default) every call is the API's no-op, and no event's metadata changes.
 *
 * The trace context is passed explicitly (a span's parent is given, and `work` is handed its span's
 * context), not kept ambient: an ambient context on Node 20 means AsyncLocalStorage, whose hooks on every
 * promise of the process cost a third of a command's CPU whether a trace is sampled or not (ADR 0046).
 */
export const EVENT_STORE_TRACER = '@police/event-store';

/** A W3C trace context (`traceparent`, and `tracestate` when there is one), as stored and as sent in headers. */
export type TraceCarrier = Record<string, string>;

/** The key of the trace context in an event's metadata. */
export const TRACE_METADATA_KEY = 'trace';

function tracer() {
  return trace.getTracer(EVENT_STORE_TRACER);
}

/** The trace context of the active span in W3C form; empty when tracing is off. */
export function activeTraceCarrier(ctx: Context = context.active()): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The trace context an event was appended in, if it was stored with one. */
export function traceCarrierOf(metadata: EventMetadata): TraceCarrier | undefined {
  const stored = metadata[TRACE_METADATA_KEY];
  if (!stored || typeof stored !== 'object') return undefined;
  const carrier: TraceCarrier = {};
  for (const [key, value] of Object.entries(stored))
    if ((key === 'traceparent' || key === 'tracestate') && typeof value === 'string') carrier[key] = value;
  return carrier.traceparent ? carrier : undefined;
}

/** The context to continue a stored or received trace in (the root context when there is none). */
export function contextFrom(carrier: TraceCarrier | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
}

/**
 * Runs `work` in a new span, a child of `parent` (default: the active context, the root unless a caller
 * registered a context manager), handing it the span's context for its own children; a thrown error
 * marks the span and is rethrown.
 */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  work: (span: Span, context: Context) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  const inner = trace.setSpan(parent, span);
  try {
    return await context.with(inner, () => work(span, inner));
  } catch (e) {
    failed(span, e);
    throw e;
  } finally {
    span.end();
  }
}

/** Marks a span as failed with the error. */
export function failed(span: Span, e: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: describeError(e) });
  if (e instanceof Error) span.recordException(e);
}

/** The category of a stream (`report-<id>` → `report`), to name spans without an id in their name. */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}

/**
 * An append in its span (`append <category>`), the events stored with that span's trace context in
 * their metadata: the log is the outbox, and the projector and relay that read it later continue the
 * trace from there. With tracing off the events are appended as given.
 */
export function tracedAppend<T>(
  streamId: string,
  events: NewEvent[],
  parent: Context | undefined,
  append: (events: NewEvent[]) => Promise<T>,
): Promise<T> {
  return inSpan(
    `append ${streamCategory(streamId)}`,
    {
      parent,
      attributes: { 'db.system.name': 'postgresql', 'police.stream.id': streamId, 'police.event.types': events.map((e) => e.type) },
    },
    (span, inner) => {
      if (!span.isRecording()) return append(events);
      const carrier = activeTraceCarrier(inner);
      return append(events.map((e) => ({ ...e, metadata: { ...e.metadata, [TRACE_METADATA_KEY]: carrier } })));
    },
  );
}

/** A command in its span (`command <category>`), a child of `parent`: the load, the decision and the append under it. */
export function tracedCommand<T>(streamId: string, parent: Context | undefined, work: (context: Context) => Promise<T>): Promise<T> {
  return inSpan(`command ${streamCategory(streamId)}`, { parent, attributes: { 'police.stream.id': streamId } }, (_span, inner) =>
    work(inner),
  );
}

/** Spans of a batch of stored events, one per event stored with a trace context, each a child of its append. */
export interface EventSpans {
  end(error?: unknown): void;
}

const NO_SPANS: EventSpans = { end: () => undefined };

/**
 * Starts one span (`<name>`) per event that carries a trace context and that `concerns` (the projection of
 * that event, in its own trace). Events stored without one (tracing off) cost a property lookup each.
 */
export function startEventSpans(
  name: string,
  events: readonly RecordedEvent[],
  attributes: Attributes = {},
  concerns: (event: RecordedEvent) => boolean = () => true,
): EventSpans {
  const spans: Span[] = [];
  for (const event of events) {
    const carrier = traceCarrierOf(event.metadata);
    if (!carrier || !concerns(event)) continue;
    spans.push(
      tracer().startSpan(
        name,
        {
          kind: SpanKind.INTERNAL,
          attributes: {
            ...attributes,
            'police.event.id': event.id,
            'police.event.type': event.type,
            'police.stream.id': event.streamId,
            'police.stream.version': event.streamVersion,
          },
        },
        contextFrom(carrier),
      ),
    );
  }
  if (spans.length === 0) return NO_SPANS;
  return {
    end(error?: unknown) {
      for (const span of spans) {
        if (error !== undefined) failed(span, error);
        span.end();
      }
    },
  };
}
