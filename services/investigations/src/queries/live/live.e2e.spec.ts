// Live updates of investigations over HTTP with real SSE clients: a case's change reaches its team, and
// never another team or anyone outside a restricted team — asserted against a control change that
// arrives afterwards.
import { LiveClient, ServiceTestApp, startServiceApp } from '@police/service-testing';
import { InvestigationsModule } from '../../investigations.module';

const openBody = (phenomenon: string, title: string) => ({
  kind: 'opsporingsonderzoek',
  origin: { kind: 'parket', instruction: 'kantschrift', reference: `KS-${title}` },
  directingAuthority: { authority: 'procureur_des_konings', reference: 'GE.20.L1.004512/26' },
  phenomenon,
  title,
});

describe('GET /api/investigations/live', () => {
  let t: ServiceTestApp;
  const clients: LiveClient[] = [];

  const subscribe = async (username: string) => {
    const c = await LiveClient.open(t.url, '/api/investigations/live', t.token(username));
    clients.push(c);
    expect(c.status).toBe(200);
    await c.until((f) => f.event === 'ready');
    return c;
  };
  const must = async (user: string, method: string, path: string, body?: unknown) => {
    const a = await t.request(user, method, `/api${path}`, body);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user}: ${a.status} ${a.text}`);
    return a.json;
  };
  const changeOf = (id: string, version?: number) => (f: { event: string; data?: { id?: string; version?: number } }) =>
    f.event === 'change' && f.data?.id === id && (version === undefined || f.data.version === version);
  const mentions = (frames: { data?: unknown }[], id: string) => frames.filter((f) => JSON.stringify(f.data ?? '').includes(id));

  beforeAll(async () => {
    t = await startServiceApp({
      service: 'investigations',
      module: InvestigationsModule,
      register: (runtime) => InvestigationsModule.register(runtime),
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('tells the team of a change to its case, and another team nothing of it', async () => {
    const pieter = await subscribe('pieter.janssens');
    const sofie = await subscribe('sofie.maes');
    const theft = await must('els.jacobs', 'POST', '/investigations', openBody('woninginbraak', 'Inbraak Muide'));
    await must('els.jacobs', 'POST', `/investigations/${theft.id}/lead-investigator`, { staffId: '5415-0201' });
    const frames = await pieter.until(changeOf(theft.id, 1));
    expect(frames.at(-1)!.data).toEqual({ type: 'investigation', id: theft.id, version: 1 });
    // Control: sofie's own case arrives after both changes to the theft.
    const drugs = await must('sofie.maes', 'POST', '/investigations', openBody('drugs', 'Plantage Muide'));
    const learnt = await sofie.until(changeOf(drugs.id));
    expect(mentions(learnt, theft.id)).toEqual([]);
    expect(sofie.changes().map((c) => c.id)).toEqual([drugs.id]);
  });

  it('never tells anyone outside a restricted team of its case, the chief included', async () => {
    const pieter = await subscribe('pieter.janssens');
    const sofie = await subscribe('sofie.maes');
    const chief = await subscribe('filip.vermeulen');
    const lotte = await subscribe('lotte.willems');
    const zeden = await must('lotte.willems', 'POST', '/investigations', openBody('aanranding', 'Aanranding park'));
    await lotte.until(changeOf(zeden.id));
    const theft = await must('pieter.janssens', 'POST', '/investigations', openBody('woninginbraak', 'Inbraak Overpoort'));
    const drugs = await must('sofie.maes', 'POST', '/investigations', openBody('drugs', 'Dealen Overpoort'));
    expect(mentions(await pieter.until(changeOf(theft.id)), zeden.id)).toEqual([]);
    expect(mentions(await sofie.until(changeOf(drugs.id)), zeden.id)).toEqual([]);
    // The chief sees a case by assignment only (other reads are break-glass reads): control, a case he is added to.
    const briefed = await must('els.jacobs', 'POST', '/investigations', openBody('woninginbraak', 'Inbraak stadhuis'));
    await must('els.jacobs', 'POST', `/investigations/${briefed.id}/members`, { staffId: '5415-0001' });
    const chiefLearnt = await chief.until(changeOf(briefed.id));
    expect(mentions(chiefLearnt, zeden.id)).toEqual([]);
    expect(chief.changes().map((c) => c.id)).toEqual([briefed.id]);
  });
});
