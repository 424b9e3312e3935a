import { expect, Page, test } from '@playwright/test';
import { as, referredCase } from './investigations.support';
import { expectAccessible, screenshot, signIn } from './support';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const [name, viewport] of [
  ['tablet-landscape', { width: 1024, height: 768 }],
  ['tablet-portrait', { width: 768, height: 1024 }],
] as const) {
  test(`the detectives' list and every tab of the case file fit a ${name} screen (${viewport.width}×${viewport.height}) without horizontal scrolling`, async ({
    page,
    request,
  }) => {
    const kase = await referredCase(request, `Kouter 1 ${name}`);
    const els = await as(request, 'els.jacobs');
    await els.post(`/api/investigations/${kase.id}/lead-investigator`, { staffId: '5415-0201' });
    const pieter = await as(request, 'pieter.janssens');
    await pieter.post(
      `/api/investigations/${kase.id}/tasks`,
      { title: 'Camerabeelden Kouter opvragen', assignee: '5415-0201', dueDate: '2026-12-24' },
      { 'Idempotency-Key': `tablet-task-${kase.id}` },
    );
    // A seized bicycle lock, registered at the evidence desk against the case: the case file shows it once linked.
    await pieter.post('/api/evidence/items', {
      investigationId: kase.id,
      description: 'Doorgeknipt fietsslot, zwart, merk Abus',
      category: 'other',
      quantity: { amount: 1, unit: 'piece' },
      sealNumber: `ZG-${name}`,
      packaging: 'Plastic zak, verzegeld',
      condition: 'Beugel doorgeknipt',
      seizedBy: '5415-0201',
      seizedAt: '2026-11-18T18:00:00+01:00',
      seizedPlace: `Kouter 1, Gent`,
      legalBasis: 'art. 35 Sv.',
    });
    await expect.poll(async () => (await pieter.get(`/api/investigations/${kase.id}`)).investigation.evidence.length).toBe(1);

    await page.setViewportSize(viewport);
    await signIn(page, 'Pieter Janssens');
    if (viewport.width < 992) await page.getByRole('button', { name: 'Navigatie openen' }).click();
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Mijn dossiers' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: kase.title }) });
    await expect(row).toBeVisible();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, `my cases on ${name}`);
    await screenshot(page, `inv-30-my-cases-${name}`);

    await row.getByRole('link', { name: kase.title }).click();
    await expect(page.getByRole('heading', { name: kase.title, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Team en toewijzing' })).toContainText('5415-0201 (u)');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, `case overview on ${name}`);
    await screenshot(page, `inv-31-overview-${name}`);

    const tabs: [RegExp, string, string][] = [
      [/^Betrokkenen/, 'K. Verdacht', 'parties'],
      [/^Onderzoeksdaden/, 'Nog geen verhoren.', 'actions'],
      [/^Taken/, 'Camerabeelden Kouter opvragen', 'tasks'],
      [/^Bewijs en labo/, 'Doorgeknipt fietsslot, zwart, merk Abus', 'evidence'],
      [/^Tijdlijn/, 'Leidend onderzoeker: 5415-0201', 'timeline'],
    ];
    let shot = 32;
    for (const [tab, shows, slug] of tabs) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel')).toContainText(shows);
      expect(await overflow(page), `${slug} on ${name}`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `${slug} on ${name}`);
      await screenshot(page, `inv-${shot++}-${slug}-${name}`);
    }

    // The longest form, a hearing with its Salduz fields, in a dialog that fits the screen.
    await page.getByRole('tab', { name: /^Onderzoeksdaden/ }).click();
    await page.getByRole('button', { name: 'Verhoor registreren' }).click();
    const hearing = page.getByRole('dialog', { name: 'Onderzoeksdaad registreren' });
    await expect(hearing.getByRole('combobox', { name: 'Verhoorde persoon' })).toBeVisible();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, `hearing dialog on ${name}`);
    await screenshot(page, `inv-${shot}-hearing-${name}`);
  });
}
