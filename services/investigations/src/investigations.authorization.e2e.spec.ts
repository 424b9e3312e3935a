// The investigations service's authorization matrix: every route it serves under /api/investigations
// (health and docs are in the embedded app's global matrix) × every persona, with the answer each must
// get, over HTTP, on a fresh PostgreSQL database with one connection (as in embedded mode).
//
// A cell is a status for a success, or the refusal it must be, told apart by the problem type:
//   U  401 unauthenticated            no bearer token
//   R  403 forbidden (role)           the route's @Allow does not name any of the persona's roles
//   X  403 forbidden (record)         AccessControl refuses this record (writes never break the glass)
//   J  403 justification-required     a read outside the persona's team/assignment, without X-Justification
//   H  404 not-found                  as for a missing id: a restricted (Zeden) case, to whoever could never open it
//
// A write that names another record (a report to join, a case to link or merge into, a report to open
// from) names one the writer may see, else it is answered exactly as an id that does not exist (the
// oracle tests at the end compare the two answers byte for byte). Reports are known here only through
// their referral (reports.ReportReferredForInvestigation.v1) and seen through the cases that hold them.
//
// Who may do what, and why:
// - Reading a case file: its team's detectives and team leads, its lead and members; the chief and
//   detectives of other teams only by break-glass (J without X-Justification). A restricted team's
//   case (Zeden, COPPRA, informant work) is a 404 for everyone but its team, assignees and the chief.
//   The evidence desk, the lab, the front desk and the DIT roles do not see case files at all.
// - Lists and the person index: detectives, team leads and the chief, showing only what the reader
//   sees without a justification (never a break-glass read, never a count of hidden cases).
// - Opening: detectives and team leads, for the team the case goes to (their own); the chief does not
//   open or write case files (writes never break the glass, and the chief is in no team).
// - Assignment (team, lead, members): a team lead of the team holding the case.
// - Work on the case (parties, actions, tasks, parket tasks, reports, series links, directing
//   authority): the team's detectives and team leads and the case's assignees.
// - Reporting to the magistrate, closing and reopening: the lead investigator or a team lead of the team.
//
// Cells are independent: a row of a state-changing route builds a fresh case for every persona (a
// Diefstallen case opened by els.jacobs, team lead, with pieter.janssens as lead investigator),
// brought to the state the route needs. Read-only rows share the case made in beforeAll.
//
// When the service adds a route, add its row: the first test fails on a served /api/investigations
// route without a row, and on a row whose route is not served.
import { randomUUID } from 'node:crypto';
import {
  Answer,
  Cell,
  COLUMNS,
  H,
  J,
  matrixCoverage,
  outcome,
  Persona,
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
import { referredInvestigationId } from './integration/investigations.consumer';
import { InvestigationsModule } from './investigations.module';

const PIETER = '5415-0201';
const PARKET = { authority: 'procureur_des_konings', reference: 'GE.20.L1.004512/26' };
const JUSTIFICATION = 'zelfde modus operandi als drugsdossier 2026/118';
const HOUR = 60 * 60 * 1000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

const openBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'opsporingsonderzoek',
  origin: { kind: 'parket', instruction: 'kantschrift', reference: 'KS-2026-7781' },
  directingAuthority: PARKET,
  phenomenon: 'woninginbraak',
  title: 'Inbraak Voorbeeldstraat 12',
  ...extra,
});

