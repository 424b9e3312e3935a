import { PvEvent } from '../../domain/pv.events';
import { approved, DOC_SHA, drafted, finalisedEvent, PV_ID, PV_NUMBER, rejected, REPORT_ID } from '../../domain/report.fixtures.spec';
import { pvQueueRow } from './pv-queue.projection';
import { PvQueueRow } from './pv-queue.read-model';

const fold = (events: PvEvent[]): PvQueueRow | null =>
  events.reduce<PvQueueRow | null>((row, e, i) => pvQueueRow(row, { ...e, streamVersion: i }), null);

describe('the row of a PV in GAK’s queue', () => {
  it('follows the PV through rejection, corrected resubmission, approval, finalisation, transmission and the ANG feed', () => {
    const submitted1: PvEvent = {
      type: 'PvSubmittedForQualityCheck',
      data: { pvId: PV_ID, reportId: REPORT_ID, round: 1, submittedBy: 'staff-4081', submittedAt: '2025-03-16T12:00:00.000Z' },
    };
    const resubmitted: PvEvent = {
      type: 'PvSubmittedForQualityCheck',
      data: {
        pvId: PV_ID,
        reportId: REPORT_ID,
        round: 2,
        corrections: { offenceType: 'diefstal met braak', documentSha256: 'a'.repeat(64) },
        correctionNote: 'Braak vermeld',
        submittedBy: 'staff-4081',
        submittedAt: '2025-03-17T09:30:00.000Z',
      },
    };
    expect(fold([drafted()])).toMatchObject({ status: 'draft', stages: [], round: 0, statusSince: new Date('2025-03-16T11:00:00.000Z') });
    expect(fold([drafted(), submitted1, rejected(1)])).toMatchObject({
      status: 'rejected',
      stages: ['correction'],
      checkedBy: 'staff-5092',
      rejectionReasons: ['Kwalificatie ontbreekt het artikel'],
      statusSince: new Date('2025-03-17T09:00:00.000Z'),
      version: 2,
    });
    const resubmittedRow = fold([drafted(), submitted1, rejected(1), resubmitted]);
    expect(resubmittedRow).toEqual({
      id: PV_ID,
      reportId: REPORT_ID,
      status: 'submitted',
      stages: ['quality_check'],
      destination: 'parket',
      offenceType: 'diefstal met braak',
      legalQualification: 'Diefstal (art. 461 Sw.)',
      author: 'staff-4081',
      round: 2,
      pvNumber: null,
      supplementsPvId: null,
      supplementsPvNumber: null,
      draftedAt: new Date('2025-03-16T11:00:00.000Z'),
      submittedAt: new Date('2025-03-17T09:30:00.000Z'),
      statusSince: new Date('2025-03-17T09:30:00.000Z'),
      checkedBy: 'staff-5092',
      rejectionReasons: [],
      transmittedAt: null,
      fedToAngAt: null,
      version: 3,
    });
    const finalised = fold([drafted(), submitted1, rejected(1), resubmitted, approved(2), finalisedEvent()]);
    expect(finalised).toMatchObject({
      status: 'finalised',
      pvNumber: PV_NUMBER,
      stages: ['transmission', 'ang_feed'],
      statusSince: new Date('2025-03-17T10:00:00.000Z'),
    });
    const fed: PvEvent = {
      type: 'PvFedToAng',
      data: { pvId: PV_ID, reportId: REPORT_ID, pvNumber: PV_NUMBER, fedBy: 'staff-5092', fedAt: '2025-03-17T12:00:00.000Z' },
    };
    const sent: PvEvent = {
      type: 'PvTransmittedToParket',
      data: {
        pvId: PV_ID,
        reportId: REPORT_ID,
        pvNumber: PV_NUMBER,
        transmittedBy: 'staff-4081',
        transmittedAt: '2025-03-17T11:00:00.000Z',
      },
    };
    expect(fold([drafted(), submitted1, approved(1), finalisedEvent(), fed])).toMatchObject({
      stages: ['transmission'],
      fedToAngAt: new Date('2025-03-17T12:00:00.000Z'),
    });
    expect(fold([drafted(), submitted1, approved(1), finalisedEvent(), fed, sent])).toMatchObject({
      stages: ['completed'],
      transmittedAt: new Date('2025-03-17T11:00:00.000Z'),
      version: 5,
    });
  });

  it('keeps the finalised PV a supplementary PV adds to, and ignores a second draft under the same id', () => {
    const supplement = drafted({ supplements: { pvId: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', pvNumber: PV_NUMBER } });
    const row = fold([supplement, drafted({ documentSha256: DOC_SHA, offenceType: 'iets anders' })]);
    expect(row).toMatchObject({
      supplementsPvId: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
      supplementsPvNumber: PV_NUMBER,
      offenceType: 'fietsdiefstal',
      version: 0,
    });
  });
});
