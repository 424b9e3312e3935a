import { SearchDocument, SearchEntry, searchIndexProjection } from '@police/platform';
import { Entity } from 'typeorm';
import { investigationResource } from '../../investigations.access';
import { InvestigationsConfig } from '../../investigations.config';
import { investigationsProjection } from '../investigations/investigation.projection';
import { InvestigationRow } from '../investigations/investigation.read-model';

/** The investigations' search index: one entry per case, folded from the same row as the lists. */
@Entity({ name: 'search_entries', schema: 'investigations' })
export class InvestigationSearchEntry extends SearchEntry {
  declare source: InvestigationRow;
}

/**
 * A case as search finds it: its title, its PV numbers and magistrates' references, the parties
 * linked to it (and named by the report it came from), the place and account of that report. Who may
 * find it is the case's protected record (`investigationResource`): its team, restricted teams hidden.
 */
export function investigationSearchDocument(config: Pick<InvestigationsConfig, 'restrictedTeams'>, row: InvestigationRow): SearchDocument {
  const state = row.state;
  const report = state.origin.kind === 'report' ? state.origin.report : undefined;
  const originRef = 'reference' in state.origin ? state.origin.reference : undefined;
  const parties = [
    ...Object.values(state.parties)
      .filter((p) => !p.unlinkedAt)
      .map((p) => p.displayName),
    ...(report?.parties.map((p) => p.displayName) ?? []),
  ];
  const place = report
    ? [report.place.address, [report.place.postalCode, report.place.municipality].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    : '';
  const references = [...row.pvNumbers, state.directingAuthority?.reference, originRef, state.reportedToMagistrate?.reportPvNumber];
  return {
    kind: 'investigation',
    title: state.title,
    summary: [new Date(row.openedAt).toISOString().slice(0, 10), state.status, row.team, state.phenomenon].join(' · '),
    references: [...new Set(references.filter((r): r is string => !!r))],
    parties: [...new Set(parties)],
    place,
    narrative: report?.summary ?? '',
    occurredAt: row.openedAt,
    version: row.version,
    access: investigationResource(config, state),
  };
}

export function investigationSearchProjection(config: Pick<InvestigationsConfig, 'restrictedTeams'>) {
  return searchIndexProjection({
    name: 'investigations-search',
    entity: InvestigationSearchEntry,
    source: investigationsProjection,
    document: (row) => investigationSearchDocument(config, row),
  });
}
