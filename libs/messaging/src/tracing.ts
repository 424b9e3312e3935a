import { Context, context, propagation, ROOT_CONTEXT, Span, SpanKind, trace } from '@opentelemetry/api';
import { activeTraceCarrier, contextFrom, failed, inSpan } from '@police/event-store';
import type { IncomingMessage, OutgoingMessage } from './message';
import type { MessageBus } from './message-bus';

/**
 * OpenTelemetry spans of the messaging (docs/adr/0046-opentelemetry-traces-through-the-log.md): the
 * relay's publish continues the trace stored with each event, and sends the W3C `traceparent` (and
 * `tracestate`) beside the correlation id; the consumer continues it from the headers. Through
 * `@opentelemetry/api` only: no-ops while tracing is off.
 */
const tracer = () => trace.getTracer('@police/messaging');

/**
 * Publishes a batch, one `publish <topic>` span per message that carries a stored trace context (a child of
 * the append that stored its event); the message then carries that span's context in its headers.
 */
export async function publishTraced(bus: MessageBus, messages: OutgoingMessage[]): Promise<void> {
  const spans: Span[] = [];
  const sent = messages.map((m) => {
    if (!m.trace) return m;
    const span = tracer().startSpan(
      `publish ${m.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': m.topic,
          'messaging.message.id': m.id,
          'messaging.kafka.message.key': m.key,
          'police.message.type': m.type,
        },
      },
      contextFrom(m.trace),
    );
    spans.push(span);
    return { ...m, trace: activeTraceCarrier(trace.setSpan(ROOT_CONTEXT, span)) };
  });
  try {
    await bus.publish(sent);
  } catch (e) {
    for (const span of spans) failed(span, e);
    throw e;
  } finally {
    for (const span of spans) span.end();
  }
}

/** Handles a received message in a `process <topic>` span, a child of the producer's span when the headers carry one. */
export function consumeTraced<T>(message: IncomingMessage, groupId: string, work: (context: Context) => Promise<T>): Promise<T> {
  return inSpan(
    `process ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      parent: message.headers.traceparent ? propagation.extract(ROOT_CONTEXT, message.headers) : context.active(),
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.topic,
        'messaging.consumer.group.name': groupId,
        'messaging.message.id': message.id.slice(0, 200),
        'police.message.type': message.type.slice(0, 200),
      },
    },
    (_span, inner) => work(inner),
  );
}
