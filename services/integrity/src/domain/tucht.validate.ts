import { CommandMetadata, isBlank, isCalendarDate, isUuid, zoneDayOf } from './integrity.decide';
import { InvalidTuchtCommand } from './tucht.errors';

// Input rules shared by Bureau Tucht's records (order measures, threat files).

export function requireUuid(value: string, field: string): void {
  if (!isUuid(value)) throw new InvalidTuchtCommand('invalid_id', `${field} must be a UUID`, field);
}

export function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || isBlank(value)) throw new InvalidTuchtCommand('required', `${field} is required`, field);
}

export function requireDate(value: string, field: string): void {
  if (!isCalendarDate(value)) throw new InvalidTuchtCommand('invalid_date', `${field} must be a calendar date (YYYY-MM-DD)`, field);
}

export function requirePastDate(value: string, field: string, metadata: CommandMetadata): void {
  requireDate(value, field);
  if (value > zoneDayOf(metadata.now)) throw new InvalidTuchtCommand('date_in_future', `${field} cannot be after today`, field);
}

export function requireNotBefore(value: string, earliest: string, field: string): void {
  if (value < earliest) throw new InvalidTuchtCommand('invalid_date', `${field} cannot be before ${earliest}`, field);
}

export function requireOneOf<T extends string>(value: T, allowed: readonly T[], field: string): void {
  if (!allowed.includes(value)) throw new InvalidTuchtCommand('invalid_value', `${field} must be one of ${allowed.join(', ')}`, field);
}
