import { expect as baseExpect, test } from '@playwright/test';
import { seizedItem } from './counter.support';
import { choose } from './investigations.support';
import { expectAccessible, screenshot, signIn } from './support';

// Two cores shared with other engineers' builds (load average 20-30 seen): screens may take longer than the default 10 s to answer.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe('handovers at the counter', () => {
  // Two users in two browsers, each signing in and streaming live updates, on the shared cores of the test machine.
  test.describe.configure({ timeout: 180_000 });

  test('a detective offers an item to the storage room; the evidence desk sees it waiting, accepts it with another seal number (shown in red, recorded), and both screens show the result live', async ({
    browser,
    request,
  }) => {
    const item = await seizedItem(request, 'Gsm Samsung, zwart, barst in scherm');
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const pieter = await first.newPage();
      const marc = await second.newPage();
      await signIn(marc, 'Marc Goossens', '/evidence/handovers');
      await expect(marc.getByRole('heading', { name: 'Overdrachten', level: 1 })).toBeVisible();
      const inbox = marc.getByRole('region', { name: 'Wacht op uw aanvaarding' });
      await expect(inbox.getByRole('row').filter({ hasText: item.labelNumber })).toHaveCount(0);

      await signIn(pieter, 'Pieter Janssens', `/evidence/items/${item.id}/actions`);
      await expect(pieter.getByRole('heading', { name: `Stuk ${item.labelNumber}`, level: 1 })).toBeVisible();
      await expectAccessible(pieter, 'item actions');
      await screenshot(pieter, 'counter-01-item-actions');
      await pieter.getByRole('button', { name: 'Overdragen' }).click();
      const offer = pieter.getByRole('dialog', { name: `Stuk ${item.labelNumber} overdragen` });
      await expect(offer.getByRole('combobox', { name: 'Doel' })).toHaveValue('bewaring');
      await expectAccessible(pieter, 'offer dialog');
      await screenshot(pieter, 'counter-02-offer');

      // Offer and acceptance, two users in two browsers, timed from the offer's click to the offerer's screen showing the new custodian.
      const started = Date.now();
      await offer.getByRole('button', { name: 'Aanbieden' }).click();
      const row = inbox.getByRole('row').filter({ hasText: item.labelNumber });
      await expect(row).toBeVisible();
      const arrived = Date.now();
      await expect(pieter.getByRole('status').filter({ hasText: 'Overdracht wacht op aanvaarding' })).toBeVisible();
      await row.getByRole('button', { name: `Stuk ${item.labelNumber} aanvaarden` }).click();
      const accept = marc.getByRole('dialog', { name: `Stuk ${item.labelNumber} aanvaarden` });
      await accept.getByRole('textbox', { name: 'Zegelnummer dat u aantreft' }).fill(`${item.sealNumber}-X`);
      await expect(accept.getByRole('status').filter({ hasText: 'Zegelnummer wijkt af' })).toContainText(
        `Geregistreerd is ${item.sealNumber}, u las ${item.sealNumber}-X`,
      );
      await accept.getByRole('textbox', { name: 'Plaats van overdracht' }).fill('Balie bewaarplaats APG');
      await accept.getByRole('textbox', { name: 'Staat bij ontvangst' }).fill('zak licht gescheurd bovenaan');
      const typed = Date.now();
      await accept.getByRole('button', { name: 'Aanvaarden', exact: true }).click();
      await expect(accept).toBeHidden();
      await expect(row).toHaveCount(0);
      await expect(pieter.getByRole('region', { name: 'Acties aan de balie' })).toContainText(
        'Bewaarder: Bewaarplaats overtuigingsstukken APG.',
      );
      const ended = Date.now();
      console.log(
        `[measure] offer + accept by two users in the browser: ${ended - started} ms end to end (of which the accept form was filled by the test in ${typed - started} ms including the live arrival of the offer)`,
      );
      console.log(
        `[measure] the product's part of it: offer click → offer in the receiver's inbox (live) ${arrived - started} ms + accept click → new custodian on the offerer's screen (live) ${ended - typed} ms = ${arrived - started + ended - typed} ms (target < 1 s)`,
      );
      await expect(pieter.getByRole('region', { name: 'Acties aan de balie' })).toContainText('Bij 1 overdracht week het zegelnummer af');
      await expect(pieter.getByRole('button', { name: 'Overdragen' })).toHaveCount(0);
      await expectAccessible(marc, 'handovers after accept');
      await screenshot(marc, 'counter-04-inbox-after-accept');
      await screenshot(pieter, 'counter-05-offerer-after-accept');
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('the desk declines with a reason, the offerer sees it live and offers to a colleague, then withdraws that offer', async ({
    browser,
    request,
  }) => {
    const item = await seizedItem(request, 'Laptop Dell, grijs');
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const pieter = await first.newPage();
      const marc = await second.newPage();
      await signIn(pieter, 'Pieter Janssens', `/evidence/items/${item.id}/actions`);
      await pieter.getByRole('button', { name: 'Overdragen' }).click();
      await pieter
        .getByRole('dialog', { name: `Stuk ${item.labelNumber} overdragen` })
        .getByRole('button', { name: 'Aanbieden' })
        .click();
      await expect(pieter.getByRole('status').filter({ hasText: 'Overdracht wacht op aanvaarding' })).toBeVisible();

      await signIn(marc, 'Marc Goossens', '/evidence/handovers');
      const row = marc.getByRole('region', { name: 'Wacht op uw aanvaarding' }).getByRole('row').filter({ hasText: item.labelNumber });
      await expectAccessible(marc, 'handovers inbox');
      await screenshot(marc, 'counter-03-inbox');
      await row.getByRole('button', { name: `Stuk ${item.labelNumber} weigeren` }).click();
      const decline = marc.getByRole('dialog', { name: `Stuk ${item.labelNumber} weigeren` });
      await decline.getByRole('button', { name: 'Weigeren' }).click();
      await expect(decline.getByText('Dit veld is verplicht.')).toBeVisible();
      await decline.getByRole('textbox', { name: 'Waarom weigert u?' }).fill('Geen verzegeling op de verpakking');
      await decline.getByRole('button', { name: 'Weigeren' }).click();
      await expect(decline).toBeHidden();
      await expect(row).toHaveCount(0);

      // The offerer's screen, left open, no longer shows the offer: he may offer again.
      await expect(pieter.getByRole('status').filter({ hasText: 'Overdracht wacht op aanvaarding' })).toHaveCount(0);
      await pieter.getByRole('button', { name: 'Overdragen' }).click();
      const offer = pieter.getByRole('dialog', { name: `Stuk ${item.labelNumber} overdragen` });
      await choose(offer, 'Aan', 'een medewerker');
      await offer.getByRole('textbox', { name: 'Stamnummer van de ontvanger' }).fill('5415-0204');
      await expect(offer.getByRole('combobox', { name: 'Doel' })).toHaveValue('onderzoek');
      await offer.getByRole('button', { name: 'Aanbieden' }).click();
      await expect(pieter.getByRole('status').filter({ hasText: 'Aangeboden aan 5415-0204' })).toBeVisible();

      await pieter.getByRole('link', { name: '← Overdrachten' }).click();
      const mine = pieter.getByRole('region', { name: 'Door u aangeboden' }).getByRole('row').filter({ hasText: item.labelNumber });
      await expect(mine).toContainText('5415-0204');
      await mine.getByRole('button', { name: `Aanbod van stuk ${item.labelNumber} intrekken` }).click();
      const withdraw = pieter.getByRole('dialog', { name: `Aanbod van stuk ${item.labelNumber} intrekken` });
      await withdraw.getByRole('textbox', { name: 'Reden (niet verplicht)' }).fill('Verkeerde collega gekozen');
      await withdraw.getByRole('button', { name: 'Intrekken' }).click();
      await expect(withdraw).toBeHidden();
      await expect(mine).toHaveCount(0);
      await expect(pieter.getByRole('region', { name: 'Door u aangeboden' })).toContainText('U hebt niets aangeboden dat nog wacht.');
      await expectAccessible(pieter, 'handovers after withdraw');
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('two counters offer the same item at once: the second is told plainly that it changed meanwhile, and sees the first offer after reloading', async ({
    browser,
    request,
  }) => {
    const item = await seizedItem(request, 'Usb-stick 32 GB, blauw');
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const a = await first.newPage();
      const b = await second.newPage();
      await signIn(a, 'Pieter Janssens', `/evidence/items/${item.id}/actions`);
      await signIn(b, 'Pieter Janssens', `/evidence/items/${item.id}/actions`);
      await a.getByRole('button', { name: 'Overdragen' }).click();
      await b.getByRole('button', { name: 'Overdragen' }).click();
      const offerB = b.getByRole('dialog', { name: `Stuk ${item.labelNumber} overdragen` });
      await choose(offerB, 'Aan', 'een medewerker');
      await offerB.getByRole('textbox', { name: 'Stamnummer van de ontvanger' }).fill('5415-0210');

      await a
        .getByRole('dialog', { name: `Stuk ${item.labelNumber} overdragen` })
        .getByRole('button', { name: 'Aanbieden' })
        .click();
      await expect(a.getByRole('status').filter({ hasText: 'Overdracht wacht op aanvaarding' })).toBeVisible();

      await offerB.getByRole('button', { name: 'Aanbieden' }).click();
      const conflict = offerB.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
      await expect(conflict).toContainText('Iemand anders heeft dit intussen gewijzigd.');
      await expectAccessible(b, 'offer conflict');
      await screenshot(b, 'counter-06-offer-conflict');
      await conflict.getByRole('button', { name: 'Nieuwe versie laden' }).click();
      await expect(offerB).toBeHidden();
      await expect(b.getByRole('status').filter({ hasText: 'Overdracht wacht op aanvaarding' })).toContainText(
        'Aangeboden aan Bewaarplaats overtuigingsstukken APG',
      );
    } finally {
      await first.close();
      await second.close();
    }
  });
});
