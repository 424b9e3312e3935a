import { Browser, expect, Page, test } from '@playwright/test';
import { expectAccessible, reportByDesk, screenshot, signIn } from './support';

const PV_PDF = {
  name: 'pv-fietsdiefstal.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4 PV fietsdiefstal Korenmarkt, versie 1'),
};
const PV_PDF_CORRECTED = {
  name: 'pv-fietsdiefstal-v2.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4 PV fietsdiefstal Korenmarkt, versie 2 met artikel 461'),
};

async function pickDocument(page: Page, label: string | RegExp, file: typeof PV_PDF): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('document-hash')).toContainText(/Vingerafdruk: [0-9a-f]{64}/);
}

async function userPage(browser: Browser, name: string, at: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, name, at);
  return page;
}

test.describe('GAK/DIAK quality control of a PV, as its author and the GAK clerk click it', () => {
  test('drafted and submitted at the desk, rejected with reasons, corrected and resubmitted, approved, finalised under the zone’s number, transmitted to the parket and fed to the ANG; the history shows every step', async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const reportId = await reportByDesk(request, 'Fiets gestolen aan de Korenmarkt, slot doorgeknipt.');

    // The desk officer drafts the PV from the report and submits it.
    const an = await userPage(browser, 'An Peeters', `/reports/${reportId}`);
    await an.getByRole('link', { name: 'PV opstellen' }).click();
    await expect(an.getByRole('heading', { name: 'PV opstellen', level: 1 })).toBeVisible();
    await an.getByRole('textbox', { name: 'Juridische kwalificatie' }).fill('Diefstal');
    await an.getByRole('textbox', { name: 'Feit' }).fill('fietsdiefstal Korenmarkt');
    await pickDocument(an, /PV-document/, PV_PDF);
    await expectAccessible(an, 'PV draft form');
    await screenshot(an, 'gak-01-pv-draft');
    await an.getByRole('button', { name: 'PV opstellen' }).click();
    await expect(an.getByRole('heading', { name: 'PV zonder nummer: fietsdiefstal Korenmarkt', level: 1 })).toBeVisible();
    await expect(an.getByText('PV opgesteld. Dien het in wanneer het klaar is.')).toBeVisible();
    const pvUrl = an.url();
    await an.getByRole('button', { name: 'Indienen voor kwaliteitscontrole' }).click();
    await expect(an.getByText('PV ingediend voor kwaliteitscontrole.')).toBeVisible();
    await expect(an.getByText('Dit PV wacht op de kwaliteitscontrole van GAK/DIAK.')).toBeVisible();
    // The author sees the check is GAK's, and why the buttons are not hers.
    await expect(an.getByRole('button', { name: 'Goedkeuren' })).toBeDisabled();
    await expect(an.getByText('Enkel GAK/DIAK doet deze stap.').first()).toBeVisible();
    await expectAccessible(an, 'PV submitted, as its author');
    await screenshot(an, 'gak-02-pv-submitted-author');

    // The GAK clerk finds it in the queue, the home of the GAK section.
    const wim = await userPage(browser, 'Wim De Backer', '/');
    const nav = wim.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(nav.getByRole('heading', { name: 'GAK / DIAK' })).toBeVisible();
    await nav.getByRole('link', { name: "Kwaliteitscontrole PV's" }).click();
    await expect(wim.getByRole('heading', { name: "Kwaliteitscontrole van PV's", level: 1 })).toBeVisible();
    await expect(wim.getByRole('combobox', { name: 'Wacht op' })).toHaveValue('Kwaliteitscontrole');
    const row = wim.getByRole('row').filter({ hasText: 'fietsdiefstal Korenmarkt' });
    await expect(row).toContainText('Diefstal');
    await expect(row).toContainText('5415-0101');
    await expect(row).toContainText('Parket');
    await expect(row).toContainText('vandaag');
    await expectAccessible(wim, 'GAK queue');
    await screenshot(wim, 'gak-03-queue');
    await row.getByRole('link', { name: /PV fietsdiefstal Korenmarkt, .* openen/ }).click();
    await expect(wim.getByRole('heading', { name: 'PV zonder nummer: fietsdiefstal Korenmarkt', level: 1 })).toBeVisible();
    await expectAccessible(wim, 'PV screen, submitted, as GAK');
    await screenshot(wim, 'gak-04-pv-submitted-gak');

    // Rejected with two reasons.
    await wim.getByRole('button', { name: 'Afkeuren met redenen' }).click();
    await wim.getByRole('button', { name: 'Afkeuren en terugsturen' }).click();
    await expect(wim.getByRole('textbox', { name: 'Reden 1' })).toHaveAccessibleDescription(/Dit veld is verplicht/);
    await wim.getByRole('textbox', { name: 'Reden 1' }).fill('Het wetsartikel ontbreekt in de kwalificatie.');
    await wim.getByRole('button', { name: 'Reden toevoegen' }).click();
    await wim.getByRole('textbox', { name: 'Reden 2' }).fill('De plaats van de feiten staat niet in het PV.');
    await expectAccessible(wim, 'rejection form');
    await screenshot(wim, 'gak-05-reject-form');
    await wim.getByRole('button', { name: 'Afkeuren en terugsturen' }).click();
    await expect(wim.getByText('PV afgekeurd en teruggestuurd naar de auteur.')).toBeVisible();
    await expect(wim.getByText('GAK keurde dit PV af: de auteur verbetert het en dient het opnieuw in.')).toBeVisible();
    await expect(wim.getByRole('button', { name: 'Verbeteren en opnieuw indienen' })).toBeDisabled();
    await expect(wim.getByText('Enkel de auteur (5415-0101) dient dit PV in en verbetert het.')).toBeVisible();

    // The author, back later (a new session: the token lives in the page's memory), finds it on the
    // report, reads the reasons, corrects and resubmits.
    await signIn(an, 'An Peeters', `/reports/${reportId}`);
    await an.getByRole('link', { name: 'PV Afgekeurd openen' }).click();
    const reasons = an.getByRole('alert').filter({ hasText: 'Afgekeurd door GAK — redenen' });
    await expect(reasons).toContainText('Het wetsartikel ontbreekt in de kwalificatie.');
    await expect(reasons).toContainText('De plaats van de feiten staat niet in het PV.');
    await an.getByRole('button', { name: 'Verbeteren en opnieuw indienen' }).click();
    await an.getByRole('textbox', { name: 'Juridische kwalificatie' }).fill('Diefstal (art. 461 Sw.)');
    await pickDocument(an, /Verbeterd document/, PV_PDF_CORRECTED);
    await an.getByRole('button', { name: 'Opnieuw indienen' }).click();
    await expect(an.getByRole('textbox', { name: 'Wat werd verbeterd' })).toHaveAccessibleDescription(/Dit veld is verplicht/);
    await an
      .getByRole('textbox', { name: 'Wat werd verbeterd' })
      .fill('Artikel 461 toegevoegd; de plaats (Korenmarkt) staat nu in het PV.');
    await expectAccessible(an, 'correction form');
    await screenshot(an, 'gak-06-correction');
    await an.getByRole('button', { name: 'Opnieuw indienen' }).click();
    await expect(an.getByText('PV verbeterd en opnieuw ingediend.')).toBeVisible();
    await expect(an.getByRole('region', { name: 'Inhoud' }).getByText('Diefstal (art. 461 Sw.)', { exact: true })).toBeVisible();

    // GAK approves, and finalises under the zone's number: a wrong format is refused beside the field first.
    await wim.getByRole('link', { name: 'Terug naar de wachtrij' }).click();
    await wim.getByRole('row').filter({ hasText: 'fietsdiefstal Korenmarkt' }).getByRole('link').click();
    await expect(wim.getByRole('button', { name: 'Goedkeuren' })).toBeEnabled();
    await wim.getByRole('button', { name: 'Goedkeuren' }).click();
    await expect(wim.getByText('PV goedgekeurd.')).toBeVisible();
    const number = wim.getByRole('textbox', { name: 'PV-nummer' });
    await expect(number).toHaveAccessibleDescription('Verwacht formaat: GE.55.L5.000123/2026');
    await number.fill('GE 55 / 4242');
    await wim.getByRole('button', { name: 'Afwerken' }).click();
    await expect(number).toHaveAccessibleDescription(/Dit PV-nummer heeft niet het verwachte formaat\./);
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(wim, 'finalisation refused');
    await screenshot(wim, 'gak-07-finalise-wrong-number');
    await number.fill('GE.55.L5.004242/2026');
    await wim.getByRole('button', { name: 'Afwerken' }).click();
    await expect(wim.getByRole('heading', { name: 'PV GE.55.L5.004242/2026', level: 1 })).toBeVisible();
    await expect(wim.getByText('PV afgewerkt onder nummer GE.55.L5.004242/2026.')).toBeVisible();

    // Transmitted to the parket with its reference, then fed to the ANG.
    await wim.getByRole('textbox', { name: 'Referentie van het parket (niet verplicht)' }).fill('PK-GENT-2026-1234');
    await expectAccessible(wim, 'finalised PV');
    await screenshot(wim, 'gak-08-finalised');
    await wim.getByRole('button', { name: 'Verzenden naar het parket' }).click();
    await expect(wim.getByText('Verzending geregistreerd.')).toBeVisible();
    await wim.getByRole('button', { name: 'Doorgeven aan de ANG' }).click();
    await expect(wim.getByText('Doorgifte aan de ANG geregistreerd.')).toBeVisible();
    await expect(wim.getByText('Dit PV is afgewerkt, verzonden en doorgegeven aan de ANG: er rest geen stap.')).toBeVisible();

    // The history shows every step: who, when, what.
    const history = wim.getByRole('region', { name: 'Geschiedenis' });
    const steps = history.getByRole('row');
    await expect(steps).toHaveCount(9);
    const expected: [string, string, RegExp | string][] = [
      ['Opgesteld', '5415-0101', 'Diefstal — fietsdiefstal Korenmarkt, Parket'],
      ['Ingediend', '5415-0101', ''],
      ['Afgekeurd', '5415-0110 (u)', 'Het wetsartikel ontbreekt in de kwalificatie.'],
      [
        'Verbeterd en opnieuw ingediend',
        '5415-0101',
        /Verbeterd: kwalificatie → Diefstal \(art\. 461 Sw\.\); document.*Toelichting: Artikel 461 toegevoegd/,
      ],
      ['Goedgekeurd', '5415-0110 (u)', 'ronde 2'],
      ['Afgewerkt', '5415-0110 (u)', 'Nummer GE.55.L5.004242/2026'],
      ['Verzonden naar het parket', '5415-0110 (u)', 'Referentie PK-GENT-2026-1234'],
      ['Doorgegeven aan de ANG', '5415-0110 (u)', ''],
    ];
    for (const [i, [step, by, details]] of expected.entries()) {
      const cells = steps.nth(i + 1).getByRole('cell');
      await expect(cells.nth(0)).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
      await expect(cells.nth(1)).toHaveText(step);
      await expect(cells.nth(2)).toHaveText(by);
      if (details === '') await expect(cells.nth(3)).toHaveText('');
      else await expect(cells.nth(3)).toContainText(details);
    }
    await expect(steps.nth(3)).toContainText('De plaats van de feiten staat niet in het PV.');
    await expectAccessible(wim, 'PV completed, with its history');
    await screenshot(wim, 'gak-09-completed-history');

    // The author's screen now shows the number.
    await signIn(an, 'An Peeters', new URL(pvUrl).pathname);
    await expect(an.getByRole('heading', { name: 'PV GE.55.L5.004242/2026', level: 1 })).toBeVisible();
    await an.context().close();
    await wim.context().close();
  });

  test('a finalised PV is never edited: a supplementary PV refers to it and goes through the same quality control', async ({
    browser,
    request,
  }) => {
    const reportId = await reportByDesk(request, 'Fiets gestolen aan het station, later kwam er een tweede fiets bij.');
    const an = await userPage(browser, 'An Peeters', `/reports/${reportId}`);
    await an.getByRole('link', { name: 'PV opstellen' }).click();
    await an.getByRole('textbox', { name: 'Juridische kwalificatie' }).fill('Diefstal (art. 461 Sw.)');
    await an.getByRole('textbox', { name: 'Feit' }).fill('fietsdiefstal station');
    await pickDocument(an, /PV-document/, PV_PDF);
    await an.getByRole('button', { name: 'PV opstellen' }).click();
    await an.getByRole('button', { name: 'Indienen voor kwaliteitscontrole' }).click();
    await expect(an.getByText('PV ingediend voor kwaliteitscontrole.')).toBeVisible();
    const original = an.url();

    const wim = await userPage(browser, 'Wim De Backer', new URL(original).pathname);
    await wim.getByRole('button', { name: 'Goedkeuren' }).click();
    await wim.getByRole('textbox', { name: 'PV-nummer' }).fill('GE.55.L5.004243/2026');
    await wim.getByRole('button', { name: 'Afwerken' }).click();
    await expect(wim.getByRole('heading', { name: 'PV GE.55.L5.004243/2026', level: 1 })).toBeVisible();
    await expect(wim.getByRole('region', { name: "Aanvullende PV's" })).toContainText('Nog geen aanvullend PV.');

    await signIn(an, 'An Peeters', new URL(original).pathname);
    await an.getByRole('link', { name: 'Aanvullend PV opstellen' }).click();
    await expect(an.getByRole('heading', { name: 'Aanvullend PV bij GE.55.L5.004243/2026', level: 1 })).toBeVisible();
    await expect(an.getByRole('textbox', { name: 'Feit' })).toHaveValue('fietsdiefstal station');
    await an.getByRole('textbox', { name: 'Juridische kwalificatie' }).fill('Aanvullend PV: tweede fiets gestolen (art. 461 Sw.)');
    await pickDocument(an, /PV-document/, PV_PDF_CORRECTED);
    await expectAccessible(an, 'supplementary PV form');
    await screenshot(an, 'gak-10-supplement-draft');
    await an.getByRole('button', { name: 'PV opstellen' }).click();
    await expect(an.getByRole('heading', { name: 'PV zonder nummer: fietsdiefstal station', level: 1 })).toBeVisible();
    const content = an.getByRole('region', { name: 'Inhoud' });
    await expect(content).toContainText('Vult aan');
    await expect(content.getByRole('link', { name: 'PV GE.55.L5.004243/2026' })).toBeVisible();
    await an.getByRole('button', { name: 'Indienen voor kwaliteitscontrole' }).click();
    await expect(an.getByText('PV ingediend voor kwaliteitscontrole.')).toBeVisible();
    await expect(an.getByRole('region', { name: 'Geschiedenis' })).toContainText('Vult PV GE.55.L5.004243/2026 aan');
    await expectAccessible(an, 'supplementary PV');
    await screenshot(an, 'gak-11-supplement');

    await signIn(wim, 'Wim De Backer', new URL(original).pathname);
    const supplementary = wim.getByRole('region', { name: "Aanvullende PV's" });
    await expect(supplementary.getByRole('row').filter({ hasText: 'Aanvullend PV: tweede fiets gestolen' })).toContainText(
      'Ter kwaliteitscontrole',
    );
    await supplementary.getByRole('link', { name: /Aanvullend PV van .* openen/ }).click();
    await expect(wim.getByRole('button', { name: 'Goedkeuren' })).toBeEnabled();
    await an.context().close();
    await wim.context().close();
  });
});
