import { Command, CommandMetadata, hasDuplicates, isBlank, isInstant, isUuid, toIso } from './reports.decide';
import {
  AMENDABLE_FIELDS,
  Channel,
  CHANNEL_KINDS,
  ConductComplaintRoutedToIntegrity,
  CRIMINAL_KINDS,
  DeclaredObject,
  InvestigationRequested,
  MOTIVE_FLAGS,
  MotiveFlag,
  OBJECT_CATEGORIES,
  ObjectDeclared,
  PARTY_ROLES,
  PartyRole,
  Place,
  ReportAmended,
  ReportAssignedToService,
  ReportEvent,
  ReportFacts,
  REPORT_KINDS,
  ReportKind,
  ReportParty,
  ReportReceived,
  ReportReferredExternally,
  TimeWindow,
  VictimSupportOffered,
} from './report.events';
import { InvalidReportCommand, ReportConflict, ReportNotFound } from './report.errors';
import { evolveReport, OpenReport, ReportState } from './report.state';

/** Zone configuration: per front-desk office, whether it takes walk-ins or is appointment-only (R-REP-2). */
export type OfficeAppointmentRules = Record<string, { walkIn: boolean }>;

export type ReceiveReport = Command<
  'ReceiveReport',
  {
    reportId: string;
    kind: ReportKind;
    channel: Channel;
    urgent: boolean;
    appointmentRef?: string;
    incidentType?: string;
    timeWindow?: TimeWindow;
    place?: Place;
    narrative: string;
    parties: readonly ReportParty[];
    motiveFlags: readonly MotiveFlag[];
    victimSupportWanted: boolean;
    concernsPoliceConduct: boolean;
    staffMembersConcerned?: readonly string[];
    /** Required for loss and found-object declarations. */
    object?: DeclaredObject;
    officeRules: OfficeAppointmentRules;
  }
>;

export type AmendReport = Command<'AmendReport', { changes: Partial<ReportFacts>; reason: string }>;

export type AssignReportToService = Command<'AssignReportToService', { serviceId: string; note?: string }>;

export type ReferReportExternally = Command<'ReferReportExternally', { organisation: string; reason: string }>;

export type OfferVictimSupport = Command<'OfferVictimSupport', { partyId: string; supportBy: string; accepted: boolean }>;

export type RequestInvestigation = Command<
  'RequestInvestigation',
  {
    reason: string;
    /** Zone configuration: the service a report not assigned to one is referred to. */
    defaultCompetentService: string;
    /** The number of the report's latest finalised PV, as the application knows it. */
    pvNumber?: string;
  }
>;

export type RouteConductComplaintToIntegrity = Command<'RouteConductComplaintToIntegrity', { integrityHandoffId: string }>;

export type ReportCommand =
  | ReceiveReport
  | AmendReport
  | AssignReportToService
  | ReferReportExternally
  | OfferVictimSupport
  | RequestInvestigation
  | RouteConductComplaintToIntegrity;

export function decideReport(state: ReportState, command: ReportCommand): ReportEvent[] {
  switch (command.type) {
    case 'ReceiveReport':
      return decideReceiveReport(state, command);
    case 'AmendReport':
      return decideAmendReport(state, command);
    case 'AssignReportToService':
      return decideAssignReportToService(state, command);
    case 'ReferReportExternally':
      return decideReferReportExternally(state, command);
    case 'OfferVictimSupport':
      return decideOfferVictimSupport(state, command);
    case 'RequestInvestigation':
      return decideRequestInvestigation(state, command);
    case 'RouteConductComplaintToIntegrity':
      return decideRouteConductComplaintToIntegrity(state, command);
  }
}

