import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, expect, Page } from '@playwright/test';
import path from 'node:path';

const shots = path.resolve(__dirname, '..', '..', '..', 'dist', 'console-e2e', 'screenshots');

/** Signs in through the persona picker, as a user would, and waits for the shell. */
export async function signIn(page: Page, displayName: string, at = '/'): Promise<void> {
  await page.goto(at);
  await page.getByRole('button', { name: `Aanmelden als ${displayName}` }).click();
  await expect(page.getByTestId('current-user')).toContainText(displayName);
}

/** WCAG 2.1 A/AA checks of what is on screen: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // What the user reads once it has settled: a toast or dialog fading in is checked at full opacity, not
  // half-way (axe measured a notification mid-transition as low contrast). Endless animations (loaders) are not waited for.
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.race([Promise.allSettled(finite.map((a) => a.finished)), new Promise((r) => setTimeout(r, 2_000))]);
  });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
  expect(bad, `accessibility violations on ${screen}`).toEqual([]);
}

/** A screenshot kept as a test artefact (dist/console-e2e/screenshots, not in git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** A token for a demo user, for arranging data through the API (the flow under test stays in the browser). */
export async function tokenFor(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/auth/dev/token', { data: { username } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** An aangifte taken in by the front desk through the API; returns its id. */
export async function reportByDesk(request: APIRequestContext, narrative: string): Promise<string> {
  const token = await tokenFor(request, 'an.peeters');
  const res = await request.post('/api/reports', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-7',
      incidentType: 'fietsdiefstal',
      timeWindow: { from: '2026-11-18T08:00:00+01:00', to: '2026-11-18T17:00:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
      narrative,
      parties: [{ name: 'B. Claes', roles: ['reporter', 'victim'] }],
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const DOC_SHA = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';

/**
 * A PV drafted by the front desk (an.peeters, its author) on a report, through the API; submitted for
 * quality control unless `submit` is false. Returns its id.
 */
export async function pvByDesk(
  request: APIRequestContext,
  reportId: string,
  options: { offenceType?: string; destination?: 'parket' | 'city_gas'; submit?: boolean } = {},
): Promise<string> {
  const headers = { authorization: `Bearer ${await tokenFor(request, 'an.peeters')}` };
  const drafted = await request.post(`/api/reports/${reportId}/pvs`, {
    headers,
    data: {
      legalQualification: 'Diefstal (art. 461 Sw.)',
      offenceType: options.offenceType ?? 'fietsdiefstal',
      destination: options.destination ?? 'parket',
      documentSha256: DOC_SHA,
    },
  });
  expect(drafted.status()).toBe(201);
  const pvId = ((await drafted.json()) as { id: string }).id;
  if (options.submit !== false)
    expect((await request.post(`/api/reports/pvs/${pvId}/submission`, { headers, data: {} })).status()).toBe(200);
  return pvId;
}

/** Picks an option of a labelled select (Mantine's combobox), as a user does with the mouse. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A GET of the API as a demo user (to check, beside the screen, what another service now holds). */
export async function apiGet<T>(request: APIRequestContext, username: string, url: string): Promise<{ status: number; body: T }> {
  const token = await tokenFor(request, username);
  const res = await request.get(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status(), body: (await res.json()) as T };
}

/** A report taken in through the API by a demo user (any body the intake takes); returns its id. */
export async function reportAs(request: APIRequestContext, username: string, body: Record<string, unknown>): Promise<string> {
  const token = await tokenFor(request, username);
  const res = await request.post('/api/reports', { headers: { authorization: `Bearer ${token}` }, data: body });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
