import { expect, test } from '@playwright/test';
import { as, brussels, choose, hoursAgo, referredCase } from './investigations.support';
import { expectAccessible, screenshot, signIn } from './support';

test.describe('a detective works his case', () => {
  test('Pieter Janssens records the directing magistrate, a hearing with its Salduz record, a house search and a task; the timeline shows them, the file as it stood before does not; he closes and reopens the case', async ({
    page,
    request,
  }) => {
    const kase = await referredCase(request, 'Sint-Pietersplein 9');
    const els = await as(request, 'els.jacobs');
    await els.post(`/api/investigations/${kase.id}/lead-investigator`, { staffId: '5415-0201' });
    // A task already past its day: the case file must make it stand out.
    const pieterApi = await as(request, 'pieter.janssens');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await pieterApi.post(
      `/api/investigations/${kase.id}/tasks`,
      { title: 'Camerabeelden station opvragen', assignee: '5415-0201', dueDate: yesterday },
      { 'Idempotency-Key': `overdue-${kase.id}` },
    );

    await signIn(page, 'Pieter Janssens', `/investigations/${kase.id}`);
    await expect(page.getByRole('heading', { name: kase.title, level: 1 })).toBeVisible();

    // A coercive action is not offered before the directing magistrate is recorded, and the form says why.
    await page.getByRole('tab', { name: /Onderzoeksdaden/ }).click();
    await page.getByRole('button', { name: 'Onderzoeksdaad registreren' }).click();
    const early = page.getByRole('dialog', { name: 'Onderzoeksdaad registreren' });
    await early.getByRole('combobox', { name: 'Soort', exact: true }).click();
    await expect(page.getByRole('option', { name: 'Huiszoeking — eerst een leidende magistraat' })).toHaveAttribute(
      'data-combobox-disabled',
    );
    await page.keyboard.press('Escape');
    await early.getByRole('button', { name: 'Annuleren' }).click();

    await page.getByRole('tab', { name: 'Overzicht' }).click();
    await page.getByRole('button', { name: 'Leidende magistraat registreren' }).click();
    const authority = page.getByRole('dialog', { name: 'Leidende magistraat' });
    await choose(authority, 'Magistraat', 'Procureur des Konings');
    await authority.getByRole('textbox', { name: 'Referentie' }).fill('GE.20.L1.004512/26');
    await authority.getByRole('button', { name: 'Registreren' }).click();
    await expect(authority).toBeHidden();
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('Procureur des Konings — GE.20.L1.004512/26');

    // The hearing: the Salduz rules stand beside the fields and follow the person heard.
    await page.getByRole('tab', { name: /Onderzoeksdaden/ }).click();
    await page.getByRole('button', { name: 'Verhoor registreren' }).click();
    const hearing = page.getByRole('dialog', { name: 'Onderzoeksdaad registreren' });
    await choose(hearing, 'Verhoorde persoon', 'B. Claes (Slachtoffer)');
    await expect(hearing.getByRole('checkbox', { name: 'Uitgesteld Salduz-verhoor' })).toBeDisabled();
    await expect(hearing.getByRole('radio', { name: 'Niet van toepassing (geen verdachte)' })).toBeEnabled();
    await choose(hearing, 'Verhoorde persoon', 'K. Verdacht (Verdachte)');
    await expect(hearing.getByRole('radio', { name: 'Niet van toepassing (geen verdachte)' })).toBeDisabled();
    await hearing.getByRole('checkbox', { name: 'Minderjarig' }).check();
    await expect(hearing.getByRole('radio', { name: 'Afstand van advocaat' })).toBeDisabled();
    await hearing.getByRole('checkbox', { name: 'Minderjarig' }).uncheck();
    await hearing.getByRole('textbox', { name: 'Begin' }).fill(brussels(hoursAgo(3)));
    await hearing.getByRole('textbox', { name: 'Einde' }).fill(brussels(hoursAgo(2)));
    await hearing.getByRole('checkbox', { name: 'Uitgesteld Salduz-verhoor' }).check();
    await hearing.getByRole('radio', { name: 'Advocaat aanwezig' }).check();
    await hearing.getByRole('textbox', { name: 'Naam van de advocaat' }).fill('Mr. L. Vermeersch');
    await hearing.getByRole('checkbox', { name: 'Met tolk' }).check();
    await hearing.getByRole('textbox', { name: 'Taal' }).fill('Roemeens');
    await hearing.getByRole('textbox', { name: 'Naam van de tolk' }).fill('I. Popescu');
    await expectAccessible(page, 'hearing dialog');
    await screenshot(page, 'inv-06-hearing-dialog');
    await hearing.getByRole('button', { name: 'Registreren' }).click();
    await expect(hearing).toBeHidden();
    const hearings = page.getByRole('region', { name: 'Verhoren' });
    await expect(hearings).toContainText('K. Verdacht (Verdachte)');
    await expect(hearings).toContainText('uitgesteld Salduz');
    await expect(hearings).toContainText('Mr. L. Vermeersch (aanwezig)');
    await expect(hearings).toContainText('I. Popescu (Roemeens)');

    // A house search: coercive (the directing magistrate is there now) and it needs its own authorisation.
    await page.getByRole('button', { name: 'Onderzoeksdaad registreren' }).click();
    const search = page.getByRole('dialog', { name: 'Onderzoeksdaad registreren' });
    await choose(search, 'Soort', 'Huiszoeking');
    await expect(search).toContainText('Deze onderzoeksdaad vraagt een machtiging van een magistraat, met haar referentie.');
    await search.getByRole('textbox', { name: 'Begin' }).fill(brussels(hoursAgo(1.5)));
    await search.getByRole('textbox', { name: 'Adres' }).fill('Dampoortstraat 40, Gent');
    await search.getByRole('textbox', { name: 'Bevindingen' }).fill('Twee fietsen met doorgeknipt slot aangetroffen.');
    await search.getByRole('button', { name: 'Registreren' }).click();
    await expect(search.getByRole('textbox', { name: 'Referentie' })).toHaveAttribute('aria-invalid', 'true');
    await choose(search, 'Machtiging van', 'Onderzoeksrechter');
    await search.getByRole('textbox', { name: 'Referentie' }).fill('HZB-2026/0042');
    await search.getByRole('button', { name: 'Registreren' }).click();
    await expect(search).toBeHidden();
    const others = page.getByRole('region', { name: 'Andere onderzoeksdaden' });
    await expect(others).toContainText('Huiszoeking');
    await expect(others).toContainText('Onderzoeksrechter — HZB-2026/0042');
    await expect(others).toContainText('onder leiding van Procureur des Konings — GE.20.L1.004512/26');
    await expectAccessible(page, 'investigative actions');
    await screenshot(page, 'inv-07-actions');

    // A task; the one past its day stands out.
    await page.getByRole('tab', { name: /Taken/ }).click();
    await expect(page.getByRole('tab', { name: /Taken/ })).toContainText('1 te laat');
    const tasks = page.getByRole('region', { name: 'Taken' });
    await expect(tasks.getByRole('row', { name: /Camerabeelden station opvragen/ })).toContainText('te laat');
    await tasks.getByRole('button', { name: 'Nieuwe taak' }).click();
    const task = page.getByRole('dialog', { name: 'Nieuwe taak' });
    await task.getByRole('textbox', { name: 'Titel' }).fill('Buurtonderzoek Dampoort');
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    await task.getByRole('textbox', { name: 'Tegen' }).fill(brussels(inAWeek).slice(0, 10));
    await task.getByRole('textbox', { name: 'Tegen' }).press('Tab');
    await task.getByRole('button', { name: 'Taak aanmaken' }).click();
    await expect(task).toBeHidden();
    await expect(tasks.getByRole('row', { name: /Buurtonderzoek Dampoort/ })).toContainText('5415-0201 (u)');
    await expect(tasks.getByRole('row', { name: /Buurtonderzoek Dampoort/ })).not.toContainText('te laat');
    await expectAccessible(page, 'tasks');
    await screenshot(page, 'inv-08-tasks');

    // The timeline tells it, newest first.
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toContainText('Taak "Buurtonderzoek Dampoort" voor 5415-0201');
    await expect(timeline).toContainText('Huiszoeking Dampoortstraat 40, Gent, gemachtigd door Onderzoeksrechter HZB-2026/0042');
    await expect(timeline).toContainText(
      'Verhoor van Verdachte K. Verdacht: uitgesteld Salduz-verhoor, advocaat Mr. L. Vermeersch aanwezig, tolk Roemeens',
    );
    await expect(timeline).toContainText('Leidende magistraat: Procureur des Konings GE.20.L1.004512/26 (Opsporingsonderzoek)');
    await expectAccessible(page, 'timeline');
    await screenshot(page, 'inv-09-timeline');

    // The file as it stood right after the magistrate was recorded: no hearing, no search, read only.
    await timeline
      .getByRole('row', { name: /Leidende magistraat:/ })
      .getByRole('button', { name: /Dossier bekijken zoals het was na stap/ })
      .click();
    const banner = page.getByTestId('historical-banner');
    await expect(banner).toContainText('Historische weergave — alleen lezen');
    await expect(timeline).not.toContainText('Verhoor van');
    await page.getByRole('tab', { name: /Onderzoeksdaden/ }).click();
    await expect(page.getByRole('tab', { name: /Onderzoeksdaden/ })).toHaveText('Onderzoeksdaden (0)');
    await expect(page.getByText('Nog geen verhoren.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verhoor registreren' })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Overzicht' }).click();
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('Procureur des Konings — GE.20.L1.004512/26');
    await expect(page.getByRole('button', { name: 'Afsluiten' })).toHaveCount(0);
    await expectAccessible(page, 'historical view');
    await screenshot(page, 'inv-10-historical');

    // Before the case existed, the date picker says so.
    await page.getByRole('textbox', { name: 'Dossier zoals het was op' }).fill(brussels(hoursAgo(48)));
    await page.getByRole('textbox', { name: 'Dossier zoals het was op' }).press('Tab');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await expect(page.getByText('Op dat moment bestond dit dossier nog niet. Kies een later tijdstip.')).toBeVisible();
    await page.getByRole('button', { name: 'Terug naar vandaag' }).click();
    await expect(banner).toBeHidden();

    // Close and reopen (he is the lead investigator).
    const closing = page.getByRole('region', { name: 'Rapportering en afsluiting' });
    await closing.getByRole('button', { name: 'Afsluiten' }).click();
    const close = page.getByRole('dialog', { name: 'Dossier afsluiten' });
    await close.getByRole('combobox', { name: 'Uitkomst', exact: true }).click();
    await expect(page.getByRole('option', { name: 'Gerapporteerd aan de magistraat (eerst rapporteren)' })).toHaveAttribute(
      'data-combobox-disabled',
    );
    await page.getByRole('option', { name: 'Geen verder gevolg', exact: true }).click();
    await close.getByRole('textbox', { name: 'Reden' }).fill('Dader onbekend, geen verdere sporen');
    await close.getByRole('button', { name: 'Afsluiten' }).click();
    await expect(close).toBeHidden();
    await expect(page.getByRole('group', { name: 'Kerngegevens van het dossier' })).toContainText('Afgesloten');
    await expect(page.getByRole('note')).toContainText('Dit dossier is afgesloten: alleen heropenen is mogelijk.');
    await expect(
      page.getByRole('region', { name: 'Gegevens' }).getByRole('button', { name: 'Leidende magistraat registreren' }),
    ).toBeDisabled();
    await expect(closing).toContainText('Geen verder gevolg');
    await expectAccessible(page, 'closed case');
    await screenshot(page, 'inv-11-closed');

    await closing.getByRole('button', { name: 'Heropenen' }).click();
    const reopen = page.getByRole('dialog', { name: 'Dossier heropenen' });
    await reopen.getByRole('textbox', { name: 'Reden' }).fill('Nieuwe getuige gemeld');
    await reopen.getByRole('button', { name: 'Heropenen' }).click();
    await expect(reopen).toBeHidden();
    await expect(page.getByRole('group', { name: 'Kerngegevens van het dossier' })).toContainText('Lopend');
    await expect(closing).toContainText('Nieuwe getuige gemeld');
    await expect(closing.getByRole('button', { name: 'Afsluiten' })).toBeEnabled();
  });
});
