import { accessAttributes } from '@police/platform';
import { Projection, RecordedEvent } from '@police/event-store';
import { InvestigationEvent, PartyLinked, PersonIdentified } from '../../domain/investigation.events';
import { evolveInvestigation, InvestigationState } from '../../domain/investigation.state';
import { teamKey } from '../../investigations.config';
import { InvestigationRow, PartyLinkRow } from './investigation.read-model';

export const INVESTIGATION_EVENT_TYPES = [
  'InvestigationOpened',
  'DirectingAuthorityRecorded',
  'InvestigationAssignedToTeam',
  'LeadInvestigatorAssigned',
  'TeamMemberAdded',
  'TeamMemberRemoved',
  'PartyLinked',
  'PartyUnlinked',
  'PersonIdentified',
  'PersonTraced',
  'HearingConducted',
  'HouseSearchConducted',
  'ObservationConducted',
  'CameraFootageRequested',
  'TelephonyEnquiryPerformed',
  'BankEnquiryPerformed',
  'AnprLookupPerformed',
  'TraceCollected',
  'SuspectArrested',
  'SuspectBroughtBeforeMagistrate',
  'TaskCreated',
  'TaskCompleted',
  'ParketTaskReceived',
  'ParketTaskDistributed',
  'ParketTaskCompleted',
  'ReportJoined',
  'EvidenceLinked',
  'LabResultLinked',
  'SeriesLinkAdded',
  'SeriesLinkRemoved',
  'InvestigationReportedToMagistrate',
  'InvestigationClosed',
  'InvestigationReopened',
] as const satisfies readonly InvestigationEvent['type'][];

/** The row of an investigation after one more event (null before it is opened). */
export function investigationRow(row: InvestigationRow | null, event: InvestigationEvent, version: number): InvestigationRow | null {
  const before: InvestigationState = row?.state ?? { status: 'unopened' };
  const state = evolveInvestigation(before, event);
  if (state.status === 'unopened') return null;
  let pvNumbers = row?.pvNumbers ?? [];
  if (event.type === 'InvestigationOpened' && event.data.origin.kind === 'report' && event.data.origin.report.pvNumber)
    pvNumbers = [event.data.origin.report.pvNumber];
  if (event.type === 'ReportJoined' && event.data.pvNumber && !pvNumbers.includes(event.data.pvNumber))
    pvNumbers = [...pvNumbers, event.data.pvNumber];
  return {
    id: state.investigationId,
    title: state.title,
    kind: state.kind,
    status: state.status,
    phenomenon: state.phenomenon,
    team: teamKey(state.team),
    originKind: state.origin.kind,
    leadInvestigator: state.leadInvestigator,
    members: state.members,
    reportIds: state.reports,
    pvNumbers,
    openedAt: row?.openedAt ?? new Date(event.data.recordedAt),
    closedAt: state.status === 'closed' ? new Date(state.closure.closedAt) : null,
    version,
    state,
    // Computed from the row by the list's projection (investigationListProjection), after every event.
    ...accessAttributes(null),
  };
}

export const investigationsProjection: Projection<InvestigationRow> = {
  name: 'investigations-investigations',
  entity: InvestigationRow,
  handles: INVESTIGATION_EVENT_TYPES,
  keys: (e) => [(e.data as { investigationId: string }).investigationId],
  evolve: (row, e: RecordedEvent) => investigationRow(row, { type: e.type, data: e.data } as InvestigationEvent, e.streamVersion),
};

const PARTY_EVENT_TYPES = [
  'PartyLinked',
  'PartyUnlinked',
  'PersonIdentified',
  'PersonTraced',
] as const satisfies readonly InvestigationEvent['type'][];

/** A party link's row after one more event of its link. */
export function partyLinkRow(row: PartyLinkRow | null, event: InvestigationEvent): PartyLinkRow | null {
  switch (event.type) {
    case 'PartyLinked': {
      const d: PartyLinked['data'] = event.data;
      return {
        id: `${d.investigationId}/${d.partyLinkId}`,
        investigationId: d.investigationId,
        partyLinkId: d.partyLinkId,
        personId: d.personId,
        displayName: d.displayName,
        role: d.role,
        identified: d.identified,
        traced: d.traced,
        linked: true,
        linkedAt: new Date(d.recordedAt),
      };
    }
    case 'PartyUnlinked':
      return row && { ...row, linked: false };
    case 'PersonIdentified': {
      const d: PersonIdentified['data'] = event.data;
      return row && { ...row, identified: true, personId: d.personId };
    }
    case 'PersonTraced':
      return row && { ...row, traced: true };
    default:
      return row;
  }
}

export const partyLinksProjection: Projection<PartyLinkRow> = {
  name: 'investigations-party-links',
  entity: PartyLinkRow,
  handles: PARTY_EVENT_TYPES,
  keys: (e) => {
    const d = e.data as { investigationId: string; partyLinkId: string };
    return [`${d.investigationId}/${d.partyLinkId}`];
  },
  evolve: (row, e) => partyLinkRow(row, { type: e.type, data: e.data } as InvestigationEvent),
};
