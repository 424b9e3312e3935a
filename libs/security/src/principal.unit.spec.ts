import { InvalidClaimsError, principalFromClaims } from './principal';

describe('principalFromClaims', () => {
  it('reads a Keycloak access token: realm roles, staff id, teams and unit; ignores roles that are not ours', () => {
    expect(
      principalFromClaims({
        sub: '0b7f5a1e-1111-4c4c-9d9d-123456789abc',
        staff_id: '5415-0202',
        preferred_username: 'sofie.maes',
        name: 'Sofie Maes',
        realm_access: { roles: ['detective', 'offline_access', 'uma_authorization', 'default-roles-police'] },
        teams: ['Drugs'],
        unit: 'LRD',
      }),
    ).toEqual({
      staffId: '5415-0202',
      username: 'sofie.maes',
      displayName: 'Sofie Maes',
      roles: ['detective'],
      teams: ['Drugs'],
      unit: 'LRD',
    });
  });

  it('falls back to sub, merges a plain roles claim and takes a single team as a list', () => {
    expect(principalFromClaims({ sub: '5415-0001', roles: ['chief'], realm_access: { roles: ['dpo'] }, teams: 'Korpsleiding' })).toEqual({
      staffId: '5415-0001',
      username: '5415-0001',
      displayName: '5415-0001',
      roles: ['dpo', 'chief'],
      teams: ['Korpsleiding'],
      unit: '',
    });
  });

  it('refuses claims that do not describe a usable principal', () => {
    expect(() => principalFromClaims({})).toThrow(InvalidClaimsError);
    expect(() => principalFromClaims({ sub: 'a b' })).toThrow('valid staff id');
    expect(() => principalFromClaims({ sub: '5415-1', teams: [42] })).toThrow('claim "teams" must be a list of names');
    expect(() => principalFromClaims({ sub: '5415-1', realm_access: { roles: 'chief\u0000' } })).toThrow('realm_access.roles');
    expect(() => principalFromClaims({ sub: '5415-1', unit: { name: 'x' } })).toThrow('claim "unit" must be a name');
  });
});
