import { createLocalJWKSet, createRemoteJWKSet, errors, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import type { TokenRefusal } from '@police/metrics';
import { InvalidClaimsError, Principal, principalFromClaims } from './principal';

/**
 * Why a bearer token was refused; `status` is 401, or 503 when the identity provider cannot be reached.
 * `reason` is the refusal's kind, as counted in `police_token_verifications_refused_total`.
 */
export class AuthenticationError extends Error {
  constructor(
    message: string,
    readonly reason: TokenRefusal,
    readonly status: 401 | 503 = 401,
  ) {
    super(message);
  }
}

/** What a token must say to be accepted. */
export interface TokenVerifierSettings {
  issuer: string;
  audience: string;
  /** Accepted `alg` values. Anything else, `none` included, is refused before any key is looked at. */
  algorithms: string[];
  /** Clock skew tolerated on `exp`/`nbf`, in seconds. Default 30. */
  clockToleranceSeconds?: number;
  /** The clock, in ms since the epoch (tests). Default `Date.now`. */
  now?: () => number;
}

/** The longest token we look at; a JWT of ours is well under 2 KB. */
const MAX_TOKEN_LENGTH = 8192;

/**
 * A token whose signature and claims were checked is taken at its word for this long (and never past its
 * `exp`) when it comes again: a console sends the same token with every request for minutes, and its
 * signature check was a measurable share of a command's CPU (issue 19). The price: an issuer key withdrawn
 * from the JWKS keeps its tokens accepted here for at most this long.
 */
const TRUSTED_FOR_MS = 60_000;
/** Tokens kept; the oldest goes first. */
const MAX_TRUSTED = 10_000;

/**
 * Verifies OIDC bearer JWTs: signature against the issuer's JWKS with an algorithm allow-list, then
 * `iss`, `aud`, `exp` (required), `nbf`, and claims that describe a usable principal.
 */
export class TokenVerifier {
  /** Verified tokens, as given, with their principal and the time until which they are trusted. */
  private readonly trusted = new Map<string, { principal: Principal; until: number }>();
  private readonly now: () => number;

  private constructor(
    private readonly settings: TokenVerifierSettings,
    private readonly keys: JWTVerifyGetKey,
  ) {
    this.now = settings.now ?? Date.now;
  }

  /** Keys fetched from `jwksUri` (cached; refetched at most every 30 s when an unknown `kid` appears). */
  static remote(settings: TokenVerifierSettings, jwksUri: string): TokenVerifier {
    return new TokenVerifier(
      settings,
      createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 }),
    );
  }

  /** Keys from any source of the same shape (a key service; a test that counts the lookups). */
  static withKeys(settings: TokenVerifierSettings, keys: JWTVerifyGetKey): TokenVerifier {
    return new TokenVerifier(settings, keys);
  }

  /** Keys given in place (the development issuer's own public keys). */
  static local(settings: TokenVerifierSettings, jwks: JSONWebKeySet): TokenVerifier {
    return new TokenVerifier(settings, createLocalJWKSet(jwks));
  }

  async verify(token: string): Promise<Principal> {
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthenticationError('The bearer token is too long.', 'too_long');
    const now = this.now();
    const known = this.trusted.get(token);
    if (known && now < known.until) return known.principal;
    if (known) this.trusted.delete(token);
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: this.settings.algorithms,
        clockTolerance: this.settings.clockToleranceSeconds ?? 30,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(now),
      }));
    } catch (e) {
      throw toAuthenticationError(e);
    }
    let principal: Principal;
    try {
      principal = principalFromClaims(payload);
    } catch (e) {
      if (e instanceof InvalidClaimsError) throw new AuthenticationError(`The token's claims are not usable: ${e.message}.`, 'claims');
      throw e;
    }
    // Shared by every request that brings the same token: frozen, so that none can change it for the others.
    Object.freeze(principal.roles);
    Object.freeze(principal.teams);
    Object.freeze(principal);
    if (this.trusted.size >= MAX_TRUSTED) this.trusted.delete(this.trusted.keys().next().value!);
    // Until `exp` itself, without the clock tolerance: a cached token is never trusted longer than a checked one.
    this.trusted.set(token, { principal, until: Math.min(now + TRUSTED_FOR_MS, (payload.exp as number) * 1000) });
    return principal;
  }
}

function toAuthenticationError(e: unknown): AuthenticationError {
  if (e instanceof errors.JWTExpired) return new AuthenticationError('The token has expired.', 'expired');
  if (e instanceof errors.JOSEAlgNotAllowed)
    return new AuthenticationError('The token is not signed with an accepted algorithm.', 'algorithm');
  if (
    e instanceof errors.JWSSignatureVerificationFailed ||
    e instanceof errors.JWKSNoMatchingKey ||
    e instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new AuthenticationError('The token is not signed by a key of the trusted issuer.', 'signature');
  }
  if (e instanceof errors.JWTClaimValidationFailed)
    return new AuthenticationError(
      `The token is not valid here: claim "${e.claim}" ${e.reason === 'check_failed' ? 'does not match' : 'is missing or malformed'}.`,
      'claims',
    );
  if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid || e instanceof errors.JOSENotSupported)
    return new AuthenticationError('The bearer token is malformed.', 'malformed');
  // JWKS unreachable, timed out, or not JSON: not the caller's fault.
  return new AuthenticationError(
    'The identity provider cannot be reached to check the token. Try again later.',
    'identity_provider_unavailable',
    503,
  );
}
