import { Actor, Command, CommandMetadata, hasDuplicates, isBlank, isCalendarDate, isUuid, KORPSCHEF, toIso, zoneDayOf } from './integrity.decide';
import {
  AdministrativeInvestigationOrdered,
  Complainant,
  COMPARTMENT_OF_ROUTE,
  COMPLAINT_CHANNELS,
  ComplaintChannel,
  ComplaintClosed,
  ComplaintEvent,
  ComplaintForwardedToAig,
  ComplaintForwardedToComiteP,
  ComplaintRoutedToDpo,
  Conclusion,
  CONCLUSIONS,
  CriminalReferralMade,
  DisciplinaryInvestigationOrdered,
  DisciplinaryProcedureStarted,
  DisciplinarySanctionDecided,
  EvaluationFileNoteAdded,
  ExculpatoryFindingRecorded,
  FindingKind,
  FORWARDING_CHANNELS,
  ForwardingAcknowledged,
  ForwardingChannel,
  HearingAssistance,
  IncriminatingFindingRecorded,
  InformationProvidedToOversightBody,
  InformationRequestReceived,
  IntegrityComplaintLogged,
  IntegrityComplaintReceived,
  InvestigationConcluded,
  InvestigatorAssigned,
  InvestigatorConflict,
  JudicialInvestigationOrdered,
  LESSON_SCOPES,
  LessonScope,
  LessonsLearnedRecorded,
  MaliciousComplaintReportedToParket,
  OVERSIGHT_BODIES,
  OversightBody,
  SanctionSeverity,
  StaffMemberHeard,
  TRIAGE_ROUTES,
  TriageRoute,
} from './complaint.events';
import { ComplaintConflict, ComplaintForbidden, ComplaintNotFound, ConflictOfInterest, ForwardingNotRecorded, InvalidComplaintCommand } from './complaint.errors';
import { Complaint, ComplaintState, isForwardedToBoth } from './complaint.state';

/** Who is in which team and unit (and their name, when the HR export gives it): organisation data the application passes in. */
export type Organisation = Readonly<Record<string, { teams: readonly string[]; unit: string; name?: string }>>;

/** Recorded relationships (family, partner, close friendship…) between two staff members, in either order. */
export type Relationships = readonly (readonly [string, string])[];

/** Disciplinary authorities, the sanction catalogue and which authority may impose which severity. */
export interface DisciplineConfig {
  authorities: readonly string[];
  sanctions: Readonly<Record<string, SanctionSeverity>>;
  competence: Readonly<Record<string, readonly SanctionSeverity[]>>;
}

/**
 * TO BE CONFIRMED BY A LAWYER (the sources name light and heavy sanctions and the three authorities, 002:2112-2122,
 * but not the catalogue nor who may impose what: domain §5 [INF]). A working assumption only.
 */
export const DEFAULT_DISCIPLINE_CONFIG: DisciplineConfig = {
  authorities: ['korpschef', 'burgemeester', 'minister'],
  sanctions: {
    waarschuwing: 'light',
    blaam: 'light',
    'inhouding van wedde': 'heavy',
    schorsing: 'heavy',
    'terugzetting in weddeschaal': 'heavy',
    'ontslag van ambtswege': 'heavy',
    afzetting: 'heavy',
  },
  competence: {
    korpschef: ['light'],
    burgemeester: ['light', 'heavy'],
    minister: ['light', 'heavy'],
  },
};

export type ReceiveComplaint = Command<
  'ReceiveComplaint',
  {
    complaintId: string;
    /** Allocated by the application (the corps register's numbering), not by the domain. */
    registerNumber: string;
    channel: ComplaintChannel;
    complainant: Complainant;
    staffConcerned: readonly string[];
    facts: string;
    receivedOn: string;
    /** Required for `desk_report`: the `reports` intake it came from. */
    reportId?: string;
    /** Where it was received (APG, a commissariaat, …), when known. */
    office?: string;
    /** Required for `via_comite_p` and `via_aig`: their reference. */
    externalReference?: string;
  }
>;

export type ForwardComplaint = Command<'ForwardComplaint', { body: OversightBody; forwardedOn: string; channel: ForwardingChannel; reference?: string }>;

export type AcknowledgeForwarding = Command<'AcknowledgeForwarding', { body: OversightBody; reference: string; acknowledgedOn: string }>;

export type TriageComplaint = Command<
  'TriageComplaint',
  {
    route: TriageRoute;
    reason: string;
    /** Required for the judicial route: the parket's instruction. */
    parketReference?: string;
    /** The configured disciplinary authorities. */
    disciplinaryAuthorities: readonly string[];
  }
>;

export type AssignInvestigator = Command<
  'AssignInvestigator',
  {
    investigatorId: string;
    designated: boolean;
    organisation: Organisation;
    relationships: Relationships;
    /** The chief's decision to assign despite a conflict of interest. */
    override?: { reason: string };
  }
>;

export type RecordFinding = Command<'RecordFinding', { findingId: string; kind: FindingKind; summary: string; source: string; staffId?: string }>;

