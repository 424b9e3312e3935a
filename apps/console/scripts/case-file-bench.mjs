// The case file with 1,000 events, for `npm run bench` (apps/console/scripts/bench.mjs calls it against
// the embedded product it started): a case opened and worked through the investigations API until its
// stream holds 1,000 events (parties, tasks created and completed, traces collected), then opened by its
// lead in Debian's Chromium. Two figures, each the median of fresh page loads (no warm cache):
//   - the case file: a click on the case in "Dossiers van mijn team" until the file is on screen;
//   - its timeline: a click on the timeline tab until its 1,000 steps are on screen.
// "On screen" is the console's own performance mark (investigations:case-file:<tab>), set once the
// browser has painted the tab with its data; the timeline's is only counted when it says 1,000 events.
import { randomUUID } from 'node:crypto';

export const EVENTS = 1000;
// A detective of Diefstallen, where the zone routes a burglary series.
const LEAD = { username: 'pieter.janssens', name: 'Pieter Janssens', staffId: '5415-0201' };

async function api(base, token, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Opens a case as a detective of its team and records commands on it until its stream holds `events`
 * events: per ten, a party linked, five tasks created, three completed and a trace collected. Returns
 * the case id and its title.
 */
export async function seedCase(base, events = EVENTS) {
  const tokenRes = await fetch(`${base}/api/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: LEAD.username }),
  });
  if (!tokenRes.ok) throw new Error(`token: ${tokenRes.status}`);
  const { access_token: token } = await tokenRes.json();
  const title = `Inbraakreeks Muide (${events} gebeurtenissen)`;
  const opened = await api(base, token, 'POST', '/api/investigations', {
    kind: 'opsporingsonderzoek',
    origin: { kind: 'eigen_initiatief' },
    phenomenon: 'woninginbraak',
    title,
  });
  const id = opened.id;
  const open = [];
  const day = (i) => new Date(Date.UTC(2026, 11, 1 + (i % 28))).toISOString().slice(0, 10);
  const at = (i) => new Date(Date.UTC(2026, 10, 1, 8) + i * 60_000).toISOString();
  for (let i = 1; i < events; i++) {
    const step = i % 10;
    if (step === 0) {
      await api(base, token, 'POST', `/api/investigations/${id}/parties`, {
        displayName: `Getuige ${i}`,
        role: 'witness',
        identified: i % 20 === 0,
        traced: false,
      });
    } else if (step <= 5) {
      const created = await api(base, token, 'POST', `/api/investigations/${id}/tasks`, {
        title: `Buurtonderzoek Muide, huisnummer ${i}`,
        assignee: LEAD.staffId,
        dueDate: day(i),
      });
      open.push(created.taskId);
    } else if (step <= 8) {
      await api(base, token, 'POST', `/api/investigations/${id}/tasks/${open.shift()}/completion`);
    } else {
      await api(base, token, 'POST', `/api/investigations/${id}/actions`, {
        kind: 'trace_collection',
        startedAt: at(i),
        description: `Schoenafdruk ${i} aan de achterdeur`,
        place: `Muidepoort ${i}, Gent`,
      });
    }
  }
  const timeline = await api(base, token, 'GET', `/api/investigations/${id}/timeline`);
  if (timeline.entries.length !== events) throw new Error(`the case holds ${timeline.entries.length} events, not ${events}`);
  return { id, title };
}

/** One fresh visit: sign in as a detective of the case's team, open it from the team's list, then its timeline. */
async function visit(browser, base, kase, events) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/investigations/team`);
    await page.getByRole('button', { name: `Aanmelden als ${LEAD.name}` }).click();
    const link = page.getByRole('link', { name: kase.title });
    await link.waitFor({ timeout: 30_000 });
    const markAfter = async (name, start) =>
      page.waitForFunction(([n, s]) => performance.getEntriesByName(n).some((e) => e.startTime >= s), [name, start], {
        timeout: 30_000,
        polling: 'raf',
      });
    const since = async (name, start) =>
      page.evaluate(([n, s]) => performance.getEntriesByName(n).find((e) => e.startTime >= s).startTime - s, [name, start]);

    // The case file: the click on its link in the list, until the file is painted.
    const fileStart = await link.evaluate((a) => {
      const t = performance.now();
      a.click();
      return t;
    });
    await markAfter('investigations:case-file:overview', fileStart);
    const file = await since('investigations:case-file:overview', fileStart);

    // Its timeline: the click on the tab, until its steps are painted.
    const tab = page.getByRole('tab', { name: 'Tijdlijn' });
    const timelineStart = await tab.evaluate((b) => {
      const t = performance.now();
      b.click();
      return t;
    });
    await markAfter('investigations:case-file:timeline', timelineStart);
    const timeline = await since('investigations:case-file:timeline', timelineStart);
    const count = await page.getByTestId('timeline-count').innerText();
    if (!count.replace(/\D/g, '').startsWith(String(events))) throw new Error(`the timeline says "${count}", not ${events} events`);
    return { file, timeline };
  } finally {
    await context.close();
  }
}

/** `runs` fresh visits of the seeded case in Chromium; the times of each. */
export async function measureCaseFile(browser, base, kase, runs, events = EVENTS) {
  // A first visit warms the server (its read models, the JIT), not counted.
  await visit(browser, base, kase, events);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await visit(browser, base, kase, events));
  return out;
}
