import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, JSONWebKeySet, KeyLike, SignJWT } from 'jose';
import { DEV_USERS, DevUser } from './dev-users';
import { TokenVerifier } from './token-verifier';

/** `iss` of development tokens. Deliberately not a URL: nothing outside this process can vouch for it. */
export const DEV_ISSUER = 'urn:police-case-platform:dev-issuer';
/** `aud` of platform tokens (the Keycloak realm's audience mapper adds the same value). */
export const PLATFORM_AUDIENCE = 'police-case-platform';

/**
 * The development issuer of embedded mode: an ES256 key generated at start (tokens of a previous run
 * are invalid after a restart), seeded demo users, and tokens shaped like Keycloak's (realm roles,
 * `teams`, `unit`, `staff_id`). It has no passwords: whoever reaches it may be anyone. That is why it
 * only runs in embedded mode, bound to 127.0.0.1 by default, and refuses production mode.
 */
export class DevIssuer {
  private constructor(
    private readonly privateKey: KeyLike,
    readonly jwks: JSONWebKeySet,
    private readonly kid: string,
    readonly users: readonly DevUser[],
    private readonly ttlSeconds: number,
  ) {}

  static async create(options: { users?: readonly DevUser[]; tokenTtlSeconds?: number } = {}): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk);
    return new DevIssuer(
      privateKey,
      { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] },
      kid,
      options.users ?? DEV_USERS,
      options.tokenTtlSeconds ?? 8 * 3600,
    );
  }

  /** A verifier that trusts this issuer's key only. */
  verifier(): TokenVerifier {
    return TokenVerifier.local({ issuer: DEV_ISSUER, audience: PLATFORM_AUDIENCE, algorithms: ['ES256'] }, this.jwks);
  }

  findUser(username: string): DevUser | undefined {
    return this.users.find((u) => u.username === username);
  }

  /** A signed access token for one seeded user, issued `now` (default: the current time). */
  async issue(user: DevUser, options: { now?: Date } = {}): Promise<{ accessToken: string; expiresIn: number }> {
    const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
    const accessToken = await new SignJWT({
      preferred_username: user.username,
      name: user.displayName,
      staff_id: user.staffId,
      realm_access: { roles: user.roles },
      teams: user.teams,
      unit: user.unit,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: this.kid })
      .setIssuer(DEV_ISSUER)
      .setAudience(PLATFORM_AUDIENCE)
      .setSubject(user.staffId)
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.privateKey);
    return { accessToken, expiresIn: this.ttlSeconds };
  }
}
