// The four services as separate processes (their production mains), talking only over real Kafka, on
// real PostgreSQL: what one service publishes arrives in another. A topic prefix of its own keeps this
// run apart from anything else on the broker.
import { randomUUID } from 'node:crypto';
import { createTestDatabase, eventually, TestDatabase, testKafkaBrokers } from '@police/testing';
import {
  compile,
  identityProvider,
  IdentityProvider,
  RunningService,
  SERVICES,
  ServiceName,
  startService,
  stopAll,
} from './production-services.testing';

interface Staff {
  staffId: string;
  roles: string[];
  teams: string[];
  unit: string;
}

const DESK: Staff = { staffId: '5415-0101', roles: ['front_desk'], teams: ['Onthaal'], unit: 'Interventie' };
const DIEFSTAL: Staff = { staffId: '5415-0201', roles: ['detective'], teams: ['Diefstallen'], unit: 'LRD' };
const DRUGS: Staff = { staffId: '5415-0202', roles: ['detective'], teams: ['Drugs'], unit: 'LRD' };
const GEWELD: Staff = { staffId: '5415-0204', roles: ['detective', 'integrity_investigator'], teams: ['Geweld'], unit: 'LRD' };
const BIT: Staff = { staffId: '5415-0401', roles: ['integrity_investigator'], teams: ['BIT'], unit: 'DIT/BIT' };
const POPP: Staff = { staffId: '5415-0301', roles: ['evidence_officer'], teams: ['POPP'], unit: 'Evidence desk/POPP' };
const ZEDEN: Staff = { staffId: '5415-0203', roles: ['detective'], teams: ['Zeden'], unit: 'LRD' };

const WAIT = { timeoutMs: 60_000, intervalMs: 250 };

