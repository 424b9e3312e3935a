// The evidence service's authorization matrix: every route it serves under /api/evidence (health and
// docs are in the embedded app's global matrix) × every persona, with the answer each must get, over
// HTTP, on a fresh PostgreSQL database with one connection (as in embedded mode).
//
// A cell is a status for a success, or the refusal it must be, told apart by the problem type:
//   U  401 unauthenticated            no bearer token
//   R  403 forbidden (role)           the route's @Allow does not name any of the persona's roles
//   X  403 forbidden (record)         AccessControl refuses this record (writes never break the glass)
//   J  403 justification-required     a read outside the persona's assignment/team, without X-Justification
//   C  403 not-the-custodian          the domain: only the custodian (or the evidence desk, where it may) acts
//   N  403 not-the-recipient          the domain: only the party the handover was offered to accepts or declines
//   H  404 not-found                  as for a missing id: a restricted (Zeden) item, to whoever could never open it
//   O  422 unknown-investigation      as for an id the case directory does not hold: a restricted case named in a write
//
// Cells are independent: a row of a state-changing route builds a fresh fixture for every persona in
// `request` (an item on the Diefstallen investigation seized by and in the custody of pieter.janssens,
// brought to the state the route needs). Read-only rows share the fixtures made in beforeAll.
//
// When the service adds a route, add its row: the first test fails on a served /api/evidence route
// without a row, and on a row whose route is not served.
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
  staffIdOf,
  startServiceApp,
  U,
  X,
  expectOperationsAnswerOps,
  operationsRows,
} from '@police/service-testing';
import { eventually } from '@police/testing';
import { DEFAULT_HOLDING_PERIODS } from './evidence.config';
import { EvidenceModule } from './evidence.module';

const C = '403 not-the-custodian';
const N = '403 not-the-recipient';

/** The `code` a domain refusal carries besides its type. */
const DOMAIN_CODES: Record<string, string> = { [C]: 'not_the_custodian', [N]: 'not_the_recipient' };

// The fixtures' world: a Diefstallen investigation led by els.jacobs, a restricted Zeden one.
const DIEFSTAL_CASE = randomUUID();
const ZEDEN_CASE = randomUUID();
const PV = 'GE.55.L5.004512/2026';
/** The PV number of the one item the list row looks for (other rows add many items to the same case). */
const LIST_PV = `GE.55.L5.${randomUUID().slice(0, 6)}/2026`;
const DAY_MS = 24 * 60 * 60 * 1000;
const YESTERDAY = new Date(Date.now() - DAY_MS);
const TODAY = new Date().toISOString().slice(0, 10);
const STORAGE = { kind: 'storage_room', id: 'bewaarplaats-apg' };
const LAB = { kind: 'lab', id: 'fpl-ltwp', name: 'FPL/LTWP' };
const SHELF = { room: 'Bewaarplaats APG 0.14', locker: 'K5' };
const FAR = '2099-01-01T10:00:00Z';
const JUSTIFICATION = 'zelfde modus operandi als drugsdossier 2026/118';

