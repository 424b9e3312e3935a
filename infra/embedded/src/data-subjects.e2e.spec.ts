// Data-subject requests (ADR 0056) across the four services as separate processes, talking only over real Kafka, on
// real PostgreSQL: the DPO finds a person through each service's own HTTP API, sees everything, and the requester's
// report leaves out what they may not know of; a restriction of processing makes a report a 404 for those who read it.
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
const ZEDEN: Staff = { staffId: '5415-0203', roles: ['detective'], teams: ['Zeden'], unit: 'LRD' };
const BIT: Staff = { staffId: '5415-0401', roles: ['integrity_investigator'], teams: ['BIT'], unit: 'DIT/BIT' };
const DPO: Staff = { staffId: '5415-0403', roles: ['dpo'], teams: [], unit: 'DPO' };
/** The requester: a citizen who is also a member of staff (a detective of Geweld). */
const KOEN: Staff = { staffId: '5415-0204', roles: ['detective'], teams: ['Geweld'], unit: 'LRD' };

const WAIT = { timeoutMs: 60_000, intervalMs: 250 };

interface HeldRecord {
  service: string;
  type: string;
  id: string;
  roles: string[];
  matchedOn: string[];
  held: { field: string; value: string }[];
  subjectRefs: string[];
  purpose: string;
  disclosure: { disclose: boolean; reason: string; legalBasis: string };
  processingRestricted: { at: string; by: string; decision: string } | null;
}

