import { ComplaintCommand, ConcludeInvestigation, decideComplaint } from './complaint.decide';
import { ComplaintConflict, ComplaintForbidden, ComplaintNotFound, InvalidComplaintCommand } from './complaint.errors';
import { ComplaintEvent } from './complaint.events';
import {
  administrativeOrdered,
  assigned,
  at,
  CHIEF,
  CLERK,
  complaint,
  COMPLAINT_ID,
  concludedAs,
  exculpatory,
  FORWARDED,
  incriminating,
  INVESTIGATING,
  INVESTIGATOR,
  OFFICER_A,
  OFFICER_B,
} from './complaint.fixtures.spec';

const by = (actor = INVESTIGATOR, now = '2025-04-10T11:00:00.000Z') => at(actor, now);

describe('findings ten laste en ten ontlaste', () => {
  it('records an incriminating finding', () => {
    complaint
      .given(...INVESTIGATING)
      .when((s) =>
        decideComplaint(s, {
          type: 'RecordFinding',
          data: {
            findingId: 'F-1',
            kind: 'incriminating',
            staffId: OFFICER_A,
            summary: 'Bodycambeelden tonen een verheven toon en beledigende woorden',
            source: 'Bodycam 4711, 28/03 17:42',
          },
          metadata: by(),
        }),
      )
      .then([incriminating]);
  });

  it('records an exculpatory finding', () => {
    complaint
      .given(...INVESTIGATING, incriminating)
      .when((s) =>
        decideComplaint(s, {
          type: 'RecordFinding',
          data: {
            findingId: 'F-2',
            kind: 'exculpatory',
            staffId: OFFICER_B,
            summary: 'Getuige bevestigt dat INP B. zich correct gedroeg',
            source: 'Verhoor getuige, 09/04',
          },
          metadata: by(INVESTIGATOR, '2025-04-10T11:30:00.000Z'),
        }),
      )
      .then([exculpatory]);
  });

  it('records a finding about no one in particular', () => {
    complaint
      .given(...INVESTIGATING)
      .when((s) =>
        decideComplaint(s, {
          type: 'RecordFinding',
          data: { findingId: 'F-3', kind: 'exculpatory', summary: 'Dienstnota bevestigt de controle', source: 'Dienstnota 28/03' },
          metadata: by(),
        }),
      )
      .then([
        {
          type: 'ExculpatoryFindingRecorded',
          data: {
            complaintId: COMPLAINT_ID,
            findingId: 'F-3',
            summary: 'Dienstnota bevestigt de controle',
            source: 'Dienstnota 28/03',
            recordedBy: 'staff-bit-07',
            recordedAt: '2025-04-10T11:00:00.000Z',
          },
        },
      ]);
  });

  it('lets only an assigned investigator record, about a staff member concerned, under a new id', () => {
    const finding = (data: Partial<{ findingId: string; staffId: string }>, actor = INVESTIGATOR): ComplaintCommand => ({
      type: 'RecordFinding',
      data: { findingId: 'F-1', kind: 'incriminating', summary: 's', source: 'src', ...data },
      metadata: by(actor),
    });
    complaint
      .given(...INVESTIGATING)
      .when((s) => decideComplaint(s, finding({}, CHIEF)))
      .thenThrows({ type: ComplaintForbidden, code: 'not_an_investigator', status: 403 });
    complaint
      .given(...INVESTIGATING)
      .when((s) => decideComplaint(s, finding({ staffId: 'staff-0815' })))
      .thenThrows({ type: InvalidComplaintCommand, code: 'not_concerned', status: 422, field: 'staffId' });
    complaint
      .given(...INVESTIGATING, incriminating)
      .when((s) => decideComplaint(s, finding({})))
      .thenThrows({ type: ComplaintConflict, code: 'id_in_use', status: 409 });
  });
});

