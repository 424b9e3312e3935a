import { Command, CommandMetadata, hasDuplicates, isBlank, isCalendarDate, isInstant, isUuid, toIso } from './investigations.decide';
import {
  ACTION_KINDS,
  ActionKind,
  AnprLookupPerformed,
  Authority,
  AUTHORITIES,
  AuthorityRef,
  BankEnquiryPerformed,
  CameraFootageRequested,
  CLOSING_OUTCOMES,
  ClosingOutcome,
  COERCIVE_ACTIONS,
  DirectingAuthorityRecorded,
  EvidenceLinked,
  HearingConducted,
  HouseSearchConducted,
  INVESTIGATION_KINDS,
  InvestigationAssignedToTeam,
  InvestigationClosed,
  InvestigationEvent,
  InvestigationKind,
  InvestigationOpened,
  InvestigationReopened,
  InvestigationReportedToMagistrate,
  Interpreter,
  LabResultLinked,
  LeadInvestigatorAssigned,
  LegalAssistance,
  ObservationConducted,
  Origin,
  ORIGIN_KINDS,
  ParketTaskCompleted,
  ParketTaskDistributed,
  ParketTaskReceived,
  PARTY_ROLES,
  PartyLinked,
  PartyRole,
  PartyUnlinked,
  PersonIdentified,
  PersonTraced,
  REPORT_KINDS,
  REPORT_PARTY_ROLES,
  ReportPartyRole,
  ReportJoined,
  SeriesLinkAdded,
  SeriesLinkRemoved,
  SuspectArrested,
  SuspectBroughtBeforeMagistrate,
  TaskCompleted,
  TaskCreated,
  TeamMemberAdded,
  TeamMemberRemoved,
  TelephonyEnquiryPerformed,
  TraceCollected,
} from './investigation.events';
import { InvalidInvestigationCommand, InvestigationClosedError, InvestigationConflict, InvestigationNotFound, seriesLinkNotFound } from './investigation.errors';
import { evolveInvestigation, Investigation, InvestigationState, labResultKey, OpenInvestigation, PartyLink, RoutingConfig } from './investigation.state';

/**
 * CONFIGURATION, per zone (F12: routing must be data-driven). The Gent LRD teams of domain §1.2.1, keyed by
 * the phenomenon codes the zone uses. The restricted teams are [INF]: §3.3 asks for need-to-know, the sources
 * do not say which teams; radicalisation and sexual offences are the working assumption.
 */
export const GENT_ROUTING: RoutingConfig = {
  routes: {
    autokraak: 'Team Diefstallen',
    woninginbraak: 'Team Diefstallen',
    autodiefstal: 'Team Diefstallen',
    homejacking: 'Team Diefstallen',
    home_invasion: 'Team Diefstallen',
    metaaldiefstal: 'Team Diefstallen',
    drugs: 'Team Drugs',
    ecofin: 'Team Ecofin',
    faillissement: 'Team Ecofin',
    jongerencriminaliteit: 'Team Jongerencriminaliteit',
    steaming: 'Team Jongerencriminaliteit',
    gauwdiefstal: 'Team Gauwdiefstallen',
    georganiseerde_winkeldiefstal: 'Team Gauwdiefstallen',
    mensenhandel: 'Team Meprosch',
    prostitutie: 'Team Meprosch',
    schijnrelatie: 'Team Meprosch',
    gewapende_overval: 'Team Geweld',
    slagen_en_verwondingen: 'Team Geweld',
    moord_doodslag: 'Team Geweld',
    verdwijning: 'Team Verdwijningen',
    ouderlijke_ontvoering: 'Team Verdwijningen',
    verkrachting: 'Team Zeden',
    aanranding: 'Team Zeden',
    exhibitionisme: 'Team Zeden',
    cam: 'Team Zeden',
    brandstichting: 'Team Bijzondere Crim',
    valsheid_in_geschriften: 'Team Bijzondere Crim',
    belaging: 'Team Bijzondere Crim',
    oplichting: 'Team Bijzondere Crim',
    misbruik_van_vertrouwen: 'Team Bijzondere Crim',
    namaak: 'Team Bijzondere Crim',
    kunstcriminaliteit: 'Team Bijzondere Crim',
    burgerlijke_partijstelling: 'Team Bijzondere Crim',
    vuurwapens: 'Team Bijzondere Crim',
    radicalisering: 'Team COPPRA',
    cybercrime: 'LCCU',
    vermogensontneming: 'Team PLUK',
  },
  restrictedTeams: ['Team COPPRA', 'Team Zeden'],
};

/** Which actions need their own authorisation (a warrant, a magistrate's order) besides the directing authority. */
export interface AuthorisationRules {
  requiresAuthorisation: ActionKind[];
}

/**
 * [INF] TO BE CONFIRMED with the parket: the sources say nothing about warrants. Working assumption from
 * Belgian criminal procedure: a house search, an observation, a telephony and a bank enquiry each need a
 * magistrate's order; an arrest and bringing before the magistrate rest on the directing authority alone.
 */
export const DEFAULT_AUTHORISATION_RULES: AuthorisationRules = {
  requiresAuthorisation: ['house_search', 'observation', 'telephony_enquiry', 'bank_enquiry'],
};

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
export type RecordCameraFootageRequest = Command<'RecordCameraFootageRequest', ActionData & { source: string; periodFrom: string; periodTo: string }>;
export type RecordTelephonyEnquiry = Command<'RecordTelephonyEnquiry', ActionData & { subject: string; scope: string }>;
export type RecordBankEnquiry = Command<'RecordBankEnquiry', ActionData & { institution: string; subject: string }>;
export type RecordAnprLookup = Command<'RecordAnprLookup', ActionData & { plate: string; periodFrom: string; periodTo: string; hits: number }>;
export type RecordTraceCollection = Command<'RecordTraceCollection', ActionData & { description: string; place: string }>;
export type RecordArrest = Command<'RecordArrest', ActionData & { partyLinkId: string; place: string }>;
export type RecordBringingBeforeMagistrate = Command<'RecordBringingBeforeMagistrate', ActionData & { partyLinkId: string; magistrate: Authority }>;

