import {
  Complainant,
  ComplaintChannel,
  ComplaintEvent,
  ComplaintOrigin,
  Conclusion,
  ForwardingChannel,
  HearingAssistance,
  InvestigatorConflict,
  LessonScope,
  OversightBody,
  SanctionSeverity,
  TriageRoute,
} from '../../domain/complaint.events';

// The complaint file: its shape and its fold, shared by the projection (which stores it) and the row type.
export interface FileForwarding {
  basis: 'forwarded' | 'origin';
  forwardedOn: string;
  channel?: ForwardingChannel;
  reference?: string;
  acknowledgedOn?: string;
  recordedBy: string;
  recordedAt: string;
}

export interface FileFinding {
  findingId: string;
  staffId?: string;
  summary: string;
  source: string;
  recordedBy: string;
  recordedAt: string;
}

/**
 * The whole complaint file as the API shows it: everything the events say, in the order they said it.
 * Incriminating and exculpatory findings each have their own list (R-INT-4).
 */
export interface ComplaintFile {
  complaintId: string;
  registerNumber: string | null;
  channel: ComplaintChannel;
  complainant: Complainant;
  staffConcerned: string[];
  facts: string;
  receivedOn: string;
  reportId?: string;
  office?: string;
  origin?: ComplaintOrigin;
  recordedBy: string;
  recordedAt: string;
  forwardings: Partial<Record<OversightBody, FileForwarding>>;
  triage: {
    route: TriageRoute;
    compartment: string;
    reason: string;
    parketReference?: string;
    orderedBy: string;
    orderedAs: string;
    orderedAt: string;
  } | null;
  investigators: {
    investigatorId: string;
    designated: boolean;
    conflicts: InvestigatorConflict[];
    override?: { decidedBy: string; reason: string };
    assignedBy: string;
    assignedAt: string;
  }[];
  findings: { incriminating: FileFinding[]; exculpatory: FileFinding[] };
  informationRequests: {
    requestId: string;
    body: OversightBody;
    request: string;
    receivedOn: string;
    externalReference?: string;
    recordedBy: string;
    answer: { answer: string; providedOn: string; providedBy: string } | null;
  }[];
  hearings: {
    hearingId: string;
    staffId: string;
    heardOn: string;
    assistance: HearingAssistance;
    fileAccessGiven: boolean;
    summary: string;
    heardBy: string;
    recordedAt: string;
  }[];
  conclusion: {
    conclusion: Conclusion;
    summary: string;
    incriminatingFindings: number;
    exculpatoryFindings: number;
    concludedBy: string;
    concludedAt: string;
  } | null;
  reportedToParket: { reportedOn: string; parketReference?: string; reportedBy: string } | null;
  criminalReferral: { staffIds: string[]; referredOn: string; parketReference?: string; referredBy: string } | null;
  /** The tuchtblad entries of this complaint: one procedure per staff member, with the sanction once decided. */
  disciplinaryProcedures: {
    staffId: string;
    authority: string;
    startedBy: string;
    startedAt: string;
    sanction: { sanction: string; severity: SanctionSeverity; authority: string; decidedOn: string; decidedBy: string } | null;
  }[];
  evaluationNotes: { staffId: string; note: string; addedBy: string; addedAt: string }[];
  lessonsLearned: { scope: LessonScope; lessons: string; recordedBy: string; recordedAt: string }[];
  closed: { closedBy: string; closedAt: string } | null;
}

const BODY_OF: Record<string, OversightBody> = { ComplaintForwardedToComiteP: 'comite_p', ComplaintForwardedToAig: 'aig' };
const ROUTE_OF: Record<string, TriageRoute> = {
  AdministrativeInvestigationOrdered: 'administrative',
  JudicialInvestigationOrdered: 'judicial',
  DisciplinaryInvestigationOrdered: 'disciplinary',
  ComplaintRoutedToDpo: 'dpo',
};

