import type { RecordedEvent } from '@police/event-store';
import { ComplaintEvent } from '../../domain/complaint.events';
import {
  assigned,
  CHIEF,
  CLERK,
  COMPLAINT_ID,
  concludedHistory,
  disciplinaryOrdered,
  FORWARDED,
  INVESTIGATOR,
  logged,
  MAYOR,
  OFFICER_A,
  OFFICER_B,
  procedureStarted,
  received,
  REGISTER_NUMBER,
  REPORT_ID,
} from '../../domain/complaint.fixtures.spec';
import { complaintsProjection, evolveComplaintRow } from './complaint.projection';
import { ComplaintRow } from './complaint.read-model';

/** The row after these events, as the projector builds it (through JSON, one event at a time). */
function project(events: ComplaintEvent[]): ComplaintRow | null {
  let row: ComplaintRow | null = null;
  events.forEach((e, streamVersion) => {
    const recorded = { type: e.type, data: JSON.parse(JSON.stringify(e.data)), streamVersion } as RecordedEvent;
    expect(complaintsProjection.keys(recorded)).toEqual([COMPLAINT_ID]);
    row = complaintsProjection.evolve(row, recorded);
  });
  return row;
}

describe('complaints projection', () => {
  it('handles every complaint event type, and nothing before the complaint is received', () => {
    expect(complaintsProjection.handles).toHaveLength(23);
    expect(evolveComplaintRow(null, logged, 0)).toBeNull();
  });

  it('makes a row from a desk complaint: register number, report pointer, intake compartment, the staff concerned', () => {
    const row = project([received({ channel: 'desk_report', reportId: REPORT_ID, office: 'APG' }), logged]);
    expect(row).toMatchObject({
      id: COMPLAINT_ID,
      registerNumber: REGISTER_NUMBER,
      channel: 'desk_report',
      phase: 'intake',
      compartment: 'integrity:intake',
      reportId: REPORT_ID,
      receivedOn: '2025-04-01',
      staffConcerned: [OFFICER_A, OFFICER_B],
      investigators: [],
      version: 1,
      state: { status: 'registered', registerNumber: REGISTER_NUMBER },
    });
    expect(row!.file).toEqual({
      complaintId: COMPLAINT_ID,
      registerNumber: REGISTER_NUMBER,
      channel: 'desk_report',
      complainant: { name: 'An Peeters', contact: 'an.peeters@example.be' },
      staffConcerned: [OFFICER_A, OFFICER_B],
      facts: 'Onbeleefd en intimiderend optreden bij een verkeerscontrole op 28 maart, Kortrijksesteenweg',
      receivedOn: '2025-04-01',
      reportId: REPORT_ID,
      office: 'APG',
      recordedBy: CLERK.staffId,
      recordedAt: '2025-04-02T09:15:00.000Z',
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
    });
  });

  it('keeps both forwardings and the reference that came later', () => {
    const row = project([
      ...FORWARDED,
      {
        type: 'ForwardingAcknowledged',
        data: {
          complaintId: COMPLAINT_ID,
          body: 'comite_p',
          reference: 'CP-2025-1',
          acknowledgedOn: '2025-04-03',
          recordedBy: CLERK.staffId,
          recordedAt: '2025-04-03T08:00:00.000Z',
        },
      },
    ]);
    expect(row!.file.forwardings).toEqual({
      comite_p: {
        basis: 'forwarded',
        forwardedOn: '2025-04-02',
        channel: 'email',
        reference: 'CP-2025-1',
        acknowledgedOn: '2025-04-03',
        recordedBy: CLERK.staffId,
        recordedAt: '2025-04-02T10:00:00.000Z',
      },
      aig: {
        basis: 'forwarded',
        forwardedOn: '2025-04-02',
        channel: 'platform',
        reference: 'AIG/2025/1187',
        recordedBy: CLERK.staffId,
        recordedAt: '2025-04-02T10:05:00.000Z',
      },
    });
  });

  it('moves the row into the compartment of its route, with its investigators as the access list', () => {
    const row = project([...FORWARDED, disciplinaryOrdered, assigned('staff-wijk-21', true)]);
    expect(row).toMatchObject({ phase: 'triaged', compartment: 'integrity:Tucht', investigators: ['staff-wijk-21'], version: 5 });
    expect(row!.file.triage).toEqual({
      route: 'disciplinary',
      compartment: 'integrity:Tucht',
      reason: 'Mogelijke tuchtrechtelijke tekortkoming',
      orderedBy: MAYOR.staffId,
      orderedAs: 'burgemeester',
      orderedAt: '2025-04-04T14:00:00.000Z',
    });
    expect(row!.file.investigators).toEqual([
      {
        investigatorId: 'staff-wijk-21',
        designated: true,
        conflicts: [],
        assignedBy: CHIEF.staffId,
        assignedAt: '2025-04-05T09:00:00.000Z',
      },
    ]);
  });

  it('keeps findings ten laste and ten ontlaste apart, and the whole outcome with the tuchtblad entry', () => {
    const row = project([
      ...concludedHistory('founded'),
      {
        type: 'InformationRequestReceived',
        data: {
          complaintId: COMPLAINT_ID,
          requestId: 'R-1',
          body: 'aig',
          request: 'Stand?',
          receivedOn: '2025-05-03',
          recordedBy: CLERK.staffId,
          recordedAt: '2025-05-03T08:00:00.000Z',
        },
      },
      {
        type: 'InformationProvidedToOversightBody',
        data: {
          complaintId: COMPLAINT_ID,
          requestId: 'R-1',
          body: 'aig',
          answer: 'Gegrond bevonden',
          providedOn: '2025-05-04',
          providedBy: INVESTIGATOR.staffId,
          recordedAt: '2025-05-04T08:00:00.000Z',
        },
      },
      procedureStarted(),
      {
        type: 'DisciplinarySanctionDecided',
        data: {
          complaintId: COMPLAINT_ID,
          staffId: OFFICER_A,
          sanction: 'blaam',
          severity: 'light',
          authority: 'korpschef',
          decidedOn: '2025-05-20',
          decidedBy: CHIEF.staffId,
          recordedAt: '2025-05-20T10:00:00.000Z',
        },
      },
      {
        type: 'EvaluationFileNoteAdded',
        data: { complaintId: COMPLAINT_ID, staffId: OFFICER_A, note: 'Nota', addedBy: CHIEF.staffId, addedAt: '2025-05-21T10:00:00.000Z' },
      },
      {
        type: 'LessonsLearnedRecorded',
        data: {
          complaintId: COMPLAINT_ID,
          scope: 'corps',
          lessons: 'De-escalatie',
          recordedBy: CHIEF.staffId,
          recordedAt: '2025-05-21T11:00:00.000Z',
        },
      },
      { type: 'ComplaintClosed', data: { complaintId: COMPLAINT_ID, closedBy: CHIEF.staffId, closedAt: '2025-05-22T10:00:00.000Z' } },
    ]);
    expect(row!.phase).toBe('closed');
    expect(row!.compartment).toBe('integrity:BIT');
    const file = row!.file;
    expect(file.findings.incriminating.map((f) => f.findingId)).toEqual(['F-1']);
    expect(file.findings.exculpatory).toEqual([
      {
        findingId: 'F-2',
        staffId: OFFICER_B,
        summary: 'Getuige bevestigt dat INP B. zich correct gedroeg',
        source: 'Verhoor getuige, 09/04',
        recordedBy: INVESTIGATOR.staffId,
        recordedAt: '2025-04-10T11:30:00.000Z',
      },
    ]);
    expect(file.conclusion).toEqual({
      conclusion: 'founded',
      summary: 'Onderzoek afgerond',
      incriminatingFindings: 1,
      exculpatoryFindings: 1,
      concludedBy: INVESTIGATOR.staffId,
      concludedAt: '2025-05-02T16:00:00.000Z',
    });
    expect(file.informationRequests).toEqual([
      {
        requestId: 'R-1',
        body: 'aig',
        request: 'Stand?',
        receivedOn: '2025-05-03',
        recordedBy: CLERK.staffId,
        answer: { answer: 'Gegrond bevonden', providedOn: '2025-05-04', providedBy: INVESTIGATOR.staffId },
      },
    ]);
    expect(file.disciplinaryProcedures).toEqual([
      {
        staffId: OFFICER_A,
        authority: 'korpschef',
        startedBy: CHIEF.staffId,
        startedAt: '2025-05-05T10:00:00.000Z',
        sanction: { sanction: 'blaam', severity: 'light', authority: 'korpschef', decidedOn: '2025-05-20', decidedBy: CHIEF.staffId },
      },
    ]);
    expect(file.evaluationNotes).toEqual([
      { staffId: OFFICER_A, note: 'Nota', addedBy: CHIEF.staffId, addedAt: '2025-05-21T10:00:00.000Z' },
    ]);
    expect(file.lessonsLearned).toEqual([
      { scope: 'corps', lessons: 'De-escalatie', recordedBy: CHIEF.staffId, recordedAt: '2025-05-21T11:00:00.000Z' },
    ]);
    expect(file.closed).toEqual({ closedBy: CHIEF.staffId, closedAt: '2025-05-22T10:00:00.000Z' });
  });

  it('records a malicious complaint reported to the parket, and a criminal referral', () => {
    const malicious = project([
      ...concludedHistory('manifestly_unfounded_malicious'),
      {
        type: 'MaliciousComplaintReportedToParket',
        data: {
          complaintId: COMPLAINT_ID,
          reportedOn: '2025-05-10',
          parketReference: 'PK-1',
          reportedBy: CHIEF.staffId,
          recordedAt: '2025-05-10T10:00:00.000Z',
        },
      },
    ]);
    expect(malicious!.file.reportedToParket).toEqual({ reportedOn: '2025-05-10', parketReference: 'PK-1', reportedBy: CHIEF.staffId });
    const referred = project([
      ...concludedHistory('founded'),
      {
        type: 'CriminalReferralMade',
        data: {
          complaintId: COMPLAINT_ID,
          staffIds: [OFFICER_A],
          referredOn: '2025-05-10',
          referredBy: CHIEF.staffId,
          recordedAt: '2025-05-10T10:00:00.000Z',
        },
      },
    ]);
    expect(referred!.file.criminalReferral).toEqual({ staffIds: [OFFICER_A], referredOn: '2025-05-10', referredBy: CHIEF.staffId });
  });
});
