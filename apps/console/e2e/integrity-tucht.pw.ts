import { expect as baseExpect, Page, test } from '@playwright/test';
import { apiPost, TrafficRecorder } from './integrity.support';
import { choose, expectAccessible, screenshot, signIn } from './support';

// The shared cores are busy: a screen's code and its reads may take longer than the default wait to arrive.
const expect = baseExpect.configure({ timeout: 45_000 });
const KOEN = '5415-0204';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });

async function screen(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1024, height: 768 });
  await expectAccessible(page, `${name} at 1024×768`);
  await screenshot(page, `${name}-1024`);
  if (size) await page.setViewportSize(size);
}

test.describe('Bureau Tucht: order measures, threat files and a disciplinary file, sealed from the officer they concern', () => {
  test('Tucht records and follows up an order measure, keeps a threat file and reads a tuchtblad with an erased sanction; the officer sees nothing', async ({
    browser,
    request,
  }) => {
    test.setTimeout(480_000);
    const officerContext = await browser.newContext();
    const tuchtContext = await browser.newContext();
    try {
      const officer = await officerContext.newPage();
      const traffic = await TrafficRecorder.attach(officerContext, officer);
      await signIn(officer, 'Koen Claes', '/');

      // A sanction (a complaint arranged through the API), read on the file as it will stand two years on: past its erasure period.
      const complaint = await apiPost<{ id: string; registerNumber: string }>(request, 'filip.vermeulen', '/api/integrity/complaints', {
        channel: 'letter',
        complainant: { name: 'L. Martens' },
        staffConcerned: [KOEN],
        facts: 'Oude klacht over verbale agressie tijdens een interventie in de Overpoortstraat.',
        receivedOn: '2023-01-02',
      });
      const c = `/api/integrity/complaints/${complaint.id}`;
      await apiPost(request, 'bart.desmet', `${c}/forwardings`, { body: 'comite_p', forwardedOn: '2023-01-03', channel: 'email' });
      await apiPost(request, 'bart.desmet', `${c}/forwardings`, { body: 'aig', forwardedOn: '2023-01-03', channel: 'email' });
      await apiPost(request, 'filip.vermeulen', `${c}/triage`, { route: 'disciplinary', reason: 'Tuchtrechtelijke tekortkoming' });
      await apiPost(request, 'filip.vermeulen', `${c}/investigators`, { investigatorId: '5415-0402', designated: false });
      await apiPost(request, 'hilde.mertens', `${c}/findings`, {
        kind: 'incriminating',
        summary: 'Getuigen bevestigen',
        source: 'verhoor getuigen',
      });
      await apiPost(request, 'hilde.mertens', `${c}/outcome`, { conclusion: 'founded', summary: 'Gegrond' });
      await apiPost(request, 'filip.vermeulen', `${c}/disciplinary-procedures`, { staffId: KOEN });
      await apiPost(request, 'filip.vermeulen', `${c}/sanction`, { staffId: KOEN, sanction: 'waarschuwing', decidedOn: day(0) });

      const tucht = await tuchtContext.newPage();
      await signIn(tucht, 'Hilde Mertens', '/');

      // An order measure toward Koen, decided by the korpschef, then extended.
      await tucht.getByRole('navigation').getByRole('link', { name: 'Ordemaatregelen' }).click();
      await expect(tucht.getByRole('heading', { name: 'Ordemaatregelen', level: 1 })).toBeVisible();
      await tucht.getByRole('button', { name: 'Ordemaatregel registreren' }).click();
      const record = tucht.getByRole('dialog', { name: 'Ordemaatregel registreren' });
      await choose(tucht, 'Personeelslid', `Koen Claes (${KOEN})`);
      await choose(tucht, 'Maatregel', 'schorsing bij ordemaatregel');
      await expect(record).toContainText('Bevoegd: korpschef, burgemeester, minister van Binnenlandse Zaken');
      await choose(tucht, 'Beslist door', 'korpschef');
      await record.getByRole('textbox', { name: 'Reden' }).fill('Aanwezigheid schaadt het lopende onderzoek');
      await screen(tucht, 'tucht-01-order-measure-new');
      await record.getByRole('button', { name: 'Ordemaatregel registreren' }).click();
      await expect(tucht.getByRole('heading', { name: 'Ordemaatregel: schorsing bij ordemaatregel', level: 1 })).toBeVisible();
      const measureId = tucht.url().split('/').pop()!;
      await tucht.getByRole('button', { name: 'Opvolging registreren' }).click();
      const follow = tucht.getByRole('dialog', { name: 'Opvolging registreren' });
      await choose(tucht, 'Opvolging', 'Verlengd');
      await follow.getByLabel('Nieuwe einddatum').fill(day(60));
      await choose(tucht, 'Beslist door', 'korpschef');
      await follow.getByRole('textbox', { name: 'Toelichting' }).fill('Verlengd tot het einde van het onderzoek');
      await follow.getByRole('button', { name: 'Opvolging registreren' }).click();
      await expect(tucht.getByText(/^Verlengd op .*: Verlengd tot het einde van het onderzoek/)).toBeVisible();
      await screen(tucht, 'tucht-02-order-measure');

      // A threat file with Koen as its target, a note, and closed with a reason.
      await tucht.getByRole('navigation').getByRole('link', { name: 'Dreigingsdossiers' }).click();
      await tucht.getByRole('button', { name: 'Dreigingsdossier openen' }).click();
      const open = tucht.getByRole('dialog', { name: 'Dreigingsdossier openen' });
      await open.getByRole('textbox', { name: 'Samenvatting' }).fill('Dreigende berichten van een ex-gedetineerde aan een collega');
      const person = open.getByRole('group', { name: 'Betrokkene 1' });
      await person.getByRole('combobox', { name: 'Personeelslid' }).click();
      await tucht.getByRole('option', { name: `Koen Claes (${KOEN})` }).click();
      await person.getByRole('combobox', { name: 'Rol' }).click();
      await tucht.getByRole('option', { name: 'Doelwit' }).click();
      await open.getByRole('button', { name: 'Dreigingsdossier openen' }).click();
      await expect(tucht.getByRole('heading', { name: /^Dreigingsdossier van /, level: 1 })).toBeVisible();
      const threatId = tucht.url().split('/').pop()!;
      await tucht.getByRole('button', { name: 'Nota toevoegen' }).click();
      await tucht
        .getByRole('dialog', { name: 'Nota toevoegen' })
        .getByRole('textbox', { name: 'Nota' })
        .fill('Gesprek met het diensthoofd over beschermingsmaatregelen');
      await tucht.getByRole('dialog', { name: 'Nota toevoegen' }).getByRole('button', { name: 'Nota toevoegen' }).click();
      await expect(tucht.getByText('Gesprek met het diensthoofd over beschermingsmaatregelen')).toBeVisible();
      await tucht.getByRole('button', { name: 'Dossier sluiten' }).click();
      await tucht.getByRole('dialog', { name: 'Dossier sluiten' }).getByRole('textbox', { name: 'Reden' }).fill('Dader aangehouden');
      await tucht.getByRole('dialog', { name: 'Dossier sluiten' }).getByRole('button', { name: 'Dossier sluiten' }).click();
      await expect(tucht.getByText(/Gesloten op .*: Dader aangehouden/)).toBeVisible();
      await screen(tucht, 'tucht-03-threat-file');

      // Koen's disciplinary file: the old sanction shown as erased, the measure and the threat file.
      await tucht.getByRole('navigation').getByRole('link', { name: 'Tuchtblad' }).click();
      await choose(tucht, 'Personeelslid', `Koen Claes (${KOEN})`);
      await tucht.getByLabel('Toestand op').fill(day(800));
      await tucht.getByRole('button', { name: 'Tuchtblad tonen' }).click();
      // This spec's sanction (another spec's complaint may have sanctioned the same officer in the same product).
      const erased = tucht.locator('[data-erased="true"]').filter({ hasText: 'waarschuwing (lichte straf)' });
      await expect(erased).toContainText('waarschuwing (lichte straf), beslist door korpschef op');
      await expect(erased).toContainText('Uitgewist sinds');
      await expect(tucht.getByRole('region', { name: 'Ordemaatregelen' })).toContainText('schorsing bij ordemaatregel');
      await expect(tucht.getByRole('region', { name: 'Dreigingsdossiers' })).toContainText('Doelwit');
      await screen(tucht, 'tucht-04-disciplinary-file');

      // The officer found nothing of it.
      await signIn(officer, 'Koen Claes', '/reports');
      await expect(officer.getByRole('heading', { level: 1 })).toBeVisible();
      await signIn(officer, 'Koen Claes', '/');
      await expect(officer.getByRole('navigation').getByRole('link', { name: 'Ordemaatregelen' })).toHaveCount(0);
      await signIn(officer, 'Koen Claes', `/integrity/order-measures/${measureId}`);
      await expect(officer.getByRole('alert')).toBeVisible();
      await expect(officer.locator('main')).not.toContainText('schorsing');
      const seen = await traffic.received();
      expect(seen.bodies).toBeGreaterThan(5);
      await traffic.expectNoTraceOf([
        complaint.id,
        complaint.registerNumber,
        threatId,
        'Overpoortstraat',
        'schorsing bij ordemaatregel',
        'Dreigende berichten',
        'waarschuwing',
      ]);
    } finally {
      await officerContext.close();
      await tuchtContext.close();
    }
  });
});
