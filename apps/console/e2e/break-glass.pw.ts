import { expect, test } from '@playwright/test';
import { expectAccessible, reportByDesk, screenshot, signIn, tokenFor } from './support';

test.describe('break-glass: a read outside one’s assignment', () => {
  test('the chief opening a report asks why, says the read is logged, and shows it after a valid reason; oversight finds the reason in the consultation log', async ({
    page,
    request,
  }) => {
    const id = await reportByDesk(request, 'Fiets gestolen aan het station, slot doorgeknipt.');
    await signIn(page, 'Filip Vermeulen', `/reports/${id}`);

    const dialog = page.getByRole('dialog', { name: 'Reden van inzage' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      'Deze inzage wordt gelogd met uw naam, het tijdstip en uw reden, en nagekeken door Intern Toezicht.',
    );
    await expectAccessible(page, 'break-glass dialog');
    await screenshot(page, '06-break-glass-dialog');

    // Too short for the rule (3 words, 15 characters): refused in the dialog, nothing sent.
    await dialog.getByRole('textbox', { name: /Waarom hebt u dit dossier nodig/ }).fill('even kijken');
    await dialog.getByRole('button', { name: 'Inzien en loggen' }).click();
    await expect(dialog.getByText('Geef een reden van minstens 3 woorden en 15 tekens.')).toBeVisible();

    const reason = 'Klacht van de burgemeester over de opvolging van fietsdiefstallen';
    await dialog.getByRole('textbox', { name: /Waarom hebt u dit dossier nodig/ }).fill(reason);
    await dialog.getByRole('textbox', { name: /Dossierreferentie/ }).fill('KL-2026-118');
    await dialog.getByRole('button', { name: 'Inzien en loggen' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Fiets gestolen aan het station, slot doorgeknipt.')).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'U bekijkt dit dossier buiten uw toewijzing. Deze inzage werd gelogd.' }),
    ).toBeVisible();
    await expectAccessible(page, 'report read by break-glass');
    await screenshot(page, '07-report-break-glass');

    const dpo = await tokenFor(request, 'ines.dubois');
    const log = await request.get(`/api/audit/consultations?subject=${id}&breakGlass=true`, {
      headers: { authorization: `Bearer ${dpo}` },
    });
    expect(log.status()).toBe(200);
    const items = (
      (await log.json()) as {
        items: { actor: { username: string }; breakGlass: boolean; justification: { text: string; caseRef: string | null } | null }[];
      }
    ).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.actor.username === 'filip.vermeulen' && c.breakGlass)).toBe(true);
    expect(items[0].justification).toEqual({ text: reason, caseRef: 'KL-2026-118' });
  });

  test('cancelling the dialog leaves the report closed, says why, and offers to ask again', async ({ page, request }) => {
    const id = await reportByDesk(request, 'Gsm gestolen op de tram.');
    await signIn(page, 'Pieter Janssens', `/reports/${id}`);
    const dialog = page.getByRole('dialog', { name: 'Reden van inzage' });
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect(page.getByRole('alert')).toContainText('U gaf geen reden op; het dossier werd niet geopend.');
    await expect(page.getByText('Gsm gestolen op de tram.')).toHaveCount(0);
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(dialog).toBeVisible();
  });
});
