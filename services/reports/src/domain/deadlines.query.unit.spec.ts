import { pvsAwaitingQualityCheck, pvsAwaitingTransmission, reportsAwaitingPv, TimeLimits } from './deadlines.query';
import { approved, drafted, finalisedEvent, pv, PV_ID, received, report, REPORT_ID, submitted } from './report.fixtures.spec';

const NOW = new Date('2025-03-20T10:00:00.000Z');
const OTHER_REPORT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const LIMITS: TimeLimits = { pvDraftDays: 5, qualityCheckDays: 1, transmissionDays: 2 };
const DAY = 86_400_000;

describe('deadline views', () => {
  it('lists aangiften and klachten without a PV, the most overdue first, with their age, due time and what the desk needs to find them', () => {
    const reports = [
      report.fold([received()]),
      report.fold([
        received({
          reportId: OTHER_REPORT,
          kind: 'klacht',
          channel: { kind: 'police_on_web' },
          urgent: true,
          receivedAt: '2025-03-14T10:00:00.000Z',
        }),
      ]),
      report.fold([received({ reportId: 'c0ffee00-0000-4000-8000-000000000000', kind: 'melding' })]),
    ];
    expect(reportsAwaitingPv(reports, [], NOW, LIMITS)).toStrictEqual([
      {
        reportId: OTHER_REPORT,
        kind: 'klacht',
        channel: 'police_on_web',
        officeId: null,
        incidentType: 'fietsdiefstal',
        urgent: true,
        since: '2025-03-14T10:00:00.000Z',
        ageMs: 6 * DAY,
        ageDays: 6,
        dueAt: '2025-03-19T10:00:00.000Z',
        overdue: true,
      },
      {
        reportId: REPORT_ID,
        kind: 'aangifte',
        channel: 'front_desk',
        officeId: 'apg',
        incidentType: 'fietsdiefstal',
        urgent: false,
        since: '2025-03-16T10:00:00.000Z',
        ageMs: 4 * DAY,
        ageDays: 4,
        dueAt: '2025-03-21T10:00:00.000Z',
        overdue: false,
      },
    ]);
    expect(reportsAwaitingPv(reports, [pv.fold([drafted()])], NOW, LIMITS).map((r) => r.reportId)).toStrictEqual([OTHER_REPORT]);
  });

  it('lists PVs waiting for quality control, aged and due from their submission', () => {
    const pvs = [
      pv.fold([drafted()]),
      pv.fold([drafted(), submitted(1, '2025-03-19T22:00:00.000Z')]),
      pv.fold([drafted(), submitted(), approved()]),
    ];
    expect(pvsAwaitingQualityCheck(pvs, NOW, LIMITS)).toStrictEqual([
      {
        pvId: PV_ID,
        reportId: REPORT_ID,
        status: 'submitted',
        destination: 'parket',
        pvNumber: null,
        since: '2025-03-19T22:00:00.000Z',
        ageMs: 12 * 3_600_000,
        ageDays: 0,
        dueAt: '2025-03-20T22:00:00.000Z',
        overdue: false,
      },
    ]);
  });

  it('lists PVs past quality control and not yet transmitted, aged and due from their approval', () => {
    const sent = {
      type: 'PvTransmittedToParket' as const,
      data: { pvId: PV_ID, reportId: REPORT_ID, pvNumber: 'X', transmittedBy: 's', transmittedAt: '2025-03-18T00:00:00.000Z' },
    };
    const pvs = [
      pv.fold([drafted(), submitted(), approved(), finalisedEvent()]),
      pv.fold([drafted(), submitted(), approved(), finalisedEvent(), sent]),
      pv.fold([drafted(), submitted()]),
    ];
    expect(pvsAwaitingTransmission(pvs, NOW, LIMITS)).toStrictEqual([
      {
        pvId: PV_ID,
        reportId: REPORT_ID,
        status: 'finalised',
        destination: 'parket',
        pvNumber: 'GE.55.L5.012345/2025',
        since: '2025-03-17T09:00:00.000Z',
        ageMs: 3 * DAY + 3_600_000,
        ageDays: 3,
        dueAt: '2025-03-19T09:00:00.000Z',
        overdue: true,
      },
    ]);
  });
});