export type CreateTask = Command<'CreateTask', { taskId: string; title: string; assignee: string; dueDate: string }>;
export type CompleteTask = Command<'CompleteTask', { taskId: string }>;

export type ReceiveParketTask = Command<'ReceiveParketTask', { parketTaskId: string; from: AuthorityRef; description: string; deadline: string }>;
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
  { itemId: string; investigationId?: string; laboratory: string; labReference: string; analysis: string; conclusion: string; receivedAt: string }
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

export function decideInvestigation(state: InvestigationState, command: InvestigationCommand): InvestigationEvent[] {
  switch (command.type) {
    case 'OpenInvestigation':
      return decideOpenInvestigation(state, command);
    case 'RecordDirectingAuthority':
      return decideRecordDirectingAuthority(state, command);
    case 'AssignInvestigationToTeam':
      return decideAssignInvestigationToTeam(state, command);
    case 'AssignLeadInvestigator':
      return decideAssignLeadInvestigator(state, command);
    case 'AddTeamMember':
      return decideAddTeamMember(state, command);
    case 'RemoveTeamMember':
      return decideRemoveTeamMember(state, command);
    case 'LinkParty':
      return decideLinkParty(state, command);
    case 'UnlinkParty':
      return decideUnlinkParty(state, command);
    case 'IdentifyPerson':
      return decideIdentifyPerson(state, command);
    case 'TracePerson':
      return decideTracePerson(state, command);
    case 'RecordHearing':
      return decideRecordHearing(state, command);
    case 'RecordHouseSearch':
      return decideRecordHouseSearch(state, command);
    case 'RecordObservation':
      return decideRecordObservation(state, command);
    case 'RecordCameraFootageRequest':
      return decideRecordCameraFootageRequest(state, command);
    case 'RecordTelephonyEnquiry':
      return decideRecordTelephonyEnquiry(state, command);
    case 'RecordBankEnquiry':
      return decideRecordBankEnquiry(state, command);
    case 'RecordAnprLookup':
      return decideRecordAnprLookup(state, command);
    case 'RecordTraceCollection':
      return decideRecordTraceCollection(state, command);
    case 'RecordArrest':
      return decideRecordArrest(state, command);
    case 'RecordBringingBeforeMagistrate':
      return decideRecordBringingBeforeMagistrate(state, command);
    case 'CreateTask':
      return decideCreateTask(state, command);
    case 'CompleteTask':
      return decideCompleteTask(state, command);
    case 'ReceiveParketTask':
      return decideReceiveParketTask(state, command);
    case 'DistributeParketTask':
      return decideDistributeParketTask(state, command);
    case 'CompleteParketTask':
      return decideCompleteParketTask(state, command);
    case 'JoinReport':
      return decideJoinReport(state, command);
    case 'LinkEvidence':
      return decideLinkEvidence(state, command);
    case 'LinkLabResult':
      return decideLinkLabResult(state, command);
    case 'AddSeriesLink':
      return decideAddSeriesLink(state, command);
    case 'RemoveSeriesLink':
      return decideRemoveSeriesLink(state, command);
    case 'ReportToMagistrate':
      return decideReportToMagistrate(state, command);
    case 'CloseInvestigation':
      return decideCloseInvestigation(state, command);
    case 'ReopenInvestigation':
      return decideReopenInvestigation(state, command);
  }
}

