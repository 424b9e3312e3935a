import { expect, Page, test } from '@playwright/test';
import { apiGet, choose, expectAccessible, reportByDesk, screenshot, signIn } from './support';

const COMPLAINT = 'Agent duwde mij hardhandig tegen de muur bij een controle aan de Korenmarkt.';

async function openedReportId(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

test.describe('need-to-know at the desk: a complaint about police conduct goes to integrity', () => {
  test('taken in at the desk, the complaint leaves only a pointer; the officer it names cannot find even that', async ({
    browser,
    request,
  }) => {
    const deskContext = await browser.newContext();
    const officerContext = await browser.newContext();
    try {
      const page = await deskContext.newPage();
      await signIn(page, 'An Peeters', '/reports/new');
      await choose(page, 'Soort', 'Klacht');
      await page.getByRole('textbox', { name: 'Feit' }).fill('onheus optreden');
      await choose(page, 'Kantoor', 'Algemeen Politiecentrum Gent (APG) (op afspraak)');
      await page.getByRole('textbox', { name: 'Afspraakreferentie' }).fill('APT-2026-2001');
      await page.getByRole('textbox', { name: 'Van', exact: true }).fill('03/12/2026 14:00');
      await page.getByRole('textbox', { name: 'Tot', exact: true }).fill('03/12/2026 14:20');
      await page.getByRole('textbox', { name: 'Gemeente' }).fill('Gent');
      const party = page.getByRole('group', { name: 'Betrokkene 1' });
      await party.getByRole('textbox', { name: 'Naam' }).fill('M. Verbeke');
      await party.getByRole('checkbox', { name: 'Slachtoffer' }).check();
      await page.getByRole('textbox', { name: 'Relaas', exact: true }).fill(COMPLAINT);
      await page.getByRole('checkbox', { name: 'Klacht over een politiemedewerker' }).check();
      const staff = page.getByRole('combobox', { name: 'Betrokken medewerkers' });
      await staff.fill('5415-0201');
      await staff.press('Enter');
      await expectAccessible(page, 'intake of a conduct complaint');
      await screenshot(page, 'desk-30-intake-conduct-complaint');
      await page.getByRole('button', { name: 'Melding opnemen' }).click();

      await expect(page.getByText('Klacht opgenomen en doorgestuurd naar Intern Toezicht.')).toBeVisible();
      const id = await openedReportId(page);
      await expect(page.getByRole('heading', { name: 'Melding', level: 1 })).toBeVisible();
      await expect(
        page.getByText(
          'Deze melding betreft het optreden van de politie en werd doorgestuurd naar Intern Toezicht. Hier blijft enkel de verwijzing.',
        ),
      ).toBeVisible();
      await expect(page.getByText(COMPLAINT)).toHaveCount(0);
      await expect(page.getByText('M. Verbeke')).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'Acties' })).toHaveCount(0);
      await expectAccessible(page, 'pointer of a routed complaint');
      await screenshot(page, 'desk-31-routed-pointer');

      await page.getByRole('link', { name: 'Terug naar de lijst' }).click();
      const pointer = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^Verwijzing van / }) });
      await expect(pointer.first()).toContainText('Doorgestuurd naar Intern Toezicht');
      await expect(page.getByText('onheus optreden')).toHaveCount(0);
      // Not even its kind or office reaches the desk's list or the statistics.
      const stats = await apiGet<{ groups: { key: { incidentType?: string } }[] }>(
        request,
        'an.peeters',
        '/api/reports/statistics?groupBy=incidentType',
      );
      expect(stats.body.groups.map((g) => g.key.incidentType)).not.toContain('onheus optreden');

      // Pieter Janssens is the officer it names: the pointer is, for him, a report that does not exist.
      const officer = await officerContext.newPage();
      await signIn(officer, 'Pieter Janssens', `/reports/${id}`);
      await expect(officer.getByRole('alert')).toContainText('Dit dossier bestaat niet, of u hebt er geen toegang toe.');
      await expect(officer.getByText('Deze melding betreft het optreden van de politie')).toHaveCount(0);
      await expectAccessible(officer, 'routed complaint opened by the officer it names');
      await screenshot(officer, 'desk-32-routed-hidden-from-officer');
    } finally {
      await deskContext.close();
      await officerContext.close();
    }
  });

  test('an amendment that says the report concerns police conduct routes it in the same request', async ({ page, request }) => {
    const id = await reportByDesk(request, 'Fiets gestolen; bij de aangifte werd de melder door een agent uitgelachen.');
    await signIn(page, 'An Peeters', `/reports/${id}`);
    await page.getByRole('region', { name: 'Acties' }).getByRole('button', { name: 'Wijzigen' }).click();
    const amend = page.getByRole('form', { name: 'Melding wijzigen' });
    await amend.getByRole('checkbox', { name: 'Klacht over een politiemedewerker' }).check();
    await expect(amend.getByRole('status').filter({ hasText: 'Opgelet' })).toContainText(
      'gaat de melding bij het opslaan naar Intern Toezicht',
    );
    await amend.getByRole('textbox', { name: 'Reden van de wijziging' }).fill('Melder wil klacht indienen over het onthaal');
    await expectAccessible(page, 'amendment to a conduct complaint');
    await amend.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await expect(page.getByText('De melding werd doorgestuurd naar Intern Toezicht.')).toBeVisible();
    await expect(page.getByText('Hier blijft enkel de verwijzing.', { exact: false })).toBeVisible();
    await expect(page.getByText('uitgelachen', { exact: false })).toHaveCount(0);
  });
});
