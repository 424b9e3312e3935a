/**
 * Who acts, as the application established it from the authenticated user. The domain trusts these flags;
 * granting them is the edge's job.
 */
export interface Actor {
  staffId: string;
  /**
   * The authority the user acts as: `korpschef` (the chief, who also orders BIT investigations), or another
   * disciplinary authority from the configured list (`burgemeester`, `minister`). Absent for everyone else.
   */
  authority?: string;
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

export const KORPSCHEF = 'korpschef';

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isCalendarDate(value: string): boolean {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
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
