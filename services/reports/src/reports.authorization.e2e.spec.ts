// The reports service's authorization matrix: every route it serves under /api/reports (health and docs
// are in the embedded app's global matrix) × every persona, with the answer each must get, over HTTP, on a
// fresh PostgreSQL database with one connection (as in embedded mode).
//
// A cell is a status for a success, or the refusal it must be, told apart by the problem type:
//   U  401 unauthenticated            no bearer token
//   R  403 forbidden (role)           the route's @Allow does not name any of the persona's roles
//   X  403 forbidden (record)         AccessControl refuses this report (writes never break the glass)
//   J  403 justification-required     a read outside the persona's assignment/team, without X-Justification
//   A  403 not-the-author             the domain: only a PV's author submits it
//   G  403 not-gak                    the domain: quality control, finalisation and the ANG feed are GAK's
//
// A write that names another record (a PV to supplement) is answered, when that record is not the
// writer's to name (a PV of another report, of a report hidden from them), exactly as an id that does
// not exist: the oracle test at the end compares the two answers of every persona byte for byte.
//
// The fixtures' world: an aangifte taken in by an.peeters (front desk) and assigned to the Diefstallen
// service, so the Diefstallen team (pieter.janssens, els.jacobs) sees it by team and the front desk by
// function. Its PVs are drafted by an.peeters; wim.debacker (team GAK, not a column) checks them.
//
// Cells are independent: a row of a state-changing route builds a fresh fixture for every persona.
// When the service adds a route, add its row: the first test fails on a served /api/reports route without
// a row, and on a row whose route is not served.
import { randomUUID } from 'node:crypto';
import {
  Answer,
  Cell,
  COLUMNS,
  J,
  matrixCoverage,
  outcome,
  PERSONAS,
  R,
  runMatrixRow,
  ServiceTestApp,
  startServiceApp,
  U,
  X,
  expectOperationsAnswerOps,
  operationsRows,
} from '@police/service-testing';
import { eventually } from '@police/testing';
import { ReportsModule } from './reports.module';

type Persona = keyof typeof PERSONAS | 'gak';

const A = '403 not-the-author';
const G = '403 not-gak';

const DOMAIN_CODES: Record<string, string> = { [A]: 'not_the_author', [G]: 'not_gak' };
const DOC_SHA = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';
const HOUR = 60 * 60 * 1000;
const JUSTIFICATION = 'zelfde modus operandi als in mijn dossier';

