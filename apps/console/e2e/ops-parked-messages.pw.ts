import { expect, test } from '@playwright/test';
import { apiGet, expectAccessible, reportAs, screenshot, signIn, tokenFor } from './support';

interface Parked {
  messages: { id: string; payload: string | null; status: string }[];
}

test.describe('the IT desk acts on what a service parked', () => {
  test('Tom Verstraete (ops) sees why investigations parked a referral, replays it in vain, discards it with a reason, and rebuilds a projection', async ({
    page,
    browser,
    request,
  }) => {
    // Several services, a rebuild and two sign-ins: more than the default minute on a shared machine.
    test.slow();
    // The desk refers an environmental crime; this zone routes no team for it and has none for unrouted
    // referrals (playwright.config.ts), so the investigations consumer refuses and parks the message.
    const reportId = await reportAs(request, 'an.peeters', {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-31',
      incidentType: 'milieudelict',
      timeWindow: { from: '2026-11-18T08:00:00+01:00', to: '2026-11-18T17:00:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Coupure Links 40' },
      narrative: 'Vaten met afgewerkte olie gedumpt langs de Coupure.',
      parties: [{ name: 'B. Claes', roles: ['reporter', 'victim'] }],
    });
    const desk = await tokenFor(request, 'an.peeters');
    const referred = await request.post(`/api/reports/${reportId}/investigation-request`, {
      headers: { authorization: `Bearer ${desk}` },
      data: { reason: 'Milieudelict: onderzoek nodig' },
    });
    expect(referred.status()).toBe(200);
    let parkedId = '';
    await expect
      .poll(async () => {
        const list = await apiGet<Parked>(request, 'tom.verstraete', '/api/investigations/ops/parked-messages');
        parkedId = list.body.messages.find((m) => m.payload?.includes(reportId))?.id ?? '';
        return parkedId;
      })
      .not.toBe('');

    // The chief has no such section, and the screen says so if he opens it anyway.
    const chiefContext = await browser.newContext();
    try {
      const chief = await chiefContext.newPage();
      await signIn(chief, 'Filip Vermeulen', '/ops');
      await expect(chief.getByRole('alert')).toContainText('U hebt geen toegang tot dit onderdeel');
      await expect(chief.getByRole('link', { name: 'Berichten en verwerking' })).toHaveCount(0);
    } finally {
      await chiefContext.close();
    }

    await signIn(page, 'Tom Verstraete');
    await page.getByRole('link', { name: 'Berichten en verwerking' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Beheer: berichten en verwerking' })).toBeVisible();
    const parked = page.getByRole('region', { name: /Geparkeerde berichten — Onderzoeken/ });
    const row = parked.locator(`tr[data-parked="${parkedId}"]`);
    await expect(row).toContainText('Melding doorverwezen voor onderzoek');
    await expect(row).toContainText('Geweigerd door de regels van de dienst');
    await expect(row).toContainText('phenomenon');
    await expect(row).toContainText('no_route_for_phenomenon');
    await expect(row).toContainText('Wachtend');
    // What was received, for finding the fault: the report's id is in it.
    await row.getByRole('button', { name: `Details van bericht ${parkedId}` }).click();
    await expect(parked.locator(`tr[data-parked-details="${parkedId}"]`).getByLabel('Inhoud zoals ontvangen')).toContainText(reportId);
    await expectAccessible(page, 'operations, parked messages');
    await screenshot(page, 'ops-01-parked');

    // Nothing changed in the zone's routing: the replay is refused again and the message stays parked.
    await row.getByRole('button', { name: `Bericht ${parkedId} opnieuw verwerken` }).click();
    await expect(parked.getByRole('alert')).toContainText('Het bericht wordt nog altijd geweigerd en blijft geparkeerd');
    await expect(parked.getByRole('alert')).toContainText('phenomenon');
    await expect(row).toContainText('1 poging');
    await expectAccessible(page, 'operations, replay refused');
    await screenshot(page, 'ops-02-replay-refused');

    // Discarded, with a reason (required).
    await row.getByRole('button', { name: `Bericht ${parkedId} verwerpen` }).click();
    const dialog = page.getByRole('dialog', { name: `Bericht ${parkedId} verwerpen` });
    await dialog.getByRole('button', { name: 'Verwerpen' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Reden' })).toHaveAttribute('aria-invalid', 'true');
    await dialog
      .getByRole('textbox', { name: 'Reden' })
      .fill('Milieudelicten gaan naar de milieudienst van de stad, niet naar de recherche');
    await expectAccessible(page, 'discard dialog');
    await screenshot(page, 'ops-03-discard-dialog');
    await dialog.getByRole('button', { name: 'Verwerpen' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Het bericht werd verworpen.')).toBeVisible();
    await expect(row).toHaveCount(0);
    await parked.getByText('Verworpen', { exact: true }).click();
    await expect(row).toContainText('Verworpen');
    await expect(row).toContainText('Door 5415-0501');
    await expect(row).toContainText('Milieudelicten gaan naar de milieudienst van de stad');
    const after = await apiGet<Parked>(request, 'tom.verstraete', '/api/investigations/ops/parked-messages?status=discarded');
    expect(after.body.messages.find((m) => m.id === parkedId)?.status).toBe('discarded');

    // A projection rebuilt, its progress shown until it is done; the relay and consumer positions beside it.
    const projections = page.getByRole('region', { name: 'Projecties' });
    const investigations = projections.locator('tr[data-projection="investigations-investigations"]');
    await expect(investigations).toContainText('Loopt');
    await investigations.getByRole('button', { name: 'Projectie Onderzoeken heropbouwen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Projectie Onderzoeken heropbouwen' });
    await expectAccessible(page, 'rebuild dialog');
    await confirm.getByRole('button', { name: 'Heropbouw starten' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(investigations).toContainText('Klaar', { timeout: 30_000 });
    await expect(investigations.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    const messaging = page.getByRole('region', { name: 'Relay en consumer' });
    await expect(messaging).toContainText('investigations.public.v1');
    await expect(messaging).toContainText('Verbonden');
    await expect(messaging.getByRole('table', { name: 'Consumer' })).toContainText('reports.public.v1');
    await expectAccessible(page, 'operations, projections and messaging');
    await screenshot(page, 'ops-04-rebuilt');

    // At a tablet's width: integrity, whose relay publishes only its receipts of complaints handed on by reports (ADR 0053).
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('radiogroup', { name: 'Dienst' }).getByText('Integriteit', { exact: true }).click();
    await expect(page.getByRole('region', { name: /Geparkeerde berichten — Integriteit/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Relay en consumer' })).toContainText('integrity.public.v1');
    await expectAccessible(page, 'operations, integrity, tablet');
    await screenshot(page, 'ops-05-integrity-tablet');
  });
});