export function decideOpenInvestigation(state: InvestigationState, { data, metadata }: OpenInvestigationCommand): [InvestigationOpened] {
  if (state.status === 'closed') throw new InvestigationClosedError(state);
  if (state.status === 'open') throw new InvestigationConflict('investigation_already_opened', `Investigation ${state.investigationId} is already open`);

  if (!isUuid(data.investigationId)) throw new InvalidInvestigationCommand('invalid_id', 'The investigation id must be a UUID', 'investigationId');
  requireOneOf(data.kind, INVESTIGATION_KINDS, 'kind');
  requireText(data, ['phenomenon', 'title']);
  const origin = validOrigin(data.origin);
  if (data.directingAuthority !== undefined) requireAuthorityForKind(validAuthorityRef(data.directingAuthority, 'directingAuthority'), data.kind);
  if (data.team !== undefined && isBlank(data.team)) throw new InvalidInvestigationCommand('required', 'The team may not be blank', 'team');
  const team = data.team ?? route(data.routing, data.phenomenon);

  return [
    {
      type: 'InvestigationOpened',
      data: {
        investigationId: data.investigationId,
        kind: data.kind,
        origin,
        ...(data.directingAuthority !== undefined && { directingAuthority: authorityRef(data.directingAuthority) }),
        phenomenon: data.phenomenon,
        title: data.title,
        team,
        routedBy: data.team !== undefined ? 'manual' : 'configuration',
        recordedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

/** [INF] How a report's party roles become case roles: the complainant is not presumed to be the victim. */
export const REPORT_PARTY_ROLE: Record<ReportPartyRole, PartyRole> = {
  aangever: 'other',
  slachtoffer: 'victim',
  benadeelde: 'victim',
  verdachte: 'suspect',
  getuige: 'witness',
  andere: 'other',
};

/**
 * Opening from a referred report also links the report's parties, so detectives do not retype them. The
 * report lists a person once per role (a reporter who is also the victim comes twice), so the roles are
 * taken per person: each distinct case role once, `other` only when the person has no other role. The
 * first link's id is the report's party id, a further role's is `<partyId>:<role>`; a suspect named in a
 * report is not taken as identified.
 */
export function decideOpenWithReportParties(state: InvestigationState, command: OpenInvestigationCommand): InvestigationEvent[] {
  const [opened] = decideOpenInvestigation(state, command);
  const origin = opened.data.origin;
  if (origin.kind !== 'report') return [opened];
  const people = new Map<string, { displayName: string; roles: PartyRole[] }>();
  for (const party of origin.report.parties) {
    const person = people.get(party.partyId) ?? { displayName: party.displayName, roles: [] };
    const role = REPORT_PARTY_ROLE[party.role];
    if (!person.roles.includes(role)) person.roles.push(role);
    people.set(party.partyId, person);
  }
  const events: InvestigationEvent[] = [opened];
  let current = evolveInvestigation(state, opened);
  for (const [partyId, person] of people) {
    const roles = person.roles.length > 1 ? person.roles.filter((r) => r !== 'other') : person.roles;
    roles.forEach((role, i) => {
      const [linked] = decideLinkParty(current, {
        type: 'LinkParty',
        data: { partyLinkId: i === 0 ? partyId : `${partyId}:${role}`, personId: partyId, displayName: person.displayName, role, identified: role !== 'suspect', traced: false },
        metadata: command.metadata,
      });
      events.push(linked);
      current = evolveInvestigation(current, linked);
    });
  }
  return events;
}

export function decideRecordDirectingAuthority(state: InvestigationState, { data, metadata }: RecordDirectingAuthority): [DirectingAuthorityRecorded] {
  const investigation = open(state);
  requireOneOf(data.kind, INVESTIGATION_KINDS, 'kind');
  requireAuthorityForKind(validAuthorityRef(data.directingAuthority, 'directingAuthority'), data.kind);
  return [
    {
      type: 'DirectingAuthorityRecorded',
      data: {
        ...recorded(investigation, metadata),
        directingAuthority: authorityRef(data.directingAuthority),
        kind: data.kind,
        ...(investigation.directingAuthority !== null && { previous: investigation.directingAuthority }),
        previousKind: investigation.kind,
      },
    },
  ];
}

export function decideAssignInvestigationToTeam(state: InvestigationState, { data, metadata }: AssignInvestigationToTeam): [InvestigationAssignedToTeam] {
  const investigation = open(state);
  requireText(data, ['reason']);
  if (data.team !== undefined && isBlank(data.team)) throw new InvalidInvestigationCommand('required', 'The team may not be blank', 'team');
  const team = data.team ?? route(data.routing, investigation.phenomenon);
  if (team === investigation.team) throw new InvestigationConflict('same_team', `Investigation ${investigation.investigationId} is already with ${team}`);
  return [
    {
      type: 'InvestigationAssignedToTeam',
      data: {
        ...recorded(investigation, metadata),
        team,
        previousTeam: investigation.team,
        routedBy: data.team !== undefined ? 'manual' : 'configuration',
        reason: data.reason,
        ...(investigation.leadInvestigator !== null && { leadInvestigator: investigation.leadInvestigator }),
      },
    },
  ];
}

export function decideAssignLeadInvestigator(state: InvestigationState, { data, metadata }: AssignLeadInvestigator): [LeadInvestigatorAssigned] {
  const investigation = open(state);
  requireText(data, ['staffId']);
  const previous = investigation.leadInvestigator;
  if (previous === data.staffId) throw new InvestigationConflict('same_lead_investigator', `${data.staffId} already leads this investigation`);
  if (previous !== null && isBlank(data.reason)) {
    throw new InvalidInvestigationCommand('required', `Replacing lead investigator ${previous} needs a reason`, 'reason');
  }
  if (data.reason !== undefined && isBlank(data.reason)) throw new InvalidInvestigationCommand('required', 'A reason may not be blank', 'reason');
  return [
    {
      type: 'LeadInvestigatorAssigned',
      data: {
        ...recorded(investigation, metadata),
        leadInvestigator: data.staffId,
        ...(previous !== null && { previousLeadInvestigator: previous }),
        ...(data.reason !== undefined && { reason: data.reason }),
        team: investigation.team,
      },
    },
  ];
}

export function decideAddTeamMember(state: InvestigationState, { data, metadata }: AddTeamMember): [TeamMemberAdded] {
  const investigation = open(state);
  requireText(data, ['staffId']);
  if (investigation.members.includes(data.staffId) || investigation.leadInvestigator === data.staffId) {
    throw new InvestigationConflict('already_a_member', `${data.staffId} already works on this investigation`);
  }
  return [{ type: 'TeamMemberAdded', data: { ...recorded(investigation, metadata), staffId: data.staffId } }];
}

export function decideRemoveTeamMember(state: InvestigationState, { data, metadata }: RemoveTeamMember): [TeamMemberRemoved] {
  const investigation = open(state);
  requireText(data, ['staffId', 'reason']);
  if (!investigation.members.includes(data.staffId)) throw new InvestigationNotFound('member_not_found', `${data.staffId} is not a member of this investigation`);
  return [{ type: 'TeamMemberRemoved', data: { ...recorded(investigation, metadata), staffId: data.staffId, reason: data.reason } }];
}

export function decideLinkParty(state: InvestigationState, { data, metadata }: LinkParty): [PartyLinked] {
  const investigation = open(state);
  requireText(data, ['partyLinkId', 'personId', 'displayName']);
  requireOneOf(data.role, PARTY_ROLES, 'role');
  requireBoolean(data.identified, 'identified');
  requireBoolean(data.traced, 'traced');
  if (investigation.parties[data.partyLinkId] !== undefined) {
    throw new InvestigationConflict('party_already_linked', `Party link ${data.partyLinkId} is already in use`);
  }
  const same = Object.values(investigation.parties).find((l) => l.unlinkedAt === undefined && l.personId === data.personId && l.role === data.role);
  if (same) throw new InvestigationConflict('party_already_linked', `${data.displayName} is already linked as ${data.role} (${same.partyLinkId})`);
  const { partyLinkId, personId, displayName, role, identified, traced } = data;
  return [{ type: 'PartyLinked', data: { ...recorded(investigation, metadata), partyLinkId, personId, displayName, role, identified, traced } }];
}

export function decideUnlinkParty(state: InvestigationState, { data, metadata }: UnlinkParty): [PartyUnlinked] {
  const investigation = open(state);
  const link = activeLink(investigation, data.partyLinkId);
  requireText(data, ['reason']);
  return [
    {
      type: 'PartyUnlinked',
      data: { ...recorded(investigation, metadata), partyLinkId: link.partyLinkId, personId: link.personId, role: link.role, reason: data.reason },
    },
  ];
}

export function decideIdentifyPerson(state: InvestigationState, { data, metadata }: IdentifyPerson): [PersonIdentified] {
  const investigation = open(state);
  const link = activeLink(investigation, data.partyLinkId);
  requireText(data, ['personId', 'how']);
  if (link.identified) throw new InvestigationConflict('already_identified', `${link.displayName} is already identified`);
  return [{ type: 'PersonIdentified', data: { ...recorded(investigation, metadata), partyLinkId: link.partyLinkId, personId: data.personId, how: data.how } }];
}

export function decideTracePerson(state: InvestigationState, { data, metadata }: TracePerson): [PersonTraced] {
  const investigation = open(state);
  const link = activeLink(investigation, data.partyLinkId);
  requireText(data, ['place']);
  requireInstant(data.tracedAt, 'tracedAt');
  requireNotAfterNow(data.tracedAt, metadata, 'tracedAt');
  if (link.traced) throw new InvestigationConflict('already_traced', `${link.displayName} is already traced`);
  return [
    {
      type: 'PersonTraced',
      data: { ...recorded(investigation, metadata), partyLinkId: link.partyLinkId, personId: link.personId, tracedAt: toIso(data.tracedAt), place: data.place },
    },
  ];
}

export function decideRecordHearing(state: InvestigationState, { data, metadata }: RecordHearing): [HearingConducted] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'hearing', data, metadata);
  const link = activeLink(investigation, data.partyLinkId);
  requireBoolean(data.deferredSalduz, 'deferredSalduz');
  requireBoolean(data.minor, 'minor');
  if (data.deferredSalduz && link.role !== 'suspect') {
    throw new InvalidInvestigationCommand('salduz_requires_suspect', `A deferred Salduz hearing is a suspect's hearing; ${link.displayName} is linked as ${link.role}`, 'deferredSalduz');
  }
  const legalAssistance = validLegalAssistance(data.legalAssistance, link, data.minor);
  const interpreter = data.interpreter !== undefined ? validInterpreter(data.interpreter) : undefined;
  return [
    {
      type: 'HearingConducted',
      data: {
        ...base,
        endedAt: base.endedAt ?? toIso(data.endedAt),
        partyLinkId: link.partyLinkId,
        personId: link.personId,
        role: link.role,
        deferredSalduz: data.deferredSalduz,
        minor: data.minor,
        legalAssistance,
        ...(interpreter !== undefined && { interpreter }),
      },
    },
  ];
}

export function decideRecordHouseSearch(state: InvestigationState, { data, metadata }: RecordHouseSearch): [HouseSearchConducted] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'house_search', data, metadata);
  requireText(data, ['address', 'findings']);
  return [{ type: 'HouseSearchConducted', data: { ...base, address: data.address, findings: data.findings } }];
}

