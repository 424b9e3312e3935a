import { expect, Request, test } from '@playwright/test';
// The test servers' library, by path: Playwright resolves only the console's own aliases, and this spec is
// the one browser test that needs a Keycloak and an embedded host in OIDC mode (libs/testing).
/* eslint-disable @nx/enforce-module-boundaries */
import { CONSOLE_CLIENT_ID, startTestKeycloak, TEST_USER_PASSWORD, TestKeycloakServer } from '../../../libs/testing/src/keycloak';
import { OidcEmbeddedHost, startOidcEmbeddedHost } from '../../../libs/testing/src/oidc-host';
/* eslint-enable @nx/enforce-module-boundaries */
import { expectAccessible, screenshot } from './support';

// The real sign-in of production: the embedded product in OIDC mode (no development issuer) and a real
// Keycloak (infra/native/infra.mjs starts it, or the one `npm test` already started for the services'
// production-like tests). The console goes to Keycloak's login page with the authorization code flow and
// PKCE, comes back to the page the user asked for, renews its token before it expires, and signs out at
// Keycloak too. See docs/adr/0003-test-logins.md for how a test user gets a password.

const PIETER = { username: 'pieter.janssens', name: 'Pieter Janssens' }; // detective, Diefstallen
/** police-web's tokens live this long during the test, so the renewal (60 s before expiry) comes after 15 s. */
const SHORT_LIFESPAN_SECONDS = 75;

test.describe('signing in with Keycloak (OIDC, authorization code + PKCE)', () => {
  let server: TestKeycloakServer;
  let host: OidcEmbeddedHost;
  let restoreLifespan: (() => Promise<void>) | undefined;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    server = await startTestKeycloak();
    const kc = server.keycloak;
    await kc.setPassword(PIETER.username, TEST_USER_PASSWORD);
    // As an administrator would for a zone that wants short sessions: police-web's access tokens live 75 s.
    const [client] = await kc.admin<{ id: string; attributes?: Record<string, string> }[]>('GET', `/clients?clientId=${CONSOLE_CLIENT_ID}`);
    const before = client.attributes?.['access.token.lifespan'] ?? '';
    await kc.admin('PUT', `/clients/${client.id}`, { attributes: { 'access.token.lifespan': String(SHORT_LIFESPAN_SECONDS) } });
    restoreLifespan = () => kc.admin('PUT', `/clients/${client.id}`, { attributes: { 'access.token.lifespan': before } });
    host = await startOidcEmbeddedHost(kc);
  });

  test.afterAll(async () => {
    await host?.stop();
    await restoreLifespan?.();
    await server?.stop();
  });

  test('a detective signs in on Keycloak’s page, lands on the page he asked for, keeps working past his first token, and signs out of Keycloak too', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const issuer = server.keycloak.settings.issuer;
    const tokenRequests: Request[] = [];
    const apiRequests: Request[] = [];
    page.on('request', (r) => {
      if (r.url() === `${issuer}/protocol/openid-connect/token`) tokenRequests.push(r);
      if (r.url().startsWith(`${host.url}/api/reports`)) apiRequests.push(r);
    });

    // A deep link before signing in: the console offers Keycloak, no persona picker.
    await page.goto(`${host.url}/reports`);
    await expect(page.getByRole('heading', { name: 'Aanmelden', level: 2 })).toBeVisible();
    await expect(page.getByText('Meld u aan met uw politieaccount.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Aanmelden als / })).toHaveCount(0);
    await expectAccessible(page, 'sign-in (OIDC)');
    await screenshot(page, 'oidc-01-sign-in');
    await page.getByRole('button', { name: 'Aanmelden via Keycloak' }).click();

    // Keycloak's own login page, with the code flow and PKCE (S256) of the console's public client.
    await page.waitForURL(
      (u) => u.href.startsWith(`${issuer}/protocol/openid-connect/auth`) || u.href.startsWith(`${issuer}/login-actions/`),
    );
    const authorize = new URL(page.url());
    expect({
      client_id: authorize.searchParams.get('client_id'),
      response_type: authorize.searchParams.get('response_type'),
      code_challenge_method: authorize.searchParams.get('code_challenge_method'),
      redirect_uri: authorize.searchParams.get('redirect_uri'),
    }).toEqual({
      client_id: CONSOLE_CLIENT_ID,
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${host.url}/auth/callback`,
    });
    await page.locator('#username').fill(PIETER.username);
    await page.locator('#password').fill(TEST_USER_PASSWORD);
    await screenshot(page, 'oidc-02-keycloak-login');
    await page.locator('#kc-login').click();

    // Back in the console, signed in, on the page asked for; the code was exchanged with its verifier.
    const user = page.getByTestId('current-user');
    await expect(user).toContainText(PIETER.name);
    await expect(user).toContainText('Diefstallen');
    await expect(page).toHaveURL(`${host.url}/reports`);
    await expect(page.getByRole('heading', { name: 'Meldingen en aangiften', level: 1 })).toBeVisible();
    const exchange = tokenRequests.find((r) => new URLSearchParams(r.postData() ?? '').get('grant_type') === 'authorization_code');
    expect(new URLSearchParams(exchange?.postData() ?? '').get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    // The tokens stay in memory: nothing token-like in web storage or cookies of the console's origin.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored).not.toContain('eyJ');
    await expectAccessible(page, 'reports (OIDC)');
    await screenshot(page, 'oidc-03-signed-in');

    // Renewed before it expires (75 s tokens, renewed 60 s before): a refresh at Keycloak, then the next
    // request of the console carries the new token and the API accepts it.
    const firstAuthorization = (await apiRequests[0]?.allHeaders())?.authorization;
    expect(firstAuthorization).toMatch(/^Bearer eyJ/);
    await expect
      .poll(() => tokenRequests.filter((r) => new URLSearchParams(r.postData() ?? '').get('grant_type') === 'refresh_token').length, {
        timeout: 45_000,
      })
      .toBeGreaterThan(0);
    const next = page.waitForResponse((r) => r.url().startsWith(`${host.url}/api/reports?`) && r.url().includes('kind=aangifte'));
    // The address changes inside the application (as a filter does): the list is fetched again.
    await page.evaluate(() => {
      window.history.pushState({}, '', '/reports?kind=aangifte');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    const answer = await next;
    expect(answer.status()).toBe(200);
    expect((await answer.request().allHeaders()).authorization).toMatch(/^Bearer eyJ/);
    expect((await answer.request().allHeaders()).authorization).not.toBe(firstAuthorization);

    // Sign-out ends Keycloak's session too: the next sign-in asks for the password again.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL((u) => u.origin === host.url);
    await expect(page.getByRole('button', { name: 'Aanmelden via Keycloak' })).toBeVisible();
    await expect(user).toHaveCount(0);
    await page.getByRole('button', { name: 'Aanmelden via Keycloak' }).click();
    await expect(page.locator('#username')).toBeVisible();
    await expect(page.locator('#password')).toHaveValue('');
  });
});
