import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, tokenFor } from './support';

/** A case opened by a detective through the API (the flow under test is the search in the browser). */
async function caseOpenedBy(
  request: APIRequestContext,
  username: string,
  o: { phenomenon: string; title: string; reference: string; suspect: string },
): Promise<string> {
  const headers = { authorization: `Bearer ${await tokenFor(request, username)}` };
  const opened = await request.post('/api/investigations', {
    headers,
    data: {
      kind: 'opsporingsonderzoek',
      origin: { kind: 'parket', instruction: 'kantschrift', reference: o.reference },
      directingAuthority: { authority: 'procureur_des_konings', reference: `PK-${o.reference}` },
      phenomenon: o.phenomenon,
      title: o.title,
    },
  });
  expect(opened.status()).toBe(201);
  const id = ((await opened.json()) as { id: string }).id;
  const party = await request.post(`/api/investigations/${id}/parties`, {
    headers,
    data: { displayName: o.suspect, role: 'suspect', identified: true, traced: false },
  });
  expect(party.status()).toBe(201);
  return id;
}

/** A report taken in by the desk and assigned to a team, through the API; returns its id. */
async function reportForTeam(
  request: APIRequestContext,
  team: string,
  o: { narrative: string; address: string; party: string },
): Promise<string> {
  const headers = { authorization: `Bearer ${await tokenFor(request, 'an.peeters')}` };
  const res = await request.post('/api/reports', {
    headers,
    data: {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-31',
      incidentType: 'woninginbraak',
      timeWindow: { from: '2026-11-18T08:00:00+01:00', to: '2026-11-18T17:00:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: o.address },
      narrative: o.narrative,
      parties: [{ name: o.party, roles: ['reporter', 'victim'] }],
    },
  });
  expect(res.status()).toBe(201);
  const id = ((await res.json()) as { id: string }).id;
  expect((await request.post(`/api/reports/${id}/assignment`, { headers, data: { serviceId: team } })).status()).toBe(200);
  return id;
}

/** Waits until the search index holds what was arranged (projections are asynchronous). */
async function indexed(request: APIRequestContext, username: string, path: string, total: number): Promise<void> {
  const headers = { authorization: `Bearer ${await tokenFor(request, username)}` };
  await expect.poll(async () => ((await (await request.get(path, { headers })).json()) as { total: number }).total).toBe(total);
}

const group = (page: Page, kind: string) => page.getByTestId(`search-group-${kind}`);

test.describe('search across what the reader may see', () => {
  // One word only these records hold, so that runs of the suite in one product do not see each other's.
  const word = `Zwalmbeek${Date.now().toString(36).replace(/\d/g, '')}`;
  let theft: string;
  let drugs: string;
  let report: string;

  test.beforeAll(async ({ request }) => {
    theft = await caseOpenedBy(request, 'pieter.janssens', {
      phenomenon: 'woninginbraak',
      title: `Inbraakreeks ${word}`,
      reference: 'KS-2026-8801',
      suspect: 'Kevin Mortier',
    });
    drugs = await caseOpenedBy(request, 'sofie.maes', {
      phenomenon: 'drugs',
      title: `Cannabisplantage ${word}`,
      reference: 'KS-2026-8802',
      suspect: 'Dirk Mortier',
    });
    report = await reportForTeam(request, 'Diefstallen', {
      narrative: `Inbraak via de achterdeur, juwelen weg. Gezien aan de ${word}.`,
      address: 'Meulestedekaai 3',
      party: 'Greet Lambrecht',
    });
    await indexed(request, 'pieter.janssens', `/api/investigations/search?q=${word}`, 1);
    await indexed(request, 'sofie.maes', `/api/investigations/search?q=${word}`, 1);
    await indexed(request, 'pieter.janssens', `/api/reports/search?q=${word}`, 1);
  });

  test('a Diefstallen detective finds his case and his team’s report from the header, by keyboard, with the words marked, and opens the report', async ({
    page,
  }) => {
    await signIn(page, 'Pieter Janssens', '/reports');
    await expectAccessible(page, 'the shell with the search box');
    await screenshot(page, 'search-00-header');
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Zoeken' });
    await expect(box).toBeFocused();
    await box.fill(word);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
    await expect(page.getByRole('heading', { name: 'Zoeken', level: 1 })).toBeVisible();

    const cases = group(page, 'investigation');
    await expect(cases.getByRole('heading', { name: 'Onderzoeken' })).toBeVisible();
    await expect(cases.getByTestId('search-count')).toHaveText('1 resultaat');
    await expect(cases).toContainText(`Inbraakreeks ${word}`);
    await expect(cases.locator('mark')).toHaveText([word]);
    await expect(cases).not.toContainText('Cannabisplantage');
    const reports = group(page, 'report');
    await expect(reports.getByTestId('search-count')).toHaveText('1 resultaat');
    await expect(reports.locator('mark').first()).toHaveText(word);
    await expect(reports).toContainText('Gevonden in: relaas');
    await expect(page.getByTestId('search-group-integrity_complaint')).toHaveCount(0);
    await expectAccessible(page, 'search results');
    await screenshot(page, 'search-01-results');

    // The heading has the focus after the search; the arrows go to the hits, Enter opens one.
    await expect(page.getByRole('heading', { name: 'Zoeken', level: 1 })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const link = reports.getByRole('link', { name: 'aangifte woninginbraak' });
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/reports/${report}$`));
    await expect(page.getByText(`Gezien aan de ${word}.`)).toBeVisible();

    // Back: the results come from the address.
    await page.goBack();
    await expect(group(page, 'investigation').getByTestId('search-count')).toHaveText('1 resultaat');
    await expect(page.getByRole('searchbox', { name: 'Zoekterm' })).toHaveValue(word);
    expect(theft).not.toBe(drugs);
  });

  test('a Drugs detective never sees the Diefstallen case or report: not in the hits, not in the counts', async ({ page }) => {
    await signIn(page, 'Sofie Maes', `/search?q=Inbraakreeks%20${word}`);
    const cases = group(page, 'investigation');
    await expect(cases.getByTestId('search-count')).toHaveText('0 resultaten');
    await expect(cases).toContainText('Geen resultaten.');
    await expect(group(page, 'report').getByTestId('search-count')).toHaveText('0 resultaten');
    await expect(page.getByRole('main')).not.toContainText('Inbraakreeks');
    await expectAccessible(page, 'search without results');
    await screenshot(page, 'search-02-drugs-detective-none');

    // The word both cases hold: hers only, counted once.
    const box = page.getByRole('searchbox', { name: 'Zoekterm' });
    await box.fill(word);
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
    await expect(cases.getByTestId('search-count')).toHaveText('1 resultaat');
    await expect(cases).toContainText(`Cannabisplantage ${word}`);
    await expect(page.getByRole('main')).not.toContainText('Inbraakreeks');
    await expect(page.getByRole('main')).not.toContainText('Kevin Mortier');
    await expect(group(page, 'report').getByTestId('search-count')).toHaveText('0 resultaten');
    await screenshot(page, 'search-03-drugs-detective-own');

    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await expect(cases.getByRole('heading', { name: 'Investigations' })).toBeVisible();
    await expect(cases.getByTestId('search-count')).toHaveText('1 result');
    await expect(group(page, 'report').getByTestId('search-count')).toHaveText('0 results');
    await expect(cases).toContainText('Found in: title');
    await expectAccessible(page, 'search in English');
    await screenshot(page, 'search-05-english');
  });

  test('a search the services cannot use is explained beside the field', async ({ page }) => {
    await signIn(page, 'An Peeters', '/search?q=-fiets');
    await expect(
      page.getByText('De zoekterm bevat geen woord om naar te zoeken (alleen stopwoorden, leestekens of uitsluitingen).'),
    ).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Zoekterm' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('search-group-report')).toHaveCount(0);
    await expectAccessible(page, 'search refused');
    await screenshot(page, 'search-04-refused');
  });
});
