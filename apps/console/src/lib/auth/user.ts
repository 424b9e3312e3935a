/** The roles of the platform (libs/security `ROLES`), as tokens carry them. */
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
export type Role = (typeof ROLES)[number];

/** Who is signed in, as the access token says (the server decides access; this is for display and navigation). */
export interface SessionUser {
  username: string;
  name: string;
  staffId: string;
  roles: Role[];
  teams: string[];
  unit: string;
}

function base64UrlDecode(part: string): string {
  const b64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT, unverified: the browser only reads them, the API verifies every token. */
export function jwtClaims(token: string): Record<string, unknown> {
  const [, payload] = token.split('.');
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** The user from the claims of the platform's tokens (dev issuer and Keycloak map the same claims). */
export function userFromToken(token: string): SessionUser {
  const c = jwtClaims(token);
  const realm = c.realm_access as { roles?: unknown } | undefined;
  const roles = [...strings(realm?.roles), ...strings(c.roles)].filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const username = typeof c.preferred_username === 'string' ? c.preferred_username : String(c.sub ?? '');
  return {
    username,
    name: typeof c.name === 'string' ? c.name : username,
    staffId: typeof c.staff_id === 'string' ? c.staff_id : '',
    roles: [...new Set(roles)],
    teams: strings(c.teams),
    unit: typeof c.unit === 'string' ? c.unit : '',
  };
}

/** Seconds since the epoch at which the token expires, from its `exp` claim. */
export function tokenExpiry(token: string): number | undefined {
  const exp = jwtClaims(token).exp;
  return typeof exp === 'number' ? exp : undefined;
}

export function hasAnyRole(user: SessionUser | null | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

/**
 * Who reads evidence items (GET /api/evidence/items, …/:id, its label, custody record and certificate): the
 * evidence service's `@Allow`. Shared here because two features (the item register and the counter) guard screens with it.
 */
export const ITEM_READER_ROLES: readonly Role[] = ['detective', 'team_lead', 'evidence_officer', 'lab_liaison', 'chief'];
