import { ServiceEventSourcing } from '@police/platform';
import { liveController, LiveSource } from '@police/security';
import { In } from 'typeorm';
import { ReportsAccess } from '../../reports.access';
import { PvRow } from '../../read-model/pvs/pv.read-model';
import { ReportRow } from '../../read-model/reports/report.read-model';

/** `GET /api/reports/live`, for those who read reports. */
export const ReportsLiveController = liveController('reports', ['front_desk', 'detective', 'team_lead', 'chief']);

/**
 * What changes live in reports: a report (its screen, the lists and the desk's deadlines), and a PV —
 * seen as part of its report, as it is read; a PV of a sealed report tells nobody anything.
 */
export function reportsLiveSources(es: ServiceEventSourcing, access: ReportsAccess): LiveSource[] {
  return [
    {
      projection: 'reports-reports',
      records: (rows: ReportRow[]) =>
        rows.map((row) => ({ change: { type: 'report', id: row.id, version: row.version }, resource: (p) => access.resource(row, p) })),
    },
    {
      projection: 'reports-pvs',
      records: async (rows: PvRow[]) => {
        const reports = await es.dataSource.getRepository(ReportRow).findBy({ id: In([...new Set(rows.map((r) => r.reportId))]) });
        const byId = new Map(reports.map((r) => [r.id, r]));
        return rows.flatMap((pv) => {
          const report = byId.get(pv.reportId);
          if (!report || report.sealed) return [];
          return [
            {
              change: { type: 'pv', id: pv.id, version: pv.version, related: [{ type: 'report', id: report.id }] },
              resource: (p) => access.pvResource(report, pv, p),
            },
          ];
        });
      },
    },
  ];
}
