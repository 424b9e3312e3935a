import { Projection, RecordedEvent } from '@police/event-store';
import { DATA_SUBJECT_REQUEST_EVENT_TYPES, DataSubjectRequestEvent } from '../../domain/data-subject-request.events';
import { DataSubjectRequestRow } from './data-subject-request.read-model';
import { evolveDataSubjectRequestView } from './data-subject-request.view';

export function evolveDataSubjectRequestRow(
  row: DataSubjectRequestRow | null,
  event: DataSubjectRequestEvent,
  version: number,
): DataSubjectRequestRow | null {
  const request = evolveDataSubjectRequestView(row?.request ?? null, event);
  if (!request) return null;
  return { id: request.requestId, status: request.status, receivedOn: request.receivedOn, version, request };
}

export const dataSubjectRequestsProjection: Projection<DataSubjectRequestRow> = {
  name: 'integrity-data-subject-requests',
  entity: DataSubjectRequestRow,
  handles: DATA_SUBJECT_REQUEST_EVENT_TYPES,
  keys: (e) => [(e.data as { requestId: string }).requestId],
  evolve: (row, e: RecordedEvent) =>
    evolveDataSubjectRequestRow(row ?? null, { type: e.type, data: e.data } as DataSubjectRequestEvent, e.streamVersion),
};
