import { CompartmentRoles, PROCESSING_RESTRICTED, ResourcePolicies, ResourceType } from './access-policy';
import { Justification } from './justification';
import { Principal, Role } from './principal';

/**
 * What a service knows about a record that matters for access, built from its own read model. It
 * holds ids and labels only; the audit trail stores these, never the record's content.
 */
export interface ProtectedResource {
  type: ResourceType;
  id: string;
  /** Case reference (PV number, notitienummer) for the audit trail. */
  caseRef?: string;
  /** Teams the record belongs to (e.g. the investigation's assigned team). */
  teams?: string[];
  /** Staff ids assigned to the record (lead detective, intake officer, custodian, …). */
  assignees?: string[];
  /** Staff ids designated for this one record (a designated disciplinary investigator, a magistrate's request). */
  designated?: string[];
  /** Restricted records (Zeden, COPPRA, informants): no access by function, break-glass for few. */
  restricted?: boolean;
  /** A sealed compartment (e.g. `integrity:BIT`): only its roles and the record's assignees exist for it. */
  compartment?: string;
  /** Staff ids the record is about (officers named in a complaint): they can never see it. */
  concernedStaffIds?: string[];
}

/** Why access was given: the justification a consultation record carries. */
export type AccessBasis = 'assignment' | 'team' | 'role' | 'break_glass';

/** Why access was refused. `hidden` is answered as 404: the record's existence must not leak. */
export type Refusal = 'justification_required' | 'forbidden' | 'hidden';

/** The outcome of {@link decideAccess}: a basis to log, or a refusal to answer. */
export type AccessDecision =
  | { granted: true; basis: AccessBasis; reason: string; justification?: Justification }
  | { granted: false; refusal: Refusal; reason: string };

/** Reads may break the glass with a justification; writes never do. */
export type AccessAction = 'read' | 'write';

const some = (roles: Role[], allowed: readonly Role[] | undefined): Role | undefined => roles.find((r) => allowed?.includes(r));

/**
 * The access rule, as a pure function (default deny):
 * 1. someone the record concerns never sees it (hidden), whatever role, assignment or justification;
 * 2. a record whose processing the DPO restricted opens to the roles of its compartment (the DPO) only,
 *    assignees included: it is hidden from everyone else;
 * 3. an assignee or designated person may (assignment);
 * 4. a compartment opens to its roles only, and is hidden from everyone else;
 * 5. by function (role) unless the record is restricted, then by team (team);
 * 6. else a read with a valid justification by an eligible role is a break-glass read; without one,
 *    the answer says a justification is required. Writes never break the glass.
 *
 * A restricted record (Zeden, COPPRA, informants) does not exist for anyone who could never open it: a
 * refusal to someone outside its team and assignees who may not break the glass on it either is
 * `hidden` (404, as for a missing id), for reads and writes alike. Only those who may break the glass
 * on it (the chief) learn that it exists, and are told that a justification is required (reads) or
 * that writes are not theirs (403).
 */
export function decideAccess(
  principal: Principal,
  resource: ProtectedResource,
  action: AccessAction,
  justification: Justification | undefined,
  policies: ResourcePolicies,
  compartments: CompartmentRoles,
): AccessDecision {
  if (resource.concernedStaffIds?.includes(principal.staffId)) {
    return { granted: false, refusal: 'hidden', reason: 'the record concerns the reader' };
  }
  if (resource.compartment === PROCESSING_RESTRICTED) {
    const role = some(principal.roles, compartments[PROCESSING_RESTRICTED]);
    if (role) return { granted: true, basis: 'role', reason: `${role}: processing restricted` };
    return { granted: false, refusal: 'hidden', reason: 'processing restricted by the DPO' };
  }
  if (resource.assignees?.includes(principal.staffId))
    return { granted: true, basis: 'assignment', reason: `assigned to ${resource.type} ${resource.id}` };
  if (resource.designated?.includes(principal.staffId))
    return { granted: true, basis: 'assignment', reason: `designated for ${resource.type} ${resource.id}` };
  if (resource.compartment !== undefined) {
    const role = some(principal.roles, compartments[resource.compartment]);
    if (role) return { granted: true, basis: 'role', reason: `${role} in compartment ${resource.compartment}` };
    return { granted: false, refusal: 'hidden', reason: `outside compartment ${resource.compartment}` };
  }
  const policy = policies[resource.type];
  if (!policy) return { granted: false, refusal: 'forbidden', reason: `no policy for ${resource.type}` };
  const byRole = resource.restricted ? undefined : some(principal.roles, policy.role);
  if (byRole) return { granted: true, basis: 'role', reason: `role ${byRole}` };
  const team = some(principal.roles, policy.team) ? principal.teams.find((t) => resource.teams?.includes(t)) : undefined;
  if (team) return { granted: true, basis: 'team', reason: `member of team ${team}` };
  const eligible = some(principal.roles, resource.restricted ? policy.restrictedBreakGlass : policy.breakGlass);
  if (!eligible && resource.restricted) return { granted: false, refusal: 'hidden', reason: "restricted record outside the reader's team" };
  if (!eligible || action === 'write') {
    return {
      granted: false,
      refusal: 'forbidden',
      reason: resource.restricted ? "restricted record outside the reader's team" : `no access to ${resource.type} for these roles`,
    };
  }
  if (!justification) return { granted: false, refusal: 'justification_required', reason: "outside the reader's assignment" };
  return { granted: true, basis: 'break_glass', reason: 'stated justification', justification };
}
