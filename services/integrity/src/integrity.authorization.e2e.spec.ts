// The integrity service's authorization matrix: every route it serves under /api/integrity (health and
// docs are in the embedded app's global matrix) × every persona, with the answer each must get, over
// HTTP, on a fresh PostgreSQL database with one connection (as in embedded mode). Then the rule that
// matters most here: a staff member a complaint concerns finds no trace of it, anywhere.
//
// A cell is a status for a success, or the refusal it must be, told apart by the problem type:
//   U  401 unauthenticated            no bearer token
//   R  403 forbidden (role)           the route's @Allow does not name any of the persona's roles
//   H  404 not-found                  the complaint is outside the persona's compartment (or concerns them):
//                                     the same answer as for a missing id
//   A  403 not-an-ordering-authority  the domain: only the korpschef (or the configured disciplinary authority)
//   I  403 not-an-investigator        the domain: only an investigator assigned to the complaint
//
// A write that names a complaint (an order measure's) names one the writer may see, else it is answered
// exactly as an id that does not exist (the oracle test compares the answers byte for byte).
//
// Complaints of the matrix concern a staff member who is none of the personas (5415-0999), registered and
// routed by the chief, investigated by bart.desmet (BIT). Rows of state-changing routes build a fresh
// complaint for every persona, brought to the state the route needs; read-only rows share fixtures.
//
// When the service adds a route, add its row: the first test fails on a served /api/integrity route
// without a row, and on a row whose route is not served.
import { randomUUID } from 'node:crypto';
import {
  Answer,
  Cell,
  COLUMNS,
  H,
  matrixCoverage,
  outcome,
  Persona,
  PERSONAS,
  R,
  runMatrixRow,
  ServiceTestApp,
  startServiceApp,
  U,
  expectOperationsAnswerOps,
  OPS_USER,
  operationsRows,
} from '@police/service-testing';
import { eventually } from '@police/testing';
import { IntegrityModule } from './integrity.module';

const A = '403 not-an-ordering-authority';
const I = '403 not-an-investigator';

const TODAY = new Date().toISOString().slice(0, 10);
const OTHER = '5415-0999';
const BART = '5415-0401';
const FILIP = '5415-0001';
/** Not in the organisation data: no conflict of interest with OTHER. */
const NATHALIE = '5415-0302';

