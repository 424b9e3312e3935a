import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

// A real Keycloak for tests (started by infra/native/infra.mjs, Testcontainers, or given by the environment),
// and what a test does with it: set a demo user's password as an administrator would, and sign in as a
// user does (the password grant of the DEMO-ONLY `police-cli-dev` client, or the authorization code flow
// with PKCE of the console's `police-web` client, through Keycloak's own login pages).

/** The realm, audience and clients of infra/keycloak/realm-police.json. */
export const KEYCLOAK_REALM = 'police';
export const KEYCLOAK_AUDIENCE = 'police-case-platform';
export const CONSOLE_CLIENT_ID = 'police-web';
export const CLI_CLIENT_ID = 'police-cli-dev';

/**
 * The password tests give the demo users they sign in as (docs/adr/0003-test-logins.md). Not in the realm
 * export: a test sets it through the admin API, as an administrator enrols a user. The same value in
 * every run, so concurrent runs against one server do not undo each other.
 */
export const TEST_USER_PASSWORD = 'test-only-Pol1ce-login';

export interface KeycloakSettings {
  /** Base URL, e.g. http://127.0.0.1:58080. */
  url: string;
  realm: string;
  /** `OIDC_ISSUER`: `<url>/realms/<realm>`. */
  issuer: string;
  audience: string;
  jwksUri: string;
  /** The master realm's administrator (needed to set passwords and register a console's address). */
  admin: { username: string; password: string } | null;
}

/**
 * Reads the Keycloak a test uses from the environment: `OIDC_ISSUER` (required), `OIDC_AUDIENCE`,
 * `OIDC_JWKS_URI`, `KEYCLOAK_URL` (default: the issuer without `/realms/<realm>`), and
 * `KEYCLOAK_ADMIN_USERNAME` / `KEYCLOAK_ADMIN_PASSWORD`.
 */
export function keycloakSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): KeycloakSettings {
  const issuer = env.OIDC_ISSUER;
  if (!issuer)
    throw new Error(
      'OIDC_ISSUER is not set: run the test through `npm test`, or start Keycloak with `npm run infra:up -- --keycloak` and load its keycloak.env',
    );
  const m = /^(https?:\/\/[^/]+(?:\/.*?)?)\/realms\/([^/]+)\/?$/.exec(issuer);
  if (!m) throw new Error(`OIDC_ISSUER=${issuer} is not a Keycloak realm URL (<base>/realms/<realm>)`);
  const admin =
    env.KEYCLOAK_ADMIN_USERNAME && env.KEYCLOAK_ADMIN_PASSWORD
      ? { username: env.KEYCLOAK_ADMIN_USERNAME, password: env.KEYCLOAK_ADMIN_PASSWORD }
      : null;
  return {
    url: env.KEYCLOAK_URL ?? m[1],
    realm: m[2],
    issuer,
    audience: env.OIDC_AUDIENCE ?? KEYCLOAK_AUDIENCE,
    jwksUri: env.OIDC_JWKS_URI ?? `${issuer}/protocol/openid-connect/certs`,
    admin,
  };
}

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
}

/** What the authorization code flow went through. */
export interface SignInResult {
  tokens: TokenSet;
  /** Keycloak asked for a new password first (a temporary password, or the UPDATE_PASSWORD required action). */
  passwordChanged: boolean;
  /** Where Keycloak sent the browser back to (the redirect URI with `code` and `state`). */
  callbackUrl: string;
}

/** Cookies of one browser session, enough for Keycloak's login pages (no domain or path matching needed on one host). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function decodeHtml(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The action URL of the first form on a Keycloak page. */
function formAction(html: string, page: string): string {
  const m = /<form[^>]*\saction="([^"]+)"/i.exec(html);
  if (!m) throw new Error(`Keycloak's ${page} page has no form:\n${html.slice(0, 2000)}`);
  return decodeHtml(m[1]);
}

function pageError(html: string): string | null {
  const m =
    /<span[^>]*(?:id="input-error[^"]*"|class="[^"]*kc-feedback-text[^"]*")[^>]*>([\s\S]*?)<\/span>/i.exec(html) ??
    /class="[^"]*alert-error[^"]*"[\s\S]*?<span[^>]*>([\s\S]*?)<\/span>/i.exec(html);
  return m ? decodeHtml(m[1].replace(/<[^>]+>/g, '').trim()) : null;
}

