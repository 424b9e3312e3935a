// The complaints list over HTTP on PostgreSQL (ADR 0061): need-to-know in the SQL over the access the
// list rows store, keyset paging by cursor, `total` counted in the database. For several readers, every
// page followed by `next` together is exactly what the former filter in JavaScript kept (every row
// through canSee), in the list's order; the overdue filter (judged now, in JavaScript) pages the same way.
import { ServiceTestApp, startServiceApp } from '@police/service-testing';
import { DEV_USERS, Principal } from '@police/security';
import { eventually } from '@police/testing';
import { IntegrityAccess } from '../../integrity.access';
import { IntegrityModule } from '../../integrity.module';
import { ComplaintRow } from '../../read-model/complaints/complaint.read-model';

const KOEN = '5415-0204';
const SOFIE = '5415-0202';
const BART = '5415-0401';
const READERS = ['filip.vermeulen', 'bart.desmet', 'hilde.mertens', 'ines.dubois'];
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

const mailed = (staffConcerned: string[], receivedOn: string) => ({
  channel: 'mail',
  complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
  staffConcerned,
  facts: 'Klager stelt dat hij bij een verkeerscontrole onheus werd bejegend.',
  receivedOn,
});

const principal = (username: string): Principal => {
  const u = DEV_USERS.find((x) => x.username === username)!;
  return { staffId: u.staffId, username: u.username, displayName: u.displayName, roles: u.roles, teams: u.teams, unit: u.unit };
};

interface Page {
  items: { id: string }[];
  total: number;
  totalExact: boolean;
  next?: string;
}

describe('GET /api/integrity/complaints: need-to-know in SQL, keyset paging', () => {
  let t: ServiceTestApp;
  const created: string[] = [];

  const must = async (user: string, method: string, path: string, body?: unknown) => {
    const a = await t.request(user, method, `/api${path}`, body);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user}: ${a.status} ${a.text}`);
    return a.json as Record<string, unknown>;
  };
  const page = async (user: string, query: string): Promise<Page> =>
    (await must(user, 'GET', `/integrity/complaints?${query}`)) as unknown as Page;

  const allByCursor = async (user: string, query: string, limit: number): Promise<string[]> => {
    const ids: string[] = [];
    const q = query === '' ? `limit=${limit}` : `${query}&limit=${limit}`;
    let p = await page(user, q);
    for (;;) {
      ids.push(...p.items.map((i) => i.id));
      if (!p.next) return ids;
      expect(p.items).toHaveLength(limit);
      p = await page(user, `${q}&after=${p.next}`);
    }
  };

  /** What the list showed before ADR 0061: every row, filtered with canSee in JavaScript, in the list's order. */
  const expected = async (user: string): Promise<string[]> => {
    const access = t.app.get(IntegrityAccess, { strict: false });
    const rows = await access.eventSourcing.dataSource.getRepository(ComplaintRow).find();
    rows.sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : a.id < b.id ? 1 : -1));
    return access.visible(principal(user), rows).map((r) => r.id);
  };

  beforeAll(async () => {
    t = await startServiceApp({ service: 'integrity', module: IntegrityModule, register: (runtime) => IntegrityModule.register(runtime) });
    const concerned = [[KOEN], [SOFIE], [BART], [KOEN, SOFIE], [KOEN], [SOFIE], [BART], [KOEN]];
    for (const [i, staff] of concerned.entries()) {
      const { id } = await must('filip.vermeulen', 'POST', '/integrity/complaints', mailed(staff, day([0, 0, 1, 3, 3, 3, 40, 90][i])));
      created.push(id as string);
    }
    // Two move into BIT's compartment (both forwardings on record first).
    for (const id of created.slice(0, 2)) {
      await must('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings`, {
        body: 'comite_p',
        forwardedOn: day(0),
        channel: 'email',
      });
      await must('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings`, {
        body: 'aig',
        forwardedOn: day(0),
        channel: 'registered_letter',
        reference: `AIG/2026/${id.slice(0, 4)}`,
      });
      await must('filip.vermeulen', 'POST', `/integrity/complaints/${id}/triage`, {
        route: 'administrative',
        reason: 'deontologische tekortkoming',
      });
    }
    await eventually(async () => {
      const { rows } = await t.pool.query<{ n: number; bit: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE "accessCompartment" = 'integrity:BIT')::int AS bit
           FROM integrity.complaints WHERE "accessType" = 'integrity_complaint'`,
      );
      expect(rows[0]).toEqual({ n: created.length, bit: 2 });
    });
  }, 120_000);

  afterAll(() => t?.close());

  it.each(READERS)('shows %s, page by page, exactly the complaints canSee keeps, in the list order, with a true total', async (user) => {
    const want = await expected(user);
    expect(await allByCursor(user, '', 3)).toEqual(want);
    const first = await page(user, 'limit=2');
    expect({ total: first.total, totalExact: first.totalExact }).toEqual({ total: want.length, totalExact: true });
    const offset = await page(user, 'limit=2&offset=2');
    expect(offset.items.map((i) => i.id)).toEqual(want.slice(2, 4));
  });

  it('differs between readers as need-to-know says: the BIT member sees BIT’s complaints, not the one about him', async () => {
    const bart = await allByCursor('bart.desmet', '', 50);
    expect(bart).toEqual(expect.arrayContaining(created.slice(0, 2)));
    expect(bart).not.toContain(created[2]);
    expect(bart).not.toContain(created[6]);
    expect((await allByCursor('filip.vermeulen', '', 50)).length).toBeGreaterThan(bart.length);
  });

  it('pages the overdue filter (judged now) by the same cursor: overdue and not overdue split the list', async () => {
    const all = await allByCursor('filip.vermeulen', '', 50);
    const late = await allByCursor('filip.vermeulen', 'overdue=true', 1);
    const onTime = await allByCursor('filip.vermeulen', 'overdue=false', 2);
    expect(late.length).toBeGreaterThan(0);
    expect(onTime.length).toBeGreaterThan(0);
    expect([...late, ...onTime].sort()).toEqual([...all].sort());
    expect(late).toEqual(all.filter((id) => late.includes(id)));
    expect((await page('filip.vermeulen', 'overdue=true&limit=1')).total).toBe(late.length);
  });

  it.each([
    ['not a position', ['x', 'y']],
    ['a day that does not exist', ['2026-02-30', '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f']],
    ['the reports list’s cursor (an instant)', ['2026-12-07T08:15:30.123Z', '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f']],
  ])('refuses a cursor that is no position of this list (%s) with a 422 naming after', async (_what, parts) => {
    const a = await t.request(
      'filip.vermeulen',
      'GET',
      `/api/integrity/complaints?after=${Buffer.from(JSON.stringify(parts)).toString('base64url')}`,
    );
    expect(a.status).toBe(422);
    expect((a.json as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['after']);
  });
});