export function decideRecordObservation(state: InvestigationState, { data, metadata }: RecordObservation): [ObservationConducted] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'observation', data, metadata);
  requireText(data, ['target']);
  return [{ type: 'ObservationConducted', data: { ...base, target: data.target } }];
}

export function decideRecordCameraFootageRequest(state: InvestigationState, { data, metadata }: RecordCameraFootageRequest): [CameraFootageRequested] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'camera_enquiry', data, metadata);
  requireText(data, ['source']);
  const period = validPeriod(data.periodFrom, data.periodTo);
  return [{ type: 'CameraFootageRequested', data: { ...base, source: data.source, ...period } }];
}

export function decideRecordTelephonyEnquiry(state: InvestigationState, { data, metadata }: RecordTelephonyEnquiry): [TelephonyEnquiryPerformed] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'telephony_enquiry', data, metadata);
  requireText(data, ['subject', 'scope']);
  return [{ type: 'TelephonyEnquiryPerformed', data: { ...base, subject: data.subject, scope: data.scope } }];
}

export function decideRecordBankEnquiry(state: InvestigationState, { data, metadata }: RecordBankEnquiry): [BankEnquiryPerformed] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'bank_enquiry', data, metadata);
  requireText(data, ['institution', 'subject']);
  return [{ type: 'BankEnquiryPerformed', data: { ...base, institution: data.institution, subject: data.subject } }];
}

export function decideRecordAnprLookup(state: InvestigationState, { data, metadata }: RecordAnprLookup): [AnprLookupPerformed] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'anpr_lookup', data, metadata);
  requireText(data, ['plate']);
  const period = validPeriod(data.periodFrom, data.periodTo);
  if (!Number.isInteger(data.hits) || data.hits < 0) throw new InvalidInvestigationCommand('invalid_value', 'hits must be a whole number, 0 or more', 'hits');
  return [{ type: 'AnprLookupPerformed', data: { ...base, plate: data.plate, ...period, hits: data.hits } }];
}

export function decideRecordTraceCollection(state: InvestigationState, { data, metadata }: RecordTraceCollection): [TraceCollected] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'trace_collection', data, metadata);
  requireText(data, ['description', 'place']);
  return [{ type: 'TraceCollected', data: { ...base, description: data.description, place: data.place } }];
}

export function decideRecordArrest(state: InvestigationState, { data, metadata }: RecordArrest): [SuspectArrested] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'arrest', data, metadata);
  const link = suspectLink(investigation, data.partyLinkId);
  requireText(data, ['place']);
  return [{ type: 'SuspectArrested', data: { ...base, partyLinkId: link.partyLinkId, personId: link.personId, place: data.place } }];
}

export function decideRecordBringingBeforeMagistrate(
  state: InvestigationState,
  { data, metadata }: RecordBringingBeforeMagistrate,
): [SuspectBroughtBeforeMagistrate] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'brought_before_magistrate', data, metadata);
  const link = suspectLink(investigation, data.partyLinkId);
  requireOneOf(data.magistrate, AUTHORITIES, 'magistrate');
  return [
    {
      type: 'SuspectBroughtBeforeMagistrate',
      data: { ...base, partyLinkId: link.partyLinkId, personId: link.personId, magistrate: data.magistrate },
    },
  ];
}

