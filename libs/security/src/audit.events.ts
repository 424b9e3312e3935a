import type { AccessBasis, Refusal } from './access-decision';
import type { ResourceType } from './access-policy';
import type { Justification } from './justification';
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

/** The stream of a UTC day: short chains, verifiable one day at a time. */
export function consultationStream(day: string): string {
  return `consultations-${day}`;
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
