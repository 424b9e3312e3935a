import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support';

test.describe('the shell', () => {
  test('switches between Dutch and English: every label, and codes as words', async ({ page }) => {
    await signIn(page, 'An Peeters');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Meldingen en aangiften' }).click();
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'New report' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await expect(page.getByRole('option', { name: 'Loss declaration' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'reports list in English');
    await screenshot(page, '08-reports-english');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
    await expect(page.getByRole('heading', { name: 'Meldingen en aangiften', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });

  test('is usable by keyboard: a skip link to the content, and the new screen’s heading takes the focus after navigating', async ({
    page,
  }) => {
    await signIn(page, 'An Peeters');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Meldingen en aangiften' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Meldingen en aangiften', level: 1 })).toBeFocused();
  });

  for (const [name, viewport] of [
    ['tablet-landscape', { width: 1024, height: 768 }],
    ['tablet-portrait', { width: 768, height: 1024 }],
  ] as const) {
    test(`fits a ${name} screen (${viewport.width}×${viewport.height}) without horizontal scrolling`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signIn(page, 'Pieter Janssens');
      const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
      if (viewport.width < 992) {
        await expect(nav.getByRole('link', { name: 'Meldingen en aangiften' })).not.toBeInViewport();
        await page.getByRole('button', { name: 'Navigatie openen' }).click();
      }
      await nav.getByRole('link', { name: 'Nieuwe melding' }).click();
      await expect(page.getByRole('heading', { name: 'Nieuwe melding', level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page, `intake on ${name}`);
      await screenshot(page, `09-intake-${name}`);
    });
  }
});
