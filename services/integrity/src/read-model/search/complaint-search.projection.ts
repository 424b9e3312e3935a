import { SearchDocument, SearchEntry, searchIndexProjection } from '@police/platform';
import { Entity } from 'typeorm';
import { complaintResource } from '../../integrity.access';
import { complaintsProjection } from '../complaints/complaint.projection';
import { ComplaintRow } from '../complaints/complaint.read-model';

/** Integrity's search index: one entry per complaint, folded from the same row as the lists. */
@Entity({ name: 'search_entries', schema: 'integrity' })
export class ComplaintSearchEntry extends SearchEntry {
  declare source: ComplaintRow;
}

/**
 * A complaint as search finds it: its register number and the oversight body's reference, the
 * complainant, the office, the facts. Who may find it is the complaint's sealed record
 * (`complaintResource`): its compartment, its investigators, never the staff it concerns.
 */
export function complaintSearchDocument(row: ComplaintRow): SearchDocument {
  const file = row.file;
  return {
    kind: 'integrity_complaint',
    title: ['klacht', row.registerNumber].filter(Boolean).join(' '),
    summary: [row.receivedOn, row.phase, row.compartment.replace(/^integrity:/, '')].join(' · '),
    references: [row.registerNumber, file.origin?.externalReference].filter((r): r is string => !!r),
    parties: [file.complainant.name],
    place: file.office ?? '',
    narrative: file.facts,
    occurredAt: row.receivedOn,
    version: row.version,
    access: complaintResource(row),
  };
}

export const complaintSearchProjection = searchIndexProjection({
  name: 'integrity-search',
  entity: ComplaintSearchEntry,
  source: complaintsProjection,
  document: complaintSearchDocument,
});
