import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEV_USERS } from './dev-users';
import { ROLES } from './principal';

interface Realm {
  roles: { realm: { name: string }[] };
  users: {
    username: string;
    firstName: string;
    lastName: string;
    realmRoles: string[];
    attributes: Record<string, string[]>;
    credentials: unknown[];
    requiredActions?: string[];
  }[];
  clients: {
    clientId: string;
    publicClient: boolean;
    defaultClientScopes: string[];
    protocolMappers: Mapper[];
    redirectUris: string[];
    webOrigins: string[];
    attributes?: Record<string, string>;
  }[];
  components: Record<string, { config: Record<string, string[]> }[]>;
}

const realm = JSON.parse(readFileSync(path.resolve(__dirname, '../../../infra/keycloak/realm-police.json'), 'utf8')) as Realm;

interface Mapper {
  protocolMapper: string;
  config: Record<string, string>;
}

// The production identity provider must describe the same people and claims as the development issuer.
describe('the Keycloak realm export (infra/keycloak/realm-police.json)', () => {
  it('declares exactly the platform roles', () => {
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual([...ROLES].sort());
  });

  it('has every demo user with the staff id, roles, teams and unit of the development issuer, and only a temporary demo password that must be changed at first login', () => {
    const users = realm.users.map((u) => ({
      username: u.username,
      staffId: u.attributes.staff_id[0],
      displayName: `${u.firstName} ${u.lastName}`,
      roles: u.realmRoles,
      teams: u.attributes.teams ?? [],
      unit: u.attributes.unit[0],
    }));
    expect(users).toEqual(DEV_USERS);
    for (const u of realm.users) {
      expect(u.credentials).toEqual([
        { type: 'password', value: 'DEMO-ONLY-change-at-first-login', temporary: true, userLabel: 'DEMO ONLY' },
      ]);
      // An imported credential's `temporary` flag alone does not make Keycloak ask for a new password
      // (seen with Keycloak 26.7: the demo password signed in as is); the required action does.
      expect(u.requiredActions).toEqual(['UPDATE_PASSWORD']);
    }
  });

  it('sends the console back only to the documented addresses: npm start (3000) and the gateway (8000), on loopback', () => {
    const web = realm.clients.find((c) => c.clientId === 'police-web');
    expect(web?.redirectUris).toEqual([
      'http://localhost:3000/*',
      'http://127.0.0.1:3000/*',
      'http://localhost:8000/*',
      'http://127.0.0.1:8000/*',
    ]);
    // "+": the origins of the redirect URIs, for CORS on the token endpoint; sign-out returns to the same addresses.
    expect(web?.webOrigins).toEqual(['+']);
    expect(web?.attributes?.['post.logout.redirect.uris']).toBe('+');
    expect(realm.clients.find((c) => c.clientId === 'police-cli-dev')).toMatchObject({
      redirectUris: [],
      webOrigins: [],
      standardFlowEnabled: false,
      directAccessGrantsEnabled: true,
    });
  });

  it('puts the audience and the staff_id, teams and unit claims into the access token of every client', () => {
    for (const client of realm.clients) {
      const mappers = client.protocolMappers;
      expect(mappers.find((m) => m.protocolMapper === 'oidc-audience-mapper')?.config).toMatchObject({
        'included.custom.audience': 'police-case-platform',
        'access.token.claim': 'true',
      });
      const claims = mappers
        .filter((m) => m.protocolMapper === 'oidc-usermodel-attribute-mapper')
        .map((m) => [m.config['claim.name'], m.config.multivalued, m.config['access.token.claim']]);
      expect(claims).toEqual([
        ['staff_id', 'false', 'true'],
        ['teams', 'true', 'true'],
        ['unit', 'false', 'true'],
      ]);
      expect(client.defaultClientScopes).toContain('roles');
      expect(client.publicClient).toBe(true);
    }
    expect(realm.clients.find((c) => c.clientId === 'police-web')).toMatchObject({
      directAccessGrantsEnabled: false,
      attributes: { 'pkce.code.challenge.method': 'S256' },
    });
  });

  it('declares the custom attributes in the user profile, so Keycloak keeps them', () => {
    const profile = JSON.parse(realm.components['org.keycloak.userprofile.UserProfileProvider'][0].config['kc.user.profile.config'][0]) as {
      attributes: { name: string; multivalued: boolean; permissions: { edit: string[] } }[];
    };
    const custom = profile.attributes.filter((a) => ['staff_id', 'teams', 'unit'].includes(a.name));
    expect(custom.map((a) => [a.name, a.multivalued, a.permissions.edit])).toEqual([
      ['staff_id', false, ['admin']],
      ['teams', true, ['admin']],
      ['unit', false, ['admin']],
    ]);
  });
});
