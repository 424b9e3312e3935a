import type { Role } from '@/lib/auth';

/** Who reviews retention: the services' `@Allow('dpo')` on `…/retention/*`. */
export const RETENTION_ROLES: readonly Role[] = ['dpo'];
