// The investigations list over HTTP on PostgreSQL (ADR 0061): need-to-know in the SQL over the access the
// list rows store, keyset paging by cursor, `total` counted in the database. For several readers, every
// page followed by `next` together is exactly what the former filter in JavaScript kept (every row
// through canSee), in the list's order.
import { ServiceTestApp, startServiceApp } from '@police/service-testing';
import { DEV_USERS, Principal } from '@police/security';
import { eventually } from '@police/testing';
import { InvestigationsAccess } from '../../investigations.access';
import { InvestigationsModule } from '../../investigations.module';
import { InvestigationRow } from '../../read-model/investigations/investigation.read-model';

const PARKET = { authority: 'procureur_des_konings', reference: 'GE.20.L1.004512/26' };
const READERS = ['pieter.janssens', 'sofie.maes', 'lotte.willems', 'koen.claes', 'els.jacobs', 'filip.vermeulen'];

const openBody = (phenomenon: string, title: string) => ({
  kind: 'opsporingsonderzoek',
  origin: { kind: 'parket', instruction: 'kantschrift', reference: 'KS-2026-7781' },
  directingAuthority: PARKET,
  phenomenon,
  title,
});

const principal = (username: string): Principal => {
  const u = DEV_USERS.find((x) => x.username === username)!;
  return { staffId: u.staffId, username: u.username, displayName: u.displayName, roles: u.roles, teams: u.teams, unit: u.unit };
};

interface Page {
  investigations: { id: string }[];
  total: number;
  totalExact: boolean;
  next?: string;
}

describe('GET /api/investigations: need-to-know in SQL, keyset paging', () => {
  let t: ServiceTestApp;
  const created: string[] = [];

  const must = async (user: string, method: string, path: string, body?: unknown) => {
    const a = await t.request(user, method, `/api${path}`, body);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user}: ${a.status} ${a.text}`);
    return a.json as Record<string, unknown>;
  };
  const page = async (user: string, query: string): Promise<Page> =>
    (await must(user, 'GET', `/investigations?${query}`)) as unknown as Page;

  const allByCursor = async (user: string, limit: number): Promise<string[]> => {
    const ids: string[] = [];
    let p = await page(user, `limit=${limit}`);
    for (;;) {
      ids.push(...p.investigations.map((i) => i.id));
      if (!p.next) return ids;
      expect(p.investigations).toHaveLength(limit);
      p = await page(user, `limit=${limit}&after=${p.next}`);
    }
  };

  /** What the list showed before ADR 0061: every row, filtered with canSee in JavaScript, in the list's order. */
  const expected = async (user: string): Promise<string[]> => {
    const access = t.app.get(InvestigationsAccess, { strict: false });
    const rows = await access.eventSourcing.dataSource.getRepository(InvestigationRow).find();
    rows.sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime() || (a.id < b.id ? 1 : -1));
    return rows.filter((row) => access.canSee(principal(user), access.rowResource(row))).map((r) => r.id);
  };

  beforeAll(async () => {
    t = await startServiceApp({
      service: 'investigations',
      module: InvestigationsModule,
      register: (runtime) => InvestigationsModule.register(runtime),
    });
    const open = async (user: string, phenomenon: string, title: string) => {
      const r = await must(user, 'POST', '/investigations', openBody(phenomenon, title));
      created.push(r.id as string);
      return r.id as string;
    };
    for (let i = 0; i < 4; i++) await open('pieter.janssens', 'woninginbraak', `Inbraak ${i}`);
    for (let i = 0; i < 3; i++) await open('sofie.maes', 'drugs', `Drugs ${i}`);
    // A restricted team's case (Zeden): nobody else's list holds it.
    await open('lotte.willems', 'cam', 'CAM');
    // A Drugs detective made member of a Diefstallen case sees it by assignment.
    const shared = await open('els.jacobs', 'woninginbraak', 'Gedeeld');
    const joined = await must('els.jacobs', 'POST', `/investigations/${shared}/members`, { staffId: '5415-0202' });
    await eventually(async () => {
      const { rows } = await t.pool.query<{ n: number; member: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE "accessAssignees" @> ARRAY['5415-0202'] AND version = $1)::int AS member
           FROM investigations.investigations WHERE "accessType" = 'investigation'`,
        [joined.version],
      );
      expect(rows[0]).toEqual({ n: created.length, member: 1 });
    });
  }, 120_000);

  afterAll(() => t?.close());

  it.each(READERS)(
    'shows %s, page by page, exactly the investigations canSee keeps, in the list order, with a true total',
    async (user) => {
      const want = await expected(user);
      expect(await allByCursor(user, 2)).toEqual(want);
      const first = await page(user, 'limit=2');
      expect({ total: first.total, totalExact: first.totalExact }).toEqual({ total: want.length, totalExact: true });
      expect((await page(user, 'limit=2&offset=2')).investigations.map((i) => i.id)).toEqual(want.slice(2, 4));
    },
  );

  it('differs between readers as need-to-know says', async () => {
    expect(await allByCursor('sofie.maes', 50)).toHaveLength(4);
    expect(await allByCursor('pieter.janssens', 50)).toHaveLength(5);
    expect(await allByCursor('lotte.willems', 50)).toEqual([created[7]]);
  });
});
