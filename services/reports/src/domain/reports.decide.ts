/**
 * Who acts, as the application established it from the authenticated user. The domain trusts these flags;
 * granting them is the edge's job.
 */
export interface Actor {
  staffId: string;
  /** The user works for GAK/DIAK (judicial administration): quality control, finalising and the ANG feed are theirs. */
  gak?: boolean;
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

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isBlank(value: string | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** An RFC 3339 instant with an explicit offset. */
export function isInstant(value: string): boolean {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

export function isUuid(value: string): boolean {
  return typeof value === 'string' && UUID.test(value);
}

/** Instants are stored in one form (UTC, milliseconds) so that projections compare them as strings. */
export function toIso(value: Date | string): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString();
}

export function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}
