import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { as } from './investigations.support';
import { DIST, handedToDesk, pdfText, registeredItem } from './evidence.support';
import { expectAccessible, screenshot, signIn } from './support';

test.describe('the custody record', () => {
  test('the desk reads who held an item, where and why, verifies the chain, sees the item as it stood before the handover, and downloads a court-ready certificate', async ({
    page,
    request,
  }) => {
    // Long flows on a shared machine: many screens, axe and full-page screenshots on each.
    test.setTimeout(180_000);
    const item = await registeredItem(request, 'pieter.janssens', {
      description: 'Schroevendraaier met bloedsporen',
      category: 'trace',
      sealNumber: 'S-900001',
    });
    await handedToDesk(request, 'pieter.janssens', item, { seal: 'S-900002' });
    const desk = await as(request, 'marc.goossens');
    const record = await desk.get(`/api/evidence/items/${item.id}/custody`);
    // Just before the acceptance was stored: the offer was, the transfer not yet.
    const beforeAcceptance = new Date(Date.parse(record.entries[2].recordedAt) - 1).toISOString();

    await signIn(page, 'Marc Goossens', `/evidence/items/${item.id}`);
    await expect(page.getByRole('heading', { name: `Item ${item.item.labelNumber}`, level: 1 })).toBeVisible();
    const timeline = page.getByRole('table', { name: 'Bewaarketen: wie had het item, waar en waarom' });
    await expect(timeline.getByTestId('custody-entry')).toHaveCount(3);
    await expect(timeline).toContainText('Overdracht aanvaard');
    await expect(timeline).toContainText('Aangeboden door 5415-0201 namens Personeelslid 5415-0201');
    await expect(timeline).toContainText('Aanvaard door 5415-0301 namens Bewaarplaats bewaarplaats-apg');
    await expect(timeline).toContainText('Zegel verwacht S-900001, aangetroffen S-900002 (intact)');
    await expect(timeline).toContainText('Afwijkend zegel');
    await expect(timeline).toContainText('Balie overtuigingsstukken APG');
    await expect(timeline).toContainText(record.entries[2].hash);

    await page.getByRole('button', { name: 'Keten controleren' }).click();
    const verified = await desk.get(`/api/evidence/items/${item.id}/custody/verify`);
    await expect(page.getByRole('status').filter({ hasText: 'De keten klopt' })).toContainText(
      'De keten klopt: alle 3 vermeldingen werden nu door de server herberekend en komen overeen.',
    );
    await expect(page.getByText(`Kophash ${verified.headHash}`)).toBeVisible();
    await expectAccessible(page, 'custody record, verified');
    await screenshot(page, 'ev-13-custody-verified');

    // The item as it stood between the offer and its acceptance: still with the detective.
    // (the session lives in memory: a new address is a new sign-in)
    await signIn(page, 'Marc Goossens', `/evidence/items/${item.id}?asOf=${encodeURIComponent(beforeAcceptance)}`);
    await expect(page.getByTestId('historical-banner')).toContainText('Zo stond het item op');
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('Personeelslid 5415-0201');
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('Openstaande overdracht');
    await expect(page.getByTestId('item-actions')).toHaveCount(0);
    await expectAccessible(page, 'item as it stood then');
    await screenshot(page, 'ev-14-as-of');
    await page.getByRole('button', { name: 'Terug naar nu' }).click();
    await expect(page.getByTestId('historical-banner')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('Bewaarplaats bewaarplaats-apg');

    // The certificate, opened and read.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Attest bewaarketen (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bewaarketen-${item.item.labelNumber}.pdf`);
    const file = path.join(DIST, 'certificate.pdf');
    await download.saveAs(file);
    const { pages } = await pdfText(new Uint8Array(readFileSync(file)));
    const text = pages.join('\n');
    expect(text).toContain('Politiezone Gent');
    expect(text).toContain('Attest bewaarketen van een overtuigingsstuk');
    expect(text).toContain(item.item.labelNumber);
    expect(text).toContain('Resultaat: de keten klopt');
    expect(text).toContain(`Kophash: ${verified.headHash}`);
    expect(text).toMatch(/Aangeboden door: 5415-0201 namens personeelslid 5415-0201, \d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d CET/);
    expect(text).toMatch(/Aanvaard door: 5415-0301 namens bewaarplaats bewaarplaats-apg/);
    expect(text).toContain('Zegel verwacht S-900001, aangetroffen S-900002 (intact) — AFWIJKING');
    expect(text).toContain('Marc Goossens (5415-0301)');
    expect(text).toContain('Handtekening');
    expect(text).toContain(`Pagina 1 van ${pages.length}`);
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'ev-15-custody-tablet');
  });
});
