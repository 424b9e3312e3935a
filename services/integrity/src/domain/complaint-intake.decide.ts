import { AcknowledgeForwarding, ForwardComplaint, ReceiveComplaint } from './complaint.commands';
import { ComplaintConflict, ComplaintNotFound, InvalidComplaintCommand } from './complaint.errors';
import {
  COMPLAINT_CHANNELS,
  ComplaintChannel,
  ComplaintForwardedToAig,
  ComplaintForwardedToComiteP,
  FORWARDING_CHANNELS,
  ForwardingAcknowledged,
  IntegrityComplaintLogged,
  IntegrityComplaintReceived,
  OVERSIGHT_BODIES,
  OversightBody,
} from './complaint.events';
import { bodyName, label, open, requireNotBefore, requireOneOf, requirePastDate, requireStaffIds, requireText } from './complaint.guards';
import { ComplaintState } from './complaint.state';
import { isBlank, isUuid, toIso } from './integrity.decide';

// Intake: receiving a complaint, forwarding it to Comité P and AIG, and their acknowledgements.

type Intake =
  | [IntegrityComplaintReceived, IntegrityComplaintLogged]
  | [IntegrityComplaintReceived, IntegrityComplaintLogged, ComplaintForwardedToComiteP | ComplaintForwardedToAig];

const ORIGIN_OF_CHANNEL: Partial<Record<ComplaintChannel, OversightBody>> = { via_comite_p: 'comite_p', via_aig: 'aig' };

/**
 * Received and logged in the corps register in one decision. A complaint that came from Comité P or AIG is on
 * that body's record already: its forwarding is recorded at once as an acknowledgement of origin, under their
 * reference, so the invariant "both bodies have it" reads the same for every channel.
 */
export function decideReceiveComplaint(state: ComplaintState, { data, metadata }: ReceiveComplaint): Intake {
  if (state.status === 'registered')
    throw new ComplaintConflict(
      'complaint_already_received',
      `Complaint ${state.registerNumber ?? state.complaintId} is already received under this id`,
    );

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
    throw new InvalidComplaintCommand(
      'origin_required',
      `A complaint that came ${data.channel.replace('_', ' ')} needs their reference`,
      'externalReference',
    );
  }
  if (originBody === undefined && data.externalReference !== undefined) {
    throw new InvalidComplaintCommand(
      'origin_mismatch',
      'Only a complaint that came via Comité P or AIG carries their reference',
      'externalReference',
    );
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
  return [
    received,
    logged,
    originBody === 'comite_p' ? { type: 'ComplaintForwardedToComiteP', data: origin } : { type: 'ComplaintForwardedToAig', data: origin },
  ];
}

export function decideForwardComplaint(
  state: ComplaintState,
  { data, metadata }: ForwardComplaint,
): [ComplaintForwardedToComiteP | ComplaintForwardedToAig] {
  const complaint = open(state);
  requireOneOf(data.body, OVERSIGHT_BODIES, 'body');
  requireOneOf(data.channel, FORWARDING_CHANNELS, 'channel');
  if (data.reference !== undefined && isBlank(data.reference))
    throw new InvalidComplaintCommand('required', 'reference may not be blank', 'reference');
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
  return [
    data.body === 'comite_p'
      ? { type: 'ComplaintForwardedToComiteP', data: forwarded }
      : { type: 'ComplaintForwardedToAig', data: forwarded },
  ];
}

export function decideAcknowledgeForwarding(state: ComplaintState, { data, metadata }: AcknowledgeForwarding): [ForwardingAcknowledged] {
  const complaint = open(state);
  requireOneOf(data.body, OVERSIGHT_BODIES, 'body');
  requireText(data, ['reference']);
  requirePastDate(data.acknowledgedOn, 'acknowledgedOn', metadata);
  const forwarding = complaint.forwardings[data.body];
  if (!forwarding)
    throw new ComplaintNotFound('forwarding_not_found', `Complaint ${label(complaint)} was not forwarded to ${bodyName(data.body)}`);
  if (forwarding.reference !== undefined) {
    throw new ComplaintConflict(
      'forwarding_already_acknowledged',
      `${bodyName(data.body)} already gave reference ${forwarding.reference} for complaint ${label(complaint)}`,
    );
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
