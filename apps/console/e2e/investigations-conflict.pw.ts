import { expect, test } from '@playwright/test';
import { choose, referredCase } from './investigations.support';
import { expectAccessible, screenshot, signIn } from './support';

test.describe('commands on the version that was read', () => {
  test('a detective records the directing magistrate while his team lead changed the case: he is told it changed meanwhile (his open dialog keeps the version he read), reloads, and records it on the new version; the team lead sees it without reloading', async ({
    browser,
    request,
  }) => {
    const kase = await referredCase(request, 'Overpoortstraat 5');
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const pieter = await first.newPage();
      const els = await second.newPage();
      await signIn(pieter, 'Pieter Janssens', `/investigations/${kase.id}`);
      await signIn(els, 'Els Jacobs', `/investigations/${kase.id}`);

      await pieter.getByRole('button', { name: 'Leidende magistraat registreren' }).click();
      const dialog = pieter.getByRole('dialog', { name: 'Leidende magistraat' });
      await choose(dialog, 'Magistraat', 'Procureur des Konings');
      await dialog.getByRole('textbox', { name: 'Referentie' }).fill('GE.20.L1.007733/26');

      // Meanwhile the team lead names the lead investigator.
      await els.getByRole('button', { name: 'Leidend onderzoeker aanduiden' }).click();
      await els.getByRole('dialog', { name: 'Leidend onderzoeker' }).getByRole('textbox', { name: 'Stamnummer' }).fill('5415-0201');
      await els.getByRole('dialog', { name: 'Leidend onderzoeker' }).getByRole('button', { name: 'Aanduiden' }).click();
      await expect(els.getByText('Leidend onderzoeker aangeduid.')).toBeVisible();

      await dialog.getByRole('button', { name: 'Registreren' }).click();
      const conflict = dialog.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
      await expect(conflict).toContainText('Iemand anders heeft dit intussen gewijzigd.');
      await expectAccessible(pieter, 'command conflict');
      await screenshot(pieter, 'inv-12-conflict');

      await conflict.getByRole('button', { name: 'Nieuwe versie laden' }).click();
      await expect(conflict).toBeHidden();
      // The new version is on screen behind the dialog; what he typed is kept.
      await expect(pieter.getByRole('region', { name: 'Team en toewijzing' })).toContainText('5415-0201 (u)');
      await expect(dialog.getByRole('textbox', { name: 'Referentie' })).toHaveValue('GE.20.L1.007733/26');
      await dialog.getByRole('button', { name: 'Registreren' }).click();
      await expect(dialog).toBeHidden();
      await expect(pieter.getByRole('region', { name: 'Gegevens' })).toContainText('Procureur des Konings — GE.20.L1.007733/26');
      // The team lead's screen, left open, shows it without a reload (live updates).
      await expect(els.getByRole('region', { name: 'Gegevens' })).toContainText('Procureur des Konings — GE.20.L1.007733/26');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
