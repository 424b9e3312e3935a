import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { APIRequestContext, expect, test } from '@playwright/test';
import { apiGet, expectAccessible, reportAs, screenshot, signIn, tokenFor } from './support';

/** A POST of the API as a demo user, for arranging data (the flow under test stays in the browser). */
async function post(
  request: APIRequestContext,
  username: string,
  url: string,
  data: unknown,
): Promise<{ id: string } & Record<string, unknown>> {
  const res = await request.post(url, { headers: { authorization: `Bearer ${await tokenFor(request, username)}` }, data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

const openCase = (extra: Record<string, unknown>) => ({
  kind: 'opsporingsonderzoek',
  origin: { kind: 'parket', instruction: 'kantschrift', reference: 'KS-2026-7781' },
  directingAuthority: { authority: 'procureur_des_konings', reference: 'GE.20.L1.004512/26' },
  ...extra,
});

test.describe('the DPO: a data-subject request', () => {
  test('searches a person in the four services, sees what is sealed from them and why, restricts a report and makes the report for the requester', async ({
    browser,
    request,
  }) => {
    // Five services' worth of arranging, a search of four, a restriction and a PDF: more than the default minute on a shared machine.
    test.slow();
    // The requester: Koen Claes, a citizen who is also a detective of the zone (5415-0204).
    const party = randomUUID();
    const report = await reportAs(request, 'an.peeters', {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-9',
      incidentType: 'fietsdiefstal',
      timeWindow: { from: '2026-11-18T08:00:00+01:00', to: '2026-11-18T17:00:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
      narrative: 'Mijn koersfiets werd gestolen aan de Korenmarkt.',
      parties: [{ partyId: party, name: 'Koen Claes', roles: ['reporter', 'victim'], contact: '+32 470 99 88 77' }],
    });
    const lossReport = await reportAs(request, 'an.peeters', {
      kind: 'loss_declaration',
      channel: { kind: 'police_on_web' },
      timeWindow: { from: '2026-11-01T08:00:00+01:00', to: '2026-11-01T18:00:00+01:00' },
      place: { municipality: 'Gent', address: 'Sint-Pietersstation' },
      narrative: 'Portefeuille verloren',
      parties: [{ partyId: party, name: 'Koen Claes', roles: ['reporter'] }],
      object: { description: 'Bruine portefeuille', category: 'wallet' },
    });
    const theft = await post(
      request,
      'pieter.janssens',
      '/api/investigations',
      openCase({ phenomenon: 'fietsdiefstal', title: 'Fietsdiefstallen Korenmarkt' }),
    );
    await post(request, 'pieter.janssens', `/api/investigations/${theft.id}/parties`, {
      personId: '85.07.30-033.61',
      displayName: 'Koen Claes',
      role: 'witness',
      identified: true,
      traced: true,
    });
    const zeden = await post(
      request,
      'lotte.willems',
      '/api/investigations',
      openCase({
        phenomenon: 'aanranding',
        title: 'Aanranding Citadelpark',
        kind: 'gerechtelijk_onderzoek',
        directingAuthority: { authority: 'onderzoeksrechter', reference: 'OR-2026/77' },
      }),
    );
    await post(request, 'lotte.willems', `/api/investigations/${zeden.id}/parties`, {
      personId: '85.07.30-033.61',
      displayName: 'Koen Claes',
      role: 'victim',
      identified: true,
      traced: true,
    });
    await post(request, 'bart.desmet', '/api/integrity/complaints', {
      channel: 'mail',
      complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
      staffConcerned: ['5415-0204'],
      facts: 'Klager stelt dat hij bij een verkeerscontrole onheus werd bejegend.',
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    // Evidence learns of the loss declaration from reports' message: wait until it holds it.
    await expect
      .poll(
        async () =>
          (await apiGet<{ records: unknown[] }>(request, 'ines.dubois', `/api/evidence/data-subjects?partyIds=${party}`)).body.records
            .length,
      )
      .toBe(1);

    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'Ines Dubois');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Verzoeken van betrokkenen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verzoeken van betrokkenen' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Naam' }).fill('Koen Claes');
    await page.getByRole('textbox', { name: 'Stamnummer' }).fill('5415-0204');
    await page.getByRole('textbox', { name: 'Identiteit nagekeken' }).fill('Identiteitskaart gezien aan de balie');
    await page.getByRole('button', { name: 'Zoeken in de vier diensten' }).click();

    await expect(page.getByRole('heading', { name: '6 dossiers vermelden deze persoon' })).toBeVisible();
    const reports = page.getByRole('table', { name: 'Dossiers bij Meldingen' });
    // The aangifte, and the loss declaration (a report too) that names him.
    await expect(reports.getByRole('row')).toHaveCount(3);
    await expect(reports).toContainText('+32 470 99 88 77');
    await expect(reports).toContainText('Wordt meegedeeld');
    const cases = page.getByRole('table', { name: 'Dossiers bij Onderzoeken' });
    await expect(cases.getByRole('row')).toHaveCount(3);
    const zedenRow = cases.locator(`[data-record="${zeden.id}"]`);
    await expect(zedenRow).toContainText('Niet meegedeeld');
    await expect(zedenRow).toContainText('Een afgeschermd onderzoek (zeden, informantenwerking, …)');
    await expect(cases.locator(`[data-record="${theft.id}"]`)).toContainText('Wordt meegedeeld');
    await expect(page.getByRole('table', { name: 'Dossiers bij Inbeslagnames' })).toContainText('Bruine portefeuille');
    const integrity = page.getByRole('table', { name: 'Dossiers bij Integriteit' });
    await expect(integrity).toContainText('Niet meegedeeld');
    await expect(integrity).toContainText('Een afgeschermd dossier over de aanvrager als personeelslid');

    // What the requester's report holds, and what stays sealed (for the DPO's eyes only).
    const reportCard = page.getByRole('region', { name: 'Rapport voor de aanvrager' });
    await expect(reportCard.getByRole('list', { name: 'Meegedeeld' }).getByRole('listitem')).toHaveCount(4);
    await expect(reportCard.getByRole('list', { name: 'Afgeschermd' }).getByRole('listitem')).toHaveCount(2);
    await expectAccessible(page, 'data-subject request');
    await screenshot(page, 'dpo-10-data-subject-findings');

    // The DPO restricts the report's processing: the desk, who read it before, now gets a 404.
    expect((await apiGet(request, 'an.peeters', `/api/reports/${report}`)).status).toBe(200);
    await reports.locator(`[data-record="${report}"]`).getByRole('button', { name: 'Verwerking beperken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verwerking beperken' });
    await expect(dialog.getByRole('textbox', { name: 'Beslissing' })).toHaveValue(/^Verzoek van Koen Claes van \d{4}-\d{2}-\d{2}$/);
    await dialog.getByRole('textbox', { name: /Grond/ }).fill('De aanvrager betwist de juistheid van de verklaring (art. 16 §3 a)');
    await screenshot(page, 'dpo-11-restrict-dialog');
    await dialog.getByRole('button', { name: 'Verwerking beperken' }).click();
    await expect(dialog).toBeHidden();
    await expect(reports.locator(`[data-record="${report}"]`)).toContainText('Verwerking beperkt (Verzoek van Koen Claes van');
    await expect.poll(async () => (await apiGet(request, 'an.peeters', `/api/reports/${report}`)).status).toBe(404);

    // The DPO erases the loss declaration's statement (it is in no judicial file): it no longer names him.
    await reports.locator(`[data-record="${lossReport}"]`).getByRole('button', { name: 'Verklaring wissen' }).click();
    const erase = page.getByRole('dialog', { name: 'Verklaring wissen' });
    await expect(erase).toContainText('Dit kan niet ongedaan worden gemaakt.');
    await erase.getByRole('textbox', { name: /Grond/ }).fill('Geen wettelijke grond meer om de verklaring te bewaren (art. 16 §2)');
    await screenshot(page, 'dpo-11b-erase-dialog');
    await erase.getByRole('button', { name: 'Definitief wissen' }).click();
    await expect(erase).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '1 verklaring gewist' })).toContainText('Verzoek van Koen Claes van');
    await expect(reports.getByRole('row')).toHaveCount(2);
    await expect
      .poll(
        async () =>
          (await apiGet<{ report: { narrative: string } }>(request, 'an.peeters', `/api/reports/${lossReport}`)).body.report.narrative,
      )
      .toMatch(/^erased on \d{4}-\d{2}-\d{2} under Verzoek van Koen Claes van/);
    await expect(reportCard.getByRole('list', { name: 'Meegedeeld' }).getByRole('listitem')).toHaveCount(3);
    await screenshot(page, 'dpo-11c-erased');

    // The decision and the report for the requester.
    const pdfDownload = page.waitForEvent('download');
    await reportCard.getByRole('button', { name: 'Beslissing vastleggen en rapport maken (pdf)' }).click();
    const status = reportCard.getByRole('status');
    await expect(status).toContainText(/Beslissing vastgelegd onder verzoek [0-9a-f-]{36}: 3 meegedeeld, 2 afgeschermd\./);
    await screenshot(page, 'dpo-12-data-subject-decided');
    const pdfPath = (await (await pdfDownload).path())!;
    expect((await pdfDownload).suggestedFilename()).toMatch(/^inzage-[0-9a-f]{8}\.pdf$/);
    // Kept beside the screenshots (a test artefact, not in git), to be looked at as the requester would.
    copyFileSync(pdfPath, path.resolve(__dirname, '..', '..', '..', 'dist', 'console-e2e', 'screenshots', 'dpo-13-access-report.pdf'));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Politiezone Gent',
      'Antwoord op uw verzoek om inzage',
      'Aanvrager: Koen Claes',
      'Gegevens die wij over u verwerken (3 dossiers)',
      'contact: +32 470 99 88 77',
      'Doel van de verwerking: Een strafonderzoek',
      'U komt erin voor als: melder, slachtoffer',
      'De verwerking van deze gegevens is beperkt sinds',
      'Ines Dubois, functionaris voor gegevensbescherming',
      'Fietsdiefstallen Korenmarkt',
      'Bruine portefeuille',
      'Controleorgaan op de politionele informatie (COC)',
      'Opgemaakt door Ines Dubois (5415-0403)',
    ])
      expect(text).toContain(expected);
    // Nothing of what is sealed from the requester, nor a hint that something was left out.
    for (const absent of ['Aanranding', 'Zeden', 'onheus', 'J. Janssens', 'afgeschermd', 'Niet meegedeeld'])
      expect(text).not.toContain(absent);

    // The register holds the request and the decision.
    const register = await apiGet<{
      requests: {
        subject: { name?: string };
        status: string;
        decision: { withheld: unknown[]; restricted: unknown[]; erased: unknown[] } | null;
      }[];
    }>(request, 'ines.dubois', '/api/integrity/data-subject-requests');
    expect(register.body.requests.find((r) => r.subject.name === 'Koen Claes')).toMatchObject({
      status: 'decided',
      decision: { withheld: [{}, {}], restricted: [{ service: 'reports', id: report }], erased: [{ service: 'reports', id: lossReport }] },
    });
    await context.close();
  });
});
