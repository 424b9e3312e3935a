import type { RecordedEvent } from '@police/event-store';
import { OrderMeasureEvent } from '../../domain/order-measure.events';
import { ThreatFileEvent } from '../../domain/threat-file.events';
import { evolveOrderMeasureRow, evolveThreatFileRow, orderMeasuresProjection, threatFilesProjection } from './tucht.projection';
import { OrderMeasureRow, ThreatFileRow } from './tucht.read-model';

const MEASURE_ID = '7a3c1e52-9d4b-4f6a-8b2c-0e1d2f3a4b5c';
const FILE_ID = '2d4f6a8c-1b3e-4c5d-9e7f-0a1b2c3d4e5f';
const COMPLAINT_ID = '5b1e6c0a-2f3d-4a8b-9c7d-1e2f3a4b5c6d';

/** Through JSON, one event at a time, as the projector does. */
function project<Row>(
  projection: { keys(e: RecordedEvent): string[]; evolve(row: Row | null, e: RecordedEvent): Row | null },
  id: string,
  events: { type: string; data: unknown }[],
): Row | null {
  let row: Row | null = null;
  events.forEach((e, streamVersion) => {
    const recorded = { type: e.type, data: JSON.parse(JSON.stringify(e.data)), streamVersion } as RecordedEvent;
    expect(projection.keys(recorded)).toEqual([id]);
    row = projection.evolve(row, recorded);
  });
  return row;
}

const recorded: OrderMeasureEvent = {
  type: 'OrderMeasureRecorded',
  data: {
    measureId: MEASURE_ID,
    staffId: 'staff-4711',
    kind: 'schorsing bij ordemaatregel',
    authority: 'korpschef',
    reason: 'Aanwezigheid schaadt het onderzoek',
    decidedOn: '2026-03-02',
    startsOn: '2026-03-03',
    endsOn: '2026-06-02',
    complaint: { complaintId: COMPLAINT_ID, registerNumber: 'DIT-2026-000042' },
    recordedBy: 'staff-tucht-02',
    recordedAt: '2026-03-02T15:00:00.000Z',
  },
};
const extended: OrderMeasureEvent = {
  type: 'OrderMeasureFollowedUp',
  data: {
    measureId: MEASURE_ID,
    staffId: 'staff-4711',
    action: 'extended',
    on: '2026-05-30',
    note: 'Verlengd',
    endsOn: '2026-09-02',
    authority: 'burgemeester',
    followedUpBy: 'staff-tucht-02',
    recordedAt: '2026-05-30T10:00:00.000Z',
  },
};
const lifted: OrderMeasureEvent = {
  type: 'OrderMeasureFollowedUp',
  data: {
    measureId: MEASURE_ID,
    staffId: 'staff-4711',
    action: 'lifted',
    on: '2026-07-01',
    note: 'Opgeheven',
    authority: 'korpschef',
    followedUpBy: 'staff-tucht-02',
    recordedAt: '2026-07-01T10:00:00.000Z',
  },
};

describe('order measures projection', () => {
  it('handles both event types, and nothing before the measure is recorded', () => {
    expect(orderMeasuresProjection.handles).toEqual(['OrderMeasureRecorded', 'OrderMeasureFollowedUp']);
    expect(evolveOrderMeasureRow(null, extended, 0)).toBeNull();
  });

  it('keeps the measure as recorded, the end date after an extension, the status after lifting, and every follow-up', () => {
    const row = project<OrderMeasureRow>(orderMeasuresProjection, MEASURE_ID, [recorded, extended, lifted]);
    expect(row).toEqual({
      id: MEASURE_ID,
      staffId: 'staff-4711',
      kind: 'schorsing bij ordemaatregel',
      status: 'lifted',
      startsOn: '2026-03-03',
      complaintId: COMPLAINT_ID,
      version: 2,
      measure: {
        measureId: MEASURE_ID,
        staffId: 'staff-4711',
        kind: 'schorsing bij ordemaatregel',
        authority: 'korpschef',
        reason: 'Aanwezigheid schaadt het onderzoek',
        decidedOn: '2026-03-02',
        startsOn: '2026-03-03',
        endsOn: '2026-09-02',
        complaint: { complaintId: COMPLAINT_ID, registerNumber: 'DIT-2026-000042' },
        status: 'lifted',
        recordedBy: 'staff-tucht-02',
        recordedAt: '2026-03-02T15:00:00.000Z',
        followUps: [
          {
            action: 'extended',
            on: '2026-05-30',
            note: 'Verlengd',
            endsOn: '2026-09-02',
            authority: 'burgemeester',
            followedUpBy: 'staff-tucht-02',
            recordedAt: '2026-05-30T10:00:00.000Z',
          },
          {
            action: 'lifted',
            on: '2026-07-01',
            note: 'Opgeheven',
            authority: 'korpschef',
            followedUpBy: 'staff-tucht-02',
            recordedAt: '2026-07-01T10:00:00.000Z',
          },
        ],
      },
    });
  });
});

const opened: ThreatFileEvent = {
  type: 'ThreatFileOpened',
  data: {
    threatFileId: FILE_ID,
    openedOn: '2026-02-10',
    summary: 'Dreigende berichten',
    involved: [
      { staffId: 'staff-4711', involvement: 'subject' },
      { staffId: 'staff-4712', involvement: 'unspecified' },
    ],
    openedBy: 'staff-tucht-02',
    recordedAt: '2026-02-10T11:00:00.000Z',
  },
};
const noted: ThreatFileEvent = {
  type: 'ThreatFileNoteAdded',
  data: { threatFileId: FILE_ID, noteId: 'N-1', note: 'Gesprek', addedBy: 'staff-tucht-02', addedAt: '2026-02-12T08:00:00.000Z' },
};
const closed: ThreatFileEvent = {
  type: 'ThreatFileClosed',
  data: {
    threatFileId: FILE_ID,
    closedOn: '2026-03-01',
    reason: 'Bemiddeld',
    closedBy: 'staff-0001',
    recordedAt: '2026-03-01T09:00:00.000Z',
  },
};

describe('threat files projection', () => {
  it('handles the three event types, and nothing before the file is opened', () => {
    expect(threatFilesProjection.handles).toEqual(['ThreatFileOpened', 'ThreatFileNoteAdded', 'ThreatFileClosed']);
    expect(evolveThreatFileRow(null, noted, 0)).toBeNull();
  });

  it('lists every staff member involved (the access list), the notes in order, and the closing', () => {
    expect(project<ThreatFileRow>(threatFilesProjection, FILE_ID, [opened, noted, closed])).toEqual({
      id: FILE_ID,
      status: 'closed',
      staffIds: ['staff-4711', 'staff-4712'],
      openedOn: '2026-02-10',
      version: 2,
      file: {
        threatFileId: FILE_ID,
        openedOn: '2026-02-10',
        summary: 'Dreigende berichten',
        involved: [
          { staffId: 'staff-4711', involvement: 'subject' },
          { staffId: 'staff-4712', involvement: 'unspecified' },
        ],
        status: 'closed',
        openedBy: 'staff-tucht-02',
        recordedAt: '2026-02-10T11:00:00.000Z',
        notes: [{ noteId: 'N-1', note: 'Gesprek', addedBy: 'staff-tucht-02', addedAt: '2026-02-12T08:00:00.000Z' }],
        closed: { closedOn: '2026-03-01', reason: 'Bemiddeld', closedBy: 'staff-0001', recordedAt: '2026-03-01T09:00:00.000Z' },
      },
    });
  });
});
