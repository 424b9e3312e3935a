import { randomUUID } from 'node:crypto';
import { IncomingMessage } from '@police/messaging';
import { expectIdempotentCreate, ServiceTestApp, startServiceApp } from '@police/service-testing';
import { eventually } from '@police/testing';
import { EvidenceModule } from './evidence.module';

const PV = 'GE.55.L5.000777/2026';
const DIEFSTAL_CASE = randomUUID();
const ZEDEN_CASE = randomUUID();

interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

const register = (extra: Record<string, unknown> = {}) => ({
  pvNumber: PV,
  description: 'Laptop, grijs, serienummer afgeschermd',
  category: 'phone_or_data_carrier',
  quantity: { amount: 1, unit: 'piece' },
  sealNumber: 'S-100200',
  packaging: 'verzegelde bewijszak',
  condition: 'krassen op deksel',
  seizedBy: '5415-0201',
  seizedAt: '2026-11-20T09:30:00Z',
  seizedPlace: 'Voorbeeldstraat 12, 9000 Gent',
  legalBasis: 'art. 35 Sv.',
  ...extra,
});

// The evidence service over HTTP as the embedded product runs it: security (dev issuer, consultation
// log), the in-process bus, one PostgreSQL connection, a fresh database.
describe('evidence service over HTTP', () => {
  let t: ServiceTestApp;
  const published: IncomingMessage[] = [];

  async function call<T = any>(
    user: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const a = await t.request(user, method, `/api${path}`, body, headers);
    return { status: a.status, headers: a.headers, text: a.text, body: a.json };
  }

  const publishContract = (topic: string, type: string, key: string, payload: object) =>
    t.bus.publish([{ id: randomUUID(), topic, key, type, payload, correlationId: randomUUID(), causationId: randomUUID() }]);

  beforeAll(async () => {
    t = await startServiceApp({ service: 'evidence', module: EvidenceModule, register: (runtime) => EvidenceModule.register(runtime) });
    await t.bus.subscribe({ groupId: 'test-investigations', topics: ['evidence.public.v1'], handle: async (m) => void published.push(m) });
    await publishContract('investigations.public.v1', 'investigations.InvestigationOpened.v1', `investigation-${DIEFSTAL_CASE}`, {
      investigationId: DIEFSTAL_CASE,
      caseNumber: 'GE.20.L1.004512/26',
      kind: 'opsporingsonderzoek',
      phenomenon: 'woninginbraak',
      team: 'Diefstallen',
      origin: 'burger',
      openedAt: '2026-11-19T10:00:00Z',
    });
    await publishContract('investigations.public.v1', 'investigations.InvestigationAssigned.v1', `investigation-${DIEFSTAL_CASE}`, {
      investigationId: DIEFSTAL_CASE,
      team: 'Diefstallen',
      leadInvestigator: '5415-0210',
      assignedBy: '5415-0900',
      assignedAt: '2026-11-19T11:00:00Z',
    });
    await publishContract('investigations.public.v1', 'investigations.InvestigationOpened.v1', `investigation-${ZEDEN_CASE}`, {
      investigationId: ZEDEN_CASE,
      kind: 'gerechtelijk_onderzoek',
      phenomenon: 'zeden',
      team: 'Zeden',
      origin: 'parket',
      openedAt: '2026-11-19T10:00:00Z',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers an item once per Idempotency-Key, with a label, and publishes evidence.ItemRegistered.v1', async () => {
    const first = await call('pieter.janssens', 'POST', '/evidence/items', register({ investigationId: DIEFSTAL_CASE }), {
      'Idempotency-Key': 'seizure-2026-11-20-laptop',
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"0"');
    const again = await call('pieter.janssens', 'POST', '/evidence/items', register({ investigationId: DIEFSTAL_CASE }), {
      'Idempotency-Key': 'seizure-2026-11-20-laptop',
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.item.labelNumber).toBe(first.body.item.labelNumber);
    const id = first.body.id as string;
    expect(first.body.item).toMatchObject({
      status: 'held',
      itemId: id,
      labelNumber: expect.stringMatching(/^EV-\d{4}-\d{6}$/),
      investigationId: DIEFSTAL_CASE,
      pvNumber: PV,
      category: 'phone_or_data_carrier',
      sealNumber: 'S-100200',
      custodian: { kind: 'officer', id: '5415-0201' },
      whereabouts: { kind: 'with_custodian' },
      openOffer: null,
    });

    const label = await call('marc.goossens', 'GET', `/evidence/items/${id}/label`);
    expect(label.status).toBe(200);
    expect(label.headers.get('content-type')).toContain('image/svg+xml');
    expect(label.text).toContain(first.body.item.labelNumber);
    expect(label.text).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"[^>]*><path/);

    const message = await eventually(() => {
      const m = published.find((p) => p.type === 'evidence.ItemRegistered.v1' && (p.payload as { itemId: string }).itemId === id);
      if (!m) throw new Error('not published yet');
      return m;
    });
    expect(message.payload).toEqual({
      itemId: id,
      labelNumber: first.body.item.labelNumber,
      investigationId: DIEFSTAL_CASE,
      pvNumber: PV,
      category: 'data_carrier',
      description: 'Laptop, grijs, serienummer afgeschermd',
      seizedAt: '2026-11-20T09:30:00.000Z',
      registeredAt: expect.any(String),
      custodian: '5415-0201',
    });
  });

  it('refuses bad input with the field at fault, unknown cases, and registration without a case reference', async () => {
    const bad = await call(
      'pieter.janssens',
      'POST',
      '/evidence/items',
      register({ quantity: { amount: -1, unit: 'piece' }, category: 'spaceship', extra: 1 }),
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['category', 'extra', 'quantity.amount']);
    const unknown = await call('pieter.janssens', 'POST', '/evidence/items', register({ investigationId: randomUUID() }));
    expect(unknown).toMatchObject({ status: 422, body: { code: 'unknown_investigation', errors: [{ field: 'investigationId' }] } });
    const noCase = await call('pieter.janssens', 'POST', '/evidence/items', register({ pvNumber: undefined }));
    expect(noCase).toMatchObject({ status: 422, body: { code: 'case_reference_required' } });
    const frontDesk = await call('an.peeters', 'POST', '/evidence/items', register());
    expect(frontDesk.status).toBe(403);
  });

  it('passes custody only when the named recipient accepts, once, with the seal they found', async () => {
    const { body: item } = await call(
      'pieter.janssens',
      'POST',
      '/evidence/items',
      register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-2' }),
    );
    const id = item.id as string;
    const offer = (ifMatch?: string) =>
      call(
        'pieter.janssens',
        'POST',
        `/evidence/items/${id}/handovers`,
        { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
        ifMatch ? { 'If-Match': ifMatch } : {},
      );
    expect((await offer()).status).toBe(428);
    const offered = await offer('"0"');
    expect(offered.status).toBe(201);
    const handoverId = offered.body.handoverId as string;
    expect(offered.body.item.openOffer).toMatchObject({
      handoverId,
      to: { kind: 'storage_room', id: 'bewaarplaats-apg' },
      purpose: 'storage',
    });
    expect(offered.body.item.custodian).toEqual({ kind: 'officer', id: '5415-0201' });

    const accept = (user: string) =>
      call(user, 'POST', `/evidence/items/${id}/handovers/${handoverId}/accept`, {
        sealNumberFound: 'S-2-X',
        sealIntact: false,
        condition: 'zak gescheurd',
        place: 'APG balie',
      });
    const notRecipient = await accept('els.jacobs');
    expect(notRecipient).toMatchObject({ status: 403, body: { code: 'not_the_recipient' } });
    const accepted = await accept('marc.goossens');
    expect(accepted.status).toBe(200);
    expect(accepted.body.item.custodian).toEqual({ kind: 'storage_room', id: 'bewaarplaats-apg' });
    expect(accepted.body.item.sealNumber).toBe('S-2-X');
    expect(accepted.body.item.sealMismatches).toEqual([handoverId]);
    expect((await accept('marc.goossens')).body).toMatchObject({ status: 409, code: 'handover_already_accepted' });

    const custody = await call('marc.goossens', 'GET', `/evidence/items/${id}/custody`);
    expect(custody.body.entries.map((e: { type: string; actor: string }) => [e.type, e.actor])).toEqual([
      ['ItemRegistered', '5415-0201'],
      ['CustodyOffered', '5415-0201'],
      ['CustodyTransferred', '5415-0301'],
    ]);
    expect(custody.body.entries[2]).toMatchObject({ place: 'APG balie', purpose: 'storage', summary: expect.stringContaining('MISMATCH') });
    // Both sides of the handover, as the desk's timeline and the court's certificate show them.
    expect(custody.body.entries[2].parties).toEqual({
      from: { kind: 'officer', id: '5415-0201' },
      to: { kind: 'storage_room', id: 'bewaarplaats-apg' },
    });
    expect(custody.body.entries[2].handover).toEqual({
      handoverId,
      purpose: 'storage',
      method: 'hand_delivery',
      offeredBy: '5415-0201',
      offeredAt: expect.any(String),
      acceptedBy: '5415-0301',
      transferredAt: expect.any(String),
      sealNumberExpected: 'S-2',
      sealNumberFound: 'S-2-X',
      sealIntact: false,
      sealMismatch: true,
      conditionFound: 'zak gescheurd',
    });
    expect(custody.body.entries[0].registration).toMatchObject({
      sealNumber: 'S-2',
      seizedPlace: 'Voorbeeldstraat 12, 9000 Gent',
      legalBasis: 'art. 35 Sv.',
      quantity: { amount: 1, unit: 'piece' },
      attachments: [],
    });
    expect(custody.body.entries[2].prevHash).toBe(custody.body.entries[1].hash);
    const verify = await call('marc.goossens', 'GET', `/evidence/items/${id}/custody/verify`);
    expect(verify.body).toEqual({ itemId: id, ok: true, events: 3, headHash: custody.body.entries[2].hash });

    const certificate = await fetch(`${t.url}/api/evidence/items/${id}/certificate`, {
      headers: { authorization: `Bearer ${t.token('marc.goossens')}` },
    });
    expect(certificate.status).toBe(200);
    expect(certificate.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await certificate.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const transferred = await eventually(() => {
      const m = published.find((p) => p.type === 'evidence.CustodyTransferred.v1' && (p.payload as { itemId: string }).itemId === id);
      if (!m) throw new Error('not published yet');
      return m;
    });
    expect(transferred.payload).toEqual({
      itemId: id,
      fromCustodian: '5415-0201',
      toCustodian: 'bewaarplaats-apg',
      purpose: 'storage',
      location: 'APG balie',
      transferredAt: expect.any(String),
      chainHash: custody.body.entries[2].hash,
    });
  });

  it('lists the open handovers waiting for a reader (incoming) and those they offered (outgoing), with the seal on record', async () => {
    const { body: item } = await call(
      'pieter.janssens',
      'POST',
      '/evidence/items',
      register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-INBOX' }),
    );
    const offered = await call(
      'pieter.janssens',
      'POST',
      `/evidence/items/${item.id}/handovers`,
      { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
      { 'If-Match': '"0"' },
    );
    expect(offered.status).toBe(201);
    const ids = (a: Answer) => a.body.items.map((i: { id: string }) => i.id);
    // The evidence desk acts for the storage room: the offer waits for its acceptance (once projected: the list
    // is a read model, which trails the log).
    const incoming = await eventually(async () => {
      const answer = await call('marc.goossens', 'GET', '/evidence/items?handover=incoming');
      expect(answer.status).toBe(200);
      expect(ids(answer)).toContain(item.id);
      return answer;
    });
    expect(incoming.body.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({
      labelNumber: item.item.labelNumber,
      sealNumber: 'S-INBOX',
      custodian: { kind: 'officer', id: '5415-0201' },
      openOffer: {
        handoverId: offered.body.handoverId,
        to: { kind: 'storage_room', id: 'bewaarplaats-apg' },
        purpose: 'storage',
        method: 'hand_delivery',
        offeredBy: '5415-0201',
      },
    });
    expect(ids(await call('marc.goossens', 'GET', '/evidence/items?handover=outgoing'))).not.toContain(item.id);
    expect(ids(await call('pieter.janssens', 'GET', '/evidence/items?handover=outgoing'))).toContain(item.id);
    expect(ids(await call('pieter.janssens', 'GET', '/evidence/items?handover=incoming'))).not.toContain(item.id);
    // The case lead sees the item, but nothing waits for him.
    expect(ids(await call('els.jacobs', 'GET', '/evidence/items?handover=incoming'))).not.toContain(item.id);

    // By label number and by the kind of custodian (what is out at a lab).
    expect(ids(await call('marc.goossens', 'GET', `/evidence/items?labelNumber=${encodeURIComponent(item.item.labelNumber)}`))).toEqual([
      item.id,
    ]);
    expect(ids(await call('marc.goossens', 'GET', '/evidence/items?custodianKind=lab'))).not.toContain(item.id);
    expect(ids(await call('marc.goossens', 'GET', '/evidence/items?custodianKind=officer'))).toContain(item.id);
    const bad = await call('marc.goossens', 'GET', '/evidence/items?handover=sideways&custodianKind=alien');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['custodianKind', 'handover']);

    // Accepted: it waits no more.
    await call('marc.goossens', 'POST', `/evidence/items/${item.id}/handovers/${offered.body.handoverId}/accept`, {
      sealNumberFound: 'S-INBOX',
      sealIntact: true,
      condition: 'intact',
      place: 'APG balie',
    });
    await eventually(async () =>
      expect(ids(await call('marc.goossens', 'GET', '/evidence/items?handover=incoming'))).not.toContain(item.id),
    );
  });

  it("gives the console the zone's storage rooms, laboratories, witness rules and holding periods", async () => {
    const reference = await call('an.peeters', 'GET', '/evidence/reference');
    expect(reference.status).toBe(200);
    expect(reference.body).toEqual({
      storageRooms: [{ id: 'bewaarplaats-apg', name: 'Bewaarplaats overtuigingsstukken APG' }],
      laboratories: [{ id: 'fpl-ltwp', name: 'Forensic Police Lab (LTWP)' }],
      witnessRules: [
        { disposition: 'destruction', category: 'drugs', witnesses: 1 },
        { disposition: 'destruction', category: 'weapon', witnesses: 1 },
        { disposition: 'destruction', category: 'cash', witnesses: 1 },
      ],
      holdingPeriods: expect.arrayContaining([
        { category: 'identity_document', days: 183 },
        { category: 'other', days: 183 },
      ]),
    });
    expect(reference.body.holdingPeriods).toHaveLength(12);
  });

  it('lets exactly one of several concurrent offers of one item win; the others get 412', async () => {
    const { body: item } = await call(
      'pieter.janssens',
      'POST',
      '/evidence/items',
      register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-3' }),
    );
    const answers = await Promise.all(
      ['5415-9001', '5415-9002', '5415-9003', '5415-9004', '5415-9005'].map((to) =>
        call(
          'pieter.janssens',
          'POST',
          `/evidence/items/${item.id}/handovers`,
          { to: { kind: 'officer', id: to }, purpose: 'investigation', method: 'hand_delivery', sealIntact: true },
          { 'If-Match': '"0"' },
        ),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 412, 412, 412, 412]);
    for (const a of answers.filter((x) => x.status === 412))
      expect(a.body).toMatchObject({ title: 'Precondition failed', currentVersion: 1 });
    const now = await call('pieter.janssens', 'GET', `/evidence/items/${item.id}`);
    expect(now.headers.get('etag')).toBe('"1"');
    expect(now.body.item.openOffer.handoverId).toBe(answers.find((a) => a.status === 201)!.body.handoverId);
  });

  it('refuses items for a closed investigation, and takes them again once it is reopened', async () => {
    const kase = randomUUID();
    await publishContract('investigations.public.v1', 'investigations.InvestigationOpened.v1', `investigation-${kase}`, {
      investigationId: kase,
      kind: 'opsporingsonderzoek',
      phenomenon: 'woninginbraak',
      team: 'Diefstallen',
      origin: 'burger',
      openedAt: '2026-11-19T10:00:00Z',
    });
    await publishContract('investigations.public.v1', 'investigations.InvestigationClosed.v1', `investigation-${kase}`, {
      investigationId: kase,
      outcome: 'no_further_action',
      closedBy: '5415-0210',
      closedAt: '2026-11-20T10:00:00Z',
    });
    const closed = await eventually(async () => {
      const r = await call('pieter.janssens', 'POST', '/evidence/items', register({ investigationId: kase, pvNumber: undefined }));
      expect(r.status).toBe(409);
      return r;
    });
    expect(closed.body).toMatchObject({ status: 409, code: 'investigation_closed' });
    await publishContract('investigations.public.v1', 'investigations.InvestigationReopened.v1', `investigation-${kase}`, {
      investigationId: kase,
      reason: 'Nieuw spoor',
      reopenedBy: '5415-0210',
      reopenedAt: '2026-11-21T10:00:00Z',
    });
    const reopened = await eventually(async () => {
      const r = await call('pieter.janssens', 'POST', '/evidence/items', register({ investigationId: kase, pvNumber: undefined }));
      expect(r.status).toBe(201);
      return r;
    });
    expect(reopened.body.item).toMatchObject({ investigationId: kase, status: 'held' });
  });

  it('stores, checks out and returns an item; disposes only on a recorded decision, and nothing after', async () => {
    const { body: item } = await call(
      'pieter.janssens',
      'POST',
      '/evidence/items',
      register({ pvNumber: 'GE.55.L5.000999/2026', category: 'drugs', sealNumber: 'S-4' }),
    );
    const id = item.id as string;
    expect(
      (
        await call('pieter.janssens', 'POST', `/evidence/items/${id}/check-in`, {
          location: { room: 'Bewaarplaats APG 0.14', locker: 'K5' },
        })
      ).status,
    ).toBe(200);
    const out = await call('marc.goossens', 'POST', `/evidence/items/${id}/check-out`, {
      purpose: 'court',
      takenBy: '5415-0201',
      expectedReturnAt: '2099-01-01T10:00:00Z',
    });
    expect(out.body.item.whereabouts).toMatchObject({ kind: 'checked_out', purpose: 'court', takenBy: '5415-0201' });
    // The list says who has it and why, so the desk knows whom to ask for it back.
    const listed = await eventually(async () => {
      const l = await call('marc.goossens', 'GET', `/evidence/items?labelNumber=${encodeURIComponent(out.body.item.labelNumber)}`);
      expect(l.body.items[0]).toMatchObject({ whereabouts: 'checked_out', takenBy: '5415-0201', checkOutPurpose: 'court' });
      return l.body.items[0];
    });
    expect(listed.expectedReturnAt).toBe('2099-01-01T10:00:00.000Z');
    expect(
      (await call('marc.goossens', 'POST', `/evidence/items/${id}/return`, { location: { room: 'Bewaarplaats APG 0.14', locker: 'K5' } }))
        .body.item.whereabouts,
    ).toMatchObject({ kind: 'in_storage' });

    const premature = await call('marc.goossens', 'POST', `/evidence/items/${id}/disposal`, {
      decisionRef: 'PK-GENT-2026-1',
      witnesses: ['5415-0210'],
      receiptRef: 'R-1',
    });
    expect(premature.body).toMatchObject({ status: 409, code: 'no_disposal_decision' });
    expect(
      (
        await call('marc.goossens', 'POST', `/evidence/items/${id}/disposal-decision`, {
          decisionRef: 'PK-GENT-2026-1',
          authority: 'procureur_des_konings',
          decisionDate: '2026-11-21',
          disposition: 'destruction',
        })
      ).status,
    ).toBe(200);
    const noWitness = await call('marc.goossens', 'POST', `/evidence/items/${id}/disposal`, {
      decisionRef: 'PK-GENT-2026-1',
      witnesses: [],
      receiptRef: 'R-1',
    });
    expect(noWitness.body).toMatchObject({ status: 422, code: 'witnesses_required' });
    const disposed = await call('marc.goossens', 'POST', `/evidence/items/${id}/disposal`, {
      decisionRef: 'PK-GENT-2026-1',
      witnesses: ['5415-0210'],
      receiptRef: 'R-1',
    });
    expect(disposed.status).toBe(200);
    expect(disposed.body.item).toMatchObject({
      status: 'disposed',
      disposal: { disposition: 'destruction', decisionRef: 'PK-GENT-2026-1', executedBy: '5415-0301' },
    });
    const after = await call('marc.goossens', 'POST', `/evidence/items/${id}/check-out`, {
      purpose: 'court',
      takenBy: '5415-0201',
      expectedReturnAt: '2099-01-01T10:00:00Z',
    });
    expect(after.body).toMatchObject({ status: 409, code: 'item_disposed' });
    const list = await call('marc.goossens', 'GET', '/evidence/items?caseId=GE.55.L5.000999/2026&status=disposed');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('shows an item as it stood at a point in time', async () => {
    const { body: item } = await call(
      'pieter.janssens',
      'POST',
      '/evidence/items',
      register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-5' }),
    );
    const before = await call('pieter.janssens', 'GET', `/evidence/items/${item.id}`);
    const registeredAt = new Date(before.body.item.custodyChain[0].since);
    await eventually(() => expect(Date.now()).toBeGreaterThan(registeredAt.getTime() + 1100), { timeoutMs: 5000 });
    const asOf = new Date(registeredAt.getTime() + 1000).toISOString();
    await call('pieter.janssens', 'POST', `/evidence/items/${item.id}/check-in`, { location: { room: 'Kluis LRD' } });
    const then = await call('pieter.janssens', 'GET', `/evidence/items/${item.id}?asOf=${encodeURIComponent(asOf)}`);
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ asOf, version: 0, item: { whereabouts: { kind: 'with_custodian' } } });
    const now = await call('pieter.janssens', 'GET', `/evidence/items/${item.id}`);
    expect(now.body.item.whereabouts).toMatchObject({ kind: 'in_storage', location: { room: 'Kluis LRD' } });
    const bad = await call('pieter.janssens', 'GET', `/evidence/items/${item.id}?asOf=yesterday`);
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ field: 'asOf' }] } });
  });

  it('keeps need-to-know: other teams need a justification (logged as break-glass), restricted cases stay closed', async () => {
    const { body: item } = await call(
      'pieter.janssens',
      'POST',
      '/evidence/items',
      register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-6' }),
    );
    const teamLead = await call('els.jacobs', 'GET', `/evidence/items/${item.id}`);
    expect(teamLead.status).toBe(200);
    const otherTeam = await call('sofie.maes', 'GET', `/evidence/items/${item.id}`);
    expect(otherTeam).toMatchObject({
      status: 403,
      body: { type: 'https://police-case-platform.example/problems/justification-required' },
    });
    const justified = await call('sofie.maes', 'GET', `/evidence/items/${item.id}`, undefined, {
      'X-Justification': 'zelfde modus operandi als drugsdossier 2026/118',
    });
    expect(justified.status).toBe(200);
    expect(justified.headers.get('x-access-basis')).toBe('break_glass');
    const audit = await eventually(async () => {
      const a = await call('ines.dubois', 'GET', `/audit/consultations?subject=${item.id}&actor=5415-0202`);
      expect(a.body.items.some((r: { breakGlass: boolean }) => r.breakGlass)).toBe(true);
      return a;
    });
    expect(audit.body.items.find((r: { breakGlass: boolean }) => r.breakGlass)).toMatchObject({
      actor: { staffId: '5415-0202' },
      subject: { type: 'evidence_item', ids: [item.id] },
      justification: { text: 'zelfde modus operandi als drugsdossier 2026/118' },
      endpoint: { method: 'GET', route: '/api/evidence/items/:id' },
    });
    const listed = await call('sofie.maes', 'GET', `/evidence/items?caseId=${DIEFSTAL_CASE}`);
    expect(listed.body.items).toEqual([]);

    const zeden = await call(
      'lotte.willems',
      'POST',
      '/evidence/items',
      register({ investigationId: ZEDEN_CASE, seizedBy: '5415-0203', sealNumber: 'S-7' }),
    );
    expect(zeden.status).toBe(201);
    const outsider = await call('pieter.janssens', 'GET', `/evidence/items/${zeden.body.id}`, undefined, {
      'X-Justification': 'controle op een mogelijk verband met mijn dossier',
    });
    expect(outsider.status).toBe(404);
    expect((await call('lotte.willems', 'GET', `/evidence/items/${zeden.body.id}`)).status).toBe(200);
    // The label number typed at the desk finds the item for those who may see it, and nothing for others.
    const byLabel = (user: string, label: string) => call(user, 'GET', `/evidence/items?labelNumber=${encodeURIComponent(label)}`);
    await eventually(async () =>
      expect((await byLabel('lotte.willems', zeden.body.item.labelNumber)).body.items.map((i: { id: string }) => i.id)).toEqual([
        zeden.body.id,
      ]),
    );
    expect((await byLabel('lotte.willems', ` ${zeden.body.item.labelNumber.toLowerCase()} `)).body.items).toHaveLength(1);
    expect((await byLabel('pieter.janssens', zeden.body.item.labelNumber)).body.items).toEqual([]);
  });

  it('answers an item of a restricted case exactly as a missing one, for reads and writes, to everyone outside its team', async () => {
    const zeden = await call(
      'lotte.willems',
      'POST',
      '/evidence/items',
      register({ investigationId: ZEDEN_CASE, pvNumber: undefined, seizedBy: '5415-0203', sealNumber: 'S-13' }),
    );
    expect(zeden.status).toBe(201);
    const missing = randomUUID();
    const withoutInstance = (a: Answer) => ({
      status: a.status,
      contentType: a.headers.get('content-type'),
      body: { ...a.body, instance: undefined },
    });
    const probes: [string, string, string, unknown?][] = [
      ['pieter.janssens', 'GET', ''],
      ['sofie.maes', 'GET', '/custody'],
      ['marc.goossens', 'GET', '/label'],
      ['nathalie.wouters', 'GET', '/certificate'],
      ['sofie.maes', 'POST', '/reseal', { sealNumber: 'S-X', reason: 'geprobeerd door een buitenstaander' }],
      ['marc.goossens', 'POST', '/check-in', { location: { room: 'Bewaarplaats APG 0.14' } }],
    ];
    for (const [user, method, suffix, body] of probes) {
      const hidden = await call(user, method, `/evidence/items/${zeden.body.id}${suffix}`, body, {
        'X-Justification': 'controle op een mogelijk verband met mijn dossier',
      });
      const absent = await call(user, method, `/evidence/items/${missing}${suffix}`, body, {
        'X-Justification': 'controle op een mogelijk verband met mijn dossier',
      });
      expect({ user, method, suffix, ...withoutInstance(hidden) }).toEqual({ user, method, suffix, ...withoutInstance(absent) });
      expect(hidden.body).toMatchObject({
        status: 404,
        type: 'https://police-case-platform.example/problems/not-found',
        instance: `/api/evidence/items/${zeden.body.id}${suffix}`,
      });
    }
    // Nothing was changed by the refused writes: the team sees the item as it registered it.
    const own = await call('lotte.willems', 'GET', `/evidence/items/${zeden.body.id}`);
    expect(own).toMatchObject({ status: 200, body: { version: 0, item: { sealNumber: 'S-13', whereabouts: { kind: 'with_custodian' } } } });
  });

  it('answers a registration for a restricted case exactly as one for an unknown case, whoever it names as seizing officer, and appends nothing to it', async () => {
    const before = await call('lotte.willems', 'GET', `/evidence/items?caseId=${ZEDEN_CASE}`);
    const attempt = (user: string, investigationId: string, seizedBy: string) =>
      call(
        user,
        'POST',
        '/evidence/items',
        register({ investigationId, pvNumber: undefined, seizedBy, description: 'Telefoon van de verdachte', sealNumber: 'S-14' }),
      );
    const unknown = await attempt('sofie.maes', randomUUID(), '5415-0202');
    expect(unknown).toMatchObject({ status: 422, body: { code: 'unknown_investigation', errors: [{ field: 'investigationId' }] } });
    const attempts = [
      await attempt('sofie.maes', ZEDEN_CASE, '5415-0202'),
      await attempt('sofie.maes', ZEDEN_CASE, '5415-0203'),
      await attempt('pieter.janssens', ZEDEN_CASE, '5415-0201'),
      // Restriction beats function: the evidence desk and the lab do not add to it by role either.
      await attempt('marc.goossens', ZEDEN_CASE, '5415-0301'),
      await attempt('nathalie.wouters', ZEDEN_CASE, '5415-0501'),
    ];
    for (const a of attempts) {
      expect(a.status).toBe(unknown.status);
      expect(a.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
      expect(a.text).toBe(unknown.text);
    }
    // Naming oneself as seizing officer opens no other team's case either (an unrestricted one: 403).
    const otherTeam = await call(
      'sofie.maes',
      'POST',
      '/evidence/items',
      register({ investigationId: DIEFSTAL_CASE, seizedBy: '5415-0202', sealNumber: 'S-15' }),
    );
    expect(otherTeam).toMatchObject({ status: 403, body: { type: 'https://police-case-platform.example/problems/forbidden' } });

    const after = await call('lotte.willems', 'GET', `/evidence/items?caseId=${ZEDEN_CASE}`);
    expect(after.status).toBe(200);
    expect(after.body.items).toEqual(before.body.items);
    const { rows } = await t.pool.query(
      `SELECT 1 FROM evidence.events WHERE type = 'ItemRegistered' AND data->>'investigationId' = $1 AND data->>'description' = 'Telefoon van de verdachte'`,
      [ZEDEN_CASE],
    );
    expect(rows).toEqual([]);
  });

  it('answers a reused Idempotency-Key with another request 422, and twenty identical requests at once with one item', async () => {
    const send = (key: string, body: unknown) =>
      t.request('pieter.janssens', 'POST', '/api/evidence/items', body, { 'Idempotency-Key': key });
    const made = await expectIdempotentCreate(send, {
      body: register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-16' }),
      otherBody: register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-16', description: 'Een ander toestel' }),
    });
    const { rows } = await t.pool.query<{ item: string; n: number; descriptions: string[] }>(
      `SELECT data->>'itemId' AS item, count(*)::int AS n, array_agg(data->>'description') AS descriptions FROM evidence.events WHERE type = 'ItemRegistered' AND data->>'itemId' = ANY($1) GROUP BY 1 ORDER BY 1`,
      [[made.first, made.racing]],
    );
    expect(rows.sort((a, b) => a.item.localeCompare(b.item))).toEqual(
      [made.first, made.racing].sort().map((item) => ({ item, n: 1, descriptions: ['Laptop, grijs, serienummer afgeschermd'] })),
    );

    // A key names one request: the same key on another item's route is refused, and changes nothing there.
    const offer = { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true };
    const a = await call('pieter.janssens', 'POST', '/evidence/items', register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-17' }));
    const b = await call('pieter.janssens', 'POST', '/evidence/items', register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-18' }));
    const key = `offer-${randomUUID()}`;
    expect(
      (
        await call('pieter.janssens', 'POST', `/evidence/items/${a.body.id}/handovers`, offer, {
          'If-Match': '"0"',
          'Idempotency-Key': key,
        })
      ).status,
    ).toBe(201);
    const replayed = await call('pieter.janssens', 'POST', `/evidence/items/${a.body.id}/handovers`, offer, {
      'If-Match': '"0"',
      'Idempotency-Key': key,
    });
    expect(replayed).toMatchObject({ status: 201, body: { id: a.body.id, version: 1 } });
    const elsewhere = await call('pieter.janssens', 'POST', `/evidence/items/${b.body.id}/handovers`, offer, {
      'If-Match': '"0"',
      'Idempotency-Key': key,
    });
    expect(elsewhere).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused', errors: [{ field: 'Idempotency-Key' }] } });
    expect((await call('pieter.janssens', 'GET', `/evidence/items/${b.body.id}`)).body).toMatchObject({
      version: 0,
      item: { openOffer: null },
    });
  });

  it('submits an item to the lab and records the result, published for the investigation', async () => {
    const { body: item } = await call(
      'pieter.janssens',
      'POST',
      '/evidence/items',
      register({ investigationId: DIEFSTAL_CASE, category: 'trace', sealNumber: 'S-8' }),
    );
    const submitted = await call('pieter.janssens', 'POST', `/evidence/items/${item.id}/lab-submissions`, {
      laboratory: { kind: 'lab', id: 'fpl-ltwp', name: 'FPL/LTWP' },
      analysis: 'dna',
      request: 'DNA-profiel op wattenstaafje',
      method: 'courier',
      sealIntact: true,
    });
    expect(submitted.status).toBe(201);
    const submissionId = submitted.body.submissionId as string;
    const early = await call('nathalie.wouters', 'POST', `/evidence/items/${item.id}/lab-submissions/${submissionId}/result`, {
      labReference: 'LTWP-26-1',
      conclusion: 'hit',
      summary: 'profiel',
      reportSha256: 'a'.repeat(64),
    });
    expect(early.body).toMatchObject({ status: 409, code: 'lab_has_not_received_item' });
    const labAccepts = await call('nathalie.wouters', 'POST', `/evidence/items/${item.id}/handovers/${submissionId}/accept`, {
      sealNumberFound: 'S-8',
      sealIntact: true,
      condition: 'intact',
      place: 'FPL Brussel',
    });
    expect(labAccepts.body.item.custodian).toEqual({ kind: 'lab', id: 'fpl-ltwp', name: 'FPL/LTWP' });
    const result = await call('nathalie.wouters', 'POST', `/evidence/items/${item.id}/lab-submissions/${submissionId}/result`, {
      labReference: 'LTWP-26-1',
      conclusion: 'hit',
      summary: 'DNA-profiel, hit in databank',
      reportSha256: 'a'.repeat(64),
    });
    expect(result.status).toBe(200);
    const message = await eventually(() => {
      const m = published.find((p) => p.type === 'evidence.LabResultReceived.v1' && (p.payload as { itemId: string }).itemId === item.id);
      if (!m) throw new Error('not published yet');
      return m;
    });
    expect(message.payload).toEqual({
      itemId: item.id,
      investigationId: DIEFSTAL_CASE,
      laboratory: 'FPL/LTWP',
      labReference: 'LTWP-26-1',
      analysis: 'dna',
      conclusion: 'hit',
      receivedAt: expect.any(String),
    });
  });

  it('registers found objects from declarations at the desk, and holds them for the configured period', async () => {
    const reportId = randomUUID();
    await publishContract('reports.public.v1', 'reports.FoundObjectDeclared.v1', `report-${reportId}`, {
      reportId,
      category: 'wallet',
      description: 'Bruine portefeuille',
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt' },
      foundOn: '2026-11-20',
      declarantRef: 'party-1',
      declaredAt: '2026-11-20T15:00:00Z',
    });
    const declared = await eventually(async () => {
      const list = await call('marc.goossens', 'GET', '/evidence/found-objects?category=wallet');
      expect(list.body.foundObjects).toHaveLength(1);
      return list.body.foundObjects[0];
    });
    expect(declared).toMatchObject({ category: 'wallet', status: 'held', foundOn: '2026-11-20' });
    const early = await call('marc.goossens', 'POST', `/evidence/found-objects/${declared.id}/hand-over`, {
      organisation: { id: 'natuurpunt', name: 'Natuurpunt' },
      receiptRef: 'NP-1',
    });
    expect(early.body).toMatchObject({ status: 409, code: 'holding_period_not_over' });
    const desk = await call('an.peeters', 'POST', '/evidence/found-objects', {
      category: 'keys',
      description: 'Sleutelbos met 3 sleutels',
      place: { municipality: 'Gent' },
      foundOn: '2026-11-21',
    });
    expect(desk.status).toBe(201);
    expect(desk.body.foundObject).toMatchObject({ status: 'held', category: 'keys' });
    const returned = await call('an.peeters', 'POST', `/evidence/found-objects/${desk.body.id}/return`, {
      ownerRef: 'party-9',
      identityCheck: { documentType: 'eid', holderIsOwner: true },
      ownershipProof: 'past op de voordeur',
    });
    expect(returned.body).toMatchObject({ foundObject: { status: 'returned_to_owner' } });
  });

  it('pages the items list by cursor: every visible item once, newest first; a cursor with an offset is refused', async () => {
    const mine = new Set<string>();
    for (const seal of ['S-p1', 'S-p2', 'S-p3'])
      mine.add(
        (await call('pieter.janssens', 'POST', '/evidence/items', register({ investigationId: DIEFSTAL_CASE, sealNumber: seal }))).body.id,
      );
    const all = await eventually(async () => {
      const whole = await call('pieter.janssens', 'GET', '/evidence/items?limit=200');
      const listed = whole.body.items.map((i: { id: string }) => i.id) as string[];
      for (const id of mine) expect(listed).toContain(id);
      return listed;
    });
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const answer: Answer = await call('pieter.janssens', 'GET', `/evidence/items?limit=2${after ? `&after=${after}` : ''}`);
      expect(answer.status).toBe(200);
      walked.push(...answer.body.items.map((i: { id: string }) => i.id));
      after = answer.body.next;
    } while (after);
    expect(walked).toEqual(all);
    const refused = await call('pieter.janssens', 'GET', '/evidence/items?limit=2&offset=2&after=x');
    expect(refused).toMatchObject({ status: 422, body: { code: 'invalid_cursor', errors: [{ field: 'after' }] } });
  });

  it('counts a storage location and raises a discrepancy for every expected item not found', async () => {
    const ids: string[] = [];
    for (const seal of ['S-9a', 'S-9b']) {
      const { body } = await call('marc.goossens', 'POST', '/evidence/items', register({ sealNumber: seal, seizedBy: '5415-0301' }));
      await call('marc.goossens', 'POST', `/evidence/items/${body.id}/check-in`, { location: { room: 'Inventariskamer', shelf: 'A' } });
      ids.push(body.id);
    }
    await eventually(async () =>
      expect((await call('marc.goossens', 'GET', '/evidence/items?location=Inventariskamer')).body.items).toHaveLength(2),
    );
    const counted = await call('marc.goossens', 'POST', '/evidence/inventories', { room: 'Inventariskamer', foundItemIds: [ids[0]] });
    expect(counted.status).toBe(201);
    expect(counted.body.inventory.openDiscrepancies).toEqual({ [ids[1]]: 'missing' });
  });

  it('lets the evidence desk store a restricted (Zeden) item it receives, and the officer who took an item out return it', async () => {
    const zeden = await call(
      'lotte.willems',
      'POST',
      '/evidence/items',
      register({ investigationId: ZEDEN_CASE, seizedBy: '5415-0203', sealNumber: 'S-10' }),
    );
    const offered = await call(
      'lotte.willems',
      'POST',
      `/evidence/items/${zeden.body.id}/handovers`,
      { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
      { 'If-Match': '"0"' },
    );
    const accepted = await call('marc.goossens', 'POST', `/evidence/items/${zeden.body.id}/handovers/${offered.body.handoverId}/accept`, {
      sealNumberFound: 'S-10',
      sealIntact: true,
      condition: 'intact',
      place: 'APG',
    });
    expect(accepted.status).toBe(200);
    const stored = await call('marc.goossens', 'POST', `/evidence/items/${zeden.body.id}/check-in`, { location: { room: 'Kluis zeden' } });
    expect(stored.body.item.whereabouts).toMatchObject({ kind: 'in_storage', location: { room: 'Kluis zeden' } });
    const read = await call('marc.goossens', 'GET', `/evidence/items/${zeden.body.id}`);
    expect(read.headers.get('x-access-basis')).toBe('assignment');

    const { body: item } = await call(
      'pieter.janssens',
      'POST',
      '/evidence/items',
      register({ investigationId: DIEFSTAL_CASE, sealNumber: 'S-11' }),
    );
    await call('pieter.janssens', 'POST', `/evidence/items/${item.id}/check-in`, { location: { room: 'Bewaarplaats APG 0.14' } });
    await call('marc.goossens', 'POST', `/evidence/items/${item.id}/check-out`, {
      purpose: 'examination',
      takenBy: '5415-0202',
      expectedReturnAt: '2099-01-01T10:00:00Z',
    });
    const back = await call('sofie.maes', 'POST', `/evidence/items/${item.id}/return`, { location: { room: 'Bewaarplaats APG 0.14' } });
    expect(back.status).toBe(200);
    expect(back.body.item.whereabouts).toMatchObject({ kind: 'in_storage' });
  });
});
