// Search over complaints, over HTTP: the staff a complaint concerns never find it, whatever their role,
// not in hits and not in counts; a compartment's complaints are found by its roles only.
import { ServiceTestApp, startServiceApp } from '@police/service-testing';
import { eventually } from '@police/testing';
import { IntegrityModule } from '../../integrity.module';

const TODAY = new Date().toISOString().slice(0, 10);
const KOEN = '5415-0204';
const HILDE = '5415-0402';
const FILIP = '5415-0001';

type Page = { total: number; hits: { id: string; kind: string; title: string; matched: string[]; references: string[] }[] };

describe('GET /api/integrity/search', () => {
  let t: ServiceTestApp;
  const ids: Record<string, string> = {};
  const registers: Record<string, string> = {};

  const search = async (user: string, q: string): Promise<Page> => {
    const a = await t.request(user, 'GET', `/api/integrity/search?q=${encodeURIComponent(q)}`);
    if (a.status !== 200) throw new Error(`search ${q} as ${user}: ${a.status} ${a.text}`);
    return a.json;
  };
  const must = async (user: string, method: string, path: string, body?: unknown) => {
    const a = await t.request(user, method, `/api${path}`, body);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user}: ${a.status} ${a.text}`);
    return a.json;
  };
  const complaint = async (name: string, staffConcerned: string[], complainant: string) => {
    const c = await must('bart.desmet', 'POST', '/integrity/complaints', {
      channel: 'mail',
      complainant: { name: complainant },
      staffConcerned,
      facts: 'Klager werd onheus bejegend bij een verkeerscontrole op de Kortrijksesteenweg.',
      receivedOn: TODAY,
      office: 'Commissariaat Zuid',
    });
    ids[name] = c.id;
    registers[name] = c.registerNumber;
  };

  beforeAll(async () => {
    t = await startServiceApp({ service: 'integrity', module: IntegrityModule, register: (runtime) => IntegrityModule.register(runtime) });
    await complaint('hilde', [HILDE], 'Greet Baert');
    await complaint('koen', [KOEN], 'Tom Baert');
    await complaint('chief', [FILIP], 'Els Baert');
    await eventually(async () => expect((await search('bart.desmet', 'Kortrijksesteenweg')).total).toBe(3));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds complaints by facts, complainant and register number for the compartment', async () => {
    const page = await search('bart.desmet', 'verkeerscontrole');
    expect(page.hits.map((h) => h.id).sort()).toEqual(Object.values(ids).sort());
    expect(page.hits[0]).toMatchObject({ kind: 'integrity_complaint', matched: ['narrative'] });
    expect((await search('bart.desmet', registers.koen)).hits.map((h) => [h.id, h.title, h.matched])).toEqual([
      [ids.koen, `klacht ${registers.koen}`, ['title', 'reference']],
    ]);
    expect((await search('bart.desmet', 'Greet')).hits.map((h) => [h.id, h.matched])).toEqual([[ids.hilde, ['parties']]]);
  });

  it('never lets the staff a complaint concerns find it: not in hits, not in the total, not by its number', async () => {
    const hilde = await search('hilde.mertens', 'Kortrijksesteenweg');
    expect(hilde.total).toBe(2);
    expect(hilde.hits.map((h) => h.id).sort()).toEqual([ids.koen, ids.chief].sort());
    expect(await search('hilde.mertens', registers.hilde)).toMatchObject({ total: 0, hits: [] });
    expect(await search('hilde.mertens', 'Greet')).toMatchObject({ total: 0, hits: [] });
    const chief = await search('filip.vermeulen', 'Baert');
    expect(chief.hits.map((h) => h.id).sort()).toEqual([ids.hilde, ids.koen].sort());
    expect(await search('filip.vermeulen', 'Els')).toMatchObject({ total: 0, hits: [] });
  });

  it('follows the complaint into its compartment: triaged to the DPO, only the DPO finds it', async () => {
    for (const body of ['comite_p', 'aig'])
      await must('bart.desmet', 'POST', `/integrity/complaints/${ids.koen}/forwardings`, { body, forwardedOn: TODAY, channel: 'email' });
    await must('filip.vermeulen', 'POST', `/integrity/complaints/${ids.koen}/triage`, { route: 'dpo', reason: 'gegevensbescherming' });
    await eventually(async () => expect((await search('ines.dubois', 'Tom')).hits.map((h) => h.id)).toEqual([ids.koen]));
    for (const user of ['bart.desmet', 'hilde.mertens', 'filip.vermeulen'])
      expect({ user, ...(await search(user, 'Tom')) }).toMatchObject({ user, total: 0, hits: [] });
  });

  it('is for oversight only', async () => {
    for (const user of ['koen.claes', 'an.peeters', 'marc.goossens'])
      expect((await t.request(user, 'GET', '/api/integrity/search?q=Baert')).status).toBe(403);
  });
});
