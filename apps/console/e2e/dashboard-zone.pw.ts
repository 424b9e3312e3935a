import { expect, Locator, test } from '@playwright/test';
import { apiGet, expectAccessible, pvByDesk, reportByDesk, screenshot, signIn, tokenFor } from './support';

/** The cells of a table's rows, as text, header row left out. */
async function cells(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (c) => c.textContent?.trim() ?? '')));
}

interface PvStats {
  stages: { stage: string; count: number }[];
}
interface CaseStats {
  open: number;
  teams: { team: string; open: number; ageDays: Record<'under30' | 'from30to89' | 'from90to179' | 'from180', number> }[];
}
interface EvidenceStats {
  checkedOut: number;
  overdue: number;
}
interface ComplaintStats {
  total: number;
  overdue: number;
  phases: { phase: string; count: number }[];
  overdueSteps: { step: string; count: number }[];
}

test.describe("the chief's dashboard of the zone", () => {
  test('shows the counts the API gives: intake per channel and week, PVs at GAK, open cases per team and age, evidence overdue, complaints per phase and step', async ({
    page,
    request,
  }) => {
    // Two users, a break-glass read, four services' logs and two downloads (or five aggregates): more than the default minute on a shared machine.
    test.slow();
    // Something in every figure: a report with a PV waiting for the quality check, and a case opened from it.
    const report = await reportByDesk(request, 'Fiets gestolen aan het Sint-Pietersstation.');
    await pvByDesk(request, report);
    const desk = await tokenFor(request, 'an.peeters');
    expect(
      (
        await request.post(`/api/reports/${report}/investigation-request`, {
          headers: { authorization: `Bearer ${desk}` },
          data: { reason: 'Reeks fietsdiefstallen aan het station' },
        })
      ).status(),
    ).toBe(200);
    await expect
      .poll(async () => (await apiGet<CaseStats>(request, 'filip.vermeulen', '/api/investigations/statistics')).body.open)
      .toBeGreaterThanOrEqual(1);

    await signIn(page, 'Filip Vermeulen');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Overzicht van de zone' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overzicht van de zone' })).toBeVisible();

    const pvs = (await apiGet<PvStats>(request, 'filip.vermeulen', '/api/reports/pv-statistics')).body;
    const cases = (await apiGet<CaseStats>(request, 'filip.vermeulen', '/api/investigations/statistics')).body;
    const evidence = (await apiGet<EvidenceStats>(request, 'filip.vermeulen', '/api/evidence/items/statistics')).body;
    const complaints = (await apiGet<ComplaintStats>(request, 'filip.vermeulen', '/api/integrity/complaints/statistics')).body;
    expect(pvs.stages.find((s) => s.stage === 'quality_check')!.count).toBeGreaterThanOrEqual(1);

    // PVs at GAK: every stage but 'completed', in words, with the API's counts.
    const pvCard = page.getByRole('region', { name: "Pv's bij GAK/DIAK" });
    const stageWords: Record<string, string> = {
      quality_check: 'Kwaliteitscontrole',
      correction: 'Verbetering door de opsteller',
      finalisation: 'Nummer (afsluiting)',
      transmission: 'Verzending',
      ang_feed: 'Voeding ANG',
    };
    await expect(pvCard.getByRole('table')).toBeVisible();
    expect((await cells(pvCard.getByRole('table'))).map((r) => r.slice(0, 2))).toEqual(
      pvs.stages.filter((s) => s.stage !== 'completed').map((s) => [stageWords[s.stage], String(s.count)]),
    );
    const waiting = pvs.stages.find((s) => s.stage === 'quality_check')!.count;
    await expect(pvCard).toContainText(
      waiting === 1 ? '1 pv wacht op de kwaliteitscontrole.' : `${waiting} pv's wachten op de kwaliteitscontrole.`,
    );

    // Intake: this week's row holds the report taken in above; the total is the API's.
    const intakeCard = page.getByRole('region', { name: 'Meldingen per kanaal en week' });
    await expect(intakeCard.getByRole('table')).toBeVisible();
    const intakeRows = await cells(intakeCard.getByRole('table'));
    const intakeTotal = intakeRows.reduce((n, r) => n + Number(r[r.length - 1]), 0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const statistics = (await apiGet<{ total: number }>(request, 'filip.vermeulen', `/api/reports/statistics?groupBy=kind&to=${today}`))
      .body;
    expect(intakeTotal).toBeGreaterThanOrEqual(1);
    expect(intakeTotal).toBeLessThanOrEqual(statistics.total);
    await expect(intakeCard.getByRole('columnheader', { name: 'Onthaal' })).toBeVisible();

    // Open cases per team and age.
    const caseCard = page.getByRole('region', { name: 'Open onderzoeken per team en hun leeftijd' });
    await expect(caseCard).toContainText(cases.open === 1 ? '1 open onderzoek;' : `${cases.open} open onderzoeken;`);
    expect(await cells(caseCard.getByRole('table'))).toEqual(
      cases.teams
        .filter((tm) => tm.open > 0)
        .map((tm) => [
          tm.team,
          String(tm.open),
          String(tm.ageDays.under30),
          String(tm.ageDays.from30to89),
          String(tm.ageDays.from90to179),
          String(tm.ageDays.from180),
        ]),
    );

    // Evidence out of storage and overdue.
    const evidenceCard = page.getByRole('region', { name: 'Inbeslagnames buiten de bewaarplaats' });
    await expect(evidenceCard).toContainText(`Uitgeleend${evidence.checkedOut}`);
    await expect(evidenceCard).toContainText(`Terugbrengen te laat${evidence.overdue}`);

    // Complaints per phase and overdue per step.
    const complaintCard = page.getByRole('region', { name: 'Klachten per fase en termijnen' });
    await expect(complaintCard).toContainText(
      `${complaints.total === 1 ? '1 klacht' : `${complaints.total} klachten`}; ${complaints.overdue} met een termijn die verstreken is.`,
    );
    const [phaseTable, stepTable] = [
      complaintCard.getByRole('table').first(),
      complaintCard.getByRole('table', { name: 'Verstreken termijnen per stap' }),
    ];
    expect((await cells(phaseTable)).map((r) => r[1])).toEqual(complaints.phases.map((p) => String(p.count)));
    expect((await cells(stepTable)).map((r) => r[1])).toEqual(complaints.overdueSteps.map((s) => String(s.count)));

    // Aggregates only: no name of a person of the report on the screen.
    await expect(page.getByText('B. Claes')).toHaveCount(0);
    await expectAccessible(page, 'zone dashboard');
    await screenshot(page, 'dashboard-01-zone');
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectAccessible(page, 'zone dashboard at 1024×768');
    await screenshot(page, 'dashboard-02-zone-1024');
  });
});