export function decideCreateTask(state: InvestigationState, { data, metadata }: CreateTask): [TaskCreated] {
  const investigation = open(state);
  requireText(data, ['taskId', 'title', 'assignee']);
  requireDate(data.dueDate, 'dueDate');
  if (investigation.tasks[data.taskId] !== undefined) throw new InvestigationConflict('task_id_in_use', `Task ${data.taskId} already exists`);
  const { taskId, title, assignee, dueDate } = data;
  return [{ type: 'TaskCreated', data: { ...recorded(investigation, metadata), taskId, title, assignee, dueDate } }];
}

export function decideCompleteTask(state: InvestigationState, { data, metadata }: CompleteTask): [TaskCompleted] {
  const investigation = open(state);
  const task = investigation.tasks[data.taskId];
  if (!task) throw new InvestigationNotFound('task_not_found', `No task ${data.taskId} on this investigation`);
  if (task.status === 'done') throw new InvestigationConflict('task_already_done', `Task ${task.taskId} is already done`);
  return [
    {
      type: 'TaskCompleted',
      data: { ...recorded(investigation, metadata), taskId: task.taskId, assignee: task.assignee, dueDate: task.dueDate, late: zoneDayOf(metadata.now) > task.dueDate },
    },
  ];
}

export function decideReceiveParketTask(state: InvestigationState, { data, metadata }: ReceiveParketTask): [ParketTaskReceived] {
  const investigation = open(state);
  requireText(data, ['parketTaskId', 'description']);
  const from = validAuthorityRef(data.from, 'from');
  requireDate(data.deadline, 'deadline');
  if (investigation.parketTasks[data.parketTaskId] !== undefined) {
    throw new InvestigationConflict('parket_task_id_in_use', `Parket task ${data.parketTaskId} was already received`);
  }
  return [
    {
      type: 'ParketTaskReceived',
      data: { ...recorded(investigation, metadata), parketTaskId: data.parketTaskId, from, description: data.description, deadline: data.deadline },
    },
  ];
}

export function decideDistributeParketTask(state: InvestigationState, { data, metadata }: DistributeParketTask): [ParketTaskDistributed] {
  const investigation = open(state);
  const task = parketTask(investigation, data.parketTaskId);
  requireText(data, ['assignee']);
  if (data.team !== undefined && isBlank(data.team)) throw new InvalidInvestigationCommand('required', 'The team may not be blank', 'team');
  return [
    {
      type: 'ParketTaskDistributed',
      data: {
        ...recorded(investigation, metadata),
        parketTaskId: task.parketTaskId,
        assignee: data.assignee,
        ...(data.team !== undefined && { team: data.team }),
        ...(task.assignee !== null && { previousAssignee: task.assignee }),
      },
    },
  ];
}

export function decideCompleteParketTask(state: InvestigationState, { data, metadata }: CompleteParketTask): [ParketTaskCompleted] {
  const investigation = open(state);
  const task = parketTask(investigation, data.parketTaskId);
  requireText(data, ['result']);
  return [
    {
      type: 'ParketTaskCompleted',
      data: {
        ...recorded(investigation, metadata),
        parketTaskId: task.parketTaskId,
        from: task.from,
        result: data.result,
        deadline: task.deadline,
        late: zoneDayOf(metadata.now) > task.deadline,
      },
    },
  ];
}

export function decideJoinReport(state: InvestigationState, { data, metadata }: JoinReport): [ReportJoined] {
  const investigation = open(state);
  requireUuid(data.reportId, 'reportId');
  requireText(data, ['reason']);
  if (data.pvNumber !== undefined && isBlank(data.pvNumber)) throw new InvalidInvestigationCommand('required', 'The PV number may not be blank', 'pvNumber');
  if (investigation.reports.includes(data.reportId)) throw new InvestigationConflict('report_already_joined', `Report ${data.reportId} is already part of this investigation`);
  return [
    {
      type: 'ReportJoined',
      data: { ...recorded(investigation, metadata), reportId: data.reportId, ...(data.pvNumber !== undefined && { pvNumber: data.pvNumber }), reason: data.reason },
    },
  ];
}

/** Redelivery of the same item is a no-op: the consumer may see an integration event more than once. */
export function decideLinkEvidence(state: InvestigationState, { data, metadata }: LinkEvidence): EvidenceLinked[] {
  const investigation = linkable(state);
  requireUuid(data.itemId, 'itemId');
  requireSameInvestigation(investigation, data.investigationId);
  requireText(data, ['labelNumber', 'category', 'description', 'custodian']);
  requireInstant(data.seizedAt, 'seizedAt');
  requireInstant(data.registeredAt, 'registeredAt');
  if (investigation.evidenceItems.includes(data.itemId)) return [];
  const { itemId, labelNumber, pvNumber, category, description, custodian } = data;
  return [
    {
      type: 'EvidenceLinked',
      data: {
        ...recorded(investigation, metadata),
        itemId,
        labelNumber,
        ...(pvNumber !== undefined && { pvNumber }),
        category,
        description,
        seizedAt: toIso(data.seizedAt),
        registeredAt: toIso(data.registeredAt),
        custodian,
        ...(investigation.status === 'closed' && { afterClosure: true as const }),
      },
    },
  ];
}

/** Redelivery of the same result (item and lab reference) is a no-op. */
export function decideLinkLabResult(state: InvestigationState, { data, metadata }: LinkLabResult): LabResultLinked[] {
  const investigation = linkable(state);
  requireUuid(data.itemId, 'itemId');
  requireSameInvestigation(investigation, data.investigationId);
  requireText(data, ['laboratory', 'labReference', 'analysis', 'conclusion']);
  requireInstant(data.receivedAt, 'receivedAt');
  if (investigation.labResults.includes(labResultKey(data.itemId, data.labReference))) return [];
  const { itemId, laboratory, labReference, analysis, conclusion } = data;
  return [
    {
      type: 'LabResultLinked',
      data: {
        ...recorded(investigation, metadata),
        itemId,
        laboratory,
        labReference,
        analysis,
        conclusion,
        receivedAt: toIso(data.receivedAt),
        ...(investigation.status === 'closed' && { afterClosure: true as const }),
      },
    },
  ];
}

