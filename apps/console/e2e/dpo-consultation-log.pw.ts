import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, reportByDesk, screenshot, signIn } from './support';

test.describe('the DPO: the consultation log and the answer to the COC', () => {
  test('finds the chief’s break-glass read of a report with his justification, sees the day’s chain hold, and exports it as CSV and PDF', async ({
    browser,
    request,
  }) => {
    // Two users, a break-glass read, four services' logs and two downloads (or five aggregates): more than the default minute on a shared machine.
    test.slow();
    const id = await reportByDesk(request, 'Fiets gestolen aan de Korenmarkt, kader gegraveerd.');
    const reason = 'Vraag van de burgemeester over fietsdiefstallen in het centrum';

    // The chief reads the report outside his assignment, giving his reason.
    const chiefContext = await browser.newContext();
    const chief = await chiefContext.newPage();
    await signIn(chief, 'Filip Vermeulen', `/reports/${id}`);
    const dialog = chief.getByRole('dialog', { name: 'Reden van inzage' });
    await dialog.getByRole('textbox', { name: /Waarom hebt u dit dossier nodig/ }).fill(reason);
    await dialog.getByRole('textbox', { name: /Dossierreferentie/ }).fill('COC-2026-041');
    await dialog.getByRole('button', { name: 'Inzien en loggen' }).click();
    await expect(chief.getByText('Fiets gestolen aan de Korenmarkt, kader gegraveerd.')).toBeVisible();
    await chiefContext.close();

    // The DPO opens the log from the navigation.
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'Ines Dubois');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Raadplegingslogboek' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Raadplegingslogboek' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Raadplegingslogboek' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Dossier (id)' }).fill(id);
    await page.getByRole('checkbox', { name: 'Alleen inzage met reden (buiten toewijzing)' }).check();
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await expect(page).toHaveURL(new RegExp(`subject=${id}.*breakGlass=1`));
    const rows = page.getByRole('table', { name: 'Raadplegingslogboek' }).getByRole('row');
    // The header and the one break-glass read of this report.
    await expect(rows).toHaveCount(2);
    const row = rows.nth(1);
    await expect(row).toContainText('filip.vermeulen');
    await expect(row).toContainText('5415-0001 · Korpschef');
    await expect(row).toContainText(id);
    await expect(row).toContainText('via Meldingen: GET /api/reports/:id');
    await expect(row).toContainText('Inzage met reden');
    await expect(row).toContainText(`Rechtvaardiging: ${reason} (dossier COC-2026-041)`);
    await expect(page.getByRole('status').filter({ hasText: '1 raadpleging getoond' })).toBeVisible();

    // Today's chain holds, as verified by each service: one chain in the embedded product, shown once though the
    // day is live (a consultation logged between two services' answers makes them differ by a count).
    const chain = page.getByRole('region', { name: 'Verificatie van de keten' });
    await expect(chain.getByText(/De keten klopt: \d+ raadplegingen?\./)).toHaveCount(1);
    await expect(chain.getByText(/De keten is gebroken/)).toHaveCount(0);
    await expect(chain.getByText(/^Logboek van: /)).toHaveText('Logboek van: Meldingen, Onderzoeken, Inbeslagnames, Integriteit');
    await expectAccessible(page, 'consultation log');
    await screenshot(page, 'dpo-01-consultation-log');
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectAccessible(page, 'consultation log at 1024×768');
    await screenshot(page, 'dpo-02-consultation-log-1024');

    // The answer to the COC: CSV.
    const exportCard = page.getByRole('region', { name: 'Antwoord aan het COC' });
    await expect(exportCard.getByRole('textbox', { name: 'Vraag van het COC' })).toHaveValue(
      `Wie raadpleegde het dossier ${id} tussen (open) en (open), en waarom?`,
    );
    const csvDownload = page.waitForEvent('download');
    await exportCard.getByRole('button', { name: 'CSV downloaden' }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header.split(';').slice(0, 5)).toEqual(['tijdstip (Belgische tijd)', 'tijdstip (UTC)', 'dienst', 'stamnummer', 'gebruiker']);
    expect(lines).toHaveLength(1);
    const fields = lines[0].split(';');
    expect(fields[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(fields.slice(2, 9)).toEqual(['Meldingen', '5415-0001', 'filip.vermeulen', 'Korpschef', 'Korpsleiding', 'Melding', id]);
    expect(fields.slice(10, 13)).toEqual(['Eén dossier', 'Toegestaan', 'Inzage met reden']);
    expect(fields.slice(15, 19)).toEqual(['Ja', reason, 'COC-2026-041', 'GET /api/reports/:id']);
    await expect(exportCard.getByRole('status')).toContainText('Antwoord opgemaakt met 1 raadpleging.');

    // And the PDF, its text read back with poppler's pdftotext.
    const question = `Wie raadpleegde het dossier ${id} in november en december 2026, en waarom? (brief COC van 02/12/2026)`;
    await exportCard.getByRole('textbox', { name: 'Vraag van het COC' }).fill(question);
    const pdfDownload = page.waitForEvent('download');
    await exportCard.getByRole('button', { name: 'Pdf downloaden' }).click();
    const pdfPath = (await (await pdfDownload).path())!;
    expect((await pdfDownload).suggestedFilename()).toMatch(/^coc-\d{8}-\d{4}\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Politiezone Gent',
      'Antwoord aan het Controleorgaan op de politionele informatie (COC)',
      question,
      'van (open) tot en met (open) (dagen in Belgische tijd)',
      `Dossier: ${id}; alleen inzage met reden`,
      '1 raadplegingen, waarvan 1 met reden buiten toewijzing en 0 geweigerd.',
      'INZAGE MET REDEN (buiten toewijzing)',
      'Wie: filip.vermeulen (5415-0001), Korpschef, Korpsleiding',
      'Via: Meldingen, GET /api/reports/:id',
      'Grond: Inzage met reden',
      `Rechtvaardiging: ${reason} (COC-2026-041)`,
      'Meldingen, Onderzoeken, Inbeslagnames, Integriteit',
      'keten klopt:',
      'Opgemaakt door Ines Dubois (5415-0403)',
      'Pagina 1 van 1',
    ]) {
      expect(text).toContain(expected);
    }
    await context.close();
  });
});
