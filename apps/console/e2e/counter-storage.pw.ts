import { createHash } from 'node:crypto';
import { expect as baseExpect, test } from '@playwright/test';
import { evidencePost, seizedItem, storedItem } from './counter.support';
import { choose } from './investigations.support';
import { expectAccessible, screenshot, signIn } from './support';

// Two cores shared with other engineers' builds (load average 20-30 seen): screens may take longer than the default 10 s to answer.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe('storage, inventory, lab and disposal at the counter', () => {
  test.describe.configure({ timeout: 180_000 });

  test('the evidence desk checks an item in, checks it out for examination and takes it back; the storage screen shows where it lies, the overdue list what is late', async ({
    page,
    request,
  }) => {
    const item = await seizedItem(request, 'Koevoet, 60 cm, rood');
    const offered = await evidencePost<{ handoverId: string }>(
      request,
      'pieter.janssens',
      `/items/${item.id}/handovers`,
      { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
      { 'If-Match': '"0"' },
    );
    await evidencePost(request, 'marc.goossens', `/items/${item.id}/handovers/${offered.handoverId}/accept`, {
      sealNumberFound: item.sealNumber,
      sealIntact: true,
      condition: 'intact',
      place: 'APG balie',
    });
    const room = `Bewaarplaats APG ${Date.now()}`;

    await signIn(page, 'Marc Goossens', `/evidence/items/${item.id}/actions`);
    const actions = page.getByRole('region', { name: 'Acties aan de balie' });
    await actions.getByRole('button', { name: 'Inchecken' }).click();
    const checkIn = page.getByRole('dialog', { name: `Stuk ${item.labelNumber} inchecken` });
    await checkIn.getByRole('textbox', { name: 'Lokaal' }).fill(room);
    await checkIn.getByRole('textbox', { name: 'Kast' }).fill('K3');
    await checkIn.getByRole('textbox', { name: 'Schap' }).fill('S2');
    await expectAccessible(page, 'check-in dialog');
    await checkIn.getByRole('button', { name: 'Inchecken' }).click();
    await expect(actions).toContainText(`In de bewaarplaats: ${room} / K3 / S2.`);

    await actions.getByRole('button', { name: 'Uitlenen' }).click();
    const checkOut = page.getByRole('dialog', { name: `Stuk ${item.labelNumber} uitlenen` });
    await checkOut.getByRole('textbox', { name: 'Meegenomen door (stamnummer)' }).fill('5415-0201');
    await expectAccessible(page, 'check-out dialog');
    await screenshot(page, 'counter-10-check-out');
    await checkOut.getByRole('button', { name: 'Uitlenen' }).click();
    await expect(actions).toContainText('Uitgeleend aan 5415-0201 voor onderzoek, terug verwacht');

    await actions.getByRole('button', { name: 'Terugbrengen' }).click();
    const back = page.getByRole('dialog', { name: `Stuk ${item.labelNumber} terugbrengen` });
    await expect(back.getByRole('textbox', { name: 'Lokaal' })).toHaveValue(room);
    await back.getByRole('button', { name: 'Terugbrengen' }).click();
    await expect(actions).toContainText(`In de bewaarplaats: ${room} / K3 / S2.`);

    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Bewaarplaats' }).click();
    await expect(page.getByRole('heading', { name: 'Bewaarplaats', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Lokaal' }).fill(room);
    await page.getByRole('button', { name: 'Tonen' }).click();
    await expect(page.getByRole('row').filter({ hasText: item.labelNumber })).toContainText(`${room} / K3 / S2`);
    await expectAccessible(page, 'storage');
    await screenshot(page, 'counter-11-storage');

    // An item taken out to court with its return due in a few seconds: once that time has passed, it is on the overdue list.
    const late = await storedItem(request, 'Bivakmuts, zwart', { room, locker: 'K4' });
    const due = new Date(Date.now() + 3_000).toISOString();
    await evidencePost(request, 'marc.goossens', `/items/${late.id}/check-out`, {
      purpose: 'court',
      takenBy: '5415-0204',
      expectedReturnAt: due,
    });
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Te laat terug' }).click();
    await expect(page.getByRole('heading', { name: 'Te laat terug', level: 1 })).toBeVisible();
    // Time passing changes no record, so nothing comes live: the officer opens the list again (a reload would end the in-memory session).
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(async () => {
      await nav.getByRole('link', { name: 'Bewaarplaats' }).click();
      await nav.getByRole('link', { name: 'Te laat terug' }).click();
      await expect(page.getByRole('row').filter({ hasText: late.labelNumber })).toContainText('te laat sinds', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole('row').filter({ hasText: late.labelNumber })).toContainText('5415-0204 (zitting)');
    await expect(page.getByRole('row').filter({ hasText: item.labelNumber })).toHaveCount(0);
    await expectAccessible(page, 'overdue');
    await screenshot(page, 'counter-12-overdue');
  });

  test('an inventory count on a tablet: scanned labels, then the item missing from the shelf and the one that should not be there', async ({
    browser,
    request,
  }) => {
    const room = `Inventarislokaal ${Date.now()}`;
    const a = await storedItem(request, 'Gsm Nokia, blauw', { room, locker: 'K1' });
    const b = await storedItem(request, 'Portefeuille, bruin leder', { room, locker: 'K1' });
    const stray = await storedItem(request, 'Sleutelbos, 4 sleutels', { room: `${room} bis` });
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      const page = await context.newPage();
      await signIn(page, 'Marc Goossens', '/evidence/inventory');
      await expect(page.getByRole('heading', { name: 'Inventaris', level: 1 })).toBeVisible();
      await page.getByRole('textbox', { name: 'Lokaal' }).fill(room);
      await page.getByRole('textbox', { name: 'Kast' }).fill('K1');
      await page.getByRole('button', { name: 'Verwachte stukken laden' }).click();
      const expected = page.getByRole('region', { name: `2 stukken verwacht op ${room} / K1` });
      await expect(expected).toContainText(a.labelNumber);
      await expect(expected).toContainText(b.labelNumber);

      const scan = page.getByRole('textbox', { name: 'Gevonden label' });
      await scan.fill(a.labelNumber);
      await scan.press('Enter');
      await expect(expected.getByRole('listitem').filter({ hasText: a.labelNumber })).toContainText('Gevonden');
      // A hand scanner reading the QR code types the item's URN.
      await scan.fill(`urn:police:evidence-item:${stray.id}`);
      await scan.press('Enter');
      await expect(
        page.getByRole('region', { name: 'Gevonden' }).getByRole('listitem').filter({ hasText: stray.labelNumber }),
      ).toContainText('Niet verwacht hier');
      await scan.fill('EV-1999-999999');
      await scan.press('Enter');
      await expect(page.getByText('Label EV-1999-999999 is niet gekend of u mag het niet zien.')).toBeVisible();
      await expectAccessible(page, 'inventory count');
      await screenshot(page, 'counter-13-inventory-tablet');

      await page.getByRole('button', { name: 'Telling registreren' }).click();
      const result = page.getByRole('region', { name: 'Resultaat van de telling' });
      await expect(result.getByRole('alert').filter({ hasText: 'Ontbreekt' })).toContainText(b.labelNumber);
      await expect(result.getByRole('alert').filter({ hasText: 'Onverwacht' })).toContainText(stray.labelNumber);
      await expect(result).not.toContainText(a.labelNumber);
      await expectAccessible(page, 'inventory result');
      await screenshot(page, 'counter-14-inventory-result-tablet');
    } finally {
      await context.close();
    }
  });

  test('a detective sends an item to the lab; the lab liaison accepts it, sees what is at the lab and records the result with its report hashed in the browser', async ({
    browser,
    request,
  }) => {
    const item = await seizedItem(request, 'Wattenstaafje met bloedspoor, deurklink');
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const pieter = await first.newPage();
      const nathalie = await second.newPage();
      await signIn(pieter, 'Pieter Janssens', `/evidence/items/${item.id}/actions`);
      await pieter.getByRole('button', { name: 'Naar het labo' }).click();
      const submit = pieter.getByRole('dialog', { name: `Stuk ${item.labelNumber} naar het labo` });
      await choose(submit, 'Gevraagd onderzoek', 'DNA');
      await submit.getByRole('textbox', { name: 'Vraag aan het labo' }).fill('DNA-profiel opmaken en vergelijken met de databank');
      await expectAccessible(pieter, 'lab submission');
      await screenshot(pieter, 'counter-15-lab-submission');
      await submit.getByRole('button', { name: 'Indienen' }).click();
      await expect(pieter.getByRole('status').filter({ hasText: 'Overdracht wacht op aanvaarding' })).toContainText(
        'Forensic Police Lab (LTWP) (labo-onderzoek)',
      );

      await signIn(nathalie, 'Nathalie Wouters', '/evidence/handovers');
      const row = nathalie.getByRole('region', { name: 'Wacht op uw aanvaarding' }).getByRole('row').filter({ hasText: item.labelNumber });
      await row.getByRole('button', { name: `Stuk ${item.labelNumber} aanvaarden` }).click();
      const accept = nathalie.getByRole('dialog', { name: `Stuk ${item.labelNumber} aanvaarden` });
      await accept.getByRole('textbox', { name: 'Zegelnummer dat u aantreft' }).fill(item.sealNumber);
      await expect(accept.getByText('Zegelnummer wijkt af')).toHaveCount(0);
      await accept.getByRole('textbox', { name: 'Plaats van overdracht' }).fill('FPL Brussel, onthaal');
      await accept.getByRole('textbox', { name: 'Staat bij ontvangst' }).fill('intact');
      await accept.getByRole('button', { name: 'Aanvaarden', exact: true }).click();
      await expect(row).toHaveCount(0);

      await nathalie.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Labo' }).click();
      const atLab = nathalie.getByRole('region', { name: 'Bij Forensic Police Lab (LTWP)' });
      await atLab.getByRole('link', { name: item.labelNumber }).click();
      await nathalie.getByRole('button', { name: 'Labresultaat' }).click();
      const result = nathalie.getByRole('dialog', { name: `Labresultaat voor stuk ${item.labelNumber}` });
      await result.getByRole('textbox', { name: 'Referentie van het labo' }).fill('LTWP-26-00412');
      await choose(result, 'Besluit', 'treffer');
      await result.getByRole('textbox', { name: 'Samenvatting' }).fill('Volledig DNA-profiel, treffer in de nationale databank');
      const report = Buffer.from('%PDF-1.4 verslag LTWP-26-00412');
      await result.locator('input[type=file]').setInputFiles({ name: 'verslag.pdf', mimeType: 'application/pdf', buffer: report });
      await expect(result.getByTestId('report-sha256')).toHaveText(`SHA-256: ${createHash('sha256').update(report).digest('hex')}`);
      await expectAccessible(nathalie, 'lab result');
      await screenshot(nathalie, 'counter-16-lab-result');
      await result.getByRole('button', { name: 'Resultaat registreren' }).click();
      await expect(result).toBeHidden();
      await expect(nathalie.getByRole('button', { name: 'Labresultaat' })).toHaveCount(0);
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('a disposal is refused without the magistrate’s decision (said in words), and after it is recorded, done with the witness the rules ask', async ({
    page,
    request,
  }) => {
    const item = await storedItem(request, 'Cannabis, 250 g, vacuümverpakt', { room: 'Bewaarplaats APG', locker: 'Drugs' }, 'drugs');
    await signIn(page, 'Marc Goossens', '/evidence/disposals');
    await expect(page.getByRole('region', { name: 'Getuigen volgens de regels van de zone' })).toContainText(
      'vernietiging van drugs: 1 getuige',
    );
    await expectAccessible(page, 'disposals');
    await screenshot(page, 'counter-17-disposals');
    await page.getByRole('textbox', { name: 'Stuk openen' }).fill(item.labelNumber);
    await page.getByRole('button', { name: 'Openen' }).click();
    await expect(page.getByRole('heading', { name: `Stuk ${item.labelNumber}`, level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Afhandelen' }).click();
    let dispose = page.getByRole('dialog', { name: `Stuk ${item.labelNumber} afhandelen` });
    await expect(dispose.getByRole('status')).toContainText('nog geen beslissing van een magistraat geregistreerd');
    await dispose.getByRole('textbox', { name: 'Referentie van de beslissing' }).fill('PK-GENT-2026-0815');
    await dispose.getByRole('textbox', { name: 'Referentie van het ontvangstbewijs of proces-verbaal' }).fill('PV-VERN-2026-77');
    await dispose.getByRole('button', { name: 'Afhandelen' }).click();
    await expect(dispose.getByRole('alert')).toContainText(
      'Voor dit stuk is geen beslissing van een magistraat geregistreerd. Registreer eerst de beslissing',
    );
    await expectAccessible(page, 'disposal refused');
    await screenshot(page, 'counter-18-disposal-refused');
    await dispose.getByRole('button', { name: 'Annuleren' }).click();

    await page.getByRole('button', { name: 'Beslissing registreren' }).click();
    const decision = page.getByRole('dialog', { name: `Beslissing over stuk ${item.labelNumber}` });
    await decision.getByRole('textbox', { name: 'Referentie van de beslissing' }).fill('PK-GENT-2026-0815');
    await choose(decision, 'Bestemming', 'vernietiging');
    await decision.getByRole('button', { name: 'Beslissing registreren' }).click();
    await expect(decision).toBeHidden();

    await page.getByRole('button', { name: 'Afhandelen' }).click();
    dispose = page.getByRole('dialog', { name: `Stuk ${item.labelNumber} afhandelen` });
    await expect(dispose).toContainText('vernietiging van drugs vraagt 1 getuige.');
    await expect(dispose.getByRole('textbox', { name: 'Referentie van de beslissing' })).toHaveValue('PK-GENT-2026-0815');
    await dispose.getByRole('textbox', { name: 'Referentie van het ontvangstbewijs of proces-verbaal' }).fill('PV-VERN-2026-77');
    await dispose.getByRole('button', { name: 'Afhandelen' }).click();
    await expect(dispose.getByRole('alert')).toContainText('Voor deze afhandeling van dit soort stuk zijn meer getuigen nodig');
    await dispose.getByRole('textbox', { name: 'Getuigen (stamnummers)' }).fill('5415-0204');
    await dispose.getByRole('button', { name: 'Afhandelen' }).click();
    await expect(dispose).toBeHidden();
    await expect(page.getByRole('region', { name: 'Acties aan de balie' })).toContainText(
      'Afgehandeld (vernietiging, beslissing PK-GENT-2026-0815)',
    );
    await expectAccessible(page, 'disposed');
    await screenshot(page, 'counter-19-disposed');
  });
});
