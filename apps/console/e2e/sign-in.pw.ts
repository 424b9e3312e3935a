import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support';

test.describe('signing in', () => {
  test('the persona picker signs in a demo user; the header shows name, role and team; the token stays out of web storage; sign-out returns to the picker', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Aanmelden', level: 2 })).toBeVisible();
    const rows = page.getByRole('row');
    await expect(rows.filter({ hasText: 'Pieter Janssens' })).toContainText('Rechercheur');
    await expect(rows.filter({ hasText: 'Pieter Janssens' })).toContainText('Diefstallen');
    await expect(rows.filter({ hasText: 'Filip Vermeulen' })).toContainText('Korpschef');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, '01-sign-in');

    await page.getByRole('button', { name: 'Aanmelden als Pieter Janssens' }).click();
    const user = page.getByTestId('current-user');
    await expect(user).toContainText('Pieter Janssens');
    await expect(user).toContainText('Rechercheur');
    await expect(user).toContainText('Diefstallen');
    await expect(page.getByRole('heading', { name: 'Welkom, Pieter Janssens', level: 1 })).toBeVisible();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain('eyJ');
    await expectAccessible(page, 'home');
    await screenshot(page, '02-home-detective');

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await expect(page.getByText('U bent afgemeld.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Aanmelden als Pieter Janssens' })).toBeVisible();
  });

  test('the navigation shows only the sections of the user’s roles', async ({ page }) => {
    await signIn(page, 'An Peeters');
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(nav.getByRole('heading', { name: 'Onthaal' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Nieuwe melding' })).toBeVisible();
    await expect(nav.getByRole('heading', { name: 'Recherche' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await signIn(page, 'Marc Goossens');
    // The evidence desk's section, with its screens (no longer announced as coming).
    await expect(nav.getByRole('heading', { name: 'Inbeslagnames' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Inbeslaggenomen items' })).toBeVisible();
    await expect(page.getByText('De schermen van dit onderdeel volgen in een volgende versie.')).toHaveCount(0);
    await expect(
      page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Meldingen en aangiften' }),
    ).toHaveCount(0);
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await signIn(page, 'Marc Goossens', '/reports/new');
    await expect(page.getByRole('alert')).toContainText('U hebt geen toegang tot dit onderdeel of dit dossier.');
  });

  test('a request the server refuses as unauthenticated (a token it no longer accepts) brings the user back to sign-in, on the page they were on', async ({
    page,
  }) => {
    await signIn(page, 'An Peeters');
    // The issuer's key changes when the product restarts: a token it did not sign is what such a session holds.
    await page.route('**/api/reports?**', (route) =>
      route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln' } }),
    );
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Meldingen en aangiften' }).click();
    await expect(page.getByText('Uw sessie is verlopen of beëindigd. Meld u opnieuw aan.')).toBeVisible();
    await expect(page).toHaveURL(/\/reports$/);
    await page.unroute('**/api/reports?**');
    await page.getByRole('button', { name: 'Aanmelden als An Peeters' }).click();
    await expect(page.getByRole('heading', { name: 'Meldingen en aangiften', level: 1 })).toBeVisible();
  });
});