/** A Keycloak server a test talks to: its settings, its admin API, and sign-in as a user. */
export class TestKeycloak {
  private adminAccess: { token: string; until: number } | null = null;

  constructor(readonly settings: KeycloakSettings) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): TestKeycloak {
    return new TestKeycloak(keycloakSettingsFromEnv(env));
  }

  /** The settings a host verifying this Keycloak's tokens needs. */
  get oidcEnv(): { OIDC_ISSUER: string; OIDC_AUDIENCE: string; OIDC_JWKS_URI: string } {
    return { OIDC_ISSUER: this.settings.issuer, OIDC_AUDIENCE: this.settings.audience, OIDC_JWKS_URI: this.settings.jwksUri };
  }

  get tokenEndpoint(): string {
    return `${this.settings.issuer}/protocol/openid-connect/token`;
  }

  /** Calls the admin REST API of our realm (`path` under /admin/realms/<realm>) as the master realm's administrator. */
  async admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.settings.url}/admin/realms/${this.settings.realm}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.adminToken()}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`Keycloak admin ${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** An access token of the master realm's administrator (`admin-cli`). */
  async adminToken(): Promise<string> {
    if (this.adminAccess && Date.now() < this.adminAccess.until) return this.adminAccess.token;
    const admin = this.settings.admin;
    if (!admin)
      throw new Error('KEYCLOAK_ADMIN_USERNAME / KEYCLOAK_ADMIN_PASSWORD are not set: the test needs the administrator of this Keycloak');
    const res = await fetch(`${this.settings.url}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: admin.username, password: admin.password }),
    });
    const body = (await res.json()) as TokenSet & { error_description?: string };
    if (res.status !== 200)
      throw new Error(`Keycloak refused the administrator's login (${res.status}): ${body.error_description ?? JSON.stringify(body)}`);
    this.adminAccess = { token: body.access_token, until: Date.now() + (body.expires_in - 10) * 1000 };
    return body.access_token;
  }

  async userId(username: string): Promise<string> {
    const users = await this.admin<{ id: string; username: string }[]>('GET', `/users?exact=true&username=${encodeURIComponent(username)}`);
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`no user ${username} in realm ${this.settings.realm}`);
    return user.id;
  }

  /**
   * Sets a user's password as an administrator does. `temporary`: the user must choose a new one at the
   * next sign-in (Keycloak adds the UPDATE_PASSWORD required action); otherwise the required action is
   * cleared, as for a user who has already been through it. Like an administrator's reset, it also clears
   * the user's failed logins (brute-force detection), so a test starts from a user who may sign in.
   */
  async setPassword(username: string, password = TEST_USER_PASSWORD, options: { temporary?: boolean } = {}): Promise<void> {
    const id = await this.userId(username);
    const temporary = options.temporary ?? false;
    await this.admin('DELETE', `/attack-detection/brute-force/users/${id}`);
    await this.admin('PUT', `/users/${id}/reset-password`, { type: 'password', value: password, temporary });
    if (!temporary) {
      const user = await this.admin<{ requiredActions?: string[] }>('GET', `/users/${id}`);
      const requiredActions = (user.requiredActions ?? []).filter((a) => a !== 'UPDATE_PASSWORD');
      await this.admin('PUT', `/users/${id}`, { requiredActions });
    }
  }

  /** The password grant (`police-cli-dev`, DEMO ONLY): the raw answer, for tests of refusals. */
  async passwordGrantResponse(
    username: string,
    password: string,
    clientId = CLI_CLIENT_ID,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(this.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password, scope: 'openid' }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Tokens for a user through the password grant of `police-cli-dev` (DEMO ONLY). */
  async passwordGrant(username: string, password = TEST_USER_PASSWORD, clientId = CLI_CLIENT_ID): Promise<TokenSet> {
    const r = await this.passwordGrantResponse(username, password, clientId);
    if (r.status !== 200) throw new Error(`Keycloak refused the password grant for ${username} (${r.status}): ${JSON.stringify(r.body)}`);
    return r.body as unknown as TokenSet;
  }

  /**
   * Registers a console's address with the `police-web` client (a redirect URI `<origin>/*`, the same for
   * sign-out, and the origin for CORS), as an administrator registers a deployment's public URL. The
   * realm export allows only the documented ports (3000, the gateway's 8000); tests run on free ports.
   */
  async allowConsoleOrigin(origin: string, clientId = CONSOLE_CLIENT_ID): Promise<void> {
    const normalised = new URL(origin).origin;
    const [client] = await this.admin<{ id: string; redirectUris?: string[]; webOrigins?: string[] }[]>(
      'GET',
      `/clients?clientId=${encodeURIComponent(clientId)}`,
    );
    if (!client) throw new Error(`no client ${clientId} in realm ${this.settings.realm}`);
    const redirectUris = [...new Set([...(client.redirectUris ?? []), `${normalised}/*`])];
    const webOrigins = [...new Set([...(client.webOrigins ?? []), normalised])];
    await this.admin('PUT', `/clients/${client.id}`, { redirectUris, webOrigins });
  }

  /** Takes back what {@link allowConsoleOrigin} registered (a shared test server keeps no trace of a run's ports). */
  async removeConsoleOrigin(origin: string, clientId = CONSOLE_CLIENT_ID): Promise<void> {
    const normalised = new URL(origin).origin;
    const [client] = await this.admin<{ id: string; redirectUris?: string[]; webOrigins?: string[] }[]>(
      'GET',
      `/clients?clientId=${encodeURIComponent(clientId)}`,
    );
    if (!client) return;
    await this.admin('PUT', `/clients/${client.id}`, {
      redirectUris: (client.redirectUris ?? []).filter((u) => u !== `${normalised}/*`),
      webOrigins: (client.webOrigins ?? []).filter((o) => o !== normalised),
    });
  }

  /**
   * A test-only public client with the password grant (created, or updated to match): `audience: false`
   * leaves out the `police-case-platform` audience (a token meant for another application of the realm);
   * `accessTokenLifespanSeconds` shortens its tokens' life. Not in the realm export.
   */
  async ensureTestClient(clientId: string, options: { audience: boolean; accessTokenLifespanSeconds?: number }): Promise<void> {
    const [cli] = await this.admin<{ protocolMappers?: { name: string; protocolMapper: string }[] }[]>(
      'GET',
      `/clients?clientId=${CLI_CLIENT_ID}`,
    );
    const mappers = (cli?.protocolMappers ?? [])
      .filter((m) => options.audience || m.protocolMapper !== 'oidc-audience-mapper')
      .map(({ name, protocolMapper, ...rest }) => ({ ...rest, name, protocolMapper, id: undefined }));
    const rep = {
      clientId,
      name: `TEST ONLY: ${clientId}`,
      enabled: true,
      publicClient: true,
      protocol: 'openid-connect',
      standardFlowEnabled: false,
      directAccessGrantsEnabled: true,
      fullScopeAllowed: true,
      attributes: options.accessTokenLifespanSeconds ? { 'access.token.lifespan': String(options.accessTokenLifespanSeconds) } : {},
      protocolMappers: mappers,
    };
    const [existing] = await this.admin<{ id: string }[]>('GET', `/clients?clientId=${encodeURIComponent(clientId)}`);
    if (existing) await this.admin('DELETE', `/clients/${existing.id}`);
    await this.admin('POST', '/clients', rep);
  }

  /**
   * Signs in as a user does in a browser, without one: the authorization code flow with PKCE (S256) of
   * `police-web` through Keycloak's login page, choosing `newPassword` when Keycloak asks for a new one,
   * then the code exchanged at the token endpoint. `redirectUri` must be registered (allowConsoleOrigin).
   */
  async signIn(
    username: string,
    password: string,
    options: { redirectUri: string; newPassword?: string; clientId?: string },
  ): Promise<SignInResult> {
    const clientId = options.clientId ?? CONSOLE_CLIENT_ID;
    const jar = new CookieJar();
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    const auth = new URL(`${this.settings.issuer}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: options.redirectUri,
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const get = async (url: string): Promise<Response> => {
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.store(res);
      return res;
    };
    const post = async (url: string, form: Record<string, string>): Promise<Response> => {
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      });
      jar.store(res);
      return res;
    };
    const loginPage = await get(auth.toString());
    const loginHtml = await loginPage.text();
    if (loginPage.status !== 200)
      throw new Error(`Keycloak did not show its login page (${loginPage.status}): ${pageError(loginHtml) ?? loginHtml.slice(0, 500)}`);
    let res = await post(formAction(loginHtml, 'login'), { username, password, credentialId: '' });
    let passwordChanged = false;
    let location: string | null = null;
    // Keycloak's pages until it sends the browser back: redirects between its own pages, and the
    // "choose a new password" form when the password is temporary.
    for (let hop = 0; hop < 10; hop++) {
      if (res.status === 302 || res.status === 303) {
        location = new URL(res.headers.get('location') ?? '', this.settings.url).toString();
        if (location.startsWith(options.redirectUri)) break;
        res = await get(location);
        location = null;
        continue;
      }
      const html = await res.text();
      if (res.status === 200 && /name="password-new"/.test(html)) {
        if (!options.newPassword) throw new Error(`Keycloak asks ${username} to choose a new password (signIn: newPassword)`);
        if (passwordChanged) throw new Error(`Keycloak refused ${username}'s new password: ${pageError(html) ?? html.slice(0, 1000)}`);
        passwordChanged = true;
        res = await post(formAction(html, 'update password'), {
          'password-new': options.newPassword,
          'password-confirm': options.newPassword,
        });
        continue;
      }
      throw new Error(`Keycloak did not sign ${username} in (${res.status}): ${pageError(html) ?? html.slice(0, 1000)}`);
    }
    if (!location) throw new Error(`Keycloak did not send ${username} back to ${options.redirectUri}`);
    const callback = new URL(location);
    if (callback.searchParams.get('error'))
      throw new Error(
        `Keycloak redirected back with ${callback.searchParams.get('error')}: ${callback.searchParams.get('error_description')}`,
      );
    if (callback.searchParams.get('state') !== state) throw new Error('the state Keycloak sent back is not ours');
    const code = callback.searchParams.get('code');
    if (!code) throw new Error(`no code in ${location}`);
    const token = await fetch(this.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: options.redirectUri,
        code_verifier: verifier,
      }),
    });
    const tokens = (await token.json()) as TokenSet;
    if (token.status !== 200) throw new Error(`Keycloak refused the code exchange (${token.status}): ${JSON.stringify(tokens)}`);
    return { tokens, passwordChanged, callbackUrl: location };
  }
}

