import { SetMetadata } from '@nestjs/common';

/**
 * Metadata keys of what a route states about itself, declared here so that the OpenAPI builder (this
 * lib) reads what `@police/security` enforces without depending on it: the record types a route
 * consults (`@Consults`) and its rate-limit bucket (`@SearchRateLimit`, `@AuthRateLimit`).
 */
export const CONSULTS = 'police:consults';
export const RATE_LIMIT = 'police:rate-limit';

const IF_MATCH_REQUIRED = 'police:doc:if-match-required';
const EXTRA_PROBLEMS = 'police:doc:problems';
const ALSO_ANSWERS = 'police:doc:also-answers';

/**
 * Documents that the route refuses a write without `If-Match` (428), beside the 412 every write that
 * reads `If-Match` may answer. Documentation only: the handler enforces it.
 */
export function IfMatchRequired(): MethodDecorator {
  return SetMetadata(IF_MATCH_REQUIRED, true);
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

/** What the builder reads from a handler's documentation decorators. */
export function documentationFacts(handler: object): { ifMatchRequired: boolean; problems: number[]; alsoAnswers: number[] } {
  return {
    ifMatchRequired: Reflect.getMetadata(IF_MATCH_REQUIRED, handler) === true,
    problems: (Reflect.getMetadata(EXTRA_PROBLEMS, handler) as number[] | undefined) ?? [],
    alsoAnswers: (Reflect.getMetadata(ALSO_ANSWERS, handler) as number[] | undefined) ?? [],
  };
}
