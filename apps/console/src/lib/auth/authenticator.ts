import { call, signInApi } from '../api/client';
import { sessionStore } from './session';
import { tokenExpiry, userFromToken } from './user';

/** The answer of `GET /api/auth/config`, as the platform document types it. */
type SignInView = Awaited<ReturnType<typeof fetchSignInView>>;

async function fetchSignInView() {
  return (await call(signInApi.GET('/api/auth/config'))).data;
}

/**
 * How the console signs in, as `GET /api/auth/config` says (libs/security): the embedded development
 * issuer, or OIDC (Keycloak) with the authorization code flow and PKCE.
 */
export type AuthConfig = SignInView;

/** Checks the answer of `GET /api/auth/config` before the console signs in with it: an incomplete one is an error, not a half-configured client. */
export function toAuthConfig(view: SignInView): AuthConfig {
  if (view.kind === 'dev') return { kind: 'dev' };
  if (view.authority && view.clientId && view.scope)
    return { kind: 'oidc', authority: view.authority, clientId: view.clientId, scope: view.scope };
  throw new Error('GET /api/auth/config: an oidc answer without authority, clientId or scope');
}

export async function fetchAuthConfig(): Promise<AuthConfig> {
  return toAuthConfig(await fetchSignInView());
}

/** Renew this long before the token expires (or at 80 % of a shorter lifetime). */
const RENEW_MARGIN_MS = 60_000;

export function renewalDelay(expiresAt: number, now: number): number {
  const left = expiresAt - now;
  return Math.max(0, left - RENEW_MARGIN_MS, left * 0.8);
}

/** What both ways of signing in offer the console. */
export interface Authenticator {
  readonly kind: AuthConfig['kind'];
  /** On the OIDC callback page: completes the sign-in and returns the path to go back to. */
  resume(): Promise<string | null>;
  signOut(): Promise<void>;
}

/**
 * The development issuer (embedded mode): a token for a demo user, asked again before it expires. The
 * token stays in memory; a reload signs out.
 */
export class DevAuthenticator implements Authenticator {
  readonly kind = 'dev' as const;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private username: string | undefined;

  async signIn(username: string): Promise<void> {
    const body = (await call(signInApi.POST('/api/auth/dev/token', { body: { username } }))).data;
    const expiresAt = (tokenExpiry(body.access_token) ?? Date.now() / 1000 + body.expires_in) * 1000;
    this.username = username;
    sessionStore.set({ accessToken: body.access_token, user: userFromToken(body.access_token), expiresAt });
    this.schedule(expiresAt);
  }

  async resume(): Promise<string | null> {
    return null;
  }

  async signOut(): Promise<void> {
    clearTimeout(this.timer);
    this.username = undefined;
    sessionStore.end('signed-out');
  }

  private schedule(expiresAt: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        const username = this.username;
        if (!username) return;
        this.signIn(username).catch(() => sessionStore.end('ended'));
      },
      renewalDelay(expiresAt, Date.now()),
    );
  }
}

export const OIDC_CALLBACK_PATH = '/auth/callback';

/**
 * OIDC against Keycloak: authorization code with PKCE (oidc-client-ts, loaded only in this mode). The
 * tokens are kept in memory (an in-memory user store); the PKCE verifier and state survive the redirect
 * in session storage, as the flow needs. Renewed silently before expiry with the refresh token; an
 * expired or failed renewal ends the session. Sign-out also ends the provider's session.
 */
export class OidcAuthenticator implements Authenticator {
  readonly kind = 'oidc' as const;
  private manager: Promise<import('oidc-client-ts').UserManager>;

  constructor(config: Extract<AuthConfig, { kind: 'oidc' }>) {
    this.manager = import('oidc-client-ts').then(({ InMemoryWebStorage, UserManager, WebStorageStateStore }) => {
      const origin = window.location.origin;
      const manager = new UserManager({
        authority: config.authority,
        client_id: config.clientId,
        scope: config.scope,
        redirect_uri: `${origin}${OIDC_CALLBACK_PATH}`,
        post_logout_redirect_uri: `${origin}/`,
        response_type: 'code',
        userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
        automaticSilentRenew: true,
        accessTokenExpiringNotificationTimeInSeconds: 60,
      });
      manager.events.addUserLoaded((user) => this.adopt(user.access_token, user.expires_at));
      manager.events.addAccessTokenExpired(() => sessionStore.end('ended'));
      manager.events.addSilentRenewError(() => sessionStore.end('ended'));
      return manager;
    });
  }

  async signIn(returnTo: string): Promise<void> {
    await (await this.manager).signinRedirect({ state: { returnTo } });
  }

  async resume(): Promise<string | null> {
    if (window.location.pathname !== OIDC_CALLBACK_PATH) return null;
    const user = await (await this.manager).signinRedirectCallback();
    if (!user) return '/';
    this.adopt(user.access_token, user.expires_at);
    const state = user.state as { returnTo?: string } | undefined;
    return state?.returnTo?.startsWith('/') ? state.returnTo : '/';
  }

  async signOut(): Promise<void> {
    const manager = await this.manager;
    const user = await manager.getUser();
    sessionStore.end('signed-out');
    await manager.removeUser();
    await manager.signoutRedirect({ id_token_hint: user?.id_token });
  }

  private adopt(accessToken: string, expiresAtSeconds: number | undefined): void {
    sessionStore.set({
      accessToken,
      user: userFromToken(accessToken),
      expiresAt: (expiresAtSeconds ?? tokenExpiry(accessToken) ?? 0) * 1000,
    });
  }
}
