import type { Role } from '@/lib/auth';

/** Who reads items (GET /api/evidence/items, …/:id, its label, custody record and certificate): the evidence service's `@Allow`. */
export const ITEM_READER_ROLES: readonly Role[] = ['detective', 'team_lead', 'evidence_officer', 'lab_liaison', 'chief'];
/** Who registers a seized item or trace (POST /api/evidence/items). */
export const ITEM_REGISTER_ROLES: readonly Role[] = ['detective', 'team_lead', 'evidence_officer', 'lab_liaison'];
