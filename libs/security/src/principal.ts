import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The roles of the platform, as they appear in tokens (Keycloak realm roles or a `roles` claim).
 * A token's other roles (Keycloak's `offline_access`, …) are ignored. `ops` is the IT desk's: it reads
 * the metrics and operates the platform, and opens no case record by itself.
 */
export const ROLES = [
  'front_desk',
  'detective',
  'team_lead',
  'evidence_officer',
  'lab_liaison',
  'integrity_investigator',
  'discipline_officer',
  'dpo',
  'chief',
  'ops',
] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Whether a value names one of the platform's roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is asking: built from a verified token only, never from request data. */
export interface Principal {
  /** Staff id (the token's `staff_id` claim, else `sub`); the actor of events and audit records. */
  staffId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Teams the person belongs to (e.g. `Diefstallen`, `Zeden`): the basis of team-level access. */
  teams: string[];
  /** Unit (e.g. `LRD`, `DIT/BIT`). Informative; not an access basis. */
  unit: string;
}

/** Raised when a verified token's claims do not describe a usable principal. */
export class InvalidClaimsError extends Error {}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** True for a control character (C0 or DEL): never part of a name, a reason or a header value we keep. */
export function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function isName(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= 128 && !hasControlCharacter(v);
}

function stringList(value: unknown, claim: string): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((v) => !isName(v))) throw new InvalidClaimsError(`claim "${claim}" must be a list of names`);
  return [...new Set(list as string[])];
}

/**
 * Maps verified JWT claims to a {@link Principal}. Understands Keycloak (`realm_access.roles`,
 * `preferred_username`, `name`) and a plain `roles` claim; `teams`, `unit` and `staff_id` are our
 * custom claims (mapped from user attributes in `infra/keycloak/realm-police.json`).
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const staffId = claims.staff_id ?? claims.sub;
  if (typeof staffId !== 'string' || !ID.test(staffId)) throw new InvalidClaimsError('the token names no valid staff id (staff_id or sub)');
  const username = claims.preferred_username ?? staffId;
  if (typeof username !== 'string' || !ID.test(username))
    throw new InvalidClaimsError('claim "preferred_username" is not a valid user name');
  const displayName = isName(claims.name) ? claims.name : username;
  const realm = claims.realm_access as { roles?: unknown } | undefined;
  const granted = [...stringList(realm?.roles, 'realm_access.roles'), ...stringList(claims.roles, 'roles')];
  const roles = ROLES.filter((r) => granted.includes(r));
  const teams = stringList(claims.teams, 'teams');
  const unit = claims.unit === undefined ? '' : claims.unit;
  if (typeof unit !== 'string' || (unit !== '' && !isName(unit))) throw new InvalidClaimsError('claim "unit" must be a name');
  return { staffId, username, displayName, roles, teams, unit };
}

const PRINCIPAL = Symbol('police:principal');

/** Attaches the authenticated principal to the request (done by the access guard only). */
export function attachPrincipal(req: Request, principal: Principal): void {
  (req as unknown as Record<symbol, Principal>)[PRINCIPAL] = principal;
}

/** The authenticated principal of a request; undefined on public routes. */
export function principalOf(req: Request): Principal | undefined {
  return (req as unknown as Record<symbol, Principal | undefined>)[PRINCIPAL];
}

/** Handler parameter: the authenticated principal (routes with `@Allow`/`@Authenticated` always have one). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = principalOf(ctx.switchToHttp().getRequest<Request>());
  if (!principal) throw new Error('@CurrentPrincipal() on a route without an authenticated policy');
  return principal;
});