export type RecordInformationRequest = Command<
  'RecordInformationRequest',
  { requestId: string; body: OversightBody; request: string; receivedOn: string; externalReference?: string }
>;

export type AnswerInformationRequest = Command<'AnswerInformationRequest', { requestId: string; answer: string; providedOn: string }>;

export type RecordHearing = Command<
  'RecordHearing',
  { hearingId: string; staffId: string; heardOn: string; assistance: HearingAssistance; fileAccessGiven: boolean; summary: string }
>;

export type ConcludeInvestigation = Command<'ConcludeInvestigation', { conclusion: Conclusion; summary: string }>;

export type ReportMaliciousComplaintToParket = Command<'ReportMaliciousComplaintToParket', { reportedOn: string; parketReference?: string }>;

export type ReferToParket = Command<'ReferToParket', { staffIds: readonly string[]; referredOn: string; parketReference?: string }>;

export type StartDisciplinaryProcedure = Command<'StartDisciplinaryProcedure', { staffId: string; config: DisciplineConfig }>;

export type DecideSanction = Command<'DecideSanction', { staffId: string; sanction: string; decidedOn: string; config: DisciplineConfig }>;

export type AddEvaluationFileNote = Command<'AddEvaluationFileNote', { staffId: string; note: string }>;

export type RecordLessonsLearned = Command<'RecordLessonsLearned', { scope: LessonScope; lessons: string }>;

export type CloseComplaint = Command<'CloseComplaint', Record<string, never>>;

export type ComplaintCommand =
  | ReceiveComplaint
  | ForwardComplaint
  | AcknowledgeForwarding
  | TriageComplaint
  | AssignInvestigator
  | RecordFinding
  | RecordInformationRequest
  | AnswerInformationRequest
  | RecordHearing
  | ConcludeInvestigation
  | ReportMaliciousComplaintToParket
  | ReferToParket
  | StartDisciplinaryProcedure
  | DecideSanction
  | AddEvaluationFileNote
  | RecordLessonsLearned
  | CloseComplaint;

export function decideComplaint(state: ComplaintState, command: ComplaintCommand): ComplaintEvent[] {
  switch (command.type) {
    case 'ReceiveComplaint':
      return decideReceiveComplaint(state, command);
    case 'ForwardComplaint':
      return decideForwardComplaint(state, command);
    case 'AcknowledgeForwarding':
      return decideAcknowledgeForwarding(state, command);
    case 'TriageComplaint':
      return decideTriageComplaint(state, command);
    case 'AssignInvestigator':
      return decideAssignInvestigator(state, command);
    case 'RecordFinding':
      return decideRecordFinding(state, command);
    case 'RecordInformationRequest':
      return decideRecordInformationRequest(state, command);
    case 'AnswerInformationRequest':
      return decideAnswerInformationRequest(state, command);
    case 'RecordHearing':
      return decideRecordHearing(state, command);
    case 'ConcludeInvestigation':
      return decideConcludeInvestigation(state, command);
    case 'ReportMaliciousComplaintToParket':
      return decideReportMaliciousComplaintToParket(state, command);
    case 'ReferToParket':
      return decideReferToParket(state, command);
    case 'StartDisciplinaryProcedure':
      return decideStartDisciplinaryProcedure(state, command);
    case 'DecideSanction':
      return decideDecideSanction(state, command);
    case 'AddEvaluationFileNote':
      return decideAddEvaluationFileNote(state, command);
    case 'RecordLessonsLearned':
      return decideRecordLessonsLearned(state, command);
    case 'CloseComplaint':
      return decideCloseComplaint(state, command);
  }
}

type Intake = [IntegrityComplaintReceived, IntegrityComplaintLogged] | [IntegrityComplaintReceived, IntegrityComplaintLogged, ComplaintForwardedToComiteP | ComplaintForwardedToAig];

/**
 * Received and logged in the corps register in one decision. A complaint that came from Comité P or AIG is on
 * that body's record already: its forwarding is recorded at once as an acknowledgement of origin, under their
 * reference, so the invariant "both bodies have it" reads the same for every channel.
 */
