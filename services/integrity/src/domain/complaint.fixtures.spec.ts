import { DEFAULT_DISCIPLINE_CONFIG } from '../integrity.config';
// Not a suite: actors, organisation data and events shared by the complaint specs.
import { Actor, CommandMetadata } from './integrity.decide';
import { Organisation, ReceiveComplaint } from './complaint.decide';
import {
  ComplaintEvent,
  ComplaintForwardedToAig,
  ComplaintForwardedToComiteP,
  DisciplinaryInvestigationOrdered,
  AdministrativeInvestigationOrdered,
  ExculpatoryFindingRecorded,
  IncriminatingFindingRecorded,
  IntegrityComplaintLogged,
  IntegrityComplaintReceived,
  InvestigationConcluded,
  InvestigatorAssigned,
  Conclusion,
  DisciplinaryProcedureStarted,
} from './complaint.events';
import { evolveComplaint, initialComplaintState } from './complaint.state';
import { specFor } from '@police/event-store/given-when-then';

export const complaint = specFor({ initialState: initialComplaintState, evolve: evolveComplaint });

export const COMPLAINT_ID = '5b1e6c0a-2f3d-4a8b-9c7d-1e2f3a4b5c6d';
export const REGISTER_NUMBER = 'DIT-2025-0042';
export const REPORT_ID = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';

/** Staff of DIT who log and forward. */
export const CLERK: Actor = { staffId: 'staff-dit-01' };
export const CHIEF: Actor = { staffId: 'staff-0001', authority: 'korpschef' };
export const MAYOR: Actor = { staffId: 'ext-burgemeester', authority: 'burgemeester' };
export const MINISTER: Actor = { staffId: 'ext-minister', authority: 'minister' };
export const INVESTIGATOR: Actor = { staffId: 'staff-bit-07' };
export const STRANGER: Actor = { staffId: 'staff-9999' };

/** The officers the complaint names. */
export const OFFICER_A = 'staff-4711';
export const OFFICER_B = 'staff-4712';

export const ORGANISATION: Organisation = {
  [OFFICER_A]: { teams: ['interventie-ploeg-3'], unit: 'interventie' },
  [OFFICER_B]: { teams: ['interventie-ploeg-3', 'fietsbrigade'], unit: 'interventie' },
  'staff-bit-07': { teams: ['bit'], unit: 'dit' },
  'staff-bit-08': { teams: ['bit'], unit: 'dit' },
  'staff-wijk-21': { teams: ['wijk-noord', 'fietsbrigade'], unit: 'wijkwerking' },
  'staff-int-30': { teams: ['interventie-ploeg-1'], unit: 'interventie' },
};

export const DISCIPLINARY_AUTHORITIES = DEFAULT_DISCIPLINE_CONFIG.authorities;

export const at = (actor: Actor, iso: string): CommandMetadata => ({ actor, now: new Date(iso) });

export function receiveCommand(
  data: Partial<ReceiveComplaint['data']> = {},
  metadata = at(CLERK, '2025-04-02T09:15:00.000Z'),
): ReceiveComplaint {
  return {
    type: 'ReceiveComplaint',
    data: {
      complaintId: COMPLAINT_ID,
      registerNumber: REGISTER_NUMBER,
      channel: 'mail',
      complainant: { name: 'An Peeters', contact: 'an.peeters@example.be' },
      staffConcerned: [OFFICER_A, OFFICER_B],
      facts: 'Onbeleefd en intimiderend optreden bij een verkeerscontrole op 28 maart, Kortrijksesteenweg',
      receivedOn: '2025-04-01',
      ...data,
    },
    metadata,
  };
}

export const received = (data: Partial<IntegrityComplaintReceived['data']> = {}): IntegrityComplaintReceived => ({
  type: 'IntegrityComplaintReceived',
  data: {
    complaintId: COMPLAINT_ID,
    channel: 'mail',
    complainant: { name: 'An Peeters', contact: 'an.peeters@example.be' },
    staffConcerned: [OFFICER_A, OFFICER_B],
    facts: 'Onbeleefd en intimiderend optreden bij een verkeerscontrole op 28 maart, Kortrijksesteenweg',
    receivedOn: '2025-04-01',
    recordedBy: CLERK.staffId,
    recordedAt: '2025-04-02T09:15:00.000Z',
    ...data,
  },
});

export const logged: IntegrityComplaintLogged = {
  type: 'IntegrityComplaintLogged',
  data: { complaintId: COMPLAINT_ID, registerNumber: REGISTER_NUMBER, loggedBy: CLERK.staffId, loggedAt: '2025-04-02T09:15:00.000Z' },
};

