import {
  AnswerInformationRequest,
  ConcludeInvestigation,
  RecordFinding,
  RecordHearing,
  RecordInformationRequest,
} from './complaint.commands';
import { ComplaintConflict, ComplaintNotFound, InvalidComplaintCommand } from './complaint.errors';
import {
  CONCLUSIONS,
  ExculpatoryFindingRecorded,
  HearingAssistance,
  IncriminatingFindingRecorded,
  InformationProvidedToOversightBody,
  InformationRequestReceived,
  InvestigationConcluded,
  OVERSIGHT_BODIES,
  StaffMemberHeard,
} from './complaint.events';
import {
  forwarded,
  investigating,
  label,
  requireBoolean,
  requireConcerned,
  requireInvestigator,
  requireOneOf,
  requirePastDate,
  requireText,
} from './complaint.guards';
import { ComplaintState } from './complaint.state';
import { isBlank, toIso } from './integrity.decide';

// The investigation: findings, the oversight bodies' requests, hearings, and the conclusion.

export function decideRecordFinding(
  state: ComplaintState,
  { data, metadata }: RecordFinding,
): [IncriminatingFindingRecorded | ExculpatoryFindingRecorded] {
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
  return [
    data.kind === 'incriminating'
      ? { type: 'IncriminatingFindingRecorded', data: finding }
      : { type: 'ExculpatoryFindingRecorded', data: finding },
  ];
}

export function decideRecordInformationRequest(
  state: ComplaintState,
  { data, metadata }: RecordInformationRequest,
): [InformationRequestReceived] {
  const complaint = forwarded(state);
  requireOneOf(data.body, OVERSIGHT_BODIES, 'body');
  requireText(data, ['requestId', 'request']);
  if (data.externalReference !== undefined && isBlank(data.externalReference)) {
    throw new InvalidComplaintCommand('required', 'externalReference may not be blank', 'externalReference');
  }
  requirePastDate(data.receivedOn, 'receivedOn', metadata);
  if (Object.hasOwn(complaint.informationRequests, data.requestId))
    throw new ComplaintConflict('id_in_use', `Information request ${data.requestId} is already recorded`);
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

export function decideAnswerInformationRequest(
  state: ComplaintState,
  { data, metadata }: AnswerInformationRequest,
): [InformationProvidedToOversightBody] {
  const complaint = forwarded(state);
  requireText(data, ['requestId', 'answer']);
  requirePastDate(data.providedOn, 'providedOn', metadata);
  const request = complaint.informationRequests[data.requestId];
  if (!request)
    throw new ComplaintNotFound(
      'information_request_not_found',
      `No information request ${data.requestId} on complaint ${label(complaint)}`,
    );
  if (request.answered)
    throw new ComplaintConflict('information_request_already_answered', `Information request ${data.requestId} was already answered`);
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
    if (isBlank(assistance.name))
      throw new InvalidComplaintCommand('required', `The ${assistance.kind}'s name is required`, 'assistance.name');
    recorded = { kind: assistance.kind, name: assistance.name };
  } else throw new InvalidComplaintCommand('invalid_value', 'assistance must be a lawyer, a defender or waived', 'assistance.kind');
  if (complaint.hearings.includes(data.hearingId))
    throw new ComplaintConflict('id_in_use', `Hearing ${data.hearingId} is already recorded`);
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
    throw new ComplaintConflict(
      'no_finding_considered',
      `Complaint ${label(complaint)} has no finding recorded, ten laste or ten ontlaste; it cannot be concluded`,
    );
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
