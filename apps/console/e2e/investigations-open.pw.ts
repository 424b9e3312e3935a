import { expect, test } from '@playwright/test';
import { choose } from './investigations.support';
import { expectAccessible, screenshot, signIn } from './support';

test.describe('a detective opens a case', () => {
  test('Sofie Maes (Drugs) opens a case on a kantschrift of the parket: the form names what is missing beside each field, shows where the phenomenon routes it and warns before another team’s; the new case file opens, she links a suspect, and reads it in English', async ({
    page,
  }) => {
    await signIn(page, 'Sofie Maes');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Nieuw dossier' }).click();
    await expect(page.getByRole('heading', { name: 'Nieuw dossier', level: 1 })).toBeFocused();
    const form = page.getByRole('form', { name: 'Nieuw dossier' });

    // Nothing filled in: each required field says so beside itself.
    await form.getByRole('button', { name: 'Dossier openen' }).click();
    await expect(form.getByRole('textbox', { name: 'Titel' })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('combobox', { name: 'Fenomeen' })).toHaveAttribute('aria-invalid', 'true');

    // A phenomenon of another team: she is told before the API refuses it.
    await choose(form, 'Fenomeen', 'Woninginbraak');
    await expect(form).toContainText('Gaat volgens de zonale verdeling naar team Diefstallen.');
    await expect(form).toContainText('U opent enkel dossiers voor uw eigen team (Drugs); dit dossier zou naar Diefstallen gaan.');

    await form.getByRole('textbox', { name: 'Titel' }).fill('Cannabisplantage Meulestede');
    await choose(form, 'Fenomeen', 'Drugs');
    await expect(form).toContainText('Gaat volgens de zonale verdeling naar team Drugs.');
    await expect(form).not.toContainText('U opent enkel dossiers voor uw eigen team');
    await choose(form, 'Op vraag van', 'Parket');
    await expect(form.getByRole('textbox', { name: 'Referentie van de opdracht' })).toBeVisible();
    await form.getByRole('button', { name: 'Dossier openen' }).click();
    await expect(form.getByRole('textbox', { name: 'Referentie van de opdracht' })).toHaveAttribute('aria-invalid', 'true');
    await form.getByRole('textbox', { name: 'Referentie van de opdracht' }).fill('GE.60.L3.101010/26');
    await form.getByRole('checkbox', { name: 'De leidende magistraat is al bekend' }).check();
    await choose(form, 'Magistraat', 'Procureur des Konings');
    await form.getByRole('textbox', { name: 'Referentie', exact: true }).fill('GE.60.L3.101010/26');
    await expectAccessible(page, 'open a case');
    await screenshot(page, 'inv-18-open-form');

    await form.getByRole('button', { name: 'Dossier openen' }).click();
    await expect(page.getByRole('heading', { name: 'Cannabisplantage Meulestede', level: 1 })).toBeVisible();
    const details = page.getByRole('region', { name: 'Gegevens' });
    await expect(details).toContainText('Parket — Kantschrift GE.60.L3.101010/26');
    await expect(details).toContainText('Procureur des Konings — GE.60.L3.101010/26');
    await expect(page.getByRole('group', { name: 'Kerngegevens van het dossier' })).toContainText('Team Drugs · Drugs');
    await expect(page.getByRole('group', { name: 'Kerngegevens van het dossier' })).toContainText('versie 1');

    // A suspect, with the reference that ties him to other cases.
    await page.getByRole('tab', { name: /Betrokkenen/ }).click();
    await page.getByRole('button', { name: 'Persoon koppelen' }).click();
    const link = page.getByRole('dialog', { name: 'Persoon koppelen' });
    await link.getByRole('textbox', { name: 'Naam' }).fill('R. Kweker');
    await choose(link, 'Rol', 'Verdachte');
    await link.getByRole('textbox', { name: 'Persoonsreferentie' }).fill('RRN-90.01.02-123.45');
    await link.getByRole('checkbox', { name: 'Geïdentificeerd' }).check();
    await link.getByRole('button', { name: 'Koppelen' }).click();
    await expect(link).toBeHidden();
    await expect(page.getByRole('row', { name: /R\. Kweker/ })).toContainText('Verdachte');
    await expect(page.getByRole('tab', { name: /Betrokkenen/ })).toHaveText('Betrokkenen (1)');
    await expectAccessible(page, 'parties');
    await screenshot(page, 'inv-19-parties');

    // In English: every word of the case file, codes as words.
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await expect(page.getByRole('tab', { name: /Parties/ })).toHaveText('Parties (1)');
    await expect(page.getByRole('row', { name: /R\. Kweker/ })).toContainText('Suspect');
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('Crown prosecutor — GE.60.L3.101010/26');
    await expect(page.getByRole('group', { name: 'Key facts of the case' })).toContainText('Open');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page.getByTestId('timeline')).toContainText('R. Kweker linked as Suspect');
    await expectAccessible(page, 'case file in English');
    await screenshot(page, 'inv-20-timeline-en');
    await page.getByRole('tab', { name: 'Overview' }).click();
    await screenshot(page, 'inv-21-overview-en');
  });
});
