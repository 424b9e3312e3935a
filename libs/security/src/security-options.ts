import type { Metrics } from '@police/metrics';
import type { DestinationStream } from 'pino';
import type { Pool } from 'pg';
import type { AuditCheckpointOptions } from './audit-checkpoints';
import type { DevUser } from './dev-users';
import type { CompartmentRoles, ResourcePolicies } from './access-policy';

/** Asymmetric JWS algorithms a deployment may allow. Symmetric (HS*) and `none` never are. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

/** Tokens from an external OpenID Connect provider (Keycloak in production), checked against its JWKS. */
export interface OidcAuthentication {
  kind: 'oidc';
  /** Expected `iss`, exactly. */
  issuer: string;
  /** Expected `aud` (one of). */
  audience: string;
  /** Where the provider publishes its signing keys. */
  jwksUri: string;
  /** Accepted `alg` values; a subset of {@link ASYMMETRIC_ALGORITHMS}. */
  algorithms: string[];
  /** How the browser console signs in with this provider (`GET /api/auth/config`); default: the issuer, `police-web`, `openid profile`. */
  console?: { authority: string; clientId: string; scope: string };
}

/** What `GET /api/auth/config` tells a browser console: the persona picker, or the OIDC provider to sign in with. */
export type ConsoleSignIn = { kind: 'dev' } | { kind: 'oidc'; authority: string; clientId: string; scope: string };

/** The console's client in infra/keycloak/realm-police.json (public, authorization code with PKCE). */
export const DEFAULT_CONSOLE_CLIENT_ID = 'police-web';
export const DEFAULT_CONSOLE_SCOPE = 'openid profile';

/** How the console signs in with the given authentication. */
export function consoleSignIn(auth: AuthenticationOptions): ConsoleSignIn {
  if (auth.kind === 'dev') return { kind: 'dev' };
  return { kind: 'oidc', authority: auth.issuer, clientId: DEFAULT_CONSOLE_CLIENT_ID, scope: DEFAULT_CONSOLE_SCOPE, ...auth.console };
}

/** The built-in development issuer: embedded mode only, never in production mode. */
export interface DevAuthentication {
  kind: 'dev';
  /** Seeded users; default {@link DEV_USERS}. */
  users?: DevUser[];
  /** Lifetime of issued tokens; default 8 hours (a working day of demos). */
  tokenTtlSeconds?: number;
}

/** Who issues the tokens a host trusts. */
export type AuthenticationOptions = OidcAuthentication | DevAuthentication;

/** Requests per window, per client (auth) or per principal (search). */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The rate limits of a host (defaults: {@link DEFAULT_RATE_LIMITS}). */
export interface RateLimits {
  /** Token endpoints, per client address. Default 20 per minute. */
  auth: RateLimit;
  /** Endpoints marked `@SearchRateLimit()`, per principal. Default 60 per minute. */
  search: RateLimit;
  /** Failed dev-issuer logins per client before a lockout, and the window. Default 5 in 15 minutes. */
  loginFailures: RateLimit;
}

/** 20 token requests a minute per client, 60 searches a minute per person, lockout after 5 failed logins in 15 minutes. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  auth: { limit: 20, windowMs: 60_000 },
  search: { limit: 60, windowMs: 60_000 },
  loginFailures: { limit: 5, windowMs: 15 * 60_000 },
};

/** The variables {@link rateLimitsFromEnv} reads: which limit each sets, and what it counts per minute (or window). */
const RATE_LIMIT_VARIABLES: { variable: string; limit: keyof RateLimits; counts: string }[] = [
  { variable: 'SEARCH_RATE_LIMIT', limit: 'search', counts: 'searches per minute' },
  { variable: 'AUTH_RATE_LIMIT', limit: 'auth', counts: 'token requests per minute' },
  { variable: 'LOGIN_FAILURE_LIMIT', limit: 'loginFailures', counts: 'failed logins per 15 minutes' },
];

