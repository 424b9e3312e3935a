import { DEFAULT_DISCIPLINE_CONFIG } from '../integrity.config';
import { ComplaintCommand, decideComplaint, decideTriageComplaint, TriageComplaint } from './complaint.decide';
import { ComplaintConflict, ComplaintForbidden, ForwardingNotRecorded, InvalidComplaintCommand } from './complaint.errors';
import { ComplaintEvent } from './complaint.events';
import { compartmentOf } from './complaint.state';
import {
  administrativeOrdered,
  at,
  CHIEF,
  CLERK,
  complaint,
  COMPLAINT_ID,
  concludedAs,
  DISCIPLINARY_AUTHORITIES,
  disciplinaryOrdered,
  exculpatory,
  FORWARDED,
  forwardedToAig,
  forwardedToComiteP,
  incriminating,
  INVESTIGATOR,
  logged,
  MAYOR,
  MINISTER,
  OFFICER_A,
  ORGANISATION,
  received,
  assigned,
} from './complaint.fixtures.spec';

const triage = (data: Partial<TriageComplaint['data']>, actor = CHIEF): TriageComplaint => ({
  type: 'TriageComplaint',
  data: {
    route: 'administrative',
    reason: 'Mogelijke deontologische tekortkoming',
    disciplinaryAuthorities: DISCIPLINARY_AUTHORITIES,
    ...data,
  },
  metadata: at(actor, '2025-04-04T14:00:00.000Z'),
});

describe('triage', () => {
  it('the korpschef orders an administrative investigation by BIT', () => {
    complaint
      .given(...FORWARDED)
      .when((s) => decideTriageComplaint(s, triage({})))
      .then([administrativeOrdered]);
    expect(compartmentOf(complaint.fold([...FORWARDED, administrativeOrdered]))).toBe('integrity:BIT');
  });

  it("orders a judicial investigation by BIT on the parket's instruction, with its reference", () => {
    const event: ComplaintEvent = {
      type: 'JudicialInvestigationOrdered',
      data: {
        complaintId: COMPLAINT_ID,
        compartment: 'integrity:BIT',
        reason: 'Vermoeden van slagen en verwondingen door een politieambtenaar',
        orderedBy: 'staff-0001',
        orderedAs: 'korpschef',
        orderedAt: '2025-04-04T14:00:00.000Z',
        parketReference: 'GE.20.L1.004512/2025',
      },
    };
    complaint
      .given(...FORWARDED)
      .when((s) =>
        decideTriageComplaint(
          s,
          triage({
            route: 'judicial',
            reason: 'Vermoeden van slagen en verwondingen door een politieambtenaar',
            parketReference: 'GE.20.L1.004512/2025',
          }),
        ),
      )
      .then([event]);
    expect(compartmentOf(complaint.fold([...FORWARDED, event]))).toBe('integrity:BIT');
  });

  it('refuses a judicial investigation without the parket reference', () => {
    complaint
      .given(...FORWARDED)
      .when((s) => decideTriageComplaint(s, triage({ route: 'judicial' })))
      .thenThrows({ type: InvalidComplaintCommand, code: 'parket_reference_required', status: 422, field: 'parketReference' });
  });

  it('a disciplinary authority (the burgemeester) orders a disciplinary investigation by Bureau Tucht', () => {
    complaint
      .given(...FORWARDED)
      .when((s) => decideTriageComplaint(s, triage({ route: 'disciplinary', reason: 'Mogelijke tuchtrechtelijke tekortkoming' }, MAYOR)))
      .then([disciplinaryOrdered]);
    expect(compartmentOf(complaint.fold([...FORWARDED, disciplinaryOrdered]))).toBe('integrity:Tucht');
  });

  it('takes the list of disciplinary authorities as configuration', () => {
    complaint
      .given(...FORWARDED)
      .when((s) =>
        decideTriageComplaint(s, triage({ route: 'disciplinary', disciplinaryAuthorities: ['korpschef', 'burgemeester'] }, MINISTER)),
      )
      .thenThrows({ type: ComplaintForbidden, code: 'not_an_ordering_authority', status: 403, message: /korpschef, burgemeester/ });
  });

  it('routes an information-security complaint to the DPO', () => {
    const event: ComplaintEvent = {
      type: 'ComplaintRoutedToDpo',
      data: {
        complaintId: COMPLAINT_ID,
        compartment: 'integrity:DPO',
        reason: 'Raadpleging ANG zonder dienstreden',
        orderedBy: 'staff-0001',
        orderedAs: 'korpschef',
        orderedAt: '2025-04-04T14:00:00.000Z',
      },
    };
    complaint
      .given(...FORWARDED)
      .when((s) => decideTriageComplaint(s, triage({ route: 'dpo', reason: 'Raadpleging ANG zonder dienstreden' })))
      .then([event]);
    expect(compartmentOf(complaint.fold([...FORWARDED, event]))).toBe('integrity:DPO');
  });

  it.each([
    ['the burgemeester', 'administrative' as const, MAYOR],
    ['a DIT clerk', 'administrative' as const, CLERK],
    ['the burgemeester', 'dpo' as const, MAYOR],
    ['a DIT clerk', 'disciplinary' as const, CLERK],
  ])('refuses %s ordering the %s route', (_, route, actor) => {
    complaint
      .given(...FORWARDED)
      .when((s) => decideTriageComplaint(s, triage({ route }, actor)))
      .thenThrows({ type: ComplaintForbidden, code: 'not_an_ordering_authority', status: 403 });
  });

  it('refuses a second triage', () => {
    complaint
      .given(...FORWARDED, administrativeOrdered)
      .when((s) => decideTriageComplaint(s, triage({ route: 'dpo' })))
      .thenThrows({ type: ComplaintConflict, code: 'already_triaged', status: 409 });
  });
});