export function decideReceiveComplaint(state: ComplaintState, { data, metadata }: ReceiveComplaint): Intake {
  if (state.status === 'registered') throw new ComplaintConflict('complaint_already_received', `Complaint ${state.registerNumber ?? state.complaintId} is already received under this id`);

  if (!isUuid(data.complaintId)) throw new InvalidComplaintCommand('invalid_id', 'The complaint id must be a UUID', 'complaintId');
  requireText(data, ['registerNumber', 'facts']);
  requireOneOf(data.channel, COMPLAINT_CHANNELS, 'channel');
  if (isBlank(data.complainant?.name)) throw new InvalidComplaintCommand('required', 'complainant.name is required', 'complainant.name');
  if (data.complainant.contact !== undefined && isBlank(data.complainant.contact)) {
    throw new InvalidComplaintCommand('required', 'complainant.contact may not be blank', 'complainant.contact');
  }
  // A complainant who could not identify the officers still has a complaint to be registered and forwarded.
  requireStaffIds(data.staffConcerned, 'staffConcerned', { allowNone: true });
  if (data.office !== undefined && isBlank(data.office)) throw new InvalidComplaintCommand('required', 'office may not be blank', 'office');
  requirePastDate(data.receivedOn, 'receivedOn', metadata);

  const originBody = ORIGIN_OF_CHANNEL[data.channel];
  if (originBody !== undefined && isBlank(data.externalReference)) {
    throw new InvalidComplaintCommand('origin_required', `A complaint that came ${data.channel.replace('_', ' ')} needs their reference`, 'externalReference');
  }
  if (originBody === undefined && data.externalReference !== undefined) {
    throw new InvalidComplaintCommand('origin_mismatch', 'Only a complaint that came via Comité P or AIG carries their reference', 'externalReference');
  }
  if (data.channel === 'desk_report' && isBlank(data.reportId)) {
    throw new InvalidComplaintCommand('required', 'A complaint taken at the desk names the report it came from', 'reportId');
  }
  if (data.channel !== 'desk_report' && data.reportId !== undefined) {
    throw new InvalidComplaintCommand('origin_mismatch', 'Only a complaint taken at the desk names a report', 'reportId');
  }

  const by = metadata.actor.staffId;
  const at = toIso(metadata.now);
  const received: IntegrityComplaintReceived = {
    type: 'IntegrityComplaintReceived',
    data: {
      complaintId: data.complaintId,
      channel: data.channel,
      complainant: { name: data.complainant.name, ...(data.complainant.contact !== undefined && { contact: data.complainant.contact }) },
      staffConcerned: [...data.staffConcerned],
      facts: data.facts,
      receivedOn: data.receivedOn,
      ...(data.reportId !== undefined && { reportId: data.reportId }),
      ...(data.office !== undefined && { office: data.office }),
      ...(originBody !== undefined && { origin: { body: originBody, externalReference: data.externalReference as string } }),
      recordedBy: by,
      recordedAt: at,
    },
  };
  const logged: IntegrityComplaintLogged = {
    type: 'IntegrityComplaintLogged',
    data: { complaintId: data.complaintId, registerNumber: data.registerNumber, loggedBy: by, loggedAt: at },
  };
  if (originBody === undefined) return [received, logged];
  const origin = {
    complaintId: data.complaintId,
    basis: 'origin' as const,
    forwardedOn: data.receivedOn,
    reference: data.externalReference as string,
    recordedBy: by,
    recordedAt: at,
  };
  return [received, logged, originBody === 'comite_p' ? { type: 'ComplaintForwardedToComiteP', data: origin } : { type: 'ComplaintForwardedToAig', data: origin }];
}

export function decideForwardComplaint(state: ComplaintState, { data, metadata }: ForwardComplaint): [ComplaintForwardedToComiteP | ComplaintForwardedToAig] {
  const complaint = open(state);
  requireOneOf(data.body, OVERSIGHT_BODIES, 'body');
  requireOneOf(data.channel, FORWARDING_CHANNELS, 'channel');
  if (data.reference !== undefined && isBlank(data.reference)) throw new InvalidComplaintCommand('required', 'reference may not be blank', 'reference');
  requirePastDate(data.forwardedOn, 'forwardedOn', metadata);
  requireNotBefore(data.forwardedOn, complaint.receivedOn, 'forwardedOn');
  const existing = complaint.forwardings[data.body];
  if (existing) {
    throw new ComplaintConflict(
      'already_forwarded',
      `Complaint ${label(complaint)} is already on ${bodyName(data.body)}'s record (${existing.basis === 'origin' ? 'it came from them' : `forwarded ${existing.forwardedOn}`})`,
    );
  }
  const forwarded = {
    complaintId: complaint.complaintId,
    basis: 'forwarded' as const,
    forwardedOn: data.forwardedOn,
    channel: data.channel,
    ...(data.reference !== undefined && { reference: data.reference }),
    recordedBy: metadata.actor.staffId,
    recordedAt: toIso(metadata.now),
  };
  return [data.body === 'comite_p' ? { type: 'ComplaintForwardedToComiteP', data: forwarded } : { type: 'ComplaintForwardedToAig', data: forwarded }];
}

