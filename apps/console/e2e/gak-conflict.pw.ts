import { expect, test } from '@playwright/test';
import { expectAccessible, pvByDesk, reportByDesk, screenshot, signIn } from './support';

test.describe('a step on a PV taken on the version that was read', () => {
  test('the same PV open on two screens: approved on one, the rejection on the other is told it changed meanwhile, reloads, and sees the PV approved', async ({
    browser,
    request,
  }) => {
    const reportId = await reportByDesk(request, 'Fiets gestolen aan de Vrijdagmarkt.');
    const pvId = await pvByDesk(request, reportId, { offenceType: 'fietsdiefstal Vrijdagmarkt' });
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const desk = await first.newPage();
      const office = await second.newPage();
      await signIn(desk, 'Wim De Backer', `/pvs/${pvId}`);
      await signIn(office, 'Wim De Backer', `/pvs/${pvId}`);
      await expect(desk.getByRole('button', { name: 'Goedkeuren' })).toBeEnabled();
      await expect(office.getByRole('button', { name: 'Goedkeuren' })).toBeEnabled();

      await office.getByRole('button', { name: 'Afkeuren met redenen' }).click();
      await office.getByRole('textbox', { name: 'Reden 1' }).fill('De handtekening van de verbalisant ontbreekt.');

      await desk.getByRole('button', { name: 'Goedkeuren' }).click();
      await expect(desk.getByText('PV goedgekeurd.')).toBeVisible();

      await office.getByRole('button', { name: 'Afkeuren en terugsturen' }).click();
      const conflict = office.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
      await expect(conflict).toContainText('Iemand anders heeft dit intussen gewijzigd.');
      await expectAccessible(office, 'PV step conflict');
      await screenshot(office, 'gak-12-conflict');

      await conflict.getByRole('button', { name: 'Nieuwe versie laden' }).click();
      await expect(office.getByText('Dit PV is goedgekeurd en wacht op zijn PV-nummer.')).toBeVisible();
      await expect(office.getByRole('button', { name: 'Afkeuren met redenen' })).toHaveCount(0);
      await expect(office.getByRole('textbox', { name: 'PV-nummer' })).toBeVisible();
      const history = office.getByRole('region', { name: 'Geschiedenis' });
      await expect(history.getByRole('row').filter({ hasText: 'Goedgekeurd' })).toHaveCount(1);
      await expect(history.getByRole('row').filter({ hasText: 'Afgekeurd' })).toHaveCount(0);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
