import { Projection, RecordedEvent } from '@police/event-store';
import { PvEvent } from '../../domain/pv.events';
import { pvQueueStages } from '../../domain/pv-queue.query';
import { PV_EVENT_TYPES } from '../reports/report.projection';
import { PvQueueRow } from './pv-queue.read-model';

/** A timestamp column as the API writes instants (a row read back may hold it as a string). */
export const isoOrNull = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

function withStages(row: PvQueueRow): PvQueueRow {
  return {
    ...row,
    stages: pvQueueStages({ status: row.status, transmittedAt: isoOrNull(row.transmittedAt), fedToAngAt: isoOrNull(row.fedToAngAt) }),
  };
}

/** The queue's row of a PV after one of its events. */
export function pvQueueRow(row: PvQueueRow | null, e: Pick<RecordedEvent, 'type' | 'data' | 'streamVersion'>): PvQueueRow | null {
  const event = { type: e.type, data: e.data } as PvEvent;
  if (event.type === 'PvDrafted') {
    if (row !== null) return row;
    const d = event.data;
    return withStages({
      id: d.pvId,
      reportId: d.reportId,
      status: 'draft',
      stages: [],
      destination: d.destination,
      offenceType: d.offenceType,
      legalQualification: d.legalQualification,
      author: d.author,
      round: 0,
      pvNumber: null,
      supplementsPvId: d.supplements?.pvId ?? null,
      supplementsPvNumber: d.supplements?.pvNumber ?? null,
      draftedAt: new Date(d.draftedAt),
      submittedAt: null,
      statusSince: new Date(d.draftedAt),
      checkedBy: null,
      rejectionReasons: [],
      transmittedAt: null,
      fedToAngAt: null,
      version: e.streamVersion,
    });
  }
  if (row === null) return null;
  const next = { ...row, version: e.streamVersion };
  switch (event.type) {
    case 'PvSubmittedForQualityCheck': {
      const d = event.data;
      const at = new Date(d.submittedAt);
      const c = d.corrections ?? {};
      const corrected = {
        ...(c.legalQualification !== undefined && { legalQualification: c.legalQualification }),
        ...(c.offenceType !== undefined && { offenceType: c.offenceType }),
        ...(c.destination !== undefined && { destination: c.destination }),
      };
      return withStages({
        ...next,
        ...corrected,
        status: 'submitted',
        round: d.round,
        submittedAt: at,
        statusSince: at,
        rejectionReasons: [],
      });
    }
    case 'PvQualityApproved':
      return withStages({ ...next, status: 'approved', statusSince: new Date(event.data.checkedAt), checkedBy: event.data.checkedBy });
    case 'PvQualityRejected':
      return withStages({
        ...next,
        status: 'rejected',
        statusSince: new Date(event.data.checkedAt),
        checkedBy: event.data.checkedBy,
        rejectionReasons: event.data.reasons,
      });
    case 'PvFinalised':
      return withStages({ ...next, status: 'finalised', pvNumber: event.data.pvNumber, statusSince: new Date(event.data.finalisedAt) });
    case 'PvTransmittedToParket':
    case 'GasFindingTransmittedToCity':
      return withStages({ ...next, transmittedAt: new Date(event.data.transmittedAt) });
    case 'PvFedToAng':
      return withStages({ ...next, fedToAngAt: new Date(event.data.fedAt) });
  }
}

export const pvQueueProjection: Projection<PvQueueRow> = {
  name: 'reports-pv-queue',
  entity: PvQueueRow,
  handles: PV_EVENT_TYPES,
  keys: (e) => [(e.data as { pvId: string }).pvId],
  evolve: pvQueueRow,
};
