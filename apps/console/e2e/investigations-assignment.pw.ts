import { expect, test } from '@playwright/test';
import { referredCase } from './investigations.support';
import { expectAccessible, screenshot, signIn } from './support';

test.describe('a team lead assigns a referred case', () => {
  test('Els Jacobs (team lead, Diefstallen) finds the referred case in her team’s list, names the lead investigator and adds members; a detective sees why he cannot', async ({
    page,
    browser,
    request,
  }) => {
    const kase = await referredCase(request, 'Stationsplein 3');
    await signIn(page, 'Els Jacobs');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Dossiers van mijn team' }).click();
    await expect(page.getByRole('heading', { name: 'Dossiers van team Diefstallen', level: 1 })).toBeFocused();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: kase.title }) });
    await expect(row).toContainText('Fietsdiefstal');
    await expect(row).toContainText('Melding van een burger');
    await expectAccessible(page, 'team cases');
    await screenshot(page, 'inv-01-team-cases');

    await row.getByRole('link', { name: kase.title }).click();
    await expect(page.getByRole('heading', { name: kase.title, level: 1 })).toBeVisible();
    const assignment = page.getByRole('region', { name: 'Team en toewijzing' });
    await expect(assignment).toContainText('Diefstallen');
    await expect(assignment).toContainText('automatisch (doorverwijzing)');
    await expectAccessible(page, 'case file overview');
    await screenshot(page, 'inv-02-case-overview');

    // The lead investigator.
    await assignment.getByRole('button', { name: 'Leidend onderzoeker aanduiden' }).click();
    const lead = page.getByRole('dialog', { name: 'Leidend onderzoeker' });
    await lead.getByRole('button', { name: 'Aanduiden' }).click();
    await expect(lead.getByRole('textbox', { name: 'Stamnummer' })).toHaveAttribute('aria-invalid', 'true');
    await lead.getByRole('textbox', { name: 'Stamnummer' }).fill('5415-0201');
    await expectAccessible(page, 'lead investigator dialog');
    await screenshot(page, 'inv-03-lead-dialog');
    await lead.getByRole('button', { name: 'Aanduiden' }).click();
    await expect(page.getByText('Leidend onderzoeker aangeduid.')).toBeVisible();
    await expect(lead).toBeHidden();
    await expect(assignment.getByRole('row', { name: /Leidend onderzoeker/ }).first()).toContainText('5415-0201');

    // Two members, one of another team (need-to-know follows the assignment).
    for (const staff of ['5415-0204', '5415-0202']) {
      await assignment.getByRole('button', { name: 'Medewerker toevoegen' }).click();
      const member = page.getByRole('dialog', { name: 'Medewerker toevoegen' });
      await member.getByRole('textbox', { name: 'Stamnummer' }).fill(staff);
      await member.getByRole('button', { name: 'Toevoegen' }).click();
      await expect(member).toBeHidden();
    }
    const members = assignment.getByRole('list', { name: 'Medewerkers' });
    await expect(members).toContainText('5415-0204');
    await expect(members).toContainText('5415-0202');

    // The same member again: the form says so before the API would.
    await assignment.getByRole('button', { name: 'Medewerker toevoegen' }).click();
    const again = page.getByRole('dialog', { name: 'Medewerker toevoegen' });
    await again.getByRole('textbox', { name: 'Stamnummer' }).fill('5415-0204');
    await again.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(again.getByText('Deze medewerker werkt al aan het dossier.')).toBeVisible();
    await again.getByRole('button', { name: 'Annuleren' }).click();

    // Removing one needs a reason, kept in the timeline.
    await members.getByRole('button', { name: '5415-0202 verwijderen' }).click();
    const remove = page.getByRole('dialog', { name: '5415-0202 verwijderen uit het dossier' });
    await remove.getByRole('textbox', { name: 'Reden' }).fill('Terug naar team Drugs');
    await remove.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(members).not.toContainText('5415-0202');
    await expect(assignment).toContainText('Leidend onderzoeker 5415-0201');
    await screenshot(page, 'inv-04-case-assigned');

    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toContainText('Leidend onderzoeker: 5415-0201');
    await expect(timeline).toContainText('5415-0204 werkt mee aan het onderzoek');
    await expect(timeline).toContainText('5415-0202 werkt niet meer mee: Terug naar team Drugs');

    // A detective of the team sees the assignment commands withheld, and why.
    const other = await browser.newContext();
    try {
      const pieter = await other.newPage();
      await signIn(pieter, 'Pieter Janssens', `/investigations/${kase.id}`);
      const his = pieter.getByRole('region', { name: 'Team en toewijzing' });
      await expect(his.getByRole('button', { name: 'Leidend onderzoeker vervangen' })).toBeDisabled();
      await expect(his.getByTestId('rule-note')).toHaveText(
        'Alleen een teamleider van Diefstallen wijst dit dossier toe (team, leidend onderzoeker, medewerkers).',
      );
      // He is the lead now: the case is in his own list.
      await pieter.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Mijn dossiers' }).click();
      await expect(pieter.getByRole('link', { name: kase.title })).toBeVisible();
      await expect(pieter.getByRole('row').filter({ has: pieter.getByRole('link', { name: kase.title }) })).toContainText('5415-0201 (u)');
      await expectAccessible(pieter, 'my cases');
      await screenshot(pieter, 'inv-05-my-cases');
    } finally {
      await other.close();
    }
  });
});
