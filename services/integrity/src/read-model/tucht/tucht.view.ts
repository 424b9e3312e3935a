import { OrderMeasureFile, ThreatFileView } from './tucht.file';
import { OrderMeasureRow, ThreatFileRow } from './tucht.read-model';

/** An order measure as the API shows it. */
export interface OrderMeasureView {
  id: string;
  version: number;
  status: string;
  measure: OrderMeasureFile;
}

export function orderMeasureView(row: OrderMeasureRow): OrderMeasureView {
  return { id: row.id, version: row.version, status: row.status, measure: row.measure };
}

/** A line of a list: no reason, no follow-ups. */
export interface OrderMeasureListEntry {
  id: string;
  version: number;
  staffId: string;
  kind: string;
  authority: string;
  status: string;
  decidedOn: string;
  startsOn: string;
  endsOn: string | null;
  complaint: { complaintId: string; registerNumber: string | null } | null;
}

export function orderMeasureListEntry(row: OrderMeasureRow): OrderMeasureListEntry {
  const m = row.measure;
  return {
    id: row.id,
    version: row.version,
    staffId: m.staffId,
    kind: m.kind,
    authority: m.authority,
    status: m.status,
    decidedOn: m.decidedOn,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    complaint: m.complaint,
  };
}

export interface ThreatFileAnswer {
  id: string;
  version: number;
  status: string;
  threatFile: ThreatFileView;
}

export function threatFileView(row: ThreatFileRow): ThreatFileAnswer {
  return { id: row.id, version: row.version, status: row.status, threatFile: row.file };
}

/** A line of a list: who is involved and how, not the summary or the notes. */
export interface ThreatFileListEntry {
  id: string;
  version: number;
  status: string;
  openedOn: string;
  involved: ThreatFileView['involved'];
  closedOn: string | null;
}

export function threatFileListEntry(row: ThreatFileRow): ThreatFileListEntry {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    openedOn: row.openedOn,
    involved: row.file.involved,
    closedOn: row.file.closed?.closedOn ?? null,
  };
}
