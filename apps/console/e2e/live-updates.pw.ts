import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { expectAccessible, reportByDesk, screenshot, signIn, tokenFor } from './support';

/** Marks the page's document: still marked later means the screen changed without a reload. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { liveTestDocument: 'unchanged' }));
}
async function expectSameDocument(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { liveTestDocument?: string }).liveTestDocument)).toBe('unchanged');
}

/** A report taken in at the desk by GAK's clerk (a front-desk role), through the API. */
async function reportByWim(request: APIRequestContext, incidentType: string): Promise<void> {
  const res = await request.post('/api/reports', {
    headers: { authorization: `Bearer ${await tokenFor(request, 'wim.debacker')}` },
    data: {
      kind: 'melding',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-44',
      incidentType,
      timeWindow: { from: '2026-11-19T08:00:00+01:00', to: '2026-11-19T09:00:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Dampoortstraat 2' },
      narrative: 'Gsm gestolen op de tram.',
      parties: [{ name: 'L. Aerts', roles: ['reporter', 'victim'] }],
    },
  });
  expect(res.status()).toBe(201);
}

test.describe('live updates', () => {
  test('what one officer changes appears on the other’s screen without a reload: the report on screen, then the list', async ({
    browser,
    request,
  }) => {
    const id = await reportByDesk(request, 'Fiets gestolen aan de Dampoort, rood.');
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const an = await first.newPage();
      const wim = await second.newPage();
      await signIn(an, 'An Peeters', `/reports/${id}`);
      await expect(an.getByText('Fiets gestolen aan de Dampoort, rood.')).toBeVisible();
      await markDocument(an);

      // The clerk amends the report in his browser.
      await signIn(wim, 'Wim De Backer', `/reports/${id}`);
      await wim.getByRole('region', { name: 'Acties' }).getByRole('button', { name: 'Wijzigen' }).click();
      await wim.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Fiets gestolen aan de Dampoort, rood, merk Oxford.');
      await wim.getByRole('textbox', { name: 'Reden van de wijziging' }).fill('Merk nagevraagd bij de melder');
      await wim.getByRole('button', { name: 'Wijziging opslaan' }).click();
      await expect(wim.getByText('Wijziging opgeslagen.')).toBeVisible();

      // The desk officer's screen shows it: the new statement and the amendment, the same page.
      await expect(an.getByText('Fiets gestolen aan de Dampoort, rood, merk Oxford.')).toBeVisible();
      await expect(an.getByRole('region', { name: 'Wijzigingen' })).toContainText('Merk nagevraagd bij de melder');
      await expectSameDocument(an);
      await expectAccessible(an, 'report updated live');
      await screenshot(an, 'live-01-report-updated');

      // The list: a report taken in elsewhere appears in it.
      await an.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Meldingen en aangiften' }).click();
      await expect(an.getByRole('heading', { name: 'Meldingen en aangiften', level: 1 })).toBeVisible();
      const incident = `gsm-diefstal tram ${Date.now()}`;
      await expect(an.getByRole('row').filter({ hasText: incident })).toHaveCount(0);
      await reportByWim(request, incident);
      await expect(an.getByRole('row').filter({ hasText: incident })).toHaveCount(1);
      await expectSameDocument(an);
      await screenshot(an, 'live-02-list-updated');
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('an edit in progress is not overwritten: the change waits, and saving is told it changed meanwhile', async ({
    browser,
    request,
  }) => {
    const id = await reportByDesk(request, 'Portefeuille verloren op tram 1.');
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const an = await first.newPage();
      const wim = await second.newPage();
      await signIn(an, 'An Peeters', `/reports/${id}`);
      await an.getByRole('region', { name: 'Acties' }).getByRole('button', { name: 'Wijzigen' }).click();
      await an.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Portefeuille verloren op tram 1, bruin leder.');

      await signIn(wim, 'Wim De Backer', `/reports/${id}`);
      await wim.getByRole('region', { name: 'Acties' }).getByRole('button', { name: 'Wijzigen' }).click();
      await wim.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Portefeuille verloren op tram 4.');
      await wim.getByRole('textbox', { name: 'Reden van de wijziging' }).fill('Lijn verbeterd door de melder');
      await wim.getByRole('button', { name: 'Wijziging opslaan' }).click();
      await expect(wim.getByText('Wijziging opgeslagen.')).toBeVisible();

      // Her draft stays as she typed it.
      await an.getByRole('textbox', { name: 'Reden van de wijziging' }).fill('Kleur toegevoegd');
      await expect(an.getByRole('textbox', { name: 'Relaas', exact: true })).toHaveValue('Portefeuille verloren op tram 1, bruin leder.');
      await an.getByRole('button', { name: 'Wijziging opslaan' }).click();
      const conflict = an.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
      await expect(conflict).toBeVisible();
      await conflict.getByRole('button', { name: 'Nieuwe versie laden' }).click();
      await expect(an.getByRole('textbox', { name: 'Relaas', exact: true })).toHaveValue('Portefeuille verloren op tram 4.');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
