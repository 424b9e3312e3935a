import { Param, ParseUUIDPipe } from '@nestjs/common';
import { fieldsProblem } from './problem-details';

/**
 * A path parameter that must be a UUID (a record's id): anything else is a 400 problem naming the
 * parameter, like every other field at fault. Nest's `ParseUUIDPipe` alone answers "Validation failed
 * (uuid is expected)" without saying which. The OpenAPI document states `format: uuid` for it.
 */
export function UuidParam(name: string): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ exceptionFactory: () => fieldsProblem([{ field: name, detail: 'must be a UUID' }]) }));
}
