import {
  Complainant,
  ComplaintChannel,
  Conclusion,
  FindingKind,
  ForwardingChannel,
  HearingAssistance,
  LessonScope,
  OversightBody,
  SanctionSeverity,
  TriageRoute,
} from './complaint.events';
import { Command } from './integrity.decide';

// The commands on a complaint against staff, one type per command, and the organisation data they carry; `decideComplaint` (complaint.decide.ts) takes any of them.

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

export type ForwardComplaint = Command<
  'ForwardComplaint',
  { body: OversightBody; forwardedOn: string; channel: ForwardingChannel; reference?: string }
>;

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

export type RecordFinding = Command<
  'RecordFinding',
  { findingId: string; kind: FindingKind; summary: string; source: string; staffId?: string }
>;

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

export type ReportMaliciousComplaintToParket = Command<
  'ReportMaliciousComplaintToParket',
  { reportedOn: string; parketReference?: string }
>;

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
