import type { Role } from '@/lib/auth';

/** Who sees the zone's dashboard: the aggregate routes' `@Allow` (the chief). */
export const DASHBOARD_ROLES: readonly Role[] = ['chief'];
