import type { OpenReport } from '../../domain/report.state';
import type { WrittenPv } from '../../domain/pv.state';
import { PvSummary, ReportListStatus, ReportRow } from './report.read-model';
import { PvRow } from '../pvs/pv.read-model';

/** A report routed to integrity, as every answer shows it: the pointer, nothing of the complaint. */
export interface RoutedReportView {
  id: string;
  status: 'routed_to_integrity';
  version: number;
  integrityHandoffId: string | null;
  routedAt: string | null;
  routedBy: string | null;
  /** `erased on <date> under <decision>` once integrity confirmed receipt and the complaint's data here was destroyed. */
  erased: string | null;
}

export interface OpenReportView {
  id: string;
  status: Exclude<ReportListStatus, 'routed_to_integrity'>;
  version: number;
  pvs: PvSummary[];
  report: OpenReport;
}

export type ReportView = OpenReportView | RoutedReportView;

export function reportView(row: ReportRow): ReportView {
  if (row.sealed || row.state === null || row.state.status !== 'open') {
    return {
      id: row.id,
      status: 'routed_to_integrity',
      version: row.version,
      integrityHandoffId: row.integrityHandoffId,
      routedAt: row.routedAt ? new Date(row.routedAt).toISOString() : null,
      routedBy: row.routedBy,
      erased: row.erased ?? null,
    };
  }
  return { id: row.id, status: row.status as OpenReportView['status'], version: row.version, pvs: row.pvs, report: row.state };
}

/** A line of a list: the report's dimensions, or the pointer. */
export type ReportListEntry =
  | RoutedReportView
  | {
      id: string;
      status: ReportListStatus;
      version: number;
      kind: string | null;
      channel: string | null;
      office: string | null;
      incidentType: string | null;
      urgent: boolean;
      receivedAt: string;
      assignedServiceId: string | null;
      pvCount: number;
    };

export function reportListEntry(row: ReportRow): ReportListEntry {
  const view = reportView(row);
  if (view.status === 'routed_to_integrity') return view;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    kind: row.kind,
    channel: row.channel,
    office: row.office,
    incidentType: row.incidentType,
    urgent: row.urgent,
    receivedAt: new Date(row.receivedAt).toISOString(),
    assignedServiceId: row.assignedServiceId,
    pvCount: row.pvs.length,
  };
}

export interface PvView {
  id: string;
  reportId: string;
  version: number;
  pv: WrittenPv;
}

export function pvView(row: PvRow): PvView {
  return { id: row.id, reportId: row.reportId, version: row.version, pv: row.state };
}
