import { expect, test } from '@playwright/test';
import { expectAccessible, pvByDesk, reportByDesk, screenshot, signIn, tokenFor } from './support';

test.describe('the PV quality-control queue is GAK’s', () => {
  test('a desk officer outside the GAK team has no GAK section, is refused the queue in the browser and by the API, and sees why she cannot check a PV', async ({
    page,
    request,
  }) => {
    const reportId = await reportByDesk(request, 'Fiets gestolen aan het Sint-Pietersplein.');
    const pvId = await pvByDesk(request, reportId, { offenceType: 'fietsdiefstal Sint-Pietersplein' });

    await signIn(page, 'An Peeters');
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(nav.getByRole('heading', { name: 'Onthaal' })).toBeVisible();
    await expect(nav.getByRole('heading', { name: 'GAK / DIAK' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: "Kwaliteitscontrole PV's" })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('heading', { name: 'GAK / DIAK' })).toHaveCount(0);

    // The address typed in by hand: the screen says whose queue it is, and shows nothing of it.
    await signIn(page, 'An Peeters', '/pvs');
    await expect(page.getByRole('alert')).toContainText('De wachtrij is van GAK/DIAK: enkel leden van die teams zien de ingediende PV');
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible(page, 'queue refused');
    await screenshot(page, 'gak-13-queue-refused');

    // The API refuses her, and a detective, as it refuses anyone outside the GAK teams.
    for (const username of ['an.peeters', 'pieter.janssens']) {
      const answer = await request.get('/api/reports/pvs', { headers: { authorization: `Bearer ${await tokenFor(request, username)}` } });
      expect(answer.status()).toBe(403);
      expect(await answer.json()).toMatchObject({ status: 403, code: 'not_gak' });
    }

    // Her own submitted PV: she sees it waits for GAK, and why the check is not hers.
    await signIn(page, 'An Peeters', `/pvs/${pvId}`);
    await expect(page.getByText('Dit PV wacht op de kwaliteitscontrole van GAK/DIAK.')).toBeVisible();
    const approve = page.getByRole('button', { name: 'Goedkeuren' });
    await expect(approve).toBeDisabled();
    await expect(approve).toHaveAccessibleDescription('Enkel GAK/DIAK doet deze stap.');
    await expect(page.getByRole('link', { name: 'Terug naar de wachtrij' })).toHaveCount(0);
    await expectAccessible(page, 'PV screen, as its author');
    await screenshot(page, 'gak-14-pv-author-waiting');
  });

  test('the GAK clerk cannot check the PV he wrote himself, and the screen says so', async ({ page, request }) => {
    const reportId = await reportByDesk(request, 'Fiets gestolen aan de Coupure.');
    const headers = { authorization: `Bearer ${await tokenFor(request, 'wim.debacker')}` };
    const drafted = await request.post(`/api/reports/${reportId}/pvs`, {
      headers,
      data: {
        legalQualification: 'Diefstal (art. 461 Sw.)',
        offenceType: 'fietsdiefstal Coupure',
        destination: 'parket',
        documentSha256: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
      },
    });
    const pvId = ((await drafted.json()) as { id: string }).id;
    expect((await request.post(`/api/reports/pvs/${pvId}/submission`, { headers, data: {} })).status()).toBe(200);

    await signIn(page, 'Wim De Backer', `/pvs/${pvId}`);
    await expect(page.getByRole('button', { name: 'Goedkeuren' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Goedkeuren' })).toHaveAccessibleDescription(
      'U bent de auteur: niemand controleert zijn eigen PV.',
    );
    await expect(page.getByRole('button', { name: 'Afkeuren met redenen' })).toBeDisabled();

    // In English: every label, codes as words.
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await expect(page.getByRole('heading', { name: 'PV without a number: fietsdiefstal Coupure', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveAccessibleDescription(
      'You are the author: nobody checks their own PV.',
    );
    await expect(page.getByText('This PV is waiting for GAK/DIAK’s quality control.')).toBeVisible();
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('row').nth(1)).toContainText('Drafted');
    await expect(history.getByRole('row').nth(1)).toContainText('5415-0110 (you)');
    await expect(history.getByRole('row').nth(2)).toContainText('Submitted');
    await expect(page.getByRole('region', { name: 'Content' })).toContainText('Parket');
    await expectAccessible(page, 'PV screen in English');
    await screenshot(page, 'gak-17-pv-english');
    await page.getByRole('link', { name: 'Back to the queue' }).click();
    await expect(page.getByRole('heading', { name: 'PV quality control', level: 1 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Waiting for' })).toHaveValue('Quality control');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  });

  test('the chief reads a PV outside his assignment only with a reason, asked once for the PV and its history, and sees that the read was logged', async ({
    page,
    request,
  }) => {
    const reportId = await reportByDesk(request, 'Fiets gestolen aan de Brabantdam.');
    const pvId = await pvByDesk(request, reportId, { offenceType: 'fietsdiefstal Brabantdam' });
    await signIn(page, 'Filip Vermeulen', `/pvs/${pvId}`);
    const dialog = page.getByRole('dialog', { name: 'Reden van inzage' });
    await expect(dialog).toBeVisible();
    await dialog
      .getByRole('textbox', { name: /Waarom hebt u dit dossier nodig/ })
      .fill('Opvolging van de klacht over de trage verwerking van PV’s');
    await dialog.getByRole('button', { name: 'Inzien en loggen' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: 'PV zonder nummer: fietsdiefstal Brabantdam', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'U bekijkt dit PV buiten uw toewijzing. Deze inzage werd gelogd.' }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Geschiedenis' }).getByRole('row')).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'Goedkeuren' })).toHaveAccessibleDescription('Enkel GAK/DIAK doet deze stap.');
    await expectAccessible(page, 'PV read by break-glass');
    await screenshot(page, 'gak-18-pv-break-glass');
  });
});
