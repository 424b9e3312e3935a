import type { RecordedEvent } from '@police/event-store';
import { ConductComplaintRoutedToIntegrity, ReportAmended, ReportEvent } from '../../domain/report.events';
import { PvEvent } from '../../domain/pv.events';
import { approved, drafted, finalisedEvent, HANDOFF_ID, PV_ID, received, REPORT_ID, submitted } from '../../domain/report.fixtures.spec';
import { pvsProjection } from '../pvs/pv.projection';
import { reportStatisticsProjection } from '../statistics/report-statistics.projection';
import { reportsProjection } from './report.projection';
import { ReportRow } from './report.read-model';

let position = 0;
/** A stored event as the projector hands it over (through JSON, like the store). */
function recorded(event: ReportEvent | PvEvent, streamVersion: number): RecordedEvent {
  position += 1;
  return JSON.parse(
    JSON.stringify({
      id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      streamId: `x-${streamVersion}`,
      streamVersion,
      position: { commit: position, prepare: position },
      type: event.type,
      data: event.data,
      metadata: { actor: 'staff-1', occurredAt: '2025-03-16T10:00:00.000Z', correlationId: 'c', causationId: 'c' },
      recordedAt: '2025-03-16T10:00:00.000Z',
      prevHash: '',
      contentHash: '',
      hash: '',
    }),
  ) as RecordedEvent;
}

function fold<Row extends object>(
  projection: { evolve(row: Row | null, e: RecordedEvent): Row | null },
  events: RecordedEvent[],
): Row | null {
  return events.reduce<Row | null>((row, e) => projection.evolve(row, e), null);
}

const conduct = received({
  kind: 'klacht',
  incidentType: 'onheus optreden',
  narrative: 'De agent duwde mij.',
  concernsPoliceConduct: true,
  staffMembersConcerned: ['5415-0777'],
});
const routed: ConductComplaintRoutedToIntegrity = {
  type: 'ConductComplaintRoutedToIntegrity',
  data: {
    reportId: REPORT_ID,
    integrityHandoffId: HANDOFF_ID,
    complaint: { ...conduct.data, kind: 'klacht', channel: conduct.data.channel, receivedAt: conduct.data.receivedAt },
    routedBy: 'staff-1799',
    routedAt: '2025-03-16T10:00:00.000Z',
  },
};

describe('the reports projection', () => {
  it('keeps a report row with its dimensions and folded state', () => {
    const row = fold<ReportRow>(reportsProjection, [recorded(received(), 0)]);
    expect(row).toMatchObject({
      id: REPORT_ID,
      status: 'received',
      kind: 'aangifte',
      channel: 'front_desk',
      office: 'apg',
      incidentType: 'fietsdiefstal',
      urgent: false,
      receivedBy: 'staff-4081',
      assignedServiceId: null,
      pvs: [],
      sealed: false,
      concernedStaffIds: [],
      version: 0,
      state: { status: 'open', reportId: REPORT_ID, narrative: 'Mijn fiets stond op slot aan het station en was weg.' },
    });
    expect(row?.receivedAt).toEqual(new Date('2025-03-16T10:00:00.000Z'));
  });

  it('follows the PVs of the report to its status', () => {
    const events = [recorded(received(), 0), recorded(drafted(), 0)];
    expect(fold<ReportRow>(reportsProjection, events)).toMatchObject({
      status: 'pv_in_progress',
      version: 0,
      pvs: [{ pvId: PV_ID, author: 'staff-4081', status: 'draft', pvNumber: null, transmitted: false, supplementsPvId: null }],
    });
    const done = [...events, recorded(submitted(), 1), recorded(approved(), 2), recorded(finalisedEvent(), 3)];
    expect(fold<ReportRow>(reportsProjection, done)).toMatchObject({
      status: 'pv_finalised',
      pvs: [{ status: 'finalised', pvNumber: 'GE.55.L5.012345/2025' }],
    });
    const sent = recorded(
      {
        type: 'PvTransmittedToParket',
        data: {
          pvId: PV_ID,
          reportId: REPORT_ID,
          pvNumber: 'GE.55.L5.012345/2025',
          transmittedBy: 'staff-5092',
          transmittedAt: '2025-03-18T10:00:00.000Z',
        },
      },
      4,
    );
    expect(fold<ReportRow>(reportsProjection, [...done, sent])).toMatchObject({ status: 'pv_transmitted', pvs: [{ transmitted: true }] });
  });

  it('keeps nothing of a complaint about police conduct, from its intake on', () => {
    const pending = fold<ReportRow>(reportsProjection, [recorded(conduct, 0)]);
    expect(pending).toMatchObject({
      status: 'routed_to_integrity',
      sealed: true,
      kind: null,
      channel: null,
      office: null,
      incidentType: null,
      state: null,
      concernedStaffIds: ['5415-0777'],
    });
    const row = fold<ReportRow>(reportsProjection, [recorded(conduct, 0), recorded(routed, 1)]);
    expect(row).toMatchObject({
      status: 'routed_to_integrity',
      sealed: true,
      integrityHandoffId: HANDOFF_ID,
      routedBy: 'staff-1799',
      version: 1,
      concernedStaffIds: ['5415-0777'],
      state: { status: 'routed_to_integrity', reportId: REPORT_ID, integrityHandoffId: HANDOFF_ID, concernedStaffIds: ['5415-0777'] },
    });
    expect(JSON.stringify(row)).not.toMatch(/duwde|onheus|An Peeters|Korenmarkt/);
  });

  it('shows the marker once integrity confirmed receipt, and no longer knows whom it concerned (ADR 0053)', () => {
    const marker = 'erased on 2025-03-17 under hand-over to integrity confirmed (receipt r-1)';
    const confirmed = recorded(
      {
        type: 'ConductComplaintReceiptConfirmed',
        data: {
          reportId: REPORT_ID,
          receiptId: 'r-1',
          receivedByIntegrityAt: '2025-03-17T08:00:00.000Z',
          decision: 'hand-over to integrity confirmed (receipt r-1)',
          erasedBy: 'system:reports-consumer',
          erasedAt: '2025-03-17T08:00:01.000Z',
        },
      },
      2,
    );
    const live = fold<ReportRow>(reportsProjection, [recorded(conduct, 0), recorded(routed, 1), confirmed]);
    expect(live).toMatchObject({
      erased: marker,
      concernedStaffIds: [],
      version: 2,
      state: { concernedStaffIds: [], erased: { decision: 'hand-over to integrity confirmed (receipt r-1)' } },
    });
    expect(JSON.stringify(live)).not.toContain('5415-0777');
    // A rebuild reads the same events with their statement erased (as the store hands them once the key is gone).
    const erasedRouted = recorded(
      {
        ...routed,
        data: { ...routed.data, complaint: { ...routed.data.complaint, narrative: marker, parties: [], staffMembersConcerned: [] } },
      },
      1,
    );
    const erasedIntake = recorded(
      { ...conduct, data: { ...conduct.data, narrative: marker, parties: [], staffMembersConcerned: [], incidentType: marker } },
      0,
    );
    expect(fold<ReportRow>(reportsProjection, [erasedIntake, erasedRouted, confirmed])).toEqual(live);
  });

  it('seals a report the moment an amendment says it concerns police conduct', () => {
    const flagged: ReportAmended = {
      type: 'ReportAmended',
      data: {
        reportId: REPORT_ID,
        changes: { concernsPoliceConduct: true },
        previous: { concernsPoliceConduct: false },
        reason: 'r',
        amendedBy: 'staff-1',
        amendedAt: '2025-03-16T11:00:00.000Z',
      },
    };
    const row = fold<ReportRow>(reportsProjection, [recorded(received(), 0), recorded(flagged, 1)]);
    expect(row).toMatchObject({ sealed: true, state: null, kind: null, version: 1 });
    expect(JSON.stringify(row)).not.toContain('fiets');
  });
});