describe('data-subject requests across the four services (each its own process, real Kafka)', () => {
  let db: TestDatabase;
  let idp: IdentityProvider;
  const running = new Map<ServiceName, RunningService>();

  async function call<T = any>(
    as: Staff,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; text: string }> {
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
    return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text, text };
  }

  async function must<T = any>(as: Staff, method: string, path: string, body?: unknown): Promise<T> {
    const r = await call<T>(as, method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return r.body;
  }

  function logs(): string {
    return [...running.values()].map((s) => `--- ${s.name}\n${s.output().slice(-3000)}`).join('\n');
  }

  beforeAll(async () => {
    idp = await identityProvider();
    db = await createTestDatabase('dsr');
    compile();
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `dsr-${randomUUID().slice(0, 8)}.`,
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

  const aangifte = (parties: unknown[], extra: Record<string, unknown> = {}) => ({
    kind: 'aangifte',
    channel: { kind: 'front_desk', officeId: 'apg' },
    appointmentRef: 'APT-2026-0042',
    incidentType: 'fietsdiefstal',
    timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
    place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
    narrative: 'Mijn fiets stond op slot aan het station en was weg.',
    parties,
    victimSupportWanted: false,
    ...extra,
  });

  const openCase = (extra: Record<string, unknown>) => ({
    kind: 'opsporingsonderzoek',
    origin: { kind: 'parket', instruction: 'kantschrift', reference: 'KS-2026-7781' },
    directingAuthority: { authority: 'procureur_des_konings', reference: 'GE.20.L1.004512/26' },
    ...extra,
  });

  it("finds a person in all four services through their APIs; the requester's report leaves out the sealed complaint and the restricted case, which the DPO sees with the reason", async () => {
    const victimParty = randomUUID();
    const declarantParty = randomUUID();
    const report = await must(
      DESK,
      'POST',
      '/api/reports',
      aangifte([{ partyId: victimParty, name: 'Koen Claes', roles: ['reporter', 'victim'], contact: '+32 470 12 34 56' }]),
    );
    // The same person declares a loss (spelled with other spacing and case): evidence learns of it over Kafka.
    await must(DESK, 'POST', '/api/reports', {
      kind: 'loss_declaration',
      channel: { kind: 'police_on_web' },
      timeWindow: { from: '2026-11-01T08:00:00+01:00', to: '2026-11-01T18:00:00+01:00' },
      place: { municipality: 'Gent', address: 'Sint-Pietersstation' },
      narrative: 'Portefeuille verloren',
      parties: [{ partyId: declarantParty, name: '  koen   CLAES ', roles: ['reporter'] }],
      object: { description: 'Bruine portefeuille', category: 'wallet' },
    });
    // Two cases link him: an ordinary one (as witness) and a Zeden one (restricted).
    const diefstal = await must(
      DIEFSTAL,
      'POST',
      '/api/investigations',
      openCase({ phenomenon: 'fietsdiefstal', title: 'Fietsdiefstallen station' }),
    );
    await must(DIEFSTAL, 'POST', `/api/investigations/${diefstal.id}/parties`, {
      personId: '85.07.30-033.61',
      displayName: 'Koen Claes',
      role: 'witness',
      identified: true,
      traced: true,
    });
    const zeden = await must(
      ZEDEN,
      'POST',
      '/api/investigations',
      openCase({
        phenomenon: 'aanranding',
        title: 'Aanranding Citadelpark',
        kind: 'gerechtelijk_onderzoek',
        directingAuthority: { authority: 'onderzoeksrechter', reference: 'OR-2026/77' },
      }),
    );
    expect(zeden.investigation.team).toBe('Zeden');
    await must(ZEDEN, 'POST', `/api/investigations/${zeden.id}/parties`, {
      personId: '85.07.30-033.61',
      displayName: 'Koen Claes',
      role: 'victim',
      identified: true,
      traced: true,
    });
    // A complaint about him as a member of staff, in BIT's sealed compartment.
    const complaint = await must(BIT, 'POST', '/api/integrity/complaints', {
      channel: 'mail',
      complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
      staffConcerned: [KOEN.staffId],
      facts: 'Klager stelt dat hij bij een verkeerscontrole onheus werd bejegend.',
      receivedOn: new Date().toISOString().slice(0, 10),
    });

    // The DPO asks reports first: its records give the party ids by which evidence knows him.
    const name = encodeURIComponent('Koen Claes');
    const reports = await eventually(async () => {
      const r = await must<{ records: HeldRecord[] }>(DPO, 'GET', `/api/reports/data-subjects?name=${name}`);
      expect(r.records).toHaveLength(2);
      return r.records;
    }, WAIT);
    expect(reports.map((r) => r.disclosure.disclose)).toEqual([true, true]);
    const own = reports.find((r) => r.id === report.id)!;
    expect(own.roles).toEqual(['reporter', 'victim']);
    expect(own.held).toEqual(expect.arrayContaining([{ field: 'contact', value: '+32 470 12 34 56' }]));
    expect(own.purpose).toContain('PV');
    const partyIds = reports.flatMap((r) => r.subjectRefs).sort();
    expect(partyIds).toEqual([victimParty, declarantParty].sort());

    const evidence = await eventually(async () => {
      const r = await must<{ records: HeldRecord[] }>(DPO, 'GET', `/api/evidence/data-subjects?partyIds=${partyIds.join(',')}`);
      expect(r.records).toHaveLength(1);
      return r.records;
    }, WAIT).catch((e) => Promise.reject(new Error(`${e}\n${logs()}`)));
    expect(evidence[0]).toMatchObject({ type: 'loss_declaration', roles: ['declarant'], disclosure: { disclose: true } });

    const investigations = await eventually(async () => {
      const r = await must<{ records: HeldRecord[] }>(
        DPO,
        'GET',
        `/api/investigations/data-subjects?name=${name}&partyIds=${partyIds.join(',')}`,
      );
      expect(r.records).toHaveLength(2);
      return r.records;
    }, WAIT);
    const open = investigations.find((r) => r.id === diefstal.id)!;
    const restricted = investigations.find((r) => r.id === zeden.id)!;
    expect(open.disclosure.disclose).toBe(true);
    expect(open.held).toEqual(expect.arrayContaining([{ field: 'person reference', value: '85.07.30-033.61' }]));
    expect(restricted.disclosure).toMatchObject({ disclose: false, reason: expect.stringContaining('restricted investigation') });
    expect(restricted.disclosure.legalBasis).toContain('art. 17');

    const integrity = await eventually(async () => {
      const r = await must<{ records: HeldRecord[] }>(DPO, 'GET', `/api/integrity/data-subjects?name=${name}&staffId=${KOEN.staffId}`);
      expect(r.records).toHaveLength(1);
      return r.records;
    }, WAIT);
    expect(integrity[0]).toMatchObject({
      id: complaint.id,
      type: 'integrity_complaint',
      roles: ['staff concerned'],
      disclosure: { disclose: false, reason: expect.stringContaining('sealed file about the requester') },
    });

    // The requester's report: everything disclosed, nothing of the sealed complaint or the restricted case.
    const all = [...reports, ...evidence, ...investigations, ...integrity];
    const disclosed = all.filter((r) => r.disclosure.disclose);
    const withheld = all.filter((r) => !r.disclosure.disclose);
    expect(disclosed.map((r) => r.service).sort()).toEqual(['evidence', 'investigations', 'reports', 'reports']);
    expect(withheld.map((r) => r.id).sort()).toEqual([complaint.id, zeden.id].sort());

    // The request and the DPO's decision are recorded in the DPO's register (integrity), as events.
    const request = await call(DPO, 'POST', '/api/integrity/data-subject-requests', {
      kind: 'access',
      subject: { name: 'Koen Claes', personId: '85.07.30-033.61', staffId: KOEN.staffId },
      receivedOn: new Date().toISOString().slice(0, 10),
      identityCheck: 'Identiteitskaart gezien aan de balie',
    });
    expect(request.status).toBe(201);
    const decided = await must(DPO, 'POST', `/api/integrity/data-subject-requests/${request.body.requestId}/decision`, {
      disclosed: disclosed.map(({ service, type, id }) => ({ service, type, id })),
      withheld: withheld.map(({ service, type, id, disclosure }) => ({
        service,
        type,
        id,
        reason: disclosure.reason,
        legalBasis: disclosure.legalBasis,
      })),
      restricted: [],
    });
    expect(decided).toMatchObject({
      status: 'decided',
      recordedBy: DPO.staffId,
      decision: { decidedBy: DPO.staffId, disclosed: expect.any(Array), withheld: expect.any(Array) },
    });
    expect(decided.decision.withheld.map((w: { id: string }) => w.id).sort()).toEqual([complaint.id, zeden.id].sort());
    const { rows } = await db
      .pool(1)
      .query<{ type: string }>(`SELECT type FROM integrity.events WHERE stream_id = $1 ORDER BY stream_version`, [
        `integrity-dsr-${request.body.requestId}`,
      ]);
    expect(rows.map((r) => r.type)).toEqual(['DataSubjectRequestReceived', 'DataSubjectRequestDecided']);
    // A second decision on the same request is refused: the first one stands.
    expect(
      (
        await call(DPO, 'POST', `/api/integrity/data-subject-requests/${request.body.requestId}/decision`, {
          disclosed: [],
          withheld: [],
          restricted: [],
        })
      ).status,
    ).toBe(409);
    // The register is the DPO's alone: a sealed record for anyone else.
    expect((await call(BIT, 'GET', `/api/integrity/data-subject-requests/${request.body.requestId}`)).status).toBe(403);
    expect((await call(DPO, 'GET', `/api/integrity/data-subject-requests/${request.body.requestId}`)).status).toBe(200);

    // The look-ups are consultations, logged like any read (who, which records, why).
    const consulted = await must(DPO, 'GET', `/api/integrity/audit/consultations?actor=${DPO.staffId}&subject=${complaint.id}`);
    expect(consulted.items[0]).toMatchObject({ outcome: 'granted', reason: expect.stringContaining('data-subject request') });
    // Nobody else may look a person up.
    expect((await call(BIT, 'GET', `/api/integrity/data-subjects?name=${name}`)).status).toBe(403);
    expect((await call(DPO, 'GET', '/api/reports/data-subjects')).status).toBe(422);
  }, 120_000);

  it('a report whose processing the DPO restricted is a 404 to the detective who took it in and to the desk, until the DPO lifts it', async () => {
    const taken = await must(
      DIEFSTAL,
      'POST',
      '/api/reports',
      aangifte([{ partyId: randomUUID(), name: 'Els Wouters', roles: ['reporter', 'victim'] }]),
    );
    const id = taken.id as string;
    await eventually(async () => expect((await call(DESK, 'GET', `/api/reports/${id}`)).status).toBe(200), WAIT);
    expect((await call(DIEFSTAL, 'GET', `/api/reports/${id}`)).status).toBe(200);

    const restricted = await call(DPO, 'POST', `/api/reports/${id}/processing-restriction`, {
      decision: 'DSR 2026/001',
      reason: 'De aangever betwist de juistheid van de verklaring (LED art. 16 §3 a)',
    });
    expect(restricted.status).toBe(200);
    expect(restricted.body.processingRestricted).toMatchObject({ by: DPO.staffId, decision: 'DSR 2026/001' });
    expect(
      (await call(DPO, 'POST', `/api/reports/${id}/processing-restriction`, { decision: 'DSR 2026/001', reason: 'nogmaals' })).status,
    ).toBe(409);

    const missing = await call(DESK, 'GET', `/api/reports/${randomUUID()}`);
    for (const who of [DESK, DIEFSTAL]) {
      const hidden = await eventually(async () => {
        const r = await call(who, 'GET', `/api/reports/${id}`);
        expect(r.status).toBe(404);
        return r;
      }, WAIT);
      // Answered exactly as an id that does not exist.
      expect({ ...hidden.body, instance: undefined }).toEqual({ ...missing.body, instance: undefined });
    }
    // Writes too, and it leaves the lists and the search.
    expect((await call(DIEFSTAL, 'POST', `/api/reports/${id}/external-referral`, { organisation: 'CAW', reason: 'hulp' })).status).toBe(
      404,
    );
    const list = await must(DESK, 'GET', '/api/reports?limit=100');
    expect(list.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const search = await must(DIEFSTAL, 'GET', `/api/reports/search?q=${encodeURIComponent('Els Wouters')}`);
    expect(JSON.stringify(search)).not.toContain(id);
    // The DPO still sees it, marked.
    const held = await must<{ records: HeldRecord[] }>(DPO, 'GET', `/api/reports/data-subjects?name=${encodeURIComponent('Els Wouters')}`);
    expect(held.records[0].processingRestricted).toMatchObject({ decision: 'DSR 2026/001' });

    expect(
      (
        await call(DPO, 'POST', `/api/reports/${id}/processing-restriction/lift`, {
          decision: 'DSR 2026/001',
          reason: 'Verklaring rechtgezet',
        })
      ).status,
    ).toBe(200);
    await eventually(async () => expect((await call(DIEFSTAL, 'GET', `/api/reports/${id}`)).status).toBe(200), WAIT);
    expect((await call(DESK, 'GET', `/api/reports/${id}`)).status).toBe(200);
  }, 120_000);
});