describe('the forwarding invariant (R-INT-1)', () => {
  const now = at(CHIEF, '2025-05-10T10:00:00.000Z');
  const laterCommands: ComplaintCommand[] = [
    triage({}),
    {
      type: 'AssignInvestigator',
      data: { investigatorId: INVESTIGATOR.staffId, designated: false, organisation: ORGANISATION, relationships: [] },
      metadata: now,
    },
    {
      type: 'RecordFinding',
      data: { findingId: 'F-9', kind: 'incriminating', summary: 's', source: 'src' },
      metadata: at(INVESTIGATOR, '2025-05-10T10:00:00.000Z'),
    },
    {
      type: 'RecordFinding',
      data: { findingId: 'F-9', kind: 'exculpatory', summary: 's', source: 'src' },
      metadata: at(INVESTIGATOR, '2025-05-10T10:00:00.000Z'),
    },
    {
      type: 'RecordInformationRequest',
      data: { requestId: 'R-1', body: 'comite_p', request: 'Stand van zaken', receivedOn: '2025-05-09' },
      metadata: now,
    },
    { type: 'AnswerInformationRequest', data: { requestId: 'R-1', answer: 'Lopend', providedOn: '2025-05-10' }, metadata: now },
    {
      type: 'RecordHearing',
      data: {
        hearingId: 'H-1',
        staffId: OFFICER_A,
        heardOn: '2025-05-09',
        assistance: { kind: 'waived' },
        fileAccessGiven: true,
        summary: 's',
      },
      metadata: at(INVESTIGATOR, '2025-05-10T10:00:00.000Z'),
    },
    {
      type: 'ConcludeInvestigation',
      data: { conclusion: 'founded', summary: 's' },
      metadata: at(INVESTIGATOR, '2025-05-10T10:00:00.000Z'),
    },
    { type: 'ReportMaliciousComplaintToParket', data: { reportedOn: '2025-05-10' }, metadata: now },
    { type: 'ReferToParket', data: { staffIds: [OFFICER_A], referredOn: '2025-05-10' }, metadata: now },
    { type: 'StartDisciplinaryProcedure', data: { staffId: OFFICER_A, config: DEFAULT_DISCIPLINE_CONFIG }, metadata: now },
    {
      type: 'DecideSanction',
      data: { staffId: OFFICER_A, sanction: 'blaam', decidedOn: '2025-05-10', config: DEFAULT_DISCIPLINE_CONFIG },
      metadata: now,
    },
    { type: 'AddEvaluationFileNote', data: { staffId: OFFICER_A, note: 'n' }, metadata: now },
    { type: 'RecordLessonsLearned', data: { scope: 'corps', lessons: 'l' }, metadata: now },
    { type: 'CloseComplaint', data: {}, metadata: now },
  ];

  // A history that skipped a forwarding (an import, a bug elsewhere) still gets nowhere: the guard reads state, not phase.
  const withoutAig = [
    received(),
    logged,
    forwardedToComiteP,
    administrativeOrdered,
    assigned(),
    incriminating,
    exculpatory,
    concludedAs('founded'),
  ];
  const withoutEither = [received(), logged, administrativeOrdered, assigned(), incriminating, exculpatory, concludedAs('founded')];

  it.each(laterCommands.map((command) => [command.type, command] as const))('%s is refused until AIG has the complaint', (_, command) => {
    complaint
      .given(...withoutAig)
      .when((s) => decideComplaint(s, command))
      .thenThrows({ type: ForwardingNotRecorded, code: 'forwarding_not_recorded', status: 409, message: /not yet forwarded to AIG;/ });
  });

  it.each(laterCommands.map((command) => [command.type, command] as const))('%s is refused until both have it', (_, command) => {
    complaint
      .given(...withoutEither)
      .when((s) => decideComplaint(s, command))
      .thenThrows({ type: ForwardingNotRecorded, code: 'forwarding_not_recorded', status: 409, message: /Comité P and AIG/ });
  });

  it('lets triage through once both forwardings are recorded, the reference of one still pending', () => {
    complaint
      .given(received(), logged, forwardedToAig, forwardedToComiteP)
      .when((s) => decideTriageComplaint(s, triage({})))
      .then([administrativeOrdered]);
  });
});
