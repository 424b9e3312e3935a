import {
  ActionKind,
  Authority,
  AuthorityRef,
  ClosingOutcome,
  Interpreter,
  InvestigationKind,
  LegalAssistance,
  Origin,
  PartyRole,
} from './investigation.events';
import { RoutingConfig } from './investigation.state';
import { Command } from './investigations.decide';

// The commands on an investigation, one type per command; `decideInvestigation` (investigation.decide.ts) takes any of them.

/** Which actions need their own authorisation (a warrant, a magistrate's order) besides the directing authority. */
export interface AuthorisationRules {
  requiresAuthorisation: ActionKind[];
}

export type OpenInvestigationCommand = Command<
  'OpenInvestigation',
  {
    investigationId: string;
    kind: InvestigationKind;
    origin: Origin;
    directingAuthority?: AuthorityRef;
    phenomenon: string;
    title: string;
    /** Names the team instead of routing by phenomenon. */
    team?: string;
    routing: RoutingConfig;
  }
>;

export type RecordDirectingAuthority = Command<'RecordDirectingAuthority', { directingAuthority: AuthorityRef; kind: InvestigationKind }>;

/** Without `team`, the zone's routing picks it from the phenomenon. */
export type AssignInvestigationToTeam = Command<'AssignInvestigationToTeam', { team?: string; routing: RoutingConfig; reason: string }>;

export type AssignLeadInvestigator = Command<'AssignLeadInvestigator', { staffId: string; reason?: string }>;

export type AddTeamMember = Command<'AddTeamMember', { staffId: string }>;

export type RemoveTeamMember = Command<'RemoveTeamMember', { staffId: string; reason: string }>;

export type LinkParty = Command<
  'LinkParty',
  { partyLinkId: string; personId: string; displayName: string; role: PartyRole; identified: boolean; traced: boolean }
>;

export type UnlinkParty = Command<'UnlinkParty', { partyLinkId: string; reason: string }>;

export type IdentifyPerson = Command<'IdentifyPerson', { partyLinkId: string; personId: string; how: string }>;

export type TracePerson = Command<'TracePerson', { partyLinkId: string; tracedAt: string; place: string }>;

/** What every investigative action names: who, when, and its authorisation where the zone's table wants one. */
export interface ActionData {
  actionId: string;
  performedBy: readonly string[];
  startedAt: string;
  endedAt?: string;
  authorisation?: AuthorityRef;
  authorisationRules: AuthorisationRules;
}

export type RecordHearing = Command<
  'RecordHearing',
  ActionData & {
    partyLinkId: string;
    endedAt: string;
    deferredSalduz: boolean;
    /** Established by the application from the person's date of birth at the time of the hearing. */
    minor: boolean;
    legalAssistance: LegalAssistance;
    interpreter?: Interpreter;
  }
>;

export type RecordHouseSearch = Command<'RecordHouseSearch', ActionData & { address: string; findings: string }>;

export type RecordObservation = Command<'RecordObservation', ActionData & { target: string }>;

export type RecordCameraFootageRequest = Command<
  'RecordCameraFootageRequest',
  ActionData & { source: string; periodFrom: string; periodTo: string }
>;

export type RecordTelephonyEnquiry = Command<'RecordTelephonyEnquiry', ActionData & { subject: string; scope: string }>;

export type RecordBankEnquiry = Command<'RecordBankEnquiry', ActionData & { institution: string; subject: string }>;

export type RecordAnprLookup = Command<
  'RecordAnprLookup',
  ActionData & { plate: string; periodFrom: string; periodTo: string; hits: number }
>;

export type RecordTraceCollection = Command<'RecordTraceCollection', ActionData & { description: string; place: string }>;

export type RecordArrest = Command<'RecordArrest', ActionData & { partyLinkId: string; place: string }>;

export type RecordBringingBeforeMagistrate = Command<
  'RecordBringingBeforeMagistrate',
  ActionData & { partyLinkId: string; magistrate: Authority }
>;

export type CreateTask = Command<'CreateTask', { taskId: string; title: string; assignee: string; dueDate: string }>;

export type CompleteTask = Command<'CompleteTask', { taskId: string }>;

export type ReceiveParketTask = Command<
  'ReceiveParketTask',
  { parketTaskId: string; from: AuthorityRef; description: string; deadline: string }
>;

export type DistributeParketTask = Command<'DistributeParketTask', { parketTaskId: string; assignee: string; team?: string }>;

export type CompleteParketTask = Command<'CompleteParketTask', { parketTaskId: string; result: string }>;

export type JoinReport = Command<'JoinReport', { reportId: string; pvNumber?: string; reason: string }>;

/** The data of `evidence.ItemRegistered.v1`, turned into a local command by the consumer. */
export type LinkEvidence = Command<
  'LinkEvidence',
  {
    itemId: string;
    labelNumber: string;
    investigationId?: string;
    pvNumber?: string;
    category: string;
    description: string;
    seizedAt: string;
    registeredAt: string;
    custodian: string;
  }
>;

/** The data of `evidence.LabResultReceived.v1`. */
export type LinkLabResult = Command<
  'LinkLabResult',
  {
    itemId: string;
    investigationId?: string;
    laboratory: string;
    labReference: string;
    analysis: string;
    conclusion: string;
    receivedAt: string;
  }
>;

export type AddSeriesLink = Command<'AddSeriesLink', { otherInvestigationId: string; reason: string }>;

export type RemoveSeriesLink = Command<'RemoveSeriesLink', { otherInvestigationId: string; reason: string }>;

export type ReportToMagistrate = Command<'ReportToMagistrate', { to: AuthorityRef; reportPvNumber: string; summary: string }>;

export type CloseInvestigation = Command<
  'CloseInvestigation',
  { outcome: ClosingOutcome; reason: string; transferredTo?: string; mergedInto?: string }
>;

export type ReopenInvestigation = Command<'ReopenInvestigation', { reason: string }>;

export type InvestigationCommand =
  | OpenInvestigationCommand
  | RecordDirectingAuthority
  | AssignInvestigationToTeam
  | AssignLeadInvestigator
  | AddTeamMember
  | RemoveTeamMember
  | LinkParty
  | UnlinkParty
  | IdentifyPerson
  | TracePerson
  | RecordHearing
  | RecordHouseSearch
  | RecordObservation
  | RecordCameraFootageRequest
  | RecordTelephonyEnquiry
  | RecordBankEnquiry
  | RecordAnprLookup
  | RecordTraceCollection
  | RecordArrest
  | RecordBringingBeforeMagistrate
  | CreateTask
  | CompleteTask
  | ReceiveParketTask
  | DistributeParketTask
  | CompleteParketTask
  | JoinReport
  | LinkEvidence
  | LinkLabResult
  | AddSeriesLink
  | RemoveSeriesLink
  | ReportToMagistrate
  | CloseInvestigation
  | ReopenInvestigation;
