import { liveController, LiveSource } from '@police/security';
import { complaintResource, IntegrityAccess, OVERSIGHT_ROLES } from '../../integrity.access';
import { ComplaintRow } from '../../read-model/complaints/complaint.read-model';
import { OrderMeasureRow, ThreatFileRow } from '../../read-model/tucht/tucht.read-model';

/** `GET /api/integrity/live`, for oversight. */
export const IntegrityLiveController = liveController('integrity', OVERSIGHT_ROLES);

/**
 * What changes live in integrity: a complaint (told only in its compartment, never to the staff it
 * concerns), Bureau Tucht's order measures and threat files (never to the staff they concern).
 */
export function integrityLiveSources(access: IntegrityAccess): LiveSource[] {
  return [
    {
      projection: 'integrity-complaints',
      records: (rows: ComplaintRow[]) =>
        rows.map((row) => ({
          change: { type: 'integrity_complaint', id: row.id, version: row.version },
          resource: () => complaintResource(row),
        })),
    },
    {
      projection: 'integrity-order-measures',
      records: (rows: OrderMeasureRow[]) =>
        rows.map((row) => ({
          change: { type: 'order_measure', id: row.id, version: row.version },
          resource: () => access.measureResource(row),
        })),
    },
    {
      projection: 'integrity-threat-files',
      records: (rows: ThreatFileRow[]) =>
        rows.map((row) => ({
          change: { type: 'threat_file', id: row.id, version: row.version },
          resource: () => access.threatFileResource(row),
        })),
    },
  ];
}
