import { expect, test } from '@playwright/test';
import { expectAccessible, reportByDesk, screenshot, signIn } from './support';

test.describe('edits on the version that was read', () => {
  test('two desk officers amend the same report: the second to save is told it changed meanwhile, reloads, and saves on the new version', async ({
    browser,
    request,
  }) => {
    const id = await reportByDesk(request, 'Fiets gestolen, blauw, merk onbekend.');
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const an = await first.newPage();
      const wim = await second.newPage();
      await signIn(an, 'An Peeters', `/reports/${id}`);
      await signIn(wim, 'Wim De Backer', `/reports/${id}`);

      await an.getByRole('region', { name: 'Acties' }).getByRole('button', { name: 'Wijzigen' }).click();
      await wim.getByRole('region', { name: 'Acties' }).getByRole('button', { name: 'Wijzigen' }).click();

      await wim.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Fiets gestolen, blauw, merk Gazelle.');
      await wim.getByRole('textbox', { name: 'Reden van de wijziging' }).fill('Merk nagevraagd bij de melder');
      await wim.getByRole('button', { name: 'Wijziging opslaan' }).click();
      await expect(wim.getByText('Fiets gestolen, blauw, merk Gazelle.')).toBeVisible();

      await an.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Fiets gestolen, blauw, met kinderzitje.');
      await an.getByRole('textbox', { name: 'Reden van de wijziging' }).fill('Aanvulling van de melder');
      await an.getByRole('button', { name: 'Wijziging opslaan' }).click();
      const conflict = an.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
      await expect(conflict).toContainText('Iemand anders heeft dit intussen gewijzigd.');
      await expectAccessible(an, 'amendment conflict');
      await screenshot(an, '10-amend-conflict');

      await conflict.getByRole('button', { name: 'Nieuwe versie laden' }).click();
      await expect(an.getByRole('textbox', { name: 'Relaas', exact: true })).toHaveValue('Fiets gestolen, blauw, merk Gazelle.');
      await an.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Fiets gestolen, blauw, merk Gazelle, met kinderzitje.');
      await an.getByRole('textbox', { name: 'Reden van de wijziging' }).fill('Aanvulling van de melder');
      await an.getByRole('button', { name: 'Wijziging opslaan' }).click();
      await expect(an.getByText('Wijziging opgeslagen.')).toBeVisible();
      await expect(an.getByText('Fiets gestolen, blauw, merk Gazelle, met kinderzitje.')).toBeVisible();
      await expect(an.getByRole('region', { name: 'Wijzigingen' })).toContainText('Merk nagevraagd bij de melder');
      await expect(an.getByRole('region', { name: 'Wijzigingen' })).toContainText('Aanvulling van de melder');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
