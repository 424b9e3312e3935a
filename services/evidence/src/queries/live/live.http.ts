import { ServiceEventSourcing } from '@police/platform';
import { liveController, LiveSource } from '@police/security';
import { In } from 'typeorm';
import { EvidenceAccess } from '../../evidence.access';
import { FoundObjectRow } from '../../read-model/found-objects/found-object.read-model';
import { CaseRow, ItemRow } from '../../read-model/items/item.read-model';

/** `GET /api/evidence/live`, for those who read items or found objects. */
export const EvidenceLiveController = liveController('evidence', [
  'detective',
  'team_lead',
  'evidence_officer',
  'lab_liaison',
  'front_desk',
  'chief',
]);

/**
 * What changes live in evidence: an item (its custody, its case's evidence list, the desk's storage
 * lists), told to those who may see it as it is read — with its case as the case directory has it now;
 * a found object, to POPP.
 */
export function evidenceLiveSources(es: ServiceEventSourcing, access: EvidenceAccess): LiveSource[] {
  return [
    {
      projection: 'evidence-items',
      records: async (rows: ItemRow[]) => {
        const ids = [...new Set(rows.flatMap((r) => (r.investigationId ? [r.investigationId] : [])))];
        const cases = ids.length > 0 ? await es.dataSource.getRepository(CaseRow).findBy({ investigationId: In(ids) }) : [];
        const byId = new Map(cases.map((c) => [c.investigationId, c]));
        return rows.map((row) => {
          const kase = row.investigationId ? (byId.get(row.investigationId) ?? null) : null;
          return { change: { type: 'evidence_item', id: row.id, version: row.version }, resource: (p) => access.resource(row, kase, p) };
        });
      },
    },
    {
      projection: 'evidence-found-objects',
      records: (rows: FoundObjectRow[]) =>
        rows.map((row) => ({
          change: { type: 'found_object', id: row.id, version: row.version },
          resource: () => ({ type: 'found_object', id: row.id }),
        })),
    },
  ];
}
