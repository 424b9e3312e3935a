import { expect, test } from '@playwright/test';
import { choose, expectAccessible, pvByDesk, reportAs, reportByDesk, screenshot, signIn } from './support';

test.describe('the desk work list and the reports list', () => {
  test('a report waiting for its PV is on the work list and opens; once its PV is submitted, the PV waits for GAK, overdue, and its line opens the PV', async ({
    page,
    request,
  }) => {
    const id = await reportByDesk(request, 'Fiets gestolen op de Vrijdagmarkt, werklijst.');
    await signIn(page, 'An Peeters');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Werklijst' }).click();
    await expect(page.getByRole('heading', { name: 'Werklijst', level: 1 })).toBeFocused();
    const waiting = page.getByRole('region', { name: /^Wacht op een PV/ });
    const line = waiting.getByRole('row').filter({ has: page.locator(`a[href="/reports/${id}"]`) });
    await expect(line).toContainText('Aangifte: fietsdiefstal');
    await expect(line).toContainText('Onthaal, Algemeen Politiecentrum Gent (APG)');
    await expect(line).toContainText('Op tijd');
    await expectAccessible(page, 'work list');
    await screenshot(page, 'desk-40-worklist');

    // From the line to the report, and from there to the PV's draft (GAK's screens; their flow is in gak-*.pw.ts).
    await line.getByRole('link').click();
    await expect(page.getByRole('heading', { name: /^Aangifte van /, level: 1 })).toBeVisible();
    await page.getByRole('region', { name: "PV's" }).getByRole('link', { name: 'PV opstellen' }).click();
    await expect(page.getByRole('heading', { name: 'PV opstellen', level: 1 })).toBeVisible();
    const pvId = await pvByDesk(request, id);

    // Back on the work list: no longer waiting for a PV; its PV waits for GAK, past this zone's one-second limit.
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Werklijst' }).click();
    await expect(waiting.locator(`a[href="/reports/${id}"]`)).toHaveCount(0);
    const checking = page.getByRole('region', { name: /^PV wacht op kwaliteitscontrole/ });
    const pvLine = checking.getByRole('row').filter({ has: page.locator(`a[href="/pvs/${pvId}"]`) });
    await expect(pvLine.getByRole('link', { name: 'Ter kwaliteitscontrole, nog geen nummer' })).toBeVisible();
    await expect(async () => {
      await page.getByRole('button', { name: 'Vernieuwen' }).click();
      await expect(pvLine).toContainText('Over tijd', { timeout: 1_000 });
    }).toPass();
    await expect(checking.getByText(/\d+ over tijd/)).toBeVisible();
    // Only what is overdue: the reports still on time leave the list.
    await page.getByRole('switch', { name: 'Enkel wat over tijd is' }).check();
    await expect(waiting.getByText('Op tijd')).toHaveCount(0);
    await expect(pvLine).toBeVisible();
    await expectAccessible(page, 'work list, overdue only');
    await screenshot(page, 'desk-42-worklist-overdue');
    // The PV's line opens the PV, where its author follows GAK's check.
    await pvLine.getByRole('link', { name: 'Ter kwaliteitscontrole, nog geen nummer' }).click();
    await expect(page).toHaveURL(new RegExp(`/pvs/${pvId}$`));
    await expect(page.getByText('Dit PV wacht op de kwaliteitscontrole van GAK/DIAK.')).toBeVisible();
  });

  test('the reports list filters by kind, channel, status, office and period, and pages', async ({ page, request }) => {
    const online = await reportAs(request, 'an.peeters', {
      kind: 'klacht',
      channel: { kind: 'police_on_web' },
      incidentType: 'oplichting via internet',
      timeWindow: { from: '2026-12-01T10:00:00+01:00', to: '2026-12-01T11:00:00+01:00' },
      place: { municipality: 'Gent' },
      narrative: 'Betaald voor een fiets op een verkoopsite, nooit geleverd.',
      parties: [{ name: 'W. Smet', roles: ['reporter', 'victim'] }],
    });
    const walkIn = await reportByDesk(request, 'Fiets gestolen, lijstfilter.');
    await signIn(page, 'An Peeters', '/reports');
    const link = (id: string) => page.locator(`a[href="/reports/${id}"]`);
    await expect(link(online)).toBeVisible();
    await expect(link(walkIn)).toBeVisible();

    await choose(page, 'Kanaal', 'Police-on-web');
    await expect(page).toHaveURL(/channel=police_on_web/);
    await expect(link(walkIn)).toHaveCount(0);
    await expect(link(online)).toBeVisible();
    for (const row of await page.getByRole('row').all()) {
      const text = await row.textContent();
      if (text && !text.startsWith('Ontvangen')) expect(text).toContain('Police-on-web');
    }
    await choose(page, 'Soort', 'Klacht');
    await choose(page, 'Status', 'Ontvangen');
    await expect(link(online)).toBeVisible();
    await choose(page, 'Soort', 'Aangifte');
    await expect(page.getByText('Geen meldingen met deze filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(link(walkIn)).toBeVisible();

    await choose(page, 'Kantoor', 'Algemeen Politiecentrum Gent (APG)');
    await expect(link(walkIn)).toBeVisible();
    await expect(link(online)).toHaveCount(0);
    // A period that ended before today leaves out what came in today.
    await page.getByRole('textbox', { name: 'Ontvangen tot en met' }).click();
    await page.getByRole('textbox', { name: 'Ontvangen tot en met' }).fill('01/01/2026');
    await page.getByRole('textbox', { name: 'Ontvangen tot en met' }).press('Enter');
    await expect(page).toHaveURL(/to=2026-01-01/);
    await expect(link(walkIn)).toHaveCount(0);
    await expectAccessible(page, 'reports list with filters');
    await screenshot(page, 'desk-43-list-filters');
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Meldingen 1–\d+$/ })).toBeVisible();
  });

  test('the list pages by fifty', async ({ page, request }) => {
    const office = { kind: 'front_desk', officeId: 'commissariaat-centrum' };
    for (let i = 1; i <= 51; i++) {
      await reportAs(request, 'an.peeters', {
        kind: 'melding',
        channel: office,
        narrative: `Sluikstort nummer ${i} aan de Coupure.`,
        parties: [{ name: 'Buurtbewoner', roles: ['reporter'] }],
      });
    }
    await signIn(page, 'An Peeters', '/reports?office=commissariaat-centrum');
    await expect(page.getByRole('status').filter({ hasText: 'Meldingen 1–50' })).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(51);
    await page.getByRole('button', { name: 'Pagina 2' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Meldingen 51–51' })).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(2);
    await expect(page).toHaveURL(/page=2/);
    await page.getByRole('button', { name: 'Vorige' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Meldingen 1–50' })).toBeVisible();
  });
});
