import { expect, test } from '@playwright/test';
import { choose, openedCase } from './investigations.support';
import { pdfText } from './evidence.support';
import { expectAccessible, screenshot, signIn } from './support';

// SHA-256 of the three bytes "abc" (the NIST vector): what the browser must compute for the photo below.
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

test.describe('registering a seized item and printing its label', () => {
  test('a detective registers a seized phone for his case with a photo by hash, and prints its label on a label printer and on an A4 sheet', async ({
    page,
    request,
  }) => {
    // Long flows on a shared machine: many screens, axe and full-page screenshots on each.
    test.setTimeout(180_000);
    const kase = await openedCase(request, 'pieter.janssens', 'autodiefstal', 'Autodiefstallen Dampoort');
    await signIn(page, 'Pieter Janssens');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Inbeslaggenomen items' }).click();
    await expect(page.getByRole('heading', { name: 'Inbeslagnames', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Item registreren' }).click();
    await expect(page.getByRole('heading', { name: 'Item of spoor registreren', level: 1 })).toBeVisible();
    await expectAccessible(page, 'register an item');
    await screenshot(page, 'ev-01-register-empty');

    // Nothing filled in: the form says what is missing before anything is sent.
    await page.getByRole('button', { name: 'Registreren en etiket tonen' }).click();
    await expect(page.getByText('Geef het onderzoek, het PV-nummer of beide.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Zegelnummer' })).toHaveAttribute('aria-invalid', 'true');

    await page.getByRole('textbox', { name: 'Onderzoek (id)' }).fill(kase);
    await page.getByRole('textbox', { name: 'PV-nummer' }).fill('GE.55.L5.004711/2026');
    await choose(page, 'Categorie', 'gsm of gegevensdrager');
    await page
      .getByRole('textbox', { name: 'Omschrijving' })
      .fill('Gsm Samsung Galaxy, zwart, barst in het scherm, met hoesje en simkaart van een onbekende operator');
    await page.getByRole('textbox', { name: 'Zegelnummer' }).fill('S-700123');
    await page.getByRole('textbox', { name: 'Verpakking' }).fill('verzegelde bewijszak');
    await page.getByRole('textbox', { name: 'Toestand' }).fill('barst in het scherm');
    await page.getByRole('textbox', { name: 'Plaats van inbeslagname' }).fill('Dampoortstraat 3, 9000 Gent');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Bestanden kiezen' }).click()]);
    await chooser.setFiles({ name: 'foto-gsm.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('abc') });
    await expect(page.getByTestId('attachment-hash')).toHaveText(ABC_SHA256);
    await screenshot(page, 'ev-02-register-filled');
    await page.getByRole('button', { name: 'Registreren en etiket tonen' }).click();

    // The item's page, with its label at once.
    const heading = page.getByRole('heading', { name: /^Item EV-\d{4}-\d{6}$/, level: 1 });
    await expect(heading).toBeVisible();
    const labelNumber = (await heading.innerText()).replace('Item ', '');
    await expect(page.getByText(`Item ${labelNumber} geregistreerd.`)).toBeVisible();
    const preview = page.getByRole('img', { name: `Etiket van item ${labelNumber} zoals de server het tekent` }).first();
    await expect(preview).toBeVisible();
    const svg = decodeURIComponent((await preview.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toContain(labelNumber);
    expect(svg).toContain('Overtuigingsstuk — niet openen zonder proces-verbaal');
    expect(svg).toContain('gsm of gegevensdrager · zegel S-700123');
    // The photo is registered by its hash, computed in the browser.
    await expect(page.getByRole('table', { name: 'Bestanden bij het item' })).toContainText(ABC_SHA256);
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('Dampoortstraat 3, 9000 Gent');
    await expectAccessible(page, 'item just registered');
    await screenshot(page, 'ev-03-item-registered');

    // Print on the label printer: only the label, one 90 x 40 mm page per copy.
    await page.getByRole('textbox', { name: 'Aantal etiketten' }).fill('2');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'ev-04-print-label');
    const onRoll = await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(onRoll.sizes).toEqual([
      { width: 255, height: 113 },
      { width: 255, height: 113 },
    ]);
    // On an A4 sheet: the labels at their real size, side by side.
    await page.emulateMedia({ media: 'screen' });
    await page.getByText('A4-vel').click();
    await page.getByRole('textbox', { name: 'Aantal etiketten' }).fill('6');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'ev-05-print-a4');
    const onSheet = await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(onSheet.sizes).toEqual([{ width: 595, height: 842 }]);
    await page.emulateMedia({ media: 'screen' });

    // The desk's list by case has it; on a tablet too.
    await page.getByRole('link', { name: 'Naar de lijst' }).click();
    await page.getByRole('textbox', { name: 'Zaak (PV-nummer of onderzoek)' }).fill('GE.55.L5.004711/2026');
    await expect(page.getByRole('link', { name: labelNumber })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Inbeslaggenomen items en sporen' })).toContainText('Personeelslid 5415-0201');
    await expectAccessible(page, 'item list');
    await screenshot(page, 'ev-06-list');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'ev-07-list-tablet');
    await page.getByRole('link', { name: labelNumber }).click();
    await expect(heading).toBeVisible();
    await expectAccessible(page, 'item page on a tablet');
    await screenshot(page, 'ev-08-item-tablet');
    await page.getByRole('link', { name: 'Naar de lijst' }).click();
    await page.getByRole('link', { name: 'Item registreren' }).click();
    await expect(page.getByRole('heading', { name: 'Item of spoor registreren', level: 1 })).toBeVisible();
    await screenshot(page, 'ev-09-register-tablet');
  });
});
