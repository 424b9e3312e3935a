import { expect as baseExpect, APIRequestContext, test } from '@playwright/test';
import { apiGet, expectAccessible, screenshot, signIn, tokenFor } from './support';

// Two cores shared with other engineers' builds: screens may take longer than the default 10 s to answer.
const expect = baseExpect.configure({ timeout: 30_000 });

/** A found wallet registered and returned to its owner by the evidence desk, through the API; returns its id. */
async function returnedWallet(request: APIRequestContext, description: string, owner: string): Promise<string> {
  const headers = { authorization: `Bearer ${await tokenFor(request, 'marc.goossens')}` };
  const registered = await request.post('/api/evidence/found-objects', {
    headers,
    data: {
      category: 'wallet',
      description,
      place: { municipality: 'Gent', address: 'Veldstraat 12' },
      foundOn: '2026-12-01',
      finderRef: 'party-finder-77',
    },
  });
  expect(registered.status()).toBe(201);
  const id = ((await registered.json()) as { id: string }).id;
  const returned = await request.post(`/api/evidence/found-objects/${id}/return`, {
    headers,
    data: {
      ownerRef: owner,
      identityCheck: { documentType: 'eid', holderIsOwner: true },
      ownershipProof: 'Kende de inhoud van de portefeuille',
    },
  });
  expect(returned.status()).toBe(200);
  return id;
}

// Issue 20, point 2 (ADR 0055). This product holds returned found objects 0 days (playwright.config.ts), so both
// wallets are due as soon as the check runs.
test.describe('the DPO reviews retention', () => {
  test.describe.configure({ timeout: 180_000 });

  test('runs the check, approves the erasure of one returned wallet and places a legal hold on another, which stays readable', async ({
    page,
    request,
  }) => {
    const marker = `${Date.now()}`;
    const erased = await returnedWallet(request, `Bruine portefeuille van M. Verstraeten ${marker}`, 'party-owner-501');
    const held = await returnedWallet(request, `Zwarte portefeuille ${marker}`, 'party-owner-502');

    await signIn(page, 'Ines Dubois');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Bewaartermijnen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bewaartermijnen' })).toBeVisible();
    const schedules = page.getByRole('table', { name: 'Bewaartermijnen' });
    await expect(
      schedules.getByRole('row', { name: /Gevonden voorwerp, teruggegeven aan de eigenaar 0 .* Ja \(evidence\)/ }),
    ).toBeVisible();
    await expect(schedules.getByRole('row', { name: /Onderzoek geseponeerd 3650 .* Nog niet/ })).toBeVisible();

    // The check finds both due (the daily run may have found them first: then they are listed already).
    await page.getByRole('button', { name: 'Nu controleren' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Controle gedaan: \d+ dossiers? nieuw te toetsen\./ })).toBeVisible();
    const table = page.getByRole('table', { name: 'Te toetsen dossiers' });
    const erasedRow = table.locator(`tr[data-record="${erased}"]`);
    const heldRow = table.locator(`tr[data-record="${held}"]`);
    await expect(async () => {
      await page.getByRole('button', { name: 'Nu controleren' }).click();
      await expect(erasedRow).toBeVisible({ timeout: 2_000 });
      await expect(heldRow).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(erasedRow).toContainText('Gevonden voorwerp: Portefeuille');
    await expect(erasedRow).toContainText('Gevonden voorwerp, teruggegeven aan de eigenaar');
    await expect(erasedRow).toContainText('Te toetsen');
    await expectAccessible(page, 'retention review list');
    await screenshot(page, 'retention-01-due');

    // A legal hold on the second: it can then not be approved.
    await heldRow.getByRole('button', { name: 'Juridisch blokkeren' }).click();
    const holdDialog = page.getByRole('dialog');
    await holdDialog.getByRole('textbox', { name: 'Reden' }).fill('Burgerlijke vordering van de eigenaar, rolnummer 26/1234/A');
    await holdDialog.getByRole('button', { name: 'Juridisch blokkeren' }).click();
    await expect(page.getByText('Juridisch geblokkeerd.', { exact: true }).first()).toBeVisible();
    await expect(heldRow).toContainText('Juridisch geblokkeerd: Burgerlijke vordering van de eigenaar, rolnummer 26/1234/A');
    await expect(heldRow.getByRole('button', { name: 'Wissen goedkeuren' })).toHaveCount(0);
    await expect(heldRow.getByRole('button', { name: 'Blokkering opheffen' })).toBeVisible();

    // The approval of the first, under the DPO's decision: a bad (empty) decision is named beside its field first.
    await erasedRow.getByRole('button', { name: 'Wissen goedkeuren' }).click();
    const approveDialog = page.getByRole('dialog');
    await expect(approveDialog).toContainText('Dit kan niet ongedaan worden.');
    await approveDialog.getByRole('button', { name: 'Wissen goedkeuren' }).click();
    await expect(approveDialog.getByText('Verplicht.')).toBeVisible();
    await approveDialog.getByRole('textbox', { name: 'Referentie van uw beslissing' }).fill('DPO-2026-017');
    await expectAccessible(page, 'approve erasure dialog');
    await screenshot(page, 'retention-02-approve');
    await approveDialog.getByRole('button', { name: 'Wissen goedkeuren' }).click();
    await expect(page.getByText('Gewist.', { exact: true }).first()).toBeVisible();
    await expect(erasedRow).toHaveCount(0);

    // Among the erased: the marker, where the data was.
    await page.getByRole('radiogroup', { name: 'Tonen' }).getByText('Gewist').click();
    await expect(erasedRow).toContainText(/erased on \d{4}-\d{2}-\d{2} under retention found-object-returned, decision DPO-2026-017/);
    await expect(heldRow).toHaveCount(0);
    await expectAccessible(page, 'erased records');
    await screenshot(page, 'retention-03-erased');

    // The evidence desk now reads the marker in place of the description; the held wallet is intact.
    const after = await apiGet<{ foundObject: { description: string; erased?: string } }>(
      request,
      'marc.goossens',
      `/api/evidence/found-objects/${erased}`,
    );
    expect(after.body.foundObject.erased).toMatch(/decision DPO-2026-017$/);
    expect(after.body.foundObject.description).toBe(after.body.foundObject.erased);
    const kept = await apiGet<{ foundObject: { description: string; erased?: string } }>(
      request,
      'marc.goossens',
      `/api/evidence/found-objects/${held}`,
    );
    expect(kept.body.foundObject).toMatchObject({ description: `Zwarte portefeuille ${marker}` });
    expect(kept.body.foundObject.erased).toBeUndefined();
  });
});