/** Calls the app as a persona (`anonymous`: no token). */
type Api = (persona: Persona, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

interface Call {
  path?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Ids of the cell's fixture, for `ok`. */
  ids?: Record<string, string>;
}

/** What rows use to build their fixtures. */
interface Kit {
  api: Api;
  /** Shared fixtures made in beforeAll, by name. */
  fx: Record<string, string>;
  /** A fresh item on the Diefstallen case, seized by and with pieter.janssens (version 0). */
  item(extra?: Record<string, unknown>): Promise<{ id: string; sealNumber: string }>;
  /** …offered to the storage room (open offer). */
  offeredItem(): Promise<{ id: string; handoverId: string; sealNumber: string }>;
  /** …checked in by its custodian. */
  storedItem(location?: { room: string; locker?: string }): Promise<{ id: string }>;
  /** …checked in, then checked out by the evidence desk to pieter.janssens. */
  checkedOutItem(expectedReturnAt?: string): Promise<{ id: string }>;
  /** …submitted to the lab and accepted by its liaison (the lab is the custodian). */
  itemAtLab(): Promise<{ id: string; submissionId: string }>;
  /** …with the parket's decision to confiscate it. */
  decidedItem(): Promise<{ id: string; decisionRef: string }>;
  /** A found object registered at the desk (by the evidence officer). */
  foundObject(category?: string): Promise<{ id: string }>;
  /** An inventory of an empty room where an item was found that nobody expected there (an open discrepancy). */
  inventoryWithDiscrepancy(): Promise<{ id: string; itemId: string }>;
  /** A found object returned to its owner and found due for review by a retention run (0 days here); `held`: under legal hold. */
  dueFoundObject(held?: boolean): Promise<{ id: string }>;
}

interface Row {
  method: string;
  /** The route as served (Express path template). */
  route: string;
  /** Expected answer per persona, in COLUMNS order. */
  expected: Cell[];
  /** The concrete request a persona sends (and the fixture it needs); default: the route as is. */
  request?: (persona: Persona, kit: Kit) => Call | Promise<Call>;
  /** What a successful answer must contain. */
  ok: (answer: Answer, persona: Persona, call: Call, kit: Kit) => void;
}

const register = (extra: Record<string, unknown> = {}) => ({
  investigationId: DIEFSTAL_CASE,
  pvNumber: PV,
  description: 'Laptop, grijs, serienummer afgeschermd',
  category: 'phone_or_data_carrier',
  quantity: { amount: 1, unit: 'piece' },
  sealNumber: `S-${randomUUID().slice(0, 8)}`,
  packaging: 'verzegelde bewijszak',
  condition: 'krassen op deksel',
  seizedBy: '5415-0201',
  seizedAt: YESTERDAY.toISOString(),
  seizedPlace: 'Voorbeeldstraat 12, 9000 Gent',
  legalBasis: 'art. 35 Sv.',
  ...extra,
});

const offerToStorage = { to: STORAGE, purpose: 'storage', method: 'hand_delivery', sealIntact: true };

// ---- what successful answers must show -------------------------------------------------------------

/** An item answer (ItemView) for the cell's fixture, with its ETag. */
const itemView =
  (item: Record<string, unknown>) =>
  (a: Answer, _p: Persona, call: Call): void => {
    expect(a.json).toMatchObject({ id: call.ids!.id, version: expect.any(Number), item: { itemId: call.ids!.id, ...item } });
    expect(a.headers.get('etag')).toBe(`"${a.json.version}"`);
  };

const foundObjectView =
  (foundObject: Record<string, unknown>) =>
  (a: Answer, _p: Persona, call: Call): void => {
    expect(a.json).toMatchObject({
      id: call.ids!.id,
      holdingPeriodEndsAt: expect.any(String),
      foundObject: { foundObjectId: call.ids!.id, ...foundObject },
    });
  };

/** Who sees the shared Diefstallen item without a justification, and on what basis. */
const BASIS: Partial<Record<Persona, string>> = { det_diefstal: 'assignment', team_lead: 'assignment', evidence: 'role', lab: 'role' };

const readsItem =
  (check: (a: Answer, kit: Kit) => void) =>
  (a: Answer, p: Persona, _c: Call, kit: Kit): void => {
    expect(a.headers.get('x-access-basis') ?? BASIS[p]).toBe(BASIS[p]);
    check(a, kit);
  };

const itemRead = (suffix = ''): Pick<Row, 'request'> => ({
  request: (_p, kit) => ({ path: `/api/evidence/items/${kit.fx.item}${suffix}` }),
});

/** One item fixture per cell, then the persona's call on it. */
function onFreshItem<F extends { id: string }>(
  build: (kit: Kit) => Promise<F>,
  call: (f: F, p: Persona) => Omit<Call, 'ids'>,
): Row['request'] {
  return async (p, kit) => {
    const f = await build(kit);
    return { ...call(f, p), ids: f as unknown as Record<string, string> };
  };
}

/** The DPO's call on a fresh record due for retention review; everyone else is refused by role before any record is read. */
function onDueRecord(subpath: string, body: unknown, held = false): Row['request'] {
  return async (p, kit) => {
    const id = p === 'dpo' ? (await kit.dueFoundObject(held)).id : randomUUID();
    return { path: `/api/evidence/retention/reviews/${id}/${subpath}`, body, ids: { id } };
  };
}

function onFreshFoundObject(subpath: string, body: unknown): Row['request'] {
  return async (_p, kit) => {
    const { id } = await kit.foundObject();
    return { path: `/api/evidence/found-objects/${id}/${subpath}`, body, ids: { id } };
  };
}

// ---- the matrix ---------------------------------------------------------------------------------------

const MATRIX: Row[] = [
  {
    method: 'GET',
    route: '/api/evidence/data-subjects',
    request: () => ({ path: '/api/evidence/data-subjects?partyIds=party-9034' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a, _p, _c, kit) =>
      expect(a.json.records).toEqual([
        expect.objectContaining({ type: 'loss_declaration', id: kit.fx.loss, roles: ['declarant'], subjectRefs: ['party-9034'] }),
      ]),
  },
  {
    method: 'GET',
    route: '/api/evidence/live',
    // A stream of the changes each reader may see: its first frame is the answer here.
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, 200, 200, 200, 200, 200, 200, R, R, R, 200],
    ok: (a) => {
      expect(a.contentType).toContain('text/event-stream');
      expect(a.text).toMatch(/^retry: 5000\nevent: ready\ndata: \{"service":"evidence","heartbeatMs":\d+,"expiresAt":"[^"]+"\}\n\n/);
    },
  },
  {
    method: 'POST',
    route: '/api/evidence/items',
    request: () => ({ body: register() }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 201, X, X, X, 201, 201, 201, R, R, R, R],
    ok: (a, p) => {
      expect(a.json.item).toMatchObject({
        status: 'held',
        investigationId: DIEFSTAL_CASE,
        labelNumber: expect.stringMatching(/^EV-\d{4}-\d{6}$/),
        custodian: { kind: 'officer', id: staffIdOf(p) },
        openOffer: null,
      });
      expect(a.headers.get('location')).toBe(`/api/evidence/items/${a.json.id}`);
    },
  },
  {
    method: 'GET',
    route: '/api/evidence/items',
    // Lists never break the glass: each persona sees the shared item only if they may without a justification.
    request: () => ({ path: `/api/evidence/items?caseId=${encodeURIComponent(LIST_PV)}` }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, 200, 200, 200, 200, 200, 200, R, R, R, 200],
    ok: (a, p, _c, kit) => {
      expect(a.json).toMatchObject({ items: expect.any(Array), limit: 50, offset: 0 });
      expect(a.json.items.map((i: { id: string }) => i.id)).toEqual(p in BASIS ? [kit.fx.item] : []);
    },
  },
  {
    method: 'GET',
    route: '/api/evidence/reference',
    // The zone's configuration for the console's forms: no record in it, so no record check.
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, 200, 200, 200, 200, 200, 200, 200, R, R, R, 200],
    ok: (a) => {
      expect(a.json.storageRooms).toEqual([{ id: 'bewaarplaats-apg', name: expect.any(String) }]);
      expect(a.json.laboratories).toEqual([{ id: 'fpl-ltwp', name: expect.any(String) }]);
      expect(a.json.witnessRules).toContainEqual({ disposition: 'destruction', category: 'drugs', witnesses: 1 });
      // The matrix's zone holds found objects 0 days (see beforeAll), so hand-over and destruction can be tried at once.
      expect(a.json.holdingPeriods).toContainEqual({ category: 'keys', days: 0 });
    },
  },
  {
    method: 'GET',
    route: '/api/evidence/items/statistics',
    request: async (_p, kit) => {
      await eventually(() => expect(Date.now()).toBeGreaterThan(Date.parse(kit.fx.overdueDue) + 50), { timeoutMs: 5000 });
      return {};
    },
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, R, 200],
    // The shared overdue item is checked out past its return: counted, with no word about it.
    ok: (a) => {
      expect(Object.keys(a.json).sort()).toEqual(['at', 'checkedOut', 'oldestDueAt', 'overdue']);
      expect(a.json.overdue).toBeGreaterThanOrEqual(1);
      expect(a.json.checkedOut).toBeGreaterThanOrEqual(a.json.overdue);
      expect(Date.parse(a.json.oldestDueAt)).toBeLessThanOrEqual(Date.parse(a.json.at));
    },
  },
  {
    method: 'GET',
    route: '/api/evidence/items/overdue',
    request: async (_p, kit) => {
      // The shared overdue item was checked out with a return due a moment after beforeAll made it.
      await eventually(() => expect(Date.now()).toBeGreaterThan(Date.parse(kit.fx.overdueDue) + 50), { timeoutMs: 5000 });
      return {};
    },
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, 200, 200, R, R, R, R, 200],
    ok: (a, p, _c, kit) => {
      const ids = a.json.items.map((i: { id: string }) => i.id);
      // The chief may ask, but lists show only what the reader sees without a justification.
      expect(ids.includes(kit.fx.overdue)).toBe(p !== 'chief');
      if (p !== 'chief')
        expect(a.json.items.find((i: { id: string }) => i.id === kit.fx.overdue)).toMatchObject({
          whereabouts: 'checked_out',
          expectedReturnAt: kit.fx.overdueDue,
        });
    },
  },
  {
    method: 'GET',
    route: '/api/evidence/items/:id',
    ...itemRead(),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, J, J, J, 200, 200, 200, R, R, R, J],
    ok: readsItem((a, kit) => {
      expect(a.json).toMatchObject({
        id: kit.fx.item,
        version: 0,
        item: { status: 'held', investigationId: DIEFSTAL_CASE, custodian: { kind: 'officer', id: '5415-0201' } },
      });
      expect(a.headers.get('etag')).toBe('"0"');
    }),
  },
  {
    method: 'GET',
    route: '/api/evidence/items/:id/label',
    ...itemRead('/label'),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, J, J, J, 200, 200, 200, R, R, R, J],
    ok: readsItem((a, kit) => {
      expect(a.contentType).toContain('image/svg+xml');
      expect(a.text).toContain(kit.fx.itemLabel);
      expect(a.text).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"/);
    }),
  },
  {
    method: 'GET',
    route: '/api/evidence/items/:id/custody',
    ...itemRead('/custody'),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, J, J, J, 200, 200, 200, R, R, R, J],
    ok: readsItem((a, kit) => {
      expect(a.json.itemId).toBe(kit.fx.item);
      expect(a.json.entries.map((e: { type: string; actor: string }) => [e.type, e.actor])).toEqual([['ItemRegistered', '5415-0201']]);
    }),
  },
  {
    method: 'GET',
    route: '/api/evidence/items/:id/custody/verify',
    ...itemRead('/custody/verify'),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, J, J, J, 200, 200, 200, R, R, R, J],
    ok: readsItem((a, kit) => expect(a.json).toEqual({ itemId: kit.fx.item, ok: true, events: 1, headHash: expect.any(String) })),
  },
  {
    method: 'GET',
    route: '/api/evidence/items/:id/certificate',
    ...itemRead('/certificate'),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, J, J, J, 200, 200, 200, R, R, R, J],
    ok: readsItem((a) => {
      expect(a.contentType).toBe('application/pdf');
      expect(a.text.startsWith('%PDF-')).toBe(true);
    }),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/reseal',
    // Only the custodian reseals; the evidence desk and the case lead are refused by the domain.
    request: onFreshItem(
      (kit) => kit.item(),
      (f) => ({
        path: `/api/evidence/items/${f.id}/reseal`,
        body: { sealNumber: `${f.sealNumber}-B`, reason: 'geopend voor fotografie van het toestel' },
      }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, X, X, X, C, C, C, R, R, R, R],
    ok: (a, p, c) => itemView({ sealNumber: expect.stringMatching(/-B$/) })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/handovers',
    request: onFreshItem(
      (kit) => kit.item(),
      (f) => ({ path: `/api/evidence/items/${f.id}/handovers`, body: offerToStorage, headers: { 'If-Match': '"0"' } }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 201, X, X, X, C, C, C, R, R, R, R],
    ok: (a, p, c) => {
      itemView({ custodian: { kind: 'officer', id: '5415-0201' }, openOffer: { to: STORAGE, purpose: 'storage', offeredBy: '5415-0201' } })(
        a,
        p,
        c,
      );
      expect(a.json.handoverId).toBe(a.json.item.openOffer.handoverId);
    },
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/handovers/:handoverId/accept',
    // Offered to the storage room: only the evidence desk acts for it.
    request: onFreshItem(
      (kit) => kit.offeredItem(),
      (f) => ({
        path: `/api/evidence/items/${f.id}/handovers/${f.handoverId}/accept`,
        body: { sealNumberFound: f.sealNumber, sealIntact: true, condition: 'intact', place: 'APG balie' },
      }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, N, X, X, X, N, 200, N, R, R, R, R],
    ok: (a, p, c) => itemView({ custodian: STORAGE, openOffer: null, sealMismatches: [] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/handovers/:handoverId/decline',
    request: onFreshItem(
      (kit) => kit.offeredItem(),
      (f) => ({
        path: `/api/evidence/items/${f.id}/handovers/${f.handoverId}/decline`,
        body: { reason: 'geen plaats meer in de bewaarplaats' },
      }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, N, X, X, X, N, 200, N, R, R, R, R],
    ok: (a, p, c) => itemView({ custodian: { kind: 'officer', id: '5415-0201' }, openOffer: null })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/handovers/:handoverId/withdraw',
    // Only the offerer (still the custodian) withdraws.
    request: onFreshItem(
      (kit) => kit.offeredItem(),
      (f) => ({ path: `/api/evidence/items/${f.id}/handovers/${f.handoverId}/withdraw`, body: { reason: 'verkeerde bestemming gekozen' } }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, X, X, X, C, C, C, R, R, R, R],
    ok: (a, p, c) => itemView({ custodian: { kind: 'officer', id: '5415-0201' }, openOffer: null })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/check-in',
    // The custodian or the evidence desk; lab liaisons are not on the route.
    request: onFreshItem(
      (kit) => kit.item(),
      (f) => ({ path: `/api/evidence/items/${f.id}/check-in`, body: { location: SHELF } }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, X, X, X, C, 200, R, R, R, R, R],
    ok: (a, p, c) => itemView({ whereabouts: { kind: 'in_storage', location: SHELF } })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/check-out',
    request: onFreshItem(
      (kit) => kit.storedItem(),
      (f) => ({ path: `/api/evidence/items/${f.id}/check-out`, body: { purpose: 'court', takenBy: '5415-0201', expectedReturnAt: FAR } }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, X, X, X, C, 200, R, R, R, R, R],
    ok: (a, p, c) => itemView({ whereabouts: { kind: 'checked_out', purpose: 'court', takenBy: '5415-0201' } })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/return',
    // Taken out by pieter.janssens himself (so the taker is the custodian).
    request: onFreshItem(
      (kit) => kit.checkedOutItem(),
      (f) => ({ path: `/api/evidence/items/${f.id}/return`, body: { location: SHELF } }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 200, X, X, X, C, 200, R, R, R, R, R],
    ok: (a, p, c) => itemView({ whereabouts: { kind: 'in_storage', location: SHELF } })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/lab-submissions',
    request: onFreshItem(
      (kit) => kit.item(),
      (f) => ({
        path: `/api/evidence/items/${f.id}/lab-submissions`,
        body: { laboratory: LAB, analysis: 'dna', request: 'DNA-profiel op wattenstaafje', method: 'courier', sealIntact: true },
      }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, 201, X, X, X, C, C, C, R, R, R, R],
    ok: (a, p, c) => {
      itemView({ openOffer: { to: LAB, purpose: 'lab_analysis' } })(a, p, c);
      expect(a.json.item.labSubmissions[a.json.submissionId]).toMatchObject({ status: 'offered', analysis: 'dna' });
    },
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/lab-submissions/:submissionId/result',
    // The lab has the item (its liaison accepted it); the lab liaison or the evidence desk records the result.
    request: onFreshItem(
      (kit) => kit.itemAtLab(),
      (f) => ({
        path: `/api/evidence/items/${f.id}/lab-submissions/${f.submissionId}/result`,
        body: { labReference: 'LTWP-26-1', conclusion: 'hit', summary: 'DNA-profiel, hit in databank', reportSha256: 'a'.repeat(64) },
      }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, 200, 200, R, R, R, R],
    ok: (a, p, c) => itemView({ labSubmissions: { [c.ids!.submissionId]: { status: 'result_received' } } })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/disposal-decision',
    request: onFreshItem(
      (kit) => kit.item(),
      (f) => ({
        path: `/api/evidence/items/${f.id}/disposal-decision`,
        body: {
          decisionRef: `PK-GENT-${f.id.slice(0, 8)}`,
          authority: 'procureur_des_konings',
          decisionDate: TODAY,
          disposition: 'confiscation',
        },
      }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, 200, 200, R, R, R, R, R],
    ok: (a, p, c) => itemView({ decision: { decisionRef: `PK-GENT-${c.ids!.id.slice(0, 8)}`, disposition: 'confiscation' } })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/disposal',
    request: onFreshItem(
      (kit) => kit.decidedItem(),
      (f) => ({ path: `/api/evidence/items/${f.id}/disposal`, body: { decisionRef: f.decisionRef, witnesses: [], receiptRef: 'R-1' } }),
    ),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, p, c) => itemView({ status: 'disposed', disposal: { disposition: 'confiscation', executedBy: '5415-0301' } })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/found-objects',
    request: () => ({
      body: { category: 'keys', description: 'Sleutelbos met 3 sleutels', place: { municipality: 'Gent' }, foundOn: TODAY },
    }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 201, R, R, R, R, R, 201, R, R, R, R, R],
    ok: (a) => {
      expect(a.json.foundObject).toMatchObject({ foundObjectId: a.json.id, status: 'held', category: 'keys' });
      expect(a.headers.get('location')).toBe(`/api/evidence/found-objects/${a.json.id}`);
    },
  },
  {
    method: 'GET',
    route: '/api/evidence/found-objects',
    request: () => ({ path: '/api/evidence/found-objects?category=jewellery' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, _p, _c, kit) =>
      expect(a.json.foundObjects).toEqual([expect.objectContaining({ id: kit.fx.found, category: 'jewellery', status: 'held' })]),
  },
  {
    method: 'GET',
    route: '/api/evidence/found-objects/:id',
    request: (_p, kit) => ({ path: `/api/evidence/found-objects/${kit.fx.found}`, ids: { id: kit.fx.found } }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, p, c) => foundObjectView({ status: 'held', category: 'jewellery' })(a, p, c),
  },
  {
    method: 'GET',
    route: '/api/evidence/loss-declarations',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, _p, _c, kit) =>
      expect(a.json.lossDeclarations).toEqual([expect.objectContaining({ reportId: kit.fx.loss, declarantRef: 'party-9034' })]),
  },
  {
    method: 'POST',
    route: '/api/evidence/found-objects/:id/owner-search',
    request: onFreshFoundObject('owner-search', { method: 'rijksregister via nummerplaat fiets' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, p, c) => foundObjectView({ status: 'held', ownerSearch: { method: 'rijksregister via nummerplaat fiets' } })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/found-objects/:id/owner',
    request: onFreshFoundObject('owner', { ownerRef: 'party-77', basis: 'naam op de sleutelhanger' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, p, c) => foundObjectView({ status: 'held', owner: { ownerRef: 'party-77' } })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/found-objects/:id/loss-match',
    request: async (_p, kit) => {
      const { id } = await kit.foundObject();
      return { path: `/api/evidence/found-objects/${id}/loss-match`, body: { lossReportId: kit.fx.loss }, ids: { id } };
    },
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, p, c, kit) => foundObjectView({ status: 'held', lossReportIds: [kit.fx.loss] })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/found-objects/:id/return',
    request: onFreshFoundObject('return', {
      ownerRef: 'party-9',
      identityCheck: { documentType: 'eid', holderIsOwner: true },
      ownershipProof: 'past op de voordeur',
    }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, 200, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, p, c) => foundObjectView({ status: 'returned_to_owner' })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/found-objects/:id/hand-over',
    // The holding period is configured at 0 days for this test host.
    request: onFreshFoundObject('hand-over', { organisation: { id: 'natuurpunt', name: 'Natuurpunt' }, receiptRef: 'NP-1' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, p, c) => foundObjectView({ status: 'handed_to_organisation' })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/found-objects/:id/destroy',
    request: onFreshFoundObject('destroy', { reason: 'onbruikbaar en zonder waarde', witnesses: ['5415-0101'] }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, p, c) => foundObjectView({ status: 'destroyed' })(a, p, c),
  },
  {
    method: 'POST',
    route: '/api/evidence/retention/runs',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a) => expect(a.json).toMatchObject({ ranAt: expect.any(String), candidates: expect.any(Number), failed: 0 }),
  },
  {
    method: 'GET',
    route: '/api/evidence/retention/reviews',
    request: async (p, kit) => {
      if (p === 'dpo') kit.fx.reviewed = (await kit.dueFoundObject()).id;
      return { path: '/api/evidence/retention/reviews' };
    },
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a, _p, _c, kit) =>
      expect((a.json as { reviews: { recordId: string }[] }).reviews).toContainEqual(
        expect.objectContaining({
          recordId: kit.fx.reviewed,
          status: 'due',
          dataClass: 'found-object-returned',
          label: 'found object: wallet',
        }),
      ),
  },
  {
    method: 'GET',
    route: '/api/evidence/retention/schedules',
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a) =>
      expect((a.json as { schedules: unknown[] }).schedules).toContainEqual(
        expect.objectContaining({ dataClass: 'found-object-returned', days: 0, toBeConfirmedByLawyer: true, executedBy: 'evidence' }),
      ),
  },
  {
    method: 'POST',
    route: '/api/evidence/retention/reviews/:id/approve',
    request: onDueRecord('approve', { decisionRef: 'DPO-2026-001' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a) => expect(a.json).toMatchObject({ status: 'erased', erased: expect.stringContaining('decision DPO-2026-001') }),
  },
  {
    method: 'POST',
    route: '/api/evidence/retention/reviews/:id/extend',
    request: onDueRecord('extend', { until: new Date(Date.now() + 30 * DAY_MS).toISOString(), reason: 'eigenaar betwist de teruggave' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a) => expect(a.json).toMatchObject({ status: 'extended' }),
  },
  {
    method: 'POST',
    route: '/api/evidence/retention/reviews/:id/legal-hold',
    request: onDueRecord('legal-hold', { reason: 'burgerlijke vordering' }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a) => expect(a.json).toMatchObject({ status: 'due', legalHold: { reason: 'burgerlijke vordering' } }),
  },
  {
    method: 'POST',
    route: '/api/evidence/retention/reviews/:id/legal-hold/lift',
    request: onDueRecord('legal-hold/lift', { reason: 'vordering afgewezen' }, true),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, R, R, R, R, 200, R],
    ok: (a) => expect(a.json).toMatchObject({ status: 'due', legalHold: null }),
  },
  {
    method: 'POST',
    route: '/api/evidence/inventories',
    // Each cell counts a room of its own, finding an item nobody expected there.
    request: () => ({ body: { room: `Lokaal ${randomUUID()}`, foundItemIds: [randomUUID()] } }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, 201, R, R, R, R, R],
    ok: (a, _p, c) => {
      const [unexpected] = (c.body as { foundItemIds: string[] }).foundItemIds;
      expect(a.json).toMatchObject({
        id: expect.any(String),
        version: expect.any(Number),
        inventory: { status: 'counted', openDiscrepancies: { [unexpected]: 'unexpected' } },
      });
      expect(a.headers.get('location')).toBe(`/api/evidence/inventories/${a.json.id}`);
    },
  },
  {
    method: 'GET',
    route: '/api/evidence/inventories/:id',
    // The shared inventory: a count of a room where a registered Diefstallen item was missing.
    request: (_p, kit) => ({ path: `/api/evidence/inventories/${kit.fx.inventory}` }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, _p, _c, kit) =>
      expect(a.json).toMatchObject({
        id: kit.fx.inventory,
        inventory: { status: 'counted', openDiscrepancies: { [kit.fx.missing]: 'missing' } },
      }),
  },
  {
    method: 'POST',
    route: '/api/evidence/inventories/:id/resolve',
    request: async (_p, kit) => {
      const inv = await kit.inventoryWithDiscrepancy();
      return {
        path: `/api/evidence/inventories/${inv.id}/resolve`,
        body: { itemId: inv.itemId, resolution: 'hoort in lokaal 0.15, teruggezet' },
        ids: inv,
      };
    },
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, R, R, R, R, R, 200, R, R, R, R, R],
    ok: (a, _p, c) =>
      expect(a.json).toMatchObject({
        id: c.ids!.id,
        inventory: { openDiscrepancies: {}, resolvedDiscrepancies: { [c.ids!.itemId]: expect.anything() } },
      }),
  },
  // The IT desk's operations routes (libs/security opsController): the ops role's only, which no column holds.
  ...operationsRows<Persona, Kit>('evidence'),
];

/** A write naming a case is answered as for an unknown case when the writer may never know of it. */
const O = '422 unknown-investigation';

/**
 * The oracle rows: a restricted (Zeden) case and its items, where every persona outside the team must
 * get exactly the answer of an id that does not exist (compared body by body, but for the instance).
 */
const RESTRICTED: (Row & { missing: (p: Persona, kit: Kit) => Call })[] = [
  {
    method: 'POST',
    route: '/api/evidence/items',
    // Each persona names itself as the seizing officer: that gives no access.
    request: (p) => ({ body: register({ investigationId: ZEDEN_CASE, pvNumber: undefined, seizedBy: staffIdOf(p) ?? '5415-0000' }) }),
    missing: (p) => ({ body: register({ investigationId: randomUUID(), pvNumber: undefined, seizedBy: staffIdOf(p) ?? '5415-0000' }) }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, O, O, 201, O, O, O, O, R, R, R, R],
    ok: (a) => expect(a.json.item).toMatchObject({ status: 'held', investigationId: ZEDEN_CASE }),
  },
  {
    method: 'GET',
    route: '/api/evidence/items/:id',
    request: (_p, kit) => ({ path: `/api/evidence/items/${kit.fx.zedenItem}`, headers: { 'X-Justification': JUSTIFICATION } }),
    missing: () => ({ path: `/api/evidence/items/${randomUUID()}`, headers: { 'X-Justification': JUSTIFICATION } }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, H, H, 200, H, H, H, H, R, R, R, 200],
    ok: (a, p, _c, kit) => {
      expect(a.json).toMatchObject({ id: kit.fx.zedenItem, item: { investigationId: ZEDEN_CASE } });
      expect(a.headers.get('x-access-basis')).toBe(p === 'chief' ? 'break_glass' : 'team');
    },
  },
  {
    method: 'POST',
    route: '/api/evidence/items/:id/check-in',
    request: (_p, kit) => ({ path: `/api/evidence/items/${kit.fx.zedenItem}/check-in`, body: { location: { room: 'Kluis zeden' } } }),
    missing: () => ({ path: `/api/evidence/items/${randomUUID()}/check-in`, body: { location: { room: 'Kluis zeden' } } }),
    //        anon desk dief drug zede gewe lead evid lab  bit  tuch dpo  chief
    expected: [U, R, H, H, C, H, H, H, R, R, R, R, R],
    ok: () => undefined,
  },
];

describe('authorization matrix of the evidence service: every route × every persona', () => {
  let t: ServiceTestApp;
  const fx: Record<string, string> = {};
  const api: Api = (persona, method, path, body, headers) => t.request(PERSONAS[persona] ?? null, method, path, body, headers);
  const publish = (topic: string, type: string, key: string, payload: object) =>
    t.bus.publish([{ id: randomUUID(), topic, key, type, payload, correlationId: randomUUID(), causationId: randomUUID() }]);

  /** A fixture step that must succeed. */
  async function must(persona: Persona, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<any> {
    const a = await api(persona, method, path, body, headers);
    if (a.status >= 300) throw new Error(`fixture step ${method} ${path} as ${persona} answered ${a.status}: ${a.text}`);
    return a.json;
  }

  /** Waits until a read model shows a row (at a version): access checks read the rows, and projections are asynchronous. */
  async function projected(
    table: 'items' | 'found_objects' | 'loss_declarations' | 'case_directory',
    key: string,
    version?: number,
  ): Promise<void> {
    const column = { items: 'id', found_objects: 'id', loss_declarations: 'reportId', case_directory: 'investigationId' }[table];
    await eventually(
      async () => {
        const { rows } = await t.pool.query<{ version?: number }>(`SELECT * FROM evidence.${table} WHERE "${column}" = $1`, [key]);
        expect(rows).toHaveLength(1);
        if (version !== undefined) expect(rows[0].version).toBe(version);
      },
      { intervalMs: 5 },
    );
  }

  /** An item command as a fixture step; returns the answer once the read model has caught up. */
  async function itemStep(
    persona: Persona,
    itemId: string,
    method: string,
    subpath: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<any> {
    const answer = await must(persona, method, `/api/evidence/items/${itemId}/${subpath}`, body, headers);
    await projected('items', itemId, answer.version);
    return answer;
  }

  const kit: Kit = {
    api,
    fx,
    async item(extra = {}) {
      const body = register(extra);
      const created = await must('det_diefstal', 'POST', '/api/evidence/items', body);
      await projected('items', created.id, 0);
      return { id: created.id as string, sealNumber: body.sealNumber as string };
    },
    async offeredItem() {
      const { id, sealNumber } = await kit.item();
      const offered = await itemStep('det_diefstal', id, 'POST', 'handovers', offerToStorage, { 'If-Match': '"0"' });
      return { id, handoverId: offered.handoverId as string, sealNumber };
    },
    async storedItem(location = SHELF) {
      const { id } = await kit.item();
      await itemStep('det_diefstal', id, 'POST', 'check-in', { location });
      return { id };
    },
    async checkedOutItem(expectedReturnAt = FAR) {
      const { id } = await kit.storedItem();
      await itemStep('evidence', id, 'POST', 'check-out', { purpose: 'court', takenBy: '5415-0201', expectedReturnAt });
      return { id };
    },
    async itemAtLab() {
      const { id, sealNumber } = await kit.item({ category: 'trace' });
      const submitted = await itemStep('det_diefstal', id, 'POST', 'lab-submissions', {
        laboratory: LAB,
        analysis: 'dna',
        request: 'DNA-profiel op wattenstaafje',
        method: 'courier',
        sealIntact: true,
      });
      await itemStep('lab', id, 'POST', `handovers/${submitted.submissionId}/accept`, {
        sealNumberFound: sealNumber,
        sealIntact: true,
        condition: 'intact',
        place: 'FPL Brussel',
      });
      return { id, submissionId: submitted.submissionId as string };
    },
    async decidedItem() {
      const { id } = await kit.item();
      const decisionRef = `PK-GENT-${id.slice(0, 8)}`;
      await itemStep('evidence', id, 'POST', 'disposal-decision', {
        decisionRef,
        authority: 'procureur_des_konings',
        decisionDate: TODAY,
        disposition: 'confiscation',
      });
      return { id, decisionRef };
    },
    async foundObject(category = 'keys') {
      const created = await must('evidence', 'POST', '/api/evidence/found-objects', {
        category,
        description: 'Sleutelbos met 3 sleutels',
        place: { municipality: 'Gent', postalCode: '9000' },
        foundOn: TODAY,
      });
      await projected('found_objects', created.id, created.version);
      return { id: created.id as string };
    },
    async dueFoundObject(held = false) {
      const { id } = await kit.foundObject('wallet');
      const returned = await must('evidence', 'POST', `/api/evidence/found-objects/${id}/return`, {
        ownerRef: 'party-31',
        identityCheck: { documentType: 'eid', holderIsOwner: true },
        ownershipProof: 'kende de inhoud',
      });
      await projected('found_objects', id, returned.version);
      await must('dpo', 'POST', '/api/evidence/retention/runs');
      await eventually(
        async () => {
          const { rows } = await t.pool.query('SELECT 1 FROM evidence.retention_reviews WHERE "recordId" = $1', [id]);
          expect(rows).toHaveLength(1);
        },
        { intervalMs: 5 },
      );
      if (held) await must('dpo', 'POST', `/api/evidence/retention/reviews/${id}/legal-hold`, { reason: 'burgerlijke vordering' });
      return { id };
    },
    async inventoryWithDiscrepancy() {
      const itemId = randomUUID();
      const counted = await must('evidence', 'POST', '/api/evidence/inventories', {
        room: `Lokaal ${randomUUID()}`,
        foundItemIds: [itemId],
      });
      return { id: counted.id as string, itemId };
    },
  };

  beforeAll(async () => {
    // Found objects may be handed over or destroyed at once, and a returned one is due for retention review at once
    // (the service reads its configuration at start-up); the retention job runs only when a row asks for it.
    const previous = {
      EVIDENCE_CONFIG_JSON: process.env.EVIDENCE_CONFIG_JSON,
      RETENTION_SCHEDULES_JSON: process.env.RETENTION_SCHEDULES_JSON,
      RETENTION_INTERVAL_MS: process.env.RETENTION_INTERVAL_MS,
    };
    process.env.EVIDENCE_CONFIG_JSON = JSON.stringify({
      holdingPeriods: Object.fromEntries(Object.keys(DEFAULT_HOLDING_PERIODS).map((c) => [c, 0])),
    });
    process.env.RETENTION_SCHEDULES_JSON = JSON.stringify({ 'found-object-returned': { days: 0 } });
    process.env.RETENTION_INTERVAL_MS = '0';
    try {
      t = await startServiceApp({ service: 'evidence', module: EvidenceModule, register: (runtime) => EvidenceModule.register(runtime) });
    } finally {
      for (const [k, v] of Object.entries(previous))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }

    // The case directory, from the investigations service's contracts.
    await publish('investigations.public.v1', 'investigations.InvestigationOpened.v1', `investigation-${DIEFSTAL_CASE}`, {
      investigationId: DIEFSTAL_CASE,
      caseNumber: 'GE.20.L1.004512/26',
      kind: 'opsporingsonderzoek',
      phenomenon: 'woninginbraak',
      team: 'Diefstallen',
      origin: 'burger',
      openedAt: YESTERDAY.toISOString(),
    });
    await publish('investigations.public.v1', 'investigations.InvestigationAssigned.v1', `investigation-${DIEFSTAL_CASE}`, {
      investigationId: DIEFSTAL_CASE,
      team: 'Diefstallen',
      leadInvestigator: '5415-0210',
      assignedBy: '5415-0900',
      assignedAt: YESTERDAY.toISOString(),
    });
    await publish('investigations.public.v1', 'investigations.InvestigationOpened.v1', `investigation-${ZEDEN_CASE}`, {
      investigationId: ZEDEN_CASE,
      kind: 'gerechtelijk_onderzoek',
      phenomenon: 'zeden',
      team: 'Zeden',
      origin: 'parket',
      openedAt: YESTERDAY.toISOString(),
    });
    fx.loss = randomUUID();
    await publish('reports.public.v1', 'reports.LossDeclared.v1', `report-${fx.loss}`, {
      reportId: fx.loss,
      category: 'keys',
      description: 'Sleutelbos met rode hanger',
      place: { municipality: 'Gent', address: 'Korenmarkt' },
      lostOn: TODAY,
      declarantRef: 'party-9034',
      declaredAt: new Date().toISOString(),
    });
    await projected('case_directory', ZEDEN_CASE);
    await eventually(
      async () => {
        const { rows } = await t.pool.query<{ leadInvestigator: string | null }>(
          'SELECT "leadInvestigator" FROM evidence.case_directory WHERE "investigationId" = $1',
          [DIEFSTAL_CASE],
        );
        expect(rows[0]?.leadInvestigator).toBe('5415-0210');
      },
      { intervalMs: 5 },
    );
    await projected('loss_declarations', fx.loss);
    // The restricted case's item of the oracle rows, in the custody of another Zeden officer.
    fx.zedenItem = (
      await must(
        'det_zeden',
        'POST',
        '/api/evidence/items',
        register({
          investigationId: ZEDEN_CASE,
          pvNumber: undefined,
          seizedBy: '5415-0299',
          custodian: { kind: 'officer', id: '5415-0299' },
        }),
      )
    ).id;
    await projected('items', fx.zedenItem, 0);

    // Shared fixtures of the read-only rows. The overdue item first: its return falls due while the rest is made.
    fx.overdueDue = new Date(Date.now() + 1000).toISOString();
    fx.overdue = (await kit.checkedOutItem(fx.overdueDue)).id;
    const listed = await must('det_diefstal', 'POST', '/api/evidence/items', register({ pvNumber: LIST_PV }));
    fx.item = listed.id;
    fx.itemLabel = listed.item.labelNumber;
    await projected('items', fx.item, 0);
    fx.found = (await kit.foundObject('jewellery')).id;
    fx.missing = (await kit.storedItem({ room: 'Inventariskamer matrix' })).id;
    fx.inventory = (await must('evidence', 'POST', '/api/evidence/inventories', { room: 'Inventariskamer matrix', foundItemIds: [] })).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every served /api/evidence route (but health and docs), and a row only for served routes', () => {
    expect(matrixCoverage(t.app, 'evidence', MATRIX)).toEqual({ missing: [], stale: [], twice: [] });
    for (const r of MATRIX) expect(r.expected).toHaveLength(COLUMNS.length);
  });

  /** Calls the row's route as each persona; checks the body of every answer that is as expected; returns got/want. */
  const run = (row: Row, personas: Persona[]) => runMatrixRow(row, { columns: COLUMNS, personas, api, kit, domainCodes: DOMAIN_CODES });

  it('opens the operations routes to the ops role (tom.verstraete) alone: lists, status, 404 for what does not exist, 400 for a discard without reason', async () => {
    await expectOperationsAnswerOps(t, 'evidence', [
      'evidence-items',
      'evidence-case-directory',
      'evidence-found-objects',
      'evidence-loss-declarations',
      'evidence-retention-reviews',
    ]);
  });

  it.each(MATRIX.map((r) => [`${r.method} ${r.route}`, r] as const))('%s', async (_name, row) => {
    const { got, want } = await run(row, COLUMNS);
    expect(got).toEqual(want);
  });

  it.each(RESTRICTED.map((r) => [`${r.method} ${r.route} on a restricted (Zeden) case`, r] as const))(
    '%s: as for a missing id to everyone outside its team',
    async (_name, row) => {
      const { got, want } = await run(row, COLUMNS);
      expect(got).toEqual(want);
      for (const persona of COLUMNS.filter((p, i) => [H, O].includes(row.expected[i] as string))) {
        const hidden = await row.request!(persona, kit);
        const absent = row.missing(persona, kit);
        const [h, m] = [
          await api(persona, row.method, hidden.path ?? row.route, hidden.body, hidden.headers),
          await api(persona, row.method, absent.path ?? row.route, absent.body, absent.headers),
        ];
        expect({ persona, status: h.status, contentType: h.contentType, body: { ...h.json, instance: undefined } }).toEqual({
          persona,
          status: m.status,
          contentType: m.contentType,
          body: { ...m.json, instance: undefined },
        });
      }
      // Nothing was appended to the restricted case by a refused write: its team sees its own item only.
      const listed = await api('det_zeden', 'GET', `/api/evidence/items?caseId=${ZEDEN_CASE}`);
      expect(listed.json.items.filter((i: { id: string }) => i.id === kit.fx.zedenItem)).toHaveLength(1);
      const { rows } = await t.pool.query<{ actor: string }>(
        `SELECT metadata->>'actor' AS actor FROM evidence.events WHERE type = 'ItemRegistered' AND data->>'investigationId' = $1`,
        [ZEDEN_CASE],
      );
      expect([...new Set(rows.map((r) => r.actor))].filter((a) => a !== staffIdOf('det_zeden'))).toEqual([]);
    },
  );

  it('keeps a restricted (Zeden) item unknown to other teams even with a justification (404 as for a missing id), open to its own team', async () => {
    // Seized by and with another Zeden officer, so lotte.willems reads it as a member of the team.
    const zeden = await must(
      'det_zeden',
      'POST',
      '/api/evidence/items',
      register({
        investigationId: ZEDEN_CASE,
        pvNumber: undefined,
        seizedBy: '5415-0299',
        custodian: { kind: 'officer', id: '5415-0299' },
      }),
    );
    await projected('items', zeden.id, 0);
    const path = `/api/evidence/items/${zeden.id}`;
    const missing = `/api/evidence/items/${randomUUID()}`;
    const sameAsMissing = async (persona: Persona, method: string, suffix: string, body?: unknown, headers?: Record<string, string>) => {
      const hidden = await api(persona, method, `${path}${suffix}`, body, headers);
      const absent = await api(persona, method, `${missing}${suffix}`, body, headers);
      expect(outcome(hidden)).toBe(H);
      expect(hidden.contentType).toContain('application/problem+json');
      expect({ ...hidden.json, instance: undefined }).toEqual({ ...absent.json, instance: undefined });
    };

    await sameAsMissing('det_diefstal', 'GET', '', undefined, { 'X-Justification': 'controle op een mogelijk verband met mijn dossier' });
    // Restriction beats function: the evidence desk and the lab do not see it by role either.
    await sameAsMissing('evidence', 'GET', '');
    await sameAsMissing('lab', 'GET', '/custody');
    await sameAsMissing('det_drugs', 'POST', '/reseal', { sealNumber: 'S-X', reason: 'geprobeerd door een buitenstaander' });
    // Only who may break the glass on it (the chief) learns that it exists.
    expect(outcome(await api('chief', 'GET', path))).toBe(J);

    const team = await api('det_zeden', 'GET', path);
    expect(team.status).toBe(200);
    expect(team.headers.get('x-access-basis')).toBe('team');
    expect(team.json).toMatchObject({ id: zeden.id, item: { investigationId: ZEDEN_CASE } });
    // …and lists do not show it to the outsider.
    const list = await api('det_diefstal', 'GET', `/api/evidence/items?caseId=${ZEDEN_CASE}`);
    expect(list.json.items).toEqual([]);
  });

  it('lets a detective of another team read an item with a justification, as a break-glass read', async () => {
    const path = `/api/evidence/items/${fx.item}`;
    const justified = await api('det_drugs', 'GET', path, undefined, { 'X-Justification': JUSTIFICATION });
    expect(justified.status).toBe(200);
    expect(justified.headers.get('x-access-basis')).toBe('break_glass');
    expect(justified.json).toMatchObject({ id: fx.item, item: { investigationId: DIEFSTAL_CASE } });
    // A justification that says nothing is refused, naming the header.
    const empty = await api('det_drugs', 'GET', path, undefined, { 'X-Justification': 'omdat' });
    expect(outcome(empty)).toBe(J);
    expect(empty.json.errors).toEqual([expect.objectContaining({ field: 'X-Justification' })]);
    // Writes never break the glass.
    const write = await api(
      'det_drugs',
      'POST',
      `${path}/reseal`,
      { sealNumber: 'S-X', reason: 'geprobeerd met rechtvaardiging' },
      { 'X-Justification': JUSTIFICATION },
    );
    expect(outcome(write)).toBe(X);
  });
});
