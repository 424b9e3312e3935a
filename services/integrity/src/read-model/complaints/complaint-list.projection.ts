import { Projection } from '@police/event-store';
import { withAccessAttributes } from '@police/platform';
import { complaintResource } from '../../integrity.access';
import { complaintsProjection } from './complaint.projection';
import { ComplaintRow } from './complaint.read-model';

/**
 * The complaints' list rows as the service keeps them: {@link complaintsProjection}'s rows with who may
 * see each (`complaintResource`, the function the search index and the read routes use) in their access
 * columns, so the lists filter need-to-know in SQL (ADR 0061).
 */
// Version 2: the rows carry their access attributes (ADR 0061); rows of version 1 are projected again (ADR 0066).
export const complaintListProjection: Projection<ComplaintRow> = {
  ...withAccessAttributes(complaintsProjection, complaintResource),
  version: 2,
};
