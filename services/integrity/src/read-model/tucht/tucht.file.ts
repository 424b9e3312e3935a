import { OrderMeasureEvent, OrderMeasureFollowUpAction, OrderMeasureStatus } from '../../domain/order-measure.events';
import { InvolvedStaffMember, ThreatFileEvent, ThreatFileStatus } from '../../domain/threat-file.events';

// The files of Bureau Tucht: their shape and their folds, shared by the projection and the row types.
/** An order measure as the API shows it: as recorded, where it stands, and every follow-up in order. */
export interface OrderMeasureFile {
  measureId: string;
  staffId: string;
  kind: string;
  authority: string;
  reason: string;
  decidedOn: string;
  startsOn: string;
  /** The current end date (after extensions), or null when open-ended. */
  endsOn: string | null;
  complaint: { complaintId: string; registerNumber: string | null } | null;
  status: OrderMeasureStatus;
  recordedBy: string;
  recordedAt: string;
  followUps: {
    action: OrderMeasureFollowUpAction;
    on: string;
    note: string;
    endsOn?: string;
    authority?: string;
    followedUpBy: string;
    recordedAt: string;
  }[];
}

export function evolveOrderMeasureFile(file: OrderMeasureFile | null, event: OrderMeasureEvent): OrderMeasureFile | null {
  if (event.type === 'OrderMeasureRecorded') {
    if (file) return file;
    const d = event.data;
    return {
      measureId: d.measureId,
      staffId: d.staffId,
      kind: d.kind,
      authority: d.authority,
      reason: d.reason,
      decidedOn: d.decidedOn,
      startsOn: d.startsOn,
      endsOn: d.endsOn ?? null,
      complaint: d.complaint ?? null,
      status: 'active',
      recordedBy: d.recordedBy,
      recordedAt: d.recordedAt,
      followUps: [],
    };
  }
  if (!file) return null;
  const { measureId: _m, staffId: _s, ...followUp } = event.data;
  const status: OrderMeasureStatus = followUp.action === 'lifted' ? 'lifted' : followUp.action === 'ended' ? 'ended' : file.status;
  return {
    ...file,
    status,
    endsOn: followUp.action === 'extended' && followUp.endsOn !== undefined ? followUp.endsOn : file.endsOn,
    followUps: [...file.followUps, followUp],
  };
}

/** A threat file as the API shows it. */
export interface ThreatFileView {
  threatFileId: string;
  openedOn: string;
  summary: string;
  involved: InvolvedStaffMember[];
  status: ThreatFileStatus;
  openedBy: string;
  recordedAt: string;
  notes: { noteId: string; note: string; addedBy: string; addedAt: string }[];
  closed: { closedOn: string; reason: string; closedBy: string; recordedAt: string } | null;
}

export function evolveThreatFileView(file: ThreatFileView | null, event: ThreatFileEvent): ThreatFileView | null {
  switch (event.type) {
    case 'ThreatFileOpened': {
      if (file) return file;
      const { threatFileId, openedOn, summary, involved, openedBy, recordedAt } = event.data;
      return { threatFileId, openedOn, summary, involved, status: 'open', openedBy, recordedAt, notes: [], closed: null };
    }
    case 'ThreatFileNoteAdded': {
      if (!file) return null;
      const { threatFileId: _id, ...note } = event.data;
      return { ...file, notes: [...file.notes, note] };
    }
    case 'ThreatFileClosed': {
      if (!file) return null;
      const { threatFileId: _id, ...closed } = event.data;
      return { ...file, status: 'closed', closed };
    }
  }
}
