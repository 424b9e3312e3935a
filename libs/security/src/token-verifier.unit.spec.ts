import { createLocalJWKSet, exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { AuthenticationError, TokenVerifier } from './token-verifier';

describe('TokenVerifier (JWKS, issuer, audience, expiry, algorithm allow-list)', () => {
  let key: KeyLike;
  let verifier: TokenVerifier;
  const settings = { issuer: 'https://idp.example/realms/police', audience: 'police-case-platform', algorithms: ['RS256'] };
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    verifier = TokenVerifier.local(settings, { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }] });
  });
  const sign = (claims: Record<string, unknown>, edit: (j: SignJWT) => SignJWT = (j) => j) =>
    edit(
      new SignJWT({ realm_access: { roles: ['detective'] }, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuedAt()
        .setExpirationTime('5m'),
    ).sign(key);

  it('accepts a well-formed token and gives its principal', async () => {
    const token = await sign({ staff_id: '5415-0202', preferred_username: 'sofie.maes' }, (j) =>
      j.setIssuer(settings.issuer).setAudience(['account', settings.audience]).setSubject('uuid-1'),
    );
    await expect(verifier.verify(token)).resolves.toMatchObject({ staffId: '5415-0202', username: 'sofie.maes', roles: ['detective'] });
  });

  it.each([
    [
      'another issuer',
      (j: SignJWT) => j.setIssuer('https://evil.example').setAudience(settings.audience).setSubject('s'),
      'The token is not valid here: claim "iss" does not match.',
    ],
    [
      'another audience',
      (j: SignJWT) => j.setIssuer(settings.issuer).setAudience('account').setSubject('s'),
      'The token is not valid here: claim "aud" does not match.',
    ],
    [
      'no subject',
      (j: SignJWT) => j.setIssuer(settings.issuer).setAudience(settings.audience),
      'The token is not valid here: claim "sub" is missing or malformed.',
    ],
    [
      'not yet valid',
      (j: SignJWT) => j.setIssuer(settings.issuer).setAudience(settings.audience).setSubject('s').setNotBefore('10m'),
      'The token is not valid here: claim "nbf" does not match.',
    ],
  ])('refuses a token with %s', async (_name, edit, message) => {
    const err = await verifier.verify(await sign({}, edit)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ message, status: 401 });
  });

  it('refuses garbage and over-long tokens', async () => {
    await expect(verifier.verify('not.a.token')).rejects.toMatchObject({ message: 'The bearer token is malformed.', status: 401 });
    await expect(verifier.verify('x'.repeat(9000))).rejects.toMatchObject({ message: 'The bearer token is too long.', status: 401 });
  });
});

describe('TokenVerifier, a token seen again', () => {
  const settings = { issuer: 'https://idp.example/realms/police', audience: 'police-case-platform', algorithms: ['ES256'] };
  let key: KeyLike;
  let clock: number;
  let lookups: number;
  let verifier: TokenVerifier;
  beforeEach(async () => {
    const pair = await generateKeyPair('ES256');
    key = pair.privateKey;
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
    clock = Date.UTC(2026, 11, 7, 8, 0, 0);
    lookups = 0;
    // Counts the signature checks: jose asks for the key once per check.
    const counted = ((header, token) => {
      lookups++;
      return jwks(header, token);
    }) as typeof jwks;
    verifier = TokenVerifier.withKeys({ ...settings, now: () => clock }, counted);
  });
  const sign = (expiresInSeconds: number) =>
    new SignJWT({ realm_access: { roles: ['detective'] }, staff_id: '5415-0202', preferred_username: 'sofie.maes' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setSubject('uuid-1')
      .setIssuedAt(Math.floor(clock / 1000))
      .setExpirationTime(Math.floor(clock / 1000) + expiresInSeconds)
      .sign(key);

  it('checks its signature once, then trusts it for a minute at most, and never past its exp', async () => {
    const token = await sign(300);
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
    expect(lookups).toBe(1);
    clock += 61_000;
    await verifier.verify(token);
    expect(lookups).toBe(2);

    const short = await sign(20);
    await verifier.verify(short);
    clock += 21_000; // past exp, within jose's 30 s clock tolerance: the cache does not answer, jose checks again
    await verifier.verify(short);
    expect(lookups).toBe(4);
    clock += 30_000;
    await expect(verifier.verify(short)).rejects.toMatchObject({ message: 'The token has expired.', status: 401 });
  });

  it('shares a frozen principal: no request can change it for the next', async () => {
    const principal = await verifier.verify(await sign(300));
    expect(Object.isFrozen(principal) && Object.isFrozen(principal.roles) && Object.isFrozen(principal.teams)).toBe(true);
  });

  it('does not remember a refused token', async () => {
    const expired = await sign(-120);
    await expect(verifier.verify(expired)).rejects.toMatchObject({ status: 401 });
    await expect(verifier.verify(expired)).rejects.toMatchObject({ status: 401 });
    expect(lookups).toBe(2);
  });
});
