import { inputRules } from '@police/event-store/domain';
import { InvalidReportCommand, ReportConflict, ReportNotFound } from './report.errors';
import { MOTIVE_FLAGS, MotiveFlag, PARTY_ROLES, PartyRole, Place, ReportFacts, ReportParty, TimeWindow } from './report.events';
import { OpenReport, ReportState } from './report.state';
import { CommandMetadata, hasDuplicates, isBlank, isUuid, toIso } from './reports.decide';

// What the report's deciders check before they decide: that the report is open, its facts, and the shared input rules.

export const { requireText, requireOneOf, requireBoolean, requireInstant } = inputRules(InvalidReportCommand);

/** The report as it may be acted on (e.g. a PV drawn up for it): received, and not routed to integrity. */
export function requireOpenReport(state: ReportState): OpenReport {
  return open(state);
}

/** The report as it may be worked on: received, not routed to integrity, its statement not erased. */
export function open(state: ReportState): OpenReport {
  const report = received(state);
  if (report.erased)
    throw new ReportConflict('statement_already_erased', `Its statement was erased on ${report.erased.at} under ${report.erased.decision}`);
  return report;
}

/** The report as the DPO's decisions on its processing take it: received and not routed, erased or not. */
export function received(state: ReportState): OpenReport {
  if (state.status === 'unreceived') throw new ReportNotFound('report_not_found', 'No report was received under this id');
  if (state.status === 'routed_to_integrity') {
    throw new ReportConflict(
      'report_routed_to_integrity',
      `The report was routed to integrity (${state.integrityHandoffId}); it is handled there`,
    );
  }
  return state;
}

export function facts(report: OpenReport): ReportFacts {
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

export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type FactsInput = Omit<ReportFacts, 'parties' | 'motiveFlags' | 'staffMembersConcerned'> & {
  parties: readonly ReportParty[];
  motiveFlags: readonly MotiveFlag[];
  staffMembersConcerned?: readonly string[];
};

/** Checks the facts and returns them in their stored form (instants normalised, optional fields only when given). */
export function validFacts(data: FactsInput, metadata: CommandMetadata, criminal: boolean, prefix = ''): ReportFacts {
  requireText(data, ['narrative'], prefix);
  if (data.incidentType !== undefined && isBlank(data.incidentType))
    throw new InvalidReportCommand('required', 'incidentType may not be blank', `${prefix}incidentType`);
  if (criminal && data.incidentType === undefined)
    throw new InvalidReportCommand('required', 'An aangifte or klacht names the incident type', `${prefix}incidentType`);
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
  if (!Array.isArray(data.parties) || data.parties.length === 0)
    throw new InvalidReportCommand('reporter_required', 'A report has at least its reporter', `${prefix}parties`);
  data.parties.forEach((p, i) => {
    const field = `${prefix}parties[${i}]`;
    if (isBlank(p.partyId) || isBlank(p.name)) throw new InvalidReportCommand('required', 'Every party has an id and a name', field);
    if (!isUuid(p.partyId)) throw new InvalidReportCommand('invalid_id', 'A party id is a UUID', `${field}.partyId`);
    if (p.contact !== undefined && isBlank(p.contact))
      throw new InvalidReportCommand('required', 'A contact may not be blank', `${field}.contact`);
    if (!Array.isArray(p.roles) || p.roles.length === 0 || hasDuplicates(p.roles)) {
      throw new InvalidReportCommand('invalid_parties', 'Every party has one or more distinct roles', `${field}.roles`);
    }
    p.roles.forEach((role: PartyRole) => requireOneOf(role, PARTY_ROLES, `${field}.roles`));
  });
  if (hasDuplicates(data.parties.map((p) => p.partyId)))
    throw new InvalidReportCommand('invalid_parties', 'A party is listed twice', `${prefix}parties`);
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
      throw new InvalidReportCommand(
        'complaint_names_receiver',
        'A complaint about you is taken in by a colleague, not by you',
        `${prefix}staffMembersConcerned`,
      );
    }
  }
  return {
    ...(data.incidentType !== undefined && { incidentType: data.incidentType }),
    ...(timeWindow !== undefined && { timeWindow }),
    ...(place !== undefined && { place }),
    narrative: data.narrative,
    parties: data.parties.map(({ partyId, name, roles, contact }) => ({
      partyId,
      name,
      roles: [...roles],
      ...(contact !== undefined && { contact }),
    })),
    motiveFlags: [...data.motiveFlags],
    victimSupportWanted: data.victimSupportWanted,
    concernsPoliceConduct: data.concernsPoliceConduct,
    ...(data.staffMembersConcerned !== undefined && { staffMembersConcerned: [...data.staffMembersConcerned] }),
  };
}

export const POSTAL_CODE = /^\d{4}$/;

export function validPlace(place: Place, field: string): Place {
  if (typeof place !== 'object' || place === null || isBlank(place.municipality))
    throw new InvalidReportCommand('required', 'A place names at least its municipality', `${field}.municipality`);
  if (place.postalCode !== undefined && (typeof place.postalCode !== 'string' || !POSTAL_CODE.test(place.postalCode))) {
    throw new InvalidReportCommand('invalid_value', 'A Belgian postal code has four digits', `${field}.postalCode`);
  }
  if (place.address !== undefined && isBlank(place.address))
    throw new InvalidReportCommand('required', 'An address may not be blank', `${field}.address`);
  return {
    municipality: place.municipality,
    ...(place.postalCode !== undefined && { postalCode: place.postalCode }),
    ...(place.address !== undefined && { address: place.address }),
  };
}
