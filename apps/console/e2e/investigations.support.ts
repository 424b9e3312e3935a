import { randomUUID } from 'node:crypto';
import { APIRequestContext, expect, Locator, Page } from '@playwright/test';
import { tokenFor } from './support';

/** Picks an option of a Mantine select (a combobox) by its label. */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** An instant as a Belgian wall-clock time the console's pickers read: `DD/MM/YYYY HH:mm`. */
export function brussels(at: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export const hoursAgo = (h: number): Date => new Date(Date.now() - h * 3_600_000);

/** A call to the API as a demo user (arranging data; the flow under test stays in the browser). */
export async function as(request: APIRequestContext, username: string) {
  const token = await tokenFor(request, username);
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: async (path: string) => {
      const res = await request.get(path, { headers });
      expect(res.status(), `GET ${path} as ${username}`).toBeLessThan(300);
      return res.json();
    },
    post: async (path: string, data: unknown, extra: Record<string, string> = {}) => {
      const res = await request.post(path, { headers: { ...headers, ...extra }, data });
      expect(res.status(), `POST ${path} as ${username}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    },
  };
}

/**
 * A bicycle theft taken in by the front desk (a victim and a suspect named) and referred for
 * investigation: the investigations service opens its case, routed to Diefstallen. Returns the case
 * id and its title (the report's incident type and place).
 */
export async function referredCase(
  request: APIRequestContext,
  street: string,
  suspect = 'K. Verdacht',
): Promise<{ id: string; title: string; reportId: string }> {
  const desk = await as(request, 'an.peeters');
  const report = await desk.post('/api/reports', {
    kind: 'aangifte',
    channel: { kind: 'front_desk', officeId: 'apg' },
    appointmentRef: 'APT-9',
    incidentType: 'fietsdiefstal',
    timeWindow: { from: '2026-11-18T08:00:00+01:00', to: '2026-11-18T17:00:00+01:00' },
    place: { municipality: 'Gent', postalCode: '9000', address: street },
    narrative: 'Fiets gestolen aan het station, slot doorgeknipt.',
    parties: [
      { name: 'B. Claes', roles: ['reporter', 'victim'] },
      { name: suspect, roles: ['suspect'] },
    ],
  });
  await desk.post(`/api/reports/${report.id}/investigation-request`, { reason: 'Reeks fietsdiefstallen aan het station' });
  const lead = await as(request, 'els.jacobs');
  let id = '';
  await expect
    .poll(async () => {
      const found = await lead.get(`/api/investigations?reportId=${report.id}`);
      id = found.investigations[0]?.id ?? '';
      return id;
    })
    .not.toBe('');
  return { id, title: `fietsdiefstal, ${street}, Gent`, reportId: report.id };
}

/** A case opened through the API by a detective of `team`'s phenomenon. */
export async function openedCase(request: APIRequestContext, username: string, phenomenon: string, title: string): Promise<string> {
  const api = await as(request, username);
  const opened = await api.post(
    '/api/investigations',
    { kind: 'opsporingsonderzoek', origin: { kind: 'eigen_initiatief' }, phenomenon, title },
    { 'Idempotency-Key': randomUUID() },
  );
  return opened.id;
}
