import { ITEM_READER_ROLES } from '@/features/evidence';
import { POPP_ROLES } from '@/features/found-objects';
import { OVERSIGHT_ROLES } from '@/features/integrity';
import { INVESTIGATION_READER_ROLES } from '@/features/investigations';
import { REPORT_READER_ROLES } from '@/features/reports';
import { hasAnyRole, Role, SessionUser } from '@/lib/auth';
import type { LiveService } from '@/lib/live';

/**
 * The services whose records the console shows (lists and record screens), with who may stream each
 * (the services' `@Allow` on `GET /api/<service>/live`). A service is added when its screens land: each
 * stream holds one of the few connections a browser opens per host.
 */
const LIVE_SERVICES: { service: LiveService; roles: readonly Role[] }[] = [
  { service: 'reports', roles: REPORT_READER_ROLES },
  { service: 'investigations', roles: INVESTIGATION_READER_ROLES },
  // Items at the counter, and POPP's found objects (the front desk reads those).
  { service: 'evidence', roles: [...ITEM_READER_ROLES, ...POPP_ROLES] },
  { service: 'integrity', roles: OVERSIGHT_ROLES },
];

export function liveServicesFor(user: SessionUser): LiveService[] {
  return LIVE_SERVICES.filter((s) => hasAnyRole(user, s.roles)).map((s) => s.service);
}
