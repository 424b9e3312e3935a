import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ValidateBy, ValidateIf, ValidateNested, ValidationOptions } from 'class-validator';
import { describeRequiredWhen, describeValidator } from './json-schema';

/**
 * The field decorators every service's request DTOs use, so that a field of a kind (an optional
 * field, a nested object, a date, an instant, a count, a page) is held to one rule in all four.
 */

/**
 * An optional field: it may be left out, but when given it is validated — `null` included, which
 * then fails the field's other rules. (class-validator's `@IsOptional()` lets `null` through, and it
 * reached handlers and the domain as a value.)
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * A field required when another field of the request has a value (`reasons` when `outcome` is
 * `rejected`), validated by its other rules whenever it is given; the documents state the condition.
 */
export function RequiredWhen(field: string, value: string): PropertyDecorator {
  return (target, property) => {
    ValidateIf((o: Record<string, unknown>) => o[field] === value || o[property as string] !== undefined)(target, property);
    describeRequiredWhen(target.constructor, property as string, field, value);
  };
}

/**
 * A nested object (or, with `each`, every element of an array of them, the array checked by its own
 * `@IsArray()`), validated by its class. A single nested object is required unless `@Optional()`:
 * class-validator skips nested validation of a missing value, which let a request without it reach
 * the handler.
 */
export function Nested(type: () => new (...args: never[]) => object, options: { each?: boolean } = {}): PropertyDecorator {
  const nested = [ValidateNested({ each: options.each, message: '$property must be an object' }), Type(type)];
  return applyDecorators(...(options.each ? nested : [rule('isPresent', (v) => v !== undefined, 'must be an object'), ...nested]));
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function realDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** A calendar day written `YYYY-MM-DD` that exists (no 2026-02-30, no year 0). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = CALENDAR_DATE.exec(value);
  return m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * An instant: an RFC 3339 date-time with its offset (`Z` or `±HH:MM`), e.g. `2026-11-20T09:30:00+01:00`,
 * on a day that exists. ISO 8601 also admits week dates (`2026-W10-1`), ordinal dates (`2026-069`),
 * the basic format (`20260101`) and local times without an offset: none of them names one instant a
 * `Date` and PostgreSQL both read alike, so none is accepted.
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m || !realDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hour, minute, second, offsetHour, offsetMinute] = [m[4], m[5], m[6] ?? '0', m[7] ?? '0', m[8] ?? '0'].map(Number);
  return hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59 && !Number.isNaN(Date.parse(value));
}

/** `constraints` are the rule's arguments, kept in class-validator's metadata so the documents can state them. */
function rule(
  name: string,
  validate: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
  constraints: unknown[] = [],
): PropertyDecorator {
  return ValidateBy(
    { name, constraints, validator: { validate, defaultMessage: (args) => `${args?.property ?? 'value'} ${message}` } },
    options,
  );
}

// What each rule accepts, in JSON Schema terms, for the OpenAPI documents (libs/platform/src/json-schema.ts).
describeValidator('isPresent', {});
describeValidator('isCalendarDate', { type: 'string', format: 'date' });
describeValidator('isInstant', { type: 'string', format: 'date-time', description: 'RFC 3339 with an offset; seconds may be left out.' });
describeValidator('isDateOrInstant', {
  anyOf: [
    { type: 'string', format: 'date' },
    { type: 'string', format: 'date-time' },
  ],
});
describeValidator('isCount', ([min, max]) => ({ type: 'integer', minimum: min, maximum: max }));
describeValidator('isAmount', ([min, max, places]) => ({
  type: 'number',
  ...(min === undefined ? { exclusiveMinimum: 0 } : { minimum: min }),
  maximum: max,
  // At most `places` decimals: a multiple of 10^-places (0.001 for 3), which also makes the smallest amount above 0 that step.
  multipleOf: Number(`1e-${String(places)}`),
  description: `At most ${String(places)} decimals.`,
}));
describeValidator('isPageLimit', ([min, max]) => ({ type: 'integer', minimum: min, maximum: max }));
describeValidator('isPageOffset', ([min, max]) => ({ type: 'integer', minimum: min, maximum: max }));

