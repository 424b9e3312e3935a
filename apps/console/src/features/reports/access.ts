import type { Role } from '@/lib/auth';

/** Who may take reports in and handle them, and who may read them: the reports service's own route rules (`@Allow`). */
export const REPORT_INTAKE_ROLES: readonly Role[] = ['front_desk', 'detective', 'team_lead'];
export const REPORT_READER_ROLES: readonly Role[] = ['front_desk', 'detective', 'team_lead', 'chief'];
/** Who drafts PVs (their author): the reports service's `POST /api/reports/:id/pvs`. */
export const PV_AUTHOR_ROLES: readonly Role[] = ['front_desk', 'detective'];
/** GET /api/reports/deadlines. */
export const DEADLINES_ROLES: readonly Role[] = ['front_desk', 'detective', 'team_lead'];
/** GET /api/reports/statistics. */
export const STATISTICS_ROLES: readonly Role[] = ['chief', 'team_lead', 'front_desk'];
