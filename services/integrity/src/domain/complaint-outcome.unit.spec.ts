import { DEFAULT_DISCIPLINE_CONFIG } from '../integrity.config';
import { ComplaintCommand, decideComplaint, DisciplineConfig } from './complaint.decide';
import { ComplaintConflict, ComplaintForbidden, ComplaintNotFound, InvalidComplaintCommand } from './complaint.errors';
import { ComplaintEvent } from './complaint.events';
import { compartmentOf } from './complaint.state';
import {
  at,
  CHIEF,
  CLERK,
  complaint,
  COMPLAINT_ID,
  concludedHistory,
  disciplinaryOrdered,
  MAYOR,
  MINISTER,
  OFFICER_A,
  OFFICER_B,
  procedureStarted,
} from './complaint.fixtures.spec';

const now = '2025-05-05T10:00:00.000Z';
const FOUNDED = concludedHistory('founded');
const MALICIOUS = concludedHistory('manifestly_unfounded_malicious');
const UNFOUNDED = concludedHistory('unfounded');

describe('a manifestly unfounded and malicious complaint (R-INT-9, F9)', () => {
  const report = (parketReference?: string): ComplaintCommand => ({
    type: 'ReportMaliciousComplaintToParket',
    data: { reportedOn: '2025-05-05', ...(parketReference !== undefined && { parketReference }) },
    metadata: at(CHIEF, now),
  });

  it('may be reported to the parket', () => {
    complaint
      .given(...MALICIOUS)
      .when((s) => decideComplaint(s, report('GE.99.L1.000777/2025')))
      .then([
        {
          type: 'MaliciousComplaintReportedToParket',
          data: {
            complaintId: COMPLAINT_ID,
            reportedOn: '2025-05-05',
            parketReference: 'GE.99.L1.000777/2025',
            reportedBy: 'staff-0001',
            recordedAt: now,
          },
        },
      ]);
  });

  it('may be closed without reporting it', () => {
    complaint
      .given(...MALICIOUS)
      .when((s) => decideComplaint(s, { type: 'CloseComplaint', data: {}, metadata: at(CHIEF, now) }))
      .then([{ type: 'ComplaintClosed', data: { complaintId: COMPLAINT_ID, closedBy: 'staff-0001', closedAt: now } }]);
  });

  it('is reported once; a merely unfounded or a founded complaint is not reported as malicious', () => {
    const reported = decideComplaint(complaint.fold(MALICIOUS), report());
    complaint
      .given(...MALICIOUS, ...reported)
      .when((s) => decideComplaint(s, report()))
      .thenThrows({ type: ComplaintConflict, code: 'already_reported_to_parket', status: 409 });
    complaint
      .given(...UNFOUNDED)
      .when((s) => decideComplaint(s, report()))
      .thenThrows({ type: ComplaintConflict, code: 'conclusion_does_not_allow', status: 409, message: /concluded unfounded/ });
    complaint
      .given(...FOUNDED)
      .when((s) => decideComplaint(s, report()))
      .thenThrows({ type: ComplaintConflict, code: 'conclusion_does_not_allow', status: 409 });
  });
});

describe('criminal referral', () => {
  it('refers the staff members of a founded complaint to the parket', () => {
    complaint
      .given(...FOUNDED)
      .when((s) =>
        decideComplaint(s, { type: 'ReferToParket', data: { staffIds: [OFFICER_A], referredOn: '2025-05-05' }, metadata: at(CHIEF, now) }),
      )
      .then([
        {
          type: 'CriminalReferralMade',
          data: { complaintId: COMPLAINT_ID, staffIds: [OFFICER_A], referredOn: '2025-05-05', referredBy: 'staff-0001', recordedAt: now },
        },
      ]);
  });

  it('refuses a referral before the conclusion, of an unfounded complaint, or of someone not concerned', () => {
    const refer = (staffIds: string[]): ComplaintCommand => ({
      type: 'ReferToParket',
      data: { staffIds, referredOn: '2025-05-05' },
      metadata: at(CHIEF, now),
    });
    complaint
      .given(...FOUNDED.slice(0, -1))
      .when((s) => decideComplaint(s, refer([OFFICER_A])))
      .thenThrows({ type: ComplaintConflict, code: 'not_concluded', status: 409 });
    complaint
      .given(...UNFOUNDED)
      .when((s) => decideComplaint(s, refer([OFFICER_A])))
      .thenThrows({ type: ComplaintConflict, code: 'conclusion_does_not_allow', status: 409 });
    complaint
      .given(...FOUNDED)
      .when((s) => decideComplaint(s, refer(['staff-0815'])))
      .thenThrows({ type: InvalidComplaintCommand, code: 'not_concerned', status: 422, field: 'staffIds[0]' });
  });
});

