import { decideAcknowledgeForwarding, decideForwardComplaint, decideReceiveComplaint } from './complaint-intake.decide';
import {
  decideAnswerInformationRequest,
  decideConcludeInvestigation,
  decideRecordFinding,
  decideRecordHearing,
  decideRecordInformationRequest,
} from './complaint-investigation.decide';
import { decideAssignInvestigator } from './complaint-investigator.decide';
import {
  decideAddEvaluationFileNote,
  decideCloseComplaint,
  decideDecideSanction,
  decideRecordLessonsLearned,
  decideReferToParket,
  decideReportMaliciousComplaintToParket,
  decideStartDisciplinaryProcedure,
} from './complaint-outcome.decide';
import { decideTriageComplaint } from './complaint-triage.decide';
import { ComplaintCommand } from './complaint.commands';
import { ComplaintEvent } from './complaint.events';
import { ComplaintState } from './complaint.state';

// The complaint's decider: one entry for every command, each decided in the file of its phase.
export * from './complaint.commands';
export * from './complaint-intake.decide';
export * from './complaint-triage.decide';
export * from './complaint-investigator.decide';
export * from './complaint-investigation.decide';
export * from './complaint-outcome.decide';

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
