import {
  AddEvaluationFileNote,
  CloseComplaint,
  DecideSanction,
  RecordLessonsLearned,
  ReferToParket,
  ReportMaliciousComplaintToParket,
  StartDisciplinaryProcedure,
} from './complaint.commands';
import { ComplaintConflict, ComplaintForbidden, ComplaintNotFound, InvalidComplaintCommand } from './complaint.errors';
import {
  ComplaintClosed,
  CONCLUSIONS,
  CriminalReferralMade,
  DisciplinaryProcedureStarted,
  DisciplinarySanctionDecided,
  EvaluationFileNoteAdded,
  LESSON_SCOPES,
  LessonsLearnedRecorded,
  MaliciousComplaintReportedToParket,
} from './complaint.events';
import {
  concluded,
  label,
  requireConcerned,
  requireDisciplinaryAuthority,
  requireNotBefore,
  requireOneOf,
  requirePastDate,
  requireStaffIds,
  requireText,
} from './complaint.guards';
import { ComplaintState } from './complaint.state';
import { isBlank, toIso } from './integrity.decide';

// The outcome: the parket, discipline, the evaluation file, lessons learned, and closing.

export function decideReportMaliciousComplaintToParket(
  state: ComplaintState,
  { data, metadata }: ReportMaliciousComplaintToParket,
): [MaliciousComplaintReportedToParket] {
  const complaint = concluded(state, ['manifestly_unfounded_malicious'], 'be reported to the parket as malicious');
  if (complaint.reportedToParket)
    throw new ComplaintConflict('already_reported_to_parket', `Complaint ${label(complaint)} was already reported to the parket`);
  requirePastDate(data.reportedOn, 'reportedOn', metadata);
  if (data.parketReference !== undefined && isBlank(data.parketReference))
    throw new InvalidComplaintCommand('required', 'parketReference may not be blank', 'parketReference');
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
  if (complaint.criminalReferral)
    throw new ComplaintConflict('already_referred', `Complaint ${label(complaint)} was already referred to the parket`);
  requireStaffIds(data.staffIds, 'staffIds');
  data.staffIds.forEach((staffId, i) => requireConcerned(complaint, staffId, `staffIds[${i}]`));
  requirePastDate(data.referredOn, 'referredOn', metadata);
  if (data.parketReference !== undefined && isBlank(data.parketReference))
    throw new InvalidComplaintCommand('required', 'parketReference may not be blank', 'parketReference');
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

export function decideStartDisciplinaryProcedure(
  state: ComplaintState,
  { data, metadata }: StartDisciplinaryProcedure,
): [DisciplinaryProcedureStarted] {
  const complaint = concluded(state, ['founded'], 'lead to a disciplinary procedure');
  const authority = requireDisciplinaryAuthority(metadata.actor, data.config, 'start a disciplinary procedure');
  requireConcerned(complaint, data.staffId, 'staffId');
  if (complaint.procedures[data.staffId]) {
    throw new ComplaintConflict(
      'disciplinary_procedure_already_started',
      `A disciplinary procedure against ${data.staffId} was already started on complaint ${label(complaint)}`,
    );
  }
  return [
    {
      type: 'DisciplinaryProcedureStarted',
      data: {
        complaintId: complaint.complaintId,
        staffId: data.staffId,
        authority,
        startedBy: metadata.actor.staffId,
        startedAt: toIso(metadata.now),
      },
    },
  ];
}

/** The sanction must be in the catalogue, and the deciding authority competent for its severity (R-INT-6, R-INT-7). */
export function decideDecideSanction(state: ComplaintState, { data, metadata }: DecideSanction): [DisciplinarySanctionDecided] {
  const complaint = concluded(state, ['founded'], 'lead to a sanction');
  const authority = requireDisciplinaryAuthority(metadata.actor, data.config, 'decide a sanction');
  const procedure = complaint.procedures[data.staffId];
  if (!procedure)
    throw new ComplaintNotFound(
      'disciplinary_procedure_not_found',
      `No disciplinary procedure against ${data.staffId} on complaint ${label(complaint)}`,
    );
  if (procedure.sanction !== null) {
    throw new ComplaintConflict(
      'sanction_already_decided',
      `${procedure.sanction.authority} already decided ${procedure.sanction.sanction} for ${data.staffId}`,
    );
  }
  const severity = Object.hasOwn(data.config.sanctions, data.sanction) ? data.config.sanctions[data.sanction] : undefined;
  if (severity === undefined) {
    throw new InvalidComplaintCommand(
      'unknown_sanction',
      `${data.sanction} is not in the sanction catalogue (${Object.keys(data.config.sanctions).join(', ')})`,
      'sanction',
    );
  }
  if (!(data.config.competence[authority] ?? []).includes(severity)) {
    throw new ComplaintForbidden(
      'authority_not_competent',
      `The ${authority} is not competent to impose a ${severity} sanction (${data.sanction})`,
    );
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
    throw new ComplaintConflict(
      'note_already_added',
      `A note for ${data.staffId}'s evaluation file was already added on complaint ${label(complaint)}`,
    );
  }
  return [
    {
      type: 'EvaluationFileNoteAdded',
      data: {
        complaintId: complaint.complaintId,
        staffId: data.staffId,
        note: data.note,
        addedBy: metadata.actor.staffId,
        addedAt: toIso(metadata.now),
      },
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
      data: {
        complaintId: complaint.complaintId,
        scope: data.scope,
        lessons: data.lessons,
        recordedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideCloseComplaint(state: ComplaintState, { metadata }: CloseComplaint): [ComplaintClosed] {
  const complaint = concluded(state, CONCLUSIONS, 'be closed');
  return [
    {
      type: 'ComplaintClosed',
      data: { complaintId: complaint.complaintId, closedBy: metadata.actor.staffId, closedAt: toIso(metadata.now) },
    },
  ];
}