type Api = (persona: Persona, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

interface Call {
  path?: string;
  body?: unknown;
  /** The fixture's complaint id, for `ok`. */
  id?: string;
}

interface Kit {
  fx: Record<string, string>;
  /** A fixture step that must succeed. */
  must(persona: Persona, method: string, path: string, body?: unknown): Promise<any>;
  /** A fresh complaint about OTHER, registered by the chief (intake compartment). */
  intake(extra?: Record<string, unknown>): Promise<string>;
  /** …forwarded to Comité P and AIG. */
  forwarded(extra?: Record<string, unknown>): Promise<string>;
  /** …triaged to an administrative investigation (BIT) by the chief. */
  triaged(): Promise<string>;
  /** …with bart.desmet assigned as its investigator. */
  investigated(): Promise<string>;
  /** …with a finding and concluded by bart.desmet. */
  concluded(conclusion?: string): Promise<string>;
  /** …founded, with a disciplinary procedure against OTHER started by the chief. */
  procedure(): Promise<string>;
  /** A fresh order measure toward OTHER, recorded by the chief. */
  measure(): Promise<string>;
  /** A fresh threat file involving OTHER, opened by the chief. */
  threatFile(): Promise<string>;
}

interface Row {
  method: string;
  route: string;
  expected: Cell[];
  request?: (persona: Persona, kit: Kit) => Call | Promise<Call>;
  ok: (answer: Answer, persona: Persona, call: Call, kit: Kit) => void;
}

const complaintBody = (extra: Record<string, unknown> = {}) => ({
  channel: 'mail',
  complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
  staffConcerned: [OTHER],
  facts: 'Klager stelt dat hij bij een verkeerscontrole onheus werd bejegend.',
  receivedOn: TODAY,
  ...extra,
});

/** Bodies of every command on a complaint, valid for the route. */
const BODIES: Record<string, unknown> = {
  forwardings: { body: 'aig', forwardedOn: TODAY, channel: 'email' },
  'forwardings/comite_p/reference': { reference: 'CP-2026-1', acknowledgedOn: TODAY },
  triage: { route: 'administrative', reason: 'deontologische tekortkoming' },
  investigators: { investigatorId: NATHALIE, designated: true },
  findings: { kind: 'exculpatory', summary: 'Getuige bevestigt de versie van de agent', source: 'verhoor getuige' },
  'information-requests': { body: 'aig', request: 'Stand van het onderzoek?', receivedOn: TODAY },
  answer: { answer: 'Onderzoek loopt', providedOn: TODAY },
  hearings: { staffId: OTHER, heardOn: TODAY, assistance: { kind: 'waived' }, fileAccessGiven: false, summary: 'Betrokkene ontkent' },
  outcome: { conclusion: 'unfounded', summary: 'Ongegrond' },
  'parket-report': { reportedOn: TODAY },
  'criminal-referral': { staffIds: [OTHER], referredOn: TODAY },
  'disciplinary-procedures': { staffId: OTHER },
  sanction: { staffId: OTHER, sanction: 'blaam', decidedOn: TODAY },
  'evaluation-notes': { staffId: OTHER, note: 'Nota voor het evaluatiedossier' },
  lessons: { scope: 'corps', lessons: 'De-escalatie in de briefing' },
  close: undefined,
};

/** Bodies of the commands on Bureau Tucht's records. */
const TUCHT_BODIES = {
  measure: (staffId: string) => ({
    staffId,
    kind: 'schorsing bij ordemaatregel',
    authority: 'korpschef',
    reason: 'Aanwezigheid schaadt het onderzoek',
    decidedOn: TODAY,
    startsOn: TODAY,
  }),
  'follow-ups': { action: 'note', on: TODAY, note: 'Betrokkene gehoord' },
  threatFile: (...staffIds: string[]) => ({
    openedOn: TODAY,
    summary: 'Dreigende berichten',
    involved: staffIds.map((staffId, i) => ({ staffId, involvement: i === 0 ? 'target' : 'unspecified' })),
  }),
  notes: { note: 'Gesprek met het diensthoofd' },
  close: { closedOn: TODAY, reason: 'Bemiddeling geslaagd' },
};

/** A Bureau Tucht record answer for the cell's fixture, with its ETag. */
const tuchtView =
  (key: 'measure' | 'threatFile', check: Record<string, unknown> = {}) =>
  (a: Answer, _p: Persona, call: Call): void => {
    expect(a.json).toMatchObject({
      ...(call.id !== undefined && { id: call.id }),
      version: expect.any(Number),
      [key]: key === 'measure' ? { staffId: OTHER } : { involved: [{ staffId: OTHER, involvement: 'target' }] },
      ...check,
    });
    expect(a.headers.get('etag')).toBe(`"${a.json.version}"`);
  };

/** A complaint answer for the cell's fixture, with its ETag. */
const complaintView =
  (check: Record<string, unknown> = {}) =>
  (a: Answer, _p: Persona, call: Call): void => {
    expect(a.json).toMatchObject({
      id: call.id,
      version: expect.any(Number),
      complaint: { complaintId: call.id, staffConcerned: [OTHER] },
      ...check,
    });
    expect(a.headers.get('etag')).toBe(`"${a.json.version}"`);
  };

function fresh(build: (kit: Kit) => Promise<string>, subpath: string, body: unknown = BODIES[subpath]): Row['request'] {
  return async (_p, kit) => {
    const id = await build(kit);
    return { path: `/api/integrity/complaints/${id}/${subpath}`, body, id };
  };
}

//         anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
const DSR_BODY = {
  kind: 'access',
  subject: { name: 'J. Janssens', staffId: OTHER },
  receivedOn: TODAY,
  identityCheck: 'Identity card shown at the desk',
};

const MATRIX: Row[] = [
  {
    method: 'GET',
    route: '/api/integrity/data-subjects',
    request: () => ({ path: `/api/integrity/data-subjects?staffId=${OTHER}` }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a, _p, _c, kit) => {
      const records = a.json.records as { id: string; disclosure: { disclose: boolean } }[];
      expect(records.map((r) => r.id)).toEqual(expect.arrayContaining([kit.fx.listed, kit.fx.measure, kit.fx.threatFile]));
      // Files about the requester as a member of staff are never in their report.
      expect(records.every((r) => !r.disclosure.disclose)).toBe(true);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/data-subject-requests',
    request: () => ({ body: DSR_BODY }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 201, R],
    ok: (a) => expect(a.json).toMatchObject({ status: 'received', kind: 'access', recordedBy: '5415-0403', decision: null }),
  },
  {
    method: 'GET',
    route: '/api/integrity/data-subject-requests',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a, _p, _c, kit) => expect(a.json.requests.map((r: { requestId: string }) => r.requestId)).toContain(kit.fx.dsr),
  },
  {
    method: 'GET',
    route: '/api/integrity/data-subject-requests/:id',
    request: (_p, kit) => ({ path: `/api/integrity/data-subject-requests/${kit.fx.dsr}`, ids: { id: kit.fx.dsr } }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a, _p, _c, kit) => expect(a.json).toMatchObject({ requestId: kit.fx.dsr, subject: { staffId: OTHER } }),
  },
  {
    method: 'POST',
    route: '/api/integrity/data-subject-requests/:id/decision',
    request: async (p, kit) => {
      const id = p === 'dpo' ? (await kit.must('dpo', 'POST', '/api/integrity/data-subject-requests', DSR_BODY)).requestId : kit.fx.dsr;
      const body = {
        disclosed: [],
        withheld: [
          {
            service: 'integrity',
            type: 'integrity_complaint',
            id: kit.fx.listed,
            reason: 'About the requester',
            legalBasis: 'LED art. 15',
          },
        ],
        restricted: [],
      };
      return { path: `/api/integrity/data-subject-requests/${id}/decision`, body, ids: { id } };
    },
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a, _p, _c, kit) =>
      expect(a.json).toMatchObject({
        status: 'decided',
        decision: { decidedBy: '5415-0403', withheld: [expect.objectContaining({ id: kit.fx.listed })] },
      }),
  },
  {
    method: 'GET',
    route: '/api/integrity/live',
    // A stream of the changes each reader may see: its first frame is the answer here.
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, 200, 200, 200, 200],
    ok: (a) => {
      expect(a.contentType).toContain('text/event-stream');
      expect(a.text).toMatch(/^retry: 5000\nevent: ready\ndata: \{"service":"integrity","heartbeatMs":\d+,"expiresAt":"[^"]+"\}\n\n/);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints',
    request: () => ({ body: complaintBody() }),
    expected: [U, R, R, R, R, R, R, R, R, 201, 201, R, 201],
    ok: (a) =>
      expect(a.json).toMatchObject({
        phase: 'intake',
        unit: 'intake',
        registerNumber: expect.stringMatching(/^DIT-/),
        complaint: { staffConcerned: [OTHER] },
      }),
  },
  {
    method: 'GET',
    route: '/api/integrity/complaints',
    request: (_p, kit) => ({ path: `/api/integrity/complaints?reportId=${kit.fx.reportId}` }),
    expected: [U, R, R, R, R, R, R, R, R, 200, 200, 200, 200],
    ok: (a, p, _c, kit) => {
      const ids = p === 'dpo' ? [] : [kit.fx.listed];
      expect(a.json.items.map((i: { id: string }) => i.id)).toEqual(ids);
      expect(a.json.total).toBe(ids.length);
    },
  },
  {
    method: 'GET',
    route: '/api/integrity/search',
    request: async (_p, kit) => ({
      path: `/api/integrity/search?q=${(await kit.must('chief', 'GET', `/api/integrity/complaints/${kit.fx.listed}`)).registerNumber}`,
    }),
    expected: [U, R, R, R, R, R, R, R, R, 200, 200, 200, 200],
    ok: (a, p, _c, kit) => {
      const ids = p === 'dpo' ? [] : [kit.fx.listed];
      expect(a.json.hits.map((i: { id: string }) => i.id)).toEqual(ids);
      expect(a.json.total).toBe(ids.length);
    },
  },
  {
    method: 'GET',
    route: '/api/integrity/complaints/:id',
    request: (_p, kit) => ({ path: `/api/integrity/complaints/${kit.fx.listed}`, id: kit.fx.listed }),
    expected: [U, H, H, H, H, H, H, H, H, 200, 200, H, 200],
    ok: (a, p, c) => {
      complaintView({ unit: 'intake' })(a, p, c);
      expect(a.headers.get('x-access-basis')).toBe('role');
    },
  },
  {
    method: 'GET',
    route: '/api/integrity/complaints/:id/investigator-check',
    request: (_p, kit) => ({
      path: `/api/integrity/complaints/${kit.fx.listed}/investigator-check?investigatorId=${NATHALIE}`,
      id: kit.fx.listed,
    }),
    expected: [U, R, R, R, R, R, R, R, R, 200, 200, H, 200],
    // An intake complaint: nobody may assign an investigator before triage.
    ok: (a) =>
      expect(a.json).toEqual({
        investigatorId: NATHALIE,
        name: 'Nathalie Wouters',
        teams: ['TST'],
        unit: 'LRD',
        verdict: 'eligible',
        conflicts: [],
        mayAssign: false,
        mayOverride: false,
      }),
  },
  {
    method: 'GET',
    route: '/api/integrity/reference',
    expected: [U, R, R, R, R, R, R, R, R, 200, 200, 200, 200],
    ok: (a, p) => {
      expect(a.json).toMatchObject({
        actingAs: p === 'chief' ? 'korpschef' : null,
        deadlines: { forwardingDays: expect.any(Number) },
        earlyWarning: { threshold: expect.any(Number) },
      });
      expect(a.json.staff).toContainEqual({ staffId: BART, name: 'Bart De Smet', teams: ['BIT'], unit: 'DIT/BIT' });
      expect(a.json.discipline.sanctions).toContainEqual({ sanction: 'blaam', severity: 'light' });
      expect(a.json.orderMeasureKinds).toContainEqual({
        kind: 'schorsing bij ordemaatregel',
        authorities: ['korpschef', 'burgemeester', 'minister'],
      });
    },
  },
  {
    method: 'GET',
    route: '/api/integrity/complaints/:id/forwardings/:recipient/document',
    request: (_p, kit) => ({ path: `/api/integrity/complaints/${kit.fx.forwarded}/forwardings/aig/document` }),
    expected: [U, R, R, R, R, R, R, R, R, 200, 200, H, 200],
    ok: (a) => {
      expect(a.contentType).toBe('application/pdf');
      expect(a.text.startsWith('%PDF-')).toBe(true);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/forwardings',
    request: fresh((kit) => kit.intake(), 'forwardings'),
    expected: [U, R, R, R, R, R, R, R, R, 201, 201, H, 201],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.forwardings.aig).toMatchObject({ basis: 'forwarded', channel: 'email' });
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/forwardings/:recipient/reference',
    request: fresh((kit) => kit.forwarded(), 'forwardings/comite_p/reference'),
    expected: [U, R, R, R, R, R, R, R, R, 200, 200, H, 200],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.forwardings.comite_p).toMatchObject({ reference: 'CP-2026-1', acknowledgedOn: TODAY });
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/triage',
    request: fresh((kit) => kit.forwarded(), 'triage'),
    expected: [U, R, R, R, R, R, R, R, R, A, A, H, 200],
    ok: complaintView({ phase: 'triaged', unit: 'BIT' }),
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/investigators',
    request: fresh((kit) => kit.triaged(), 'investigators'),
    expected: [U, R, R, R, R, R, R, R, R, A, H, H, 201],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.investigators).toEqual([
        { investigatorId: NATHALIE, designated: true, conflicts: [], assignedBy: FILIP, assignedAt: expect.any(String) },
      ]);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/findings',
    request: fresh((kit) => kit.investigated(), 'findings'),
    expected: [U, H, H, H, H, H, H, H, H, 201, H, H, I],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.findings.exculpatory).toHaveLength(1);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/information-requests',
    request: fresh((kit) => kit.investigated(), 'information-requests'),
    expected: [U, H, H, H, H, H, H, H, H, 201, H, H, 201],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.requestId).toEqual(expect.any(String));
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/information-requests/:requestId/answer',
    request: async (_p, kit) => {
      const id = await kit.investigated();
      const asked = await kit.must('chief', 'POST', `/api/integrity/complaints/${id}/information-requests`, BODIES['information-requests']);
      return { path: `/api/integrity/complaints/${id}/information-requests/${asked.requestId}/answer`, body: BODIES.answer, id };
    },
    expected: [U, H, H, H, H, H, H, H, H, 200, H, H, 200],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.informationRequests[0].answer).toMatchObject({ answer: 'Onderzoek loopt' });
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/hearings',
    request: fresh((kit) => kit.investigated(), 'hearings'),
    expected: [U, H, H, H, H, H, H, H, H, 201, H, H, I],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.hearings).toEqual([
        expect.objectContaining({ staffId: OTHER, assistance: { kind: 'waived' }, heardBy: BART }),
      ]);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/outcome',
    request: async (p, kit) => {
      const id = await kit.investigated();
      await kit.must('bit', 'POST', `/api/integrity/complaints/${id}/findings`, BODIES.findings);
      return { path: `/api/integrity/complaints/${id}/outcome`, body: BODIES.outcome, id };
    },
    expected: [U, H, H, H, H, H, H, H, H, 200, H, H, I],
    ok: complaintView({ phase: 'concluded' }),
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/parket-report',
    request: fresh((kit) => kit.concluded('manifestly_unfounded_malicious'), 'parket-report'),
    expected: [U, R, R, R, R, R, R, R, R, 200, H, H, 200],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.reportedToParket).toMatchObject({ reportedOn: TODAY });
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/criminal-referral',
    request: fresh((kit) => kit.concluded(), 'criminal-referral'),
    expected: [U, R, R, R, R, R, R, R, R, 200, H, H, 200],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.criminalReferral).toMatchObject({ staffIds: [OTHER] });
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/disciplinary-procedures',
    request: fresh((kit) => kit.concluded(), 'disciplinary-procedures'),
    expected: [U, R, R, R, R, R, R, R, R, A, H, H, 201],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.disciplinaryProcedures).toEqual([
        expect.objectContaining({ staffId: OTHER, authority: 'korpschef', sanction: null }),
      ]);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/sanction',
    request: fresh((kit) => kit.procedure(), 'sanction'),
    expected: [U, R, R, R, R, R, R, R, R, A, H, H, 200],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.disciplinaryProcedures[0].sanction).toMatchObject({
        sanction: 'blaam',
        severity: 'light',
        authority: 'korpschef',
      });
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/evaluation-notes',
    request: fresh((kit) => kit.concluded(), 'evaluation-notes'),
    expected: [U, R, R, R, R, R, R, R, R, 201, H, H, 201],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.evaluationNotes).toEqual([expect.objectContaining({ staffId: OTHER })]);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/lessons',
    request: fresh((kit) => kit.concluded(), 'lessons'),
    expected: [U, R, R, R, R, R, R, R, R, 201, H, H, 201],
    ok: (a, p, c) => {
      complaintView()(a, p, c);
      expect(a.json.complaint.lessonsLearned).toEqual([expect.objectContaining({ scope: 'corps' })]);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/complaints/:id/close',
    request: fresh((kit) => kit.concluded(), 'close'),
    expected: [U, R, R, R, R, R, R, R, R, 200, H, H, 200],
    ok: complaintView({ phase: 'closed' }),
  },
  {
    method: 'GET',
    route: '/api/integrity/complaints/statistics',
    expected: [U, R, R, R, R, R, R, R, R, R, R, R, 200],
    ok: (a) => {
      expect(a.json.phases.map((p: { phase: string }) => p.phase)).toEqual(['intake', 'triaged', 'concluded', 'closed']);
      expect(a.json.total).toBe(a.json.phases.reduce((n: number, p: { count: number }) => n + p.count, 0));
      expect(a.json.overdueSteps.map((s: { step: string }) => s.step)).toEqual([
        'forwarding_comite_p',
        'forwarding_aig',
        'triage',
        'investigation',
        'disciplinary_limitation',
      ]);
    },
  },
  {
    method: 'GET',
    route: '/api/integrity/early-warnings',
    expected: [U, R, R, R, R, R, R, R, R, 200, 200, 200, 200],
    ok: (a, p) => {
      const other = a.json.signals.find((s: { staffId: string }) => s.staffId === OTHER);
      // The DPO's compartment holds none of the matrix's complaints.
      if (p === 'dpo') expect(other).toBeUndefined();
      else expect(other.count).toBeGreaterThanOrEqual(3);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/order-measures',
    request: () => ({ body: TUCHT_BODIES.measure(OTHER) }),
    expected: [U, R, R, R, R, R, R, R, R, R, 201, R, 201],
    ok: tuchtView('measure', { status: 'active', measure: { staffId: OTHER, kind: 'schorsing bij ordemaatregel', followUps: [] } }),
  },
  {
    method: 'GET',
    route: '/api/integrity/order-measures',
    request: () => ({ path: `/api/integrity/order-measures?staffId=${OTHER}&status=active&limit=200` }),
    expected: [U, R, R, R, R, R, R, R, R, R, 200, R, 200],
    ok: (a, _p, _c, kit) => {
      expect(a.json.items.map((i: { id: string }) => i.id)).toContain(kit.fx.measure);
      expect(a.json.items.every((i: { staffId: string; status: string }) => i.staffId === OTHER && i.status === 'active')).toBe(true);
      expect(a.json.total).toBe(a.json.items.length);
    },
  },
  {
    method: 'GET',
    route: '/api/integrity/order-measures/:id',
    request: (_p, kit) => ({ path: `/api/integrity/order-measures/${kit.fx.measure}`, id: kit.fx.measure }),
    expected: [U, R, R, R, R, R, R, R, R, R, 200, R, 200],
    ok: (a, p, c) => {
      tuchtView('measure')(a, p, c);
      expect(a.headers.get('x-access-basis')).toBe('role');
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/order-measures/:id/follow-ups',
    request: async (_p, kit) => {
      const id = await kit.measure();
      return { path: `/api/integrity/order-measures/${id}/follow-ups`, body: TUCHT_BODIES['follow-ups'], id };
    },
    expected: [U, R, R, R, R, R, R, R, R, R, 201, R, 201],
    ok: (a, p, c) => {
      tuchtView('measure')(a, p, c);
      expect(a.json.measure.followUps).toEqual([expect.objectContaining({ action: 'note', note: 'Betrokkene gehoord' })]);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/threat-files',
    request: () => ({ body: TUCHT_BODIES.threatFile(OTHER) }),
    expected: [U, R, R, R, R, R, R, R, R, R, 201, R, 201],
    ok: tuchtView('threatFile', { status: 'open' }),
  },
  {
    method: 'GET',
    route: '/api/integrity/threat-files',
    request: () => ({ path: `/api/integrity/threat-files?staffId=${OTHER}&status=open&limit=200` }),
    expected: [U, R, R, R, R, R, R, R, R, R, 200, R, 200],
    ok: (a, _p, _c, kit) => {
      expect(a.json.items.map((i: { id: string }) => i.id)).toContain(kit.fx.threatFile);
      expect(a.json.items.every((i: { status: string }) => i.status === 'open')).toBe(true);
      expect(a.json.total).toBe(a.json.items.length);
    },
  },
  {
    method: 'GET',
    route: '/api/integrity/threat-files/:id',
    request: (_p, kit) => ({ path: `/api/integrity/threat-files/${kit.fx.threatFile}`, id: kit.fx.threatFile }),
    expected: [U, R, R, R, R, R, R, R, R, R, 200, R, 200],
    ok: (a, p, c) => {
      tuchtView('threatFile')(a, p, c);
      expect(a.headers.get('x-access-basis')).toBe('role');
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/threat-files/:id/notes',
    request: async (_p, kit) => {
      const id = await kit.threatFile();
      return { path: `/api/integrity/threat-files/${id}/notes`, body: TUCHT_BODIES.notes, id };
    },
    expected: [U, R, R, R, R, R, R, R, R, R, 201, R, 201],
    ok: (a, p, c) => {
      tuchtView('threatFile')(a, p, c);
      expect(a.json.threatFile.notes).toEqual([expect.objectContaining({ noteId: a.json.noteId, note: 'Gesprek met het diensthoofd' })]);
    },
  },
  {
    method: 'POST',
    route: '/api/integrity/threat-files/:id/close',
    request: async (_p, kit) => {
      const id = await kit.threatFile();
      return { path: `/api/integrity/threat-files/${id}/close`, body: TUCHT_BODIES.close, id };
    },
    expected: [U, R, R, R, R, R, R, R, R, R, 200, R, 200],
    ok: tuchtView('threatFile', { status: 'closed' }),
  },
  {
    method: 'GET',
    route: '/api/integrity/staff/:staffId/disciplinary-file',
    request: () => ({ path: `/api/integrity/staff/${OTHER}/disciplinary-file` }),
    expected: [U, R, R, R, R, R, R, R, R, R, 200, R, 200],
    ok: (a, _p, _c, kit) => {
      expect(a.json).toMatchObject({ staffId: OTHER, asOf: TODAY });
      expect(a.json.orderMeasures.map((m: { id: string }) => m.id)).toContain(kit.fx.measure);
      expect(a.json.threatFiles.map((t: { id: string }) => t.id)).toContain(kit.fx.threatFile);
    },
  },
  // The IT desk's operations routes (libs/security opsController): the ops role's only, which no column holds.
  ...operationsRows<Persona, Kit>('integrity'),
];

describe('integrity authorization matrix', () => {
  let t: ServiceTestApp;
  const fx: Record<string, string> = {};

  const api: Api = (persona, method, path, body, headers) => t.request(PERSONAS[persona] ?? null, method, path, body, headers);

  async function must(persona: Persona, method: string, path: string, body?: unknown): Promise<any> {
    const a = await api(persona, method, path, body);
    if (a.status >= 300) throw new Error(`fixture step ${method} ${path} as ${persona} answered ${a.status}: ${a.text}`);
    return a.json;
  }

  async function projected(id: string, version: number): Promise<void> {
    await eventually(
      async () => {
        const { rows } = await t.pool.query<{ version: number }>('SELECT version FROM integrity.complaints WHERE id = $1', [id]);
        expect(rows[0]?.version).toBe(version);
        const indexed = await t.pool.query<{ version: number }>('SELECT version FROM integrity.search_entries WHERE id = $1', [id]);
        expect(indexed.rows[0]?.version).toBe(version);
      },
      { intervalMs: 5 },
    );
  }

  const c = (id: string, sub: string) => `/api/integrity/complaints/${id}/${sub}`;
  const kit: Kit = {
    fx,
    must,
    async intake(extra = {}) {
      return (await must('chief', 'POST', '/api/integrity/complaints', complaintBody(extra))).id;
    },
    async forwarded(extra = {}) {
      const id = await kit.intake(extra);
      await must('chief', 'POST', c(id, 'forwardings'), { body: 'comite_p', forwardedOn: TODAY, channel: 'email' });
      await must('chief', 'POST', c(id, 'forwardings'), { body: 'aig', forwardedOn: TODAY, channel: 'letter' });
      return id;
    },
    async triaged() {
      const id = await kit.forwarded();
      await must('chief', 'POST', c(id, 'triage'), BODIES.triage);
      return id;
    },
    async investigated() {
      const id = await kit.triaged();
      await must('chief', 'POST', c(id, 'investigators'), { investigatorId: BART, designated: false });
      return id;
    },
    async concluded(conclusion = 'founded') {
      const id = await kit.investigated();
      await must('bit', 'POST', c(id, 'findings'), {
        kind: 'incriminating',
        summary: 'Bodycam toont verheven stem',
        source: 'bodycam',
        staffId: OTHER,
      });
      await must('bit', 'POST', c(id, 'outcome'), { conclusion, summary: 'Besluit' });
      return id;
    },
    async procedure() {
      const id = await kit.concluded();
      await must('chief', 'POST', c(id, 'disciplinary-procedures'), { staffId: OTHER });
      return id;
    },
    async measure() {
      return (await must('chief', 'POST', '/api/integrity/order-measures', TUCHT_BODIES.measure(OTHER))).id;
    },
    async threatFile() {
      return (await must('chief', 'POST', '/api/integrity/threat-files', TUCHT_BODIES.threatFile(OTHER))).id;
    },
  };

  beforeAll(async () => {
    t = await startServiceApp({ service: 'integrity', module: IntegrityModule, register: (runtime) => IntegrityModule.register(runtime) });
    fx.reportId = randomUUID();
    fx.listed = await kit.intake({ channel: 'desk_report', reportId: fx.reportId });
    await projected(fx.listed, 1);
    fx.forwarded = await kit.forwarded();
    // Three complaints about OTHER at least: the early-warning row expects a signal.
    for (let i = 0; i < 2; i++) await kit.intake();
    await projected(fx.forwarded, 3);
    fx.measure = await kit.measure();
    fx.threatFile = await kit.threatFile();
    fx.dsr = (await must('dpo', 'POST', '/api/integrity/data-subject-requests', DSR_BODY)).requestId;
    await eventually(
      async () => {
        const { rows } = await t.pool.query<{ n: string }>(
          'SELECT (SELECT count(*) FROM integrity.order_measures WHERE id = $1) + (SELECT count(*) FROM integrity.threat_files WHERE id = $2) + (SELECT count(*) FROM integrity.data_subject_requests WHERE id = $3) AS n',
          [fx.measure, fx.threatFile, fx.dsr],
        );
        expect(Number(rows[0].n)).toBe(3);
      },
      { intervalMs: 5 },
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every served /api/integrity route (but health and docs), and a row only for served routes', () => {
    expect(matrixCoverage(t.app, 'integrity', MATRIX)).toEqual({ missing: [], stale: [], twice: [] });
    for (const r of MATRIX) expect(r.expected).toHaveLength(COLUMNS.length);
  });

  it('opens the operations routes to the ops role (tom.verstraete) alone: lists, status, 404 for what does not exist, 400 for a discard without reason', async () => {
    await expectOperationsAnswerOps(t, 'integrity', [
      'integrity-complaints',
      'integrity-order-measures',
      'integrity-threat-files',
      'integrity-search',
      'integrity-data-subject-requests',
    ]);
  });

  it('never shows the ops role the payload of a parked complaint message (sealed complaint data): only why it was parked', async () => {
    const id = randomUUID();
    const secret = 'Klacht over inspecteur Janssens, Overpoortstraat';
    await t.bus.publish([
      {
        id,
        topic: 'reports.public.v1',
        key: `report-${id}`,
        type: 'reports.PoliceConductComplaintFiled.v1',
        payload: { reportId: 'geen-uuid', facts: secret },
        correlationId: randomUUID(),
        causationId: randomUUID(),
      },
    ]);
    const text = await eventually(async () => {
      const list = await t.request(OPS_USER, 'GET', '/api/integrity/ops/parked-messages');
      const found = (list.json.messages as { messageId: string }[]).find((m) => m.messageId === id);
      expect(found).toMatchObject({
        type: 'reports.PoliceConductComplaintFiled.v1',
        payload: null,
        payloadSealed: true,
        reason: { code: 'invalid_payload', errors: expect.arrayContaining([expect.objectContaining({ field: 'reportId' })]) },
      });
      return list.text;
    });
    expect(text).not.toContain(secret);
  });

  it.each(MATRIX.map((r) => [`${r.method} ${r.route}`, r] as const))('%s', async (_name, row) => {
    const { got, want } = await runMatrixRow(row, { columns: COLUMNS, api, kit });
    expect(got).toEqual(want);
  });

  it('answers every persona who names a complaint outside their compartment in an order measure exactly as one naming no complaint', async () => {
    // A complaint in BIT's compartment: Tucht may not know of it, the chief may.
    const bit = await kit.triaged();
    const got: Record<string, Cell> = {};
    for (const persona of COLUMNS) {
      const hidden = await api(persona, 'POST', '/api/integrity/order-measures', { ...TUCHT_BODIES.measure(OTHER), complaintId: bit });
      const missing = await api(persona, 'POST', '/api/integrity/order-measures', {
        ...TUCHT_BODIES.measure(OTHER),
        complaintId: randomUUID(),
      });
      got[persona] = hidden.status < 300 ? hidden.status : outcome(hidden);
      if (hidden.status < 300) continue;
      expect({ persona, status: hidden.status, contentType: hidden.contentType, text: hidden.text }).toEqual({
        persona,
        status: missing.status,
        contentType: missing.contentType,
        text: missing.text,
      });
    }
    const unknown = '422 unknown-complaint';
    //                                 anon desk dief drug zede gewe lead evid lab  bit  tuch    dpo  chief
    expect(COLUMNS.map((p) => got[p])).toEqual([U, R, R, R, R, R, R, R, R, R, unknown, R, 201]);
    const { rows } = await t.pool.query<{ actor: string }>(
      `SELECT metadata->>'actor' AS actor FROM integrity.events WHERE type = 'OrderMeasureRecorded' AND data->'complaint'->>'complaintId' = $1`,
      [bit],
    );
    expect(rows).toEqual([{ actor: FILIP }]);
  });

  describe('a staff member a complaint concerns finds no trace of it', () => {
    // Three complaints about bart.desmet (BIT), routed to BIT; three about the chief, forwarded and in intake.
    // Received long ago, so every one of them is overdue.
    const about: Record<'bit' | 'chief', string[]> = { bit: [], chief: [] };
    const reportIds: Record<'bit' | 'chief', string> = { bit: randomUUID(), chief: randomUUID() };
    /** Who must see them, to show the views below are not empty by accident. */
    const control: Record<'bit' | 'chief', Persona> = { bit: 'chief', chief: 'bit' };

    beforeAll(async () => {
      for (let i = 0; i < 3; i++) {
        const aboutBart = await must(
          'chief',
          'POST',
          '/api/integrity/complaints',
          complaintBody({
            staffConcerned: [BART],
            receivedOn: '2020-01-06',
            ...(i === 0 && { channel: 'desk_report', reportId: reportIds.bit }),
          }),
        );
        await must('chief', 'POST', c(aboutBart.id, 'forwardings'), { body: 'comite_p', forwardedOn: TODAY, channel: 'email' });
        await must('chief', 'POST', c(aboutBart.id, 'forwardings'), { body: 'aig', forwardedOn: TODAY, channel: 'email' });
        await must('chief', 'POST', c(aboutBart.id, 'triage'), BODIES.triage);
        await must('chief', 'POST', c(aboutBart.id, 'investigators'), { investigatorId: NATHALIE, designated: true });
        about.bit.push(aboutBart.id);
        const aboutChief = await must(
          'bit',
          'POST',
          '/api/integrity/complaints',
          complaintBody({
            staffConcerned: [FILIP],
            receivedOn: '2020-01-06',
            ...(i === 0 && { channel: 'desk_report', reportId: reportIds.chief }),
          }),
        );
        await must('bit', 'POST', c(aboutChief.id, 'forwardings'), { body: 'comite_p', forwardedOn: TODAY, channel: 'email' });
        about.chief.push(aboutChief.id);
      }
      for (const id of about.bit) await projected(id, 5);
      for (const id of about.chief) await projected(id, 2);
    });

    /** The answer with the two ids (the complaint's and the random one) replaced: the bytes that remain must be equal. */
    const masked = (a: Answer, id: string) => `${a.status} ${a.contentType}\n${a.text.replaceAll(id, '<id>')}`;

    it.each(['bit', 'chief'] as const)('%s: reading it answers byte for byte as for a missing id', async (persona) => {
      const id = about[persona][0];
      const missing = randomUUID();
      for (const suffix of ['', '/forwardings/comite_p/document']) {
        const hidden = await api(persona, 'GET', `/api/integrity/complaints/${id}${suffix}`);
        const none = await api(persona, 'GET', `/api/integrity/complaints/${missing}${suffix}`);
        expect(hidden.status).toBe(404);
        expect(masked(hidden, id)).toBe(masked(none, missing));
        expect(hidden.headers.get('x-access-basis')).toBeNull();
      }
      expect((await api(control[persona], 'GET', `/api/integrity/complaints/${id}`)).status).toBe(200);
      // Break-glass does not open it either.
      const justified = await api(persona, 'GET', `/api/integrity/complaints/${id}`, undefined, {
        'X-Justification': 'controle van mijn eigen dossier graag',
      });
      expect(justified.status).toBe(404);
    });

    it.each(['bit', 'chief'] as const)('%s: every write on it answers byte for byte as for a missing id', async (persona) => {
      const id = about[persona][1];
      const missing = randomUUID();
      const writes = MATRIX.filter((r) => r.method === 'POST' && r.route.startsWith('/api/integrity/complaints/:id'));
      expect(writes).toHaveLength(16);
      for (const row of writes) {
        const sub = row.route
          .replace('/api/integrity/complaints/:id/', '')
          .replace(':recipient', 'comite_p')
          .replace(':requestId', randomUUID());
        const body = BODIES[sub.endsWith('/answer') ? 'answer' : sub];
        const hidden = await api(persona, 'POST', `/api/integrity/complaints/${id}/${sub}`, body);
        const none = await api(persona, 'POST', `/api/integrity/complaints/${missing}/${sub}`, body);
        expect({ route: row.route, status: hidden.status }).toEqual({ route: row.route, status: 404 });
        expect(masked(hidden, id)).toBe(masked(none, missing));
      }
      // Nothing was appended by those attempts.
      const { rows } = await t.pool.query<{ n: string }>('SELECT count(*) AS n FROM integrity.events WHERE stream_id = $1', [
        `integrity-complaint-${id}`,
      ]);
      expect(Number(rows[0].n)).toBe(persona === 'bit' ? 6 : 3);
    });

    it.each(['bit', 'chief'] as const)('%s: no list, filter, count, overdue list or early warning shows it', async (persona) => {
      const theirs = new Set(about[persona]);
      const unit = persona === 'bit' ? 'BIT' : 'intake';
      const status = persona === 'bit' ? 'triaged' : 'intake';
      const filters = [
        '',
        `status=${status}`,
        `unit=${unit}`,
        'overdue=true',
        'overdue=false',
        `reportId=${reportIds[persona]}`,
        `unit=${unit}&status=${status}&overdue=true`,
      ];
      for (const f of filters) {
        // Every page: the list caps a page at 200.
        const ids: string[] = [];
        let total = -1;
        for (let offset = 0; total < 0 || offset < total; offset += 200) {
          const page = await api(persona, 'GET', `/api/integrity/complaints?${f}&limit=200&offset=${offset}`);
          expect(page.status).toBe(200);
          total = page.json.total;
          ids.push(...page.json.items.map((i: { id: string }) => i.id));
          if (page.json.items.length === 0) break;
        }
        expect({ f, shown: ids.filter((i) => theirs.has(i)) }).toEqual({ f, shown: [] });
        // The total counts what the reader may see, and nothing more.
        expect({ f, total }).toEqual({ f, total: ids.length });
        const page = await api(persona, 'GET', `/api/integrity/complaints?${f}&limit=1`);
        expect({ f, total: page.json.total }).toEqual({ f, total: ids.length });
      }
      const control = { bit: 'chief', chief: 'bit' }[persona] as Persona;
      const controlIds = async (f: string) => {
        const ids: string[] = [];
        for (let offset = 0; ; offset += 200) {
          const page = await api(control, 'GET', `/api/integrity/complaints?${f}&limit=200&offset=${offset}`);
          ids.push(...page.json.items.map((i: { id: string }) => i.id));
          if (ids.length >= page.json.total || page.json.items.length === 0) return ids;
        }
      };
      expect((await controlIds(`unit=${unit}&status=${status}`)).filter((i) => theirs.has(i))).toHaveLength(3);
      // The complaints about the chief wait for triage since 2020: overdue, and still not on the chief's overdue list.
      if (persona === 'chief') expect((await controlIds('overdue=true')).filter((i) => theirs.has(i))).toHaveLength(3);
      const byReport = await api(control, 'GET', `/api/integrity/complaints?reportId=${reportIds[persona]}`);
      expect(byReport.json).toMatchObject({
        items: [{ id: about[persona][0], reportId: reportIds[persona], channel: 'desk_report' }],
        total: 1,
      });

      if (persona === 'chief') {
        // The chief's counts are of the complaints he may see: those about him (overdue since 2020) are not in them.
        const all = await api('chief', 'GET', '/api/integrity/complaints?limit=1');
        const overdue = await api('chief', 'GET', '/api/integrity/complaints?overdue=true&limit=1');
        const intake = await api('chief', 'GET', '/api/integrity/complaints?status=intake&limit=1');
        const stats = await api('chief', 'GET', '/api/integrity/complaints/statistics');
        expect(stats.status).toBe(200);
        expect({ total: stats.json.total, overdue: stats.json.overdue, intake: stats.json.phases[0] }).toEqual({
          total: all.json.total,
          overdue: overdue.json.total,
          intake: { phase: 'intake', count: intake.json.total },
        });
      }
      const staffId = persona === 'bit' ? BART : FILIP;
      const warnings = await api(persona, 'GET', '/api/integrity/early-warnings?asOf=2020-01-10');
      expect(warnings.status).toBe(200);
      expect(warnings.json.signals.find((x: { staffId: string }) => x.staffId === staffId)).toBeUndefined();
      expect(warnings.json.signals.flatMap((x: { complaintIds: string[] }) => x.complaintIds).filter((i: string) => theirs.has(i))).toEqual(
        [],
      );
      const controlWarnings = await api(control, 'GET', '/api/integrity/early-warnings?asOf=2020-01-10');
      expect(controlWarnings.json.signals.find((x: { staffId: string }) => x.staffId === staffId)).toEqual({
        staffId,
        complaintIds: [...about[persona]].sort(),
        count: 3,
      });
    });
  });

  describe('a staff member an order measure, threat file or disciplinary file concerns finds no trace of it (hilde.mertens of Tucht, the chief)', () => {
    const HILDE = '5415-0402';
    /** The control: a third person, who is in the files too and whom both may see. */
    const THIRD = '5415-0998';
    const staffOf = { tucht: HILDE, chief: FILIP } as const;
    const control = { tucht: 'chief', chief: 'tucht' } as const;
    const theirs: Record<'tucht' | 'chief', { measures: string[]; threatFiles: string[] }> = {
      tucht: { measures: [], threatFiles: [] },
      chief: { measures: [], threatFiles: [] },
    };
    const thirds: { measures: string[]; threatFiles: string[] } = { measures: [], threatFiles: [] };

    beforeAll(async () => {
      for (const persona of ['tucht', 'chief'] as const) {
        // Recorded by the other one: nobody records a measure toward themself.
        const by = control[persona];
        for (let i = 0; i < 2; i++) {
          theirs[persona].measures.push(
            (await must(by, 'POST', '/api/integrity/order-measures', TUCHT_BODIES.measure(staffOf[persona]))).id,
          );
          // The persona is the target; the third person is involved too.
          theirs[persona].threatFiles.push(
            (await must(by, 'POST', '/api/integrity/threat-files', TUCHT_BODIES.threatFile(staffOf[persona], THIRD))).id,
          );
        }
        thirds.measures.push((await must(by, 'POST', '/api/integrity/order-measures', TUCHT_BODIES.measure(THIRD))).id);
        thirds.threatFiles.push((await must(by, 'POST', '/api/integrity/threat-files', TUCHT_BODIES.threatFile(THIRD))).id);
      }
      const all = [...theirs.tucht.measures, ...theirs.chief.measures, ...thirds.measures];
      const files = [...theirs.tucht.threatFiles, ...theirs.chief.threatFiles, ...thirds.threatFiles];
      await eventually(
        async () => {
          const m = await t.pool.query<{ n: string }>('SELECT count(*) AS n FROM integrity.order_measures WHERE id = ANY($1::uuid[])', [
            all,
          ]);
          const f = await t.pool.query<{ n: string }>('SELECT count(*) AS n FROM integrity.threat_files WHERE id = ANY($1::uuid[])', [
            files,
          ]);
          expect([Number(m.rows[0].n), Number(f.rows[0].n)]).toEqual([all.length, files.length]);
        },
        { intervalMs: 5 },
      );
    });

    const masked = (a: Answer, ...ids: string[]) =>
      `${a.status} ${a.contentType}\n${ids.reduce((text, id) => text.replaceAll(id, '<id>'), a.text)}`;

    it.each(['tucht', 'chief'] as const)(
      '%s: reading their measure, threat file or own disciplinary file answers byte for byte as for a missing id, even with a justification',
      async (persona) => {
        const reads: [string, string][] = [
          [`/api/integrity/order-measures/${theirs[persona].measures[0]}`, `/api/integrity/order-measures/${randomUUID()}`],
          [`/api/integrity/threat-files/${theirs[persona].threatFiles[0]}`, `/api/integrity/threat-files/${randomUUID()}`],
          [`/api/integrity/staff/${staffOf[persona]}/disciplinary-file`, '/api/integrity/staff/5415-0997/disciplinary-file'],
        ];
        for (const [hiddenPath, missingPath] of reads) {
          const hidden = await api(persona, 'GET', hiddenPath);
          const none = await api(persona, 'GET', missingPath);
          const idOf = (path: string) =>
            path
              .split('/')
              .filter((x) => x !== 'disciplinary-file')
              .pop() as string;
          expect({ hiddenPath, status: hidden.status }).toEqual({ hiddenPath, status: 404 });
          expect(masked(hidden, idOf(hiddenPath))).toBe(masked(none, idOf(missingPath)));
          expect(hidden.headers.get('x-access-basis')).toBeNull();
          expect(
            (await api(persona, 'GET', hiddenPath, undefined, { 'X-Justification': 'controle van mijn eigen dossier graag' })).status,
          ).toBe(404);
          // The control may read it.
          expect({ hiddenPath, status: (await api(control[persona], 'GET', hiddenPath)).status }).toEqual({ hiddenPath, status: 200 });
        }
      },
    );

    it.each(['tucht', 'chief'] as const)(
      '%s: every write on them answers byte for byte as for a missing id, and appends nothing',
      async (persona) => {
        const measure = theirs[persona].measures[1];
        const file = theirs[persona].threatFiles[1];
        const writes: [string, string, unknown][] = [
          [
            `/api/integrity/order-measures/${measure}/follow-ups`,
            `/api/integrity/order-measures/${randomUUID()}/follow-ups`,
            TUCHT_BODIES['follow-ups'],
          ],
          [`/api/integrity/threat-files/${file}/notes`, `/api/integrity/threat-files/${randomUUID()}/notes`, TUCHT_BODIES.notes],
          [`/api/integrity/threat-files/${file}/close`, `/api/integrity/threat-files/${randomUUID()}/close`, TUCHT_BODIES.close],
        ];
        expect(writes).toHaveLength(
          MATRIX.filter((r) => r.method === 'POST' && /^\/api\/integrity\/(order-measures|threat-files)\/:id/.test(r.route)).length,
        );
        for (const [hiddenPath, missingPath, body] of writes) {
          const hidden = await api(persona, 'POST', hiddenPath, body);
          const none = await api(persona, 'POST', missingPath, body);
          expect({ hiddenPath, status: hidden.status }).toEqual({ hiddenPath, status: 404 });
          expect(masked(hidden, measure, file)).toBe(masked(none, missingPath.split('/')[4]));
        }
        const { rows } = await t.pool.query<{ stream_id: string; n: string }>(
          'SELECT stream_id, count(*) AS n FROM integrity.events WHERE stream_id = ANY($1) GROUP BY stream_id ORDER BY stream_id',
          [[`integrity-order-measure-${measure}`, `integrity-threat-file-${file}`]],
        );
        expect(rows.map((r) => Number(r.n))).toEqual([1, 1]);
      },
    );

    it.each(['tucht', 'chief'] as const)(
      '%s: no list, filter, count or other staff member’s disciplinary file shows them',
      async (persona) => {
        const own = staffOf[persona];
        const hiddenIds = new Set([...theirs[persona].measures, ...theirs[persona].threatFiles]);
        for (const [resource, filters] of [
          ['order-measures', ['', `staffId=${own}`, 'status=active', `staffId=${own}&status=active`]],
          ['threat-files', ['', `staffId=${own}`, `staffId=${THIRD}`, 'status=open', `staffId=${THIRD}&status=open`]],
        ] as const) {
          for (const f of filters) {
            const ids: string[] = [];
            let total = -1;
            for (let offset = 0; total < 0 || offset < total; offset += 200) {
              const page = await api(persona, 'GET', `/api/integrity/${resource}?${f}&limit=200&offset=${offset}`);
              expect(page.status).toBe(200);
              total = page.json.total;
              ids.push(...page.json.items.map((i: { id: string }) => i.id));
              if (page.json.items.length === 0) break;
            }
            expect({ resource, f, shown: ids.filter((i) => hiddenIds.has(i)) }).toEqual({ resource, f, shown: [] });
            expect({ resource, f, total }).toEqual({ resource, f, total: ids.length });
            expect({ resource, f, total: (await api(persona, 'GET', `/api/integrity/${resource}?${f}&limit=1`)).json.total }).toEqual({
              resource,
              f,
              total: ids.length,
            });
          }
        }
        expect((await api(persona, 'GET', `/api/integrity/order-measures?staffId=${own}`)).json).toMatchObject({ items: [], total: 0 });
        expect((await api(persona, 'GET', `/api/integrity/threat-files?staffId=${own}`)).json).toMatchObject({ items: [], total: 0 });
        // The control sees them, in the same lists.
        const controlMeasures = await api(control[persona], 'GET', `/api/integrity/order-measures?staffId=${own}&limit=200`);
        expect(controlMeasures.json.items.map((i: { id: string }) => i.id).sort()).toEqual([...theirs[persona].measures].sort());
        const controlFiles = await api(control[persona], 'GET', `/api/integrity/threat-files?staffId=${own}&limit=200`);
        expect(controlFiles.json.items.map((i: { id: string }) => i.id).sort()).toEqual([...theirs[persona].threatFiles].sort());

        // The third person's disciplinary file lists the threat files they share with the persona to the control only.
        const third = await api(persona, 'GET', `/api/integrity/staff/${THIRD}/disciplinary-file`);
        expect(third.status).toBe(200);
        expect(third.json.threatFiles.map((t: { id: string }) => t.id).filter((i: string) => hiddenIds.has(i))).toEqual([]);
        expect(third.json.threatFiles.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(thirds.threatFiles));
        expect(third.json.orderMeasures.map((m: { id: string }) => m.id).sort()).toEqual([...thirds.measures].sort());
        const thirdForControl = await api(control[persona], 'GET', `/api/integrity/staff/${THIRD}/disciplinary-file`);
        expect(thirdForControl.json.threatFiles.map((t: { id: string }) => t.id)).toEqual(
          expect.arrayContaining(theirs[persona].threatFiles),
        );
      },
    );
  });
});