type Api = (persona: Persona, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

interface Call {
  path?: string;
  body?: unknown;
  headers?: Record<string, string>;
  ids?: Record<string, string>;
}

interface Kit {
  api: Api;
  fx: Record<string, string>;
  /** A fresh aangifte taken in by the front desk and assigned to Diefstallen (version 1). */
  report(): Promise<{ id: string }>;
  /** A PV drafted by the front desk on a fresh report, brought to a state. */
  pv(state: 'draft' | 'submitted' | 'approved' | 'finalised'): Promise<{ id: string; reportId: string }>;
}

interface Row {
  method: string;
  route: string;
  expected: Cell[];
  request?: (persona: Persona, kit: Kit) => Call | Promise<Call>;
  ok: (answer: Answer, persona: Persona, call: Call, kit: Kit) => void;
}

const aangifte = () => ({
  kind: 'aangifte',
  channel: { kind: 'front_desk', officeId: 'apg' },
  appointmentRef: 'APT-2026-0042',
  incidentType: 'woninginbraak',
  timeWindow: { from: new Date(Date.now() - 14 * HOUR).toISOString(), to: new Date(Date.now() - 4 * HOUR).toISOString() },
  place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
  narrative: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
  parties: [{ name: 'A. Peeters', roles: ['reporter', 'victim'] }],
  victimSupportWanted: true,
});

const draftBody = {
  legalQualification: 'Diefstal met braak (art. 467 Sw.)',
  offenceType: 'woninginbraak',
  destination: 'parket',
  documentSha256: DOC_SHA,
};

/** Who sees the shared report without a justification, and on what basis. */
const BASIS: Partial<Record<Persona, string>> = { front_desk: 'assignment', det_diefstal: 'team', team_lead: 'team' };

const reportAnswer =
  (status?: string) =>
  (a: Answer, _p: Persona, call: Call): void => {
    expect(a.json).toMatchObject({
      id: call.ids!.id,
      version: expect.any(Number),
      ...(status ? { status } : {}),
      report: { reportId: call.ids!.id },
    });
    expect(a.headers.get('etag')).toBe(`"${a.json.version}"`);
  };

const pvAnswer =
  (pv: Record<string, unknown>) =>
  (a: Answer, _p: Persona, call: Call): void => {
    expect(a.json).toMatchObject({ id: call.ids!.id, pv: { pvId: call.ids!.id, ...pv } });
    expect(a.headers.get('etag')).toBe(`"${a.json.version}"`);
  };

function onFreshReport(subpath: string, body: unknown | ((p: Persona) => unknown), headers?: Record<string, string>): Row['request'] {
  return async (p, kit) => {
    const { id } = await kit.report();
    return {
      path: `/api/reports/${id}/${subpath}`,
      body: typeof body === 'function' ? (body as (p: Persona) => unknown)(p) : body,
      headers,
      ids: { id },
    };
  };
}

function onFreshPv(state: 'draft' | 'submitted' | 'approved' | 'finalised', subpath: string, body: unknown): Row['request'] {
  return async (_p, kit) => {
    const pv = await kit.pv(state);
    return { path: `/api/reports/pvs/${pv.id}/${subpath}`, body, ids: pv };
  };
}

const RESTRICTION = { decision: 'DSR 2026/001', reason: 'The requester contests the accuracy of the statement' };

const MATRIX: Row[] = [
  {
    method: 'GET',
    route: '/api/reports/data-subjects',
    request: () => ({ path: '/api/reports/data-subjects?name=a.%20peeters' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a, _p, _c, kit) => {
      const records = a.json.records as { id: string; roles: string[]; disclosure: { disclose: boolean } }[];
      expect(records.find((r) => r.id === kit.fx.report)).toMatchObject({ roles: ['reporter', 'victim'], disclosure: { disclose: true } });
    },
  },
  {
    method: 'POST',
    route: '/api/reports/:id/processing-restriction',
    request: onFreshReport('processing-restriction', RESTRICTION),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a) => expect(a.json.processingRestricted).toMatchObject({ by: '5415-0403', decision: 'DSR 2026/001' }),
  },
  {
    method: 'POST',
    route: '/api/reports/:id/statement-erasure',
    request: onFreshReport('statement-erasure', RESTRICTION),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a) => expect(a.json.erased).toEqual({ at: expect.any(String), decision: 'DSR 2026/001' }),
  },
  {
    method: 'POST',
    route: '/api/reports/:id/processing-restriction/lift',
    request: async (p, kit) => {
      const { id } = await kit.report();
      if (p === 'dpo') await kit.api('dpo', 'POST', `/api/reports/${id}/processing-restriction`, RESTRICTION);
      return { path: `/api/reports/${id}/processing-restriction/lift`, body: RESTRICTION, ids: { id } };
    },
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a) => expect(a.json.processingRestricted).toBeNull(),
  },
  {
    method: 'GET',
    route: '/api/reports/live',
    // A stream of the changes each reader may see: its first frame is the answer here.
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, 200, 200, 200, 200, R, R, R, R, R, 200],
    ok: (a) => {
      expect(a.contentType).toContain('text/event-stream');
      expect(a.text).toMatch(/^retry: 5000\nevent: ready\ndata: \{"service":"reports","heartbeatMs":\d+,"expiresAt":"[^"]+"\}\n\n/);
    },
  },
  {
    method: 'POST',
    // Served as `/api/reports/` (a controller's root under the service's router path); called without the slash.
    route: '/api/reports',
    request: () => ({ path: '/api/reports', body: aangifte() }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 201, 201, 201, 201, 201, 201, R, R, R, R, R, R],
    ok: (a) => expect(a.json).toMatchObject({ id: expect.any(String), status: 'received', report: { kind: 'aangifte' } }),
  },
  {
    method: 'GET',
    route: '/api/reports',
    request: () => ({ path: '/api/reports?office=apg&limit=200' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, 200, 200, 200, 200, R, R, R, R, R, 200],
    ok: (a, p, _c, kit) => {
      const ids = (a.json.items as { id: string }[]).map((r) => r.id);
      if (BASIS[p]) expect(ids).toContain(kit.fx.report);
      else expect(ids).not.toContain(kit.fx.report);
    },
  },
  {
    method: 'GET',
    route: '/api/reports/search',
    request: () => ({ path: '/api/reports/search?q=juwelen%20ontvreemd&limit=50' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, 200, 200, 200, 200, R, R, R, R, R, 200],
    ok: (a, p, _c, kit) => {
      const ids = (a.json.hits as { id: string }[]).map((r) => r.id);
      expect(a.json.total).toBe(ids.length);
      if (BASIS[p]) expect(ids).toContain(kit.fx.report);
      else expect(ids).not.toContain(kit.fx.report);
    },
  },
  {
    method: 'GET',
    route: '/api/reports/deadlines',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, 200, 200, 200, 200, R, R, R, R, R, R],
    ok: (a, p, _c, kit) => {
      const ids = (a.json.pvsAwaitingQualityCheck as { pvId: string }[]).map((x) => x.pvId);
      if (BASIS[p]) expect(ids).toContain(kit.fx.submittedPv);
      else expect(ids).not.toContain(kit.fx.submittedPv);
    },
  },
  {
    method: 'GET',
    route: '/api/reports/reference',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    ok: (a) =>
      expect(a.json).toMatchObject({
        offices: expect.arrayContaining([{ id: 'apg', name: 'Algemeen Politiecentrum Gent (APG)', walkIn: false }]),
        services: expect.arrayContaining([{ id: 'Diefstallen', name: 'LRD Diefstallen' }]),
        timeZone: 'Europe/Brussels',
      }),
  },
  {
    method: 'GET',
    route: '/api/reports/statistics',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, R, R, R, R, 200, R, R, R, R, R, 200],
    ok: (a) =>
      expect(a.json).toMatchObject({
        groupBy: ['kind'],
        total: expect.any(Number),
        groups: expect.arrayContaining([{ key: { kind: 'aangifte' }, count: expect.any(Number) }]),
      }),
  },
  {
    method: 'GET',
    route: '/api/reports/pv-statistics',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, R, 200],
    ok: (a) => {
      expect(a.json.stages.map((s: { stage: string }) => s.stage)).toEqual([
        'quality_check',
        'correction',
        'finalisation',
        'transmission',
        'ang_feed',
        'completed',
      ]);
      expect(a.json.stages.every((s: { count: number }) => Number.isInteger(s.count))).toBe(true);
    },
  },
  {
    method: 'GET',
    route: '/api/reports/pvs/:pvId',
    request: (_p, kit) => ({ path: `/api/reports/pvs/${kit.fx.pv}`, ids: { id: kit.fx.pv } }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, J, J, J, 200, R, R, R, R, R, J],
    ok: pvAnswer({ status: 'draft', author: '5415-0101' }),
  },
  {
    method: 'GET',
    route: '/api/reports/pvs',
    request: () => ({ path: '/api/reports/pvs?stage=quality_check&limit=200' }),
    // GAK's queue: roles that may be GAK get past the route, then only the GAK teams (wim.debacker, below).
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, G, G, G, G, G, G, R, R, R, R, R, R],
    // No column is GAK: what the queue shows wim.debacker is checked in its own test below.
    ok: (a) => expect(a.json.items).toEqual(expect.any(Array)),
  },
  {
    method: 'GET',
    route: '/api/reports/pvs/:pvId/history',
    request: (_p, kit) => ({ path: `/api/reports/pvs/${kit.fx.pv}/history`, ids: { id: kit.fx.pv } }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, J, J, J, 200, R, R, R, R, R, J],
    ok: (a, _p, call) => {
      expect(a.json).toEqual({
        pvId: call.ids!.id,
        reportId: expect.any(String),
        version: 0,
        entries: [expect.objectContaining({ position: 1, step: 'drafted', by: '5415-0101' })],
      });
      expect(a.headers.get('etag')).toBe('"0"');
    },
  },
  {
    method: 'GET',
    route: '/api/reports/:id',
    request: (_p, kit) => ({ path: `/api/reports/${kit.fx.report}`, ids: { id: kit.fx.report } }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, J, J, J, 200, R, R, R, R, R, J],
    ok: (a, p, c) => {
      expect(a.headers.get('x-access-basis')).toBe(BASIS[p]);
      reportAnswer()(a, p, c);
    },
  },
  {
    method: 'GET',
    route: '/api/reports/:id/pvs',
    request: (_p, kit) => ({ path: `/api/reports/${kit.fx.report}/pvs` }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, J, J, J, 200, R, R, R, R, R, J],
    ok: (a, _p, _c, kit) =>
      expect((a.json.pvs as { id: string }[]).map((p) => p.id)).toEqual(expect.arrayContaining([kit.fx.pv, kit.fx.submittedPv])),
  },
  {
    method: 'POST',
    route: '/api/reports/:id/amendments',
    request: onFreshReport(
      'amendments',
      { changes: { narrative: 'Ook een raam geforceerd.' }, reason: 'Aangever vult aan' },
      { 'If-Match': '"1"' },
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, X, X, X, 200, R, R, R, R, R, R],
    ok: (a, p, c) => {
      reportAnswer('received')(a, p, c);
      expect(a.json.report.narrative).toBe('Ook een raam geforceerd.');
    },
  },
  {
    method: 'POST',
    route: '/api/reports/:id/assignment',
    request: onFreshReport('assignment', { serviceId: 'Geweld', note: 'Geweld bij de inbraak' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, X, X, X, 200, R, R, R, R, R, R],
    ok: (a, p, c) => {
      reportAnswer()(a, p, c);
      expect(a.json.report.assignedServiceId).toBe('Geweld');
    },
  },
  {
    method: 'POST',
    route: '/api/reports/:id/external-referral',
    request: onFreshReport('external-referral', { organisation: 'Slachtofferhulp (CAW)', reason: 'Nazorg' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, X, X, X, 200, R, R, R, R, R, R],
    ok: (a, p, c) => {
      reportAnswer()(a, p, c);
      expect(a.json.report.referrals).toHaveLength(1);
    },
  },
  {
    method: 'POST',
    route: '/api/reports/:id/victim-support',
    request: async (_p, kit) => {
      const { id } = await kit.report();
      const read = await kit.api('front_desk', 'GET', `/api/reports/${id}`);
      return {
        path: `/api/reports/${id}/victim-support`,
        body: { partyId: read.json.report.parties[0].partyId, supportBy: 'slachtofferbejegenaar', accepted: true },
        ids: { id },
      };
    },
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, X, X, X, 200, R, R, R, R, R, R],
    ok: (a, p, c) => {
      reportAnswer()(a, p, c);
      expect(a.json.report.victimSupportOffered).toHaveLength(1);
    },
  },
  {
    method: 'POST',
    route: '/api/reports/:id/investigation-request',
    request: onFreshReport('investigation-request', { reason: 'Derde inbraak in de straat' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, X, X, X, 200, R, R, R, R, R, R],
    ok: (a, p, c) => {
      reportAnswer()(a, p, c);
      expect(a.json.report.investigationRequestedAt).toEqual(expect.any(String));
    },
  },
  {
    method: 'POST',
    route: '/api/reports/:id/pvs',
    request: onFreshReport('pvs', draftBody),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 201, 201, X, X, X, 201, R, R, R, R, R, R],
    ok: (a, p, c) =>
      expect(a.json).toMatchObject({
        reportId: c.ids!.id,
        pv: { status: 'draft', author: { front_desk: '5415-0101', det_diefstal: '5415-0201', team_lead: '5415-0210' }[p as string] },
      }),
  },
  {
    method: 'POST',
    route: '/api/reports/pvs/:pvId/submission',
    request: onFreshPv('draft', 'submission', {}),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, A, X, X, X, A, R, R, R, R, R, R],
    ok: pvAnswer({ status: 'submitted', round: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/pvs/:pvId/quality-check',
    request: onFreshPv('submitted', 'quality-check', { outcome: 'approved' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, G, G, X, X, X, G, R, R, R, R, R, R],
    ok: pvAnswer({ status: 'approved' }),
  },
  {
    method: 'POST',
    route: '/api/reports/pvs/:pvId/finalisation',
    request: onFreshPv('approved', 'finalisation', { pvNumber: 'GE.55.L5.000001/2026' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, G, G, X, X, X, G, R, R, R, R, R, R],
    ok: pvAnswer({ status: 'finalised' }),
  },
  {
    method: 'POST',
    route: '/api/reports/pvs/:pvId/transmission',
    request: onFreshPv('finalised', 'transmission', { recipientRef: 'PK-GENT-2026-77' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, X, X, X, 200, R, R, R, R, R, R],
    ok: pvAnswer({ status: 'finalised', transmittedAt: expect.any(String) }),
  },
  {
    method: 'POST',
    route: '/api/reports/pvs/:pvId/ang-feed',
    request: onFreshPv('finalised', 'ang-feed', {}),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, G, G, X, X, X, G, R, R, R, R, R, R],
    ok: pvAnswer({ fedToAngAt: expect.any(String) }),
  },
  // The IT desk's operations routes (libs/security opsController): the ops role's only, which no column holds.
  ...operationsRows<Persona, Kit>('reports'),
];

describe('authorization matrix of the reports service: every route × every persona', () => {
  let t: ServiceTestApp;
  const fx: Record<string, string> = {};
  let pvNumbers = 0;

  const api: Api = (persona, method, path, body, headers) =>
    t.request((persona === 'gak' ? 'wim.debacker' : PERSONAS[persona]) ?? null, method, path, body, headers);

  async function must(persona: Persona, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<any> {
    const a = await api(persona, method, path, body, headers);
    if (a.status >= 300) throw new Error(`fixture step ${method} ${path} as ${persona} answered ${a.status}: ${a.text}`);
    return a.json;
  }

  const kit: Kit = {
    api,
    fx,
    async report() {
      const created = await must('front_desk', 'POST', '/api/reports', aangifte());
      await must('front_desk', 'POST', `/api/reports/${created.id}/assignment`, { serviceId: 'Diefstallen' });
      return { id: created.id as string };
    },
    async pv(state) {
      const { id: reportId } = await kit.report();
      const drafted = await must('front_desk', 'POST', `/api/reports/${reportId}/pvs`, draftBody);
      const pv = (step: string) => `/api/reports/pvs/${drafted.id}/${step}`;
      if (state !== 'draft') await must('front_desk', 'POST', pv('submission'), {});
      if (state === 'approved' || state === 'finalised') await must('gak', 'POST', pv('quality-check'), { outcome: 'approved' });
      if (state === 'finalised')
        await must('gak', 'POST', pv('finalisation'), { pvNumber: `GE.55.L5.${String(++pvNumbers).padStart(6, '0')}/2026` });
      return { id: drafted.id as string, reportId };
    },
  };

  beforeAll(async () => {
    t = await startServiceApp({ service: 'reports', module: ReportsModule, register: (runtime) => ReportsModule.register(runtime) });
    // Shared fixtures of the read-only rows: one report with a draft PV and a PV waiting for GAK.
    fx.report = (await kit.report()).id;
    fx.pv = (await must('front_desk', 'POST', `/api/reports/${fx.report}/pvs`, draftBody)).id;
    fx.submittedPv = (await must('front_desk', 'POST', `/api/reports/${fx.report}/pvs`, draftBody)).id;
    await must('front_desk', 'POST', `/api/reports/pvs/${fx.submittedPv}/submission`, {});
    await eventually(
      async () => {
        const { rows } = await t.pool.query<{ status: string }>('SELECT status FROM reports.pvs WHERE id = $1', [fx.submittedPv]);
        expect(rows[0]?.status).toBe('submitted');
        const report = await t.pool.query<{ pvs: unknown[] }>('SELECT pvs FROM reports.reports WHERE id = $1', [fx.report]);
        expect(report.rows[0]?.pvs).toHaveLength(2);
        const stats = await t.pool.query('SELECT 1 FROM reports.report_statistics WHERE "reportId" = $1', [fx.report]);
        expect(stats.rows).toHaveLength(1);
        const indexed = await t.pool.query<{ version: number }>('SELECT version FROM reports.search_entries WHERE id = $1', [fx.report]);
        expect(indexed.rows[0]?.version).toBe(1);
      },
      { intervalMs: 5 },
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every served /api/reports route (but health and docs), and a row only for served routes', () => {
    expect(matrixCoverage(t.app, 'reports', MATRIX)).toEqual({ missing: [], stale: [], twice: [] });
    for (const r of MATRIX) expect(r.expected).toHaveLength(COLUMNS.length);
  });

  const run = (row: Row) => runMatrixRow(row, { columns: COLUMNS, api, kit, domainCodes: DOMAIN_CODES });

  it('opens the operations routes to the ops role (tom.verstraete) alone: lists, status, 404 for what does not exist, 400 for a discard without reason', async () => {
    await expectOperationsAnswerOps(t, 'reports', [
      'reports-reports',
      'reports-pvs',
      'reports-pv-queue',
      'reports-statistics',
      'reports-search',
    ]);
  });

  it.each(MATRIX.map((r) => [`${r.method} ${r.route}`, r] as const))('%s', async (_name, row) => {
    const { got, want } = await run(row);
    expect(got).toEqual(want);
  });

  it('shows GAK (wim.debacker, team GAK) its queue: the PVs submitted for quality control, not the drafts', async () => {
    await eventually(async () => {
      const queue = await api('gak', 'GET', '/api/reports/pvs?limit=200');
      expect(queue.status).toBe(200);
      const ids = (queue.json.items as { pvId: string }[]).map((p) => p.pvId);
      expect(ids).toContain(fx.submittedPv);
      expect(ids).not.toContain(fx.pv);
    });
  });

  it('lets GAK (wim.debacker, team GAK) check, finalise and feed a PV it did not write, but not one it wrote', async () => {
    const { id } = await kit.pv('submitted');
    expect((await api('gak', 'POST', `/api/reports/pvs/${id}/quality-check`, { outcome: 'approved' })).json.pv).toMatchObject({
      status: 'approved',
      approvedAt: expect.any(String),
    });
    expect((await api('gak', 'POST', `/api/reports/pvs/${id}/finalisation`, { pvNumber: 'GE.55.L5.999999/2026' })).json.pv).toMatchObject({
      status: 'finalised',
      pvNumber: 'GE.55.L5.999999/2026',
    });
    expect((await api('gak', 'POST', `/api/reports/pvs/${id}/ang-feed`, {})).json.pv).toMatchObject({ fedToAngAt: expect.any(String) });
    const { id: reportId } = await kit.report();
    const own = await must('gak', 'POST', `/api/reports/${reportId}/pvs`, draftBody);
    await must('gak', 'POST', `/api/reports/pvs/${own.id}/submission`, {});
    const check = await api('gak', 'POST', `/api/reports/pvs/${own.id}/quality-check`, { outcome: 'approved' });
    expect(check.status).toBe(403);
    expect(check.json.code).toBe('own_pv');
  });

  it('lets a detective of another team or the chief read a report with a justification, as a break-glass read; writes never break the glass', async () => {
    const path = `/api/reports/${fx.report}`;
    for (const p of ['det_drugs', 'chief'] as const) {
      const justified = await api(p, 'GET', path, undefined, { 'X-Justification': JUSTIFICATION });
      expect(justified.status).toBe(200);
      expect(justified.headers.get('x-access-basis')).toBe('break_glass');
      expect(justified.json).toMatchObject({ id: fx.report, report: { kind: 'aangifte' } });
    }
    const write = await api(
      'det_drugs',
      'POST',
      `${path}/external-referral`,
      { organisation: 'CAW', reason: 'r' },
      { 'X-Justification': JUSTIFICATION },
    );
    expect(outcome(write)).toBe(X);
  });

  it('answers every persona who names a PV of another report, or of a report hidden from them, to supplement exactly as for a PV that does not exist', async () => {
    const { id: own } = await kit.report();
    const { id: otherPv } = await kit.pv('finalised');
    // A report about pieter.janssens' conduct, with a finalised PV: to him it does not exist.
    const { id: hiddenPv, reportId: hidden } = await kit.pv('finalised');
    await must(
      'gak',
      'POST',
      `/api/reports/${hidden}/amendments`,
      { changes: { concernsPoliceConduct: true, staffMembersConcerned: ['5415-0201'] }, reason: 'De klacht betreft de rechercheur' },
      { 'If-Match': '"1"' },
    );
    // The PV's read model takes the amendment in a moment later (reads trail the log).
    await eventually(async () => expect(outcome(await api('det_diefstal', 'GET', `/api/reports/pvs/${hiddenPv}`))).toBe('404 not-found'));
    const path = `/api/reports/${own}/pvs`;
    const got: Record<string, Cell> = {};
    for (const persona of COLUMNS) {
      const missing = await api(persona, 'POST', path, { ...draftBody, supplementsPvId: randomUUID() });
      got[persona] = outcome(missing);
      for (const named of [otherPv, hiddenPv]) {
        const a = await api(persona, 'POST', path, { ...draftBody, supplementsPvId: named });
        expect({ persona, status: a.status, contentType: a.contentType, text: a.text }).toEqual({
          persona,
          status: missing.status,
          contentType: missing.contentType,
          text: missing.text,
        });
      }
    }
    //                 anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    const unknown = '422 unknown-pv';
    expect(COLUMNS.map((p) => got[p])).toEqual([U, unknown, unknown, X, X, X, unknown, R, R, R, R, R, R]);
    const { rows } = await t.pool.query(`SELECT 1 FROM reports.events WHERE type = 'PvDrafted' AND data->>'reportId' = $1`, [own]);
    expect(rows).toEqual([]);
  });

  it('hides a conduct complaint from the staff member it concerns, whatever their role, and shows the desk only its pointer', async () => {
    const complaint = {
      ...aangifte(),
      kind: 'klacht',
      incidentType: 'onheus optreden',
      concernsPoliceConduct: true,
      staffMembersConcerned: ['5415-0201'],
    };
    const filed = await must('gak', 'POST', '/api/reports', complaint);
    const path = `/api/reports/${filed.id}`;
    const desk = await api('front_desk', 'GET', path);
    expect(desk.status).toBe(200);
    expect(Object.keys(desk.json).sort()).toEqual(['erased', 'id', 'integrityHandoffId', 'routedAt', 'routedBy', 'status', 'version']);
    const concerned = await api('det_diefstal', 'GET', path, undefined, { 'X-Justification': JUSTIFICATION });
    expect(concerned.status).toBe(404);
    const missing = await api('det_diefstal', 'GET', `/api/reports/${randomUUID()}`);
    expect({ ...concerned.json, instance: undefined }).toEqual({ ...missing.json, instance: undefined });
  });

  it('answers a report whose processing the DPO restricted, for every persona, exactly as an id that does not exist (the chief with a justification too)', async () => {
    const { id } = await kit.report();
    for (const p of ['front_desk', 'det_diefstal', 'team_lead', 'chief'] as const)
      expect((await api(p, 'GET', `/api/reports/${id}`, undefined, { 'X-Justification': JUSTIFICATION })).status).toBe(200);
    await must('dpo', 'POST', `/api/reports/${id}/processing-restriction`, RESTRICTION);
    await eventually(async () => expect((await api('front_desk', 'GET', `/api/reports/${id}`)).status).toBe(404), { intervalMs: 5 });
    for (const p of COLUMNS) {
      const headers = { 'X-Justification': JUSTIFICATION };
      const hidden = await api(p, 'GET', `/api/reports/${id}`, undefined, headers);
      const missing = await api(p, 'GET', `/api/reports/${randomUUID()}`, undefined, headers);
      expect([p, hidden.status, { ...hidden.json, instance: undefined }]).toEqual([
        p,
        missing.status,
        { ...missing.json, instance: undefined },
      ]);
      const write = await api(p, 'POST', `/api/reports/${id}/external-referral`, { organisation: 'CAW', reason: 'Nazorg' });
      const writeMissing = await api(p, 'POST', `/api/reports/${randomUUID()}/external-referral`, {
        organisation: 'CAW',
        reason: 'Nazorg',
      });
      expect([p, write.status]).toEqual([p, writeMissing.status]);
    }
  });
});