export function decideAddSeriesLink(state: InvestigationState, { data, metadata }: AddSeriesLink): [SeriesLinkAdded] {
  const investigation = open(state);
  requireUuid(data.otherInvestigationId, 'otherInvestigationId');
  requireText(data, ['reason']);
  if (data.otherInvestigationId === investigation.investigationId) {
    throw new InvalidInvestigationCommand('series_link_to_itself', 'An investigation cannot be in a series with itself', 'otherInvestigationId');
  }
  if (investigation.seriesLinks.includes(data.otherInvestigationId)) {
    throw new InvestigationConflict('series_link_exists', `Investigation ${data.otherInvestigationId} is already linked in a series with this one`);
  }
  return [{ type: 'SeriesLinkAdded', data: { ...recorded(investigation, metadata), otherInvestigationId: data.otherInvestigationId, reason: data.reason } }];
}

export function decideRemoveSeriesLink(state: InvestigationState, { data, metadata }: RemoveSeriesLink): [SeriesLinkRemoved] {
  const investigation = open(state);
  requireText(data, ['reason']);
  if (!investigation.seriesLinks.includes(data.otherInvestigationId)) {
    throw seriesLinkNotFound();
  }
  return [{ type: 'SeriesLinkRemoved', data: { ...recorded(investigation, metadata), otherInvestigationId: data.otherInvestigationId, reason: data.reason } }];
}

export function decideReportToMagistrate(state: InvestigationState, { data, metadata }: ReportToMagistrate): [InvestigationReportedToMagistrate] {
  const investigation = open(state);
  const to = validAuthorityRef(data.to, 'to');
  requireText(data, ['reportPvNumber', 'summary']);
  if (investigation.reportedToMagistrate !== null) {
    throw new InvestigationConflict('already_reported_to_magistrate', `Investigation ${investigation.investigationId} was already reported (${investigation.reportedToMagistrate.reportPvNumber})`);
  }
  return [
    {
      type: 'InvestigationReportedToMagistrate',
      data: { ...recorded(investigation, metadata), to, reportPvNumber: data.reportPvNumber, summary: data.summary },
    },
  ];
}

export function decideCloseInvestigation(state: InvestigationState, { data, metadata }: CloseInvestigation): [InvestigationClosed] {
  const investigation = open(state);
  requireOneOf(data.outcome, CLOSING_OUTCOMES, 'outcome');
  requireText(data, ['reason']);
  if (data.outcome === 'reported_to_magistrate' && investigation.reportedToMagistrate === null) {
    throw new InvestigationConflict('not_reported_to_magistrate', 'Report the investigation to the magistrate before closing it with that outcome');
  }
  if (data.outcome === 'transferred_to_federal_police') requireText(data, ['transferredTo']);
  else if (data.transferredTo !== undefined) throw new InvalidInvestigationCommand('invalid_value', 'transferredTo belongs to a transfer only', 'transferredTo');
  if (data.outcome === 'merged_into_other_investigation') {
    requireUuid(data.mergedInto ?? '', 'mergedInto');
    if (data.mergedInto === investigation.investigationId) {
      throw new InvalidInvestigationCommand('invalid_id', 'An investigation cannot be merged into itself', 'mergedInto');
    }
  } else if (data.mergedInto !== undefined) throw new InvalidInvestigationCommand('invalid_value', 'mergedInto belongs to a merger only', 'mergedInto');
  return [
    {
      type: 'InvestigationClosed',
      data: {
        ...recorded(investigation, metadata),
        outcome: data.outcome,
        reason: data.reason,
        ...(data.transferredTo !== undefined && { transferredTo: data.transferredTo }),
        ...(data.mergedInto !== undefined && { mergedInto: data.mergedInto }),
      },
    },
  ];
}

export function decideReopenInvestigation(state: InvestigationState, { data, metadata }: ReopenInvestigation): [InvestigationReopened] {
  if (state.status === 'unopened') throw new InvestigationNotFound('investigation_not_found', 'No investigation with this id was opened');
  if (state.status !== 'closed') throw new InvestigationConflict('investigation_not_closed', `Investigation ${state.investigationId} is not closed`);
  requireText(data, ['reason']);
  return [
    {
      type: 'InvestigationReopened',
      data: {
        investigationId: state.investigationId,
        recordedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
        reason: data.reason,
        previousOutcome: state.closure.outcome,
        closedAt: state.closure.closedAt,
      },
    },
  ];
}

function open(state: InvestigationState): OpenInvestigation {
  if (state.status === 'unopened') throw new InvestigationNotFound('investigation_not_found', 'No investigation with this id was opened');
  if (state.status === 'closed') throw new InvestigationClosedError(state);
  return state;
}

/**
 * Evidence and lab results come from the evidence service after the fact: a closed investigation still
 * takes them (flagged), since losing them would break the case file; only an unknown one refuses.
 */
function linkable(state: InvestigationState): Investigation {
  if (state.status === 'unopened') throw new InvestigationNotFound('investigation_not_found', 'No investigation with this id was opened');
  return state;
}

function recorded(investigation: Investigation, metadata: CommandMetadata): { investigationId: string; recordedBy: string; recordedAt: string } {
  return { investigationId: investigation.investigationId, recordedBy: metadata.actor.staffId, recordedAt: toIso(metadata.now) };
}

function route(routing: RoutingConfig, phenomenon: string): string {
  const team = Object.prototype.hasOwnProperty.call(routing.routes, phenomenon) ? routing.routes[phenomenon] : undefined;
  if (team === undefined || isBlank(team)) {
    throw new InvalidInvestigationCommand('no_route_for_phenomenon', `The zone routes no team for phenomenon "${phenomenon}": name the team`, 'phenomenon');
  }
  return team;
}

