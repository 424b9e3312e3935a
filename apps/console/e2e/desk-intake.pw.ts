import { expect, Page, test } from '@playwright/test';
import { choose, expectAccessible, screenshot, signIn } from './support';

async function party(page: Page, n: number, name: string, roles: string[]) {
  const group = page.getByRole('group', { name: `Betrokkene ${n}` });
  await group.getByRole('textbox', { name: 'Naam' }).fill(name);
  for (const role of roles) await group.getByRole('checkbox', { name: role }).check();
}

test.describe('the desk takes in reports of every kind and channel', () => {
  test('a klacht from Police-on-web with a motive and victim support wanted', async ({ page }) => {
    await signIn(page, 'An Peeters', '/reports/new');
    await choose(page, 'Soort', 'Klacht');
    // An aangifte or klacht says what and when: the form says so before it is sent.
    await expect(page.getByText('Een aangifte of klacht zegt welk feit en wanneer.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Feit' }).fill('bedreiging');
    await choose(page, 'Kanaal', 'Police-on-web');
    await expect(page.getByRole('combobox', { name: 'Kantoor' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Afspraakreferentie' })).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Van', exact: true }).fill('01/12/2026 22:00');
    await page.getByRole('textbox', { name: 'Tot', exact: true }).fill('01/12/2026 22:30');
    await page.getByRole('textbox', { name: 'Gemeente' }).fill('Gent');
    await page.getByRole('textbox', { name: 'Adres' }).fill('Vlasmarkt');
    await party(page, 1, 'K. De Vos', ['Slachtoffer']);
    await page.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await party(page, 2, 'onbekende man', ['Verdachte']);
    await page.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Uitgescholden en bedreigd bij het verlaten van een café.');
    await page.getByRole('checkbox', { name: 'Homofoob' }).check();
    await page.getByRole('checkbox', { name: 'Slachtofferbejegening gewenst' }).check();
    await expectAccessible(page, 'intake of a Police-on-web klacht');
    await screenshot(page, 'desk-01-intake-police-on-web');

    await page.getByRole('button', { name: 'Melding opnemen' }).click();
    await expect(page.getByRole('heading', { name: /^Klacht van \d\d\/\d\d\/\d{4}$/, level: 1 })).toBeVisible();
    const facts = page.getByRole('region', { name: 'Feiten' });
    await expect(facts).toContainText('Police-on-web');
    await expect(facts).toContainText('bedreiging');
    await expect(facts).toContainText('01/12/2026 22:00 tot 01/12/2026 22:30');
    await expect(facts).not.toContainText('Kantoor');
    const particulars = page.getByRole('region', { name: 'Bijzonderheden' });
    await expect(particulars).toContainText('Homofoob');
    await expect(particulars).toContainText('Ja');
    await expect(page.getByRole('row', { name: /K\. De Vos/ })).toContainText('Melder, Slachtoffer');
    await expect(page.getByRole('row', { name: /onbekende man/ })).toContainText('Verdachte');
  });

  test('a melding from the meldpunt needs neither an incident type nor a time window', async ({ page }) => {
    await signIn(page, 'An Peeters', '/reports/new');
    await choose(page, 'Soort', 'Melding');
    await choose(page, 'Kanaal', 'Meldpunt (e-mail)');
    await party(page, 1, 'Stad Gent, dienst wegen', []);
    await page
      .getByRole('textbox', { name: 'Relaas', exact: true })
      .fill('Verkeerslicht op het kruispunt Kortrijksesteenweg staat al een week op oranje knipperlicht.');
    await page.getByRole('button', { name: 'Melding opnemen' }).click();
    await expect(page.getByRole('heading', { name: /^Melding van \d\d\/\d\d\/\d{4}$/, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Feiten' })).toContainText('Meldpunt (e-mail)');
    await expect(page.getByRole('row', { name: /Stad Gent, dienst wegen/ })).toContainText('Melder');
  });

  test('an urgent aangifte at a desk that works by appointment is taken in without one; the form says the rule beforehand', async ({
    page,
  }) => {
    await signIn(page, 'An Peeters', '/reports/new');
    await choose(page, 'Soort', 'Aangifte');
    await page.getByRole('textbox', { name: 'Feit' }).fill('diefstal met geweld');
    await choose(page, 'Kantoor', 'Commissariaat Zuid (op afspraak)');
    const appointment = page.getByRole('textbox', { name: 'Afspraakreferentie' });
    await expect(
      page.getByText('Dit kantoor werkt op afspraak voor aangiften en klachten: vul de referentie in, of duid aan dat het dringend is.'),
    ).toBeVisible();
    await page.getByRole('checkbox', { name: 'Dringend' }).check();
    await expect(page.getByText('Verplicht aan een loket op afspraak, tenzij dringend.')).toBeVisible();
    await expect(appointment).toHaveValue('');
    await page.getByRole('textbox', { name: 'Van', exact: true }).fill('05/12/2026 07:10');
    await page.getByRole('textbox', { name: 'Tot', exact: true }).fill('05/12/2026 07:15');
    await page.getByRole('textbox', { name: 'Gemeente' }).fill('Gent');
    await page.getByRole('textbox', { name: 'Postcode' }).fill('9000');
    await party(page, 1, 'L. Maes', ['Slachtoffer']);
    await page
      .getByRole('textbox', { name: 'Relaas', exact: true })
      .fill('Handtas ontrukt aan de tramhalte, dader weggelopen richting Zuid.');
    await page.getByRole('button', { name: 'Melding opnemen' }).click();
    await expect(page.getByRole('heading', { name: /^Aangifte van \d\d\/\d\d\/\d{4}$/, level: 1 })).toBeVisible();
    await expect(page.getByText('Dringend', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Feiten' })).toContainText('Commissariaat Zuid');
  });

  test('the form checks the obvious before sending, each message beside its field', async ({ page }) => {
    await signIn(page, 'An Peeters', '/reports/new');
    await choose(page, 'Soort', 'Aangifte');
    await page.getByRole('textbox', { name: 'Postcode' }).fill('90');
    await page.getByRole('button', { name: 'Melding opnemen' }).click();
    await expect(page.getByRole('textbox', { name: 'Feit' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: 'Van', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Een Belgische postcode heeft vier cijfers.')).toBeVisible();
    await expect(page.getByText('Kies minstens één rol.').or(page.getByText('Dit veld is verplicht.')).first()).toBeVisible();
    await expectAccessible(page, 'intake with the form’s own checks');
    await screenshot(page, 'desk-02-intake-checks');
  });
});
