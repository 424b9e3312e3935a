import { addDays, dayOf, daysBetween } from './integrity.decide';
import {
  Compartment,
  COMPARTMENT_OF_ROUTE,
  ComplaintChannel,
  ComplaintEvent,
  ComplaintOrigin,
  Conclusion,
  ForwardingChannel,
  OversightBody,
  SanctionSeverity,
  TriageRoute,
} from './complaint.events';

export interface Forwarding {
  basis: 'forwarded' | 'origin';
  forwardedOn: string;
  channel?: ForwardingChannel;
  reference?: string;
}

export interface Triage {
  route: TriageRoute;
  compartment: Compartment;
  orderedAs: string;
  orderedOn: string;
}

export interface DisciplinaryProcedure {
  authority: string;
  startedOn: string;
  sanction: { sanction: string; severity: SanctionSeverity; authority: string; decidedOn: string } | null;
}

/** intake: received, logged and (being) forwarded; triaged: under investigation; concluded: outcomes follow; closed: read only. */
export type ComplaintPhase = 'intake' | 'triaged' | 'concluded' | 'closed';

export interface Complaint {
  status: 'registered';
  phase: ComplaintPhase;
  complaintId: string;
  /** Null only between the two events of intake. */
  registerNumber: string | null;
  channel: ComplaintChannel;
  staffConcerned: string[];
  receivedOn: string;
  origin?: ComplaintOrigin;
  forwardings: Partial<Record<OversightBody, Forwarding>>;
  triage: Triage | null;
  investigators: Record<string, { designated: boolean }>;
  findings: { incriminating: string[]; exculpatory: string[] };
  informationRequests: Record<string, { body: OversightBody; answered: boolean }>;
  hearings: string[];
  conclusion: { conclusion: Conclusion; concludedOn: string } | null;
  reportedToParket: boolean;
  criminalReferral: boolean;
  procedures: Record<string, DisciplinaryProcedure>;
  evaluationNotes: string[];
}

export type ComplaintState = { status: 'none' } | Complaint;

export const initialComplaintState = (): ComplaintState => ({ status: 'none' });

export function evolveComplaint(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'IntegrityComplaintReceived') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'registered',
      phase: 'intake',
      complaintId: d.complaintId,
      registerNumber: null,
      channel: d.channel,
      staffConcerned: [...d.staffConcerned],
      receivedOn: d.receivedOn,
      ...(d.origin !== undefined && { origin: d.origin }),
      forwardings: {},
      triage: null,
      investigators: {},
      findings: { incriminating: [], exculpatory: [] },
      informationRequests: {},
      hearings: [],
      conclusion: null,
      reportedToParket: false,
      criminalReferral: false,
      procedures: {},
      evaluationNotes: [],
    };
  }
  if (state.status !== 'registered') return state;

  switch (event.type) {
    case 'IntegrityComplaintLogged':
      return { ...state, registerNumber: event.data.registerNumber };

    case 'ComplaintForwardedToComiteP':
    case 'ComplaintForwardedToAig': {
      const { basis, forwardedOn, channel, reference } = event.data;
      const body: OversightBody = event.type === 'ComplaintForwardedToComiteP' ? 'comite_p' : 'aig';
      const forwarding: Forwarding = {
        basis,
        forwardedOn,
        ...(channel !== undefined && { channel }),
        ...(reference !== undefined && { reference }),
      };
      return { ...state, forwardings: { ...state.forwardings, [body]: forwarding } };
    }

    case 'ForwardingAcknowledged': {
      const forwarding = state.forwardings[event.data.body];
      if (!forwarding) return state;
      return { ...state, forwardings: { ...state.forwardings, [event.data.body]: { ...forwarding, reference: event.data.reference } } };
    }

    case 'AdministrativeInvestigationOrdered':
    case 'JudicialInvestigationOrdered':
    case 'DisciplinaryInvestigationOrdered':
    case 'ComplaintRoutedToDpo': {
      const route = ROUTE_OF_EVENT[event.type];
      const { orderedAs, orderedAt } = event.data;
      return {
        ...state,
        phase: 'triaged',
        triage: { route, compartment: COMPARTMENT_OF_ROUTE[route], orderedAs, orderedOn: orderedAt.slice(0, 10) },
      };
    }

    case 'InvestigatorAssigned':
      return { ...state, investigators: { ...state.investigators, [event.data.investigatorId]: { designated: event.data.designated } } };

    case 'IncriminatingFindingRecorded':
      return { ...state, findings: { ...state.findings, incriminating: [...state.findings.incriminating, event.data.findingId] } };

    case 'ExculpatoryFindingRecorded':
      return { ...state, findings: { ...state.findings, exculpatory: [...state.findings.exculpatory, event.data.findingId] } };

    case 'InformationRequestReceived':
      return {
        ...state,
        informationRequests: { ...state.informationRequests, [event.data.requestId]: { body: event.data.body, answered: false } },
      };

    case 'InformationProvidedToOversightBody': {
      const request = state.informationRequests[event.data.requestId];
      if (!request) return state;
      return { ...state, informationRequests: { ...state.informationRequests, [event.data.requestId]: { ...request, answered: true } } };
    }

    case 'StaffMemberHeard':
      return { ...state, hearings: [...state.hearings, event.data.hearingId] };

    case 'InvestigationConcluded':
      return {
        ...state,
        phase: 'concluded',
        conclusion: { conclusion: event.data.conclusion, concludedOn: event.data.concludedAt.slice(0, 10) },
      };

    case 'MaliciousComplaintReportedToParket':
      return { ...state, reportedToParket: true };

    case 'CriminalReferralMade':
      return { ...state, criminalReferral: true };

    case 'DisciplinaryProcedureStarted': {
      const { staffId, authority, startedAt } = event.data;
      return { ...state, procedures: { ...state.procedures, [staffId]: { authority, startedOn: startedAt.slice(0, 10), sanction: null } } };
    }

    case 'DisciplinarySanctionDecided': {
      const { staffId, sanction, severity, authority, decidedOn } = event.data;
      const procedure = state.procedures[staffId];
      if (!procedure) return state;
      return {
        ...state,
        procedures: { ...state.procedures, [staffId]: { ...procedure, sanction: { sanction, severity, authority, decidedOn } } },
      };
    }

    case 'EvaluationFileNoteAdded':
      return { ...state, evaluationNotes: [...state.evaluationNotes, event.data.staffId] };

    case 'LessonsLearnedRecorded':
      return state;

    case 'ComplaintClosed':
      return { ...state, phase: 'closed' };
  }
}

