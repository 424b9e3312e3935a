import { specFor } from '@police/event-store/given-when-then';
import { CommandMetadata } from './integrity.decide';
import { decideThreatFile, evolveThreatFile, initialThreatFileState, OpenThreatFile } from './threat-file.decide';
import { ThreatFileClosed, ThreatFileNoteAdded, ThreatFileOpened } from './threat-file.events';
import { InvalidTuchtCommand, TuchtConflict, TuchtNotFound } from './tucht.errors';

const threatFile = specFor({ initialState: initialThreatFileState, evolve: evolveThreatFile });

const FILE_ID = '2d4f6a8c-1b3e-4c5d-9e7f-0a1b2c3d4e5f';
const TUCHT = { staffId: 'staff-tucht-02' };
const at = (iso: string): CommandMetadata => ({ actor: TUCHT, now: new Date(iso) });

const open = (data: Partial<OpenThreatFile['data']> = {}): OpenThreatFile => ({
  type: 'OpenThreatFile',
  data: {
    threatFileId: FILE_ID,
    openedOn: '2026-02-10',
    summary: 'Dreigende berichten tussen twee collega’s van ploeg 3',
    involved: [
      { staffId: 'staff-4711', involvement: 'subject' },
      { staffId: 'staff-4712', involvement: 'unspecified' },
    ],
    ...data,
  },
  metadata: at('2026-02-10T11:00:00.000Z'),
});

const opened: ThreatFileOpened = {
  type: 'ThreatFileOpened',
  data: {
    threatFileId: FILE_ID,
    openedOn: '2026-02-10',
    summary: 'Dreigende berichten tussen twee collega’s van ploeg 3',
    involved: [
      { staffId: 'staff-4711', involvement: 'subject' },
      { staffId: 'staff-4712', involvement: 'unspecified' },
    ],
    openedBy: TUCHT.staffId,
    recordedAt: '2026-02-10T11:00:00.000Z',
  },
};

const noted: ThreatFileNoteAdded = {
  type: 'ThreatFileNoteAdded',
  data: {
    threatFileId: FILE_ID,
    noteId: 'N-1',
    note: 'Gesprek met de diensthoofd gehad',
    addedBy: TUCHT.staffId,
    addedAt: '2026-02-12T08:00:00.000Z',
  },
};

const closed: ThreatFileClosed = {
  type: 'ThreatFileClosed',
  data: {
    threatFileId: FILE_ID,
    closedOn: '2026-03-01',
    reason: 'Bemiddeling geslaagd; geen verdere dreiging',
    closedBy: TUCHT.staffId,
    recordedAt: '2026-03-01T09:00:00.000Z',
  },
};

describe('a threat file (dreigingsdossier, R-INT-13)', () => {
  it('is opened with the staff members involved, each as subject, target or unspecified (the source does not say which)', () => {
    threatFile
      .given()
      .when((s) => decideThreatFile(s, open()))
      .then([opened]);
    expect(threatFile.fold([opened])).toEqual({
      status: 'opened',
      threatFileId: FILE_ID,
      openedOn: '2026-02-10',
      staffIds: ['staff-4711', 'staff-4712'],
      phase: 'open',
      notes: [],
    });
  });

  it('refuses no staff member, a staff member twice, an unknown involvement, a bad date, and a second file under the id', () => {
    threatFile
      .given()
      .when((s) => decideThreatFile(s, open({ involved: [] })))
      .thenThrows({ type: InvalidTuchtCommand, code: 'required', status: 422, field: 'involved' });
    threatFile
      .given()
      .when((s) =>
        decideThreatFile(
          s,
          open({
            involved: [
              { staffId: 'staff-4711', involvement: 'target' },
              { staffId: 'staff-4711', involvement: 'subject' },
            ],
          }),
        ),
      )
      .thenThrows({ code: 'invalid_value', status: 422, field: 'involved' });
    threatFile
      .given()
      .when((s) => decideThreatFile(s, open({ involved: [{ staffId: 'staff-4711', involvement: 'victim' as never }] })))
      .thenThrows({ code: 'invalid_value', status: 422, field: 'involved[0].involvement' });
    threatFile
      .given()
      .when((s) => decideThreatFile(s, open({ involved: [{ staffId: ' ', involvement: 'target' }] })))
      .thenThrows({ code: 'required', status: 422, field: 'involved[0].staffId' });
    threatFile
      .given()
      .when((s) => decideThreatFile(s, open({ openedOn: '2026-02-11' })))
      .thenThrows({ code: 'date_in_future', status: 422, field: 'openedOn' });
    threatFile
      .given()
      .when((s) => decideThreatFile(s, open({ summary: '' })))
      .thenThrows({ code: 'required', status: 422, field: 'summary' });
    threatFile
      .given(opened)
      .when((s) => decideThreatFile(s, open()))
      .thenThrows({ type: TuchtConflict, code: 'id_in_use', status: 409 });
  });

  it('takes notes while open', () => {
    threatFile
      .given(opened)
      .when((s) =>
        decideThreatFile(s, {
          type: 'AddThreatFileNote',
          data: { noteId: 'N-1', note: 'Gesprek met de diensthoofd gehad' },
          metadata: at('2026-02-12T08:00:00.000Z'),
        }),
      )
      .then([noted]);
    threatFile
      .given(opened, noted)
      .when((s) =>
        decideThreatFile(s, {
          type: 'AddThreatFileNote',
          data: { noteId: 'N-1', note: 'Nog eens' },
          metadata: at('2026-02-12T08:00:00.000Z'),
        }),
      )
      .thenThrows({ code: 'id_in_use', status: 409 });
  });

  it('is closed with a reason, not before it was opened; then takes nothing more', () => {
    const close = (closedOn: string, reason = 'Bemiddeling geslaagd; geen verdere dreiging') => ({
      type: 'CloseThreatFile' as const,
      data: { closedOn, reason },
      metadata: at('2026-03-01T09:00:00.000Z'),
    });
    threatFile
      .given(opened, noted)
      .when((s) => decideThreatFile(s, close('2026-03-01')))
      .then([closed]);
    threatFile
      .given(opened)
      .when((s) => decideThreatFile(s, close('2026-02-09')))
      .thenThrows({ code: 'invalid_date', status: 422, field: 'closedOn' });
    threatFile
      .given(opened)
      .when((s) => decideThreatFile(s, close('2026-03-01', ' ')))
      .thenThrows({ code: 'required', status: 422, field: 'reason' });
    threatFile
      .given(opened, closed)
      .when((s) => decideThreatFile(s, close('2026-03-01')))
      .thenThrows({ type: TuchtConflict, code: 'threat_file_closed', status: 409 });
    threatFile
      .given(opened, closed)
      .when((s) =>
        decideThreatFile(s, {
          type: 'AddThreatFileNote',
          data: { noteId: 'N-2', note: 'Na sluiting' },
          metadata: at('2026-03-02T09:00:00.000Z'),
        }),
      )
      .thenThrows({ code: 'threat_file_closed', status: 409 });
    threatFile
      .given()
      .when((s) => decideThreatFile(s, close('2026-03-01')))
      .thenThrows({ type: TuchtNotFound, code: 'threat_file_not_found', status: 404 });
  });
});
