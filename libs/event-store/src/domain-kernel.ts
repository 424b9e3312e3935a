// The domain kernel: what every service's pure domain shares, imported as '@police/event-store/domain'.
// Pure like the domains themselves (eslint.config.mjs holds it to the same rules): no I/O, no framework,
// no clock, no environment. Time, actor and ids come in as command data.
import { DomainError } from './errors';

export { DomainError } from './errors';
export type { DomainEvent } from './command-handler';

/** Actor and time travel with every command: the domain never reads a clock. */
export interface CommandMetadataOf<Actor> {
  actor: Actor;
  now: Date;
}

/** A command of a domain: a fixed type string, its data and its metadata (the service's own actor). */
export interface CommandOf<Type extends string, Data, Actor> {
  type: Type;
  data: Data;
  metadata: CommandMetadataOf<Actor>;
}

// ---- values -------------------------------------------------------------------------------------------

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Absent, not a string, or only white space. */
export function isBlank(value: string | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** An RFC 3339 instant with an explicit offset. */
export function isInstant(value: string): boolean {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** A `YYYY-MM-DD` date that exists. */
export function isCalendarDate(value: string): boolean {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

export function isSha256(value: string): boolean {
  return typeof value === 'string' && SHA256.test(value);
}

export function isUuid(value: string): boolean {
  return typeof value === 'string' && UUID.test(value);
}

/** Instants are stored in one form (UTC, milliseconds) so that projections compare them as strings. */
export function toIso(value: Date | string): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString();
}

const ZONE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The zone's calendar day (Europe/Brussels) of an instant: "today" for rules on calendar dates, which
 * people give in Belgian days. (The UTC day is yesterday between midnight and 01:00 or 02:00 in Belgium.)
 */
export function zoneDayOf(value: Date): string {
  return ZONE_DAY.format(value);
}

/** The UTC calendar day of an instant. */
export function dayOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A calendar date `days` days after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return dayOf(parsed);
}

/** Whole days from `from` to `to` (calendar dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}

// ---- errors -------------------------------------------------------------------------------------------

/**
 * The error classes of an aggregate, all of one shape: `class ItemConflict extends refusal<ItemConflictCode>('ItemConflict', 409) {}`.
 * A refusal about the state (403 not allowed, 404 not there, 409 conflict); the codes are the aggregate's own.
 */
export function refusal<Code extends string>(name: string, status: 403 | 404 | 409) {
  return class extends DomainError {
    declare readonly code: Code;
    constructor(code: Code, message: string) {
      super(code, message, status);
      this.name = name;
    }
  };
}

/** A command wrong in itself, whatever the state (422), naming the field at fault. */
export function invalidCommand<Code extends string>(name: string) {
  return class extends DomainError {
    declare readonly code: Code;
    constructor(code: Code, message: string, field?: string) {
      super(code, message, 422, field);
      this.name = name;
    }
  };
}

// ---- validators ---------------------------------------------------------------------------------------

/** The codes the shared validators answer with; every aggregate's 422 codes include the ones it uses. */
export type InputRuleCode =
  'required' | 'invalid_id' | 'invalid_value' | 'invalid_time' | 'invalid_date' | 'date_in_future' | 'time_in_future';

/** How an aggregate says "invalid command": its own 422 class, so that callers and tests see its type. */
export type InvalidCommandClass = new (code: never, message: string, field?: string) => DomainError;

/**
 * The input rules every decider checks, throwing the aggregate's own 422 error. Made once per aggregate:
 * `const { requireText, requireOneOf } = inputRules(InvalidItemCommand)`.
 */
export function inputRules(invalid: InvalidCommandClass) {
  const Invalid = invalid as unknown as new (code: InputRuleCode, message: string, field?: string) => DomainError;
  const fail = (code: InputRuleCode, message: string, field: string): never => {
    throw new Invalid(code, message, field);
  };
  return {
    /** Each named field of `data` is a string that is not blank; `prefix` names where `data` sits in the command. */
    requireText<T extends object>(data: T, fields: (keyof T & string)[], prefix = ''): void {
      for (const field of fields) {
        const value = data[field];
        if (typeof value !== 'string' || isBlank(value)) fail('required', `${field} is required`, `${prefix}${field}`);
      }
    },
    /** One value is a string that is not blank. */
    requireNonBlank(value: unknown, field: string): void {
      if (typeof value !== 'string' || isBlank(value)) fail('required', `${field} is required`, field);
    },
    requireOneOf<T extends string>(value: T | undefined, allowed: readonly T[], field: string): void {
      if (value === undefined || !allowed.includes(value)) fail('invalid_value', `${field} must be one of ${allowed.join(', ')}`, field);
    },
    requireBoolean(value: boolean, field: string): void {
      if (typeof value !== 'boolean') fail('invalid_value', `${field} must be true or false`, field);
    },
    requireUuid(value: string, field: string): void {
      if (!isUuid(value)) fail('invalid_id', `${field} must be a UUID`, field);
    },
    requireInstant(value: string, field: string): void {
      if (!isInstant(value)) fail('invalid_time', `${field} must be an RFC 3339 date-time with an offset`, field);
    },
    requireDate(value: string, field: string): void {
      if (!isCalendarDate(value)) fail('invalid_date', `${field} must be a calendar date (YYYY-MM-DD)`, field);
    },
    /** A calendar date no later than the zone's today. */
    requirePastDate(value: string, field: string, metadata: { now: Date }): void {
      if (!isCalendarDate(value)) fail('invalid_date', `${field} must be a calendar date (YYYY-MM-DD)`, field);
      if (value > zoneDayOf(metadata.now)) fail('date_in_future', `${field} cannot be after today`, field);
    },
    /** A calendar date no earlier than `earliest`. */
    requireNotBefore(value: string, earliest: string, field: string): void {
      if (value < earliest) fail('invalid_date', `${field} cannot be before ${earliest}`, field);
    },
    /** An instant no later than now. */
    requireNotAfterNow(value: string, metadata: { now: Date }, field: string): void {
      if (Date.parse(value) > metadata.now.getTime()) fail('time_in_future', `${field} lies in the future`, field);
    },
  };
}

// ---- folding ------------------------------------------------------------------------------------------

/**
 * Gives an evolve step a collection (a plain record or an array) of the state that it may write: a shallow
 * copy the first time it is asked for in one evolve or one fold, the same copy after that within the same
 * fold. A collection not copied by this fold is never written: the state a fold starts from, and every
 * state anyone holds, stays as it was.
 */
export type Own = <T extends object>(collection: T) => T;

/** An evolve written against {@link Own}: it writes only into owned collections and returns the next state. */
export type EvolveStep<State, Event> = (state: State, event: Event, own: Own) => State;

/** A pure evolve that can also fold many events at once, copying each collection once per fold instead of once per event. */
export interface Evolve<State, Event> {
  /** The state after one event: a new state; `state` is not changed. */
  (state: State, event: Event): State;
  /** The state after the events, in order: what `events.reduce(evolve, state)` gives; `state` is not changed. */
  fold(state: State, events: Iterable<Event>): State;
}

function owner(): Own {
  const owned = new WeakSet<object>();
  return <T extends object>(collection: T): T => {
    if (owned.has(collection)) return collection;
    const copy = (Array.isArray(collection) ? [...collection] : { ...collection }) as T;
    owned.add(copy);
    return copy;
  };
}

/**
 * An aggregate's evolve from one step. Alone, each call owns afresh (every collection it writes is copied,
 * as a spread would); `fold` shares one owner over all its events, so a record written by many events of
 * a long stream (an investigation's tasks) is copied once, not once per event: a fold linear in the events.
 * The intermediate states of a fold are not kept, so writing into its own copies changes nothing anyone sees.
 */
export function evolution<State, Event>(step: EvolveStep<State, Event>): Evolve<State, Event> {
  const evolve = (state: State, event: Event): State => step(state, event, owner());
  const fold = (state: State, events: Iterable<Event>): State => {
    const own = owner();
    let current = state;
    for (const event of events) current = step(current, event, own);
    return current;
  };
  return Object.assign(evolve, { fold });
}

/** The events folded into `state` with the evolve's own `fold` when it has one ({@link evolution}), else one event at a time. */
export function foldEvents<State, Event>(
  evolve: ((state: State, event: Event) => State) & { fold?: Evolve<State, Event>['fold'] },
  state: State,
  events: Iterable<Event>,
): State {
  if (evolve.fold) return evolve.fold(state, events);
  let current = state;
  for (const event of events) current = evolve(current, event);
  return current;
}
