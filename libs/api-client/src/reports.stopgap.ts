// STOPGAP until the typed client of the `documents` branch lands (issue 12, item 4): the reports
// service's OpenAPI document describes request bodies but no response body yet, so openapi-typescript can
// only type the answers as unknown. These are the answers the console's report screens read, in the
// shape the service sends. The documents carry response schemas now: the desk screens replace these with
// the generated types and delete this file.
import type { components } from './generated/reports';

type Schemas = components['schemas'];
export type ReportKind = Schemas['ReceiveReportRequest']['kind'];
export type ChannelKind = Schemas['ChannelRequest']['kind'];
export type PartyRole = Schemas['PartyRequest']['roles'][number];
export type MotiveFlag = NonNullable<Schemas['ReceiveReportRequest']['motiveFlags']>[number];
export type ReportListStatus = 'received' | 'pv_in_progress' | 'pv_finalised' | 'pv_transmitted' | 'routed_to_integrity';
export type PvStatus = 'draft' | 'submitted' | 'rejected' | 'approved' | 'finalised';

export type Channel = { kind: 'front_desk'; officeId: string } | { kind: Exclude<ChannelKind, 'front_desk'> };

export interface ReportParty {
  partyId: string;
  name: string;
  roles: PartyRole[];
  contact?: string;
}

export interface PvSummary {
  pvId: string;
  author: string;
  status: PvStatus;
  pvNumber: string | null;
  transmitted: boolean;
  supplementsPvId: string | null;
}

type AmendableField = 'incidentType' | 'timeWindow' | 'place' | 'narrative' | 'parties' | 'motiveFlags' | 'victimSupportWanted' | 'concernsPoliceConduct' | 'staffMembersConcerned';

export interface OpenReport {
  status: 'open';
  reportId: string;
  kind: ReportKind;
  channel: Channel;
  urgent: boolean;
  receivedAt: string;
  incidentType?: string;
  timeWindow?: { from: string; to: string };
  place?: { municipality: string; postalCode?: string; address?: string };
  narrative: string;
  parties: ReportParty[];
  motiveFlags: MotiveFlag[];
  victimSupportWanted: boolean;
  concernsPoliceConduct: boolean;
  staffMembersConcerned?: string[];
  amendments: { fields: AmendableField[]; reason: string; amendedBy: string; amendedAt: string }[];
  assignedServiceId: string | null;
  referrals: { organisation: string; referredAt: string }[];
  victimSupportOffered: string[];
  investigationRequestedAt: string | null;
}

export interface RoutedReportView {
  id: string;
  status: 'routed_to_integrity';
  version: number;
  integrityHandoffId: string | null;
  routedAt: string | null;
  routedBy: string | null;
}

export interface OpenReportView {
  id: string;
  status: Exclude<ReportListStatus, 'routed_to_integrity'>;
  version: number;
  pvs: PvSummary[];
  report: OpenReport;
}

/** GET /api/reports/{id}, and the answer of every write on a report. */
export type ReportView = OpenReportView | RoutedReportView;

/** A line of GET /api/reports. */
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

/** GET /api/reports. */
export interface ReportList {
  items: ReportListEntry[];
  limit: number;
  offset: number;
}

/** GET /api/reports/reference. */
export interface ReportsReference {
  offices: { id: string; name: string; walkIn: boolean }[];
  services: { id: string; name: string }[];
  timeZone: string;
}
