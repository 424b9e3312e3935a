import { Projection } from '@police/event-store';
import { withAccessAttributes } from '@police/platform';
import { investigationResource } from '../../investigations.access';
import { InvestigationsConfig } from '../../investigations.config';
import { investigationsProjection } from './investigation.projection';
import { InvestigationRow } from './investigation.read-model';

/**
 * The investigations' list rows as the service keeps them: {@link investigationsProjection}'s rows with
 * who may see each (`investigationResource`, the function the search index and the read routes use) in
 * their access columns, so the list filters need-to-know in SQL (ADR 0061).
 */
export function investigationListProjection(config: Pick<InvestigationsConfig, 'restrictedTeams'>): Projection<InvestigationRow> {
  // Version 2: the rows carry their access attributes (ADR 0061); rows of version 1 are projected again (ADR 0066).
  return { ...withAccessAttributes(investigationsProjection, (row) => investigationResource(config, row.state)), version: 2 };
}