export const forwardedToComiteP: ComplaintForwardedToComiteP = {
  type: 'ComplaintForwardedToComiteP',
  data: {
    complaintId: COMPLAINT_ID,
    basis: 'forwarded',
    forwardedOn: '2025-04-02',
    channel: 'email',
    recordedBy: CLERK.staffId,
    recordedAt: '2025-04-02T10:00:00.000Z',
  },
};

export const forwardedToAig: ComplaintForwardedToAig = {
  type: 'ComplaintForwardedToAig',
  data: {
    complaintId: COMPLAINT_ID,
    basis: 'forwarded',
    forwardedOn: '2025-04-02',
    channel: 'platform',
    reference: 'AIG/2025/1187',
    recordedBy: CLERK.staffId,
    recordedAt: '2025-04-02T10:05:00.000Z',
  },
};

export const administrativeOrdered: AdministrativeInvestigationOrdered = {
  type: 'AdministrativeInvestigationOrdered',
  data: {
    complaintId: COMPLAINT_ID,
    compartment: 'integrity:BIT',
    reason: 'Mogelijke deontologische tekortkoming',
    orderedBy: CHIEF.staffId,
    orderedAs: 'korpschef',
    orderedAt: '2025-04-04T14:00:00.000Z',
  },
};

export const disciplinaryOrdered: DisciplinaryInvestigationOrdered = {
  type: 'DisciplinaryInvestigationOrdered',
  data: {
    complaintId: COMPLAINT_ID,
    compartment: 'integrity:Tucht',
    reason: 'Mogelijke tuchtrechtelijke tekortkoming',
    orderedBy: MAYOR.staffId,
    orderedAs: 'burgemeester',
    orderedAt: '2025-04-04T14:00:00.000Z',
  },
};

export const assigned = (investigatorId = INVESTIGATOR.staffId, designated = false): InvestigatorAssigned => ({
  type: 'InvestigatorAssigned',
  data: {
    complaintId: COMPLAINT_ID,
    investigatorId,
    designated,
    conflicts: [],
    assignedBy: CHIEF.staffId,
    assignedAt: '2025-04-05T09:00:00.000Z',
  },
});

export const incriminating: IncriminatingFindingRecorded = {
  type: 'IncriminatingFindingRecorded',
  data: {
    complaintId: COMPLAINT_ID,
    findingId: 'F-1',
    staffId: OFFICER_A,
    summary: 'Bodycambeelden tonen een verheven toon en beledigende woorden',
    source: 'Bodycam 4711, 28/03 17:42',
    recordedBy: INVESTIGATOR.staffId,
    recordedAt: '2025-04-10T11:00:00.000Z',
  },
};

export const exculpatory: ExculpatoryFindingRecorded = {
  type: 'ExculpatoryFindingRecorded',
  data: {
    complaintId: COMPLAINT_ID,
    findingId: 'F-2',
    staffId: OFFICER_B,
    summary: 'Getuige bevestigt dat INP B. zich correct gedroeg',
    source: 'Verhoor getuige, 09/04',
    recordedBy: INVESTIGATOR.staffId,
    recordedAt: '2025-04-10T11:30:00.000Z',
  },
};

export const concludedAs = (conclusion: Conclusion): InvestigationConcluded => ({
  type: 'InvestigationConcluded',
  data: {
    complaintId: COMPLAINT_ID,
    conclusion,
    summary: 'Onderzoek afgerond',
    incriminatingFindings: 1,
    exculpatoryFindings: 1,
    concludedBy: INVESTIGATOR.staffId,
    concludedAt: '2025-05-02T16:00:00.000Z',
  },
});

export const procedureStarted = (authority = 'korpschef', staffId = OFFICER_A): DisciplinaryProcedureStarted => ({
  type: 'DisciplinaryProcedureStarted',
  data: {
    complaintId: COMPLAINT_ID,
    staffId,
    authority,
    startedBy: authority === 'korpschef' ? CHIEF.staffId : MAYOR.staffId,
    startedAt: '2025-05-05T10:00:00.000Z',
  },
});

/** Received, logged and forwarded to both bodies: ready for triage. */
export const FORWARDED: ComplaintEvent[] = [received(), logged, forwardedToComiteP, forwardedToAig];
/** Under an administrative investigation by BIT, with one investigator. */
export const INVESTIGATING: ComplaintEvent[] = [...FORWARDED, administrativeOrdered, assigned()];
/** Concluded with one finding of each kind. */
export const concludedHistory = (conclusion: Conclusion): ComplaintEvent[] => [
  ...INVESTIGATING,
  incriminating,
  exculpatory,
  concludedAs(conclusion),
];