/** A Keycloak a test file resolved: the environment's, a Testcontainers one, or the native one (infra.mjs). */
export interface TestKeycloakServer {
  keycloak: TestKeycloak;
  source: 'environment' | 'testcontainers' | 'native';
  /** This call started it (and `stop()` stops it, unless the `npm test` orchestrator does at the end of the run). */
  started: boolean;
  stop(): Promise<void>;
}

interface ResolvedKeycloak {
  source: TestKeycloakServer['source'];
  started: boolean;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The Keycloak of a test file (environment → Testcontainers → native; see infrastructure.cjs), with the
 * settings on process.env. Call `stop()` in afterAll: it stops a server this file started, except a
 * native one under `npm test` (POLICE_TEST_ORCHESTRATED=1), which the orchestrator stops once all the
 * tests that sign in with Keycloak have run.
 */
export async function startTestKeycloak(): Promise<TestKeycloakServer> {
  const { resolveKeycloak } = createRequire(__filename)('./infrastructure.cjs') as {
    resolveKeycloak(o: { log(m: string): void }): Promise<ResolvedKeycloak>;
  };
  const res = await resolveKeycloak({ log: () => undefined });
  const orchestrated = process.env.POLICE_TEST_ORCHESTRATED === '1';
  return {
    keycloak: new TestKeycloak(keycloakSettingsFromEnv(res.env)),
    source: res.source,
    started: res.started,
    stop: async () => {
      if (res.source === 'testcontainers' || !orchestrated) await res.stop();
    },
  };
}
