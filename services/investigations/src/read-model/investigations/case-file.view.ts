import { timeline, TimelineEntry } from '../../domain/investigation-timeline.read-model';
import {
  ACTION_EVENT_KIND,
  ActionKind,
  AuthorityRef,
  ClosingOutcome,
  InvestigationEvent,
  InvestigationKind,
  InvestigativeActionEvent,
  Origin,
} from '../../domain/investigation.events';
import {
  evolveInvestigation,
  initialInvestigationState,
  Investigation,
  InvestigationState,
  LeadAssignment,
  ParketTask,
  PartyLink,
  Task,
  TeamAssignment,
} from '../../domain/investigation.state';

type Detail<E extends { data: object }> = Omit<E['data'], 'investigationId' | 'recordedBy' | 'recordedAt'>;

/**
 * An investigative action in the file: its kind, who recorded it and when, what every action records,
 * and the fields of its kind (those of its event in investigation.events.ts). Declared as one open shape
 * because the documents' generator cannot spread a union of events through Omit.
 */
export interface ActionEntry {
  kind: ActionKind;
  actionId: string;
  performedBy: string[];
  startedAt: string;
  endedAt?: string;
  authorisation?: AuthorityRef;
  directingAuthority?: AuthorityRef;
  recordedBy: string;
  recordedAt: string;
  [field: string]: unknown;
}

/** An investigation as the API shows it: its state, with the details the state keeps only by id. */
export interface CaseFile {
  investigationId: string;
  title: string;
  status: Investigation['status'];
  kind: InvestigationKind;
  origin: Origin;
  phenomenon: string;
  directingAuthority: AuthorityRef | null;
  team: string;
  teamHistory: TeamAssignment[];
  leadInvestigator: string | null;
  leadHistory: LeadAssignment[];
  members: string[];
  openedAt: string;
  openedBy: string;
  parties: PartyLink[];
  actions: ActionEntry[];
  tasks: Task[];
  parketTasks: ParketTask[];
  reports: { reportId: string; pvNumber?: string; via: 'origin' | 'joined'; reason?: string; at: string; by: string }[];
  evidence: {
    itemId: string;
    labelNumber: string;
    pvNumber?: string;
    category: string;
    description: string;
    seizedAt: string;
    registeredAt: string;
    custodian: string;
    linkedAt: string;
    afterClosure: boolean;
  }[];
  labResults: {
    itemId: string;
    laboratory: string;
    labReference: string;
    analysis: string;
    conclusion: string;
    receivedAt: string;
    linkedAt: string;
    afterClosure: boolean;
  }[];
  seriesLinks: { otherInvestigationId: string; reason: string; linkedBy: string; linkedAt: string }[];
  reportedToMagistrate: { to: AuthorityRef; reportPvNumber: string; summary: string; at: string; by: string } | null;
  closure: {
    outcome: ClosingOutcome;
    reason: string;
    closedBy: string;
    closedAt: string;
    transferredTo?: string;
    mergedInto?: string;
  } | null;
  reopenings: { reason: string; previousOutcome: ClosingOutcome; closedAt: string; reopenedBy: string; reopenedAt: string }[];
}

export interface CaseFileView {
  id: string;
  version: number;
  investigation: CaseFile;
}

/**
 * The case file from the investigation's events (all of them, or those up to an instant for `asOf`).
 * `state` is those events folded, when the caller has it already (a load folds them): folding a
 * thousand events again doubled the read of a long case.
 */
