import type { ContractPayload, ContractType } from '@police/contracts';
import { RecordedEvent, TraceCarrier, traceCarrierOf } from '@police/event-store';

/** A public message on its way out. */
export interface OutgoingMessage {
  /** The idempotency key: the id of the source event. Consumers handle a message id once. */
  id: string;
  topic: string;
  /** Partition key: the stream id, so the messages of one stream stay in order. */
  key: string;
  /** Contract type, `<context>.<Event>.v<N>`. */
  type: string;
  /** The contract payload; travels as JSON. */
  payload: object;
  correlationId: string;
  causationId: string;
  /** The W3C trace context (`traceparent`, `tracestate`) to send beside the correlation id; none while tracing is off. */
  trace?: TraceCarrier;
}

/** What a producer's mapping function returns: the message without its topic (the relay adds it). */
export type PublicMessage = Omit<OutgoingMessage, 'topic'>;

/**
 * A message as delivered. Everything in it is untrusted input: envelope fields are read from the
 * headers (empty when a header is missing) and `payload` is the value parsed as JSON (undefined when it
 * is not JSON); check both against the contract before acting (`startConsumer` does).
 */
export interface IncomingMessage {
  id: string;
  topic: string;
  key: string;
  type: string;
  payload: unknown;
  /** The value as received, for parking what cannot be handled. */
  raw: string;
  correlationId: string;
  causationId: string;
  /** Where the transport knows it (Kafka; the in-process bus uses partition 0). */
  partition?: number;
  offset?: string;
  headers: Record<string, string>;
}

/** Header names on the wire (docs/architecture.md, rule 5). */
export const HEADERS = {
  id: 'message-id',
  type: 'message-type',
  contentType: 'content-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
} as const;

/** The only content type on the wire: payloads are JSON. */
export const JSON_CONTENT_TYPE = 'application/json';

/** The wire headers of a message: id, type, content type, correlation and causation, and the W3C trace context when it has one. */
export function messageHeaders(m: OutgoingMessage): Record<string, string> {
  return {
    [HEADERS.id]: m.id,
    [HEADERS.type]: m.type,
    [HEADERS.contentType]: JSON_CONTENT_TYPE,
    [HEADERS.correlationId]: m.correlationId,
    [HEADERS.causationId]: m.causationId,
    ...(m.trace?.traceparent ? { traceparent: m.trace.traceparent } : {}),
    ...(m.trace?.tracestate ? { tracestate: m.trace.tracestate } : {}),
  };
}

/** Builds the incoming form of a received value; never throws on malformed input. */
export function incomingMessage(received: {
  topic: string;
  key: string;
  raw: string;
  headers: Record<string, string>;
  partition?: number;
  offset?: string;
}): IncomingMessage {
  const h = received.headers;
  let payload: unknown;
  try {
    payload = JSON.parse(received.raw);
  } catch {
    payload = undefined;
  }
  return {
    id: h[HEADERS.id] ?? '',
    topic: received.topic,
    key: received.key,
    type: h[HEADERS.type] ?? '',
    payload,
    raw: received.raw,
    correlationId: h[HEADERS.correlationId] ?? '',
    causationId: h[HEADERS.causationId] ?? '',
    partition: received.partition,
    offset: received.offset,
    headers: { ...h },
  };
}

/**
 * The public message for a stored event, for a producer's mapping function: id = the event id (the
 * idempotency key), key = its stream id, correlation and causation carried over from the event's metadata.
 */
export function publicMessage<T extends ContractType>(event: RecordedEvent, type: T, payload: ContractPayload<T>): PublicMessage {
  return {
    id: event.id,
    key: event.streamId,
    type,
    payload,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    ...withTrace(traceCarrierOf(event.metadata)),
  };
}

function withTrace(trace: TraceCarrier | undefined): { trace?: TraceCarrier } {
  return trace ? { trace } : {};
}
