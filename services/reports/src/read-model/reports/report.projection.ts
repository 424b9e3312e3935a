import { Projection, RecordedEvent } from '@police/event-store';
import { accessAttributes } from '@police/platform';
import { ConductComplaintRoutedToIntegrity, ReportEvent } from '../../domain/report.events';
import { evolveReport, initialReportState, ReportState, RoutedReport } from '../../domain/report.state';
import { PvEvent } from '../../domain/pv.events';
import { PvSummary, ReportListStatus, ReportRow } from './report.read-model';
import { withStatementErased } from '../../reports.sensitive';

export const REPORT_EVENT_TYPES = [
  'ReportReceived',
  'ObjectDeclared',
  'ReportAmended',
  'ReportAssignedToService',
  'ReportReferredExternally',
  'VictimSupportOffered',
  'InvestigationRequested',
  'ConductComplaintRoutedToIntegrity',
  'ConductComplaintReceiptConfirmed',
  'ProcessingRestricted',
  'ProcessingRestrictionLifted',
  'ReportStatementErased',
] as const satisfies readonly ReportEvent['type'][];

export const PV_EVENT_TYPES = [
  'PvDrafted',
  'PvSubmittedForQualityCheck',
  'PvQualityApproved',
  'PvQualityRejected',
  'PvFinalised',
  'PvTransmittedToParket',
  'GasFindingTransmittedToCity',
  'PvFedToAng',
] as const satisfies readonly PvEvent['type'][];

function listStatus(sealed: boolean, pvs: PvSummary[]): ReportListStatus {
  if (sealed) return 'routed_to_integrity';
  if (pvs.length === 0) return 'received';
  if (pvs.some((p) => p.status !== 'finalised')) return 'pv_in_progress';
  return pvs.some((p) => !p.transmitted) ? 'pv_finalised' : 'pv_transmitted';
}

/** The routed pointer, built from the routing event alone (the row kept nothing of the complaint to fold). */
function pointerFrom(e: ConductComplaintRoutedToIntegrity['data']): RoutedReport {
  return {
    status: 'routed_to_integrity',
    reportId: e.reportId,
    kind: e.complaint.kind,
    receivedAt: e.complaint.receivedAt,
    integrityHandoffId: e.integrityHandoffId,
    routedAt: e.routedAt,
    routedBy: e.routedBy,
    concernedStaffIds: e.complaint.staffMembersConcerned ?? [],
  };
}

/** `erased on <date> under <decision>`: what the pointer shows once the complaint's data here is destroyed. */
export function erasureText(e: { at: string; decision: string }): string {
  return `erased on ${e.at.slice(0, 10)} under ${e.decision}`;
}

/**
 * The row of a report from its folded state. A report that concerns police conduct keeps nothing but the
 * pointer, from the first event that says so (intake or amendment) — even before the routing event.
 */
export function reportRow(state: ReportState, version: number, previous: ReportRow | null, receivedBy: string): ReportRow | null {
  if (state.status === 'unreceived') return null;
  const pvs = previous?.pvs ?? [];
  if (state.status === 'routed_to_integrity' || state.concernsPoliceConduct) {
    const routed = state.status === 'routed_to_integrity' ? state : null;
    return {
      id: state.reportId,
      status: listStatus(true, pvs),
      kind: null,
      channel: null,
      office: null,
      incidentType: null,
      urgent: false,
      receivedAt: new Date(state.receivedAt),
      receivedBy,
      assignedServiceId: null,
      pvs,
      sealed: true,
      concernedStaffIds: routed?.concernedStaffIds ?? (state.status === 'open' ? (state.staffMembersConcerned ?? []) : []),
      integrityHandoffId: routed?.integrityHandoffId ?? null,
      routedAt: routed ? new Date(routed.routedAt) : null,
      routedBy: routed?.routedBy ?? null,
      erased: routed?.erased ? erasureText(routed.erased) : null,
      processingRestricted: state.status === 'open' ? (state.processingRestriction ?? null) : null,
      version,
      state: routed,
      // Computed from the row by the list's projection (reportListProjection), after every event.
      ...accessAttributes(null),
    };
  }
  return {
    id: state.reportId,
    status: listStatus(false, pvs),
    kind: state.kind,
    channel: state.channel.kind,
    office: state.channel.kind === 'front_desk' ? state.channel.officeId : null,
    incidentType: state.incidentType ?? null,
    urgent: state.urgent,
    receivedAt: new Date(state.receivedAt),
    receivedBy,
    assignedServiceId: state.assignedServiceId,
    pvs,
    sealed: false,
    concernedStaffIds: [],
    integrityHandoffId: null,
    routedAt: null,
    routedBy: null,
    erased: state.erased ? erasureText(state.erased) : null,
    processingRestricted: state.processingRestriction ?? null,
    version,
    state,
    ...accessAttributes(null),
  };
}

function withPv(row: ReportRow, event: PvEvent): ReportRow {
  const d = event.data;
  const others = row.pvs.filter((p) => p.pvId !== d.pvId);
  const current = row.pvs.find((p) => p.pvId === d.pvId);
  let pv: PvSummary | undefined = current;
  switch (event.type) {
    case 'PvDrafted':
      pv = {
        pvId: d.pvId,
        author: event.data.author,
        status: 'draft',
        pvNumber: null,
        transmitted: false,
        supplementsPvId: event.data.supplements?.pvId ?? null,
      };
      break;
    case 'PvSubmittedForQualityCheck':
      pv = current && { ...current, status: 'submitted' };
      break;
    case 'PvQualityApproved':
      pv = current && { ...current, status: 'approved' };
      break;
    case 'PvQualityRejected':
      pv = current && { ...current, status: 'rejected' };
      break;
    case 'PvFinalised':
      pv = current && { ...current, status: 'finalised', pvNumber: event.data.pvNumber };
      break;
    case 'PvTransmittedToParket':
    case 'GasFindingTransmittedToCity':
      pv = current && { ...current, transmitted: true };
      break;
    case 'PvFedToAng':
      break;
  }
  const pvs = pv ? [...others, pv] : others;
  return { ...row, pvs, status: listStatus(row.sealed, pvs) };
}

export const reportsProjection: Projection<ReportRow> = {
  name: 'reports-reports',
  entity: ReportRow,
  handles: [...REPORT_EVENT_TYPES, ...PV_EVENT_TYPES],
  keys: (e) => [(e.data as { reportId: string }).reportId],
  evolve: (row, e: RecordedEvent) => {
    if ((PV_EVENT_TYPES as readonly string[]).includes(e.type)) return row && withPv(row, { type: e.type, data: e.data } as PvEvent);
    const event = { type: e.type, data: e.data } as ReportEvent;
    const receivedBy = event.type === 'ReportReceived' ? event.data.receivedBy : (row?.receivedBy ?? '');
    if (row && row.sealed) {
      // Nothing of the complaint was kept to fold; only the routing event and integrity's receipt change the pointer.
      if (event.type === 'ConductComplaintRoutedToIntegrity') return reportRow(pointerFrom(event.data), e.streamVersion, row, receivedBy);
      if (event.type === 'ConductComplaintReceiptConfirmed' && row.state?.status === 'routed_to_integrity')
        return reportRow(evolveReport(row.state, event), e.streamVersion, row, receivedBy);
      return { ...row, version: e.streamVersion };
    }
    const state = evolveReport(row?.state ?? initialReportState(), event);
    if (event.type === 'ReportStatementErased' && state.status === 'open')
      return reportRow(withStatementErased(state, event.data), e.streamVersion, row, receivedBy);
    return reportRow(state, e.streamVersion, row, receivedBy);
  },
};
