import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
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
