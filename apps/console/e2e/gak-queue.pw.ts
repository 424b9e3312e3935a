import { expect, test } from '@playwright/test';
import { pvByDesk, reportByDesk, signIn } from './support';

test.describe('GAK’s queue', () => {
  test('filters by offence, destination and what the PVs wait for, and sorts by waiting time', async ({ page, request }) => {
    const reportId = await reportByDesk(request, 'Twee fietsen gestolen aan de Graslei; geluidsoverlast gemeld.');
    await pvByDesk(request, reportId, { offenceType: 'graslei fietsdiefstal' });
    await pvByDesk(request, reportId, { offenceType: 'graslei geluidsoverlast', destination: 'city_gas' });
    await pvByDesk(request, reportId, { offenceType: 'graslei ontwerp', submit: false });

    await signIn(page, 'Wim De Backer', '/pvs');
    await page.getByRole('textbox', { name: 'Feit bevat' }).fill('graslei');
    await expect(page).toHaveURL(/offenceType=graslei/);
    const rows = page.getByRole('table', { name: "PV's in de wachtrij" }).getByRole('row');
    // A draft never submitted is its author's alone: not in the queue.
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('graslei fietsdiefstal');
    await expect(rows.nth(2)).toContainText('graslei geluidsoverlast');
    await expect(rows.nth(2)).toContainText('Stad (GAS)');

    const since = page.getByRole('columnheader', { name: /Wacht sinds/ });
    await expect(since).toHaveAttribute('aria-sort', 'ascending');
    await since.getByRole('button').click();
    await expect(since).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.nth(1)).toContainText('graslei geluidsoverlast');
    await expect(rows.nth(2)).toContainText('graslei fietsdiefstal');

    await page.getByRole('combobox', { name: 'Bestemming' }).click();
    await page.getByRole('option', { name: 'Stad (GAS)' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('graslei geluidsoverlast');

    await page.getByRole('combobox', { name: 'Wacht op' }).click();
    await page.getByRole('option', { name: 'PV-nummer' }).click();
    await expect(page.getByText("Geen PV's die hier wachten.")).toBeVisible();
    // The address keeps the list: a shared link or a new session shows the same.
    await expect(page).toHaveURL(/stage=finalisation/);
    await expect(page).toHaveURL(/destination=city_gas/);
  });
});
