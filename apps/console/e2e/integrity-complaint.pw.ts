import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect as baseExpect, Page, test } from '@playwright/test';
import { TrafficRecorder } from './integrity.support';
import { apiGet, choose, expectAccessible, screenshot, signIn } from './support';

const FACTS = 'Agent duwde mij hardhandig tegen de gevel bij een controle aan het Sint-Pietersplein.';
const COMPLAINANT = 'R. Vandenbroucke';
// The shared cores are busy: a screen's code and its reads may take longer than the default wait to arrive.
const expect = baseExpect.configure({ timeout: 45_000 });
const KOEN = '5415-0204';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
const pdfDir = path.resolve(__dirname, '..', '..', '..', 'dist', 'console-e2e', 'screenshots');

/** Accessible and photographed on a desktop and at 1024×768 (a tablet in landscape). */
async function screen(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1024, height: 768 });
  await expectAccessible(page, `${name} at 1024×768`);
  await screenshot(page, `${name}-1024`);
  if (size) await page.setViewportSize(size);
}

/** A dialog of the complaint file, by its title. */
const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title });

test.describe('Intern Toezicht: a complaint from the desk to closure, sealed from the officer it concerns', () => {
  test('the desk takes it, BIT forwards it (forwarding before triage), the chief triages and assigns past a conflict of interest, BIT investigates, the chief decides and closes; the officer sees nothing', async ({
    browser,
    request,
  }) => {
    test.setTimeout(600_000);
    const officerContext = await browser.newContext();
    const deskContext = await browser.newContext();
    const bitContext = await browser.newContext();
    const chiefContext = await browser.newContext();
    try {
      // Koen Claes is the officer the complaint names. He is signed in the whole time, and everything his browser receives is kept.
      const officer = await officerContext.newPage();
      const traffic = await TrafficRecorder.attach(officerContext, officer);
      await signIn(officer, 'Koen Claes', '/');

      // The desk takes the complaint; it goes to integrity at once.
      const desk = await deskContext.newPage();
      await signIn(desk, 'An Peeters', '/reports/new');
      await choose(desk, 'Soort', 'Klacht');
      await desk.getByRole('textbox', { name: 'Feit' }).fill('onheus optreden');
      await choose(desk, 'Kantoor', 'Algemeen Politiecentrum Gent (APG) (op afspraak)');
      await desk.getByRole('textbox', { name: 'Afspraakreferentie' }).fill('APT-2026-3001');
      await desk.getByRole('textbox', { name: 'Van', exact: true }).fill('03/12/2026 14:00');
      await desk.getByRole('textbox', { name: 'Tot', exact: true }).fill('03/12/2026 14:20');
      await desk.getByRole('textbox', { name: 'Gemeente' }).fill('Gent');
      const party = desk.getByRole('group', { name: 'Betrokkene 1' });
      await party.getByRole('textbox', { name: 'Naam' }).fill(COMPLAINANT);
      await party.getByRole('checkbox', { name: 'Slachtoffer' }).check();
      await desk.getByRole('textbox', { name: 'Relaas', exact: true }).fill(FACTS);
      await desk.getByRole('checkbox', { name: 'Klacht over een politiemedewerker' }).check();
      const staff = desk.getByRole('combobox', { name: 'Betrokken medewerkers' });
      await staff.fill(KOEN);
      await staff.press('Enter');
      // The desk stays on its intake screen (the complaint leaves for Intern Toezicht): the report's id is in the answer.
      const created = desk.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/reports');
      await desk.getByRole('button', { name: 'Melding opnemen' }).click();
      await expect(desk.getByText('Klacht opgenomen en doorgestuurd naar Intern Toezicht.')).toBeVisible();
      const reportId = ((await (await created).json()) as { id: string }).id;
      expect(reportId).toMatch(/^[0-9a-f-]{36}$/);

      // BIT finds it in the intake list, with the time limit of each step.
      const bit = await bitContext.newPage();
      await signIn(bit, 'Bart De Smet', '/');
      await bit.getByRole('navigation').getByRole('link', { name: 'Klachten' }).click();
      await expect(bit.getByRole('heading', { name: 'Klachten tegen personeelsleden', level: 1 })).toBeVisible();
      const row = bit.getByRole('row').filter({ hasText: 'Balie (onthaal)' }).first();
      await expect(row).toContainText('Doorzending Comité P');
      await expect(row).toContainText('Triage');

      // A letter that came in two days ago (forwarding due within days: amber) and one from long ago (red), registered by BIT.
      for (const [receivedOn, channel] of [
        [daysAgo(3), 'Brief'],
        [daysAgo(40), 'Via de burgemeester'],
      ] as const) {
        await bit.getByRole('link', { name: 'Klacht registreren' }).first().click();
        await expect(bit.getByRole('heading', { name: 'Klacht registreren', level: 1 })).toBeVisible();
        await choose(bit, 'Kanaal', channel);
        await bit.getByLabel('Ontvangen op').fill(receivedOn);
        await bit.getByRole('textbox', { name: 'Naam van de klager' }).fill('J. Peeters');
        await bit.getByRole('textbox', { name: 'Feiten' }).fill('Klager stelt dat zijn vraag om hulp werd genegeerd.');
        if (channel === 'Brief') await screen(bit, 'integrity-02-register');
        await bit.getByRole('button', { name: 'Klacht registreren' }).click();
        await expect(bit.getByRole('heading', { name: /^Klacht DIT-/, level: 1 })).toBeVisible();
      }
      await bit.getByRole('link', { name: 'Terug naar de klachten' }).click();
      await expect(bit.locator('[data-deadline="due_soon"]').first()).toBeVisible();
      await expect(bit.locator('[data-deadline="overdue"]').first()).toBeVisible();
      await expect(bit.locator('[data-deadline="overdue"]').first()).toContainText('over termijn');
      await screen(bit, 'integrity-01-intake-list');

      // The chief opens the desk's complaint and tries to triage it: refused, it is not forwarded yet. Other tests'
      // desk complaints of the same day are in the list too (ordered by id within a day): its row is the one with the
      // register number integrity gave this report's complaint.
      let ownNumber = '';
      await expect
        .poll(async () => {
          const own = await apiGet<{ items: { registerNumber: string | null }[] }>(
            request,
            'filip.vermeulen',
            `/api/integrity/complaints?reportId=${reportId}`,
          );
          ownNumber = own.body.items[0]?.registerNumber ?? '';
          return ownNumber;
        })
        .toMatch(/^DIT-/);
      const chief = await chiefContext.newPage();
      await signIn(chief, 'Filip Vermeulen', '/integrity');
      await chief.getByRole('row').filter({ hasText: ownNumber }).getByRole('link').click();
      const title = chief.getByRole('heading', { name: /^Klacht DIT-/, level: 1 });
      await expect(title).toBeVisible();
      const registerNumber = (await title.textContent())!.replace('Klacht ', '').trim();
      const complaintUrl = chief.url();
      const complaintId = complaintUrl.split('/').pop()!;
      await expect(chief.getByText(FACTS)).toBeVisible();
      await chief.getByRole('button', { name: 'Triëren' }).click();
      const triage = dialog(chief, 'Triëren');
      await triage.getByRole('textbox', { name: 'Reden' }).fill('Deontologische tekortkoming bij een controle');
      await triage.getByRole('button', { name: 'Triage vastleggen' }).click();
      await expect(triage.getByRole('alert')).toContainText('Eerst doorzenden: elke klacht gaat naar Comité P én AIG vóór triage');
      await screen(chief, 'integrity-03-triage-refused-before-forwarding');
      await triage.getByRole('button', { name: 'Annuleren' }).click();

      // BIT records both forwardings, downloads the forwarding document and records Comité P's reference.
      await signIn(bit, 'Bart De Smet', complaintUrl);
      await bit.getByRole('button', { name: 'Doorzending aan Comité P registreren' }).click();
      await choose(bit, 'Verzonden per', 'E-mail');
      await dialog(bit, 'Doorzending aan Comité P registreren').getByRole('button', { name: 'Doorzending registreren' }).click();
      await expect(bit.getByText('Doorzending aan Comité P geregistreerd.')).toBeVisible();
      await bit.getByRole('button', { name: 'Doorzending aan AIG registreren' }).click();
      const toAig = dialog(bit, 'Doorzending aan AIG registreren');
      await choose(bit, 'Verzonden per', 'Aangetekende brief');
      await toAig.getByRole('textbox', { name: 'Referentie (indien al gekend)' }).fill('AIG/2026/0815');
      await toAig.getByRole('button', { name: 'Doorzending registreren' }).click();
      await expect(bit.getByText('Doorzending aan AIG geregistreerd.')).toBeVisible();
      const download = bit.waitForEvent('download');
      await bit.getByRole('button', { name: 'Doorzendingsdocument voor Comité P downloaden' }).click();
      const pdf = path.join(pdfDir, 'integrity-forwarding-comite-p.pdf');
      mkdirSync(pdfDir, { recursive: true });
      await (await download).saveAs(pdf);
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, path.join(pdfDir, 'integrity-forwarding-comite-p')]);
      const pdfText = execFileSync('pdftotext', [pdf, '-']).toString();
      expect(pdfText).toContain(registerNumber);
      expect(pdfText).toContain('Comité P');
      // Words and Belgian dates, not codes.
      expect(pdfText).toContain('kanaal: aangifte aan de balie');
      expect(pdfText).toMatch(/Doorgezonden op \d{2}\/\d{2}\/\d{4} per e-mail/);
      await bit.getByRole('button', { name: 'Referentie van Comité P registreren' }).click();
      const ack = dialog(bit, 'Referentie van Comité P registreren');
      await ack.getByRole('textbox', { name: 'Referentie van Comité P' }).fill('CP-2026-12345');
      await ack.getByRole('button', { name: 'Referentie registreren' }).click();
      await expect(bit.getByText('CP-2026-12345')).toBeVisible();
      await screen(bit, 'integrity-04-forwarded');

      // Now the chief's triage goes through: an administrative investigation by BIT.
      await signIn(chief, 'Filip Vermeulen', complaintUrl);
      await chief.getByRole('button', { name: 'Triëren' }).click();
      await choose(chief, 'Naar', 'Administratief onderzoek (BIT)');
      await dialog(chief, 'Triëren').getByRole('textbox', { name: 'Reden' }).fill('Deontologische tekortkoming bij een controle');
      await dialog(chief, 'Triëren').getByRole('button', { name: 'Triage vastleggen' }).click();
      await expect(chief.getByText('Klacht getrieerd.')).toBeVisible();
      await expect(chief.getByText(/Administratief onderzoek \(BIT\), bevolen door Filip Vermeulen/)).toBeVisible();

      // Assigning: the check runs as soon as a person is chosen, and says why one is refused.
      await chief.getByRole('button', { name: 'Onderzoeker toewijzen' }).click();
      const assign = dialog(chief, 'Onderzoeker toewijzen');
      await choose(chief, 'Personeelslid', `Koen Claes (${KOEN})`);
      await expect(assign.getByRole('status')).toContainText('Geweigerd: deze persoon is zelf betrokken bij de klacht');
      await expect(assign.getByRole('button', { name: 'Toewijzing bevestigen' })).toBeDisabled();
      await choose(chief, 'Personeelslid', 'Bart De Smet (5415-0401)');
      await expect(assign.getByRole('status')).toContainText('Belangenconflict');
      await expect(assign.getByRole('status')).toContainText(`geregistreerde persoonlijke band met Koen Claes (${KOEN})`);
      await expect(assign.getByRole('button', { name: 'Toewijzing bevestigen' })).toBeDisabled();
      await screen(chief, 'integrity-05-conflict-of-interest');
      await assign.getByRole('checkbox', { name: 'Toch toewijzen (uitzondering van de korpschef)' }).check();
      await assign
        .getByRole('textbox', { name: 'Reden van de uitzondering' })
        .fill('Enige beschikbare BIT-onderzoeker; tweede lezing door de diensthoofd');
      await assign.getByRole('button', { name: 'Toewijzing bevestigen' }).click();
      await expect(chief.getByText('Onderzoeker toegewezen.', { exact: true })).toBeVisible();
      await expect(
        chief.getByText(/Uitzondering op belangenconflict .* door Filip Vermeulen .*: Enige beschikbare BIT-onderzoeker/),
      ).toBeVisible();

      // BIT investigates: findings both ways, side by side; an information request and its answer; a hearing with rights.
      await signIn(bit, 'Bart De Smet', complaintUrl);
      for (const [kind, summary, source] of [
        ['Ten laste', 'Bodycam toont dat de klager tegen de gevel werd geduwd', 'bodycambeelden'],
        ['Ten ontlaste', 'Getuige verklaart dat de klager de agent eerst vastgreep', 'verhoor getuige'],
      ]) {
        await bit
          .getByRole('region', { name: 'Bevindingen ten laste en ten ontlaste' })
          .getByRole('button', { name: 'Bevinding registreren' })
          .click();
        const finding = dialog(bit, 'Bevinding registreren');
        await choose(bit, 'Soort', kind);
        await finding.getByRole('textbox', { name: 'Bevinding' }).fill(summary);
        await finding.getByRole('textbox', { name: 'Bron' }).fill(source);
        await finding.getByRole('button', { name: 'Bevinding registreren' }).click();
        await expect(bit.getByText(summary)).toBeVisible();
        await expect(finding).toBeHidden();
      }
      await expect(
        bit.getByRole('region', { name: 'Bevindingen ten laste en ten ontlaste' }).getByRole('region', { name: 'Ten laste' }),
      ).toContainText('Bodycam');
      await expect(
        bit.getByRole('region', { name: 'Bevindingen ten laste en ten ontlaste' }).getByRole('region', { name: 'Ten ontlaste' }),
      ).toContainText('Getuige');
      await bit.getByRole('button', { name: 'Informatievraag registreren' }).click();
      const ask = dialog(bit, 'Informatievraag registreren');
      await choose(bit, 'Van', 'AIG');
      await ask.getByRole('textbox', { name: 'Vraag' }).fill('Stand van het onderzoek?');
      await ask.getByRole('button', { name: 'Informatievraag registreren' }).click();
      await bit.getByRole('button', { name: /^Antwoord op de vraag van AIG/ }).click();
      const answer = dialog(bit, 'Antwoord registreren');
      await answer.getByRole('textbox', { name: 'Antwoord' }).fill('Onderzoek loopt; verhoor gepland');
      await answer.getByRole('button', { name: 'Antwoord registreren' }).click();
      await expect(bit.getByText(/Beantwoord op .* door Bart De Smet \(5415-0401\): Onderzoek loopt; verhoor gepland/)).toBeVisible();
      await bit.getByRole('button', { name: 'Verhoor registreren' }).click();
      const hearing = dialog(bit, 'Verhoor registreren');
      await hearing.getByRole('textbox', { name: 'Naam van de advocaat of verdediger' }).fill('Mr. De Wolf');
      await hearing.getByRole('checkbox', { name: 'Inzage in het dossier gegeven' }).check();
      await hearing.getByRole('textbox', { name: 'Samenvatting' }).fill('Betrokkene erkent een duw, ontkent geweld');
      await hearing.getByRole('button', { name: 'Verhoor registreren' }).click();
      await expect(bit.getByText('Rechten: Advocaat Mr. De Wolf; inzage in het dossier: ja')).toBeVisible();
      await bit.getByRole('button', { name: 'Onderzoek afronden' }).click();
      const conclude = dialog(bit, 'Onderzoek afronden');
      await conclude.getByRole('textbox', { name: 'Motivering' }).fill('Gegrond: disproportioneel optreden');
      await conclude.getByRole('button', { name: 'Onderzoek afronden' }).click();
      await expect(bit.getByText(/^Gegrond — Gegrond: disproportioneel optreden \(1 ten laste, 1 ten ontlaste/)).toBeVisible();
      await screen(bit, 'integrity-06-investigated');

      // The chief starts the disciplinary procedure and decides the sanction within his competence; lessons learned; closure.
      await signIn(chief, 'Filip Vermeulen', complaintUrl);
      await chief.getByRole('button', { name: 'Tuchtprocedure starten' }).click();
      await dialog(chief, 'Tuchtprocedure starten').getByRole('button', { name: 'Tuchtprocedure starten' }).click();
      await expect(chief.getByText('Tuchtprocedure gestart.')).toBeVisible();
      await chief.getByRole('button', { name: `Tuchtstraf voor Koen Claes (${KOEN})` }).click();
      const sanction = dialog(chief, `Tuchtstraf voor Koen Claes (${KOEN})`);
      await expect(sanction).toContainText('U beslist als korpschef: lichte straf.');
      await chief.getByRole('combobox', { name: 'Straf (uit de catalogus van de zone)' }).click();
      // Outside the korpschef's competence: offered but not choosable (Mantine marks the option, not aria-disabled).
      await expect(chief.getByRole('option', { name: 'schorsing (zware straf)' })).toHaveAttribute('data-combobox-disabled', 'true');
      await chief.getByRole('option', { name: 'blaam (lichte straf)' }).click();
      await screen(chief, 'integrity-07-sanction');
      await sanction.getByRole('button', { name: 'Tuchtstraf beslissen' }).click();
      await expect(chief.getByText(/blaam \(lichte straf\), beslist door korpschef op/)).toBeVisible();
      await chief.getByRole('button', { name: 'Leermoment registreren' }).click();
      const lesson = dialog(chief, 'Leermoment registreren');
      await lesson.getByRole('textbox', { name: 'Leermoment' }).fill('De-escalatie opnieuw in de briefing');
      await lesson.getByRole('button', { name: 'Leermoment registreren' }).click();
      await expect(chief.getByText(/Het korps: De-escalatie opnieuw in de briefing/)).toBeVisible();
      await chief.getByRole('button', { name: 'Klacht afsluiten' }).click();
      await dialog(chief, 'Klacht afsluiten').getByRole('button', { name: 'Klacht afsluiten' }).click();
      await expect(chief.getByText('Deze klacht is afgesloten: ze kan enkel nog gelezen worden.')).toBeVisible();
      await screen(chief, 'integrity-08-closed');

      // The early warning is a signal for human review, and says so.
      await chief.getByRole('navigation').getByRole('link', { name: 'Vroegtijdige signalen' }).click();
      await expect(chief.getByRole('note')).toContainText('Dit is enkel een signaal voor menselijke beoordeling');
      await screen(chief, 'integrity-09-early-warning');

      // All along, the officer it concerns found nothing: his screens, his searches and every byte his browser received.
      await signIn(officer, 'Koen Claes', '/');
      await expect(officer.getByRole('navigation').getByRole('link', { name: 'Klachten' })).toHaveCount(0);
      await signIn(officer, 'Koen Claes', '/reports');
      await expect(officer.getByRole('heading', { level: 1 })).toBeVisible();
      await signIn(officer, 'Koen Claes', `/search?q=${encodeURIComponent('Sint-Pietersplein')}`);
      await expect(officer.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(officer.locator('main')).not.toContainText('Agent duwde');
      await signIn(officer, 'Koen Claes', `/search?q=${encodeURIComponent(registerNumber)}`);
      await expect(officer.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(officer.locator('body')).not.toContainText(COMPLAINANT);
      await signIn(officer, 'Koen Claes', '/');
      await expect(officer.locator('body')).not.toContainText(registerNumber);
      const seen = await traffic.received();
      expect(seen.bodies).toBeGreaterThan(10);
      expect(seen.liveChunks).toBeGreaterThan(0);
      await traffic.expectNoTraceOf([
        complaintId,
        reportId,
        registerNumber,
        FACTS,
        'Sint-Pietersplein',
        COMPLAINANT,
        'DIT-',
        'CP-2026-12345',
        'AIG/2026/0815',
        'disproportioneel',
      ]);
    } finally {
      await officerContext.close();
      await deskContext.close();
      await bitContext.close();
      await chiefContext.close();
    }
  });
});
