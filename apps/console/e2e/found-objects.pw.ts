import { randomUUID } from 'node:crypto';
import { expect as baseExpect, test } from '@playwright/test';
import { choose } from './investigations.support';
import { expectAccessible, reportAs, screenshot, signIn } from './support';

// Two cores shared with other engineers' builds (load average 20-30 seen): screens may take longer than the default 10 s to answer.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe('found objects (POPP)', () => {
  test.describe.configure({ timeout: 180_000 });

  test('the front desk registers a found wallet, searches its owner, matches the loss declaration and returns it after checking the identity; the holding period is shown throughout', async ({
    page,
    request,
  }) => {
    const marker = `${Date.now()}`;
    const declarant = randomUUID();
    await reportAs(request, 'an.peeters', {
      kind: 'loss_declaration',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-9',
      timeWindow: { from: '2026-11-30T08:00:00+01:00', to: '2026-11-30T18:00:00+01:00' },
      place: { municipality: 'Gent', address: 'Korenmarkt, tramhalte' },
      narrative: 'Portefeuille verloren op de tram',
      parties: [{ partyId: declarant, name: 'E. Wouters', roles: ['reporter'] }],
      object: { description: `Bruine portefeuille ${marker}`, category: 'wallet' },
    });

    await signIn(page, 'An Peeters', '/found-objects');
    await expect(page.getByRole('heading', { name: 'Gevonden voorwerpen', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Gevonden voorwerp registreren' }).click();
    await expect(page.getByRole('heading', { name: 'Gevonden voorwerp registreren', level: 1 })).toBeVisible();
    await choose(page, 'Soort', 'Portefeuille');
    await page.getByRole('textbox', { name: 'Omschrijving' }).fill(`Bruine lederen portefeuille, bankkaart op naam E. W. ${marker}`);
    await page.getByRole('textbox', { name: 'Adres' }).fill('Korenmarkt 1');
    await expectAccessible(page, 'register found object');
    await screenshot(page, 'popp-01-register');
    await page.getByRole('button', { name: 'Registreren' }).click();

    await expect(
      page.getByRole('heading', { name: `Bruine lederen portefeuille, bankkaart op naam E. W. ${marker}`, level: 1 }),
    ).toBeVisible();
    const facts = page.getByRole('region', { name: 'Gegevens' });
    await expect(facts).toContainText('nog 183 dagen');
    await expect(facts).toContainText('De zone bewaart deze soort 183 dagen.');
    // The front desk does not hand over or destroy; that is the evidence desk's, after the period.
    await expect(page.getByRole('button', { name: 'Vernietigen' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Eigenaar opsporen' }).click();
    const search = page.getByRole('dialog', { name: 'Eigenaar opsporen' });
    await search.getByRole('textbox', { name: 'Hoe wordt de eigenaar gezocht?' }).fill('Bankkaart: bank gecontacteerd');
    await search.getByRole('button', { name: 'Eigenaar opsporen' }).click();
    await expect(facts).toContainText('Bankkaart: bank gecontacteerd');

    await page.getByRole('button', { name: 'Koppelen aan verliesaangifte' }).click();
    const match = page.getByRole('dialog', { name: 'Koppelen aan verliesaangifte' });
    await match.getByRole('combobox', { name: 'Verliesaangifte' }).click();
    await page
      .getByRole('option')
      .filter({ hasText: `Bruine portefeuille ${marker}` })
      .click();
    await expectAccessible(page, 'match loss declaration');
    await screenshot(page, 'popp-02-match');
    await match.getByRole('button', { name: 'Koppelen' }).click();
    await expect(facts).toContainText('1 gekoppeld');

    await page.getByRole('button', { name: 'Teruggeven aan de eigenaar' }).click();
    const give = page.getByRole('dialog', { name: 'Teruggeven aan de eigenaar' });
    await give.getByRole('textbox', { name: 'Eigenaar (referentie)' }).fill(declarant);
    await give.getByRole('textbox', { name: 'Bewijs van eigendom' }).fill('Bankkaart op haar naam, beschrijft de inhoud');
    await give.getByRole('button', { name: 'Teruggeven' }).click();
    await expect(give.getByText('Een voorwerp wordt pas teruggegeven na controle van de identiteit.')).toBeVisible();
    await give.getByRole('checkbox', { name: 'De houder van het document is de eigenaar' }).check();
    await expectAccessible(page, 'return with identity check');
    await screenshot(page, 'popp-03-return');
    await give.getByRole('button', { name: 'Teruggeven' }).click();
    await expect(give).toBeHidden();
    await expect(facts).toContainText('teruggegeven');
    await expect(page.getByRole('region', { name: 'Acties' })).toHaveCount(0);
  });

  test('the evidence desk hands an unclaimed object to an organisation once its holding period is over, and may not before', async ({
    page,
  }) => {
    const marker = `${Date.now()}`;
    await signIn(page, 'Marc Goossens', '/found-objects/new');
    await choose(page, 'Soort', 'Kleding');
    await page.getByRole('textbox', { name: 'Omschrijving' }).fill(`Blauwe regenjas maat M ${marker}`);
    await page.getByRole('button', { name: 'Registreren' }).click();
    await expect(page.getByRole('heading', { name: `Blauwe regenjas maat M ${marker}`, level: 1 })).toBeVisible();
    // This zone holds clothing 0 days (playwright.config.ts): the period is over at once.
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('termijn verstreken');
    await page.getByRole('button', { name: 'Overdragen aan een organisatie' }).click();
    const handOver = page.getByRole('dialog', { name: 'Overdragen aan een organisatie' });
    await handOver.getByRole('textbox', { name: 'Organisatie', exact: true }).fill('Kringwinkel Gent');
    await handOver.getByRole('textbox', { name: 'Referentie van de organisatie' }).fill('BE0412345678');
    await handOver.getByRole('textbox', { name: 'Referentie van het ontvangstbewijs' }).fill('KW-2026-118');
    await handOver.getByRole('button', { name: 'Overdragen' }).click();
    await expect(handOver).toBeHidden();
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('overgedragen aan een organisatie');

    // A wallet registered now is held 183 days: hand-over and destruction wait, and the screen says until when.
    await page.getByRole('link', { name: '← Gevonden voorwerpen' }).click();
    await page.getByRole('link', { name: 'Gevonden voorwerp registreren' }).click();
    await choose(page, 'Soort', 'Portefeuille');
    await page.getByRole('textbox', { name: 'Omschrijving' }).fill(`Zwarte portefeuille ${marker}`);
    await page.getByRole('button', { name: 'Registreren' }).click();
    await expect(page.getByRole('button', { name: 'Overdragen aan een organisatie' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Vernietigen' })).toBeDisabled();
    await expect(page.getByText('Overdragen of vernietigen kan pas na de wettelijke bewaartermijn, op')).toBeVisible();
    await expectAccessible(page, 'found object held');
    await screenshot(page, 'popp-04-held');

    await page.getByRole('link', { name: '← Gevonden voorwerpen' }).click();
    await expect(page.getByRole('heading', { name: 'Gevonden voorwerpen', level: 1 })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: `Zwarte portefeuille ${marker}` })).toContainText('nog 183 dagen');
    await expect(page.getByRole('row').filter({ hasText: `Blauwe regenjas maat M ${marker}` })).toHaveCount(0);
    await expectAccessible(page, 'found objects register');
    await screenshot(page, 'popp-05-list');
  });
});
