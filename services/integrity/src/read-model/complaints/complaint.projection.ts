import { Projection, RecordedEvent } from '@police/event-store';
import { accessAttributes } from '@police/platform';
import { evolveFile } from './complaint.file';
import { ComplaintEvent } from '../../domain/complaint.events';
import { compartmentOf, ComplaintState, evolveComplaint, initialComplaintState } from '../../domain/complaint.state';
import { ComplaintRow } from './complaint.read-model';

export const COMPLAINT_EVENT_TYPES = [
  'IntegrityComplaintReceived',
  'IntegrityComplaintLogged',
  'ComplaintForwardedToComiteP',
  'ComplaintForwardedToAig',
  'ForwardingAcknowledged',
  'AdministrativeInvestigationOrdered',
  'JudicialInvestigationOrdered',
  'DisciplinaryInvestigationOrdered',
  'ComplaintRoutedToDpo',
  'InvestigatorAssigned',
  'IncriminatingFindingRecorded',
  'ExculpatoryFindingRecorded',
  'InformationRequestReceived',
  'InformationProvidedToOversightBody',
  'StaffMemberHeard',
  'InvestigationConcluded',
  'MaliciousComplaintReportedToParket',
  'CriminalReferralMade',
  'DisciplinaryProcedureStarted',
  'DisciplinarySanctionDecided',
  'EvaluationFileNoteAdded',
  'LessonsLearnedRecorded',
  'ComplaintClosed',
] as const satisfies readonly ComplaintEvent['type'][];

/** The row of a complaint after one more event at `version` of its stream (pure; null until it is received). */
export function evolveComplaintRow(row: ComplaintRow | null, event: ComplaintEvent, version: number): ComplaintRow | null {
  const state: ComplaintState = evolveComplaint(row?.state ?? initialComplaintState(), event);
  const file = evolveFile(row?.file ?? null, event);
  if (state.status !== 'registered' || !file) return null;
  return {
    id: state.complaintId,
    registerNumber: state.registerNumber,
    channel: state.channel,
    phase: state.phase,
    compartment: compartmentOf(state),
    reportId: file.reportId ?? null,
    receivedOn: state.receivedOn,
    staffConcerned: [...state.staffConcerned],
    investigators: Object.keys(state.investigators),
    version,
    state,
    file,
    // Computed from the row by the list's projection (complaintListProjection), after every event.
    ...accessAttributes(null),
  };
}

export const complaintsProjection: Projection<ComplaintRow> = {
  name: 'integrity-complaints',
  entity: ComplaintRow,
  handles: COMPLAINT_EVENT_TYPES,
  keys: (e) => [(e.data as { complaintId: string }).complaintId],
  evolve: (row, e: RecordedEvent) => evolveComplaintRow(row ?? null, { type: e.type, data: e.data } as ComplaintEvent, e.streamVersion),
};
