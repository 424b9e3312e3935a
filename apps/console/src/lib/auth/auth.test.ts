import { describe, expect, it } from 'vitest';
import { renewalDelay } from './authenticator';
import { hasAnyRole, userFromToken } from './user';

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: object) => `${b64({ alg: 'ES256' })}.${b64(claims)}.sig`;

describe('the session user and token renewal', () => {
  it('reads name, roles, staff id, teams and unit from the platform claims (dev issuer and Keycloak alike)', () => {
    const user = userFromToken(
      jwt({
        preferred_username: 'els.jacobs',
        name: 'Els Jacobs',
        realm_access: { roles: ['team_lead', 'detective', 'offline_access'] },
        staff_id: '5415-0210',
        teams: ['Diefstallen'],
        unit: 'LRD',
      }),
    );
    expect(user).toEqual({
      username: 'els.jacobs',
      name: 'Els Jacobs',
      staffId: '5415-0210',
      roles: ['team_lead', 'detective'],
      teams: ['Diefstallen'],
      unit: 'LRD',
    });
    expect(hasAnyRole(user, ['chief'])).toBe(false);
    expect(hasAnyRole(user, ['detective'])).toBe(true);
  });

  it('renews a minute before expiry, or at 80 % of a shorter lifetime, never in the past', () => {
    expect(renewalDelay(8 * 3_600_000, 0)).toBe(8 * 3_600_000 - 60_000);
    expect(renewalDelay(60_000, 0)).toBe(48_000);
    expect(renewalDelay(100_000, 0)).toBe(80_000);
    expect(renewalDelay(1_000, 5_000)).toBe(0);
  });
});

describe('GET /api/auth/config as the console reads it', () => {
  it('is dev, or oidc with all three settings; an incomplete oidc answer is refused', async () => {
    const { toAuthConfig } = await import('./authenticator');
    expect(toAuthConfig({ kind: 'dev' })).toEqual({ kind: 'dev' });
    expect(
      toAuthConfig({ kind: 'oidc', authority: 'http://127.0.0.1:58080/realms/police', clientId: 'police-web', scope: 'openid profile' }),
    ).toEqual({
      kind: 'oidc',
      authority: 'http://127.0.0.1:58080/realms/police',
      clientId: 'police-web',
      scope: 'openid profile',
    });
    expect(() => toAuthConfig({ kind: 'oidc', authority: 'http://x' } as unknown as Parameters<typeof toAuthConfig>[0])).toThrow(
      'without authority, clientId or scope',
    );
  });
});