/**
 * R-INV-1: a coercive action needs a directing authority on the investigation; any action the zone's table
 * lists needs its own authorisation too. Returns the fields every action event shares.
 */
function actionRecord(investigation: OpenInvestigation, kind: ActionKind, data: ActionData, metadata: CommandMetadata) {
  requireText(data, ['actionId']);
  if (investigation.actions[data.actionId] !== undefined) throw new InvestigationConflict('action_id_in_use', `Action ${data.actionId} is already recorded`);
  if (data.performedBy.length === 0 || data.performedBy.some((id) => isBlank(id))) {
    throw new InvalidInvestigationCommand('required', 'Name who performed the action', 'performedBy');
  }
  if (hasDuplicates([...data.performedBy])) throw new InvalidInvestigationCommand('invalid_value', 'performedBy names someone twice', 'performedBy');
  requireInstant(data.startedAt, 'startedAt');
  requireNotAfterNow(data.startedAt, metadata, 'startedAt');
  if (data.endedAt !== undefined) {
    requireInstant(data.endedAt, 'endedAt');
    requireNotAfterNow(data.endedAt, metadata, 'endedAt');
    if (Date.parse(data.endedAt) < Date.parse(data.startedAt)) throw new InvalidInvestigationCommand('end_before_start', 'The action cannot end before it started', 'endedAt');
  }
  if ((COERCIVE_ACTIONS as readonly ActionKind[]).includes(kind) && investigation.directingAuthority === null) {
    throw new InvestigationConflict(
      'directing_authority_required',
      `A ${kind.replaceAll('_', ' ')} is a coercive action: record the directing magistrate and their reference on the investigation first`,
    );
  }
  data.authorisationRules.requiresAuthorisation.forEach((k) => requireOneOf(k, ACTION_KINDS, 'authorisationRules.requiresAuthorisation'));
  if (data.authorisationRules.requiresAuthorisation.includes(kind) && data.authorisation === undefined) {
    throw new InvalidInvestigationCommand('authorisation_required', `A ${kind.replaceAll('_', ' ')} needs the magistrate's authorisation and its reference`, 'authorisation');
  }
  const authorisation = data.authorisation !== undefined ? validAuthorityRef(data.authorisation, 'authorisation') : undefined;
  return {
    ...recorded(investigation, metadata),
    actionId: data.actionId,
    performedBy: [...data.performedBy],
    startedAt: toIso(data.startedAt),
    ...(data.endedAt !== undefined && { endedAt: toIso(data.endedAt) }),
    ...(authorisation !== undefined && { authorisation }),
    ...(investigation.directingAuthority !== null && { directingAuthority: investigation.directingAuthority }),
  };
}

/** Salduz [INF]: a suspect is heard with a lawyer or has waived one; a minor cannot waive. */
function validLegalAssistance(value: LegalAssistance, link: PartyLink, minor: boolean): LegalAssistance {
  requireOneOf(value.kind, ['present', 'waived', 'not_applicable'], 'legalAssistance.kind');
  if (value.kind === 'waived' && minor) {
    throw new InvalidInvestigationCommand('minor_cannot_waive_lawyer', 'A minor cannot waive the assistance of a lawyer', 'legalAssistance');
  }
  if (value.kind === 'not_applicable' && link.role === 'suspect') {
    throw new InvalidInvestigationCommand('lawyer_required', 'A suspect is heard with a lawyer present or after waiving one', 'legalAssistance');
  }
  if (value.kind === 'present') {
    if (isBlank(value.lawyer)) throw new InvalidInvestigationCommand('required', 'Name the lawyer present', 'legalAssistance.lawyer');
    return { kind: 'present', lawyer: value.lawyer };
  }
  return { kind: value.kind };
}

function validInterpreter(value: Interpreter): Interpreter {
  if (isBlank(value.language)) throw new InvalidInvestigationCommand('required', 'The interpreter language is required', 'interpreter.language');
  if (isBlank(value.name)) throw new InvalidInvestigationCommand('required', 'The interpreter name is required', 'interpreter.name');
  return { language: value.language, name: value.name };
}

function validPeriod(periodFrom: string, periodTo: string): { periodFrom: string; periodTo: string } {
  requireInstant(periodFrom, 'periodFrom');
  requireInstant(periodTo, 'periodTo');
  if (Date.parse(periodTo) < Date.parse(periodFrom)) throw new InvalidInvestigationCommand('end_before_start', 'The period cannot end before it starts', 'periodTo');
  return { periodFrom: toIso(periodFrom), periodTo: toIso(periodTo) };
}

