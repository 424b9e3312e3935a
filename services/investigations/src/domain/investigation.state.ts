import { evolution, Own } from '@police/event-store/domain';
import {
  ActionKind,
  ACTION_EVENT_KIND,
  AuthorityRef,
  ClosingOutcome,
  EvidenceLinked,
  InvestigationEvent,
  LabResultLinked,
  InvestigationKind,
  Origin,
  PartyRole,
} from './investigation.events';

export interface TeamAssignment {
  team: string;
  since: string;
  assignedBy: string;
  routedBy: 'configuration' | 'manual';
}

export interface LeadAssignment {
  staffId: string;
  since: string;
  assignedBy: string;
}

/** A link stays once made: unlinking closes it (`unlinkedAt`), so the person index keeps the history. */
export interface PartyLink {
  partyLinkId: string;
  personId: string;
  displayName: string;
  role: PartyRole;
  identified: boolean;
  traced: boolean;
  linkedAt: string;
  unlinkedAt?: string;
}

export interface Task {
  taskId: string;
  title: string;
  assignee: string;
  dueDate: string;
  status: 'open' | 'done';
}

export interface ParketTask {
  parketTaskId: string;
  from: AuthorityRef;
  description: string;
  deadline: string;
  assignee: string | null;
  status: 'received' | 'distributed' | 'completed';
}

export interface OpenInvestigation {
  status: 'open';
  investigationId: string;
  title: string;
  kind: InvestigationKind;
  origin: Origin;
  phenomenon: string;
  directingAuthority: AuthorityRef | null;
  team: string;
  teamHistory: TeamAssignment[];
  leadInvestigator: string | null;
  leadHistory: LeadAssignment[];
  members: string[];
  parties: Record<string, PartyLink>;
  actions: Record<string, ActionKind>;
  tasks: Record<string, Task>;
  parketTasks: Record<string, ParketTask>;
  reports: string[];
  evidenceItems: string[];
  /** `itemId/labReference` of every lab result recorded. */
  labResults: string[];
  seriesLinks: string[];
  reportedToMagistrate: { to: AuthorityRef; reportPvNumber: string; at: string } | null;
  /** How often it was closed and reopened. */
  reopenings: number;
}

export interface ClosedInvestigation extends Omit<OpenInvestigation, 'status'> {
  status: 'closed';
  closure: { outcome: ClosingOutcome; closedBy: string; closedAt: string };
}

export type Investigation = OpenInvestigation | ClosedInvestigation;
export type InvestigationState = { status: 'unopened' } | Investigation;

export const initialInvestigationState = (): InvestigationState => ({ status: 'unopened' });

/**
 * The state after an event. Pure: `evolveInvestigation(state, event)` returns a new state and leaves `state`
 * as it was; `evolveInvestigation.fold(state, events)` folds a stream copying each record once (a case of
 * 1,000 events copied its tasks record at every task event, a fold quadratic in the tasks). Records and lists
 * are written only through `own` (see `evolution` in the domain kernel).
 */
