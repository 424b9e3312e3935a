import { decideReceiveReport } from './report-intake.decide';
import {
  AmendReport,
  AssignReportToService,
  ConfirmConductComplaintReceipt,
  OfferVictimSupport,
  ReceiveReport,
  ReferReportExternally,
  RequestInvestigation,
  RouteConductComplaintToIntegrity,
} from './report.commands';
import { InvalidReportCommand, ReportConflict, ReportNotFound } from './report.errors';
import {
  AMENDABLE_FIELDS,
  ConductComplaintReceiptConfirmed,
  ConductComplaintRoutedToIntegrity,
  CRIMINAL_KINDS,
  InvestigationRequested,
  ReportAmended,
  ReportAssignedToService,
  ReportEvent,
  ReportFacts,
  ReportKind,
  ReportReferredExternally,
  VictimSupportOffered,
} from './report.events';
import { definedOnly, facts, open, requireBoolean, requireText, validFacts } from './report.guards';
import { evolveReport, ReportState } from './report.state';
import { isBlank, isInstant, isUuid, toIso } from './reports.decide';

// Triage: amending the facts, assigning or referring the report, victim support, an investigation, or integrity for a complaint about police conduct.

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
      data: {
        reportId: report.reportId,
        changes,
        previous,
        reason: data.reason,
        amendedBy: metadata.actor.staffId,
        amendedAt: toIso(metadata.now),
      },
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
      data: {
        reportId: report.reportId,
        organisation: data.organisation,
        reason: data.reason,
        referredBy: metadata.actor.staffId,
        referredAt: toIso(metadata.now),
      },
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
    throw new ReportConflict(
      'investigation_already_requested',
      `An investigation was already requested at ${report.investigationRequestedAt}`,
    );
  }
  requireText(data, ['reason']);
  if (report.incidentType === undefined)
    throw new InvalidReportCommand('required', 'Amend the report with an incident type first', 'incidentType');
  if (report.timeWindow === undefined)
    throw new InvalidReportCommand('required', 'Amend the report with when it happened first', 'timeWindow');
  if (report.place === undefined) throw new InvalidReportCommand('required', 'Amend the report with where it happened first', 'place');
  const competentService = report.assignedServiceId ?? data.defaultCompetentService;
  if (isBlank(competentService))
    throw new InvalidReportCommand('required', 'No competent service: assign the report first', 'defaultCompetentService');
  if (data.pvNumber !== undefined && isBlank(data.pvNumber))
    throw new InvalidReportCommand('required', 'pvNumber may not be blank', 'pvNumber');
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
  if (!report.concernsPoliceConduct)
    throw new ReportConflict('not_about_police_conduct', 'Only a report about police conduct goes to integrity');
  if (!isUuid(data.integrityHandoffId))
    throw new InvalidReportCommand('invalid_id', 'The integrity hand-off id must be a UUID', 'integrityHandoffId');
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
 * Integrity holds the complaint: the report's copy of it is destroyed (the event's append destroys the report's
 * data key, ADR 0053), once. A receipt for a report that was never routed is refused; a second receipt changes nothing.
 */
export function decideConfirmConductComplaintReceipt(
  state: ReportState,
  { data, metadata }: ConfirmConductComplaintReceipt,
): ConductComplaintReceiptConfirmed[] {
  if (state.status === 'unreceived') throw new ReportNotFound('report_not_found', 'No report was received under this id');
  if (state.status !== 'routed_to_integrity')
    throw new ReportConflict('not_routed_to_integrity', 'Integrity confirmed a complaint this report never routed to it');
  if (state.erased) return [];
  if (isBlank(data.receiptId)) throw new InvalidReportCommand('required', 'The receipt id is required', 'receiptId');
  if (!isInstant(data.receivedAt)) throw new InvalidReportCommand('invalid_time', 'receivedAt must be an instant', 'receivedAt');
  return [
    {
      type: 'ConductComplaintReceiptConfirmed',
      data: {
        reportId: state.reportId,
        receiptId: data.receiptId,
        receivedByIntegrityAt: data.receivedAt,
        decision: `hand-over to integrity confirmed (receipt ${data.receiptId})`,
        erasedBy: metadata.actor.staffId,
        erasedAt: toIso(metadata.now),
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
  return [
    ...events,
    ...decideRouteConductComplaintToIntegrity(after, {
      type: 'RouteConductComplaintToIntegrity',
      data: { integrityHandoffId },
      metadata: command.metadata,
    }),
  ];
}
