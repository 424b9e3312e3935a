import { expect, test } from '@playwright/test';
import { openedCase } from './investigations.support';
import { handedToDesk, registeredItem } from './evidence.support';
import { expectAccessible, screenshot, signIn } from './support';

test.describe('need-to-know at the evidence desk', () => {
  test('a Zeden item is invisible to a detective of another team, in the list and by its address, and visible to the desk once it holds it', async ({
    page,
    request,
  }) => {
    // Long flows on a shared machine: many screens, axe and full-page screenshots on each.
    test.setTimeout(180_000);
    const zeden = await openedCase(request, 'lotte.willems', 'aanranding', 'Aanranding Sint-Pietersplein');
    const item = await registeredItem(request, 'lotte.willems', {
      investigationId: zeden,
      pvNumber: 'GE.55.L5.009911/2026',
      seizedBy: '5415-0203',
      description: 'Kledingstuk met sporen, verzegeld',
      category: 'trace',
    });

    // Before the desk holds it, not even the desk sees it.
    await signIn(page, 'Marc Goossens', '/evidence?caseId=GE.55.L5.009911/2026');
    await expect(page.getByText('Geen items voor deze filters.')).toBeVisible();

    await handedToDesk(request, 'lotte.willems', item);
    await signIn(page, 'Marc Goossens', '/evidence?caseId=GE.55.L5.009911/2026');
    await expect(page.getByRole('link', { name: item.item.labelNumber })).toBeVisible();
    await expectAccessible(page, 'desk list with a restricted item');
    await screenshot(page, 'ev-16-desk-holds-zeden-item');
    await page.getByRole('link', { name: item.item.labelNumber }).click();
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('Kledingstuk met sporen, verzegeld');

    // A Drugs detective: nothing in the list, and the address answers as for an item that does not exist.
    await signIn(page, 'Sofie Maes', '/evidence?caseId=GE.55.L5.009911/2026');
    await expect(page.getByText('Geen items voor deze filters.')).toBeVisible();
    await expect(page.getByText(item.item.labelNumber)).toHaveCount(0);
    await signIn(page, 'Sofie Maes', `/evidence/items/${item.id}`);
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByText('Kledingstuk met sporen')).toHaveCount(0);
    await expect(page.getByText(item.item.labelNumber)).toHaveCount(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expectAccessible(page, 'restricted item refused');
    await screenshot(page, 'ev-17-zeden-item-hidden');
  });
});
