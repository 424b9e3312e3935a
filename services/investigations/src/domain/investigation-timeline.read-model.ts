import { AuthorityRef, InvestigationEvent, LegalAssistance } from './investigation.events';

export interface TimelineEntry {
  /** 1-based position in the stream. */
  position: number;
  type: InvestigationEvent['type'];
  at: string;
  actor: string;
  summary: string;
}

/** Every event of one investigation, in stream order, with who recorded it and a one-line summary. */
export function timeline(events: readonly InvestigationEvent[]): TimelineEntry[] {
  return events.map((event, i) => ({
    position: i + 1,
    type: event.type,
    at: event.data.recordedAt,
    actor: event.data.recordedBy,
    summary: summarise(event),
  }));
}

export function summarise(event: InvestigationEvent): string {
  switch (event.type) {
    case 'InvestigationOpened': {
      const d = event.data;
      const authority = d.directingAuthority !== undefined ? `, directed by ${authorityText(d.directingAuthority)}` : '';
      return `${d.kind} opened (${d.origin.kind.replaceAll('_', ' ')}) for ${d.phenomenon}, assigned to ${d.team}${authority}`;
    }
    case 'DirectingAuthorityRecorded':
      return `Directing authority: ${authorityText(event.data.directingAuthority)} (${event.data.kind})`;
    case 'InvestigationAssignedToTeam':
      return `Reassigned from ${event.data.previousTeam} to ${event.data.team}: ${event.data.reason}`;
    case 'LeadInvestigatorAssigned':
      return event.data.previousLeadInvestigator !== undefined
        ? `Lead investigator ${event.data.leadInvestigator} replaces ${event.data.previousLeadInvestigator}`
        : `Lead investigator ${event.data.leadInvestigator}`;
    case 'TeamMemberAdded':
      return `${event.data.staffId} joined the investigation`;
    case 'TeamMemberRemoved':
      return `${event.data.staffId} left the investigation: ${event.data.reason}`;
    case 'PartyLinked':
      return `${event.data.displayName} linked as ${event.data.role}`;
    case 'PartyUnlinked':
      return `Person ${event.data.personId} unlinked as ${event.data.role}: ${event.data.reason}`;
    case 'PersonIdentified':
      return `Person ${event.data.personId} identified (${event.data.how})`;
    case 'PersonTraced':
      return `Person ${event.data.personId} traced at ${event.data.place}`;
    case 'HearingConducted': {
      const d = event.data;
      return `${d.deferredSalduz ? 'Deferred Salduz hearing' : 'Hearing'} of ${d.role} ${d.personId}${d.minor ? ' (minor)' : ''}, ${lawyer(d.legalAssistance)}${d.interpreter !== undefined ? `, interpreter ${d.interpreter.language}` : ''}`;
    }
    case 'HouseSearchConducted':
      return `House search at ${event.data.address}${authorisedBy(event.data.authorisation)}`;
    case 'ObservationConducted':
      return `Observation of ${event.data.target}${authorisedBy(event.data.authorisation)}`;
    case 'CameraFootageRequested':
      return `Camera footage requested from ${event.data.source}`;
    case 'TelephonyEnquiryPerformed':
      return `Telephony enquiry on ${event.data.subject}${authorisedBy(event.data.authorisation)}`;
    case 'BankEnquiryPerformed':
      return `Bank enquiry at ${event.data.institution} on ${event.data.subject}${authorisedBy(event.data.authorisation)}`;
    case 'AnprLookupPerformed':
      return `ANPR look-up of ${event.data.plate}: ${event.data.hits} hit(s)`;
    case 'TraceCollected':
      return `Trace collected at ${event.data.place}: ${event.data.description}`;
    case 'SuspectArrested':
      return `Suspect ${event.data.personId} arrested at ${event.data.place}`;
    case 'SuspectBroughtBeforeMagistrate':
      return `Suspect ${event.data.personId} brought before the ${event.data.magistrate.replaceAll('_', ' ')}`;
    case 'TaskCreated':
      return `Task "${event.data.title}" for ${event.data.assignee}, due ${event.data.dueDate}`;
    case 'TaskCompleted':
      return `Task ${event.data.taskId} done${event.data.late ? ' (late)' : ''}`;
    case 'ParketTaskReceived':
      return `Parket task ${event.data.parketTaskId} received from ${authorityText(event.data.from)}, deadline ${event.data.deadline}`;
    case 'ParketTaskDistributed':
      return `Parket task ${event.data.parketTaskId} distributed to ${event.data.assignee}`;
    case 'ParketTaskCompleted':
      return `Parket task ${event.data.parketTaskId} completed${event.data.late ? ' (late)' : ''}`;
    case 'ReportJoined':
      return `Report ${event.data.pvNumber ?? event.data.reportId} joined: ${event.data.reason}`;
    case 'EvidenceLinked':
      return `Evidence ${event.data.labelNumber} (${event.data.category}) linked${event.data.afterClosure ? ' (arrived after closure)' : ''}`;
    case 'LabResultLinked':
      return `Lab result ${event.data.labReference} from ${event.data.laboratory}: ${event.data.analysis}, ${event.data.conclusion}${event.data.afterClosure ? ' (arrived after closure)' : ''}`;
    case 'SeriesLinkAdded':
      return `Linked in a series with investigation ${event.data.otherInvestigationId}: ${event.data.reason}`;
    case 'SeriesLinkRemoved':
      return `Series link with investigation ${event.data.otherInvestigationId} removed: ${event.data.reason}`;
    case 'InvestigationReportedToMagistrate':
      return `Reported to ${authorityText(event.data.to)} in PV ${event.data.reportPvNumber}`;
    case 'InvestigationClosed':
      return `Closed: ${event.data.outcome.replaceAll('_', ' ')}`;
    case 'InvestigationReopened':
      return `Reopened: ${event.data.reason}`;
  }
}

function authorityText(ref: AuthorityRef): string {
  return `${ref.authority.replaceAll('_', ' ')} ${ref.reference}`;
}

function authorisedBy(ref: AuthorityRef | undefined): string {
  return ref !== undefined ? ` on authorisation of the ${authorityText(ref)}` : '';
}

function lawyer(value: LegalAssistance): string {
  if (value.kind === 'present') return `lawyer ${value.lawyer} present`;
  return value.kind === 'waived' ? 'lawyer waived' : 'no lawyer (not applicable)';
}
