import { expect, test } from '@playwright/test';
import { choose, expectAccessible, screenshot, signIn } from './support';

test.describe('the front desk takes a report in', () => {
  test('a refusal of the service shows beside its field; corrected, the report is taken in, opens, and is in the list', async ({
    page,
  }) => {
    await signIn(page, 'An Peeters');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Nieuwe melding' }).click();
    await expect(page.getByRole('heading', { name: 'Nieuwe melding', level: 1 })).toBeFocused();

    // First the form's own checks: nothing filled in.
    await page.getByRole('button', { name: 'Melding opnemen' }).click();
    await expect(page.getByRole('textbox', { name: 'Relaas', exact: true })).toHaveAttribute('aria-invalid', 'true');

    await choose(page, 'Soort', 'Aangifte');
    await page.getByRole('textbox', { name: 'Feit' }).fill('woninginbraak');
    await choose(page, 'Kantoor', 'Algemeen Politiecentrum Gent (APG) (op afspraak)');
    await page.getByRole('textbox', { name: 'Van' }).fill('19/11/2026 21:00');
    await page.getByRole('textbox', { name: 'Tot' }).fill('20/11/2026 07:30');
    await page.getByRole('textbox', { name: 'Gemeente' }).fill('Gent');
    await page.getByRole('textbox', { name: 'Postcode' }).fill('9000');
    await page.getByRole('textbox', { name: 'Adres' }).fill('Voorbeeldstraat 12');
    const party = page.getByRole('group', { name: 'Betrokkene 1' });
    await party.getByRole('textbox', { name: 'Naam' }).fill('A. Peeters');
    await party.getByRole('checkbox', { name: 'Slachtoffer' }).check();
    await page.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    const witness = page.getByRole('group', { name: 'Betrokkene 2' });
    await witness.getByRole('textbox', { name: 'Naam' }).fill('J. Janssens');
    await witness.getByRole('checkbox', { name: 'Getuige' }).check();
    await page.getByRole('textbox', { name: 'Relaas', exact: true }).fill('Achterdeur geforceerd, laptop en juwelen weg.');

    // APG works by appointment: without an appointment reference the service refuses, naming the field.
    await page.getByRole('button', { name: 'Melding opnemen' }).click();
    const appointment = page.getByRole('textbox', { name: 'Afspraakreferentie' });
    await expect(appointment).toHaveAttribute('aria-invalid', 'true');
    await expect(
      page.getByText('Dit kantoor werkt op afspraak: vul de afspraakreferentie in, of duid aan dat het dringend is.').first(),
    ).toBeVisible();
    const describedBy = await appointment.getAttribute('aria-describedby');
    expect(describedBy).toMatch(/error/);
    await expect(page.locator(`[id="${describedBy!.split(' ').find((id) => id.includes('error'))}"]`)).toHaveText(
      'Dit kantoor werkt op afspraak: vul de afspraakreferentie in, of duid aan dat het dringend is.',
    );
    await expectAccessible(page, 'intake with a refusal');
    await screenshot(page, '03-intake-refused');

    await appointment.fill('APT-2026-1142');
    await page.getByRole('button', { name: 'Melding opnemen' }).click();
    await expect(page.getByRole('heading', { name: /^Aangifte van \d\d\/\d\d\/\d{4}$/, level: 1 })).toBeVisible();
    await expect(page.getByText('Achterdeur geforceerd, laptop en juwelen weg.')).toBeVisible();
    await expect(page.getByText('19/11/2026 21:00 tot 20/11/2026 07:30')).toBeVisible();
    await expect(page.getByText('Algemeen Politiecentrum Gent (APG)')).toBeVisible();
    await expect(page.getByRole('row', { name: /A\. Peeters/ })).toContainText('Melder, Slachtoffer');
    await expect(page.getByRole('row', { name: /J\. Janssens/ })).toContainText('Getuige');
    const detailUrl = page.url();
    await expectAccessible(page, 'report detail');
    await screenshot(page, '04-report-detail');

    await page.getByRole('link', { name: 'Terug naar de lijst' }).click();
    await expect(page.getByRole('heading', { name: 'Meldingen en aangiften', level: 1 })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'woninginbraak' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Aangifte');
    await expect(row).toContainText('Onthaal');
    await expect(row).toContainText('Algemeen Politiecentrum Gent (APG)');
    await expect(row).toContainText('Ontvangen');
    await expectAccessible(page, 'report list');
    await screenshot(page, '05-report-list');
    await row.getByRole('link').click();
    await expect(page).toHaveURL(detailUrl);
  });
});
