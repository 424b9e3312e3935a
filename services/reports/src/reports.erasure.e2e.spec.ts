import { randomUUID } from 'node:crypto';
import { InMemoryCheckpointStore, InProcessMessageBus, IncomingMessage, startRelay } from '@police/messaging';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import { ServiceTestApp, startServiceApp } from '@police/service-testing';
import { eventually } from '@police/testing';
import { reportsToPublic } from './integration/reports.public';
import { ReportsModule } from './reports.module';

const NARRATIVE = 'Inspecteur Vandamme sloeg mij tijdens de controle aan de Korenmarkt.';
const COMPLAINANT = 'Mirjam Verstraeten';
const CONTACT = 'mirjam.verstraeten@example.org';
const STAFF_CONCERNED = '5415-0777';
const ADDRESS = 'Korenmarkt 16';
const INCIDENT = 'slagen door een agent';
/** Everything of the complaint that must not be readable in reports' database once integrity holds it. */
const SECRETS = [NARRATIVE, 'Vandamme', COMPLAINANT, 'Verstraeten', CONTACT, STAFF_CONCERNED, ADDRESS, INCIDENT];

// Issue 20, point 4 (ADR 0053): a conduct complaint leaves reports. The reports service as the embedded product
// runs it (real PostgreSQL, the in-process bus, its production consumer and relay); the test plays integrity.
describe('a conduct complaint leaves reports once integrity confirms receipt', () => {
  let t: ServiceTestApp;
  let es: ServiceEventSourcing;
  const published: IncomingMessage[] = [];

  /** Every row of every table of the database (events, data keys, read models, search, inbox, checkpoints, logs), as text. */
  async function wholeDatabase(): Promise<string> {
    const { rows: tables } = await t.pool.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    expect(tables.map((x) => `${x.schema}.${x.name}`)).toEqual(
      expect.arrayContaining(['reports.events', 'reports.data_keys', 'reports.reports', 'reports.search_entries', 'reports.inbox']),
    );
    const dumps: string[] = [];
    for (const { schema, name } of tables) {
      const { rows } = await t.pool.query<{ t: string | null }>(
        `SELECT string_agg(row_to_json(x)::text, E'\\n') AS t FROM "${schema}"."${name}" x`,
      );
      dumps.push(rows[0].t ?? '');
    }
    return dumps.join('\n');
  }

  beforeAll(async () => {
    t = await startServiceApp({ service: 'reports', module: ReportsModule, register: (runtime) => ReportsModule.register(runtime) });
    es = t.app.get<ServiceEventSourcing>(EVENT_SOURCING);
    await t.bus.subscribe({ groupId: 'test-integrity', topics: ['reports.public.v1'], handle: async (m) => void published.push(m) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('destroys the complaint in reports: nothing readable in its tables, the stream verifies, the pointer shows the marker, a rebuild and the relay leak nothing', async () => {
    const filed = await t.request('wim.debacker', 'POST', '/api/reports', {
      kind: 'klacht',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: true,
      incidentType: INCIDENT,
      timeWindow: { from: new Date(Date.now() - 3 * 3600_000).toISOString(), to: new Date(Date.now() - 2 * 3600_000).toISOString() },
      place: { municipality: 'Gent', address: ADDRESS },
      narrative: NARRATIVE,
      parties: [{ name: COMPLAINANT, roles: ['reporter', 'victim'], contact: CONTACT }],
      concernsPoliceConduct: true,
      staffMembersConcerned: [STAFF_CONCERNED],
    });
    expect(filed.status).toBe(201);
    const reportId = (filed.json as { id: string }).id;

    // Handed over to integrity with all it says (the relay, from the log).
    const handedOver = await eventually(() => {
      const m = published.find(
        (p) => p.type === 'reports.PoliceConductComplaintFiled.v1' && (p.payload as { reportId: string }).reportId === reportId,
      );
      if (!m) throw new Error('not published yet');
      return m;
    });
    expect(handedOver.payload).toMatchObject({
      facts: NARRATIVE,
      complainant: { name: COMPLAINANT, contact: CONTACT },
      staffMembersConcerned: [STAFF_CONCERNED],
    });

    // Until integrity confirms, reports keeps it: sealed in the log, readable through the store only.
    const before = await wholeDatabase();
    expect(before).not.toContain(NARRATIVE);
    expect(before).toContain(STAFF_CONCERNED); // the pointer's access control (concernedStaffIds) still needs it
    const stream = `report-${reportId}`;
    const chain = await es.store.verifyStream(stream);
    expect(chain.ok).toBe(true);

    // Integrity's receipt, through reports' consumer (the inbox transaction), delivered twice.
    const receipt = randomUUID();
    const receiptMessage = {
      id: receipt,
      topic: 'integrity.public.v1',
      key: `integrity-complaint-${randomUUID()}`,
      type: 'integrity.ComplaintReceived.v1',
      payload: { reportId, receivedAt: new Date().toISOString() },
      correlationId: randomUUID(),
      causationId: randomUUID(),
    };
    await t.bus.publish([receiptMessage]);
    await t.bus.publish([receiptMessage]);
    const marker = await eventually(async () => {
      const { rows } = await t.pool.query<{ erased: string | null; version: number }>(
        'SELECT erased, version FROM reports.reports WHERE id = $1',
        [reportId],
      );
      expect(rows[0]?.erased).toMatch(/^erased on \d{4}-\d{2}-\d{2} under hand-over to integrity confirmed/);
      return rows[0].erased!;
    });
    expect(marker).toContain(receipt);
    const { rows: confirmations } = await t.pool.query(
      `SELECT data FROM reports.events WHERE stream_id = $1 AND type = 'ConductComplaintReceiptConfirmed'`,
      [stream],
    );
    expect(confirmations).toEqual([
      {
        data: expect.objectContaining({
          reportId,
          receiptId: receipt,
          erasedBy: 'system:reports-consumer',
          decision: `hand-over to integrity confirmed (receipt ${receipt})`,
        }),
      },
    ]);

    // The pointer says so; nothing of the complaint is readable anywhere in the database.
    const read = await t.request('wim.debacker', 'GET', `/api/reports/${reportId}`);
    expect(read.json).toMatchObject({ id: reportId, status: 'routed_to_integrity', erased: marker });
    const after = await wholeDatabase();
    for (const secret of SECRETS) expect(after).not.toContain(secret);

    // The chain is the same as before the erasure, plus the confirmation.
    const verified = await es.store.verifyStream(stream);
    expect(verified).toMatchObject({ ok: true, events: chain.ok ? chain.events + 1 : -1 });
    const [received] = (await es.store.readStream(stream)).events;
    expect(received.data).toMatchObject({ narrative: marker, parties: [], staffMembersConcerned: [], place: { municipality: marker } });

    // A rebuild of every projection re-reads the log: the marker stays, nothing re-appears.
    for (const projection of es.measured().projections) await es.projector.rebuild(projection);
    const rebuilt = await t.pool.query<{ erased: string | null; concernedStaffIds: string[] }>(
      'SELECT erased, "concernedStaffIds" FROM reports.reports WHERE id = $1',
      [reportId],
    );
    expect(rebuilt.rows).toEqual([{ erased: marker, concernedStaffIds: [] }]);
    const afterRebuild = await wholeDatabase();
    for (const secret of SECRETS) expect(afterRebuild).not.toContain(secret);

    // A relay that publishes the log again from its start (a new topic's relay, a reset checkpoint) sends nothing of it.
    const replayBus = new InProcessMessageBus();
    const replayed: IncomingMessage[] = [];
    await replayBus.subscribe({ groupId: 'replay', topics: ['replay'], handle: async (m) => void replayed.push(m) });
    const checkpoints = new InMemoryCheckpointStore();
    const relay = await startRelay({ store: es.store, checkpoints, name: 'replay', topic: 'replay', map: reportsToPublic, bus: replayBus });
    const last = (await es.store.readAll({ commit: -1n, prepare: -1n })).at(-1)!.position;
    await eventually(async () => expect(await checkpoints.load('replay')).toEqual(last));
    await relay.stop();
    await replayBus.close();
    expect(replayed.filter((m) => (m.payload as { reportId?: string }).reportId === reportId)).toEqual([]);
    for (const secret of SECRETS) expect(JSON.stringify(replayed)).not.toContain(secret);
  });

  it("erases a report's statement on the DPO's decision: nothing readable left, the stream verifies, the report shows the marker, a rebuild keeps it (ADR 0065)", async () => {
    const secrets = ['Het raam van de keuken werd ingeslagen met een baksteen.', 'Hélène Dupré', 'Kouter 29', '+32 478 55 44 33'];
    const filed = await t.request('wim.debacker', 'POST', '/api/reports', {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-2026-0077',
      incidentType: 'woninginbraak',
      timeWindow: { from: new Date(Date.now() - 9 * 3600_000).toISOString(), to: new Date(Date.now() - 8 * 3600_000).toISOString() },
      place: { municipality: 'Gent', address: secrets[2] },
      narrative: secrets[0],
      parties: [{ name: secrets[1], roles: ['reporter', 'victim'], contact: secrets[3] }],
    });
    expect(filed.status).toBe(201);
    const reportId = (filed.json as { id: string }).id;
    const stream = `report-${reportId}`;
    const before = await es.store.verifyStream(stream);
    expect(before.ok).toBe(true);
    // Projected before it is erased: search finds it by words of the statement.
    const search = async () =>
      (
        (await t.request('wim.debacker', 'GET', `/api/reports/search?q=${encodeURIComponent('baksteen keuken')}&limit=50`)).json as {
          hits: { id: string }[];
        }
      ).hits.map((h) => h.id);
    await eventually(async () => expect(await search()).toContain(reportId));

    const decision = {
      decision: 'DSR 2026/031',
      reason: 'The requester withdrew the statement; no criminal file was opened (LED art. 16 §2)',
    };
    expect((await t.request('wim.debacker', 'POST', `/api/reports/${reportId}/statement-erasure`, decision)).status).toBe(403);
    const erasure = await t.request('ines.dubois', 'POST', `/api/reports/${reportId}/statement-erasure`, decision);
    expect(erasure).toMatchObject({ status: 200, json: { id: reportId, erased: { at: expect.any(String), decision: 'DSR 2026/031' } } });
    const again = await t.request('ines.dubois', 'POST', `/api/reports/${reportId}/statement-erasure`, decision);
    expect(again).toMatchObject({ status: 409, json: { code: 'statement_already_erased' } });
    const amend = await t.request(
      'wim.debacker',
      'POST',
      `/api/reports/${reportId}/amendments`,
      { changes: { narrative: 'Toch iets anders.' }, reason: 'Aangever vult aan' },
      { 'If-Match': `"${(erasure.json as { version: number }).version}"` },
    );
    expect(amend).toMatchObject({ status: 409, json: { code: 'statement_already_erased' } });

    const marker = `erased on ${(erasure.json as { erased: { at: string } }).erased.at.slice(0, 10)} under DSR 2026/031`;
    const read = await eventually(async () => {
      const r = await t.request('wim.debacker', 'GET', `/api/reports/${reportId}`);
      expect(r.json).toMatchObject({ report: { narrative: marker, parties: [], erased: { decision: 'DSR 2026/031' } } });
      return r.json as { report: Record<string, unknown> };
    });
    expect(read.report.place).toEqual({ municipality: marker });
    expect(await search()).not.toContain(reportId);

    const after = await wholeDatabase();
    for (const secret of secrets) expect(after).not.toContain(secret);
    expect(await es.store.verifyStream(stream)).toMatchObject({ ok: true, events: before.ok ? before.events + 1 : -1 });

    for (const projection of es.measured().projections) await es.projector.rebuild(projection);
    const { rows } = await t.pool.query<{ erased: string | null }>('SELECT erased FROM reports.reports WHERE id = $1', [reportId]);
    expect(rows).toEqual([{ erased: marker }]);
    const afterRebuild = await wholeDatabase();
    for (const secret of secrets) expect(afterRebuild).not.toContain(secret);
  });

  it('refuses to erase a statement that is in a judicial file: the DPO restricts it instead', async () => {
    const filed = await t.request('wim.debacker', 'POST', '/api/reports', {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-2026-0078',
      incidentType: 'fietsdiefstal',
      timeWindow: { from: new Date(Date.now() - 9 * 3600_000).toISOString(), to: new Date(Date.now() - 8 * 3600_000).toISOString() },
      place: { municipality: 'Gent', address: 'Veldstraat 1' },
      narrative: 'Fiets gestolen aan het station.',
      parties: [{ name: 'Jan Peeters', roles: ['reporter', 'victim'] }],
    });
    const reportId = (filed.json as { id: string }).id;
    expect((await t.request('wim.debacker', 'POST', `/api/reports/${reportId}/investigation-request`, { reason: 'Reeks' })).status).toBe(
      200,
    );
    const decision = { decision: 'DSR 2026/032', reason: 'The requester asks for erasure' };
    const refused = await t.request('ines.dubois', 'POST', `/api/reports/${reportId}/statement-erasure`, decision);
    expect(refused).toMatchObject({
      status: 409,
      json: { code: 'statement_in_judicial_file', detail: expect.stringContaining('restrict') },
    });
    const read = await t.request('wim.debacker', 'GET', `/api/reports/${reportId}`);
    expect(read.json).toMatchObject({ report: { narrative: 'Fiets gestolen aan het station.' } });
    expect((read.json as { report: { erased?: unknown } }).report.erased).toBeUndefined();
  });

  it('parks a receipt for a report it never routed to integrity', async () => {
    const id = randomUUID();
    await t.bus.publish([
      {
        id,
        topic: 'integrity.public.v1',
        key: 'k',
        type: 'integrity.ComplaintReceived.v1',
        payload: { reportId: randomUUID(), receivedAt: new Date().toISOString() },
        correlationId: randomUUID(),
        causationId: randomUUID(),
      },
    ]);
    const parked = await eventually(async () => {
      const { rows } = await t.pool.query('SELECT reason FROM reports.parked_messages WHERE message_id = $1', [id]);
      expect(rows).toHaveLength(1);
      return rows[0].reason;
    });
    expect(parked).toMatchObject({ code: 'refused' });
  });
});