export function decideAcknowledgeForwarding(state: ComplaintState, { data, metadata }: AcknowledgeForwarding): [ForwardingAcknowledged] {
  const complaint = open(state);
  requireOneOf(data.body, OVERSIGHT_BODIES, 'body');
  requireText(data, ['reference']);
  requirePastDate(data.acknowledgedOn, 'acknowledgedOn', metadata);
  const forwarding = complaint.forwardings[data.body];
  if (!forwarding) throw new ComplaintNotFound('forwarding_not_found', `Complaint ${label(complaint)} was not forwarded to ${bodyName(data.body)}`);
  if (forwarding.reference !== undefined) {
    throw new ComplaintConflict('forwarding_already_acknowledged', `${bodyName(data.body)} already gave reference ${forwarding.reference} for complaint ${label(complaint)}`);
  }
  requireNotBefore(data.acknowledgedOn, forwarding.forwardedOn, 'acknowledgedOn');
  return [
    {
      type: 'ForwardingAcknowledged',
      data: {
        complaintId: complaint.complaintId,
        body: data.body,
        reference: data.reference,
        acknowledgedOn: data.acknowledgedOn,
        recordedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

type Triaged = AdministrativeInvestigationOrdered | JudicialInvestigationOrdered | DisciplinaryInvestigationOrdered | ComplaintRoutedToDpo;

/** BIT and DPO routes are the chief's; a disciplinary investigation is ordered by any configured disciplinary authority. */
export function decideTriageComplaint(state: ComplaintState, { data, metadata }: TriageComplaint): [Triaged] {
  const complaint = forwarded(state);
  if (complaint.phase !== 'intake') throw new ComplaintConflict('already_triaged', `Complaint ${label(complaint)} was already triaged`);
  requireOneOf(data.route, TRIAGE_ROUTES, 'route');
  requireText(data, ['reason']);
  const authority = metadata.actor.authority;
  if (data.route === 'disciplinary') {
    if (authority === undefined || !data.disciplinaryAuthorities.includes(authority)) {
      throw new ComplaintForbidden('not_an_ordering_authority', `Only a disciplinary authority (${data.disciplinaryAuthorities.join(', ')}) may order a disciplinary investigation`);
    }
  } else if (authority !== KORPSCHEF) {
    throw new ComplaintForbidden('not_an_ordering_authority', `Only the korpschef may route a complaint to ${data.route === 'dpo' ? 'the DPO' : 'BIT'}`);
  }
  if (data.route === 'judicial' && isBlank(data.parketReference)) {
    throw new InvalidComplaintCommand('parket_reference_required', "A judicial investigation runs on the parket's instruction: give its reference", 'parketReference');
  }
  if (data.route !== 'judicial' && data.parketReference !== undefined) {
    throw new InvalidComplaintCommand('invalid_value', 'Only a judicial investigation carries a parket reference', 'parketReference');
  }
  const order = {
    complaintId: complaint.complaintId,
    compartment: COMPARTMENT_OF_ROUTE[data.route],
    reason: data.reason,
    orderedBy: metadata.actor.staffId,
    orderedAs: authority as string,
    orderedAt: toIso(metadata.now),
  };
  switch (data.route) {
    case 'administrative':
      return [{ type: 'AdministrativeInvestigationOrdered', data: order }];
    case 'judicial':
      return [{ type: 'JudicialInvestigationOrdered', data: { ...order, parketReference: data.parketReference as string } }];
    case 'disciplinary':
      return [{ type: 'DisciplinaryInvestigationOrdered', data: order }];
    case 'dpo':
      return [{ type: 'ComplaintRoutedToDpo', data: order }];
  }
}

/**
 * A staff member concerned can never investigate their own file, override or not. Sharing a team or unit with one,
 * or a recorded relationship, is a conflict the chief may override with a reason; the event keeps both.
 */
export function decideAssignInvestigator(state: ComplaintState, { data, metadata }: AssignInvestigator): [InvestigatorAssigned] {
  const complaint = investigating(state);
  const authority = metadata.actor.authority;
  if (!mayAssignInvestigator(complaint, metadata.actor)) {
    throw new ComplaintForbidden('not_an_ordering_authority', `Only the korpschef or the authority that ordered the investigation may assign its investigator`);
  }
  if (isBlank(data.investigatorId)) throw new InvalidComplaintCommand('required', 'investigatorId is required', 'investigatorId');
  requireBoolean(data.designated, 'designated');
  const { verdict, conflicts } = investigatorCheck(complaint, data.investigatorId, data.organisation, data.relationships);
  if (verdict === 'concerned') {
    throw new ComplaintConflict('investigator_concerned', `${data.investigatorId} is a staff member concerned by complaint ${label(complaint)}`);
  }
  if (verdict === 'already_assigned') {
    throw new ComplaintConflict('investigator_already_assigned', `${data.investigatorId} is already an investigator of complaint ${label(complaint)}`);
  }
  if (data.override !== undefined) {
    if (authority !== KORPSCHEF) throw new ComplaintForbidden('not_the_chief', 'Only the korpschef may override a conflict of interest');
    if (isBlank(data.override.reason)) throw new InvalidComplaintCommand('required', 'An override needs a reason', 'override.reason');
    if (conflicts.length === 0) throw new InvalidComplaintCommand('override_without_conflict', `${data.investigatorId} has no conflict of interest to override`, 'override');
  } else if (conflicts.length > 0) {
    throw new ConflictOfInterest(data.investigatorId, conflicts);
  }
  return [
    {
      type: 'InvestigatorAssigned',
      data: {
        complaintId: complaint.complaintId,
        investigatorId: data.investigatorId,
        designated: data.designated,
        conflicts,
        ...(data.override !== undefined && { override: { decidedBy: metadata.actor.staffId, reason: data.override.reason } }),
        assignedBy: metadata.actor.staffId,
        assignedAt: toIso(metadata.now),
      },
    },
  ];
}

/**
 * Whether a person may investigate the complaint, as the assignment decides it: never a staff member concerned
 * (override or not), nobody twice, and a conflict of interest only with the chief's override. The console asks
 * it before the choice is confirmed; the assignment decides by the same function.
 */
export type InvestigatorVerdict = 'eligible' | 'conflict' | 'concerned' | 'already_assigned';

export function investigatorCheck(
  complaint: Pick<Complaint, 'staffConcerned' | 'investigators'>,
  investigatorId: string,
  organisation: Organisation,
  relationships: Relationships,
): { verdict: InvestigatorVerdict; conflicts: InvestigatorConflict[] } {
  if (complaint.staffConcerned.includes(investigatorId)) return { verdict: 'concerned', conflicts: [] };
  if (Object.hasOwn(complaint.investigators, investigatorId)) return { verdict: 'already_assigned', conflicts: [] };
  const conflicts = conflictsOfInterest(investigatorId, complaint.staffConcerned, organisation, relationships);
  return { verdict: conflicts.length > 0 ? 'conflict' : 'eligible', conflicts };
}

/** Whether the actor may assign an investigator to the complaint: the korpschef, or the authority that ordered the investigation. */
export function mayAssignInvestigator(complaint: Pick<Complaint, 'triage'>, actor: Actor): boolean {
  return actor.authority === KORPSCHEF || (actor.authority !== undefined && actor.authority === complaint.triage?.orderedAs);
}

export function conflictsOfInterest(investigatorId: string, staffConcerned: readonly string[], organisation: Organisation, relationships: Relationships): InvestigatorConflict[] {
  const investigator = organisation[investigatorId];
  const conflicts: InvestigatorConflict[] = [];
  for (const staffId of staffConcerned) {
    const concerned = organisation[staffId];
    if (investigator && concerned) {
      for (const team of investigator.teams.filter((t) => concerned.teams.includes(t))) conflicts.push({ kind: 'same_team', staffId, team });
      if (investigator.unit === concerned.unit) conflicts.push({ kind: 'same_unit', staffId, unit: concerned.unit });
    }
    if (relationships.some(([a, b]) => (a === investigatorId && b === staffId) || (a === staffId && b === investigatorId))) {
      conflicts.push({ kind: 'relationship', staffId });
    }
  }
  return conflicts;
}

export function decideRecordFinding(state: ComplaintState, { data, metadata }: RecordFinding): [IncriminatingFindingRecorded | ExculpatoryFindingRecorded] {
  const complaint = investigating(state);
  requireInvestigator(complaint, metadata.actor);
  requireOneOf(data.kind, ['incriminating', 'exculpatory'], 'kind');
  requireText(data, ['findingId', 'summary', 'source']);
  if ([...complaint.findings.incriminating, ...complaint.findings.exculpatory].includes(data.findingId)) {
    throw new ComplaintConflict('id_in_use', `Finding ${data.findingId} is already recorded`);
  }
  if (data.staffId !== undefined) requireConcerned(complaint, data.staffId, 'staffId');
  const finding = {
    complaintId: complaint.complaintId,
    findingId: data.findingId,
    ...(data.staffId !== undefined && { staffId: data.staffId }),
    summary: data.summary,
    source: data.source,
    recordedBy: metadata.actor.staffId,
    recordedAt: toIso(metadata.now),
  };
  return [data.kind === 'incriminating' ? { type: 'IncriminatingFindingRecorded', data: finding } : { type: 'ExculpatoryFindingRecorded', data: finding }];
}

export function decideRecordInformationRequest(state: ComplaintState, { data, metadata }: RecordInformationRequest): [InformationRequestReceived] {
  const complaint = forwarded(state);
  requireOneOf(data.body, OVERSIGHT_BODIES, 'body');
  requireText(data, ['requestId', 'request']);
  if (data.externalReference !== undefined && isBlank(data.externalReference)) {
    throw new InvalidComplaintCommand('required', 'externalReference may not be blank', 'externalReference');
  }
  requirePastDate(data.receivedOn, 'receivedOn', metadata);
  if (Object.hasOwn(complaint.informationRequests, data.requestId)) throw new ComplaintConflict('id_in_use', `Information request ${data.requestId} is already recorded`);
  return [
    {
      type: 'InformationRequestReceived',
      data: {
        complaintId: complaint.complaintId,
        requestId: data.requestId,
        body: data.body,
        request: data.request,
        receivedOn: data.receivedOn,
        ...(data.externalReference !== undefined && { externalReference: data.externalReference }),
        recordedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideAnswerInformationRequest(state: ComplaintState, { data, metadata }: AnswerInformationRequest): [InformationProvidedToOversightBody] {
  const complaint = forwarded(state);
  requireText(data, ['requestId', 'answer']);
  requirePastDate(data.providedOn, 'providedOn', metadata);
  const request = complaint.informationRequests[data.requestId];
  if (!request) throw new ComplaintNotFound('information_request_not_found', `No information request ${data.requestId} on complaint ${label(complaint)}`);
  if (request.answered) throw new ComplaintConflict('information_request_already_answered', `Information request ${data.requestId} was already answered`);
  return [
    {
      type: 'InformationProvidedToOversightBody',
      data: {
        complaintId: complaint.complaintId,
        requestId: data.requestId,
        body: request.body,
        answer: data.answer,
        providedOn: data.providedOn,
        providedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

/** R-INT-11: the hearing records whether the staff member was assisted or waived it, and whether they saw the file. */
export function decideRecordHearing(state: ComplaintState, { data, metadata }: RecordHearing): [StaffMemberHeard] {
  const complaint = investigating(state);
  requireInvestigator(complaint, metadata.actor);
  requireText(data, ['hearingId', 'summary']);
  requireConcerned(complaint, data.staffId, 'staffId');
  requirePastDate(data.heardOn, 'heardOn', metadata);
  requireBoolean(data.fileAccessGiven, 'fileAccessGiven');
  const assistance = data.assistance;
  let recorded: HearingAssistance;
  if (assistance?.kind === 'waived') recorded = { kind: 'waived' };
  else if (assistance?.kind === 'lawyer' || assistance?.kind === 'defender') {
    if (isBlank(assistance.name)) throw new InvalidComplaintCommand('required', `The ${assistance.kind}'s name is required`, 'assistance.name');
    recorded = { kind: assistance.kind, name: assistance.name };
  } else throw new InvalidComplaintCommand('invalid_value', 'assistance must be a lawyer, a defender or waived', 'assistance.kind');
  if (complaint.hearings.includes(data.hearingId)) throw new ComplaintConflict('id_in_use', `Hearing ${data.hearingId} is already recorded`);
  return [
    {
      type: 'StaffMemberHeard',
      data: {
        complaintId: complaint.complaintId,
        hearingId: data.hearingId,
        staffId: data.staffId,
        heardOn: data.heardOn,
        assistance: recorded,
        fileAccessGiven: data.fileAccessGiven,
        summary: data.summary,
        heardBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

/** R-INT-4: no conclusion without at least one finding considered; the event counts both kinds. */
export function decideConcludeInvestigation(state: ComplaintState, { data, metadata }: ConcludeInvestigation): [InvestigationConcluded] {
  const complaint = investigating(state);
  requireInvestigator(complaint, metadata.actor);
  requireOneOf(data.conclusion, CONCLUSIONS, 'conclusion');
  requireText(data, ['summary']);
  const incriminating = complaint.findings.incriminating.length;
  const exculpatory = complaint.findings.exculpatory.length;
  if (incriminating + exculpatory === 0) {
    throw new ComplaintConflict('no_finding_considered', `Complaint ${label(complaint)} has no finding recorded, ten laste or ten ontlaste; it cannot be concluded`);
  }
  return [
    {
      type: 'InvestigationConcluded',
      data: {
        complaintId: complaint.complaintId,
        conclusion: data.conclusion,
        summary: data.summary,
        incriminatingFindings: incriminating,
        exculpatoryFindings: exculpatory,
        concludedBy: metadata.actor.staffId,
        concludedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideReportMaliciousComplaintToParket(state: ComplaintState, { data, metadata }: ReportMaliciousComplaintToParket): [MaliciousComplaintReportedToParket] {
  const complaint = concluded(state, ['manifestly_unfounded_malicious'], 'be reported to the parket as malicious');
  if (complaint.reportedToParket) throw new ComplaintConflict('already_reported_to_parket', `Complaint ${label(complaint)} was already reported to the parket`);
  requirePastDate(data.reportedOn, 'reportedOn', metadata);
  if (data.parketReference !== undefined && isBlank(data.parketReference)) throw new InvalidComplaintCommand('required', 'parketReference may not be blank', 'parketReference');
  return [
    {
      type: 'MaliciousComplaintReportedToParket',
      data: {
        complaintId: complaint.complaintId,
        reportedOn: data.reportedOn,
        ...(data.parketReference !== undefined && { parketReference: data.parketReference }),
        reportedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideReferToParket(state: ComplaintState, { data, metadata }: ReferToParket): [CriminalReferralMade] {
  const complaint = concluded(state, ['founded'], 'be referred to the parket');
  if (complaint.criminalReferral) throw new ComplaintConflict('already_referred', `Complaint ${label(complaint)} was already referred to the parket`);
  requireStaffIds(data.staffIds, 'staffIds');
  data.staffIds.forEach((staffId, i) => requireConcerned(complaint, staffId, `staffIds[${i}]`));
  requirePastDate(data.referredOn, 'referredOn', metadata);
  if (data.parketReference !== undefined && isBlank(data.parketReference)) throw new InvalidComplaintCommand('required', 'parketReference may not be blank', 'parketReference');
  return [
    {
      type: 'CriminalReferralMade',
      data: {
        complaintId: complaint.complaintId,
        staffIds: [...data.staffIds],
        referredOn: data.referredOn,
        ...(data.parketReference !== undefined && { parketReference: data.parketReference }),
        referredBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideStartDisciplinaryProcedure(state: ComplaintState, { data, metadata }: StartDisciplinaryProcedure): [DisciplinaryProcedureStarted] {
  const complaint = concluded(state, ['founded'], 'lead to a disciplinary procedure');
  const authority = requireDisciplinaryAuthority(metadata.actor, data.config, 'start a disciplinary procedure');
  requireConcerned(complaint, data.staffId, 'staffId');
  if (complaint.procedures[data.staffId]) {
    throw new ComplaintConflict('disciplinary_procedure_already_started', `A disciplinary procedure against ${data.staffId} was already started on complaint ${label(complaint)}`);
  }
  return [
    {
      type: 'DisciplinaryProcedureStarted',
      data: { complaintId: complaint.complaintId, staffId: data.staffId, authority, startedBy: metadata.actor.staffId, startedAt: toIso(metadata.now) },
    },
  ];
}

/** The sanction must be in the catalogue, and the deciding authority competent for its severity (R-INT-6, R-INT-7). */
export function decideDecideSanction(state: ComplaintState, { data, metadata }: DecideSanction): [DisciplinarySanctionDecided] {
  const complaint = concluded(state, ['founded'], 'lead to a sanction');
  const authority = requireDisciplinaryAuthority(metadata.actor, data.config, 'decide a sanction');
  const procedure = complaint.procedures[data.staffId];
  if (!procedure) throw new ComplaintNotFound('disciplinary_procedure_not_found', `No disciplinary procedure against ${data.staffId} on complaint ${label(complaint)}`);
  if (procedure.sanction !== null) {
    throw new ComplaintConflict('sanction_already_decided', `${procedure.sanction.authority} already decided ${procedure.sanction.sanction} for ${data.staffId}`);
  }
  const severity = Object.hasOwn(data.config.sanctions, data.sanction) ? data.config.sanctions[data.sanction] : undefined;
  if (severity === undefined) {
    throw new InvalidComplaintCommand('unknown_sanction', `${data.sanction} is not in the sanction catalogue (${Object.keys(data.config.sanctions).join(', ')})`, 'sanction');
  }
  if (!(data.config.competence[authority] ?? []).includes(severity)) {
    throw new ComplaintForbidden('authority_not_competent', `The ${authority} is not competent to impose a ${severity} sanction (${data.sanction})`);
  }
  requirePastDate(data.decidedOn, 'decidedOn', metadata);
  requireNotBefore(data.decidedOn, procedure.startedOn, 'decidedOn');
  return [
    {
      type: 'DisciplinarySanctionDecided',
      data: {
        complaintId: complaint.complaintId,
        staffId: data.staffId,
        sanction: data.sanction,
        severity,
        authority,
        decidedOn: data.decidedOn,
        decidedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideAddEvaluationFileNote(state: ComplaintState, { data, metadata }: AddEvaluationFileNote): [EvaluationFileNoteAdded] {
  const complaint = concluded(state, ['founded'], 'lead to a note in an evaluation file');
  requireConcerned(complaint, data.staffId, 'staffId');
  requireText(data, ['note']);
  if (complaint.evaluationNotes.includes(data.staffId)) {
    throw new ComplaintConflict('note_already_added', `A note for ${data.staffId}'s evaluation file was already added on complaint ${label(complaint)}`);
  }
  return [
    {
      type: 'EvaluationFileNoteAdded',
      data: { complaintId: complaint.complaintId, staffId: data.staffId, note: data.note, addedBy: metadata.actor.staffId, addedAt: toIso(metadata.now) },
    },
  ];
}

/** Any conclusion can teach something (002:1991), an unfounded complaint included. */
export function decideRecordLessonsLearned(state: ComplaintState, { data, metadata }: RecordLessonsLearned): [LessonsLearnedRecorded] {
  const complaint = concluded(state, CONCLUSIONS, 'yield lessons');
  requireOneOf(data.scope, LESSON_SCOPES, 'scope');
  requireText(data, ['lessons']);
  return [
    {
      type: 'LessonsLearnedRecorded',
      data: { complaintId: complaint.complaintId, scope: data.scope, lessons: data.lessons, recordedBy: metadata.actor.staffId, recordedAt: toIso(metadata.now) },
    },
  ];
}

export function decideCloseComplaint(state: ComplaintState, { metadata }: CloseComplaint): [ComplaintClosed] {
  const complaint = concluded(state, CONCLUSIONS, 'be closed');
  return [{ type: 'ComplaintClosed', data: { complaintId: complaint.complaintId, closedBy: metadata.actor.staffId, closedAt: toIso(metadata.now) } }];
}

const ORIGIN_OF_CHANNEL: Partial<Record<ComplaintChannel, OversightBody>> = { via_comite_p: 'comite_p', via_aig: 'aig' };

function open(state: ComplaintState): Complaint {
  if (state.status !== 'registered') throw new ComplaintNotFound('complaint_not_found', 'No complaint under this id');
  if (state.phase === 'closed') throw new ComplaintConflict('complaint_closed', `Complaint ${label(state)} is closed`);
  return state;
}

/** R-INT-1 as a guard: every command past intake goes through here first. */
function forwarded(state: ComplaintState): Complaint {
  const complaint = open(state);
  if (!isForwardedToBoth(complaint)) {
    throw new ForwardingNotRecorded(
      label(complaint),
      OVERSIGHT_BODIES.filter((body) => complaint.forwardings[body] === undefined),
    );
  }
  return complaint;
}

function investigating(state: ComplaintState): Complaint {
  const complaint = forwarded(state);
  if (complaint.phase === 'intake') throw new ComplaintConflict('not_triaged', `Complaint ${label(complaint)} is not triaged yet`);
  if (complaint.phase !== 'triaged') throw new ComplaintConflict('investigation_concluded', `The investigation of complaint ${label(complaint)} is concluded`);
  return complaint;
}

function concluded(state: ComplaintState, allowed: readonly Conclusion[], what: string): Complaint {
  const complaint = forwarded(state);
  if (complaint.conclusion === null) throw new ComplaintConflict('not_concluded', `The investigation of complaint ${label(complaint)} is not concluded`);
  if (!allowed.includes(complaint.conclusion.conclusion)) {
    throw new ComplaintConflict('conclusion_does_not_allow', `Complaint ${label(complaint)} was concluded ${complaint.conclusion.conclusion.replaceAll('_', ' ')}; it cannot ${what}`);
  }
  return complaint;
}

function requireInvestigator(complaint: Complaint, actor: Actor): void {
  if (!Object.hasOwn(complaint.investigators, actor.staffId)) {
    throw new ComplaintForbidden('not_an_investigator', `Only an investigator assigned to complaint ${label(complaint)} may do this`);
  }
}

function requireDisciplinaryAuthority(actor: Actor, config: DisciplineConfig, action: string): string {
  if (actor.authority === undefined || !config.authorities.includes(actor.authority)) {
    throw new ComplaintForbidden('not_an_ordering_authority', `Only a disciplinary authority (${config.authorities.join(', ')}) may ${action}`);
  }
  return actor.authority;
}

function requireConcerned(complaint: Complaint, staffId: string, field: string): void {
  if (!complaint.staffConcerned.includes(staffId)) {
    throw new InvalidComplaintCommand('not_concerned', `${staffId} is not a staff member concerned by complaint ${label(complaint)}`, field);
  }
}

function requireStaffIds(ids: readonly string[], field: string, options: { allowNone?: boolean } = {}): void {
  if (!Array.isArray(ids)) throw new InvalidComplaintCommand('required', `${field} must be a list of staff ids`, field);
  if (ids.length === 0 && !options.allowNone) throw new InvalidComplaintCommand('required', `${field} names at least one staff member`, field);
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || isBlank(id)) throw new InvalidComplaintCommand('required', `${field}[${i}] may not be blank`, `${field}[${i}]`);
  });
  if (hasDuplicates(ids)) throw new InvalidComplaintCommand('invalid_value', `${field} names a staff member twice`, field);
}

function requireText<T extends object>(data: T, fields: (keyof T & string)[]): void {
  for (const field of fields) {
    const value = data[field];
    if (typeof value !== 'string' || isBlank(value)) throw new InvalidComplaintCommand('required', `${field} is required`, field);
  }
}

function requireOneOf<T extends string>(value: T, allowed: readonly T[], field: string): void {
  if (!allowed.includes(value)) throw new InvalidComplaintCommand('invalid_value', `${field} must be one of ${allowed.join(', ')}`, field);
}

function requireBoolean(value: boolean, field: string): void {
  if (typeof value !== 'boolean') throw new InvalidComplaintCommand('invalid_value', `${field} must be true or false`, field);
}

function requirePastDate(value: string, field: string, metadata: CommandMetadata): void {
  if (!isCalendarDate(value)) throw new InvalidComplaintCommand('invalid_date', `${field} must be a calendar date (YYYY-MM-DD)`, field);
  if (value > zoneDayOf(metadata.now)) throw new InvalidComplaintCommand('date_in_future', `${field} cannot be after today`, field);
}

function requireNotBefore(value: string, earliest: string, field: string): void {
  if (value < earliest) throw new InvalidComplaintCommand('invalid_date', `${field} cannot be before ${earliest}`, field);
}

function label(complaint: Complaint): string {
  return complaint.registerNumber ?? complaint.complaintId;
}

function bodyName(body: OversightBody): string {
  return body === 'comite_p' ? 'Comité P' : 'AIG';
}
