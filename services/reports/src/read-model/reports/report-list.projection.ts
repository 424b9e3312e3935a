import { Projection } from '@police/event-store';
import { withAccessAttributes } from '@police/platform';
import { reportAccess } from '../../reports.access';
import { ReportsConfig } from '../../reports.config';
import { reportsProjection } from './report.projection';
import { ReportRow } from './report.read-model';

/**
 * The reports' list rows as the service keeps them: {@link reportsProjection}'s rows with who may see
 * each (`reportAccess`, the function the search index uses) in their access columns, so the list route
 * filters need-to-know in SQL (ADR 0061).
 */
export function reportListProjection(config: ReportsConfig): Projection<ReportRow> {
  // Version 2: the rows carry their access attributes (ADR 0061); rows of version 1 are projected again (ADR 0066).
  return { ...withAccessAttributes(reportsProjection, (row) => reportAccess(config, row)), version: 2 };
}
