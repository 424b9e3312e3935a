import { expect, test } from '@playwright/test';
import { apiGet, choose, expectAccessible, screenshot, signIn } from './support';

test.describe('found objects and losses at the desk', () => {
  test('a found object is declared, read back, and reaches the found-objects service; a loss likewise', async ({ page, request }) => {
    await signIn(page, 'An Peeters');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Gevonden of verloren voorwerp' }).click();
    await expect(page.getByRole('heading', { name: 'Gevonden of verloren voorwerp', level: 1 })).toBeFocused();
    await expect(page.getByRole('combobox', { name: 'Soort', exact: true })).toHaveValue('Aangifte gevonden voorwerp');

    // A declaration says what and where: the form checks it before sending.
    await page.getByRole('button', { name: 'Melding opnemen' }).click();
    await expect(page.getByRole('textbox', { name: 'Beschrijving van het voorwerp' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: 'Gemeente' })).toHaveAttribute('aria-invalid', 'true');

    await page
      .getByRole('textbox', { name: 'Beschrijving van het voorwerp' })
      .fill('Zwarte lederen portefeuille met bankkaart op naam van J. Peeters');
    await choose(page, 'Soort voorwerp', 'Portefeuille');
    await choose(page, 'Kanaal', 'Onthaal');
    await choose(page, 'Kantoor', 'Commissariaat Noord (op afspraak)');
    await page.getByRole('textbox', { name: 'Van', exact: true }).fill('04/12/2026 16:00');
    await page.getByRole('textbox', { name: 'Tot', exact: true }).fill('04/12/2026 16:30');
    await page.getByRole('textbox', { name: 'Gemeente' }).fill('Gent');
    await page.getByRole('textbox', { name: 'Adres' }).fill('Dampoort, tramhalte');
    await page.getByRole('group', { name: 'Betrokkene 1' }).getByRole('textbox', { name: 'Naam' }).fill('S. Desmet (vinder)');
    await page.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Gevonden op de bank van de tramhalte.');
    await expectAccessible(page, 'found-object declaration');
    await screenshot(page, 'desk-20-declaration-found');
    await page.getByRole('button', { name: 'Melding opnemen' }).click();

    await expect(page.getByText('Voorwerp geregistreerd; het gaat naar de dienst gevonden voorwerpen.')).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Aangifte gevonden voorwerp van \d\d\/\d\d\/\d{4}$/, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Feiten' })).toContainText(
      'Portefeuille: Zwarte lederen portefeuille met bankkaart op naam van J. Peeters',
    );
    // No investigation comes of a declaration: the action says why.
    await expect(page.getByRole('region', { name: 'Acties' })).toContainText(
      'Een aangifte gevonden voorwerp leidt niet tot een onderzoek.',
    );
    await expectAccessible(page, 'found-object declaration read back');
    await screenshot(page, 'desk-21-declaration-detail');

    // The evidence desk's found-objects register has it (reports.FoundObjectDeclared.v1).
    await expect
      .poll(async () => {
        const { body } = await apiGet<{ foundObjects: { description: string; category: string; status: string }[] }>(
          request,
          'marc.goossens',
          '/api/evidence/found-objects',
        );
        return body.foundObjects.filter((o) => o.description.startsWith('Zwarte lederen portefeuille')).map((o) => [o.category, o.status]);
      })
      .toEqual([['wallet', 'held']]);

    // A loss, through the same screen.
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Gevonden of verloren voorwerp' }).click();
    await choose(page, 'Soort', 'Verliesaangifte');
    await page.getByRole('textbox', { name: 'Beschrijving van het voorwerp' }).fill('Grijze rugzak met laptop');
    await choose(page, 'Soort voorwerp', 'Tas');
    await choose(page, 'Kanaal', 'Police-on-web');
    await page.getByRole('textbox', { name: 'Gemeente' }).fill('Gent');
    await page.getByRole('group', { name: 'Betrokkene 1' }).getByRole('textbox', { name: 'Naam' }).fill('T. Claeys');
    await page.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Rugzak vergeten op bus 3.');
    await page.getByRole('button', { name: 'Melding opnemen' }).click();
    await expect(page.getByRole('heading', { name: /^Verliesaangifte van \d\d\/\d\d\/\d{4}$/, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Feiten' })).toContainText('Tas: Grijze rugzak met laptop');
  });
});