export function decideReceiveReport(state: ReportState, { data, metadata }: ReceiveReport): [ReportReceived] | [ReportReceived, ObjectDeclared] {
  if (state.status !== 'unreceived') throw new ReportConflict('report_already_received', 'A report was already received under this id');
  if (!isUuid(data.reportId)) throw new InvalidReportCommand('invalid_id', 'The report id must be a UUID', 'reportId');
  requireOneOf(data.kind, REPORT_KINDS, 'kind');
  requireOneOf(data.channel?.kind, CHANNEL_KINDS, 'channel.kind');
  requireBoolean(data.urgent, 'urgent');
  if (data.appointmentRef !== undefined && isBlank(data.appointmentRef)) {
    throw new InvalidReportCommand('required', 'An appointment reference may not be blank', 'appointmentRef');
  }
  const criminal = CRIMINAL_KINDS.includes(data.kind);
  if (data.channel.kind === 'front_desk') {
    const { officeId } = data.channel;
    if (isBlank(officeId)) throw new InvalidReportCommand('required', 'A front-desk intake names its office', 'channel.officeId');
    const office = data.officeRules[officeId];
    if (office === undefined) throw new InvalidReportCommand('unknown_office', `Office ${officeId} is not configured in this zone`, 'channel.officeId');
    if (criminal && !office.walkIn && !data.urgent && data.appointmentRef === undefined) {
      throw new InvalidReportCommand(
        'appointment_required',
        `Office ${officeId} takes an ${data.kind} by appointment only, unless it is urgent`,
        'appointmentRef',
      );
    }
  }
  const facts = validFacts(data, metadata, criminal);
  if (!data.parties.some((p) => p.roles.includes('reporter'))) {
    throw new InvalidReportCommand('reporter_required', 'One of the parties must be the reporter', 'parties');
  }

  const declaration = data.kind === 'loss_declaration' ? 'lost' : data.kind === 'found_object_declaration' ? 'found' : undefined;
  let object: DeclaredObject | undefined;
  if (declaration !== undefined) {
    if (data.object === undefined || isBlank(data.object.description)) {
      throw new InvalidReportCommand('object_required', `A ${data.kind} describes the object`, 'object.description');
    }
    if (data.object.category !== undefined) requireOneOf(data.object.category, OBJECT_CATEGORIES, 'object.category');
    if (facts.place === undefined) throw new InvalidReportCommand('required', `A ${data.kind} says where, at least the municipality`, 'place');
    object = { description: data.object.description, ...(data.object.category !== undefined && { category: data.object.category }) };
  }

  const receivedAt = toIso(metadata.now);
  const received: ReportReceived = {
    type: 'ReportReceived',
    data: {
      reportId: data.reportId,
      kind: data.kind,
      channel: data.channel.kind === 'front_desk' ? { kind: 'front_desk', officeId: data.channel.officeId } : { kind: data.channel.kind },
      urgent: data.urgent,
      ...(data.appointmentRef !== undefined && { appointmentRef: data.appointmentRef }),
      ...facts,
      ...(object !== undefined && { object }),
      receivedBy: metadata.actor.staffId,
      receivedAt,
    },
  };
  if (declaration === undefined || object === undefined) return [received];
  const reporter = facts.parties.find((p) => p.roles.includes('reporter')) as ReportParty;
  return [
    received,
    {
      type: 'ObjectDeclared',
      data: {
        reportId: data.reportId,
        declaration,
        object,
        declarant: { partyId: reporter.partyId, name: reporter.name, ...(reporter.contact !== undefined && { contact: reporter.contact }) },
        ...(facts.place !== undefined && { place: facts.place }),
        ...(facts.timeWindow !== undefined && { timeWindow: facts.timeWindow }),
        declaredAt: receivedAt,
      },
    },
  ];
}

export function decideAmendReport(state: ReportState, { data, metadata }: AmendReport): [ReportAmended] {
  const report = open(state);
  requireText(data, ['reason']);
  const unknown = Object.keys(data.changes).find((field) => !AMENDABLE_FIELDS.includes(field as keyof ReportFacts));
  if (unknown !== undefined) throw new InvalidReportCommand('invalid_value', `${unknown} cannot be amended`, `changes.${unknown}`);
  const merged: ReportFacts = { ...facts(report), ...definedOnly(data.changes) };
  const valid = validFacts(merged, metadata, CRIMINAL_KINDS.includes(report.kind), 'changes.');
  if (!valid.parties.some((p) => p.roles.includes('reporter'))) {
    throw new InvalidReportCommand('reporter_required', 'One of the parties must remain the reporter', 'changes.parties');
  }
  const changes: Partial<ReportFacts> = {};
  const previous: Partial<ReportFacts> = {};
  for (const field of AMENDABLE_FIELDS) {
    if (data.changes[field] === undefined) continue;
    if (JSON.stringify(valid[field]) === JSON.stringify(report[field])) continue;
    Object.assign(changes, { [field]: valid[field] });
    if (report[field] !== undefined) Object.assign(previous, { [field]: report[field] });
  }
  if (Object.keys(changes).length === 0) throw new InvalidReportCommand('nothing_to_amend', 'The amendment changes nothing', 'changes');
  return [
    {
      type: 'ReportAmended',
      data: { reportId: report.reportId, changes, previous, reason: data.reason, amendedBy: metadata.actor.staffId, amendedAt: toIso(metadata.now) },
    },
  ];
}