/** The file after one more event (pure). */
export function evolveFile(file: ComplaintFile | null, event: ComplaintEvent): ComplaintFile | null {
  if (event.type === 'IntegrityComplaintReceived') {
    if (file) return file;
    const d = event.data;
    return {
      complaintId: d.complaintId,
      registerNumber: null,
      channel: d.channel,
      complainant: d.complainant,
      staffConcerned: d.staffConcerned,
      facts: d.facts,
      receivedOn: d.receivedOn,
      ...(d.reportId !== undefined && { reportId: d.reportId }),
      ...(d.office !== undefined && { office: d.office }),
      ...(d.origin !== undefined && { origin: d.origin }),
      recordedBy: d.recordedBy,
      recordedAt: d.recordedAt,
      forwardings: {},
      triage: null,
      investigators: [],
      findings: { incriminating: [], exculpatory: [] },
      informationRequests: [],
      hearings: [],
      conclusion: null,
      reportedToParket: null,
      criminalReferral: null,
      disciplinaryProcedures: [],
      evaluationNotes: [],
      lessonsLearned: [],
      closed: null,
    };
  }
  if (!file) return null;
  switch (event.type) {
    case 'IntegrityComplaintLogged':
      return { ...file, registerNumber: event.data.registerNumber };
    case 'ComplaintForwardedToComiteP':
    case 'ComplaintForwardedToAig': {
      const { complaintId: _id, ...forwarding } = event.data;
      return { ...file, forwardings: { ...file.forwardings, [BODY_OF[event.type]]: forwarding } };
    }
    case 'ForwardingAcknowledged': {
      const existing = file.forwardings[event.data.body];
      if (!existing) return file;
      return {
        ...file,
        forwardings: {
          ...file.forwardings,
          [event.data.body]: { ...existing, reference: event.data.reference, acknowledgedOn: event.data.acknowledgedOn },
        },
      };
    }
    case 'AdministrativeInvestigationOrdered':
    case 'JudicialInvestigationOrdered':
    case 'DisciplinaryInvestigationOrdered':
    case 'ComplaintRoutedToDpo': {
      const { complaintId: _id, ...order } = event.data;
      return { ...file, triage: { route: ROUTE_OF[event.type], ...order } };
    }
    case 'InvestigatorAssigned': {
      const { complaintId: _id, ...assigned } = event.data;
      return { ...file, investigators: [...file.investigators, assigned] };
    }
    case 'IncriminatingFindingRecorded':
    case 'ExculpatoryFindingRecorded': {
      const { complaintId: _id, ...finding } = event.data;
      const kind = event.type === 'IncriminatingFindingRecorded' ? 'incriminating' : 'exculpatory';
      return { ...file, findings: { ...file.findings, [kind]: [...file.findings[kind], finding] } };
    }
    case 'InformationRequestReceived': {
      const { complaintId: _id, recordedAt: _at, ...request } = event.data;
      return { ...file, informationRequests: [...file.informationRequests, { ...request, answer: null }] };
    }
    case 'InformationProvidedToOversightBody': {
      const { requestId, answer, providedOn, providedBy } = event.data;
      return {
        ...file,
        informationRequests: file.informationRequests.map((r) =>
          r.requestId === requestId ? { ...r, answer: { answer, providedOn, providedBy } } : r,
        ),
      };
    }
    case 'StaffMemberHeard': {
      const { complaintId: _id, ...hearing } = event.data;
      return { ...file, hearings: [...file.hearings, hearing] };
    }
    case 'InvestigationConcluded': {
      const { complaintId: _id, ...conclusion } = event.data;
      return { ...file, conclusion };
    }
    case 'MaliciousComplaintReportedToParket': {
      const { reportedOn, parketReference, reportedBy } = event.data;
      return { ...file, reportedToParket: { reportedOn, ...(parketReference !== undefined && { parketReference }), reportedBy } };
    }
    case 'CriminalReferralMade': {
      const { staffIds, referredOn, parketReference, referredBy } = event.data;
      return { ...file, criminalReferral: { staffIds, referredOn, ...(parketReference !== undefined && { parketReference }), referredBy } };
    }
    case 'DisciplinaryProcedureStarted': {
      const { staffId, authority, startedBy, startedAt } = event.data;
      return {
        ...file,
        disciplinaryProcedures: [...file.disciplinaryProcedures, { staffId, authority, startedBy, startedAt, sanction: null }],
      };
    }
    case 'DisciplinarySanctionDecided': {
      const { staffId, sanction, severity, authority, decidedOn, decidedBy } = event.data;
      return {
        ...file,
        disciplinaryProcedures: file.disciplinaryProcedures.map((p) =>
          p.staffId === staffId ? { ...p, sanction: { sanction, severity, authority, decidedOn, decidedBy } } : p,
        ),
      };
    }
    case 'EvaluationFileNoteAdded': {
      const { complaintId: _id, ...note } = event.data;
      return { ...file, evaluationNotes: [...file.evaluationNotes, note] };
    }
    case 'LessonsLearnedRecorded': {
      const { complaintId: _id, ...lessons } = event.data;
      return { ...file, lessonsLearned: [...file.lessonsLearned, lessons] };
    }
    case 'ComplaintClosed':
      return { ...file, closed: { closedBy: event.data.closedBy, closedAt: event.data.closedAt } };
  }
}
