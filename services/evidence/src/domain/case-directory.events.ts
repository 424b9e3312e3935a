import type { DomainEvent } from '@police/event-store/domain';

/**
 * What the evidence service knows of investigations, recorded in its own log from the investigations
 * service's public contracts (inbound contracts become local events, so the directory can be rebuilt).
 */
export type CaseReferenced = DomainEvent<
  'CaseReferenced',
  { investigationId: string; caseNumber?: string; team: string; phenomenon: string; openedAt: string }
>;
export type CaseAssigned = DomainEvent<
  'CaseAssigned',
  { investigationId: string; team: string; leadInvestigator?: string; assignedAt: string }
>;
export type CaseClosed = DomainEvent<'CaseClosed', { investigationId: string; outcome: string; closedAt: string }>;
export type CaseReopened = DomainEvent<'CaseReopened', { investigationId: string; reopenedAt: string }>;
export type CaseDirectoryEvent = CaseReferenced | CaseAssigned | CaseClosed | CaseReopened;

export const CASE_EVENT_TYPES = [
  'CaseReferenced',
  'CaseAssigned',
  'CaseClosed',
  'CaseReopened',
] as const satisfies readonly CaseDirectoryEvent['type'][];

export const caseStream = (investigationId: string): string => `evidence-case-${investigationId}`;
