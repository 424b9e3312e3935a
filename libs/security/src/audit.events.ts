import type { AccessBasis, Refusal } from './access-decision';
import type { ResourceType } from './access-policy';
import type { Justification } from './justification';
import { MAX_CONSULTATION_LANES } from './consultation-lanes';
import type { Role } from './principal';

/** Stored event type of a granted read (a fixed string). */
export const CONSULTATION_RECORDED = 'ConsultationRecorded';
/** Stored event type of a refused attempt (a fixed string). */
export const CONSULTATION_REFUSED = 'ConsultationRefused';
/** Both stored event types of the consultation log. */
export const CONSULTATION_EVENT_TYPES = [CONSULTATION_RECORDED, CONSULTATION_REFUSED] as const;

/**
 * One consultation (LED art. 25): who, which records, when, through which endpoint, and why. Ids,
 * roles and reasons only: never the content of what was read.
 */
export interface ConsultationData {
  /** When the read was decided, ISO 8601 (UTC). */
  at: string;
  actor: { staffId: string; username: string; roles: Role[]; teams: string[]; unit: string };
  /**
   * Which records: their ids, and, so that oversight's queries can keep the log of a sealed record
   * from the people it concerns, the compartments and concerned staff ids of those records.
   */
  subject: { type: ResourceType; ids: string[]; caseRef?: string; compartments?: string[]; concernedStaffIds?: string[] };
  /** One record, or the records a list or search answer showed. */
  kind: 'record' | 'list';
  outcome: 'granted' | 'refused';
  basis?: AccessBasis;
  refusal?: Refusal;
  /** The assignment, team or role the access rests on, or why it was refused. */
  reason: string;
  breakGlass: boolean;
  /** The reader's own words, for a break-glass read. */
  justification?: Justification;
  /** Method and route template (never the raw URL: no query strings, no path values). */
  endpoint: { method: string; route: string };
  correlationId: string;
}

/**
 * The stream of a UTC day: short chains, verifiable one day at a time. Since ADR 0057 it is the day's lane 0,
 * the one a quiet process writes alone, so every day written before lanes is a day of one lane.
 */
export function consultationStream(day: string): string {
  return `consultations-${day}`;
}

/** Lane `lane` of a UTC day (ADR 0057): lane 0 is the day's own stream, lane k `consultations-<day>-lane-<k>`. */
export function consultationLaneStream(day: string, lane: number): string {
  return lane === 0 ? consultationStream(day) : `consultations-${day}-lane-${lane}`;
}

/** The chain of a UTC day's heads over its lanes (ADR 0057). */
export function consultationHeadStream(day: string): string {
  return `consultations-${day}-head`;
}

/** What a stream of the audit schema is: a lane of a day, the day's head chain, or (undefined) neither. */
export function parseConsultationStream(streamId: string): { day: string; lane: number } | { day: string; head: true } | undefined {
  const m = /^consultations-(\d{4}-\d{2}-\d{2})(?:-lane-([1-9]\d?)|(-head))?$/.exec(streamId);
  if (!m) return undefined;
  if (m[3]) return { day: m[1], head: true };
  const lane = m[2] ? Number(m[2]) : 0;
  return lane < MAX_CONSULTATION_LANES ? { day: m[1], lane } : undefined;
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