const ROUTE_OF_EVENT: Record<
  'AdministrativeInvestigationOrdered' | 'JudicialInvestigationOrdered' | 'DisciplinaryInvestigationOrdered' | 'ComplaintRoutedToDpo',
  TriageRoute
> = {
  AdministrativeInvestigationOrdered: 'administrative',
  JudicialInvestigationOrdered: 'judicial',
  DisciplinaryInvestigationOrdered: 'disciplinary',
  ComplaintRoutedToDpo: 'dpo',
};

/** Both oversight bodies have the complaint on record (R-INT-1). */
export function isForwardedToBoth(complaint: Complaint): boolean {
  return complaint.forwardings.comite_p !== undefined && complaint.forwardings.aig !== undefined;
}

/** The access compartment the file sits in: intake until triage, then the compartment of its route (R-INT-10). */
export function compartmentOf(state: ComplaintState): Compartment {
  if (state.status !== 'registered' || state.triage === null) return 'integrity:intake';
  return state.triage.compartment;
}

/** Ad hoc investigators (R-INT-14): the edge grants each of them access to this one file, not to the compartment. */
export function designatedInvestigators(state: ComplaintState): string[] {
  if (state.status !== 'registered') return [];
  return Object.entries(state.investigators)
    .filter(([, investigator]) => investigator.designated)
    .map(([staffId]) => staffId);
}

/** The staff members the complaint is about: the edge must never let them read the file. */
export function concernedStaffIds(state: ComplaintState): string[] {
  return state.status === 'registered' ? [...state.staffConcerned] : [];
}

/** Days allowed per step; configuration, not law (the sources give no deadlines: domain §1.4.2 [INF]). */
export interface DeadlineLimits {
  /** From receipt to each forwarding. */
  forwardingDays: number;
  /** From receipt to triage. */
  triageDays: number;
  /** From triage to the investigation's conclusion. */
  investigationDays: number;
  /** From receipt to a sanction decision in every disciplinary procedure (limitation of disciplinary action). */
  disciplinaryLimitationDays: number;
  /** How many days before its due date a step shows as due soon (default 3). */
  dueSoonDays?: number;
}

export type DeadlineStep = 'forwarding_comite_p' | 'forwarding_aig' | 'triage' | 'investigation' | 'disciplinary_limitation';

export interface OverdueStep {
  step: DeadlineStep;
  dueOn: string;
  daysOverdue: number;
  /** The staff member whose disciplinary procedure is at risk (disciplinary_limitation only). */
  staffId?: string;
}