function validOrigin(origin: Origin): Origin {
  requireOneOf(origin.kind, ORIGIN_KINDS, 'origin.kind');
  switch (origin.kind) {
    case 'report': {
      const r = origin.report;
      requireUuid(r.reportId, 'origin.report.reportId');
      requireOneOf(r.kind, REPORT_KINDS, 'origin.report.kind');
      if (isBlank(r.incidentType)) throw new InvalidInvestigationCommand('required', 'The incident type is required', 'origin.report.incidentType');
      if (isBlank(r.summary)) throw new InvalidInvestigationCommand('required', 'The summary is required', 'origin.report.summary');
      if (isBlank(r.place.municipality)) throw new InvalidInvestigationCommand('required', 'The municipality is required', 'origin.report.place.municipality');
      requireInstant(r.incidentFrom, 'origin.report.incidentFrom');
      if (r.incidentTo !== undefined) requireInstant(r.incidentTo, 'origin.report.incidentTo');
      r.parties.forEach((p, i) => requireOneOf(p.role, REPORT_PARTY_ROLES, `origin.report.parties[${i}].role`));
      return {
        kind: 'report',
        report: {
          reportId: r.reportId,
          ...(r.pvNumber !== undefined && { pvNumber: r.pvNumber }),
          kind: r.kind,
          incidentType: r.incidentType,
          incidentFrom: toIso(r.incidentFrom),
          ...(r.incidentTo !== undefined && { incidentTo: toIso(r.incidentTo) }),
          place: {
            municipality: r.place.municipality,
            ...(r.place.postalCode !== undefined && { postalCode: r.place.postalCode }),
            ...(r.place.address !== undefined && { address: r.place.address }),
          },
          summary: r.summary,
          parties: r.parties.map(({ partyId, role, displayName }) => ({ partyId, role, displayName })),
        },
      };
    }
    case 'parket':
    case 'onderzoeksrechter':
      requireOneOf(origin.instruction, ['kantschrift', 'opdracht'], 'origin.instruction');
      if (isBlank(origin.reference)) throw new InvalidInvestigationCommand('required', 'The instruction reference is required', 'origin.reference');
      return { kind: origin.kind, instruction: origin.instruction, reference: origin.reference };
    case 'andere_politiedienst':
      if (isBlank(origin.service)) throw new InvalidInvestigationCommand('required', 'Name the police service', 'origin.service');
      if (origin.reference !== undefined && isBlank(origin.reference)) throw new InvalidInvestigationCommand('required', 'A reference may not be blank', 'origin.reference');
      return { kind: origin.kind, service: origin.service, ...(origin.reference !== undefined && { reference: origin.reference }) };
    case 'eigen_organisatie':
      if (isBlank(origin.unit)) throw new InvalidInvestigationCommand('required', 'Name the unit', 'origin.unit');
      return { kind: origin.kind, unit: origin.unit };
    case 'eigen_initiatief':
      return { kind: 'eigen_initiatief' };
  }
}

function validAuthorityRef(value: AuthorityRef, field: string): AuthorityRef {
  requireOneOf(value.authority, AUTHORITIES, `${field}.authority`);
  if (isBlank(value.reference)) throw new InvalidInvestigationCommand('required', `${field}.reference is required`, `${field}.reference`);
  return authorityRef(value);
}

function authorityRef({ authority, reference }: AuthorityRef): AuthorityRef {
  return { authority, reference };
}

/** [INF] A gerechtelijk onderzoek is led by an onderzoeksrechter; an opsporingsonderzoek by the parket or the arbeidsauditeur. */
function requireAuthorityForKind(ref: AuthorityRef, kind: InvestigationKind): void {
  const matches = kind === 'gerechtelijk_onderzoek' ? ref.authority === 'onderzoeksrechter' : ref.authority !== 'onderzoeksrechter';
  if (!matches) {
    throw new InvalidInvestigationCommand('authority_does_not_match_kind', `A ${kind.replaceAll('_', ' ')} is not directed by the ${ref.authority.replaceAll('_', ' ')}`, 'directingAuthority.authority');
  }
}

function activeLink(investigation: OpenInvestigation, partyLinkId: string): PartyLink {
  const link = investigation.parties[partyLinkId];
  if (!link) throw new InvestigationNotFound('party_link_not_found', `No party link ${partyLinkId} on this investigation`);
  if (link.unlinkedAt !== undefined) throw new InvestigationConflict('party_unlinked', `${link.displayName} was unlinked from this investigation`);
  return link;
}

function suspectLink(investigation: OpenInvestigation, partyLinkId: string): PartyLink {
  const link = activeLink(investigation, partyLinkId);
  if (link.role !== 'suspect') throw new InvalidInvestigationCommand('wrong_party_role', `${link.displayName} is linked as ${link.role}, not as a suspect`, 'partyLinkId');
  return link;
}

function parketTask(investigation: OpenInvestigation, parketTaskId: string) {
  const task = investigation.parketTasks[parketTaskId];
  if (!task) throw new InvestigationNotFound('parket_task_not_found', `No parket task ${parketTaskId} on this investigation`);
  if (task.status === 'completed') throw new InvestigationConflict('parket_task_completed', `Parket task ${parketTaskId} is completed`);
  return task;
}

function requireSameInvestigation(investigation: Investigation, investigationId: string | undefined): void {
  if (investigationId !== undefined && investigationId !== investigation.investigationId) {
    throw new InvalidInvestigationCommand('invalid_id', `This belongs to investigation ${investigationId}, not ${investigation.investigationId}`, 'investigationId');
  }
}

function requireText<T extends object>(data: T, fields: (keyof T & string)[]): void {
  for (const field of fields) {
    const value = data[field];
    if (typeof value !== 'string' || isBlank(value)) throw new InvalidInvestigationCommand('required', `${field} is required`, field);
  }
}

function requireOneOf<T extends string>(value: T, allowed: readonly T[], field: string): void {
  if (!allowed.includes(value)) throw new InvalidInvestigationCommand('invalid_value', `${field} must be one of ${allowed.join(', ')}`, field);
}

function requireBoolean(value: boolean, field: string): void {
  if (typeof value !== 'boolean') throw new InvalidInvestigationCommand('invalid_value', `${field} must be true or false`, field);
}

function requireUuid(value: string, field: string): void {
  if (typeof value !== 'string' || !isUuid(value)) throw new InvalidInvestigationCommand('invalid_id', `${field} must be a UUID`, field);
}

function requireInstant(value: string, field: string): void {
  if (typeof value !== 'string' || !isInstant(value)) {
    throw new InvalidInvestigationCommand('invalid_time', `${field} must be an RFC 3339 date-time with an offset`, field);
  }
}

function requireDate(value: string, field: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw new InvalidInvestigationCommand('invalid_date', `${field} must be a YYYY-MM-DD date`, field);
}

function requireNotAfterNow(value: string, metadata: CommandMetadata, field: string): void {
  if (Date.parse(value) > metadata.now.getTime()) throw new InvalidInvestigationCommand('time_in_future', `${field} lies in the future`, field);
}

const ZONE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The zone's calendar day (Europe/Brussels) of an instant: "today" for rules on calendar dates, which
 * people give in Belgian days. (The UTC day is yesterday between midnight and 01:00 or 02:00 in Belgium.)
 */
function zoneDayOf(value: Date): string {
  return ZONE_DAY.format(value);
}

