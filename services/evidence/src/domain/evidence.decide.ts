import { PartyRef } from './evidence.events';

/**
 * Who acts, as the application established it from the authenticated user. The domain trusts these flags;
 * granting them is the edge's job (a lab liaison may act for a lab, an evidence officer for a storage room
 * and as the evidence desk).
 */
export interface Actor {
  staffId: string;
  /** The organisation (lab, court registry, storage room, outside body) the user acts for; absent when acting as an officer. */
  actingFor?: PartyRef;
  /** The user works at the evidence desk, which may store, take out and dispose of items it does not hold itself. */
  evidenceDesk?: boolean;
}

/** Actor and time travel with every command: the domain never reads a clock. */
export interface CommandMetadata {
  actor: Actor;
  now: Date;
}

export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** An officer party is the staff member; any other party is whoever the application lets act for it. */
export function actsFor(actor: Actor, party: PartyRef): boolean {
  if (party.kind === 'officer') return actor.staffId === party.id;
  return actor.actingFor !== undefined && actor.actingFor.kind === party.kind && actor.actingFor.id === party.id;
}

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An RFC 3339 instant with an explicit offset. */
export function isInstant(value: string): boolean {
  return INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
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

export function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}
