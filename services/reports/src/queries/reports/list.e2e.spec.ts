// The reports list over HTTP on PostgreSQL (ADR 0061): need-to-know in the SQL over the access the list
// rows store, keyset paging by cursor. For several readers, every page followed by `next` together is
// exactly what the former filter in JavaScript kept (every row of the table through canSee), in the
// list's order; offset paging agrees; a malformed cursor is a 400 naming `after`, one that is no position of it a 422.
import { randomUUID } from 'node:crypto';
import { ServiceTestApp, startServiceApp } from '@police/service-testing';
import { DEV_USERS, Principal } from '@police/security';
import { eventually } from '@police/testing';
import { ReportsAccess } from '../../reports.access';
import { ReportsModule } from '../../reports.module';
import { ReportRow } from '../../read-model/reports/report.read-model';

const HOUR = 60 * 60 * 1000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const DOC_SHA = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';
const RESTRICTION = { decision: 'DSR 2026/001', reason: 'The requester contests the accuracy of the statement' };
const READERS = ['an.peeters', 'wim.debacker', 'pieter.janssens', 'sofie.maes', 'els.jacobs', 'filip.vermeulen'];

const aangifte = (incidentType: string, extra: Record<string, unknown> = {}) => ({
  kind: 'aangifte',
  channel: { kind: 'front_desk', officeId: 'apg' },
  appointmentRef: 'APT-2026-0042',
  incidentType,
  timeWindow: { from: iso(14 * HOUR), to: iso(4 * HOUR) },
  place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
  narrative: 'Achterdeur geforceerd.',
  parties: [{ partyId: randomUUID(), name: 'A. Peeters', roles: ['reporter', 'victim'] }],
  motiveFlags: [],
  victimSupportWanted: false,
  ...extra,
});

const principal = (username: string): Principal => {
  const u = DEV_USERS.find((x) => x.username === username)!;
  return { staffId: u.staffId, username: u.username, displayName: u.displayName, roles: u.roles, teams: u.teams, unit: u.unit };
};

interface Page {
  items: { id: string }[];
  limit: number;
  offset: number;
  next?: string;
}

