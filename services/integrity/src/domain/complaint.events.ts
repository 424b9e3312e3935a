import type { DomainEvent } from '@police/event-store/domain';

/** How the complaint reached the corps. `desk_report` is a complaint taken at the desk and handed off by `reports` (F6). */
export type ComplaintChannel = 'desk_report' | 'mail' | 'letter' | 'via_mayor' | 'via_comite_p' | 'via_aig' | 'online_form';
export const COMPLAINT_CHANNELS: readonly ComplaintChannel[] = [
  'desk_report',
  'mail',
  'letter',
  'via_mayor',
  'via_comite_p',
  'via_aig',
  'online_form',
];

/** The two external oversight bodies every complaint goes to (R-INT-1). */
export type OversightBody = 'comite_p' | 'aig';
export const OVERSIGHT_BODIES: readonly OversightBody[] = ['comite_p', 'aig'];

/** How a forwarding was sent. */
export type ForwardingChannel = 'email' | 'letter' | 'registered_letter' | 'platform';
export const FORWARDING_CHANNELS: readonly ForwardingChannel[] = ['email', 'letter', 'registered_letter', 'platform'];

/** Where the complaint goes after triage; each route has its own access compartment (R-INT-10). */
export type TriageRoute = 'administrative' | 'judicial' | 'disciplinary' | 'dpo';
export const TRIAGE_ROUTES: readonly TriageRoute[] = ['administrative', 'judicial', 'disciplinary', 'dpo'];

export type Compartment = 'integrity:intake' | 'integrity:BIT' | 'integrity:Tucht' | 'integrity:DPO';

export type FindingKind = 'incriminating' | 'exculpatory';

/** What the investigation concluded about the facts. */
export type Conclusion = 'founded' | 'unfounded' | 'manifestly_unfounded_malicious';
export const CONCLUSIONS: readonly Conclusion[] = ['founded', 'unfounded', 'manifestly_unfounded_malicious'];

export type SanctionSeverity = 'light' | 'heavy';

export type LessonScope = 'individual' | 'corps';
export const LESSON_SCOPES: readonly LessonScope[] = ['individual', 'corps'];

export interface Complainant {
  name: string;
  contact?: string;
}

/** The complaint came from Comité P or AIG, under their reference. */
export interface ComplaintOrigin {
  body: OversightBody;
  externalReference: string;
}

/** Why an investigator is too close to a staff member concerned. */
export type InvestigatorConflict =
  | { kind: 'same_team'; staffId: string; team: string }
  | { kind: 'same_unit'; staffId: string; unit: string }
  | { kind: 'relationship'; staffId: string };

/** Assistance at a hearing (R-INT-11): a lawyer or defender, or the staff member waived it. */
export type HearingAssistance = { kind: 'lawyer' | 'defender'; name: string } | { kind: 'waived' };

/** Every complaint event carries `complaintId`, so a projection or the public mapping needs nothing but the event. */
export type IntegrityComplaintReceived = DomainEvent<
  'IntegrityComplaintReceived',
  {
    complaintId: string;
    channel: ComplaintChannel;
    complainant: Complainant;
    staffConcerned: string[];
    facts: string;
    receivedOn: string;
    /** The `reports` intake this complaint was handed off from (channel `desk_report`). */
    reportId?: string;
    /** Where it was received (APG, a commissariaat, …), when known. */
    office?: string;
    origin?: ComplaintOrigin;
    recordedBy: string;
    recordedAt: string;
  }
>;

/** "Ingeboekt binnen het korps": the entry in the corps register. */
export type IntegrityComplaintLogged = DomainEvent<
  'IntegrityComplaintLogged',
  { complaintId: string; registerNumber: string; loggedBy: string; loggedAt: string }
>;

interface ForwardingData {
  complaintId: string;
  /** `forwarded`: the corps sent it; `origin`: the body sent it to us, so it has it already (acknowledgement of origin). */
  basis: 'forwarded' | 'origin';
  forwardedOn: string;
  /** Absent for an acknowledgement of origin. */
  channel?: ForwardingChannel;
  /** The body's reference, once known (it may come later, in `ForwardingAcknowledged`). */
  reference?: string;
  recordedBy: string;
  recordedAt: string;
}

export type ComplaintForwardedToComiteP = DomainEvent<'ComplaintForwardedToComiteP', ForwardingData>;

export type ComplaintForwardedToAig = DomainEvent<'ComplaintForwardedToAig', ForwardingData>;

export type ForwardingAcknowledged = DomainEvent<
  'ForwardingAcknowledged',
  { complaintId: string; body: OversightBody; reference: string; acknowledgedOn: string; recordedBy: string; recordedAt: string }
>;

interface OrderData {
  complaintId: string;
  compartment: Compartment;
  reason: string;
  orderedBy: string;
  /** The authority the person ordering acted as. */
  orderedAs: string;
  orderedAt: string;
}

export type AdministrativeInvestigationOrdered = DomainEvent<'AdministrativeInvestigationOrdered', OrderData>;

/** BIT investigates on the parket's instruction, under its reference. */
export type JudicialInvestigationOrdered = DomainEvent<'JudicialInvestigationOrdered', OrderData & { parketReference: string }>;

