import type { Role } from '@/lib/auth';

export { ITEM_READER_ROLES } from '@/lib/auth';
/** Who registers a seized item or trace (POST /api/evidence/items). */
export const ITEM_REGISTER_ROLES: readonly Role[] = ['detective', 'team_lead', 'evidence_officer', 'lab_liaison'];
