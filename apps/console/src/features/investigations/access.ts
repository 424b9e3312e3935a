import type { Role } from '@/lib/auth';

/** Who may read case files and lists (the investigations service's @Allow): the chief only by break-glass, case by case. */
export const INVESTIGATION_READER_ROLES: readonly Role[] = ['detective', 'team_lead', 'chief'];
/** Who may open and work cases (for their own team, or as an assignee). */
export const INVESTIGATION_WRITER_ROLES: readonly Role[] = ['detective', 'team_lead'];
