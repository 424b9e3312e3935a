import { expect, test } from '@playwright/test';
import { expectAccessible, pvByDesk, reportByDesk, screenshot, signIn } from './support';

for (const [name, viewport] of [
  ['tablet-landscape', { width: 1024, height: 768 }],
  ['tablet-portrait', { width: 768, height: 1024 }],
] as const) {
  test(`GAK's queue and PV screen fit a ${name} screen (${viewport.width}×${viewport.height}) without horizontal scrolling`, async ({
    page,
    request,
  }) => {
    const reportId = await reportByDesk(request, 'Fiets gestolen aan de Overpoort.');
    await pvByDesk(request, reportId, { offenceType: `fietsdiefstal Overpoort ${name}` });
    await page.setViewportSize(viewport);
    await signIn(page, 'Wim De Backer');
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    if (viewport.width < 992) await page.getByRole('button', { name: 'Navigatie openen' }).click();
    await nav.getByRole('link', { name: "Kwaliteitscontrole PV's" }).click();
    const row = page.getByRole('row').filter({ hasText: `fietsdiefstal Overpoort ${name}` });
    await expect(row).toBeVisible();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page, `queue on ${name}`);
    await screenshot(page, `gak-15-queue-${name}`);
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { name: `PV zonder nummer: fietsdiefstal Overpoort ${name}`, level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Afkeuren met redenen' }).click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page, `PV screen on ${name}`);
    await screenshot(page, `gak-16-pv-${name}`);
  });
}