describe('disciplinary procedure and sanction (R-INT-6, R-INT-7)', () => {
  const start = (actor = CHIEF, staffId = OFFICER_A, config: DisciplineConfig = DEFAULT_DISCIPLINE_CONFIG): ComplaintCommand => ({
    type: 'StartDisciplinaryProcedure',
    data: { staffId, config },
    metadata: at(actor, now),
  });
  const sanction = (name: string, actor = CHIEF, config: DisciplineConfig = DEFAULT_DISCIPLINE_CONFIG): ComplaintCommand => ({
    type: 'DecideSanction',
    data: { staffId: OFFICER_A, sanction: name, decidedOn: '2025-06-01', config },
    metadata: at(actor, '2025-06-02T08:00:00.000Z'),
  });
  const decided = (name: string, severity: 'light' | 'heavy', authority: string, decidedBy: string): ComplaintEvent => ({
    type: 'DisciplinarySanctionDecided',
    data: {
      complaintId: COMPLAINT_ID,
      staffId: OFFICER_A,
      sanction: name,
      severity,
      authority,
      decidedOn: '2025-06-01',
      decidedBy,
      recordedAt: '2025-06-02T08:00:00.000Z',
    },
  });

  it('the korpschef starts a procedure against a staff member of a founded complaint', () => {
    complaint
      .given(...FOUNDED)
      .when((s) => decideComplaint(s, start()))
      .then([procedureStarted()]);
  });

  it('refuses a non-authority, an unfounded complaint, and a second procedure against the same person', () => {
    complaint
      .given(...FOUNDED)
      .when((s) => decideComplaint(s, start(CLERK)))
      .thenThrows({ type: ComplaintForbidden, code: 'not_an_ordering_authority', status: 403 });
    complaint
      .given(...UNFOUNDED)
      .when((s) => decideComplaint(s, start()))
      .thenThrows({ type: ComplaintConflict, code: 'conclusion_does_not_allow', status: 409 });
    complaint
      .given(...FOUNDED, procedureStarted())
      .when((s) => decideComplaint(s, start()))
      .thenThrows({ type: ComplaintConflict, code: 'disciplinary_procedure_already_started', status: 409 });
  });

  it('the korpschef decides a light sanction', () => {
    complaint
      .given(...FOUNDED, procedureStarted())
      .when((s) => decideComplaint(s, sanction('blaam')))
      .then([decided('blaam', 'light', 'korpschef', 'staff-0001')]);
  });

  it('is not competent, by the default matrix, for a heavy sanction', () => {
    complaint
      .given(...FOUNDED, procedureStarted())
      .when((s) => decideComplaint(s, sanction('schorsing')))
      .thenThrows({
        type: ComplaintForbidden,
        code: 'authority_not_competent',
        status: 403,
        message: /korpschef is not competent to impose a heavy sanction \(schorsing\)/,
      });
  });

  it('the burgemeester decides a heavy sanction in a procedure the korpschef started', () => {
    complaint
      .given(...FOUNDED, procedureStarted())
      .when((s) => decideComplaint(s, sanction('inhouding van wedde', MAYOR)))
      .then([decided('inhouding van wedde', 'heavy', 'burgemeester', 'ext-burgemeester')]);
  });

  it('reads the catalogue and the matrix from configuration', () => {
    const config: DisciplineConfig = {
      authorities: ['korpschef', 'minister'],
      sanctions: { blaam: 'light', afzetting: 'heavy' },
      competence: { korpschef: ['light', 'heavy'], minister: ['heavy'] },
    };
    complaint
      .given(...FOUNDED, procedureStarted())
      .when((s) => decideComplaint(s, sanction('afzetting', CHIEF, config)))
      .then([decided('afzetting', 'heavy', 'korpschef', 'staff-0001')]);
    complaint
      .given(...FOUNDED, procedureStarted())
      .when((s) => decideComplaint(s, sanction('blaam', MINISTER, config)))
      .thenThrows({ type: ComplaintForbidden, code: 'authority_not_competent', status: 403 });
    complaint
      .given(...FOUNDED, procedureStarted())
      .when((s) => decideComplaint(s, sanction('waarschuwing', CHIEF, config)))
      .thenThrows({ type: InvalidComplaintCommand, code: 'unknown_sanction', status: 422, field: 'sanction' });
    complaint
      .given(...FOUNDED, procedureStarted())
      .when((s) => decideComplaint(s, sanction('blaam', MAYOR, config)))
      .thenThrows({ type: ComplaintForbidden, code: 'not_an_ordering_authority', status: 403 });
  });

  it('refuses a sanction without a procedure, and a second sanction', () => {
    complaint
      .given(...FOUNDED)
      .when((s) => decideComplaint(s, sanction('blaam')))
      .thenThrows({ type: ComplaintNotFound, code: 'disciplinary_procedure_not_found', status: 404 });
    complaint
      .given(...FOUNDED, procedureStarted(), decided('blaam', 'light', 'korpschef', 'staff-0001'))
      .when((s) => decideComplaint(s, sanction('waarschuwing')))
      .thenThrows({ type: ComplaintConflict, code: 'sanction_already_decided', status: 409, message: /korpschef already decided blaam/ });
  });

  it('keeps the compartment of the route through the outcome: BIT for an administrative route, Tucht for a disciplinary one', () => {
    expect(compartmentOf(complaint.fold([...FOUNDED, procedureStarted()]))).toBe('integrity:BIT');
    const viaTucht = [...FOUNDED.slice(0, 4), disciplinaryOrdered, ...FOUNDED.slice(5), procedureStarted('burgemeester')];
    expect(compartmentOf(complaint.fold(viaTucht))).toBe('integrity:Tucht');
  });
});

