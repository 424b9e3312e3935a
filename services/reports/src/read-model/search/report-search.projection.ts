import { SearchDocument, SearchEntry, searchIndexProjection } from '@police/platform';
import { Entity } from 'typeorm';
import { reportAccess } from '../../reports.access';
import { ReportsConfig } from '../../reports.config';
import { reportsProjection } from '../reports/report.projection';
import { ReportRow } from '../reports/report.read-model';

/** The reports' search index: one entry per report, folded from the same row as the lists. */
@Entity({ name: 'search_entries', schema: 'reports' })
export class ReportSearchEntry extends SearchEntry {
  declare source: ReportRow;
}

/**
 * A report as search finds it: kind and incident type as title, its PV numbers, the parties' names,
 * the place and the narrative. A report about police conduct is a sealed pointer: never searchable.
 * Who may find it is the report's access (`reportAccess`), as its list row stores it.
 */
export function reportSearchDocument(config: ReportsConfig, row: ReportRow): SearchDocument | null {
  const state = row.state;
  if (row.sealed || !state || state.status !== 'open') return null;
  const place = state.place
    ? [state.place.address, [state.place.postalCode, state.place.municipality].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    : '';
  return {
    kind: 'report',
    title: [state.kind, state.incidentType].filter(Boolean).join(' '),
    summary: [state.receivedAt.slice(0, 10), row.status, state.place?.municipality].filter(Boolean).join(' · '),
    references: row.pvs.flatMap((p) => (p.pvNumber ? [p.pvNumber] : [])),
    parties: state.parties.map((p) => p.name),
    place,
    narrative: state.narrative,
    occurredAt: state.receivedAt,
    version: row.version,
    access: reportAccess(config, row),
  };
}

export function reportSearchProjection(config: ReportsConfig) {
  return searchIndexProjection({
    name: 'reports-search',
    entity: ReportSearchEntry,
    source: reportsProjection,
    document: (row) => reportSearchDocument(config, row),
  });
}