describe('information requests from Comité P and AIG (R-INT-12)', () => {
  const requested: ComplaintEvent = {
    type: 'InformationRequestReceived',
    data: {
      complaintId: COMPLAINT_ID,
      requestId: 'R-1',
      body: 'comite_p',
      request: 'Kopie van de bodycambeelden en de dienstnota',
      receivedOn: '2025-04-15',
      externalReference: 'CP-2025-40001/2',
      recordedBy: 'staff-dit-01',
      recordedAt: '2025-04-15T09:00:00.000Z',
    },
  };

  it('records a request', () => {
    complaint
      .given(...FORWARDED)
      .when((s) =>
        decideComplaint(s, {
          type: 'RecordInformationRequest',
          data: {
            requestId: 'R-1',
            body: 'comite_p',
            request: 'Kopie van de bodycambeelden en de dienstnota',
            receivedOn: '2025-04-15',
            externalReference: 'CP-2025-40001/2',
          },
          metadata: at(CLERK, '2025-04-15T09:00:00.000Z'),
        }),
      )
      .then([requested]);
  });

  it('records the answer, to the body that asked', () => {
    complaint
      .given(...INVESTIGATING, requested)
      .when((s) =>
        decideComplaint(s, {
          type: 'AnswerInformationRequest',
          data: { requestId: 'R-1', answer: 'Beelden en nota bezorgd via beveiligde link', providedOn: '2025-04-16' },
          metadata: by(INVESTIGATOR, '2025-04-16T15:00:00.000Z'),
        }),
      )
      .then([
        {
          type: 'InformationProvidedToOversightBody',
          data: {
            complaintId: COMPLAINT_ID,
            requestId: 'R-1',
            body: 'comite_p',
            answer: 'Beelden en nota bezorgd via beveiligde link',
            providedOn: '2025-04-16',
            providedBy: 'staff-bit-07',
            recordedAt: '2025-04-16T15:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses to answer an unknown request or one already answered', () => {
    const answer: ComplaintCommand = {
      type: 'AnswerInformationRequest',
      data: { requestId: 'R-1', answer: 'a', providedOn: '2025-04-16' },
      metadata: by(INVESTIGATOR, '2025-04-16T15:00:00.000Z'),
    };
    complaint
      .given(...INVESTIGATING)
      .when((s) => decideComplaint(s, answer))
      .thenThrows({ type: ComplaintNotFound, code: 'information_request_not_found', status: 404 });
    const answered = decideComplaint(complaint.fold([...INVESTIGATING, requested]), answer);
    complaint
      .given(...INVESTIGATING, requested, ...answered)
      .when((s) => decideComplaint(s, answer))
      .thenThrows({ type: ComplaintConflict, code: 'information_request_already_answered', status: 409 });
  });
});

describe('hearing a staff member concerned (R-INT-11)', () => {
  const hear = (data: Partial<Extract<ComplaintCommand, { type: 'RecordHearing' }>['data']>): ComplaintCommand => ({
    type: 'RecordHearing',
    data: {
      hearingId: 'H-1',
      staffId: OFFICER_A,
      heardOn: '2025-04-18',
      assistance: { kind: 'lawyer', name: 'Mr. L. Vermeulen' },
      fileAccessGiven: true,
      summary: 'Betrokkene betwist de beledigingen, erkent de verheven toon',
      ...data,
    },
    metadata: by(INVESTIGATOR, '2025-04-18T16:00:00.000Z'),
  });

  it('records the hearing with the lawyer present and access to the file given', () => {
    complaint
      .given(...INVESTIGATING)
      .when((s) => decideComplaint(s, hear({})))
      .then([
        {
          type: 'StaffMemberHeard',
          data: {
            complaintId: COMPLAINT_ID,
            hearingId: 'H-1',
            staffId: OFFICER_A,
            heardOn: '2025-04-18',
            assistance: { kind: 'lawyer', name: 'Mr. L. Vermeulen' },
            fileAccessGiven: true,
            summary: 'Betrokkene betwist de beledigingen, erkent de verheven toon',
            heardBy: 'staff-bit-07',
            recordedAt: '2025-04-18T16:00:00.000Z',
          },
        },
      ]);
  });

  it('records a waived assistance and no file access', () => {
    complaint
      .given(...INVESTIGATING)
      .when((s) => decideComplaint(s, hear({ staffId: OFFICER_B, assistance: { kind: 'waived' }, fileAccessGiven: false })))
      .then([
        {
          type: 'StaffMemberHeard',
          data: {
            complaintId: COMPLAINT_ID,
            hearingId: 'H-1',
            staffId: OFFICER_B,
            heardOn: '2025-04-18',
            assistance: { kind: 'waived' },
            fileAccessGiven: false,
            summary: 'Betrokkene betwist de beledigingen, erkent de verheven toon',
            heardBy: 'staff-bit-07',
            recordedAt: '2025-04-18T16:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a hearing of someone not concerned, a defender without a name, or undecided rights', () => {
    complaint
      .given(...INVESTIGATING)
      .when((s) => decideComplaint(s, hear({ staffId: 'staff-0815' })))
      .thenThrows({ type: InvalidComplaintCommand, code: 'not_concerned', status: 422, field: 'staffId' });
    complaint
      .given(...INVESTIGATING)
      .when((s) => decideComplaint(s, hear({ assistance: { kind: 'defender', name: '' } })))
      .thenThrows({ type: InvalidComplaintCommand, code: 'required', status: 422, field: 'assistance.name' });
    complaint
      .given(...INVESTIGATING)
      .when((s) => decideComplaint(s, hear({ fileAccessGiven: undefined as never })))
      .thenThrows({ type: InvalidComplaintCommand, code: 'invalid_value', status: 422, field: 'fileAccessGiven' });
  });
});

describe('concluding the investigation (R-INT-4)', () => {
  const conclude = (
    actor = INVESTIGATOR,
    data: ConcludeInvestigation['data'] = { conclusion: 'founded', summary: 'Onderzoek afgerond' },
  ): ConcludeInvestigation => ({
    type: 'ConcludeInvestigation',
    data,
    metadata: by(actor, '2025-05-02T16:00:00.000Z'),
  });

  it('counts the findings ten laste and ten ontlaste in the conclusion', () => {
    complaint
      .given(...INVESTIGATING, incriminating, exculpatory)
      .when((s) => decideComplaint(s, conclude()))
      .then([concludedAs('founded')]);
  });

  it('concludes on exculpatory findings alone, counting zero ten laste', () => {
    complaint
      .given(...INVESTIGATING, exculpatory)
      .when((s) => decideComplaint(s, conclude(INVESTIGATOR, { conclusion: 'unfounded', summary: 'Geen fout vastgesteld' })))
      .then([
        {
          type: 'InvestigationConcluded',
          data: {
            complaintId: COMPLAINT_ID,
            conclusion: 'unfounded',
            summary: 'Geen fout vastgesteld',
            incriminatingFindings: 0,
            exculpatoryFindings: 1,
            concludedBy: 'staff-bit-07',
            concludedAt: '2025-05-02T16:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses to conclude without any finding considered', () => {
    complaint
      .given(...INVESTIGATING)
      .when((s) => decideComplaint(s, conclude()))
      .thenThrows({ type: ComplaintConflict, code: 'no_finding_considered', status: 409, message: /ten laste or ten ontlaste/ });
  });

  it('refuses someone who is not an investigator, and a second conclusion', () => {
    complaint
      .given(...INVESTIGATING, incriminating)
      .when((s) => decideComplaint(s, conclude(CHIEF)))
      .thenThrows({ type: ComplaintForbidden, code: 'not_an_investigator', status: 403 });
    complaint
      .given(...FORWARDED, administrativeOrdered, assigned(), incriminating, concludedAs('founded'))
      .when((s) => decideComplaint(s, conclude()))
      .thenThrows({ type: ComplaintConflict, code: 'investigation_concluded', status: 409 });
  });
});
