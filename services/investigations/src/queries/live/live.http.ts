import { liveController, LiveSource } from '@police/security';
import { investigationResource } from '../../investigations.access';
import { InvestigationsConfig } from '../../investigations.config';
import { InvestigationRow } from '../../read-model/investigations/investigation.read-model';

/** `GET /api/investigations/live`, for those who read case files. */
export const InvestigationsLiveController = liveController('investigations', ['detective', 'team_lead', 'chief']);

/**
 * What changes live in investigations: a case (its file, its timeline, "my cases" and the team's lists),
 * told to those who may see it now — its team and assignees; a restricted team's case to no one else.
 */
export function investigationsLiveSources(config: InvestigationsConfig): LiveSource[] {
  return [
    {
      projection: 'investigations-investigations',
      records: (rows: InvestigationRow[]) =>
        rows.map((row) => ({
          change: { type: 'investigation', id: row.id, version: row.version },
          resource: () => investigationResource(config, row.state),
        })),
    },
  ];
}
