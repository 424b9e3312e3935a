import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { ReportsComponents } from '@police/api-client';
import type { reportsApi } from '@/lib/api';

// Names for the reports service's types, all taken from the generated client (libs/api-client): a
// schema of its OpenAPI document, or the success answer of one of its routes. None is written by hand.
type Schemas = ReportsComponents['schemas'];
type Get<P extends ClientPathsWithMethod<typeof reportsApi, 'get'>> = MethodResponse<typeof reportsApi, 'get', P>;

export type ReportKind = Schemas['ReportKind'];
export type ChannelKind = Schemas['ChannelRequest']['kind'];
export type PartyRole = Schemas['PartyRole'];
export type MotiveFlag = Schemas['MotiveFlag'];
export type ReportListStatus = Schemas['ReportListStatus'];
export type ObjectCategory = NonNullable<Schemas['DeclaredObjectRequest']['category']>;

export type ReportView = Get<'/api/reports/{id}'>;
export type OpenReportView = Schemas['OpenReportView'];
export type OpenReport = Schemas['OpenReport'];
export type ReportParty = Schemas['ReportParty'];
export type ReportListEntry = Schemas['ReportListEntry'];
export type ReportList = Get<'/api/reports'>;
export type ReportsReference = Get<'/api/reports/reference'>;
export type Deadlines = Get<'/api/reports/deadlines'>;
export type Statistics = Get<'/api/reports/statistics'>;
export type StatisticsDimension = Schemas['StatisticsDimension'];

/** The request bodies, as the service's OpenAPI document describes them. */
export type ReceiveReportBody = Schemas['ReceiveReportRequest'];
export type AmendReportBody = Schemas['AmendReportRequest'];
export type AmendmentChanges = Schemas['AmendmentChangesRequest'];
export type AssignReportBody = Schemas['AssignReportRequest'];
export type ExternalReferralBody = Schemas['ExternalReferralRequest'];
export type VictimSupportBody = Schemas['VictimSupportRequest'];
export type InvestigationRequestBody = Schemas['InvestigationRequestRequest'];