/** A calendar day, `YYYY-MM-DD` ({@link isCalendarDate}). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return rule('isCalendarDate', isCalendarDate, 'must be a calendar date (YYYY-MM-DD) that exists', options);
}

/** An instant, RFC 3339 with an offset ({@link isInstant}). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return rule(
    'isInstant',
    isInstant,
    'must be a date-time with an offset, e.g. 2026-11-20T09:30:00Z or 2026-11-20T10:30:00+01:00',
    options,
  );
}

/** A filter bound that takes a calendar day (its start, UTC) or an instant. */
export function IsDateOrInstant(options?: ValidationOptions): PropertyDecorator {
  return rule(
    'isDateOrInstant',
    (v) => isCalendarDate(v) || isInstant(v),
    'must be a calendar date (YYYY-MM-DD) or a date-time with an offset (2026-11-20T09:30:00Z)',
    options,
  );
}

/** The largest count a field may hold: PostgreSQL's `integer`, in which read models keep counts. */
export const MAX_COUNT = 2_147_483_647;

function integerIn(min: number, max: number): (value: unknown) => boolean {
  return (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** A count: a whole number from 0 (or `min`) to {@link MAX_COUNT} (or `max`). */
export function IsCount(range: { min?: number; max?: number } = {}, options?: ValidationOptions): PropertyDecorator {
  const { min = 0, max = MAX_COUNT } = range;
  return rule('isCount', integerIn(min, max), `must be a whole number from ${min} to ${max}`, options, [min, max]);
}

/**
 * A measured amount: a finite number above 0 (or from `min`) up to `max`, with at most `places`
 * decimals (checked on the decimal digits the number has, not on its binary fraction).
 */
export function IsAmount(range: { min?: number; max: number; places: number }, options?: ValidationOptions): PropertyDecorator {
  const { min, max, places } = range;
  const decimals = (n: number) => {
    const [mantissa, exponent = '0'] = String(n).split('e');
    return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
  };
  const above = min === undefined ? 'above 0' : `from ${min}`;
  return rule(
    'isAmount',
    (v) => typeof v === 'number' && Number.isFinite(v) && (min === undefined ? v > 0 : v >= min) && v <= max && decimals(v) <= places,
    `must be a number ${above} up to ${max}, with at most ${places} decimals`,
    options,
    [min, max, places],
  );
}

/** Paging of every list: `limit` from 1 to 200 (default 50), `offset` from 0 to 100 000. */
export const PAGING = { defaultLimit: 50, maxLimit: 200, maxOffset: 100_000 } as const;

/** A query parameter holding a whole number: decimal digits only (`1e3`, `0x10`, ` 5` stay text and are refused). */
const digitsToNumber = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value,
);

/** `?limit=`: how many entries a page of a list holds ({@link PAGING}; a search pages tighter). */
export function PageLimit(
  bounds: { max: number; default: number } = { max: PAGING.maxLimit, default: PAGING.defaultLimit },
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: bounds.max, default: bounds.default, description: 'Entries per page' }),
    Optional(),
    digitsToNumber,
    rule('isPageLimit', integerIn(1, bounds.max), `must be a whole number from 1 to ${bounds.max}`, undefined, [1, bounds.max]),
  );
}

/** `?offset=`: how many entries of a list to skip ({@link PAGING}; a search pages within its ranked matches). */
export function PageOffset(max: number = PAGING.maxOffset): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: max, default: 0, description: 'Entries to skip' }),
    Optional(),
    digitsToNumber,
    rule('isPageOffset', integerIn(0, max), `must be a whole number from 0 to ${max}`, undefined, [0, max]),
  );
}
