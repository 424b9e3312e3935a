import { decideLinkParty } from './investigation-parties.decide';
import {
  AddTeamMember,
  AssignInvestigationToTeam,
  AssignLeadInvestigator,
  OpenInvestigationCommand,
  RecordDirectingAuthority,
  RemoveTeamMember,
} from './investigation.commands';
import {
  InvalidInvestigationCommand,
  InvestigationClosedError,
  InvestigationConflict,
  InvestigationNotFound,
} from './investigation.errors';
import {
  DirectingAuthorityRecorded,
  INVESTIGATION_KINDS,
  InvestigationAssignedToTeam,
  InvestigationEvent,
  InvestigationOpened,
  LeadInvestigatorAssigned,
  Origin,
  ORIGIN_KINDS,
  PartyRole,
  REPORT_KINDS,
  REPORT_PARTY_ROLES,
  ReportPartyRole,
  TeamMemberAdded,
  TeamMemberRemoved,
} from './investigation.events';
import {
  authorityRef,
  open,
  recorded,
  requireAuthorityForKind,
  requireInstant,
  requireOneOf,
  requireText,
  requireUuid,
  route,
  validAuthorityRef,
} from './investigation.guards';
import { evolveInvestigation, InvestigationState } from './investigation.state';
import { isBlank, isUuid, toIso } from './investigations.decide';

// Opening an investigation: its origin, directing authority, team, lead investigator and members.

export function decideOpenInvestigation(state: InvestigationState, { data, metadata }: OpenInvestigationCommand): [InvestigationOpened] {
  if (state.status === 'closed') throw new InvestigationClosedError(state);
  if (state.status === 'open')
    throw new InvestigationConflict('investigation_already_opened', `Investigation ${state.investigationId} is already open`);

  if (!isUuid(data.investigationId))
    throw new InvalidInvestigationCommand('invalid_id', 'The investigation id must be a UUID', 'investigationId');
  requireOneOf(data.kind, INVESTIGATION_KINDS, 'kind');
  requireText(data, ['phenomenon', 'title']);
  const origin = validOrigin(data.origin);
  if (data.directingAuthority !== undefined)
    requireAuthorityForKind(validAuthorityRef(data.directingAuthority, 'directingAuthority'), data.kind);
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
        data: {
          partyLinkId: i === 0 ? partyId : `${partyId}:${role}`,
          personId: partyId,
          displayName: person.displayName,
          role,
          identified: role !== 'suspect',
          traced: false,
        },
        metadata: command.metadata,
      });
      events.push(linked);
      current = evolveInvestigation(current, linked);
    });
  }
  return events;
}

export function decideRecordDirectingAuthority(
  state: InvestigationState,
  { data, metadata }: RecordDirectingAuthority,
): [DirectingAuthorityRecorded] {
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

export function decideAssignInvestigationToTeam(
  state: InvestigationState,
  { data, metadata }: AssignInvestigationToTeam,
): [InvestigationAssignedToTeam] {
  const investigation = open(state);
  requireText(data, ['reason']);
  if (data.team !== undefined && isBlank(data.team)) throw new InvalidInvestigationCommand('required', 'The team may not be blank', 'team');
  const team = data.team ?? route(data.routing, investigation.phenomenon);
  if (team === investigation.team)
    throw new InvestigationConflict('same_team', `Investigation ${investigation.investigationId} is already with ${team}`);
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

export function decideAssignLeadInvestigator(
  state: InvestigationState,
  { data, metadata }: AssignLeadInvestigator,
): [LeadInvestigatorAssigned] {
  const investigation = open(state);
  requireText(data, ['staffId']);
  const previous = investigation.leadInvestigator;
  if (previous === data.staffId)
    throw new InvestigationConflict('same_lead_investigator', `${data.staffId} already leads this investigation`);
  if (previous !== null && isBlank(data.reason)) {
    throw new InvalidInvestigationCommand('required', `Replacing lead investigator ${previous} needs a reason`, 'reason');
  }
  if (data.reason !== undefined && isBlank(data.reason))
    throw new InvalidInvestigationCommand('required', 'A reason may not be blank', 'reason');
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
  if (!investigation.members.includes(data.staffId))
    throw new InvestigationNotFound('member_not_found', `${data.staffId} is not a member of this investigation`);
  return [{ type: 'TeamMemberRemoved', data: { ...recorded(investigation, metadata), staffId: data.staffId, reason: data.reason } }];
}

function validOrigin(origin: Origin): Origin {
  requireOneOf(origin.kind, ORIGIN_KINDS, 'origin.kind');
  switch (origin.kind) {
    case 'report': {
      const r = origin.report;
      requireUuid(r.reportId, 'origin.report.reportId');
      requireOneOf(r.kind, REPORT_KINDS, 'origin.report.kind');
      if (isBlank(r.incidentType))
        throw new InvalidInvestigationCommand('required', 'The incident type is required', 'origin.report.incidentType');
      if (isBlank(r.summary)) throw new InvalidInvestigationCommand('required', 'The summary is required', 'origin.report.summary');
      if (isBlank(r.place.municipality))
        throw new InvalidInvestigationCommand('required', 'The municipality is required', 'origin.report.place.municipality');
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
      if (isBlank(origin.reference))
        throw new InvalidInvestigationCommand('required', 'The instruction reference is required', 'origin.reference');
      return { kind: origin.kind, instruction: origin.instruction, reference: origin.reference };
    case 'andere_politiedienst':
      if (isBlank(origin.service)) throw new InvalidInvestigationCommand('required', 'Name the police service', 'origin.service');
      if (origin.reference !== undefined && isBlank(origin.reference))
        throw new InvalidInvestigationCommand('required', 'A reference may not be blank', 'origin.reference');
      return { kind: origin.kind, service: origin.service, ...(origin.reference !== undefined && { reference: origin.reference }) };
    case 'eigen_organisatie':
      if (isBlank(origin.unit)) throw new InvalidInvestigationCommand('required', 'Name the unit', 'origin.unit');
      return { kind: origin.kind, unit: origin.unit };
    case 'eigen_initiatief':
      return { kind: 'eigen_initiatief' };
  }
}
