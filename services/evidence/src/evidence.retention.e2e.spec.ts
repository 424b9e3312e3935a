import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import { ServiceTestApp, startServiceApp } from '@police/service-testing';
import { eventually } from '@police/testing';
import { DEFAULT_HOLDING_PERIODS } from './evidence.config';
import { EvidenceModule } from './evidence.module';

const DESCRIPTION = 'Bruine portefeuille met identiteitskaart op naam van Mirjam Verstraeten';
const FINDER = 'party-finder-4711';
const OWNER = 'party-owner-0815';
const PROOF = 'Kende de inhoud: bankkaart KBC en een foto van haar dochter';
const ADDRESS = 'Veldstraat 12';
/** What the returned object says about people: none of it may be readable in evidence's database once erased. */
const SECRETS = [DESCRIPTION, 'Verstraeten', FINDER, OWNER, PROOF, ADDRESS];

// Issue 20, point 2 (ADR 0055): a retention run finds a found object returned to its owner due, the DPO approves its
// erasure (its data key is destroyed) and places a legal hold on another, which is never erased. The evidence
// service as it runs (real PostgreSQL); the period of returned objects is 0 days here, so both are due at once.
describe('retention of found objects returned to their owner', () => {
  let t: ServiceTestApp;
  let es: ServiceEventSourcing;
  const saved = {
    RETENTION_SCHEDULES_JSON: process.env.RETENTION_SCHEDULES_JSON,
    RETENTION_INTERVAL_MS: process.env.RETENTION_INTERVAL_MS,
    EVIDENCE_CONFIG_JSON: process.env.EVIDENCE_CONFIG_JSON,
  };

  async function wholeDatabase(): Promise<string> {
    const { rows: tables } = await t.pool.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
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

  async function returnedObject(o: {
    description: string;
    finder: string;
    owner: string;
    proof: string;
    address: string;
  }): Promise<string> {
    const registered = await t.request('marc.goossens', 'POST', '/api/evidence/found-objects', {
      category: 'wallet',
      description: o.description,
      place: { municipality: 'Gent', postalCode: '9000', address: o.address },
      foundOn: new Date().toISOString().slice(0, 10),
      finderRef: o.finder,
    });
    expect(registered.status).toBe(201);
    const id = (registered.json as { id: string }).id;
    expect(
      (await t.request('marc.goossens', 'POST', `/api/evidence/found-objects/${id}/owner`, { ownerRef: o.owner, basis: 'naam op de eID' }))
        .status,
    ).toBe(200);
    const returned = await t.request('marc.goossens', 'POST', `/api/evidence/found-objects/${id}/return`, {
      ownerRef: o.owner,
      identityCheck: { documentType: 'eid', holderIsOwner: true },
      ownershipProof: o.proof,
    });
    expect(returned.status).toBe(200);
    return id;
  }

  const reviews = async (status = 'open') => {
    const a = await t.request('ines.dubois', 'GET', `/api/evidence/retention/reviews?status=${status}`);
    expect(a.status).toBe(200);
    return (
      a.json as {
        reviews: {
          recordId: string;
          status: string;
          legalHold: { reason: string } | null;
          erased: string | null;
          steps: { type: string }[];
        }[];
      }
    ).reviews;
  };

  beforeAll(async () => {
    process.env.RETENTION_SCHEDULES_JSON = JSON.stringify({ 'found-object-returned': { days: 0 }, 'found-object-disposed': { days: 0 } });
    process.env.RETENTION_INTERVAL_MS = '0';
    // Found objects may be destroyed at once (no holding period).
    process.env.EVIDENCE_CONFIG_JSON = JSON.stringify({
      holdingPeriods: Object.fromEntries(Object.keys(DEFAULT_HOLDING_PERIODS).map((c) => [c, 0])),
    });
    t = await startServiceApp({ service: 'evidence', module: EvidenceModule, register: (runtime) => EvidenceModule.register(runtime) });
    es = t.app.get<ServiceEventSourcing>(EVENT_SOURCING);
  });
  afterAll(async () => {
    await t?.close();
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  it('erases what is due and approved, never what is under legal hold: the stream verifies, the marker shows, a rebuild keeps it', async () => {
    const erasedId = await returnedObject({ description: DESCRIPTION, finder: FINDER, owner: OWNER, proof: PROOF, address: ADDRESS });
    const heldId = await returnedObject({
      description: 'Zwarte portefeuille, leeg',
      finder: 'party-finder-1200',
      owner: 'party-owner-1201',
      proof: 'Wist het merk en de kleur',
      address: 'Kouter 1',
    });
    // As a found object registered before its fields were sealed: no data key (its key row is removed here).
    const unsealedId = await returnedObject({
      description: 'Rode portefeuille',
      finder: 'party-finder-1300',
      owner: 'party-owner-1301',
      proof: 'Wist wat erin zat',
      address: 'Kouter 2',
    });
    await t.pool.query('DELETE FROM evidence.data_keys WHERE key_id = $1', [`found-object-${unsealedId}`]);
    // Another class: an object destroyed after its holding period (found-object-disposed).
    const destroyed = await t.request('marc.goossens', 'POST', '/api/evidence/found-objects', {
      category: 'clothing',
      description: 'Natte jas zonder inhoud',
      place: { municipality: 'Gent' },
      foundOn: new Date().toISOString().slice(0, 10),
    });
    const destroyedId = (destroyed.json as { id: string }).id;
    const destroy = await t.request('marc.goossens', 'POST', `/api/evidence/found-objects/${destroyedId}/destroy`, {
      reason: 'onbruikbaar',
      witnesses: ['5415-0101'],
    });
    expect(destroy.status).toBe(200);
    const stream = `evidence-found-object-${erasedId}`;

    // Sealed from the start: the log holds no personal data in clear, the store reads it back.
    expect(await wholeDatabase()).not.toContain(PROOF);
    const [registered] = (await es.store.readStream(stream)).events;
    expect(registered.data).toMatchObject({ description: DESCRIPTION, source: { finderRef: FINDER } });
    const chain = await es.store.verifyStream(stream);
    expect(chain.ok).toBe(true);

    // The run finds both due once the read model has them; a second run finds nothing new.
    const run = await eventually(async () => {
      const a = await t.request('ines.dubois', 'POST', '/api/evidence/retention/runs');
      expect(a.status).toBe(200);
      expect(a.json).toMatchObject({ markedDue: 4, failed: 0 });
      return a.json;
    });
    expect(run).toMatchObject({ candidates: 4 });
    const listed = await eventually(async () => {
      const r = (await reviews()).filter((x) => [erasedId, heldId].includes(x.recordId));
      expect(r).toHaveLength(2);
      return r;
    });
    expect(listed.every((r) => r.status === 'due' && r.legalHold === null)).toBe(true);
    await eventually(async () =>
      expect((await reviews()).find((x) => x.recordId === destroyedId)).toMatchObject({
        status: 'due',
        dataClass: 'found-object-disposed',
        label: 'found object: clothing',
      }),
    );

    // Extended with a reason until a later date: not due until then, so the next run leaves it alone.
    const until = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
    const extended = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${destroyedId}/extend`, {
      until,
      reason: 'Eigenaar meldde zich, betwist de vernietiging',
    });
    expect(extended.status).toBe(200);
    expect(extended.json).toMatchObject({ status: 'extended', dueAt: until });
    const early = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${destroyedId}/approve`, {
      decisionRef: 'DPO-2026-021',
    });
    expect(early.json).toMatchObject({ code: 'not_due' });
    await eventually(async () => {
      const again = await t.request('ines.dubois', 'POST', '/api/evidence/retention/runs');
      expect(again.json).toMatchObject({ candidates: 0, markedDue: 0 });
    });

    // A legal hold on the second: its approval is refused, whatever the schedule says.
    const hold = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${heldId}/legal-hold`, {
      reason: 'Burgerlijke vordering van de eigenaar',
    });
    expect(hold.status).toBe(200);
    expect(hold.json).toMatchObject({ recordId: heldId, status: 'due', legalHold: { reason: 'Burgerlijke vordering van de eigenaar' } });
    const refused = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${heldId}/approve`, {
      decisionRef: 'DPO-2026-018',
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: 'legal_hold' });

    // One whose key does not exist is not shown as erased: destroying a key would erase nothing of its log.
    const unsealed = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${unsealedId}/approve`, {
      decisionRef: 'DPO-2026-020',
    });
    expect(unsealed.status).toBe(409);
    expect(unsealed.json).toMatchObject({ code: 'erasure_blocked', detail: expect.stringContaining('no data key') });

    // Bad input is named.
    const bad = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${erasedId}/extend`, {
      until: 'volgend jaar',
      reason: 'x',
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(bad.json)).toContain('until');
    const missing = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${erasedId}/approve`, {});
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(missing.json)).toContain('decisionRef');

    // The approval of the first erases it: its data key is destroyed.
    const approved = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${erasedId}/approve`, {
      decisionRef: 'DPO-2026-017',
    });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({
      recordId: erasedId,
      status: 'erased',
      erased: expect.stringMatching(/^erased on \d{4}-\d{2}-\d{2} under retention found-object-returned, decision DPO-2026-017$/),
    });
    const marker = (approved.json as { erased: string }).erased;
    const { rows: steps } = await t.pool.query<{ type: string }>(
      `SELECT type FROM evidence.events WHERE stream_id = $1 ORDER BY stream_version`,
      [`retention-${erasedId}`],
    );
    expect(steps.map((s) => s.type)).toEqual(['RetentionReviewDue', 'RetentionErasureApproved', 'RetentionRecordErased']);

    // The found object shows the marker; nothing of it is readable anywhere in the database; the held one is intact.
    const read = await eventually(async () => {
      const a = await t.request('marc.goossens', 'GET', `/api/evidence/found-objects/${erasedId}`);
      expect((a.json as { foundObject: { erased?: string } }).foundObject.erased).toBe(marker);
      return a.json as { foundObject: { description: string; owner: { ownerRef: string } } };
    });
    expect(read.foundObject).toMatchObject({ status: 'returned_to_owner', description: marker, owner: { ownerRef: marker } });
    const after = await wholeDatabase();
    for (const secret of SECRETS) expect(after).not.toContain(secret);
    const held = (await es.store.readStream(`evidence-found-object-${heldId}`)).events;
    expect(held[0].data).toMatchObject({ description: 'Zwarte portefeuille, leeg', source: { finderRef: 'party-finder-1200' } });
    expect(held.some((e) => e.erased)).toBe(false);
    const list = await eventually(async () => {
      const all = await reviews('all');
      expect(all.find((r) => r.recordId === erasedId)).toMatchObject({ status: 'erased', erased: marker });
      return all;
    });
    expect(list.find((r) => r.recordId === heldId)).toMatchObject({
      status: 'due',
      legalHold: { reason: 'Burgerlijke vordering van de eigenaar' },
    });
    expect(list.find((r) => r.recordId === erasedId)!.steps.map((s) => s.type)).toEqual([
      'RetentionReviewDue',
      'RetentionErasureApproved',
      'RetentionRecordErased',
    ]);

    // The stream still verifies: the same chain as before the erasure.
    expect(await es.store.verifyStream(stream)).toMatchObject({ ok: true, events: chain.ok ? chain.events : -1 });
    const events = (await es.store.readStream(stream)).events;
    expect(events[0].data).toMatchObject({ description: marker, source: { finderRef: marker }, place: { address: marker } });
    expect(events.every((e) => e.erased?.text === marker)).toBe(true);

    // A rebuild of every projection re-reads the log: the marker stays, nothing re-appears.
    for (const projection of es.measured().projections) await es.projector.rebuild(projection);
    const rebuilt = await t.pool.query<{ description: string; state: { erased?: string; owner: { ownerRef: string } } }>(
      'SELECT description, state FROM evidence.found_objects WHERE id = $1',
      [erasedId],
    );
    expect(rebuilt.rows).toEqual([
      { description: marker, state: expect.objectContaining({ erased: marker, owner: expect.objectContaining({ ownerRef: marker }) }) },
    ]);
    const afterRebuild = await wholeDatabase();
    for (const secret of SECRETS) expect(afterRebuild).not.toContain(secret);

    // Once erased, nothing more happens to it; the held one is erased only after its hold is lifted.
    const twice = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${erasedId}/approve`, {
      decisionRef: 'DPO-2026-019',
    });
    expect(twice.status).toBe(409);
    expect(twice.json).toMatchObject({ code: 'already_erased' });
    const lifted = await t.request('ines.dubois', 'POST', `/api/evidence/retention/reviews/${heldId}/legal-hold/lift`, {
      reason: 'Vordering afgewezen',
    });
    expect(lifted.json).toMatchObject({ legalHold: null, status: 'due' });
  });
});
