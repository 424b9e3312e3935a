// Live updates of integrity over HTTP with real SSE clients: the staff a complaint concerns never learn
// of it, whatever their role; another compartment learns nothing either — asserted against a control
// change that arrives afterwards.
import { LiveClient, ServiceTestApp, startServiceApp } from '@police/service-testing';
import { IntegrityModule } from '../../integrity.module';

const TODAY = new Date().toISOString().slice(0, 10);
const KOEN = '5415-0204';
const HILDE = '5415-0402';

describe('GET /api/integrity/live', () => {
  let t: ServiceTestApp;
  const clients: LiveClient[] = [];

  const subscribe = async (username: string) => {
    const c = await LiveClient.open(t.url, '/api/integrity/live', t.token(username));
    clients.push(c);
    expect(c.status).toBe(200);
    await c.until((f) => f.event === 'ready');
    return c;
  };
  const complaint = async (staffConcerned: string[]) => {
    const a = await t.request('bart.desmet', 'POST', '/api/integrity/complaints', {
      channel: 'mail',
      complainant: { name: 'J. Janssens' },
      staffConcerned,
      facts: 'Klager werd onheus bejegend.',
      receivedOn: TODAY,
    });
    if (a.status !== 201) throw new Error(`complaint: ${a.status} ${a.text}`);
    return a.json.id as string;
  };
  const changeOf = (id: string) => (f: { event: string; data?: { id?: string } }) => f.event === 'change' && f.data?.id === id;
  const mentions = (frames: { data?: unknown }[], id: string) => frames.filter((f) => JSON.stringify(f.data ?? '').includes(id));

  beforeAll(async () => {
    t = await startServiceApp({ service: 'integrity', module: IntegrityModule, register: (runtime) => IntegrityModule.register(runtime) });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('tells oversight of a complaint, and never the staff member it concerns (Tucht, who sees the intake by role)', async () => {
    const bart = await subscribe('bart.desmet');
    const hilde = await subscribe('hilde.mertens');
    const dpo = await subscribe('ines.dubois');
    const aboutHilde = await complaint([HILDE]);
    const seen = await bart.until(changeOf(aboutHilde));
    expect(seen.at(-1)!.data).toEqual({ type: 'integrity_complaint', id: aboutHilde, version: expect.any(Number) });
    // Control: a complaint about someone else reaches hilde after the one about her.
    const aboutKoen = await complaint([KOEN]);
    const learnt = await hilde.until(changeOf(aboutKoen));
    expect(mentions(learnt, aboutHilde)).toEqual([]);
    expect(new Set(hilde.changes().map((c) => c.id))).toEqual(new Set([aboutKoen]));
    // The DPO's compartment is not the intake: it learns of neither. Control: a complaint triaged to the DPO.
    for (const body of ['comite_p', 'aig'])
      await t.request('bart.desmet', 'POST', `/api/integrity/complaints/${aboutKoen}/forwardings`, {
        body,
        forwardedOn: TODAY,
        channel: 'email',
      });
    const triage = await t.request('filip.vermeulen', 'POST', `/api/integrity/complaints/${aboutKoen}/triage`, {
      route: 'dpo',
      reason: 'gegevensbescherming',
    });
    expect(triage.status).toBeLessThan(300);
    const dpoLearnt = await dpo.until(changeOf(aboutKoen));
    expect(mentions(dpoLearnt, aboutHilde)).toEqual([]);
    expect(dpo.changes().every((c) => c.id === aboutKoen && c.version >= 3)).toBe(true);
  });

  it('is for oversight only', async () => {
    for (const user of ['koen.claes', 'an.peeters']) expect((await t.request(user, 'GET', '/api/integrity/live')).status).toBe(403);
  });
});
