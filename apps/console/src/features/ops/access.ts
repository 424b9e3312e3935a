import type { Role } from '@/lib/auth';

/** Who sees the operations screen: the operations routes' `@Allow` (the IT desk's ops role, nobody else). */
export const OPS_ROLES: readonly Role[] = ['ops'];
