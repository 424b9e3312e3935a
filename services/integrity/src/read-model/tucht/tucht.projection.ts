import { Projection, RecordedEvent } from '@police/event-store';
import { evolveOrderMeasureFile, evolveThreatFileView } from './tucht.file';
import { ORDER_MEASURE_EVENT_TYPES, OrderMeasureEvent } from '../../domain/order-measure.events';
import { THREAT_FILE_EVENT_TYPES, ThreatFileEvent } from '../../domain/threat-file.events';
import { OrderMeasureRow, ThreatFileRow } from './tucht.read-model';

export function evolveOrderMeasureRow(row: OrderMeasureRow | null, event: OrderMeasureEvent, version: number): OrderMeasureRow | null {
  const file = evolveOrderMeasureFile(row?.measure ?? null, event);
  if (!file) return null;
  return {
    id: file.measureId,
    staffId: file.staffId,
    kind: file.kind,
    status: file.status,
    startsOn: file.startsOn,
    complaintId: file.complaint?.complaintId ?? null,
    version,
    measure: file,
  };
}

export const orderMeasuresProjection: Projection<OrderMeasureRow> = {
  name: 'integrity-order-measures',
  entity: OrderMeasureRow,
  handles: ORDER_MEASURE_EVENT_TYPES,
  keys: (e) => [(e.data as { measureId: string }).measureId],
  evolve: (row, e: RecordedEvent) =>
    evolveOrderMeasureRow(row ?? null, { type: e.type, data: e.data } as OrderMeasureEvent, e.streamVersion),
};

export function evolveThreatFileRow(row: ThreatFileRow | null, event: ThreatFileEvent, version: number): ThreatFileRow | null {
  const file = evolveThreatFileView(row?.file ?? null, event);
  if (!file) return null;
  return {
    id: file.threatFileId,
    status: file.status,
    staffIds: file.involved.map((i) => i.staffId),
    openedOn: file.openedOn,
    version,
    file,
  };
}

export const threatFilesProjection: Projection<ThreatFileRow> = {
  name: 'integrity-threat-files',
  entity: ThreatFileRow,
  handles: THREAT_FILE_EVENT_TYPES,
  keys: (e) => [(e.data as { threatFileId: string }).threatFileId],
  evolve: (row, e: RecordedEvent) => evolveThreatFileRow(row ?? null, { type: e.type, data: e.data } as ThreatFileEvent, e.streamVersion),
};
