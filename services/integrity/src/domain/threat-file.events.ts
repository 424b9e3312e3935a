import type { DomainEvent } from '@police/event-store/domain';

/**
 * A threat file (dreigingsdossier "tegenover collega's", 002:2131), opened and kept by Bureau Tucht.
 * The source does not say whether the colleagues are the source or the target of the threat (domain §6
 * question 6), so each staff member's involvement is recorded as stated, `unspecified` when nobody said.
 */
export type ThreatInvolvement = 'subject' | 'target' | 'unspecified';
export const THREAT_INVOLVEMENTS: readonly ThreatInvolvement[] = ['subject', 'target', 'unspecified'];

export interface InvolvedStaffMember {
  staffId: string;
  involvement: ThreatInvolvement;
}

export type ThreatFileOpened = DomainEvent<
  'ThreatFileOpened',
  { threatFileId: string; openedOn: string; summary: string; involved: InvolvedStaffMember[]; openedBy: string; recordedAt: string }
>;

export type ThreatFileNoteAdded = DomainEvent<
  'ThreatFileNoteAdded',
  { threatFileId: string; noteId: string; note: string; addedBy: string; addedAt: string }
>;

export type ThreatFileClosed = DomainEvent<
  'ThreatFileClosed',
  { threatFileId: string; closedOn: string; reason: string; closedBy: string; recordedAt: string }
>;

export type ThreatFileEvent = ThreatFileOpened | ThreatFileNoteAdded | ThreatFileClosed;

export type ThreatFileStatus = 'open' | 'closed';
export const THREAT_FILE_STATUSES: readonly ThreatFileStatus[] = ['open', 'closed'];

export const THREAT_FILE_EVENT_TYPES = [
  'ThreatFileOpened',
  'ThreatFileNoteAdded',
  'ThreatFileClosed',
] as const satisfies readonly ThreatFileEvent['type'][];
