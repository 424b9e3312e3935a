import { expect, Page, test } from '@playwright/test';
import { expectAccessible, reportByDesk, screenshot, signIn } from './support';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Opens a desk screen through the navigation, as a user on a tablet does (the navigation folds away below 992 px). */
async function open(page: Page, link: string, heading: string | RegExp) {
  if ((page.viewportSize()?.width ?? 0) < 992) await page.getByRole('button', { name: /^(Navigatie openen|Open navigation)$/ }).click();
  await page
    .getByRole('navigation', { name: /^(Hoofdnavigatie|Main navigation)$/ })
    .getByRole('link', { name: link })
    .click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

for (const [name, viewport] of [
  ['tablet-landscape', { width: 1024, height: 768 }],
  ['tablet-portrait', { width: 768, height: 1024 }],
] as const) {
  test(`the desk's screens fit a ${name} screen (${viewport.width}×${viewport.height}) without horizontal scrolling`, async ({
    page,
    request,
  }) => {
    const id = await reportByDesk(request, `Fiets gestolen aan de Coupure (${name}).`);
    await page.setViewportSize(viewport);
    await signIn(page, 'An Peeters');
    const screens: [string, string | RegExp, string][] = [
      ['Nieuwe melding', 'Nieuwe melding', 'intake'],
      ['Gevonden of verloren voorwerp', 'Gevonden of verloren voorwerp', 'declaration'],
      ['Werklijst', 'Werklijst', 'worklist'],
      ['Statistieken', 'Statistieken', 'statistics'],
      ['Meldingen en aangiften', 'Meldingen en aangiften', 'list'],
    ];
    for (const [link, heading, shot] of screens) {
      await open(page, link, heading);
      if (shot === 'statistics') await expect(page.getByRole('region', { name: 'Per week' }).getByRole('img')).toBeVisible();
      if (shot === 'worklist') await expect(page.locator(`a[href="/reports/${id}"]`)).toBeVisible();
      expect(await overflow(page), `horizontal scrolling on ${shot}`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `${shot} on ${name}`);
      await screenshot(page, `desk-60-${shot}-${name}`);
    }
    await page.locator(`a[href="/reports/${id}"]`).first().click();
    await expect(page.getByRole('heading', { name: /^Aangifte van /, level: 1 })).toBeVisible();
    await page.getByRole('region', { name: 'Acties' }).getByRole('button', { name: 'Toewijzen aan dienst' }).click();
    await expect(page.getByRole('dialog', { name: 'Toewijzen aan de bevoegde dienst' })).toBeVisible();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, `assign dialog on ${name}`);
    await screenshot(page, `desk-61-report-assign-${name}`);
  });
}

test('the desk works in English: the work list, a report and its actions, statistics — labels and codes as words', async ({
  page,
  request,
}) => {
  const id = await reportByDesk(request, 'Bicycle stolen at the Korenlei.');
  await signIn(page, 'An Peeters', '/reports/deadlines');
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Work list', level: 1 })).toBeVisible();
  const line = page
    .getByRole('region', { name: /^Waiting for a PV/ })
    .getByRole('row')
    .filter({ has: page.locator(`a[href="/reports/${id}"]`) });
  await expect(line).toContainText('Complaint (aangifte): fietsdiefstal');
  await expect(line).toContainText('On time');
  await expectAccessible(page, 'work list in English');
  await screenshot(page, 'desk-70-worklist-en');

  await line.getByRole('link').click();
  await expect(page.getByRole('heading', { name: /^Complaint \(aangifte\) of \d\d\/\d\d\/\d{4}$/, level: 1 })).toBeVisible();
  const actions = page.getByRole('region', { name: 'Actions' });
  await expect(actions.getByRole('button', { name: 'Request an investigation' })).toBeEnabled();
  await expect(page.getByRole('region', { name: 'Facts' })).toContainText('Front desk');
  await expectAccessible(page, 'report in English');
  await screenshot(page, 'desk-71-report-en');

  await open(page, 'Statistics', 'Statistics');
  await expect(page.getByRole('region', { name: 'By kind' }).getByRole('img', { name: /^By kind: \d+ groups?, / })).toBeVisible();
  await expectAccessible(page, 'statistics in English');
  await screenshot(page, 'desk-72-statistics-en');
});
