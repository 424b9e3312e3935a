// Search over investigations, over HTTP: a Drugs detective (sofie.maes) never finds a Diefstallen case
// or a Zeden case, not in hits and not in counts; a restricted team's case exists only for its team
// (and the chief's break-glass read, which search never is); the need-to-know is in the SQL.
import { ServiceTestApp, startServiceApp } from '@police/service-testing';
import { eventually } from '@police/testing';
import { InvestigationsModule } from '../../investigations.module';

const SOFIE = '5415-0202';

const openBody = (o: { phenomenon: string; title: string; reference: string }) => ({
  kind: 'opsporingsonderzoek',
  origin: { kind: 'parket', instruction: 'kantschrift', reference: o.reference },
  directingAuthority: { authority: 'procureur_des_konings', reference: `PK-${o.reference}` },
  phenomenon: o.phenomenon,
  title: o.title,
});

type Page = {
  total: number;
  hits: { id: string; kind: string; title: string; matched: string[]; references: string[]; version: number }[];
};

describe('GET /api/investigations/search', () => {
  let t: ServiceTestApp;
  const ids: Record<string, string> = {};

  const search = async (user: string, q: string, extra = ''): Promise<Page> => {
    const a = await t.request(user, 'GET', `/api/investigations/search?q=${encodeURIComponent(q)}${extra}`);
    if (a.status !== 200) throw new Error(`search ${q} as ${user}: ${a.status} ${a.text}`);
    return a.json;
  };
  const must = async (user: string, method: string, path: string, body?: unknown) => {
    const a = await t.request(user, method, `/api${path}`, body);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user}: ${a.status} ${a.text}`);
    return a.json;
  };
  const open = async (name: string, user: string, body: ReturnType<typeof openBody>, party?: string) => {
    const c = await must(user, 'POST', '/investigations', body);
    ids[name] = c.id;
    if (party)
      await must(user, 'POST', `/investigations/${c.id}/parties`, { displayName: party, role: 'suspect', identified: true, traced: false });
  };

  beforeAll(async () => {
    t = await startServiceApp({
      service: 'investigations',
      module: InvestigationsModule,
      register: (runtime) => InvestigationsModule.register(runtime),
    });
    await open(
      'diefstal',
      'pieter.janssens',
      openBody({ phenomenon: 'woninginbraak', title: 'Inbraakreeks Muide Meulestede', reference: 'KS-2026-7781' }),
      'Kevin Mortier',
    );
    await open(
      'drugs',
      'sofie.maes',
      openBody({ phenomenon: 'drugs', title: 'Cannabisplantage Muide', reference: 'KS-2026-7790' }),
      'Dirk Mortier',
    );
    await open(
      'zeden',
      'lotte.willems',
      openBody({ phenomenon: 'aanranding', title: 'Aanranding Muide park', reference: 'KS-2026-7795' }),
      'Luc Mortier',
    );
    await eventually(async () => {
      const { rows } = await t.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM investigations.search_entries WHERE parties <> ''`,
      );
      expect(rows[0].n).toBe(3);
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds cases by title, parties and references for their team', async () => {
    const muide = await search('pieter.janssens', 'Muide');
    expect(muide.total).toBe(1);
    expect(muide.hits).toEqual([
      expect.objectContaining({
        kind: 'investigation',
        id: ids.diefstal,
        title: 'Inbraakreeks Muide Meulestede',
        matched: ['title'],
        references: ['PK-KS-2026-7781', 'KS-2026-7781'],
      }),
    ]);
    expect((await search('pieter.janssens', 'KS-2026-7781')).hits.map((h) => [h.id, h.matched])).toEqual([[ids.diefstal, ['reference']]]);
    expect((await search('pieter.janssens', 'inbraak')).hits.map((h) => h.id)).toEqual([ids.diefstal]);
    expect((await search('els.jacobs', 'Mortier')).hits.map((h) => [h.id, h.matched])).toEqual([[ids.diefstal, ['parties']]]);
  });

  it('never shows sofie.maes (Drugs) a Diefstallen or a Zeden case: not in hits, not in the total, not by reference', async () => {
    const muide = await search('sofie.maes', 'Muide');
    expect(muide).toMatchObject({ total: 1, hits: [expect.objectContaining({ id: ids.drugs })] });
    expect(await search('sofie.maes', 'Mortier')).toMatchObject({ total: 1, hits: [expect.objectContaining({ id: ids.drugs })] });
    for (const q of ['inbraak', 'aanranding', 'Meulestede', 'park', 'Kevin', 'Luc', 'KS-2026-7781', 'KS-2026-7795', 'PK-KS-2026']) {
      const page = await search('sofie.maes', q);
      if (q === 'PK-KS-2026') expect(page.hits.map((h) => h.id)).toEqual([ids.drugs]);
      else expect(page).toEqual({ q, total: 0, totalExact: true, hits: [], limit: 20, offset: 0 });
    }
    expect(await search('sofie.maes', 'Muide', '&offset=3')).toMatchObject({ total: 1, hits: [] });
    // The consultation log names only the case she saw.
    const { rows } = await t.pool.query<{ ids: string[] }>(
      `SELECT data->'subject'->'ids' AS ids FROM audit.events WHERE data->'actor'->>'staffId' = $1 AND data->'endpoint'->>'route' = '/api/investigations/search'`,
      [SOFIE],
    );
    expect([...new Set(rows.flatMap((r) => r.ids))]).toEqual([ids.drugs]);
  });

  it('hides a restricted (Zeden) case from everyone outside its team, the chief included (search is never a break-glass read)', async () => {
    expect((await search('lotte.willems', 'Muide')).hits.map((h) => h.id)).toEqual([ids.zeden]);
    for (const user of ['pieter.janssens', 'els.jacobs', 'sofie.maes', 'koen.claes', 'filip.vermeulen']) {
      expect({ user, ...(await search(user, 'aanranding')) }).toMatchObject({ user, total: 0, hits: [] });
    }
    // The chief reads no case by search: each case file is a break-glass read with a justification.
    expect(await search('filip.vermeulen', 'Muide')).toMatchObject({ total: 0, hits: [] });
  });

  it('follows the case: a new team finds it, the old one no longer does', async () => {
    await must('els.jacobs', 'POST', `/investigations/${ids.diefstal}/assignment`, {
      team: 'Team Drugs',
      reason: 'Drugs gevonden bij huiszoeking',
    });
    await eventually(async () => expect((await search('sofie.maes', 'Meulestede')).hits.map((h) => h.id)).toEqual([ids.diefstal]));
    for (const user of ['pieter.janssens', 'els.jacobs'])
      expect({ user, ...(await search(user, 'Meulestede')) }).toMatchObject({ user, total: 0, hits: [] });
  });

  it('answers bad input with a 400 naming q', async () => {
    for (const q of ['', 'de', '-inbraak']) {
      const a = await t.request('pieter.janssens', 'GET', `/api/investigations/search?q=${encodeURIComponent(q)}`);
      expect({ q, status: a.status, field: a.json?.errors?.[0]?.field }).toEqual({ q, status: 400, field: 'q' });
    }
    expect((await t.request('an.peeters', 'GET', '/api/investigations/search?q=Muide')).status).toBe(403);
  });
});