describe('evaluation file, lessons learned and closure (R-INT-5, F8)', () => {
  it('adds a note to the evaluation file of a staff member of a founded complaint, once', () => {
    const command: ComplaintCommand = {
      type: 'AddEvaluationFileNote',
      data: { staffId: OFFICER_B, note: 'Bijsturing communicatie bij verkeerscontroles' },
      metadata: at(CHIEF, now),
    };
    const event: ComplaintEvent = {
      type: 'EvaluationFileNoteAdded',
      data: {
        complaintId: COMPLAINT_ID,
        staffId: OFFICER_B,
        note: 'Bijsturing communicatie bij verkeerscontroles',
        addedBy: 'staff-0001',
        addedAt: now,
      },
    };
    complaint
      .given(...FOUNDED)
      .when((s) => decideComplaint(s, command))
      .then([event]);
    complaint
      .given(...FOUNDED, event)
      .when((s) => decideComplaint(s, command))
      .thenThrows({ type: ComplaintConflict, code: 'note_already_added', status: 409 });
    complaint
      .given(...UNFOUNDED)
      .when((s) => decideComplaint(s, command))
      .thenThrows({ type: ComplaintConflict, code: 'conclusion_does_not_allow', status: 409 });
  });

  it('records lessons for the corps, whatever the conclusion', () => {
    complaint
      .given(...UNFOUNDED)
      .when((s) =>
        decideComplaint(s, {
          type: 'RecordLessonsLearned',
          data: { scope: 'corps', lessons: 'Bodycam standaard aan bij verkeerscontroles' },
          metadata: at(CHIEF, now),
        }),
      )
      .then([
        {
          type: 'LessonsLearnedRecorded',
          data: {
            complaintId: COMPLAINT_ID,
            scope: 'corps',
            lessons: 'Bodycam standaard aan bij verkeerscontroles',
            recordedBy: 'staff-0001',
            recordedAt: now,
          },
        },
      ]);
  });

  it('closes only a concluded complaint, and nothing happens to a closed one', () => {
    const close: ComplaintCommand = { type: 'CloseComplaint', data: {}, metadata: at(CHIEF, now) };
    complaint
      .given(...FOUNDED.slice(0, -1))
      .when((s) => decideComplaint(s, close))
      .thenThrows({ type: ComplaintConflict, code: 'not_concluded', status: 409 });
    const closed: ComplaintEvent = { type: 'ComplaintClosed', data: { complaintId: COMPLAINT_ID, closedBy: 'staff-0001', closedAt: now } };
    complaint
      .given(...FOUNDED, closed)
      .when((s) =>
        decideComplaint(s, { type: 'RecordLessonsLearned', data: { scope: 'individual', lessons: 'l' }, metadata: at(CHIEF, now) }),
      )
      .thenThrows({ type: ComplaintConflict, code: 'complaint_closed', status: 409 });
  });
});
