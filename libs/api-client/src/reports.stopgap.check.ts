// Fails the workspace type-check when the console's stopgap answer types (reports.stopgap.ts) and the
// reports service's own view types differ in either direction. Goes with the stopgap.
/* eslint-disable @nx/enforce-module-boundaries */
import type * as Service from '../../../services/reports/src/queries/reports/report.view';
import type * as Client from './reports.stopgap';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const reportViewMatches: Same<Client.ReportView, Service.ReportView> = true;
export const reportListEntryMatches: Same<Client.ReportListEntry, Service.ReportListEntry> = true;