describe('cross-service flows over real Kafka: each service its own process', () => {
  let db: TestDatabase;
  let idp: IdentityProvider;
  const running = new Map<ServiceName, RunningService>();

  async function call<T = any>(
    as: Staff,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; text: string; contentType: string }> {
    const service = path.split('?')[0].split('/')[2] as ServiceName;
    const target = running.get(service);
    if (!target) throw new Error(`no service for ${path}`);
    const token = await idp.sign(as.staffId, as.roles, { teams: as.teams, unit: as.unit });
    const res = await fetch(`${target.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    return { status: res.status, body: contentType.includes('json') ? JSON.parse(text) : (text as T), text, contentType };
  }

  /** A failure shows what the services logged. */
  function logs(): string {
    return [...running.values()].map((s) => `--- ${s.name}\n${s.output().slice(-3000)}`).join('\n');
  }

  beforeAll(async () => {
    idp = await identityProvider();
    db = await createTestDatabase('cross');
    compile();
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `xs-${randomUUID().slice(0, 8)}.`,
      LOG_LEVEL: 'warn',
      SEARCH_RATE_LIMIT: '100000',
      ...idp.env,
    };
    const started = await Promise.all(SERVICES.map((s) => startService(s, env, { captureOutput: true })));
    for (const s of started) running.set(s.name, s);
  }, 180_000);
  afterAll(async () => {
    await stopAll([...running.values()].map((s) => s.child));
    await db?.drop();
    await idp?.close();
  });

  it('a report referred at the desk opens an investigation for the routed team, and evidence registered for it appears in its timeline', async () => {
    const intake = await call(DESK, 'POST', '/api/reports', {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-2026-0042',
      incidentType: 'woninginbraak',
      timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
      narrative: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
      parties: [
        { name: 'A. Peeters', roles: ['reporter', 'victim'], contact: '+32 470 00 00 00' },
        { name: 'onbekende dader', roles: ['suspect'] },
      ],
      victimSupportWanted: true,
    });
    expect(intake.status).toBe(201);
    const reportId = intake.body.id as string;
    const referral = await call(DESK, 'POST', `/api/reports/${reportId}/investigation-request`, {
      reason: 'Derde inbraak in de straat deze maand',
    });
    expect(referral.status).toBe(200);

    // investigations consumed reports.ReportReferredForInvestigation.v1 from Kafka and routed it to Diefstallen.
    const opened = await eventually(async () => {
      const list = await call(DIEFSTAL, 'GET', `/api/investigations?reportId=${reportId}`);
      expect(list.status).toBe(200);
      expect(list.body.investigations).toHaveLength(1);
      return list.body.investigations[0];
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));
    expect(opened).toMatchObject({
      status: 'open',
      team: 'Diefstallen',
      phenomenon: 'woninginbraak',
      originKind: 'report',
      reportIds: [reportId],
    });
    const investigationId = opened.id as string;
    // Need-to-know held across the hop: another team does not find it.
    const drugs = await call(DRUGS, 'GET', `/api/investigations?reportId=${reportId}`);
    expect(drugs.body.investigations).toEqual([]);
    const file = await call(DIEFSTAL, 'GET', `/api/investigations/${investigationId}`);
    expect(file.status).toBe(200);
    expect(JSON.stringify(file.body)).toContain('A. Peeters');

    // evidence consumed investigations.InvestigationOpened.v1 (its case directory), so an item can be registered for the case…
    const item = await eventually(async () => {
      const r = await call(DIEFSTAL, 'POST', '/api/evidence/items', {
        investigationId,
        description: 'Schroevendraaier achtergelaten bij de achterdeur',
        category: 'trace',
        quantity: { amount: 1, unit: 'piece' },
        sealNumber: 'S-700100',
        packaging: 'verzegelde bewijszak',
        condition: 'sporen van roest',
        seizedBy: DIEFSTAL.staffId,
        seizedAt: '2026-11-20T09:30:00Z',
        seizedPlace: 'Voorbeeldstraat 12, 9000 Gent',
        legalBasis: 'art. 35 Sv.',
      });
      expect(r.status).toBe(201);
      return r.body;
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));

    // …and investigations consumed evidence.ItemRegistered.v1: the item is in the case's timeline.
    const entry = await eventually(async () => {
      const timeline = await call(DIEFSTAL, 'GET', `/api/investigations/${investigationId}/timeline`);
      expect(timeline.status).toBe(200);
      const linked = (timeline.body.entries as { type: string; data: { itemId: string } }[]).filter((e) => e.type === 'EvidenceLinked');
      expect(linked).toHaveLength(1);
      return linked[0];
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));
    expect(entry).toMatchObject({
      type: 'EvidenceLinked',
      actor: 'system:investigations-consumer',
      data: {
        itemId: item.id,
        labelNumber: item.item.labelNumber,
        category: 'trace',
        description: 'Schroevendraaier achtergelaten bij de achterdeur',
      },
    });
  }, 240_000);

  it("a detective of another team cannot write into a restricted (Zeden) case across the services: every write naming it is answered as one naming nothing, and its timeline shows only its team's work", async () => {
    const intake = await call(DESK, 'POST', '/api/reports', {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-2026-0043',
      incidentType: 'verkrachting',
      timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-19T23:30:00+01:00' },
      place: { municipality: 'Gent' },
      narrative: 'Feiten in de nacht van 19 november.',
      parties: [{ name: 'X. Slachtoffer', roles: ['reporter', 'victim'] }],
    });
    expect(intake.status).toBe(201);
    const reportId = intake.body.id as string;
    expect((await call(DESK, 'POST', `/api/reports/${reportId}/investigation-request`, { reason: 'Zedenfeiten' })).status).toBe(200);
    const kase = await eventually(async () => {
      const list = await call(ZEDEN, 'GET', `/api/investigations?reportId=${reportId}`);
      expect(list.body.investigations).toHaveLength(1);
      return list.body.investigations[0];
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));
    expect(kase).toMatchObject({ team: 'Zeden' });
    const item = (staff: Staff, investigationId: string) => ({
      investigationId,
      description: `Kledingstuk ${staff.staffId}`,
      category: 'trace',
      quantity: { amount: 1, unit: 'piece' },
      sealNumber: `S-Z-${staff.staffId}`,
      packaging: 'papieren zak',
      condition: 'droog',
      seizedBy: staff.staffId,
      seizedAt: '2026-11-20T09:30:00Z',
      seizedPlace: 'Gent',
      legalBasis: 'art. 35 Sv.',
    });
    // The team registers evidence for its case once evidence's case directory knows it…
    const own = await eventually(async () => {
      const r = await call(ZEDEN, 'POST', '/api/evidence/items', item(ZEDEN, kase.id));
      expect(r.status).toBe(201);
      return r.body;
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));

    // …a Drugs detective who names herself as the seizing officer gets the answer of an unknown case.
    const unknownCase = await call(DRUGS, 'POST', '/api/evidence/items', item(DRUGS, randomUUID()));
    const hiddenCase = await call(DRUGS, 'POST', '/api/evidence/items', item(DRUGS, kase.id));
    expect(unknownCase.status).toBe(422);
    expect([hiddenCase.status, hiddenCase.contentType, hiddenCase.text]).toEqual([
      unknownCase.status,
      unknownCase.contentType,
      unknownCase.text,
    ]);
    // In investigations, her own case cannot take the Zeden report, nor a link to the Zeden case.
    const drugsCase = await call(DRUGS, 'POST', '/api/investigations', {
      kind: 'opsporingsonderzoek',
      origin: { kind: 'eigen_initiatief' },
      phenomenon: 'drugs',
      title: 'Drugsdossier',
    });
    expect(drugsCase.status).toBe(201);
    for (const [path, hidden, missing] of [
      [`/api/investigations/${drugsCase.body.id}/reports`, { reportId, reason: 'poging' }, { reportId: randomUUID(), reason: 'poging' }],
      [
        `/api/investigations/${drugsCase.body.id}/series-links`,
        { otherInvestigationId: kase.id, reason: 'poging' },
        { otherInvestigationId: randomUUID(), reason: 'poging' },
      ],
    ] as const) {
      const [h, m] = [await call(DRUGS, 'POST', path, hidden), await call(DRUGS, 'POST', path, missing)];
      expect(m.status).toBe(422);
      expect([h.status, h.contentType, h.text]).toEqual([m.status, m.contentType, m.text]);
    }

    // The Zeden timeline, as its team reads it, holds its own item and nothing of hers.
    const linked = await eventually(async () => {
      const timeline = await call(ZEDEN, 'GET', `/api/investigations/${kase.id}/timeline`);
      const entries = (timeline.body.entries as { type: string; data: { itemId?: string } }[]).filter((e) => e.type === 'EvidenceLinked');
      expect(entries).toHaveLength(1);
      return timeline.body.entries as { type: string; actor: string; data: { itemId?: string } }[];
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));
    expect(linked.map((e) => e.type)).toEqual(['InvestigationOpened', 'PartyLinked', 'EvidenceLinked']);
    expect(linked[2].data.itemId).toBe(own.id);
    const { rows } = await db
      .pool(1)
      .query(`SELECT count(*)::int AS n FROM evidence.events WHERE metadata->>'actor' = $1`, [DRUGS.staffId]);
    expect(rows).toEqual([{ n: 0 }]);
  }, 240_000);

  it('a complaint about police conduct taken at the desk reaches integrity, and neither the desk nor the officer concerned sees its content', async () => {
    const intake = await call(DESK, 'POST', '/api/reports', {
      kind: 'klacht',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: true,
      incidentType: 'onheus optreden',
      timeWindow: { from: '2026-11-18T14:00:00+01:00', to: '2026-11-18T14:30:00+01:00' },
      place: { municipality: 'Gent', address: 'Kouter' },
      narrative: 'De agent aan de balie duwde mij naar buiten.',
      parties: [{ name: 'J. Janssens', roles: ['reporter', 'victim'], contact: 'j.janssens@example.org' }],
      concernsPoliceConduct: true,
      staffMembersConcerned: [GEWELD.staffId],
    });
    expect(intake.status).toBe(201);
    expect(intake.body).toMatchObject({ status: 'routed_to_integrity' });
    expect(JSON.stringify(intake.body)).not.toContain('duwde');
    const reportId = intake.body.id as string;

    const complaint = await eventually(async () => {
      const list = await call(BIT, 'GET', `/api/integrity/complaints?reportId=${reportId}`);
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(1);
      return list.body.items[0];
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));
    expect(complaint).toMatchObject({ channel: 'desk_report', phase: 'intake', reportId, staffConcerned: [GEWELD.staffId] });
    const file = await call(BIT, 'GET', `/api/integrity/complaints/${complaint.id}`);
    expect(file.status).toBe(200);
    expect(file.body.complaint).toMatchObject({
      facts: 'De agent aan de balie duwde mij naar buiten.',
      complainant: { name: 'J. Janssens' },
      recordedBy: 'system:integrity-consumer',
    });

    // The officer concerned (here also holding an oversight role) finds nothing, by id or by list.
    const concernedList = await call(GEWELD, 'GET', `/api/integrity/complaints?reportId=${reportId}`);
    expect(concernedList.status).toBe(200);
    expect(concernedList.body).toMatchObject({ items: [], total: 0 });
    const concernedFile = await call(GEWELD, 'GET', `/api/integrity/complaints/${complaint.id}`);
    expect(concernedFile.status).toBe(404);
    const concernedReport = await call(GEWELD, 'GET', `/api/reports/${reportId}`);
    expect(concernedReport.status).toBe(404);
    // The desk keeps only the pointer.
    const atDesk = await call(DESK, 'GET', `/api/reports/${reportId}`);
    expect(atDesk.status).toBe(200);
    expect(JSON.stringify(atDesk.body)).not.toMatch(/duwde|Janssens|5415-0204/);
  }, 240_000);

  it('an object handed in at the desk is registered as a found object at the evidence desk (POPP)', async () => {
    const description = `Bruine portefeuille, initialen ${randomUUID().slice(0, 6)}`;
    const intake = await call(DESK, 'POST', '/api/reports', {
      kind: 'found_object_declaration',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: true,
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt' },
      narrative: 'Afgegeven aan de balie door een voorbijganger',
      parties: [{ name: 'E. Wouters', roles: ['reporter'] }],
      object: { description, category: 'wallet' },
    });
    expect(intake.status).toBe(201);
    const found = await eventually(async () => {
      const list = await call(POPP, 'GET', '/api/evidence/found-objects');
      expect(list.status).toBe(200);
      const matches = (list.body.foundObjects as { description: string }[]).filter((f) => f.description === description);
      expect(matches).toHaveLength(1);
      return matches[0];
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));
    expect(found).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), category: 'wallet', description, status: 'held' });
  }, 240_000);
});