describe('GET /api/reports: need-to-know in SQL, keyset paging', () => {
  let t: ServiceTestApp;
  const created: string[] = [];

  const must = async (user: string, method: string, path: string, body?: unknown) => {
    const a = await t.request(user, method, `/api${path}`, body);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user}: ${a.status} ${a.text}`);
    return a.json as Record<string, unknown>;
  };
  const page = async (user: string, query: string): Promise<Page> => (await must(user, 'GET', `/reports?${query}`)) as unknown as Page;

  /** Every page, following `next`. */
  const allByCursor = async (user: string, limit: number): Promise<string[]> => {
    const ids: string[] = [];
    let p = await page(user, `limit=${limit}`);
    for (;;) {
      ids.push(...p.items.map((i) => i.id));
      if (!p.next) return ids;
      expect(p.items).toHaveLength(limit);
      p = await page(user, `limit=${limit}&after=${p.next}`);
    }
  };

  /** What the list showed before ADR 0061: every row, filtered with canSee in JavaScript, in the list's order. */
  const expected = async (user: string): Promise<string[]> => {
    const access = t.app.get(ReportsAccess, { strict: false });
    const rows = await access.eventSourcing.dataSource.getRepository(ReportRow).find();
    rows.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : -1));
    return access.visible(principal(user), rows).map((v) => v.row.id);
  };

  beforeAll(async () => {
    t = await startServiceApp({ service: 'reports', module: ReportsModule, register: (runtime) => ReportsModule.register(runtime) });
    const intake = async (user: string, body: Record<string, unknown>, serviceId?: string) => {
      const r = await must(user, 'POST', '/reports', body);
      created.push(r.id as string);
      if (serviceId) await must('an.peeters', 'POST', `/reports/${String(r.id)}/assignment`, { serviceId });
      return r.id as string;
    };
    for (let i = 0; i < 4; i++) await intake('an.peeters', aangifte('fietsdiefstal'), 'Diefstallen');
    for (let i = 0; i < 3; i++) await intake('wim.debacker', aangifte('drugsbezit'), 'Drugs');
    await intake('an.peeters', aangifte('geluidsoverlast'));
    // A PV makes GAK assigned; its author is assigned too.
    const withPv = await intake('an.peeters', aangifte('woninginbraak'), 'Diefstallen');
    await must('an.peeters', 'POST', `/reports/${withPv}/pvs`, {
      legalQualification: 'Diefstal met braak (art. 467 Sw.)',
      offenceType: 'woninginbraak',
      destination: 'parket',
      documentSha256: DOC_SHA,
    });
    // A conduct complaint about the desk officer: a pointer the desk sees, never the staff it concerns.
    await intake(
      'wim.debacker',
      aangifte('onheus optreden', { kind: 'klacht', concernsPoliceConduct: true, staffMembersConcerned: ['5415-0101'] }),
    );
    // Restricted by the DPO: a sealed record for everyone here.
    const restricted = await intake('an.peeters', aangifte('fietsdiefstal'), 'Diefstallen');
    await must('ines.dubois', 'POST', `/reports/${restricted}/processing-restriction`, RESTRICTION);
    await eventually(async () => {
      const { rows } = await t.pool.query<{ n: number; pv: number; restricted: number }>(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE jsonb_array_length(pvs) > 0 AND cardinality("accessAssignedTeams") > 0)::int AS pv,
                count(*) FILTER (WHERE "accessCompartment" = 'dpo:restricted-processing')::int AS restricted
           FROM reports.reports WHERE "accessType" = 'report'`,
      );
      expect(rows[0]).toEqual({ n: created.length, pv: 1, restricted: 1 });
    });
  }, 120_000);

  afterAll(() => t?.close());

  it.each(READERS)('shows %s, page by page, exactly the reports canSee keeps, in the list order', async (user) => {
    const want = await expected(user);
    expect(await allByCursor(user, 3)).toEqual(want);
    // Offset paging (kept for existing clients) is the same list.
    const second = await page(user, 'limit=3&offset=3');
    expect(second.items.map((i) => i.id)).toEqual(want.slice(3, 6));
  });

  it('differs between readers as need-to-know says: the desk officer never sees the complaint about her, the other desk officer does', async () => {
    const desk = await allByCursor('an.peeters', 50);
    const other = await allByCursor('wim.debacker', 50);
    const drugs = await allByCursor('sofie.maes', 50);
    expect(other.length).toBe(desk.length + 1);
    expect(drugs.length).toBe(3);
    expect(new Set([...desk, ...other]).size).toBe(created.length - 1);
  });

  it('answers no next on the last page, and filters with the cursor', async () => {
    const first = await page('an.peeters', 'limit=50');
    expect(first.next).toBeUndefined();
    const drugs = await page('an.peeters', 'limit=2&status=received');
    expect(drugs.next).toEqual(expect.any(String));
    const rest = await page('an.peeters', `limit=50&status=received&after=${drugs.next!}`);
    expect(rest.items.map((i) => i.id)).not.toContain(drugs.items[0].id);
  });

  it('refuses a cursor out of the cursor alphabet with a 400 naming after, as the document states its form', async () => {
    const a = await t.request('an.peeters', 'GET', `/api/reports?after=a%20b`);
    expect(a.status).toBe(400);
    expect(a.contentType).toContain('application/problem+json');
    expect((a.json as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['after']);
  });

  it.each([
    ['a word', '0'],
    ['not a cursor', Buffer.from('{"x":1}').toString('base64url')],
    ['another list’s cursor', Buffer.from(JSON.stringify(['2026-01-01', randomUUID()])).toString('base64url')],
    ['an id that is no uuid', Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x'])).toString('base64url')],
  ])('refuses a well-formed cursor that is no position of this list (%s) with a 422 naming after', async (_what, after) => {
    const a = await t.request('an.peeters', 'GET', `/api/reports?after=${after}`);
    expect(a.status).toBe(422);
    expect(a.contentType).toContain('application/problem+json');
    expect(a.json).toMatchObject({ code: 'invalid_cursor', errors: [{ field: 'after' }] });
  });

  it.each(['0', '201', '-1', '2.5', ''])('refuses limit=%s with a 400 naming limit', async (limit) => {
    const a = await t.request('an.peeters', 'GET', `/api/reports?limit=${limit}`);
    expect(a.status).toBe(400);
    expect(a.contentType).toContain('application/problem+json');
    expect((a.json as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['limit']);
  });

  it('reads a page of the largest limit, 200', async () => {
    expect((await page('an.peeters', 'limit=200')).items).toHaveLength((await allByCursor('an.peeters', 50)).length);
  });

  it('refuses a cursor with an offset, naming after', async () => {
    const { next } = await page('an.peeters', 'limit=2');
    const a = await t.request('an.peeters', 'GET', `/api/reports?limit=2&offset=2&after=${next!}`);
    expect(a.status).toBe(422);
    expect((a.json as { errors: { field: string; detail: string }[] }).errors).toEqual([
      { field: 'after', detail: expect.stringContaining('offset') },
    ]);
  });
});