describe('the PV projection', () => {
  it('keeps one row per PV with what the deadlines need', () => {
    const row = fold(pvsProjection, [recorded(drafted(), 0), recorded(submitted(), 1), recorded(approved(), 2)]);
    expect(row).toMatchObject({
      id: PV_ID,
      reportId: REPORT_ID,
      status: 'approved',
      author: 'staff-4081',
      destination: 'parket',
      pvNumber: null,
      supplementsPvId: null,
      transmittedAt: null,
      version: 2,
    });
    expect(row?.approvedAt).toEqual(new Date('2025-03-17T09:00:00.000Z'));
    expect(row?.submittedAt).toEqual(new Date('2025-03-16T12:00:00.000Z'));
  });
});

describe('the statistics projection', () => {
  const stats = reportStatisticsProjection('Europe/Brussels');

  it('counts a report by its dimensions and its ISO week in the zone’s time', () => {
    // Sunday 23:30 UTC is Monday 00:30 in Brussels: week 12 of 2025, not 11.
    const late = received({ receivedAt: '2025-03-16T23:30:00.000Z' });
    expect(fold(stats, [recorded(late, 0)])).toEqual({
      reportId: REPORT_ID,
      kind: 'aangifte',
      channel: 'front_desk',
      office: 'apg',
      incidentType: 'fietsdiefstal',
      week: '2025-W12',
      day: '2025-03-17',
    });
    const street = received({
      channel: { kind: 'street' },
      kind: 'melding',
      incidentType: undefined,
      receivedAt: '2025-01-01T10:00:00.000Z',
    });
    expect(fold(stats, [recorded(street, 0)])).toEqual({
      reportId: REPORT_ID,
      kind: 'melding',
      channel: 'street',
      office: '-',
      incidentType: '-',
      week: '2025-W01',
      day: '2025-01-01',
    });
  });

  it('follows an amended incident type', () => {
    const amended: ReportAmended = {
      type: 'ReportAmended',
      data: {
        reportId: REPORT_ID,
        changes: { incidentType: 'diefstal' },
        previous: { incidentType: 'fietsdiefstal' },
        reason: 'r',
        amendedBy: 's',
        amendedAt: '2025-03-16T11:00:00.000Z',
      },
    };
    expect(fold(stats, [recorded(received(), 0), recorded(amended, 1)])).toMatchObject({ incidentType: 'diefstal' });
  });

  it('never counts a complaint about police conduct, nor a report amended into one', () => {
    expect(fold(stats, [recorded(conduct, 0), recorded(routed, 1)])).toBeNull();
    const flagged: ReportAmended = {
      type: 'ReportAmended',
      data: {
        reportId: REPORT_ID,
        changes: { concernsPoliceConduct: true },
        previous: { concernsPoliceConduct: false },
        reason: 'r',
        amendedBy: 's',
        amendedAt: '2025-03-16T11:00:00.000Z',
      },
    };
    expect(fold(stats, [recorded(received(), 0), recorded(flagged, 1)])).toBeNull();
  });
});
