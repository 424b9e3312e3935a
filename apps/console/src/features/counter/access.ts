import { hasAnyRole, Role, SessionUser } from '@/lib/auth';
import type { Item, Party, Reference } from './api/counter.api';

export { ITEM_READER_ROLES } from '@/lib/auth';
/** Who offers, accepts, declines, withdraws handovers and submits to a lab. */
export const HANDOVER_ROLES: readonly Role[] = ['detective', 'team_lead', 'evidence_officer', 'lab_liaison'];
/** Who checks in, checks out and returns. */
export const STORAGE_ROLES: readonly Role[] = ['detective', 'team_lead', 'evidence_officer'];
/** The overdue list (GET /api/evidence/items/overdue). */
export const OVERDUE_ROLES: readonly Role[] = ['evidence_officer', 'team_lead', 'chief'];
/** Inventory counts. */
export const INVENTORY_ROLES: readonly Role[] = ['evidence_officer'];
export const LAB_RESULT_ROLES: readonly Role[] = ['lab_liaison', 'evidence_officer'];
export const DECISION_ROLES: readonly Role[] = ['evidence_officer', 'team_lead'];
export const DISPOSAL_ROLES: readonly Role[] = ['evidence_officer'];

/**
 * Whether the user acts for a party, as the API decides it (EvidenceAccess.mayActFor): an officer is
 * themself; the evidence desk acts for the zone's storage rooms, the court registry and outside bodies;
 * a lab liaison for the zone's laboratories.
 */
export function actsFor(user: SessionUser, party: Pick<Party, 'kind' | 'id'>, reference?: Reference): boolean {
  switch (party.kind) {
    case 'officer':
      return party.id === user.staffId;
    case 'storage_room':
      return hasAnyRole(user, ['evidence_officer']) && (!reference || reference.storageRooms.some((r) => r.id === party.id));
    case 'lab':
      return hasAnyRole(user, ['lab_liaison']) && (!reference || reference.laboratories.some((l) => l.id === party.id));
    case 'court_registry':
    case 'external_body':
      return hasAnyRole(user, ['evidence_officer']);
  }
}

export type ItemAction =
  'offer' | 'accept' | 'decline' | 'withdraw' | 'checkIn' | 'checkOut' | 'return' | 'labSubmission' | 'labResult' | 'decision' | 'disposal';

/**
 * What the user may do with the item now, as the evidence API's deciders will judge it (custodian or
 * evidence desk, an open offer blocks the rest, checked out blocks handovers, an outside custodian
 * cannot be stored or disposed of). Screens show these and hide the rest; the API still decides.
 * A disposal is offered to the evidence desk while the item is held, even before a decision: the
 * API's refusal then says, in words, that the magistrate's decision must be recorded first.
 */
export function itemActions(item: Item, user: SessionUser, reference?: Reference): ItemAction[] {
  if (item.status !== 'held') return [];
  const mine = actsFor(user, item.custodian, reference);
  const desk = hasAnyRole(user, ['evidence_officer']);
  const internal = item.custodian.kind === 'officer' || item.custodian.kind === 'storage_room';
  const offer = item.openOffer;
  const where = item.whereabouts;
  const out: ItemAction[] = [];
  const can = (roles: readonly Role[]) => hasAnyRole(user, roles);
  if (offer) {
    if (can(HANDOVER_ROLES) && actsFor(user, offer.to, reference)) out.push('accept', 'decline');
    if (can(HANDOVER_ROLES) && mine) out.push('withdraw');
    return out;
  }
  if (where.kind === 'checked_out') {
    if (can(STORAGE_ROLES) && (mine || desk || where.takenBy === user.staffId)) out.push('return');
  } else {
    if (can(HANDOVER_ROLES) && mine) out.push('offer', 'labSubmission');
    if (can(STORAGE_ROLES) && (mine || desk) && internal && where.kind === 'with_custodian') out.push('checkIn');
    if (can(STORAGE_ROLES) && (mine || desk) && where.kind === 'in_storage') out.push('checkOut');
  }
  if (can(LAB_RESULT_ROLES) && Object.values(item.labSubmissions).some((s) => s.status === 'at_lab')) out.push('labResult');
  if (can(DECISION_ROLES)) out.push('decision');
  if (can(DISPOSAL_ROLES) && where.kind !== 'checked_out' && internal) out.push('disposal');
  return out;
}