export function decideAssignReportToService(state: ReportState, { data, metadata }: AssignReportToService): [ReportAssignedToService] {
  const report = open(state);
  requireText(data, ['serviceId']);
  if (data.note !== undefined && isBlank(data.note)) throw new InvalidReportCommand('required', 'A note may not be blank', 'note');
  if (report.assignedServiceId === data.serviceId) {
    throw new ReportConflict('already_assigned_to_service', `The report is already assigned to ${data.serviceId}`);
  }
  return [
    {
      type: 'ReportAssignedToService',
      data: {
        reportId: report.reportId,
        serviceId: data.serviceId,
        ...(report.assignedServiceId !== null && { previousServiceId: report.assignedServiceId }),
        ...(data.note !== undefined && { note: data.note }),
        assignedBy: metadata.actor.staffId,
        assignedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideReferReportExternally(state: ReportState, { data, metadata }: ReferReportExternally): [ReportReferredExternally] {
  const report = open(state);
  requireText(data, ['organisation', 'reason']);
  return [
    {
      type: 'ReportReferredExternally',
      data: { reportId: report.reportId, organisation: data.organisation, reason: data.reason, referredBy: metadata.actor.staffId, referredAt: toIso(metadata.now) },
    },
  ];
}

export function decideOfferVictimSupport(state: ReportState, { data, metadata }: OfferVictimSupport): [VictimSupportOffered] {
  const report = open(state);
  requireText(data, ['partyId', 'supportBy']);
  requireBoolean(data.accepted, 'accepted');
  const party = report.parties.find((p) => p.partyId === data.partyId);
  if (party === undefined) throw new ReportNotFound('party_not_found', `Party ${data.partyId} is not on this report`);
  if (!party.roles.includes('victim')) throw new ReportConflict('no_such_victim', `${party.name} is not a victim on this report`);
  if (report.victimSupportOffered.includes(party.partyId)) {
    throw new ReportConflict('victim_support_already_offered', `${party.name} was already offered victim support`);
  }
  return [
    {
      type: 'VictimSupportOffered',
      data: {
        reportId: report.reportId,
        partyId: party.partyId,
        supportBy: data.supportBy,
        accepted: data.accepted,
        offeredBy: metadata.actor.staffId,
        offeredAt: toIso(metadata.now),
      },
    },
  ];
}

const INVESTIGABLE_KINDS: readonly ReportKind[] = ['aangifte', 'klacht', 'melding'];

export function decideRequestInvestigation(state: ReportState, { data, metadata }: RequestInvestigation): [InvestigationRequested] {
  const report = open(state);
  if (!INVESTIGABLE_KINDS.includes(report.kind)) {
    throw new ReportConflict('report_kind_not_investigable', `A ${report.kind} does not lead to an investigation`);
  }
  if (report.investigationRequestedAt !== null) {
    throw new ReportConflict('investigation_already_requested', `An investigation was already requested at ${report.investigationRequestedAt}`);
  }
  requireText(data, ['reason']);
  if (report.incidentType === undefined) throw new InvalidReportCommand('required', 'Amend the report with an incident type first', 'incidentType');
  if (report.timeWindow === undefined) throw new InvalidReportCommand('required', 'Amend the report with when it happened first', 'timeWindow');
  if (report.place === undefined) throw new InvalidReportCommand('required', 'Amend the report with where it happened first', 'place');
  const competentService = report.assignedServiceId ?? data.defaultCompetentService;
  if (isBlank(competentService)) throw new InvalidReportCommand('required', 'No competent service: assign the report first', 'defaultCompetentService');
  if (data.pvNumber !== undefined && isBlank(data.pvNumber)) throw new InvalidReportCommand('required', 'pvNumber may not be blank', 'pvNumber');
  return [
    {
      type: 'InvestigationRequested',
      data: {
        reportId: report.reportId,
        kind: report.kind,
        incidentType: report.incidentType,
        timeWindow: report.timeWindow,
        place: report.place,
        narrative: report.narrative,
        parties: report.parties,
        motiveFlags: report.motiveFlags,
        competentService,
        ...(data.pvNumber !== undefined && { pvNumber: data.pvNumber }),
        reason: data.reason,
        requestedBy: metadata.actor.staffId,
        requestedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideRouteConductComplaintToIntegrity(
  state: ReportState,
  { data, metadata }: RouteConductComplaintToIntegrity,
): [ConductComplaintRoutedToIntegrity] {
  const report = open(state);
  if (!report.concernsPoliceConduct) throw new ReportConflict('not_about_police_conduct', 'Only a report about police conduct goes to integrity');
  if (!isUuid(data.integrityHandoffId)) throw new InvalidReportCommand('invalid_id', 'The integrity hand-off id must be a UUID', 'integrityHandoffId');
  return [
    {
      type: 'ConductComplaintRoutedToIntegrity',
      data: {
        reportId: report.reportId,
        integrityHandoffId: data.integrityHandoffId,
        complaint: { kind: report.kind, channel: report.channel, receivedAt: report.receivedAt, ...facts(report) },
        routedBy: metadata.actor.staffId,
        routedAt: toIso(metadata.now),
      },
    },
  ];
}

/**
 * An intake or an amendment, followed in the same decision by the routing to integrity when the report
 * (now) concerns police conduct (F6): a conduct complaint is never left readable at the desk, not even
 * between two requests.
 */
export function decideAndRouteConduct(state: ReportState, command: ReceiveReport | AmendReport, integrityHandoffId: string): ReportEvent[] {
  const events = command.type === 'ReceiveReport' ? decideReceiveReport(state, command) : decideAmendReport(state, command);
  const after = events.reduce<ReportState>(evolveReport, state);
  if (after.status !== 'open' || !after.concernsPoliceConduct) return events;
  return [...events, ...decideRouteConductComplaintToIntegrity(after, { type: 'RouteConductComplaintToIntegrity', data: { integrityHandoffId }, metadata: command.metadata })];
}

/** The report as it may be acted on (e.g. a PV drawn up for it): received, and not routed to integrity. */
export function requireOpenReport(state: ReportState): OpenReport {
  return open(state);
}

function open(state: ReportState): OpenReport {
  if (state.status === 'unreceived') throw new ReportNotFound('report_not_found', 'No report was received under this id');
  if (state.status === 'routed_to_integrity') {
    throw new ReportConflict('report_routed_to_integrity', `The report was routed to integrity (${state.integrityHandoffId}); it is handled there`);
  }
  return state;
}

function facts(report: OpenReport): ReportFacts {
  return {
    ...(report.incidentType !== undefined && { incidentType: report.incidentType }),
    ...(report.timeWindow !== undefined && { timeWindow: report.timeWindow }),
    ...(report.place !== undefined && { place: report.place }),
    narrative: report.narrative,
    parties: report.parties,
    motiveFlags: report.motiveFlags,
    victimSupportWanted: report.victimSupportWanted,
    concernsPoliceConduct: report.concernsPoliceConduct,
    ...(report.staffMembersConcerned !== undefined && { staffMembersConcerned: report.staffMembersConcerned }),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

type FactsInput = Omit<ReportFacts, 'parties' | 'motiveFlags' | 'staffMembersConcerned'> & {
  parties: readonly ReportParty[];
  motiveFlags: readonly MotiveFlag[];
  staffMembersConcerned?: readonly string[];
};

/** Checks the facts and returns them in their stored form (instants normalised, optional fields only when given). */
function validFacts(data: FactsInput, metadata: CommandMetadata, criminal: boolean, prefix = ''): ReportFacts {
  requireText(data, ['narrative'], prefix);
  if (data.incidentType !== undefined && isBlank(data.incidentType)) throw new InvalidReportCommand('required', 'incidentType may not be blank', `${prefix}incidentType`);
  if (criminal && data.incidentType === undefined) throw new InvalidReportCommand('required', 'An aangifte or klacht names the incident type', `${prefix}incidentType`);
  const place = data.place === undefined ? undefined : validPlace(data.place, `${prefix}place`);
  let timeWindow: TimeWindow | undefined;
  if (data.timeWindow !== undefined) {
    requireInstant(data.timeWindow.from, `${prefix}timeWindow.from`);
    requireInstant(data.timeWindow.to, `${prefix}timeWindow.to`);
    if (Date.parse(data.timeWindow.from) > Date.parse(data.timeWindow.to)) {
      throw new InvalidReportCommand('invalid_time_window', 'The time window must start before it ends', `${prefix}timeWindow`);
    }
    if (Date.parse(data.timeWindow.to) > metadata.now.getTime()) {
      throw new InvalidReportCommand('time_window_in_future', 'The incident cannot end in the future', `${prefix}timeWindow.to`);
    }
    timeWindow = { from: toIso(data.timeWindow.from), to: toIso(data.timeWindow.to) };
  } else if (criminal) {
    throw new InvalidReportCommand('required', 'An aangifte or klacht says when it happened', `${prefix}timeWindow`);
  }
  if (!Array.isArray(data.parties) || data.parties.length === 0) throw new InvalidReportCommand('reporter_required', 'A report has at least its reporter', `${prefix}parties`);
  data.parties.forEach((p, i) => {
    const field = `${prefix}parties[${i}]`;
    if (isBlank(p.partyId) || isBlank(p.name)) throw new InvalidReportCommand('required', 'Every party has an id and a name', field);
    if (!isUuid(p.partyId)) throw new InvalidReportCommand('invalid_id', 'A party id is a UUID', `${field}.partyId`);
    if (p.contact !== undefined && isBlank(p.contact)) throw new InvalidReportCommand('required', 'A contact may not be blank', `${field}.contact`);
    if (!Array.isArray(p.roles) || p.roles.length === 0 || hasDuplicates(p.roles)) {
      throw new InvalidReportCommand('invalid_parties', 'Every party has one or more distinct roles', `${field}.roles`);
    }
    p.roles.forEach((role: PartyRole) => requireOneOf(role, PARTY_ROLES, `${field}.roles`));
  });
  if (hasDuplicates(data.parties.map((p) => p.partyId))) throw new InvalidReportCommand('invalid_parties', 'A party is listed twice', `${prefix}parties`);
  if (!Array.isArray(data.motiveFlags) || hasDuplicates(data.motiveFlags)) {
    throw new InvalidReportCommand('invalid_value', 'Motive flags are a list without repeats', `${prefix}motiveFlags`);
  }
  data.motiveFlags.forEach((flag) => requireOneOf(flag, MOTIVE_FLAGS, `${prefix}motiveFlags`));
  requireBoolean(data.victimSupportWanted, `${prefix}victimSupportWanted`);
  requireBoolean(data.concernsPoliceConduct, `${prefix}concernsPoliceConduct`);
  if (data.staffMembersConcerned !== undefined) {
    const staff = data.staffMembersConcerned;
    if (!Array.isArray(staff) || staff.some((id) => isBlank(id)) || hasDuplicates(staff)) {
      throw new InvalidReportCommand('invalid_value', 'Staff members concerned are staff ids, each once', `${prefix}staffMembersConcerned`);
    }
    // Nobody takes in a complaint about themselves: a colleague must (as integrity refuses a registrar it names).
    if (staff.includes(metadata.actor.staffId)) {
      throw new InvalidReportCommand('complaint_names_receiver', 'A complaint about you is taken in by a colleague, not by you', `${prefix}staffMembersConcerned`);
    }
  }
  return {
    ...(data.incidentType !== undefined && { incidentType: data.incidentType }),
    ...(timeWindow !== undefined && { timeWindow }),
    ...(place !== undefined && { place }),
    narrative: data.narrative,
    parties: data.parties.map(({ partyId, name, roles, contact }) => ({ partyId, name, roles: [...roles], ...(contact !== undefined && { contact }) })),
    motiveFlags: [...data.motiveFlags],
    victimSupportWanted: data.victimSupportWanted,
    concernsPoliceConduct: data.concernsPoliceConduct,
    ...(data.staffMembersConcerned !== undefined && { staffMembersConcerned: [...data.staffMembersConcerned] }),
  };
}

const POSTAL_CODE = /^\d{4}$/;

function validPlace(place: Place, field: string): Place {
  if (typeof place !== 'object' || place === null || isBlank(place.municipality)) throw new InvalidReportCommand('required', 'A place names at least its municipality', `${field}.municipality`);
  if (place.postalCode !== undefined && (typeof place.postalCode !== 'string' || !POSTAL_CODE.test(place.postalCode))) {
    throw new InvalidReportCommand('invalid_value', 'A Belgian postal code has four digits', `${field}.postalCode`);
  }
  if (place.address !== undefined && isBlank(place.address)) throw new InvalidReportCommand('required', 'An address may not be blank', `${field}.address`);
  return {
    municipality: place.municipality,
    ...(place.postalCode !== undefined && { postalCode: place.postalCode }),
    ...(place.address !== undefined && { address: place.address }),
  };
}

function requireText<T extends object>(data: T, fields: (keyof T & string)[], prefix = ''): void {
  for (const field of fields) {
    const value = data[field];
    if (typeof value !== 'string' || isBlank(value)) throw new InvalidReportCommand('required', `${field} is required`, `${prefix}${field}`);
  }
}

function requireOneOf<T extends string>(value: T | undefined, allowed: readonly T[], field: string): void {
  if (value === undefined || !allowed.includes(value)) throw new InvalidReportCommand('invalid_value', `${field} must be one of ${allowed.join(', ')}`, field);
}

function requireBoolean(value: boolean, field: string): void {
  if (typeof value !== 'boolean') throw new InvalidReportCommand('invalid_value', `${field} must be true or false`, field);
}

function requireInstant(value: string, field: string): void {
  if (!isInstant(value)) throw new InvalidReportCommand('invalid_time', `${field} must be an RFC 3339 date-time with an offset`, field);
}