export const evolveInvestigation = evolution<InvestigationState, InvestigationEvent>((state, event, own) => {
  if (event.type === 'InvestigationOpened') {
    if (state.status !== 'unopened') return state;
    const d = event.data;
    return {
      status: 'open',
      investigationId: d.investigationId,
      title: d.title,
      kind: d.kind,
      origin: d.origin,
      phenomenon: d.phenomenon,
      directingAuthority: d.directingAuthority ?? null,
      team: d.team,
      teamHistory: [{ team: d.team, since: d.recordedAt, assignedBy: d.recordedBy, routedBy: d.routedBy }],
      leadInvestigator: null,
      leadHistory: [],
      members: [],
      parties: {},
      actions: {},
      tasks: {},
      parketTasks: {},
      reports: d.origin.kind === 'report' ? [d.origin.report.reportId] : [],
      evidenceItems: [],
      labResults: [],
      seriesLinks: [],
      reportedToMagistrate: null,
      reopenings: 0,
    };
  }
  if (state.status === 'closed' && event.type === 'InvestigationReopened') {
    const { closure: _closure, ...rest } = state;
    return { ...rest, status: 'open', reopenings: state.reopenings + 1 };
  }
  // Evidence and lab results keep arriving after closure; they are recorded (and flagged) there too.
  if (state.status === 'closed' && (event.type === 'EvidenceLinked' || event.type === 'LabResultLinked'))
    return withLink(state, event, own);
  if (state.status !== 'open') return state;

  switch (event.type) {
    case 'DirectingAuthorityRecorded':
      return { ...state, directingAuthority: event.data.directingAuthority, kind: event.data.kind };

    case 'InvestigationAssignedToTeam': {
      const { team, recordedAt, recordedBy, routedBy } = event.data;
      const teamHistory = own(state.teamHistory);
      teamHistory.push({ team, since: recordedAt, assignedBy: recordedBy, routedBy });
      return { ...state, team, teamHistory };
    }

    case 'LeadInvestigatorAssigned': {
      const { leadInvestigator, recordedAt, recordedBy } = event.data;
      const leadHistory = own(state.leadHistory);
      leadHistory.push({ staffId: leadInvestigator, since: recordedAt, assignedBy: recordedBy });
      return { ...state, leadInvestigator, leadHistory, members: state.members.filter((m) => m !== leadInvestigator) };
    }

    case 'TeamMemberAdded': {
      const members = own(state.members);
      members.push(event.data.staffId);
      return { ...state, members };
    }

    case 'TeamMemberRemoved':
      return { ...state, members: state.members.filter((m) => m !== event.data.staffId) };

    case 'PartyLinked': {
      const { partyLinkId, personId, displayName, role, identified, traced, recordedAt } = event.data;
      const parties = own(state.parties);
      parties[partyLinkId] = { partyLinkId, personId, displayName, role, identified, traced, linkedAt: recordedAt };
      return { ...state, parties };
    }

    case 'PartyUnlinked':
      return withParty(state, own, event.data.partyLinkId, { unlinkedAt: event.data.recordedAt });

    case 'PersonIdentified':
      return withParty(state, own, event.data.partyLinkId, { identified: true, personId: event.data.personId });

    case 'PersonTraced':
      return withParty(state, own, event.data.partyLinkId, { traced: true });

    case 'HearingConducted':
    case 'HouseSearchConducted':
    case 'ObservationConducted':
    case 'CameraFootageRequested':
    case 'TelephonyEnquiryPerformed':
    case 'BankEnquiryPerformed':
    case 'AnprLookupPerformed':
    case 'TraceCollected':
    case 'SuspectArrested':
    case 'SuspectBroughtBeforeMagistrate': {
      const actions = own(state.actions);
      actions[event.data.actionId] = ACTION_EVENT_KIND[event.type];
      return { ...state, actions };
    }

    case 'TaskCreated': {
      const { taskId, title, assignee, dueDate } = event.data;
      const tasks = own(state.tasks);
      tasks[taskId] = { taskId, title, assignee, dueDate, status: 'open' };
      return { ...state, tasks };
    }

    case 'TaskCompleted': {
      const task = state.tasks[event.data.taskId];
      if (!task) return state;
      const tasks = own(state.tasks);
      tasks[task.taskId] = { ...task, status: 'done' };
      return { ...state, tasks };
    }

    case 'ParketTaskReceived': {
      const { parketTaskId, from, description, deadline } = event.data;
      const parketTasks = own(state.parketTasks);
      parketTasks[parketTaskId] = { parketTaskId, from, description, deadline, assignee: null, status: 'received' };
      return { ...state, parketTasks };
    }

    case 'ParketTaskDistributed': {
      const task = state.parketTasks[event.data.parketTaskId];
      if (!task) return state;
      const parketTasks = own(state.parketTasks);
      parketTasks[task.parketTaskId] = { ...task, assignee: event.data.assignee, status: 'distributed' };
      return { ...state, parketTasks };
    }

    case 'ParketTaskCompleted': {
      const task = state.parketTasks[event.data.parketTaskId];
      if (!task) return state;
      const parketTasks = own(state.parketTasks);
      parketTasks[task.parketTaskId] = { ...task, status: 'completed' };
      return { ...state, parketTasks };
    }

    case 'ReportJoined': {
      const reports = own(state.reports);
      reports.push(event.data.reportId);
      return { ...state, reports };
    }

    case 'EvidenceLinked':
    case 'LabResultLinked':
      return withLink(state, event, own);

    case 'SeriesLinkAdded': {
      const seriesLinks = own(state.seriesLinks);
      seriesLinks.push(event.data.otherInvestigationId);
      return { ...state, seriesLinks };
    }

    case 'SeriesLinkRemoved':
      return { ...state, seriesLinks: state.seriesLinks.filter((id) => id !== event.data.otherInvestigationId) };

    case 'InvestigationReportedToMagistrate': {
      const { to, reportPvNumber, recordedAt } = event.data;
      return { ...state, reportedToMagistrate: { to, reportPvNumber, at: recordedAt } };
    }

    case 'InvestigationClosed': {
      const { outcome, recordedBy, recordedAt } = event.data;
      return { ...state, status: 'closed', closure: { outcome, closedBy: recordedBy, closedAt: recordedAt } };
    }

    case 'InvestigationReopened':
      return state;
  }
});

function withLink<S extends Investigation>(state: S, event: EvidenceLinked | LabResultLinked, own: Own): S {
  if (event.type === 'EvidenceLinked') {
    const evidenceItems = own(state.evidenceItems);
    evidenceItems.push(event.data.itemId);
    return { ...state, evidenceItems };
  }
  const labResults = own(state.labResults);
  labResults.push(labResultKey(event.data.itemId, event.data.labReference));
  return { ...state, labResults };
}

function withParty(state: OpenInvestigation, own: Own, partyLinkId: string, change: Partial<PartyLink>): OpenInvestigation {
  const link = state.parties[partyLinkId];
  if (!link) return state;
  const parties = own(state.parties);
  parties[partyLinkId] = { ...link, ...change };
  return { ...state, parties };
}

export function labResultKey(itemId: string, labReference: string): string {
  return `${itemId}/${labReference}`;
}

/** The zone's routing: phenomenon → team, and the teams whose cases only their own members may see (§3.3). */
export interface RoutingConfig {
  routes: Record<string, string>;
  restrictedTeams: string[];
}

/** The team that holds the investigation now; null before it is opened. */
export function teamOf(state: InvestigationState): string | null {
  return state.status === 'unopened' ? null : state.team;
}

/** Staff ids with need-to-know on the case: the lead investigator first, then the members. */
export function assignees(state: InvestigationState): string[] {
  if (state.status === 'unopened') return [];
  return [...(state.leadInvestigator !== null ? [state.leadInvestigator] : []), ...state.members];
}

/** Held by a restricted team (e.g. COPPRA, Zeden): the edge shows it only to the team's members and assignees. */
export function isRestricted(state: InvestigationState, config: RoutingConfig): boolean {
  return state.status !== 'unopened' && config.restrictedTeams.includes(state.team);
}

/** Every person ever linked, with role and status, for the person index; `linked: false` keeps unlinked ones visible as history. */
export function linkedPersons(state: InvestigationState): (PartyLink & { linked: boolean })[] {
  if (state.status === 'unopened') return [];
  return Object.values(state.parties).map((link) => ({ ...link, linked: link.unlinkedAt === undefined }));
}
