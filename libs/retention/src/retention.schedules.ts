/**
 * Retention schedules (issue 20, point 2; ADR 0055): how long each class of police data is kept, and for which
 * purpose, in this one place. Every value here is *to be confirmed by a lawyer*: they are the product's working
 * assumptions, not legal advice. A zone changes the periods with `RETENTION_SCHEDULES_JSON`; which classes are
 * executed is a fact of the code (`executedBy`), not configuration.
 */

export type RetentionDataClass =
  | 'found-object-returned'
  | 'found-object-disposed'
  | 'seized-item-disposed'
  | 'investigation-closed-without-prosecution'
  | 'unfounded-complaint'
  | 'consultation-log'
  | 'sanction-past-erasure-period';

export const RETENTION_DATA_CLASSES: readonly RetentionDataClass[] = [
  'found-object-returned',
  'found-object-disposed',
  'seized-item-disposed',
  'investigation-closed-without-prosecution',
  'unfounded-complaint',
  'consultation-log',
  'sanction-past-erasure-period',
];

export interface RetentionSchedule {
  dataClass: RetentionDataClass;
  /** The service whose records these are. */
  service: 'reports' | 'investigations' | 'evidence' | 'integrity' | 'all';
  /** Why the data is kept until then. */
  purpose: string;
  /** What starts the clock. */
  startsAt: string;
  /** Days kept after the clock starts; then the record is due for the DPO's review. */
  days: number;
  /** Always true: every period is a working assumption until a lawyer confirms it. */
  toBeConfirmedByLawyer: true;
  /** The service whose retention job finds and erases these records today; absent: configured, not executed yet. */
  executedBy?: 'evidence';
}

/** The defaults (days). Every one of them is to be confirmed by a lawyer. */
export const DEFAULT_RETENTION_SCHEDULES: readonly RetentionSchedule[] = [
  {
    dataClass: 'found-object-returned',
    service: 'evidence',
    purpose: 'Answer a question or a dispute about the return (who collected it, on what proof)',
    startsAt: 'the return of the object to its owner',
    days: 365,
    toBeConfirmedByLawyer: true,
    executedBy: 'evidence',
  },
  {
    dataClass: 'found-object-disposed',
    service: 'evidence',
    purpose: 'Answer an owner who turns up after the object was handed to an organisation or destroyed',
    startsAt: 'the hand-over or destruction at the end of the holding period',
    days: 365,
    toBeConfirmedByLawyer: true,
    executedBy: 'evidence',
  },
  {
    dataClass: 'seized-item-disposed',
    service: 'evidence',
    purpose: 'Prove the chain of custody of an item until any appeal of the judgment is closed',
    startsAt: 'the execution of the final disposal decision (never while a decision on the case is pending)',
    days: 5 * 365,
    toBeConfirmedByLawyer: true,
  },
  {
    dataClass: 'investigation-closed-without-prosecution',
    service: 'investigations',
    purpose: 'Reopen the case if new facts come to light within the limitation period',
    startsAt: 'the closure of the investigation without prosecution (sepot)',
    days: 10 * 365,
    toBeConfirmedByLawyer: true,
  },
  {
    dataClass: 'unfounded-complaint',
    service: 'integrity',
    purpose: 'Detect a pattern of complaints (early warning) and answer the COC',
    startsAt: 'the closure of the complaint as unfounded',
    days: 5 * 365,
    toBeConfirmedByLawyer: true,
  },
  {
    dataClass: 'consultation-log',
    service: 'all',
    purpose: 'Let the DPO, the COC and the courts check who read what (LED art. 25)',
    startsAt: 'the end of the day the log records',
    days: 10 * 365,
    toBeConfirmedByLawyer: true,
  },
  {
    dataClass: 'sanction-past-erasure-period',
    service: 'integrity',
    purpose: 'None once the disciplinary statute says the sanction is erased from the staff file',
    startsAt: 'the end of the sanction’s erasure period',
    days: 0,
    toBeConfirmedByLawyer: true,
  },
];

/**
 * The schedules of a zone: the defaults with the periods of `RETENTION_SCHEDULES_JSON`
 * (`{"<data class>": {"days": n}}`) applied. Throws on an unknown class or a period that is not a whole number
 * of days ≥ 0: a host with a wrong schedule must not start and erase on it.
 */
export function retentionSchedulesFromEnv(env: NodeJS.ProcessEnv = process.env): RetentionSchedule[] {
  const raw = env.RETENTION_SCHEDULES_JSON;
  if (!raw) return DEFAULT_RETENTION_SCHEDULES.map((s) => ({ ...s }));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('RETENTION_SCHEDULES_JSON is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('RETENTION_SCHEDULES_JSON must be an object of data classes');
  const overrides = parsed as Record<string, unknown>;
  for (const [dataClass, value] of Object.entries(overrides)) {
    if (!RETENTION_DATA_CLASSES.includes(dataClass as RetentionDataClass))
      throw new Error(`RETENTION_SCHEDULES_JSON: unknown data class "${dataClass}" (one of ${RETENTION_DATA_CLASSES.join(', ')})`);
    const days = (value as { days?: unknown } | null)?.days;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0)
      throw new Error(`RETENTION_SCHEDULES_JSON: ${dataClass}.days must be a whole number of days, at least 0`);
  }
  return DEFAULT_RETENTION_SCHEDULES.map((s) => {
    const o = overrides[s.dataClass] as { days: number } | undefined;
    return o ? { ...s, days: o.days } : { ...s };
  });
}

/** The schedule of one class. */
export function scheduleOf(schedules: readonly RetentionSchedule[], dataClass: RetentionDataClass): RetentionSchedule {
  const s = schedules.find((x) => x.dataClass === dataClass);
  if (!s) throw new Error(`No retention schedule for ${dataClass}`);
  return s;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a record whose clock started at `startedAt` is due: whole 24-hour days later (a calendar rule is for the lawyer too). */
export function dueAtOf(startedAt: string, schedule: Pick<RetentionSchedule, 'days'>): string {
  return new Date(Date.parse(startedAt) + schedule.days * DAY_MS).toISOString();
}

/** Default: once a day. */
export const DEFAULT_RETENTION_INTERVAL_MS = DAY_MS;

/**
 * How often a host's retention job runs: `RETENTION_INTERVAL_MS` (default one day; `0` switches the job off, the
 * DPO's `POST …/retention/runs` still runs it). The first run is one minute after the start, or sooner with a
 * shorter interval.
 */
export function retentionIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RETENTION_INTERVAL_MS;
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_INTERVAL_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || (ms !== 0 && ms < 1000))
    throw new Error(`RETENTION_INTERVAL_MS must be 0 (off) or a whole number of milliseconds, at least 1000, got "${raw}"`);
  return ms;
}