export function caseFile(
  events: readonly InvestigationEvent[],
  state: InvestigationState = evolveInvestigation.fold(initialInvestigationState(), events),
): CaseFile | null {
  const file: Pick<
    CaseFile,
    'actions' | 'reports' | 'evidence' | 'labResults' | 'seriesLinks' | 'reportedToMagistrate' | 'closure' | 'reopenings'
  > & { openedAt?: string; openedBy?: string } = {
    actions: [],
    reports: [],
    evidence: [],
    labResults: [],
    seriesLinks: [],
    reportedToMagistrate: null,
    closure: null,
    reopenings: [],
  };
  for (const event of events) {
    const {
      investigationId: _id,
      recordedBy,
      recordedAt,
      ...rest
    } = event.data as { investigationId: string; recordedBy: string; recordedAt: string };
    switch (event.type) {
      case 'InvestigationOpened':
        file.openedAt = recordedAt;
        file.openedBy = recordedBy;
        if (event.data.origin.kind === 'report') {
          const r = event.data.origin.report;
          file.reports.push({
            reportId: r.reportId,
            ...(r.pvNumber !== undefined && { pvNumber: r.pvNumber }),
            via: 'origin',
            at: recordedAt,
            by: recordedBy,
          });
        }
        break;
      case 'ReportJoined':
        file.reports.push({
          reportId: event.data.reportId,
          ...(event.data.pvNumber !== undefined && { pvNumber: event.data.pvNumber }),
          via: 'joined',
          reason: event.data.reason,
          at: recordedAt,
          by: recordedBy,
        });
        break;
      case 'EvidenceLinked': {
        const { afterClosure, ...item } = rest as Detail<typeof event>;
        file.evidence.push({ ...item, linkedAt: recordedAt, afterClosure: afterClosure === true });
        break;
      }
      case 'LabResultLinked': {
        const { afterClosure, ...result } = rest as Detail<typeof event>;
        file.labResults.push({ ...result, linkedAt: recordedAt, afterClosure: afterClosure === true });
        break;
      }
      case 'SeriesLinkAdded':
        file.seriesLinks.push({
          otherInvestigationId: event.data.otherInvestigationId,
          reason: event.data.reason,
          linkedBy: recordedBy,
          linkedAt: recordedAt,
        });
        break;
      case 'SeriesLinkRemoved':
        file.seriesLinks = file.seriesLinks.filter((l) => l.otherInvestigationId !== event.data.otherInvestigationId);
        break;
      case 'InvestigationReportedToMagistrate':
        file.reportedToMagistrate = {
          to: event.data.to,
          reportPvNumber: event.data.reportPvNumber,
          summary: event.data.summary,
          at: recordedAt,
          by: recordedBy,
        };
        break;
      case 'InvestigationClosed':
        file.closure = { ...(rest as Detail<typeof event>), closedBy: recordedBy, closedAt: recordedAt };
        break;
      case 'InvestigationReopened':
        file.reopenings.push({
          reason: event.data.reason,
          previousOutcome: event.data.previousOutcome,
          closedAt: event.data.closedAt,
          reopenedBy: recordedBy,
          reopenedAt: recordedAt,
        });
        file.closure = null;
        break;
      default:
        if (event.type in ACTION_EVENT_KIND) {
          const action = event as InvestigativeActionEvent;
          file.actions.push({
            kind: ACTION_EVENT_KIND[action.type],
            ...(rest as Detail<InvestigativeActionEvent>),
            recordedBy,
            recordedAt,
          } as ActionEntry);
        }
    }
  }
  if (state.status === 'unopened') return null;
  return {
    investigationId: state.investigationId,
    title: state.title,
    status: state.status,
    kind: state.kind,
    origin: state.origin,
    phenomenon: state.phenomenon,
    directingAuthority: state.directingAuthority,
    team: state.team,
    teamHistory: state.teamHistory,
    leadInvestigator: state.leadInvestigator,
    leadHistory: state.leadHistory,
    members: state.members,
    openedAt: file.openedAt!,
    openedBy: file.openedBy!,
    parties: Object.values(state.parties),
    actions: file.actions,
    tasks: Object.values(state.tasks),
    parketTasks: Object.values(state.parketTasks),
    reports: file.reports,
    evidence: file.evidence,
    labResults: file.labResults,
    seriesLinks: file.seriesLinks,
    reportedToMagistrate: file.reportedToMagistrate,
    closure: file.closure,
    reopenings: file.reopenings,
  };
}

/** The other investigations a case file names: its series links (also undone ones) and the case it was merged into. */
export function otherInvestigationsNamed(events: readonly InvestigationEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.type === 'SeriesLinkAdded' || event.type === 'SeriesLinkRemoved') ids.add(event.data.otherInvestigationId);
    if (event.type === 'InvestigationClosed' && event.data.mergedInto !== undefined) ids.add(event.data.mergedInto);
  }
  return [...ids];
}

/** The case file without the other investigations the reader may not know of (no series link, no merger target). */
export function withoutHidden(file: CaseFile, hidden: ReadonlySet<string>): CaseFile {
  if (hidden.size === 0) return file;
  let closure = file.closure;
  if (closure?.mergedInto !== undefined && hidden.has(closure.mergedInto)) {
    const { mergedInto: _hidden, ...rest } = closure;
    closure = rest;
  }
  return { ...file, seriesLinks: file.seriesLinks.filter((l) => !hidden.has(l.otherInvestigationId)), closure };
}

/** A timeline entry as served: the domain's entry and the event's data. */
export type ServedTimelineEntry = TimelineEntry & { data: Record<string, unknown> };

/**
 * The timeline as served to a reader: every entry stays (in order, with its actor), but one naming an
 * investigation the reader may not know of says only that there was one.
 */
export function servedTimeline(events: readonly InvestigationEvent[], hidden: ReadonlySet<string> = new Set()): ServedTimelineEntry[] {
  return timeline(events).map((entry, i) => {
    const event = events[i];
    const { investigationId: _id, recordedBy: _by, recordedAt: _at, ...data } = event.data as unknown as Record<string, unknown>;
    if ((event.type === 'SeriesLinkAdded' || event.type === 'SeriesLinkRemoved') && hidden.has(event.data.otherInvestigationId)) {
      const summary =
        event.type === 'SeriesLinkAdded'
          ? 'Linked in a series with an investigation you may not know of'
          : 'Series link with an investigation you may not know of removed';
      return { ...entry, summary, data: {} };
    }
    if (event.type === 'InvestigationClosed' && event.data.mergedInto !== undefined && hidden.has(event.data.mergedInto)) {
      const { mergedInto: _hidden, ...rest } = data;
      return { ...entry, data: rest };
    }
    return { ...entry, data };
  });
}
