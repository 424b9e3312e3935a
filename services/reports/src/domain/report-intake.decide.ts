import { ReceiveReport } from './report.commands';
import { InvalidReportCommand, ReportConflict } from './report.errors';
import {
  CHANNEL_KINDS,
  CRIMINAL_KINDS,
  DeclaredObject,
  OBJECT_CATEGORIES,
  ObjectDeclared,
  REPORT_KINDS,
  ReportParty,
  ReportReceived,
} from './report.events';
import { requireBoolean, requireOneOf, validFacts } from './report.guards';
import { ReportState } from './report.state';
import { isBlank, isUuid, toIso } from './reports.decide';

// Intake: the front desk receives a report (R-REP-2: by appointment where the office asks for one).

export function decideReceiveReport(
  state: ReportState,
  { data, metadata }: ReceiveReport,
): [ReportReceived] | [ReportReceived, ObjectDeclared] {
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
    if (office === undefined)
      throw new InvalidReportCommand('unknown_office', `Office ${officeId} is not configured in this zone`, 'channel.officeId');
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
    if (facts.place === undefined)
      throw new InvalidReportCommand('required', `A ${data.kind} says where, at least the municipality`, 'place');
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
