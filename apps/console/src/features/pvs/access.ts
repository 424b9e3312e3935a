import type { ReportsComponents } from '@police/api-client';
import { hasAnyRole, Role, SessionUser } from '@/lib/auth';

type WrittenPv = ReportsComponents['schemas']['WrittenPv'];

/**
 * The teams that do GAK/DIAK's quality control: the reports service's default `REPORTS_GAK_TEAMS`. A zone
 * that configures other teams changes them here too (the service refuses anyone else with `not_gak`).
 */
export const GAK_TEAMS: readonly string[] = ['GAK'];

/** The reports service's route rules (services/reports: `@Allow`). */
export const PV_READER_ROLES: readonly Role[] = ['front_desk', 'detective', 'team_lead', 'chief'];
/** The roles a GAK member may have: quality check, finalisation, transmission, ANG feed, the queue. */
export const GAK_CAPABLE_ROLES: readonly Role[] = ['front_desk', 'detective', 'team_lead'];
/** Who drafts and submits PVs (their author). */
export const PV_AUTHOR_ROLES: readonly Role[] = ['front_desk', 'detective'];

export function isGak(user: SessionUser): boolean {
  return hasAnyRole(user, GAK_CAPABLE_ROLES) && user.teams.some((t) => GAK_TEAMS.includes(t));
}

export type PvAction = 'submit' | 'resubmit' | 'approve' | 'reject' | 'finalise' | 'transmit' | 'feedAng' | 'supplement';

/** Why the user may not take a step the PV is ready for (a key of `pvs.actions.why`). */
export type PvRefusal = 'onlyAuthor' | 'onlyGak' | 'ownPv' | 'role';

/** A step the PV is ready for now, and whether this user may take it. */
export interface PvActionState {
  action: PvAction;
  allowed: boolean;
  why?: PvRefusal;
}

/**
 * The steps a PV is ready for in its state, and for each whether the user may take it, as the service
 * decides (services/reports/src/domain/pv.decide.ts): its author submits and, after a rejection,
 * corrects and resubmits; GAK — not the author — approves or rejects; GAK finalises and feeds the ANG;
 * transmission is open to the roles that may be GAK; a finalised PV is only supplemented. The service's
 * own refusal is still shown when it comes (a record the user may not write, a change meanwhile).
 */
export function pvActions(pv: WrittenPv, user: SessionUser): PvActionState[] {
  const author = pv.author === user.staffId;
  const gak = isGak(user);
  const byAuthor = (action: PvAction): PvActionState =>
    author && hasAnyRole(user, PV_AUTHOR_ROLES)
      ? { action, allowed: true }
      : { action, allowed: false, why: author ? 'role' : 'onlyAuthor' };
  const byGak = (action: PvAction, notOwn: boolean): PvActionState => {
    if (!gak) return { action, allowed: false, why: 'onlyGak' };
    if (notOwn && author) return { action, allowed: false, why: 'ownPv' };
    return { action, allowed: true };
  };
  switch (pv.status) {
    case 'draft':
      return [byAuthor('submit')];
    case 'rejected':
      return [byAuthor('resubmit')];
    case 'submitted':
      return [byGak('approve', true), byGak('reject', true)];
    case 'approved':
      return [byGak('finalise', false)];
    case 'finalised':
      return [
        ...(pv.transmittedAt === null
          ? [
              hasAnyRole(user, GAK_CAPABLE_ROLES)
                ? { action: 'transmit' as const, allowed: true }
                : { action: 'transmit' as const, allowed: false, why: 'role' as const },
            ]
          : []),
        ...(pv.fedToAngAt === null ? [byGak('feedAng', false)] : []),
        hasAnyRole(user, PV_AUTHOR_ROLES) ? { action: 'supplement', allowed: true } : { action: 'supplement', allowed: false, why: 'role' },
      ];
  }
}
