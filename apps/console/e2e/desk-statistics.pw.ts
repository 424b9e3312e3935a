import { expect, test } from '@playwright/test';
import { apiGet, expectAccessible, reportAs, screenshot, signIn } from './support';

test.describe('statistics of the reports', () => {
  test('charts per kind, channel, office, offence and week, each with its figures as a table and a summary', async ({ page, request }) => {
    await reportAs(request, 'an.peeters', {
      kind: 'melding',
      channel: { kind: 'street' },
      incidentType: 'wildplassen',
      narrative: 'Aangesproken op straat over wildplassen aan de Graslei.',
      parties: [{ name: 'J. Verstraete', roles: ['reporter'] }],
    });
    await signIn(page, 'An Peeters');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Statistieken' }).click();
    await expect(page.getByRole('heading', { name: 'Statistieken', level: 1 })).toBeFocused();

    const perKind = page.getByRole('region', { name: 'Per soort' });
    await expect(perKind.getByRole('img', { name: /^Per soort: \d+ groepen, de grootste / })).toBeVisible();
    await expect(perKind.locator('svg .recharts-bar-rectangle').first()).toBeVisible();
    for (const name of ['Per kanaal', 'Per kantoor', 'Per feit', 'Per week']) {
      await expect(page.getByRole('region', { name }).getByRole('img')).toBeVisible();
    }
    await expectAccessible(page, 'statistics, charts');
    await screenshot(page, 'desk-50-statistics');

    // The same figures as the API gives for the period shown (the last twelve weeks up to today).
    const from = new URL(page.url()).searchParams.get('from');
    expect(from).toBeNull();
    const { body } = await apiGet<{ from: string; to: string; total: number; groups: { key: { channel?: string }; count: number }[] }>(
      request,
      'an.peeters',
      `/api/reports/statistics?groupBy=channel&from=${await dayShown(page, 'Van (dag)')}&to=${await dayShown(page, 'Tot en met (dag)')}`,
    );
    const perChannel = page.getByRole('region', { name: 'Per kanaal' });
    await perChannel.getByText('Tabel').click();
    const table = perChannel.getByRole('table', { name: 'Per kanaal' });
    const street = body.groups.find((g) => g.key.channel === 'street')!;
    expect(street.count).toBeGreaterThan(0);
    await expect(table.getByRole('row', { name: /^Op straat/ })).toContainText(String(street.count));
    await expect(table.getByRole('row')).toHaveCount(body.groups.length + 1);
    await expect(page.getByRole('status').filter({ hasText: /^Totaal: / })).toHaveText(
      body.total === 1 ? 'Totaal: 1 melding' : `Totaal: ${body.total} meldingen`,
    );
    const perOffence = page.getByRole('region', { name: 'Per feit' });
    await perOffence.getByText('Tabel').click();
    await expect(perOffence.getByRole('row', { name: /^wildplassen/ })).toBeVisible();
    await expectAccessible(page, 'statistics, tables');
    await screenshot(page, 'desk-51-statistics-tables');
  });
});

/** The day a date field shows (DD/MM/YYYY) as YYYY-MM-DD. */
async function dayShown(page: import('@playwright/test').Page, label: string): Promise<string> {
  const shown = await page.getByRole('textbox', { name: label }).inputValue();
  const [d, m, y] = shown.split('/');
  return `${y}-${m}-${d}`;
}
