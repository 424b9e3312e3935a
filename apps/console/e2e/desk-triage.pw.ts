import { expect, test } from '@playwright/test';
import { apiGet, choose, expectAccessible, reportAs, reportByDesk, screenshot, signIn } from './support';

test.describe('the desk handles a report from its page', () => {
  test('assign to a service, refer externally, offer victim support, request an investigation; then the detective of that team finds the case', async ({
    browser,
    request,
  }) => {
    const id = await reportByDesk(request, 'Fiets gestolen aan het Sint-Pietersstation, slot doorgeknipt.');
    const desk = await browser.newContext();
    const detective = await browser.newContext();
    try {
      const page = await desk.newPage();
      await signIn(page, 'An Peeters', `/reports/${id}`);
      const actions = page.getByRole('region', { name: 'Acties' });
      await expect(actions.getByRole('button', { name: 'Wijzigen' })).toBeEnabled();
      await expectAccessible(page, 'report with its actions');
      await screenshot(page, 'desk-10-report-actions');

      // Assign to the competent service.
      await actions.getByRole('button', { name: 'Toewijzen aan dienst' }).click();
      const assign = page.getByRole('dialog', { name: 'Toewijzen aan de bevoegde dienst' });
      await assign.getByRole('button', { name: 'Toewijzen' }).click();
      await expect(assign.getByRole('combobox', { name: 'Dienst' })).toHaveAttribute('aria-invalid', 'true');
      await choose(page, 'Dienst', 'LRD Diefstallen');
      await assign.getByRole('textbox', { name: 'Opmerking (niet verplicht)' }).fill('Reeks fietsdiefstallen aan het station');
      await expectAccessible(page, 'assign dialog');
      await screenshot(page, 'desk-11-assign-dialog');
      await assign.getByRole('button', { name: 'Toewijzen' }).click();
      await expect(assign).toHaveCount(0);
      await expect(page.getByText('Toegewezen aan LRD Diefstallen.')).toBeVisible();
      const followUp = page.getByRole('region', { name: 'Opvolging' });
      await expect(followUp).toContainText('LRD Diefstallen');

      // Refer to a help organisation.
      await actions.getByRole('button', { name: 'Extern doorverwijzen' }).click();
      const refer = page.getByRole('dialog', { name: 'Doorverwijzen naar een hulporganisatie' });
      await refer.getByRole('textbox', { name: 'Organisatie' }).fill('Slachtofferhulp Gent (CAW)');
      await refer.getByRole('textbox', { name: 'Reden' }).fill('Melder is erg aangedaan');
      await refer.getByRole('button', { name: 'Doorverwijzing vastleggen' }).click();
      await expect(refer).toHaveCount(0);
      await expect(followUp).toContainText('Slachtofferhulp Gent (CAW)');

      // Victim support: once per victim; then the action says why it is no longer offered.
      await actions.getByRole('button', { name: 'Slachtofferbejegening' }).click();
      const support = page.getByRole('dialog', { name: 'Slachtofferbejegening aanbieden' });
      await expect(support.getByRole('combobox', { name: 'Slachtoffer' })).toHaveValue('B. Claes');
      await expectAccessible(page, 'victim support dialog');
      await support.getByRole('button', { name: 'Vastleggen' }).click();
      await expect(support).toHaveCount(0);
      await expect(page.getByRole('row', { name: /B\. Claes/ })).toContainText('Aangeboden');
      await expect(actions.getByRole('button', { name: 'Slachtofferbejegening' })).toBeDisabled();
      await expect(actions).toContainText('Elk slachtoffer op deze melding kreeg al slachtofferbejegening aangeboden.');

      // Refer to the detectives.
      await actions.getByRole('button', { name: 'Onderzoek vragen' }).click();
      const investigation = page.getByRole('dialog', { name: 'Doorverwijzen naar de recherche' });
      await expect(investigation).toContainText('Gaat naar: LRD Diefstallen');
      await investigation.getByRole('textbox', { name: 'Waarom een onderzoek?' }).fill('Derde fietsdiefstal aan het station deze week');
      await expectAccessible(page, 'investigation dialog');
      await screenshot(page, 'desk-12-investigation-dialog');
      await investigation.getByRole('button', { name: 'Onderzoek vragen' }).click();
      await expect(investigation).toHaveCount(0);
      await expect(page.getByText('Onderzoek gevraagd.')).toBeVisible();
      await expect(actions.getByRole('button', { name: 'Onderzoek vragen' })).toBeDisabled();
      await expect(actions).toContainText(/Onderzoek al gevraagd op \d\d\/\d\d\/\d{4} \d\d:\d\d\./);
      await expectAccessible(page, 'report after triage');
      await screenshot(page, 'desk-13-report-after-triage');

      // Pieter Janssens (Diefstallen) finds the report in his list, and the case opened from it.
      const pieter = await detective.newPage();
      await signIn(pieter, 'Pieter Janssens', '/reports');
      const row = pieter.getByRole('row').filter({ hasText: 'LRD Diefstallen' }).filter({ hasText: 'fietsdiefstal' });
      await expect(row.first()).toBeVisible();
      await row.first().getByRole('link').click();
      await expect(pieter.getByText('Fiets gestolen aan het Sint-Pietersstation, slot doorgeknipt.')).toBeVisible();
      await expect(pieter.getByRole('region', { name: 'Opvolging' })).toContainText('LRD Diefstallen');
      await expect
        .poll(async () => {
          const { body } = await apiGet<{ investigations: { team: string; reportIds: string[] }[] }>(
            request,
            'pieter.janssens',
            `/api/investigations?reportId=${id}`,
          );
          return body.investigations.map((c) => ({ team: c.team, reportIds: c.reportIds }));
        })
        .toEqual([{ team: 'Diefstallen', reportIds: [id] }]);
      // A Drugs detective sees neither.
      const sofie = await apiGet<{ investigations: unknown[] }>(request, 'sofie.maes', `/api/investigations?reportId=${id}`);
      expect(sofie.body.investigations).toEqual([]);
    } finally {
      await desk.close();
      await detective.close();
    }
  });

  test('the chief reads a report only with a reason, and sees why he may not handle it', async ({ page, request }) => {
    const id = await reportByDesk(request, 'Gsm gestolen uit jaszak op de markt.');
    await signIn(page, 'Filip Vermeulen', `/reports/${id}`);
    // The chief reads outside an assignment only with a reason (break-glass), then sees no actions.
    const dialog = page.getByRole('dialog', { name: 'Reden van inzage' });
    await dialog.getByRole('textbox', { name: /Waarom hebt u dit dossier nodig/ }).fill('Controle van de opvolging van gsm-diefstallen');
    await dialog.getByRole('button', { name: 'Inzien en loggen' }).click();
    const actions = page.getByRole('region', { name: 'Acties' });
    await expect(actions).toContainText('Uw rol kan meldingen inzien, niet behandelen.');
    await expect(actions.getByRole('button')).toHaveCount(0);
    await expectAccessible(page, 'report read by the chief');
  });

  test('a melding without offence, time or place goes to the detectives once it is amended with them', async ({ page, request }) => {
    const id = await reportAs(request, 'an.peeters', {
      kind: 'melding',
      channel: { kind: 'phone' },
      narrative: 'Buurtbewoner meldt dat er al dagen een bestelwagen verdachte ritten maakt in de straat.',
      parties: [{ name: 'R. Wouters', roles: ['reporter', 'witness'] }],
    });
    await signIn(page, 'An Peeters', `/reports/${id}`);
    const actions = page.getByRole('region', { name: 'Acties' });
    await expect(actions.getByRole('button', { name: 'Onderzoek vragen' })).toBeDisabled();
    await expect(actions).toContainText('Vul eerst aan via Wijzigen: feit, tijdvak, plaats.');
    await expect(actions).toContainText('Er staat geen slachtoffer op deze melding.');

    await actions.getByRole('button', { name: 'Wijzigen' }).click();
    const amend = page.getByRole('form', { name: 'Melding wijzigen' });
    await amend.getByRole('textbox', { name: 'Feit' }).fill('verdachte handelingen');
    await amend.getByRole('textbox', { name: 'Van', exact: true }).fill('01/12/2026 08:00');
    await amend.getByRole('textbox', { name: 'Tot', exact: true }).fill('04/12/2026 20:00');
    await amend.getByRole('textbox', { name: 'Gemeente' }).fill('Gent');
    await amend.getByRole('textbox', { name: 'Adres' }).fill('Rooigemlaan');
    await amend.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await expect(amend.getByRole('textbox', { name: 'Reden van de wijziging' })).toHaveAttribute('aria-invalid', 'true');
    await amend.getByRole('textbox', { name: 'Reden van de wijziging' }).fill('Melder belde terug met details');
    await expectAccessible(page, 'amendment form');
    await screenshot(page, 'desk-14-amend-form');
    await amend.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await expect(page.getByText('Wijziging opgeslagen.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Wijzigingen' })).toContainText('feit, tijdvak, plaats — Melder belde terug met details');
    await expect(page.getByRole('region', { name: 'Feiten' })).toContainText('Rooigemlaan, Gent');
    await expect(actions.getByRole('button', { name: 'Onderzoek vragen' })).toBeEnabled();
  });
});