type Api = (persona: Persona, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

interface Call {
  path?: string;
  body?: unknown;
  headers?: Record<string, string>;
  ids?: Record<string, string>;
}

interface Fresh {
  id: string;
  [key: string]: string;
}

interface Kit {
  api: Api;
  fx: Record<string, string>;
  /** A fresh Diefstallen case opened by els.jacobs with pieter.janssens as lead investigator. */
  kase(): Promise<Fresh>;
  withSuspect(): Promise<Fresh>;
  withTask(): Promise<Fresh>;
  withParketTask(): Promise<Fresh>;
  withSeriesLink(): Promise<Fresh>;
  withMember(): Promise<Fresh>;
  reported(): Promise<Fresh>;
  closed(): Promise<Fresh>;
}

interface Row {
  method: string;
  route: string;
  expected: Cell[];
  request?: (persona: Persona, kit: Kit) => Call | Promise<Call>;
  ok: (answer: Answer, persona: Persona, call: Call, kit: Kit) => void;
}

/** A case-file answer for the cell's fixture, with its ETag. */
const caseView =
  (investigation: Record<string, unknown> = {}) =>
  (a: Answer, _p: Persona, call: Call): void => {
    expect(a.json).toMatchObject({
      id: call.ids!.id,
      version: expect.any(Number),
      investigation: { investigationId: call.ids!.id, ...investigation },
    });
    expect(a.headers.get('etag')).toBe(`"${a.json.version}"`);
  };

function onFresh(build: (kit: Kit) => Promise<Fresh>, call: (f: Fresh) => Omit<Call, 'ids'>): Row['request'] {
  return async (_p, kit) => {
    const f = await build(kit);
    return { ...call(f), ids: f };
  };
}

const BASIS: Partial<Record<Persona, string>> = { det_diefstal: 'assignment', team_lead: 'team' };

//        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
const WORK: Cell[] = [U, R, 200, X, X, X, 200, R, R, R, R, R, R];
const CREATE: Cell[] = [U, R, 201, X, X, X, 201, R, R, R, R, R, R];
const ASSIGN: Cell[] = [U, R, R, R, R, R, 200, R, R, R, R, R, R];
const READ: Cell[] = [U, R, 200, J, J, J, 200, R, R, R, R, R, J];
const LIST: Cell[] = [U, R, 200, 200, 200, 200, 200, R, R, R, R, R, 200];

const MATRIX: Row[] = [
  {
    method: 'GET',
    route: '/api/investigations/data-subjects',
    request: () => ({ path: '/api/investigations/data-subjects?personId=person-matrix-1' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a, _p, _c, kit) => {
      const records = a.json.records as { id: string; matchedOn: string[] }[];
      expect(records.map((r) => r.id)).toContain(kit.fx.case);
      expect(records.find((r) => r.id === kit.fx.case)?.matchedOn).toEqual(['personId']);
    },
  },
  {
    method: 'GET',
    route: '/api/investigations/live',
    // A stream of the changes each reader may see: its first frame is the answer here.
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, 200, 200, 200, 200, R, R, R, R, R, 200],
    ok: (a) => {
      expect(a.contentType).toContain('text/event-stream');
      expect(a.text).toMatch(/^retry: 5000\nevent: ready\ndata: \{"service":"investigations","heartbeatMs":\d+,"expiresAt":"[^"]+"\}\n\n/);
    },
  },
  {
    method: 'POST',
    route: '/api/investigations',
    request: () => ({ body: openBody() }),
    expected: CREATE,
    ok: (a) => {
      expect(a.json.investigation).toMatchObject({ status: 'open', team: 'Diefstallen', phenomenon: 'woninginbraak' });
      expect(a.headers.get('location')).toBe(`/api/investigations/${a.json.id}`);
    },
  },
  {
    method: 'GET',
    route: '/api/investigations',
    request: (_p, kit) => ({ path: `/api/investigations?reportId=${kit.fx.reportId}` }),
    expected: LIST,
    ok: (a, p, _c, kit) => {
      expect(a.json).toMatchObject({ limit: 50, offset: 0 });
      // The case the report was referred into, and the shared case it was joined to.
      expect(a.json.investigations.map((i: { id: string }) => i.id).sort()).toEqual(
        p in BASIS ? [kit.fx.case, kit.fx.referredCase].sort() : [],
      );
    },
  },
  {
    method: 'GET',
    route: '/api/investigations/search',
    request: () => ({ path: '/api/investigations/search?q=Verhoeven' }),
    expected: LIST,
    ok: (a, p, _c, kit) => {
      expect(a.json).toMatchObject({ q: 'Verhoeven', limit: 20, offset: 0 });
      expect(a.json.hits.map((h: { id: string }) => h.id)).toEqual(p in BASIS ? [kit.fx.case] : []);
      expect(a.json.total).toBe(p in BASIS ? 1 : 0);
    },
  },
  {
    method: 'GET',
    route: '/api/investigations/statistics',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, R, 200],
    ok: (a) => {
      expect(a.json.teams.map((t: { team: string }) => t.team)).toEqual(expect.arrayContaining(['Diefstallen', 'Drugs', 'Zeden']));
      expect(a.json.open).toBe(a.json.teams.reduce((n: number, t: { open: number }) => n + t.open, 0));
      expect(a.json.open).toBeGreaterThan(0);
    },
  },
  {
    method: 'GET',
    route: '/api/investigations/reference',
    expected: LIST,
    ok: (a) =>
      expect(a.json).toMatchObject({
        teams: expect.arrayContaining(['Diefstallen', 'Drugs', 'Zeden']),
        restrictedTeams: expect.arrayContaining(['Zeden']),
        routes: expect.arrayContaining([{ phenomenon: 'woninginbraak', team: 'Diefstallen' }]),
        coerciveActions: expect.arrayContaining(['house_search', 'arrest']),
        requiresAuthorisation: expect.arrayContaining(['house_search']),
        actionFields: expect.objectContaining({ hearing: ['partyLinkId', 'endedAt', 'deferredSalduz', 'minor', 'legalAssistance'] }),
      }),
  },
  {
    method: 'GET',
    route: '/api/investigations/persons',
    request: () => ({ path: '/api/investigations/persons?personId=person-matrix-1' }),
    expected: LIST,
    ok: (a, p, _c, kit) => {
      const ids = a.json.persons.flatMap((x: { appearances: { investigationId: string }[] }) =>
        x.appearances.map((y) => y.investigationId),
      );
      expect(ids).toEqual(p in BASIS ? [kit.fx.case] : []);
    },
  },
  {
    method: 'GET',
    route: '/api/investigations/:id',
    request: (_p, kit) => ({ path: `/api/investigations/${kit.fx.case}`, ids: { id: kit.fx.case } }),
    expected: READ,
    ok: (a, p, c) => {
      expect(a.headers.get('x-access-basis')).toBe(BASIS[p]);
      caseView({ team: 'Diefstallen', leadInvestigator: PIETER })(a, p, c);
    },
  },
  {
    method: 'GET',
    route: '/api/investigations/:id/timeline',
    request: (_p, kit) => ({ path: `/api/investigations/${kit.fx.case}/timeline` }),
    expected: READ,
    ok: (a, p, _c, kit) => {
      expect(a.headers.get('x-access-basis')).toBe(BASIS[p]);
      expect(a.json.investigationId).toBe(kit.fx.case);
      expect(a.json.entries.map((e: { type: string }) => e.type)).toEqual([
        'InvestigationOpened',
        'LeadInvestigatorAssigned',
        'PartyLinked',
        'ReportJoined',
      ]);
    },
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/directing-authority',
    request: onFresh(
      (kit) => kit.kase(),
      (f) => ({
        path: `/api/investigations/${f.id}/directing-authority`,
        body: { authority: 'onderzoeksrechter', reference: 'OR-2026/1', kind: 'gerechtelijk_onderzoek' },
      }),
    ),
    expected: WORK,
    ok: (a, p, c) =>
      caseView({ kind: 'gerechtelijk_onderzoek', directingAuthority: { authority: 'onderzoeksrechter', reference: 'OR-2026/1' } })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/assignment',
    request: onFresh(
      (kit) => kit.kase(),
      (f) => ({ path: `/api/investigations/${f.id}/assignment`, body: { team: 'Geweld', reason: 'Geweld gebruikt bij de inbraak' } }),
    ),
    expected: ASSIGN,
    // The team lead is not in Geweld: she may no longer see the case she moved, so no case file.
    ok: (a, _p, c) => expect(a.json).toEqual({ id: c.ids!.id, version: expect.any(Number) }),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/lead-investigator',
    request: onFresh(
      (kit) => kit.kase(),
      (f) => ({ path: `/api/investigations/${f.id}/lead-investigator`, body: { staffId: '5415-0299', reason: 'Langdurige afwezigheid' } }),
    ),
    expected: ASSIGN,
    ok: (a, p, c) =>
      caseView({
        leadInvestigator: '5415-0299',
        leadHistory: [expect.objectContaining({ staffId: PIETER }), expect.objectContaining({ staffId: '5415-0299' })],
      })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/members',
    request: onFresh(
      (kit) => kit.kase(),
      (f) => ({ path: `/api/investigations/${f.id}/members`, body: { staffId: '5415-0299' } }),
    ),
    expected: ASSIGN,
    ok: (a, p, c) => caseView({ members: ['5415-0299'] })(a, p, c),
  },
  {
    method: 'DELETE',
    route: '/api/investigations/:id/members/:staffId',
    request: onFresh(
      (kit) => kit.withMember(),
      (f) => ({ path: `/api/investigations/${f.id}/members/${f.member}`, body: { reason: 'Andere opdracht' } }),
    ),
    expected: ASSIGN,
    ok: (a, p, c) => caseView({ members: [] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/parties',
    request: onFresh(
      (kit) => kit.kase(),
      (f) => ({
        path: `/api/investigations/${f.id}/parties`,
        body: { displayName: 'K. Janssens', role: 'suspect', identified: true, traced: false },
      }),
    ),
    expected: CREATE,
    ok: (a, p, c) => {
      caseView()(a, p, c);
      expect(a.json.investigation.parties).toEqual([
        expect.objectContaining({ partyLinkId: a.json.partyLinkId, displayName: 'K. Janssens', role: 'suspect' }),
      ]);
    },
  },
  {
    method: 'DELETE',
    route: '/api/investigations/:id/parties/:partyLinkId',
    request: onFresh(
      (kit) => kit.withSuspect(),
      (f) => ({ path: `/api/investigations/${f.id}/parties/${f.partyLinkId}`, body: { reason: 'Alibi bevestigd' } }),
    ),
    expected: WORK,
    ok: (a, p, c) =>
      caseView({ parties: [expect.objectContaining({ partyLinkId: c.ids!.partyLinkId, unlinkedAt: expect.any(String) })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/parties/:partyLinkId/identification',
    request: onFresh(
      (kit) => kit.withSuspect(),
      (f) => ({
        path: `/api/investigations/${f.id}/parties/${f.partyLinkId}/identification`,
        body: { personId: 'RRN-85.07.30-033.61', how: 'AFIS-hit' },
      }),
    ),
    expected: WORK,
    ok: (a, p, c) => caseView({ parties: [expect.objectContaining({ identified: true, personId: 'RRN-85.07.30-033.61' })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/parties/:partyLinkId/tracing',
    request: onFresh(
      (kit) => kit.withSuspect(),
      (f) => ({
        path: `/api/investigations/${f.id}/parties/${f.partyLinkId}/tracing`,
        body: { tracedAt: ago(1), place: 'Gent-Sint-Pieters' },
      }),
    ),
    expected: WORK,
    ok: (a, p, c) => caseView({ parties: [expect.objectContaining({ traced: true })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/actions',
    request: onFresh(
      (kit) => kit.kase(),
      (f) => ({
        path: `/api/investigations/${f.id}/actions`,
        body: { kind: 'trace_collection', startedAt: ago(2), endedAt: ago(1), description: 'Schoenafdruk', place: 'Achterdeur' },
      }),
    ),
    expected: CREATE,
    ok: (a, p, c) => caseView({ actions: [expect.objectContaining({ kind: 'trace_collection', description: 'Schoenafdruk' })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/tasks',
    request: onFresh(
      (kit) => kit.kase(),
      (f) => ({
        path: `/api/investigations/${f.id}/tasks`,
        body: { title: 'Camerabeelden opvragen', assignee: PIETER, dueDate: '2099-01-01' },
      }),
    ),
    expected: CREATE,
    ok: (a, p, c) => caseView({ tasks: [expect.objectContaining({ title: 'Camerabeelden opvragen', status: 'open' })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/tasks/:taskId/completion',
    request: onFresh(
      (kit) => kit.withTask(),
      (f) => ({ path: `/api/investigations/${f.id}/tasks/${f.taskId}/completion` }),
    ),
    expected: WORK,
    ok: (a, p, c) => caseView({ tasks: [expect.objectContaining({ taskId: c.ids!.taskId, status: 'done' })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/parket-tasks',
    request: onFresh(
      (kit) => kit.kase(),
      (f) => ({
        path: `/api/investigations/${f.id}/parket-tasks`,
        body: { from: PARKET, description: 'Verhoor buren', deadline: '2099-02-01' },
      }),
    ),
    expected: CREATE,
    ok: (a, p, c) => caseView({ parketTasks: [expect.objectContaining({ status: 'received', deadline: '2099-02-01' })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/parket-tasks/:parketTaskId/distribution',
    request: onFresh(
      (kit) => kit.withParketTask(),
      (f) => ({ path: `/api/investigations/${f.id}/parket-tasks/${f.parketTaskId}/distribution`, body: { assignee: PIETER } }),
    ),
    expected: WORK,
    ok: (a, p, c) => caseView({ parketTasks: [expect.objectContaining({ status: 'distributed', assignee: PIETER })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/parket-tasks/:parketTaskId/completion',
    request: onFresh(
      (kit) => kit.withParketTask(),
      (f) => ({ path: `/api/investigations/${f.id}/parket-tasks/${f.parketTaskId}/completion`, body: { result: 'Buren verhoord' } }),
    ),
    expected: WORK,
    ok: (a, p, c) => caseView({ parketTasks: [expect.objectContaining({ status: 'completed' })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/reports',
    // A report referred for investigation into another Diefstallen case.
    request: async (_p, kit) => {
      const f = await kit.kase();
      return { path: `/api/investigations/${f.id}/reports`, body: { reportId: kit.fx.reportId, reason: 'Zelfde straat' }, ids: f };
    },
    expected: WORK,
    ok: (a, p, c) => caseView({ reports: [expect.objectContaining({ via: 'joined' })] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/series-links',
    request: async (_p, kit) => {
      const f = await kit.kase();
      return {
        path: `/api/investigations/${f.id}/series-links`,
        body: { otherInvestigationId: kit.fx.case, reason: 'Zelfde modus operandi' },
        ids: f,
      };
    },
    expected: WORK,
    ok: (a, p, c) => caseView({ seriesLinks: [expect.objectContaining({ reason: 'Zelfde modus operandi' })] })(a, p, c),
  },
  {
    method: 'DELETE',
    route: '/api/investigations/:id/series-links/:otherInvestigationId',
    request: onFresh(
      (kit) => kit.withSeriesLink(),
      (f) => ({ path: `/api/investigations/${f.id}/series-links/${f.other}`, body: { reason: 'Toch andere dader' } }),
    ),
    expected: WORK,
    ok: (a, p, c) => caseView({ seriesLinks: [] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/report-to-magistrate',
    request: onFresh(
      (kit) => kit.kase(),
      (f) => ({
        path: `/api/investigations/${f.id}/report-to-magistrate`,
        body: { to: PARKET, reportPvNumber: 'GE.55.L5.019876/2026', summary: 'Eindverslag' },
      }),
    ),
    expected: WORK,
    ok: (a, p, c) => caseView({ reportedToMagistrate: expect.objectContaining({ reportPvNumber: 'GE.55.L5.019876/2026' }) })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/closure',
    request: onFresh(
      (kit) => kit.reported(),
      (f) => ({
        path: `/api/investigations/${f.id}/closure`,
        body: { outcome: 'reported_to_magistrate', reason: 'Overgemaakt aan het parket' },
      }),
    ),
    expected: WORK,
    ok: (a, p, c) => caseView({ status: 'closed', closure: expect.objectContaining({ outcome: 'reported_to_magistrate' }) })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/investigations/:id/reopening',
    request: onFresh(
      (kit) => kit.closed(),
      (f) => ({ path: `/api/investigations/${f.id}/reopening`, body: { reason: 'Nieuwe DNA-hit' } }),
    ),
    expected: WORK,
    ok: (a, p, c) => caseView({ status: 'open', reopenings: [expect.objectContaining({ reason: 'Nieuwe DNA-hit' })] })(a, p, c),
  },
  // The IT desk's operations routes (libs/security opsController): the ops role's only, which no column holds.
  ...operationsRows<Persona, Kit>('investigations'),
];

describe('authorization matrix of the investigations service: every route × every persona', () => {
  let t: ServiceTestApp;
  const fx: Record<string, string> = {};

  const api: Api = (persona, method, path, body, headers) => t.request(PERSONAS[persona] ?? null, method, path, body, headers);

  async function must(persona: Persona, method: string, path: string, body?: unknown): Promise<any> {
    const a = await api(persona, method, path, body);
    if (a.status >= 300) throw new Error(`fixture step ${method} ${path} as ${persona} answered ${a.status}: ${a.text}`);
    return a.json;
  }

  /** A report referred for investigation (as reports publishes it); returns once its case is in the read model. */
  async function referral(incidentType: string): Promise<string> {
    const reportId = randomUUID();
    await t.bus.publish([
      {
        id: randomUUID(),
        topic: 'reports.public.v1',
        key: `report-${reportId}`,
        type: 'reports.ReportReferredForInvestigation.v1',
        payload: {
          reportId,
          kind: 'aangifte',
          incidentType,
          incidentFrom: '2026-11-14T18:00:00+01:00',
          place: { municipality: 'Gent' },
          summary: 'Feiten',
          parties: [],
          referredBy: '5415-0101',
          referredAt: '2026-11-15T10:12:00+01:00',
          competentService: 'LRD',
        },
        correlationId: randomUUID(),
        causationId: randomUUID(),
      },
    ]);
    await eventually(async () => {
      const { rows } = await t.pool.query('SELECT 1 FROM investigations.investigations WHERE id = $1', [referredInvestigationId(reportId)]);
      expect(rows).toHaveLength(1);
    });
    return reportId;
  }

  const kit: Kit = {
    api,
    fx,
    async kase() {
      const opened = await must('team_lead', 'POST', '/api/investigations', openBody());
      await must('team_lead', 'POST', `/api/investigations/${opened.id}/lead-investigator`, { staffId: PIETER });
      return { id: opened.id as string };
    },
    async withSuspect() {
      const f = await kit.kase();
      const linked = await must('det_diefstal', 'POST', `/api/investigations/${f.id}/parties`, {
        displayName: 'K. Janssens',
        role: 'suspect',
        identified: false,
        traced: false,
      });
      return { ...f, partyLinkId: linked.partyLinkId as string };
    },
    async withTask() {
      const f = await kit.kase();
      const t = await must('det_diefstal', 'POST', `/api/investigations/${f.id}/tasks`, {
        title: 'Buurtonderzoek',
        assignee: PIETER,
        dueDate: '2099-01-01',
      });
      return { ...f, taskId: t.taskId as string };
    },
    async withParketTask() {
      const f = await kit.kase();
      const t = await must('team_lead', 'POST', `/api/investigations/${f.id}/parket-tasks`, {
        from: PARKET,
        description: 'Verhoor buren',
        deadline: '2099-02-01',
      });
      return { ...f, parketTaskId: t.parketTaskId as string };
    },
    async withSeriesLink() {
      const f = await kit.kase();
      await must('det_diefstal', 'POST', `/api/investigations/${f.id}/series-links`, {
        otherInvestigationId: fx.case,
        reason: 'Zelfde modus operandi',
      });
      return { ...f, other: fx.case };
    },
    async withMember() {
      const f = await kit.kase();
      await must('team_lead', 'POST', `/api/investigations/${f.id}/members`, { staffId: '5415-0299' });
      return { ...f, member: '5415-0299' };
    },
    async reported() {
      const f = await kit.kase();
      await must('det_diefstal', 'POST', `/api/investigations/${f.id}/report-to-magistrate`, {
        to: PARKET,
        reportPvNumber: 'GE.55.L5.019876/2026',
        summary: 'Eindverslag',
      });
      return f;
    },
    async closed() {
      const f = await kit.reported();
      await must('det_diefstal', 'POST', `/api/investigations/${f.id}/closure`, {
        outcome: 'reported_to_magistrate',
        reason: 'Overgemaakt',
      });
      return f;
    },
  };

  beforeAll(async () => {
    t = await startServiceApp({
      service: 'investigations',
      module: InvestigationsModule,
      register: (runtime) => InvestigationsModule.register(runtime),
    });
    // The shared case of the read-only rows: a party and a joined report (for the person index and the reportId filter).
    const shared = await kit.kase();
    fx.case = shared.id;
    fx.reportId = await referral('woninginbraak');
    fx.referredCase = referredInvestigationId(fx.reportId);
    await must('det_diefstal', 'POST', `/api/investigations/${shared.id}/parties`, {
      personId: 'person-matrix-1',
      displayName: 'M. Verhoeven',
      role: 'witness',
      identified: true,
      traced: true,
    });
    const joined = await must('det_diefstal', 'POST', `/api/investigations/${shared.id}/reports`, {
      reportId: fx.reportId,
      reason: 'Zelfde feiten',
    });
    await eventually(async () => {
      const { rows } = await t.pool.query<{ version: number }>('SELECT version FROM investigations.investigations WHERE id = $1', [
        shared.id,
      ]);
      expect(rows[0]?.version).toBe(joined.version);
      const indexed = await t.pool.query<{ version: number }>('SELECT version FROM investigations.search_entries WHERE id = $1', [
        shared.id,
      ]);
      expect(indexed.rows[0]?.version).toBe(joined.version);
    });
    await eventually(async () => {
      const { rows } = await t.pool.query('SELECT 1 FROM investigations.party_links WHERE "personId" = $1', ['person-matrix-1']);
      expect(rows).toHaveLength(1);
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every served /api/investigations route (but health and docs), and a row only for served routes', () => {
    expect(matrixCoverage(t.app, 'investigations', MATRIX)).toEqual({ missing: [], stale: [], twice: [] });
    for (const r of MATRIX) expect(r.expected).toHaveLength(COLUMNS.length);
  });

  const run = (row: Row, personas: Persona[]) => runMatrixRow(row, { columns: COLUMNS, personas, api, kit });

  it('opens the operations routes to the ops role (tom.verstraete) alone: lists, status, 404 for what does not exist, 400 for a discard without reason', async () => {
    await expectOperationsAnswerOps(t, 'investigations', [
      'investigations-investigations',
      'investigations-party-links',
      'investigations-search',
    ]);
  });

  it.each(MATRIX.map((r) => [`${r.method} ${r.route}`, r] as const))('%s', async (_name, row) => {
    const { got, want } = await run(row, COLUMNS);
    expect(got).toEqual(want);
  });

  it('hides a restricted (Zeden) case from other teams even with a justification (404 as for a missing id), opens it to its team and to the chief by break-glass', async () => {
    const zeden = await must('det_zeden', 'POST', '/api/investigations', openBody({ phenomenon: 'aanranding', title: 'Aanranding' }));
    const path = `/api/investigations/${zeden.id}`;
    const missing = await api('det_diefstal', 'GET', `/api/investigations/${randomUUID()}`);
    for (const persona of ['det_diefstal', 'det_drugs', 'team_lead'] as const) {
      const outsider = await api(persona, 'GET', path, undefined, { 'X-Justification': JUSTIFICATION });
      expect(outcome(outsider)).toBe(H);
      expect(outsider.json).toEqual({ ...missing.json, instance: path });
      expect(outcome(await api(persona, 'GET', `${path}/timeline`))).toBe(H);
      expect(outcome(await api(persona, 'POST', `${path}/tasks`, { title: 'x', assignee: PIETER, dueDate: '2099-01-01' }))).toBe(H);
    }
    const team = await api('det_zeden', 'GET', path);
    expect(team.status).toBe(200);
    expect(team.headers.get('x-access-basis')).toBe('team');
    expect(outcome(await api('chief', 'GET', path))).toBe(J);
    const chief = await api('chief', 'GET', path, undefined, { 'X-Justification': JUSTIFICATION });
    expect(chief.status).toBe(200);
    expect(chief.headers.get('x-access-basis')).toBe('break_glass');
    // Writes never break the glass, not even the chief's; nor may another team open a Zeden case.
    expect(
      outcome(
        await api(
          'chief',
          'POST',
          `${path}/tasks`,
          { title: 'x', assignee: PIETER, dueDate: '2099-01-01' },
          { 'X-Justification': JUSTIFICATION },
        ),
      ),
    ).toBe(R);
    expect(outcome(await api('det_diefstal', 'POST', '/api/investigations', openBody({ phenomenon: 'aanranding' })))).toBe(X);
  });

  it('answers a write naming a restricted case, or a report only it holds, byte for byte as one naming an id that does not exist, and appends nothing to it', async () => {
    const zeden = await must('det_zeden', 'POST', '/api/investigations', openBody({ phenomenon: 'aanranding', title: 'Zedenreeks' }));
    const zedenReport = await referral('verkrachting');
    const zedenReferred = referredInvestigationId(zedenReport);
    const timelines = async () => [
      await must('det_zeden', 'GET', `/api/investigations/${zeden.id}/timeline`),
      await must('det_zeden', 'GET', `/api/investigations/${zedenReferred}/timeline`),
    ];
    const before = await timelines();
    const drugs = await must('det_drugs', 'POST', '/api/investigations', openBody({ phenomenon: 'drugs', title: 'Drugsdossier' }));
    const diefstal = await kit.kase();
    const same = async (persona: Persona, method: string, path: string, hidden: unknown, missing: unknown) => {
      const [h, m] = [await api(persona, method, path, hidden), await api(persona, method, path, missing)];
      expect({ persona, path, status: h.status, contentType: h.contentType, text: h.text }).toEqual({
        persona,
        path,
        status: m.status,
        contentType: m.contentType,
        text: m.text,
      });
      expect(h.status).toBe(422);
      return h;
    };
    const nobody = randomUUID();

    // Join a report that only the Zeden case holds.
    const join = await same(
      'det_drugs',
      'POST',
      `/api/investigations/${drugs.id}/reports`,
      { reportId: zedenReport, reason: 'poging' },
      { reportId: nobody, reason: 'poging' },
    );
    expect(join.json).toMatchObject({ code: 'unknown_report', errors: [{ field: 'reportId' }] });
    await same(
      'det_diefstal',
      'POST',
      `/api/investigations/${diefstal.id}/reports`,
      { reportId: zedenReport, reason: 'poging' },
      { reportId: nobody, reason: 'poging' },
    );
    // Open a case from it.
    const fromReport = (reportId: string) =>
      openBody({
        origin: {
          kind: 'report',
          report: {
            reportId,
            kind: 'aangifte',
            incidentType: 'drugs',
            incidentFrom: '2026-11-14T18:00:00+01:00',
            place: { municipality: 'Gent' },
            summary: 'x',
            parties: [],
          },
        },
        phenomenon: 'drugs',
      });
    const opened = await same('det_drugs', 'POST', '/api/investigations', fromReport(zedenReport), fromReport(nobody));
    expect(opened.json).toMatchObject({ code: 'unknown_report', errors: [{ field: 'origin.report.reportId' }] });
    // Link the Zeden case in a series, or merge into it.
    const link = await same(
      'det_drugs',
      'POST',
      `/api/investigations/${drugs.id}/series-links`,
      { otherInvestigationId: zeden.id, reason: 'poging' },
      { otherInvestigationId: nobody, reason: 'poging' },
    );
    expect(link.json).toMatchObject({ code: 'unknown_investigation', errors: [{ field: 'otherInvestigationId' }] });
    const merge = await same(
      'team_lead',
      'POST',
      `/api/investigations/${diefstal.id}/closure`,
      { outcome: 'merged_into_other_investigation', reason: 'poging', mergedInto: zeden.id },
      { outcome: 'merged_into_other_investigation', reason: 'poging', mergedInto: nobody },
    );
    expect(merge.json).toMatchObject({ code: 'unknown_investigation', errors: [{ field: 'mergedInto' }] });

    // Nothing reached the Zeden cases (as their team reads them), nor the writers' own.
    expect(await timelines()).toEqual(before);
    expect((await must('det_drugs', 'GET', `/api/investigations/${drugs.id}`)).investigation).toMatchObject({
      reports: [],
      seriesLinks: [],
      status: 'open',
    });
    expect((await must('det_diefstal', 'GET', `/api/investigations/${diefstal.id}`)).investigation).toMatchObject({
      reports: [],
      status: 'open',
    });
  });

  it('answers undoing a series link to a case the writer may not know of as undoing one that does not exist, and keeps the link', async () => {
    const zeden = await must('det_zeden', 'POST', '/api/investigations', openBody({ phenomenon: 'aanranding', title: 'Zedenreeks' }));
    const f = await kit.kase();
    // Lotte (Zeden) works on the Diefstallen case too: she may link the two.
    await must('team_lead', 'POST', `/api/investigations/${f.id}/members`, { staffId: '5415-0203' });
    await must('det_zeden', 'POST', `/api/investigations/${f.id}/series-links`, {
      otherInvestigationId: zeden.id,
      reason: 'Zelfde verdachte',
    });
    const hidden = await api('det_diefstal', 'DELETE', `/api/investigations/${f.id}/series-links/${zeden.id}`, { reason: 'poging' });
    const missing = await api('det_diefstal', 'DELETE', `/api/investigations/${f.id}/series-links/${randomUUID()}`, { reason: 'poging' });
    expect(outcome(hidden)).toBe('404 series-link-not-found');
    expect({ status: hidden.status, contentType: hidden.contentType, body: { ...hidden.json, instance: undefined } }).toEqual({
      status: missing.status,
      contentType: missing.contentType,
      body: { ...missing.json, instance: undefined },
    });
    const file = await must('det_zeden', 'GET', `/api/investigations/${f.id}`);
    expect(file.investigation.seriesLinks).toEqual([expect.objectContaining({ otherInvestigationId: zeden.id })]);
  });

  it('lets a detective of another team read a case with a justification, as a break-glass read, but not change it', async () => {
    const path = `/api/investigations/${fx.case}`;
    const justified = await api('det_drugs', 'GET', path, undefined, { 'X-Justification': JUSTIFICATION });
    expect(justified.status).toBe(200);
    expect(justified.headers.get('x-access-basis')).toBe('break_glass');
    const write = await api(
      'det_drugs',
      'POST',
      `${path}/tasks`,
      { title: 'x', assignee: PIETER, dueDate: '2099-01-01' },
      { 'X-Justification': JUSTIFICATION },
    );
    expect(outcome(write)).toBe(X);
  });

  it('lets only the lead investigator or a team lead close: another detective of the team is refused', async () => {
    const f = await kit.reported();
    // A second Diefstallen detective who is a member but not the lead: els.jacobs makes pieter a member of a case led by someone else.
    await must('team_lead', 'POST', `/api/investigations/${f.id}/lead-investigator`, { staffId: '5415-0299', reason: 'Overname' });
    const refused = await api('det_diefstal', 'POST', `/api/investigations/${f.id}/closure`, {
      outcome: 'reported_to_magistrate',
      reason: 'x',
    });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'not_lead_investigator' });
  });
});