/**
 * Rate limits a host takes from its environment: `SEARCH_RATE_LIMIT`, searches and list reads per
 * person per minute (default 60); `AUTH_RATE_LIMIT`, token requests per client address per minute
 * (default 20; a browser test suite signing personas in from one address raises it);
 * `LOGIN_FAILURE_LIMIT`, failed development-issuer logins per client before a 15-minute lockout
 * (default 5; the contract fuzz, which sends unknown usernames, raises it). Each keeps its window;
 * an unset one keeps its default.
 */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<RateLimits> {
  const limits: Partial<RateLimits> = {};
  for (const { variable, limit, counts } of RATE_LIMIT_VARIABLES) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${variable} must be a positive whole number of ${counts}, got "${raw}"`);
    limits[limit] = { limit: value, windowMs: DEFAULT_RATE_LIMITS[limit].windowMs };
  }
  return limits;
}

/** What a host gives `SecurityModule.forRoot`. */
export interface SecurityModuleOptions {
  mode: 'embedded' | 'production';
  /** The pool the consultation log lives on (schema `audit`): the embedded shared pool, or the service's. */
  pool: Pool;
  /**
   * Accepted and ignored: the consultation log's read model polls (appends wake nobody), so it does
   * not matter whether the pool has LISTEN/NOTIFY. Kept so hosts may pass their runtime's flag.
   */
  notifications?: boolean;
  /** Path of the audit endpoints under `/api`: `audit` in embedded mode, `<service>/audit` per service. */
  auditPath: string;
  /**
   * Services whose consultations this host's log holds (embedded mode: all four share it). Each also
   * answers for its own part of it at `/api/<service>/audit`, the path it has when it runs alone, so
   * the console asks the same four paths in every mode.
   */
  serviceLogs?: readonly string[];
  /** Path of the console's sign-in settings under `/api`: default `auth/config`; `<service>/auth/config` per service. */
  authConfigPath?: string;
  authentication: AuthenticationOptions;
  rateLimits?: Partial<RateLimits>;
  /** Resource policies that replace the defaults per type (see `DEFAULT_RESOURCE_POLICIES`). */
  policies?: Partial<ResourcePolicies>;
  compartments?: CompartmentRoles;
  /** Request log level; default `LOG_LEVEL` or `info`. */
  logLevel?: string;
  /** Where request logs go; default stdout. */
  logDestination?: DestinationStream;
  /** The process's metrics (token refusals and consultation-log writes are counted in it); default: a registry of its own. */
  metrics?: Metrics;
  /** Where the metrics are served (see `metricsControllers`); default: nowhere. */
  metricsEndpoints?: { paths: string[]; root?: boolean };
  /** A bearer that opens the metrics endpoints besides the `ops` role (`METRICS_SCRAPE_TOKEN`, see {@link scrapeTokenFromEnv}). */
  scrapeToken?: string;
  /**
   * Signed checkpoints of the consultation log and of the services' event logs, written outside the
   * database and served at `…/audit/checkpoints` (ADR 0052; see `auditCheckpointsFromEnv`). None: no
   * checkpoints, and that route answers 404.
   */
  checkpoints?: AuditCheckpointOptions;
}

/** The shortest scrape token accepted: a secret, not a password. */
export const MIN_SCRAPE_TOKEN_LENGTH = 32;

/**
 * The metrics scrape token from `METRICS_SCRAPE_TOKEN`, or undefined when unset (then only the `ops`
 * role reads the metrics). Start-up fails on a token shorter than {@link MIN_SCRAPE_TOKEN_LENGTH} or
 * one that is not a bearer token's characters (`A-Z a-z 0-9 - . _ ~ + /`).
 */
export function scrapeTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = env.METRICS_SCRAPE_TOKEN;
  if (token === undefined || token === '') return undefined;
  if (token.length < MIN_SCRAPE_TOKEN_LENGTH || !/^[A-Za-z0-9._~+/-]+$/.test(token)) {
    throw new Error(
      `METRICS_SCRAPE_TOKEN must be at least ${MIN_SCRAPE_TOKEN_LENGTH} characters of A-Z a-z 0-9 - . _ ~ + / (e.g. \`openssl rand -hex 32\`)`,
    );
  }
  return token;
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && !['', '0', 'false', 'no', 'off'].includes(v.trim().toLowerCase());
}

/**
 * Authentication settings from the environment. Production mode needs `OIDC_ISSUER`, `OIDC_AUDIENCE`
 * and `OIDC_JWKS_URI` (`OIDC_ALGORITHMS` defaults to `RS256,ES256`) and refuses to start when
 * `DEV_AUTH` is set. Embedded mode runs the development issuer unless `DEV_AUTH=false`, in which case
 * it needs the same OIDC variables.
 */
export function authenticationFromEnv(mode: 'embedded' | 'production', env: NodeJS.ProcessEnv = process.env): AuthenticationOptions {
  if (mode === 'production' && truthy(env.DEV_AUTH)) {
    throw new Error(
      'DEV_AUTH is set, but the development issuer can never run in production mode. Remove DEV_AUTH and configure OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URI (README, "Security").',
    );
  }
  if (mode === 'embedded' && (env.DEV_AUTH === undefined || truthy(env.DEV_AUTH))) return { kind: 'dev' };
  const need = (name: string): string => {
    const v = env[name];
    if (!v)
      throw new Error(
        `${name} is not set: ${mode} mode verifies OIDC tokens and needs OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URI (README, "Security").`,
      );
    return v;
  };
  const jwksUri = need('OIDC_JWKS_URI');
  if (!/^https?:\/\//.test(jwksUri)) throw new Error(`OIDC_JWKS_URI must be an http(s) URL, got "${jwksUri}"`);
  const algorithms = (env.OIDC_ALGORITHMS ?? 'RS256,ES256')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const bad = algorithms.filter((a) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(a));
  if (algorithms.length === 0 || bad.length > 0) {
    throw new Error(
      `OIDC_ALGORITHMS may only name asymmetric algorithms (${ASYMMETRIC_ALGORITHMS.join(', ')}); refused: ${bad.join(', ') || '(empty)'}`,
    );
  }
  const issuer = need('OIDC_ISSUER');
  const authority = env.OIDC_CONSOLE_AUTHORITY || issuer;
  if (!/^https?:\/\//.test(authority)) throw new Error(`OIDC_CONSOLE_AUTHORITY must be an http(s) URL, got "${authority}"`);
  return {
    kind: 'oidc',
    issuer,
    audience: need('OIDC_AUDIENCE'),
    jwksUri,
    algorithms,
    console: {
      authority,
      clientId: env.OIDC_CONSOLE_CLIENT_ID || DEFAULT_CONSOLE_CLIENT_ID,
      scope: env.OIDC_CONSOLE_SCOPE || DEFAULT_CONSOLE_SCOPE,
    },
  };
}