/** A step not done yet, with its due date: `overdue` past it, `due_soon` within the warning days, else `open`. */
export interface DeadlineStatus {
  step: DeadlineStep;
  dueOn: string;
  /** Days from today to the due date: negative when overdue. */
  daysLeft: number;
  status: 'open' | 'due_soon' | 'overdue';
  /** The staff member whose disciplinary procedure is at risk (disciplinary_limitation only). */
  staffId?: string;
}

/** How many days before its due date a step counts as due soon, unless configured (`dueSoonDays`). */
export const DEFAULT_DUE_SOON_DAYS = 3;

/**
 * Every step not done yet on `now`'s day in the zone, with its due date. Derived from state, so it needs no
 * scheduler and no event. A closed complaint has none.
 */
export function openDeadlines(state: ComplaintState, now: Date, limits: DeadlineLimits): DeadlineStatus[] {
  if (state.status !== 'registered' || state.phase === 'closed') return [];
  const today = dayOf(now);
  const soon = limits.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const steps: DeadlineStatus[] = [];
  const add = (step: DeadlineStep, dueOn: string, staffId?: string): void => {
    const daysLeft = daysBetween(today, dueOn);
    const status = daysLeft < 0 ? 'overdue' : daysLeft <= soon ? 'due_soon' : 'open';
    steps.push({ step, dueOn, daysLeft, status, ...(staffId !== undefined && { staffId }) });
  };
  if (!state.forwardings.comite_p) add('forwarding_comite_p', addDays(state.receivedOn, limits.forwardingDays));
  if (!state.forwardings.aig) add('forwarding_aig', addDays(state.receivedOn, limits.forwardingDays));
  if (state.triage === null) add('triage', addDays(state.receivedOn, limits.triageDays));
  if (state.triage !== null && state.conclusion === null) add('investigation', addDays(state.triage.orderedOn, limits.investigationDays));
  const disciplinary = state.triage?.route === 'disciplinary';
  const limitationDue = addDays(state.receivedOn, limits.disciplinaryLimitationDays);
  if (disciplinary && state.conclusion === null) add('disciplinary_limitation', limitationDue);
  for (const [staffId, procedure] of Object.entries(state.procedures)) {
    if (procedure.sanction === null) add('disciplinary_limitation', limitationDue, staffId);
  }
  return steps;
}

/** The steps not done by their due date on `now`'s day in the zone. */
export function overdueSteps(state: ComplaintState, now: Date, limits: DeadlineLimits): OverdueStep[] {
  return overdueOf(openDeadlines(state, now, limits));
}

/** The overdue ones of a complaint's open steps. */
export function overdueOf(deadlines: readonly DeadlineStatus[]): OverdueStep[] {
  return deadlines
    .filter((d) => d.status === 'overdue')
    .map((d) => ({ step: d.step, dueOn: d.dueOn, daysOverdue: -d.daysLeft, ...(d.staffId !== undefined && { staffId: d.staffId }) }));
}

/** What the early warning needs of one complaint. */
export interface ComplaintSummary {
  complaintId: string;
  receivedOn: string;
  staffConcerned: readonly string[];
}

export function summaryOf(state: ComplaintState): ComplaintSummary | null {
  if (state.status !== 'registered') return null;
  return { complaintId: state.complaintId, receivedOn: state.receivedOn, staffConcerned: [...state.staffConcerned] };
}

export interface EarlyWarningPolicy {
  /** How many complaints within the window raise a signal. */
  threshold: number;
  /** The window, in days back from `asOf` (inclusive of both ends). */
  windowDays: number;
}

export interface EarlyWarningSignal {
  staffId: string;
  complaintIds: string[];
  count: number;
}

/**
 * Staff members named in at least `threshold` complaints received in the window ending on `asOf`. A signal for a
 * human to look at (R-INT-16), never a finding: it says nothing about whether any complaint is founded.
 * Ordered by count (highest first), then staff id.
 */
export function earlyWarning(summaries: readonly ComplaintSummary[], asOf: Date, policy: EarlyWarningPolicy): EarlyWarningSignal[] {
  const until = dayOf(asOf);
  const from = addDays(until, -policy.windowDays);
  const byStaff = new Map<string, Set<string>>();
  for (const summary of summaries) {
    if (summary.receivedOn < from || summary.receivedOn > until) continue;
    for (const staffId of summary.staffConcerned) {
      const ids = byStaff.get(staffId) ?? new Set<string>();
      ids.add(summary.complaintId);
      byStaff.set(staffId, ids);
    }
  }
  return [...byStaff.entries()]
    .filter(([, ids]) => ids.size >= policy.threshold)
    .map(([staffId, ids]) => ({ staffId, complaintIds: [...ids].sort(), count: ids.size }))
    .sort((a, b) => b.count - a.count || a.staffId.localeCompare(b.staffId));
}