export type DisciplinaryInvestigationOrdered = DomainEvent<'DisciplinaryInvestigationOrdered', OrderData>;

export type ComplaintRoutedToDpo = DomainEvent<'ComplaintRoutedToDpo', OrderData>;

export type InvestigatorAssigned = DomainEvent<
  'InvestigatorAssigned',
  {
    complaintId: string;
    investigatorId: string;
    /** Designated ad hoc (R-INT-14) rather than a member of the bureau: the edge grants access to this one file. */
    designated: boolean;
    /** Conflicts of interest found; non-empty only with an override. */
    conflicts: InvestigatorConflict[];
    override?: { decidedBy: string; reason: string };
    assignedBy: string;
    assignedAt: string;
  }
>;

interface FindingData {
  complaintId: string;
  findingId: string;
  /** The staff member concerned the finding is about, when it is about one. */
  staffId?: string;
  summary: string;
  source: string;
  recordedBy: string;
  recordedAt: string;
}

/** Ten laste. */
export type IncriminatingFindingRecorded = DomainEvent<'IncriminatingFindingRecorded', FindingData>;

/** Ten ontlaste. */
export type ExculpatoryFindingRecorded = DomainEvent<'ExculpatoryFindingRecorded', FindingData>;

export type InformationRequestReceived = DomainEvent<
  'InformationRequestReceived',
  {
    complaintId: string;
    requestId: string;
    body: OversightBody;
    request: string;
    receivedOn: string;
    externalReference?: string;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type InformationProvidedToOversightBody = DomainEvent<
  'InformationProvidedToOversightBody',
  {
    complaintId: string;
    requestId: string;
    body: OversightBody;
    answer: string;
    providedOn: string;
    providedBy: string;
    recordedAt: string;
  }
>;

export type StaffMemberHeard = DomainEvent<
  'StaffMemberHeard',
  {
    complaintId: string;
    hearingId: string;
    staffId: string;
    heardOn: string;
    assistance: HearingAssistance;
    fileAccessGiven: boolean;
    summary: string;
    heardBy: string;
    recordedAt: string;
  }
>;

/** Both kinds of finding are counted: the investigation was ten laste en ten ontlaste (R-INT-4). */
export type InvestigationConcluded = DomainEvent<
  'InvestigationConcluded',
  {
    complaintId: string;
    conclusion: Conclusion;
    summary: string;
    incriminatingFindings: number;
    exculpatoryFindings: number;
    concludedBy: string;
    concludedAt: string;
  }
>;

export type MaliciousComplaintReportedToParket = DomainEvent<
  'MaliciousComplaintReportedToParket',
  { complaintId: string; reportedOn: string; parketReference?: string; reportedBy: string; recordedAt: string }
>;

export type CriminalReferralMade = DomainEvent<
  'CriminalReferralMade',
  { complaintId: string; staffIds: string[]; referredOn: string; parketReference?: string; referredBy: string; recordedAt: string }
>;

export type DisciplinaryProcedureStarted = DomainEvent<
  'DisciplinaryProcedureStarted',
  { complaintId: string; staffId: string; authority: string; startedBy: string; startedAt: string }
>;

export type DisciplinarySanctionDecided = DomainEvent<
  'DisciplinarySanctionDecided',
  {
    complaintId: string;
    staffId: string;
    sanction: string;
    severity: SanctionSeverity;
    authority: string;
    decidedOn: string;
    decidedBy: string;
    recordedAt: string;
  }
>;

/** For HR's evaluation file (F8). */
export type EvaluationFileNoteAdded = DomainEvent<
  'EvaluationFileNoteAdded',
  { complaintId: string; staffId: string; note: string; addedBy: string; addedAt: string }
>;

export type LessonsLearnedRecorded = DomainEvent<
  'LessonsLearnedRecorded',
  { complaintId: string; scope: LessonScope; lessons: string; recordedBy: string; recordedAt: string }
>;

export type ComplaintClosed = DomainEvent<'ComplaintClosed', { complaintId: string; closedBy: string; closedAt: string }>;

export type ComplaintEvent =
  | IntegrityComplaintReceived
  | IntegrityComplaintLogged
  | ComplaintForwardedToComiteP
  | ComplaintForwardedToAig
  | ForwardingAcknowledged
  | AdministrativeInvestigationOrdered
  | JudicialInvestigationOrdered
  | DisciplinaryInvestigationOrdered
  | ComplaintRoutedToDpo
  | InvestigatorAssigned
  | IncriminatingFindingRecorded
  | ExculpatoryFindingRecorded
  | InformationRequestReceived
  | InformationProvidedToOversightBody
  | StaffMemberHeard
  | InvestigationConcluded
  | MaliciousComplaintReportedToParket
  | CriminalReferralMade
  | DisciplinaryProcedureStarted
  | DisciplinarySanctionDecided
  | EvaluationFileNoteAdded
  | LessonsLearnedRecorded
  | ComplaintClosed;

export const COMPARTMENT_OF_ROUTE: Readonly<Record<TriageRoute, Compartment>> = {
  administrative: 'integrity:BIT',
  judicial: 'integrity:BIT',
  disciplinary: 'integrity:Tucht',
  dpo: 'integrity:DPO',
};
