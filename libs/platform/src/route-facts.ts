import { SetMetadata } from '@nestjs/common';

/**
 * Metadata keys of what a route states about itself, declared here so that the OpenAPI builder (this
 * lib) reads what `@police/security` enforces without depending on it: the record types a route
 * consults (`@Consults`) and its rate-limit bucket (`@SearchRateLimit`, `@AuthRateLimit`).
 */
export const CONSULTS = 'police:consults';
export const RATE_LIMIT = 'police:rate-limit';

const IF_MATCH_REQUIRED = 'police:doc:if-match-required';
const UNVERSIONED = 'police:doc:unversioned';
const EXTRA_PROBLEMS = 'police:doc:problems';
const ALSO_ANSWERS = 'police:doc:also-answers';
const EVENT_STREAM = 'police:doc:event-stream';

/** A JSON Schema, as plain data (the type json-schema.ts names; this module stays free of imports). */
type Schema = { [keyword: string]: unknown };

/**
 * Documents that the route refuses a write without `If-Match` (428), beside the 412 every write that
 * reads `If-Match` may answer. Documentation only: the handler enforces it.
 */
export function IfMatchRequired(): MethodDecorator {
  return SetMetadata(IF_MATCH_REQUIRED, true);
}

/**
 * Documents a write on something that has no version and no idempotency key to honour (an operator's
 * action on a parked message: done once, then 409): no `If-Match`, `Idempotency-Key` or `ETag`.
 */
export function Unversioned(): MethodDecorator {
  return SetMetadata(UNVERSIONED, true);
}

/**
 * Documents refusals the builder cannot infer from the route's kind (a read that answers 409, for a
 * record routed elsewhere): each status gets the shared problem+json response.
 */
export function ApiProblems(...statuses: number[]): MethodDecorator {
  return SetMetadata(EXTRA_PROBLEMS, statuses);
}

/** Documents statuses the route answers with its usual body, not a problem (health: 503 with the same report). */
export function ApiAlsoAnswers(...statuses: number[]): MethodDecorator {
  return SetMetadata(ALSO_ANSWERS, statuses);
}

/**
 * Documents the events of a server-sent event stream (`text/event-stream`): by event name, the JSON
 * Schema of its `data`. The document then describes each event (OpenAPI 3.1 reads a stream's `schema`
 * as one event) instead of a bare string.
 */
export function ApiEventStream(events: Record<string, Schema>): MethodDecorator {
  return SetMetadata(EVENT_STREAM, events);
}

/** What the builder reads from a handler's documentation decorators. */
export function documentationFacts(handler: object): {
  ifMatchRequired: boolean;
  unversioned: boolean;
  problems: number[];
  alsoAnswers: number[];
  events?: Record<string, Schema>;
} {
  return {
    ifMatchRequired: Reflect.getMetadata(IF_MATCH_REQUIRED, handler) === true,
    unversioned: Reflect.getMetadata(UNVERSIONED, handler) === true,
    problems: (Reflect.getMetadata(EXTRA_PROBLEMS, handler) as number[] | undefined) ?? [],
    alsoAnswers: (Reflect.getMetadata(ALSO_ANSWERS, handler) as number[] | undefined) ?? [],
    events: Reflect.getMetadata(EVENT_STREAM, handler) as Record<string, Schema> | undefined,
  };
}
