import { authenticationFromEnv, consoleSignIn, rateLimitsFromEnv, scrapeTokenFromEnv } from './security-options';
import { sameSecret } from './access.guard';
import { SecurityModule } from './security.module';

describe('authenticationFromEnv and the production guard', () => {
  const oidc = {
    OIDC_ISSUER: 'http://keycloak:8080/realms/police',
    OIDC_AUDIENCE: 'police-case-platform',
    OIDC_JWKS_URI: 'http://keycloak:8080/realms/police/protocol/openid-connect/certs',
  };

  it('never lets the development issuer run in production mode', () => {
    for (const DEV_AUTH of ['true', '1', 'yes'])
      expect(() => authenticationFromEnv('production', { ...oidc, DEV_AUTH })).toThrow(
        'DEV_AUTH is set, but the development issuer can never run in production mode',
      );
    expect(() =>
      SecurityModule.forRoot({ mode: 'production', pool: {} as never, auditPath: 'x/audit', authentication: { kind: 'dev' } }),
    ).toThrow('The development issuer can never run in production mode');
  });

  it('needs the OIDC settings in production mode, with asymmetric algorithms only', () => {
    expect(() => authenticationFromEnv('production', {})).toThrow('OIDC_JWKS_URI is not set');
    expect(() => authenticationFromEnv('production', { ...oidc, OIDC_ALGORITHMS: 'RS256,HS256' })).toThrow('refused: HS256');
    expect(() => authenticationFromEnv('production', { ...oidc, OIDC_JWKS_URI: 'file:///etc/keys' })).toThrow('must be an http(s) URL');
    expect(authenticationFromEnv('production', { ...oidc, DEV_AUTH: 'false' })).toEqual({
      kind: 'oidc',
      issuer: oidc.OIDC_ISSUER,
      audience: oidc.OIDC_AUDIENCE,
      jwksUri: oidc.OIDC_JWKS_URI,
      algorithms: ['RS256', 'ES256'],
      console: { authority: oidc.OIDC_ISSUER, clientId: 'police-web', scope: 'openid profile' },
    });
  });

  it('runs the development issuer in embedded mode unless told to use OIDC', () => {
    expect(authenticationFromEnv('embedded', {})).toEqual({ kind: 'dev' });
    expect(authenticationFromEnv('embedded', { ...oidc, DEV_AUTH: 'false', OIDC_ALGORITHMS: 'ES256' })).toMatchObject({
      kind: 'oidc',
      algorithms: ['ES256'],
    });
  });

  it('tells the console how to sign in: the persona picker, or the OIDC provider (authority, client and scope configurable)', () => {
    expect(consoleSignIn(authenticationFromEnv('embedded', {}))).toEqual({ kind: 'dev' });
    expect(consoleSignIn(authenticationFromEnv('production', oidc))).toEqual({
      kind: 'oidc',
      authority: oidc.OIDC_ISSUER,
      clientId: 'police-web',
      scope: 'openid profile',
    });
    const custom = {
      ...oidc,
      OIDC_CONSOLE_AUTHORITY: 'https://sso.zone.example/realms/police',
      OIDC_CONSOLE_CLIENT_ID: 'zone-console',
      OIDC_CONSOLE_SCOPE: 'openid profile email',
    };
    expect(consoleSignIn(authenticationFromEnv('embedded', { ...custom, DEV_AUTH: 'false' }))).toEqual({
      kind: 'oidc',
      authority: 'https://sso.zone.example/realms/police',
      clientId: 'zone-console',
      scope: 'openid profile email',
    });
    expect(() => authenticationFromEnv('production', { ...oidc, OIDC_CONSOLE_AUTHORITY: 'keycloak/realms/police' })).toThrow(
      'OIDC_CONSOLE_AUTHORITY must be an http(s) URL',
    );
  });
});

describe('rateLimitsFromEnv', () => {
  it('takes searches per person per minute from SEARCH_RATE_LIMIT, and keeps the defaults without it', () => {
    expect(rateLimitsFromEnv({})).toEqual({});
    expect(rateLimitsFromEnv({ SEARCH_RATE_LIMIT: '240' })).toEqual({ search: { limit: 240, windowMs: 60_000 } });
    for (const bad of ['0', '-5', '1.5', 'lots'])
      expect(() => rateLimitsFromEnv({ SEARCH_RATE_LIMIT: bad })).toThrow(
        `SEARCH_RATE_LIMIT must be a positive whole number of searches per minute, got "${bad}"`,
      );
  });

  it('takes token requests per client address per minute from AUTH_RATE_LIMIT', () => {
    expect(rateLimitsFromEnv({ AUTH_RATE_LIMIT: '600' })).toEqual({ auth: { limit: 600, windowMs: 60_000 } });
    expect(rateLimitsFromEnv({ AUTH_RATE_LIMIT: '600', SEARCH_RATE_LIMIT: '90' })).toEqual({
      auth: { limit: 600, windowMs: 60_000 },
      search: { limit: 90, windowMs: 60_000 },
    });
    expect(() => rateLimitsFromEnv({ AUTH_RATE_LIMIT: '0' })).toThrow(
      'AUTH_RATE_LIMIT must be a positive whole number of token requests per minute, got "0"',
    );
  });

  it("takes failed logins before a lockout from LOGIN_FAILURE_LIMIT, in the lockout's 15-minute window", () => {
    expect(rateLimitsFromEnv({ AUTH_RATE_LIMIT: '1000', LOGIN_FAILURE_LIMIT: '50' })).toEqual({
      auth: { limit: 1000, windowMs: 60_000 },
      loginFailures: { limit: 50, windowMs: 15 * 60_000 },
    });
    expect(() => rateLimitsFromEnv({ LOGIN_FAILURE_LIMIT: 'x' })).toThrow(
      'LOGIN_FAILURE_LIMIT must be a positive whole number of failed logins per 15 minutes, got "x"',
    );
  });
});

describe('the metrics scrape token', () => {
  it("is optional, and refused at start-up when short or not a bearer token's characters", () => {
    expect(scrapeTokenFromEnv({})).toBeUndefined();
    expect(scrapeTokenFromEnv({ METRICS_SCRAPE_TOKEN: 'a'.repeat(32) })).toBe('a'.repeat(32));
    expect(() => scrapeTokenFromEnv({ METRICS_SCRAPE_TOKEN: 'a'.repeat(31) })).toThrow(
      'METRICS_SCRAPE_TOKEN must be at least 32 characters',
    );
    expect(() => scrapeTokenFromEnv({ METRICS_SCRAPE_TOKEN: `${'a'.repeat(32)} b` })).toThrow('METRICS_SCRAPE_TOKEN');
  });

  it('is compared whole, whatever the lengths', () => {
    expect(sameSecret('x'.repeat(40), 'x'.repeat(40))).toBe(true);
    expect(sameSecret('x'.repeat(39), 'x'.repeat(40))).toBe(false);
    expect(sameSecret('y'.repeat(40), 'x'.repeat(40))).toBe(false);
  });
});
