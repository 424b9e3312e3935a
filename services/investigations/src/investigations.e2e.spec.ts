import { randomUUID } from 'node:crypto';
import { IncomingMessage } from '@police/messaging';
import { expectIdempotentCreate, ServiceTestApp, startServiceApp } from '@police/service-testing';
import { eventually } from '@police/testing';
import { referredInvestigationId } from './integration/investigations.consumer';
import { InvestigationsModule } from './investigations.module';

interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

const PIETER = '5415-0201';
const ELS = '5415-0210';
const LOTTE = '5415-0203';
const PARKET = { authority: 'procureur_des_konings', reference: 'GE.20.L1.004512/26' };
const WARRANT = { authority: 'onderzoeksrechter', reference: 'HZB-2026/0042' };
const HOUR = 60 * 60 * 1000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

const openBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'opsporingsonderzoek',
  origin: { kind: 'parket', instruction: 'kantschrift', reference: 'KS-2026-7781' },
  directingAuthority: PARKET,
  phenomenon: 'woninginbraak',
  title: 'Inbraakreeks Muide',
  ...extra,
});

// The investigations service over HTTP as the embedded product runs it: security (dev issuer,
// consultation log), the in-process bus, one PostgreSQL connection, a fresh database.
describe('investigations service over HTTP', () => {
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

  async function must<T = any>(user: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const a = await call<T>(user, method, path, body, headers);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user}: ${a.status} ${a.text}`);
    return a.body;
  }

  const publishContract = (topic: string, type: string, key: string, payload: object, id: string = randomUUID()) =>
    t.bus.publish([{ id, topic, key, type, payload, correlationId: randomUUID(), causationId: randomUUID() }]);

  const publishedOf = (type: string, investigationId: string) =>
    eventually(() => {
      const found = published.filter(
        (p) => p.type === type && (p.payload as { investigationId: string }).investigationId === investigationId,
      );
      if (found.length === 0) throw new Error(`no ${type} yet`);
      return found;
    });

  /** A report referred for investigation (as reports publishes it), once its case is in the read model. */
  async function referred(incidentType = 'woninginbraak', pvNumber?: string): Promise<{ reportId: string; investigationId: string }> {
    const reportId = randomUUID();
    await publishContract('reports.public.v1', 'reports.ReportReferredForInvestigation.v1', `report-${reportId}`, {
      reportId,
      ...(pvNumber ? { pvNumber } : {}),
      kind: 'aangifte',
      incidentType,
      incidentFrom: '2026-11-14T18:00:00+01:00',
      place: { municipality: 'Gent' },
      summary: 'Feiten',
      parties: [],
      referredBy: '5415-0101',
      referredAt: '2026-11-15T10:12:00+01:00',
      competentService: 'LRD',
    });
    const investigationId = referredInvestigationId(reportId);
    await eventually(async () => {
      const { rows } = await t.pool.query('SELECT 1 FROM investigations.investigations WHERE id = $1', [investigationId]);
      expect(rows).toHaveLength(1);
    });
    return { reportId, investigationId };
  }

  /** Waits until the read model shows the investigation at (at least) this version. */
  const projected = (id: string, version: number) =>
    eventually(async () => {
      const { rows } = await t.pool.query<{ version: number }>('SELECT version FROM investigations.investigations WHERE id = $1', [id]);
      expect(rows[0]?.version).toBeGreaterThanOrEqual(version);
    });

  beforeAll(async () => {
    t = await startServiceApp({
      service: 'investigations',
      module: InvestigationsModule,
      register: (runtime) => InvestigationsModule.register(runtime),
    });
    await t.bus.subscribe({ groupId: 'test-evidence', topics: ['investigations.public.v1'], handle: async (m) => void published.push(m) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens a case routed to the team, assigns it, works it, closes and reopens it; publishes opened, assigned, closed', async () => {
    const opened = await call('els.jacobs', 'POST', '/investigations', openBody(), { 'Idempotency-Key': 'open-muide-2026-0001' });
    expect(opened.status).toBe(201);
    expect(opened.headers.get('etag')).toBe('"0"');
    const id = opened.body.id as string;
    expect(opened.headers.get('location')).toBe(`/api/investigations/${id}`);
    expect(opened.body.investigation).toMatchObject({
      investigationId: id,
      status: 'open',
      kind: 'opsporingsonderzoek',
      origin: { kind: 'parket', instruction: 'kantschrift', reference: 'KS-2026-7781' },
      directingAuthority: PARKET,
      phenomenon: 'woninginbraak',
      team: 'Diefstallen',
      leadInvestigator: null,
      openedBy: ELS,
    });
    const again = await call('els.jacobs', 'POST', '/investigations', openBody(), { 'Idempotency-Key': 'open-muide-2026-0001' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);

    const [openedMessage] = await publishedOf('investigations.InvestigationOpened.v1', id);
    expect(openedMessage.payload).toEqual({
      investigationId: id,
      caseNumber: PARKET.reference,
      kind: 'opsporingsonderzoek',
      phenomenon: 'woninginbraak',
      team: 'Diefstallen',
      origin: 'parket',
      directingAuthority: 'procureur_des_konings',
      openedAt: opened.body.investigation.openedAt,
    });

    // Assignment: the team lead names pieter lead, then the lead is named in the public contract with the team.
    const led = await must('els.jacobs', 'POST', `/investigations/${id}/lead-investigator`, { staffId: PIETER });
    expect(led.investigation).toMatchObject({ leadInvestigator: PIETER, leadHistory: [{ staffId: PIETER, assignedBy: ELS }] });
    const [assigned] = await publishedOf('investigations.InvestigationAssigned.v1', id);
    expect(assigned.payload).toEqual({
      investigationId: id,
      team: 'Diefstallen',
      leadInvestigator: PIETER,
      assignedBy: ELS,
      assignedAt: expect.any(String),
    });
    // A detective may not assign.
    const notLead = await call('pieter.janssens', 'POST', `/investigations/${id}/members`, { staffId: '5415-0299' });
    expect(notLead.status).toBe(403);

    // Parties and a hearing; a coercive action with its authorisation.
    const suspect = await must('pieter.janssens', 'POST', `/investigations/${id}/parties`, {
      personId: 'RRN-85.07.30-033.61',
      displayName: 'K. Janssens',
      role: 'suspect',
      identified: true,
      traced: false,
    });
    const hearing = await call('pieter.janssens', 'POST', `/investigations/${id}/actions`, {
      kind: 'hearing',
      partyLinkId: suspect.partyLinkId,
      startedAt: ago(3),
      endedAt: ago(2),
      deferredSalduz: true,
      minor: false,
      legalAssistance: { kind: 'present', lawyer: 'Mr. De Wilde' },
      interpreter: { language: 'pl', name: 'J. Nowak' },
    });
    expect(hearing.status).toBe(201);
    expect(hearing.body.investigation.actions).toEqual([
      expect.objectContaining({
        kind: 'hearing',
        actionId: hearing.body.actionId,
        performedBy: [PIETER],
        role: 'suspect',
        deferredSalduz: true,
        legalAssistance: { kind: 'present', lawyer: 'Mr. De Wilde' },
        interpreter: { language: 'pl', name: 'J. Nowak' },
        directingAuthority: PARKET,
      }),
    ]);
    const search = await call('pieter.janssens', 'POST', `/investigations/${id}/actions`, {
      kind: 'house_search',
      startedAt: ago(1),
      address: 'Sleepstraat 44, Gent',
      findings: 'laptop',
      authorisation: WARRANT,
    });
    expect(search.status).toBe(201);
    await must('pieter.janssens', 'POST', `/investigations/${id}/tasks`, {
      title: 'Camerabeelden opvragen',
      assignee: PIETER,
      dueDate: '2099-01-01',
    });
    const pt = await must('els.jacobs', 'POST', `/investigations/${id}/parket-tasks`, {
      from: PARKET,
      description: 'Verhoor buren',
      deadline: '2099-02-01',
    });
    await must('els.jacobs', 'POST', `/investigations/${id}/parket-tasks/${pt.parketTaskId}/distribution`, { assignee: PIETER });
    const ptDone = await must('pieter.janssens', 'POST', `/investigations/${id}/parket-tasks/${pt.parketTaskId}/completion`, {
      result: 'Twee buren verhoord',
    });
    expect(ptDone.investigation.parketTasks).toEqual([
      {
        parketTaskId: pt.parketTaskId,
        from: PARKET,
        description: 'Verhoor buren',
        deadline: '2099-02-01',
        assignee: PIETER,
        status: 'completed',
      },
    ]);

    // Closing: report to the magistrate first, then close; then reopen; all in the timeline with actors.
    const early = await call('pieter.janssens', 'POST', `/investigations/${id}/closure`, {
      outcome: 'reported_to_magistrate',
      reason: 'klaar',
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'not_reported_to_magistrate', status: 409 });
    await must('pieter.janssens', 'POST', `/investigations/${id}/report-to-magistrate`, {
      to: PARKET,
      reportPvNumber: 'GE.55.L5.019876/2026',
      summary: 'Eindverslag',
    });
    const beforeClose = await must('pieter.janssens', 'GET', `/investigations/${id}`);
    const closed = await call(
      'pieter.janssens',
      'POST',
      `/investigations/${id}/closure`,
      { outcome: 'reported_to_magistrate', reason: 'Overgemaakt aan het parket' },
      { 'If-Match': `"${beforeClose.version}"` },
    );
    expect(closed.status).toBe(200);
    expect(closed.body.investigation).toMatchObject({ status: 'closed', closure: { outcome: 'reported_to_magistrate', closedBy: PIETER } });
    const [closedMessage] = await publishedOf('investigations.InvestigationClosed.v1', id);
    expect(closedMessage.payload).toEqual({
      investigationId: id,
      outcome: 'reported_to_magistrate',
      closedBy: PIETER,
      closedAt: closed.body.investigation.closure.closedAt,
    });
    const afterClose = await call('pieter.janssens', 'POST', `/investigations/${id}/tasks`, {
      title: 'x',
      assignee: PIETER,
      dueDate: '2099-01-01',
    });
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.code).toBe('investigation_closed');
    const reopened = await must('els.jacobs', 'POST', `/investigations/${id}/reopening`, { reason: 'Nieuwe DNA-hit' });
    expect(reopened.investigation).toMatchObject({
      status: 'open',
      closure: null,
      reopenings: [{ reason: 'Nieuwe DNA-hit', previousOutcome: 'reported_to_magistrate', reopenedBy: ELS }],
    });

    const timeline = await must('pieter.janssens', 'GET', `/investigations/${id}/timeline`);
    expect(timeline.entries.map((e: { type: string; actor: string }) => [e.type, e.actor])).toEqual([
      ['InvestigationOpened', ELS],
      ['LeadInvestigatorAssigned', ELS],
      ['PartyLinked', PIETER],
      ['HearingConducted', PIETER],
      ['HouseSearchConducted', PIETER],
      ['TaskCreated', PIETER],
      ['ParketTaskReceived', ELS],
      ['ParketTaskDistributed', ELS],
      ['ParketTaskCompleted', PIETER],
      ['InvestigationReportedToMagistrate', PIETER],
      ['InvestigationClosed', PIETER],
      ['InvestigationReopened', ELS],
    ]);
    expect(timeline.entries[4]).toMatchObject({
      position: 5,
      summary: 'House search at Sleepstraat 44, Gent on authorisation of the onderzoeksrechter HZB-2026/0042',
      data: { address: 'Sleepstraat 44, Gent', authorisation: WARRANT },
    });

    // As it stood before the closure: open, the report to the magistrate there, no closure.
    const { rows } = await t.pool.query<{ recorded_at: Date }>(
      'SELECT recorded_at FROM investigations.events WHERE stream_id = $1 AND stream_version = $2',
      [`investigation-${id}`, beforeClose.version],
    );
    // The store keeps microseconds; the first millisecond after the report includes it (the closure came later).
    const justAfterReport = new Date(new Date(rows[0].recorded_at).getTime() + 1).toISOString();
    const asOf = await must('pieter.janssens', 'GET', `/investigations/${id}?asOf=${encodeURIComponent(justAfterReport)}`);
    expect(asOf).toMatchObject({
      id,
      version: beforeClose.version,
      investigation: { status: 'open', closure: null, reportedToMagistrate: { reportPvNumber: 'GE.55.L5.019876/2026' } },
    });
    const beforeAnything = await call('pieter.janssens', 'GET', `/investigations/${id}?asOf=2000-01-01T00:00:00Z`);
    expect(beforeAnything.status).toBe(404);
    // ISO 8601 forms that name no instant a Date can hold: 400 naming asOf, never a 500.
    for (const odd of ['2026-W01', '20260101', '2026-11-15T10', '2026-11-15T10:00,5Z']) {
      const bad = await call('pieter.janssens', 'GET', `/investigations/${id}?asOf=${encodeURIComponent(odd)}`);
      expect({ odd, status: bad.status, type: bad.headers.get('content-type'), errors: bad.body.errors }).toEqual({
        odd,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
        errors: [expect.objectContaining({ field: 'asOf' })],
      });
    }
  });

  it('refuses a coercive action without a directing authority, and one without its authorisation, as problem+json naming the rule', async () => {
    const own = await must(
      'pieter.janssens',
      'POST',
      '/investigations',
      openBody({ origin: { kind: 'eigen_initiatief' }, directingAuthority: undefined, title: 'Eigen initiatief' }),
    );
    const noAuthority = await call('pieter.janssens', 'POST', `/investigations/${own.id}/actions`, {
      kind: 'arrest',
      partyLinkId: 'x',
      startedAt: ago(1),
      place: 'Gent',
    });
    expect(noAuthority.status).toBe(409);
    expect(noAuthority.headers.get('content-type')).toContain('application/problem+json');
    expect(noAuthority.body).toMatchObject({ code: 'directing_authority_required' });
    await must('pieter.janssens', 'POST', `/investigations/${own.id}/directing-authority`, { ...PARKET, kind: 'opsporingsonderzoek' });
    const noWarrant = await call('pieter.janssens', 'POST', `/investigations/${own.id}/actions`, {
      kind: 'observation',
      startedAt: ago(1),
      target: 'Sleepstraat 44',
    });
    expect(noWarrant.status).toBe(422);
    expect(noWarrant.body).toMatchObject({ code: 'authorisation_required', errors: [{ field: 'authorisation' }] });
    const missingField = await call('pieter.janssens', 'POST', `/investigations/${own.id}/actions`, {
      kind: 'observation',
      startedAt: ago(1),
      authorisation: WARRANT,
    });
    expect(missingField.status).toBe(422);
    expect(missingField.body.errors).toEqual([expect.objectContaining({ field: 'target' })]);
    const badDto = await call('pieter.janssens', 'POST', '/investigations', openBody({ kind: 'verhoor' }));
    expect(badDto.status).toBe(400);
    expect(badDto.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    // A phenomenon named like something every object has is still just an unrouted phenomenon.
    for (const phenomenon of ['constructor', '__proto__', 'toString']) {
      const unrouted = await call('pieter.janssens', 'POST', '/investigations', openBody({ phenomenon }));
      expect({ phenomenon, status: unrouted.status, code: unrouted.body.code, errors: unrouted.body.errors }).toEqual({
        phenomenon,
        status: 422,
        code: 'no_route_for_phenomenon',
        errors: [expect.objectContaining({ field: 'phenomenon' })],
      });
    }
    const unknownTeam = await call('pieter.janssens', 'POST', '/investigations', openBody({ team: 'Team Bestaatniet' }));
    expect(unknownTeam.status).toBe(422);
    expect(unknownTeam.body).toMatchObject({ code: 'unknown_team', errors: [{ field: 'team' }] });
    // null where a field is optional: 400 naming that field, never a 500.
    const victim = await must('pieter.janssens', 'POST', `/investigations/${own.id}/parties`, {
      displayName: 'B. Slachtoffer',
      role: 'victim',
      identified: true,
      traced: true,
    });
    const pt = await must('pieter.janssens', 'POST', `/investigations/${own.id}/parket-tasks`, {
      from: PARKET,
      description: 'Verhoor',
      deadline: '2099-02-01',
    });
    const hearing = {
      kind: 'hearing',
      partyLinkId: victim.partyLinkId,
      startedAt: ago(2),
      endedAt: ago(1),
      deferredSalduz: false,
      minor: false,
      legalAssistance: { kind: 'not_applicable' },
    };
    const nulls: [string, string, string, Record<string, unknown>, string][] = [
      ['pieter.janssens', 'POST', '/investigations', openBody({ team: null }), 'team'],
      [
        'pieter.janssens',
        'POST',
        '/investigations',
        openBody({ origin: { kind: 'andere_politiedienst', service: 'FGP Oost-Vlaanderen', reference: null } }),
        'origin.reference',
      ],
      ['els.jacobs', 'POST', `/investigations/${own.id}/assignment`, { team: null, reason: 'andere ploeg' }, 'team'],
      ['els.jacobs', 'POST', `/investigations/${own.id}/lead-investigator`, { staffId: PIETER, reason: null }, 'reason'],
      ['pieter.janssens', 'POST', `/investigations/${own.id}/actions`, { ...hearing, legalAssistance: null }, 'legalAssistance'],
      [
        'pieter.janssens',
        'POST',
        `/investigations/${own.id}/actions`,
        { ...hearing, interpreter: { language: null, name: 'J. Nowak' } },
        'interpreter.language',
      ],
      [
        'pieter.janssens',
        'POST',
        `/investigations/${own.id}/reports`,
        { reportId: randomUUID(), pvNumber: null, reason: 'zelfde dader' },
        'pvNumber',
      ],
      [
        'pieter.janssens',
        'POST',
        `/investigations/${own.id}/parket-tasks/${pt.parketTaskId}/distribution`,
        { assignee: PIETER, team: null },
        'team',
      ],
      [
        'pieter.janssens',
        'POST',
        `/investigations/${own.id}/closure`,
        { outcome: 'no_further_action', reason: 'x', transferredTo: null },
        'transferredTo',
      ],
    ];
    for (const [user, method, path, body, field] of nulls) {
      const answer = await call(user, method, path, body);
      expect({ path, field, status: answer.status, fields: answer.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        path,
        field,
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
    const stale = await call(
      'pieter.janssens',
      'POST',
      `/investigations/${own.id}/tasks`,
      { title: 'x', assignee: PIETER, dueDate: '2099-01-01' },
      { 'If-Match': '"0"' },
    );
    expect(stale.status).toBe(412);
  });

  it('keeps a Zeden case hidden from other teams (404 like a missing id), open to its team, and out of lists and the person index', async () => {
    const zeden = await must(
      'lotte.willems',
      'POST',
      '/investigations',
      openBody({
        phenomenon: 'aanranding',
        title: 'Aanranding Citadelpark',
        kind: 'gerechtelijk_onderzoek',
        directingAuthority: { authority: 'onderzoeksrechter', reference: 'OR-2026/77' },
      }),
    );
    expect(zeden.investigation.team).toBe('Zeden');
    await must('lotte.willems', 'POST', `/investigations/${zeden.id}/parties`, {
      personId: 'person-shared-1',
      displayName: 'M. Verhoeven',
      role: 'witness',
      identified: true,
      traced: true,
    });
    const diefstal = await must('pieter.janssens', 'POST', '/investigations', openBody({ title: 'Fietsdiefstal Overpoort' }));
    await must('pieter.janssens', 'POST', `/investigations/${diefstal.id}/parties`, {
      personId: 'person-shared-1',
      displayName: 'M. Verhoeven',
      role: 'suspect',
      identified: true,
      traced: false,
    });
    await projected(zeden.id, 1);
    await projected(diefstal.id, 1);

    const missing = await call('pieter.janssens', 'GET', `/investigations/${randomUUID()}`);
    const hidden = await call('pieter.janssens', 'GET', `/investigations/${zeden.id}`, undefined, {
      'X-Justification': 'controle verband met mijn dossier',
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ ...missing.body, instance: `/api/investigations/${zeden.id}` });
    expect(
      (await call('pieter.janssens', 'POST', `/investigations/${zeden.id}/tasks`, { title: 'x', assignee: PIETER, dueDate: '2099-01-01' }))
        .status,
    ).toBe(404);
    const team = await call('lotte.willems', 'GET', `/investigations/${zeden.id}`);
    expect(team.status).toBe(200);
    expect(team.headers.get('x-access-basis')).toBe('team');
    // The chief may break the glass on it, and must say why.
    expect((await call('filip.vermeulen', 'GET', `/investigations/${zeden.id}`)).status).toBe(403);
    const chief = await call('filip.vermeulen', 'GET', `/investigations/${zeden.id}`, undefined, {
      'X-Justification': 'klacht over het onderzoek ontvangen van de parketmagistraat',
    });
    expect(chief.status).toBe(200);
    expect(chief.headers.get('x-access-basis')).toBe('break_glass');

    const personOfPieter = await must('pieter.janssens', 'GET', '/investigations/persons?personId=person-shared-1');
    expect(personOfPieter).toEqual({
      persons: [
        {
          personId: 'person-shared-1',
          appearances: [expect.objectContaining({ investigationId: diefstal.id, role: 'suspect', team: 'Diefstallen' })],
        },
      ],
    });
    const personOfLotte = await must('lotte.willems', 'GET', '/investigations/persons?name=verhoev');
    expect(personOfLotte.persons[0].appearances.map((a: { investigationId: string }) => a.investigationId)).toEqual([zeden.id]);
    const listOfPieter = await must('pieter.janssens', 'GET', '/investigations?phenomenon=aanranding');
    expect(listOfPieter.investigations).toEqual([]);
    const listOfLotte = await must('lotte.willems', 'GET', '/investigations?phenomenon=aanranding&status=open');
    expect(listOfLotte.investigations.map((i: { id: string }) => i.id)).toEqual([zeden.id]);
  });

  it('lists by team, status, phenomenon and assignee, with paging', async () => {
    const ids: string[] = [];
    for (const title of ['Lijst A', 'Lijst B', 'Lijst C'])
      ids.push((await must('els.jacobs', 'POST', '/investigations', openBody({ phenomenon: 'metaaldiefstal', title }))).id);
    const led = await must('els.jacobs', 'POST', `/investigations/${ids[1]}/lead-investigator`, { staffId: PIETER });
    await projected(ids[0], 0);
    await projected(ids[2], 0);
    await projected(ids[1], led.version);
    const all = await must('pieter.janssens', 'GET', '/investigations?team=Team%20Diefstallen&phenomenon=metaaldiefstal&status=open');
    expect(all.investigations.map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort());
    const page = await must('pieter.janssens', 'GET', '/investigations?phenomenon=metaaldiefstal&limit=2&offset=2');
    expect(page).toMatchObject({ limit: 2, offset: 2, total: 3 });
    expect(page.investigations).toHaveLength(1);
    const mine = await must('pieter.janssens', 'GET', `/investigations?phenomenon=metaaldiefstal&assignedTo=${PIETER}`);
    expect(mine.investigations).toEqual([
      expect.objectContaining({ id: ids[1], leadInvestigator: PIETER, team: 'Diefstallen', title: 'Lijst B' }),
    ]);
    expect(mine.total).toBe(1);
    expect(
      (await must('pieter.janssens', 'GET', `/investigations?phenomenon=metaaldiefstal&lead=${PIETER}`)).investigations.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual([ids[1]]);
    expect((await must('pieter.janssens', 'GET', `/investigations?phenomenon=metaaldiefstal&lead=${ELS}`)).total).toBe(0);
    // Opened in a period (instants with their offset): the three were opened a moment ago.
    const since = encodeURIComponent(new Date(Date.now() - HOUR).toISOString());
    const until = encodeURIComponent(new Date(Date.now() + HOUR).toISOString().replace('Z', '+00:00'));
    expect(
      (await must('pieter.janssens', 'GET', `/investigations?phenomenon=metaaldiefstal&openedFrom=${since}&openedTo=${until}`)).total,
    ).toBe(3);
    expect((await must('pieter.janssens', 'GET', `/investigations?phenomenon=metaaldiefstal&openedTo=${since}`)).total).toBe(0);
    const dated = await call('pieter.janssens', 'GET', '/investigations?openedFrom=2026-11-20');
    expect(dated.status).toBe(400);
    expect(dated.body.errors).toEqual([expect.objectContaining({ field: 'openedFrom' })]);
    expect(await must('sofie.maes', 'GET', '/investigations?phenomenon=metaaldiefstal')).toMatchObject({ investigations: [], total: 0 });
    // A member from another team sees the case in her list (the list asks for team or assignment, not team alone).
    const joined = await must('els.jacobs', 'POST', `/investigations/${ids[2]}/members`, { staffId: '5415-0202' });
    await projected(ids[2], joined.version);
    expect((await must('sofie.maes', 'GET', '/investigations?phenomenon=metaaldiefstal')).investigations).toEqual([
      expect.objectContaining({ id: ids[2], members: ['5415-0202'] }),
    ]);
    expect((await call('marc.goossens', 'GET', '/investigations')).status).toBe(403);
    expect((await call('an.peeters', 'GET', '/investigations')).status).toBe(403);
  });

  it('reverses a series link and joins a report', async () => {
    const a = await must('pieter.janssens', 'POST', '/investigations', openBody({ title: 'Reeks A' }));
    const b = await must('pieter.janssens', 'POST', '/investigations', openBody({ title: 'Reeks B' }));
    const zeden = await must('lotte.willems', 'POST', '/investigations', openBody({ phenomenon: 'cam', title: 'CAM' }));
    const linked = await must('pieter.janssens', 'POST', `/investigations/${a.id}/series-links`, {
      otherInvestigationId: b.id,
      reason: 'Zelfde modus operandi',
    });
    expect(linked.investigation.seriesLinks).toEqual([
      expect.objectContaining({ otherInvestigationId: b.id, reason: 'Zelfde modus operandi', linkedBy: PIETER }),
    ]);
    const hiddenOther = await call('pieter.janssens', 'POST', `/investigations/${a.id}/series-links`, {
      otherInvestigationId: zeden.id,
      reason: 'poging',
    });
    expect(hiddenOther.status).toBe(422);
    expect(hiddenOther.body.code).toBe('unknown_investigation');
    const undone = await must('pieter.janssens', 'DELETE', `/investigations/${a.id}/series-links/${b.id}`, { reason: 'Toch andere dader' });
    expect(undone.investigation.seriesLinks).toEqual([]);
    // A report is known here once referred for investigation: one that was not cannot be joined.
    const never = await call('pieter.janssens', 'POST', `/investigations/${a.id}/reports`, {
      reportId: randomUUID(),
      reason: 'Zelfde straat',
    });
    expect(never).toMatchObject({ status: 422, body: { code: 'unknown_report', errors: [{ field: 'reportId' }] } });
    const { reportId, investigationId } = await referred();
    const joined = await must('pieter.janssens', 'POST', `/investigations/${a.id}/reports`, {
      reportId,
      pvNumber: 'GE.55.L5.000111/2026',
      reason: 'Zelfde straat',
    });
    expect(joined.investigation.reports).toEqual([expect.objectContaining({ reportId, pvNumber: 'GE.55.L5.000111/2026', via: 'joined' })]);
    await projected(a.id, joined.version);
    const byReport = await must('pieter.janssens', 'GET', `/investigations?reportId=${reportId}`);
    expect(byReport.investigations.map((i: { id: string }) => i.id).sort()).toEqual([a.id, investigationId].sort());
  });

  it('names no investigation the reader may not know of: a series link or merger with a hidden case is left out of the file, the timeline, asOf and write answers', async () => {
    const zeden = await must(
      'lotte.willems',
      'POST',
      '/investigations',
      openBody({
        phenomenon: 'aanranding',
        title: 'Zedenreeks Sint-Pieters',
        kind: 'gerechtelijk_onderzoek',
        directingAuthority: { authority: 'onderzoeksrechter', reference: 'OR-2026/91' },
      }),
    );
    const a = await must('els.jacobs', 'POST', '/investigations', openBody({ title: 'Inbraak met zedenaspect' }));
    await must('els.jacobs', 'POST', `/investigations/${a.id}/members`, { staffId: LOTTE });
    // Lotte works on both: she may link them, and sees the link.
    const linked = await must('lotte.willems', 'POST', `/investigations/${a.id}/series-links`, {
      otherInvestigationId: zeden.id,
      reason: 'Zelfde verdachte als het zedendossier',
    });
    expect(linked.investigation.seriesLinks).toEqual([expect.objectContaining({ otherInvestigationId: zeden.id, linkedBy: LOTTE })]);

    // Pieter (Diefstallen) reads the case: nothing names the Zeden case.
    const file = await call('pieter.janssens', 'GET', `/investigations/${a.id}`);
    expect(file.status).toBe(200);
    expect(file.body.investigation.seriesLinks).toEqual([]);
    expect(file.text).not.toContain(zeden.id);
    const timeline = await call('pieter.janssens', 'GET', `/investigations/${a.id}/timeline`);
    expect(timeline.text).not.toContain(zeden.id);
    expect(timeline.text).not.toContain('zedendossier');
    expect(timeline.body.entries.map((e: { type: string; actor: string }) => [e.type, e.actor])).toEqual([
      ['InvestigationOpened', ELS],
      ['TeamMemberAdded', ELS],
      ['SeriesLinkAdded', LOTTE],
    ]);
    expect(timeline.body.entries[2]).toMatchObject({
      position: 3,
      summary: 'Linked in a series with an investigation you may not know of',
      data: {},
    });
    const asOf = await call(
      'pieter.janssens',
      'GET',
      `/investigations/${a.id}?asOf=${encodeURIComponent(new Date(Date.now() + HOUR).toISOString())}`,
    );
    expect(asOf.status).toBe(200);
    expect(asOf.text).not.toContain(zeden.id);
    const task = await call('pieter.janssens', 'POST', `/investigations/${a.id}/tasks`, {
      title: 'Buurtonderzoek',
      assignee: PIETER,
      dueDate: '2099-01-01',
    });
    expect(task.status).toBe(201);
    expect(task.text).not.toContain(zeden.id);
    // The chief may break the glass on the Zeden case, so the link is named to him.
    const chief = await must('filip.vermeulen', 'GET', `/investigations/${a.id}`, undefined, {
      'X-Justification': 'controle op de samenwerking tussen de teams',
    });
    expect(chief.investigation.seriesLinks).toEqual([expect.objectContaining({ otherInvestigationId: zeden.id })]);

    // A merger: into a case the closer may not see, or into none, is the same unknown id.
    const hiddenMerge = await call('els.jacobs', 'POST', `/investigations/${a.id}/closure`, {
      outcome: 'merged_into_other_investigation',
      reason: 'samengevoegd',
      mergedInto: zeden.id,
    });
    const noMerge = await call('els.jacobs', 'POST', `/investigations/${a.id}/closure`, {
      outcome: 'merged_into_other_investigation',
      reason: 'samengevoegd',
      mergedInto: randomUUID(),
    });
    for (const refused of [hiddenMerge, noMerge]) {
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'unknown_investigation', errors: [{ field: 'mergedInto' }] });
    }
    // Lotte, as lead, merges it into the Zeden case: Pieter sees the closure, not where it went.
    await must('els.jacobs', 'POST', `/investigations/${a.id}/lead-investigator`, { staffId: LOTTE });
    const merged = await must('lotte.willems', 'POST', `/investigations/${a.id}/closure`, {
      outcome: 'merged_into_other_investigation',
      reason: 'samengevoegd',
      mergedInto: zeden.id,
    });
    expect(merged.investigation.closure).toMatchObject({ outcome: 'merged_into_other_investigation', mergedInto: zeden.id });
    const closed = await call('pieter.janssens', 'GET', `/investigations/${a.id}`);
    expect(closed.body.investigation.closure).toEqual({
      outcome: 'merged_into_other_investigation',
      reason: 'samengevoegd',
      closedBy: LOTTE,
      closedAt: expect.any(String),
    });
    expect(closed.text).not.toContain(zeden.id);
    expect((await call('pieter.janssens', 'GET', `/investigations/${a.id}/timeline`)).text).not.toContain(zeden.id);
  });

  it('answers a team lead who moves a case to a team she is not in with its id and version only (no case file, no consultation)', async () => {
    const c = await must('els.jacobs', 'POST', '/investigations', openBody({ title: 'Toch zedenfeiten' }));
    await must('els.jacobs', 'POST', `/investigations/${c.id}/parties`, {
      displayName: 'C. Slachtoffer',
      role: 'victim',
      identified: true,
      traced: true,
    });
    const moved = await call('els.jacobs', 'POST', `/investigations/${c.id}/assignment`, {
      team: 'Zeden',
      reason: 'Zedenfeiten vastgesteld bij verhoor',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ id: c.id, version: 2 });
    expect((await call('els.jacobs', 'GET', `/investigations/${c.id}`)).status).toBe(404);
    const { rows } = await t.pool.query(
      `SELECT count(*)::int AS n FROM audit.events WHERE data->'actor'->>'staffId' = $1 AND data->'subject'->'ids' ? $2 AND data->>'outcome' = 'granted'`,
      [ELS, c.id],
    );
    expect(rows).toEqual([{ n: 0 }]);
    const zeden = await must('lotte.willems', 'GET', `/investigations/${c.id}`);
    expect(zeden.investigation).toMatchObject({
      team: 'Zeden',
      teamHistory: [expect.objectContaining({ team: 'Diefstallen' }), expect.objectContaining({ team: 'Zeden', assignedBy: ELS })],
    });
  });

  it("takes an Idempotency-Key as the retry of one person's one request: another person's is their own, another request with it is refused (422)", async () => {
    const c = await must('els.jacobs', 'POST', '/investigations', openBody({ title: 'Sleutels' }));
    const key = { 'Idempotency-Key': 'task-2026-0001' };
    const first = await must(
      'pieter.janssens',
      'POST',
      `/investigations/${c.id}/tasks`,
      { title: 'Camerabeelden', assignee: PIETER, dueDate: '2099-01-01' },
      key,
    );
    const retry = await must(
      'pieter.janssens',
      'POST',
      `/investigations/${c.id}/tasks`,
      { title: 'Camerabeelden', assignee: PIETER, dueDate: '2099-01-01' },
      key,
    );
    expect(retry).toMatchObject({ taskId: first.taskId, version: first.version });
    const byEls = await must(
      'els.jacobs',
      'POST',
      `/investigations/${c.id}/tasks`,
      { title: 'Buurtonderzoek', assignee: ELS, dueDate: '2099-01-01' },
      key,
    );
    const otherBody = await call(
      'pieter.janssens',
      'POST',
      `/investigations/${c.id}/tasks`,
      { title: 'Buurtonderzoek', assignee: PIETER, dueDate: '2099-01-01' },
      key,
    );
    const otherRoute = await call(
      'pieter.janssens',
      'POST',
      `/investigations/${c.id}/actions`,
      { kind: 'camera_enquiry', startedAt: ago(1), source: 'Stad Gent', periodFrom: ago(30), periodTo: ago(20) },
      key,
    );
    for (const refused of [otherBody, otherRoute]) {
      expect(refused).toMatchObject({
        status: 422,
        body: {
          type: 'https://police-case-platform.example/problems/idempotency-key-reused',
          code: 'idempotency_key_reused',
          errors: [{ field: 'Idempotency-Key' }],
        },
      });
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const file = await must('pieter.janssens', 'GET', `/investigations/${c.id}`);
    expect(file.investigation.tasks.map((t: { taskId: string; title: string }) => [t.taskId, t.title])).toEqual([
      [first.taskId, 'Camerabeelden'],
      [byEls.taskId, 'Buurtonderzoek'],
    ]);
    expect(file.investigation.actions).toEqual([]);
  });

  it('opens one case for twenty identical requests sent at once with one Idempotency-Key, and refuses the key with another body', async () => {
    const send = (key: string, body: unknown) =>
      t.request('pieter.janssens', 'POST', '/api/investigations', body, { 'Idempotency-Key': key });
    const made = await expectIdempotentCreate(send, {
      body: openBody({ title: 'Twintig keer dezelfde vraag' }),
      otherBody: openBody({ title: 'Een andere vraag' }),
    });
    const { rows } = await t.pool.query<{ stream: string; n: number; titles: string[] }>(
      `SELECT stream_id AS stream, count(*)::int AS n, array_agg(data->>'title') AS titles FROM investigations.events WHERE type = 'InvestigationOpened' AND stream_id = ANY($1) GROUP BY 1`,
      [[`investigation-${made.first}`, `investigation-${made.racing}`]],
    );
    expect(rows.sort((a, b) => a.stream.localeCompare(b.stream))).toEqual(
      [made.first, made.racing]
        .map((id) => ({ stream: `investigation-${id}`, n: 1, titles: ['Twintig keer dezelfde vraag'] }))
        .sort((a, b) => a.stream.localeCompare(b.stream)),
    );
  });

  it("links an item registered on a PV number only to the one case holding it, never to a restricted team's case", async () => {
    const open = await referred('woninginbraak', `GE.55.L5.${randomUUID().slice(0, 6)}/2026`);
    const zeden = await referred('verkrachting', `GE.55.L5.${randomUUID().slice(0, 6)}/2026`);
    const pvOf = async (id: string) =>
      (await t.pool.query<{ pv: string[] }>('SELECT "pvNumbers" AS pv FROM investigations.investigations WHERE id = $1', [id])).rows[0]
        .pv[0];
    const item = (pvNumber: string, messageId: string) =>
      publishContract(
        'evidence.public.v1',
        'evidence.ItemRegistered.v1',
        `item-${messageId}`,
        {
          itemId: randomUUID(),
          labelNumber: `EV-2026-${messageId.slice(0, 6)}`,
          pvNumber,
          category: 'electronics',
          description: 'GSM',
          seizedAt: '2026-11-16T10:05:00+01:00',
          registeredAt: '2026-11-16T11:30:00+01:00',
          custodian: '5415-0202',
        },
        messageId,
      );
    const [toOpen, toZeden] = [randomUUID(), randomUUID()];
    await item(await pvOf(zeden.investigationId), toZeden);
    await item(await pvOf(open.investigationId), toOpen);
    await eventually(async () => {
      const { rows } = await t.pool.query('SELECT message_id FROM investigations.inbox WHERE message_id = ANY($1)', [[toOpen, toZeden]]);
      expect(rows).toHaveLength(2);
    });
    const linked = await must('pieter.janssens', 'GET', `/investigations/${open.investigationId}/timeline`);
    expect(linked.entries.map((e: { type: string }) => e.type)).toEqual(['InvestigationOpened', 'EvidenceLinked']);
    const restricted = await must('lotte.willems', 'GET', `/investigations/${zeden.investigationId}/timeline`);
    expect(restricted.entries.map((e: { type: string }) => e.type)).toEqual(['InvestigationOpened']);
  });

  it('opens one case for a report referred twice in quick succession (the second referral is neither parked nor a second case)', async () => {
    const reportId = randomUUID();
    const referral = {
      reportId,
      pvNumber: 'GE.55.L5.012399/2026',
      kind: 'aangifte',
      incidentType: 'autokraak',
      incidentFrom: '2026-11-14T18:00:00+01:00',
      place: { municipality: 'Gent' },
      summary: 'Ruit ingeslagen.',
      parties: [],
      referredBy: '5415-0101',
      referredAt: '2026-11-15T10:12:00+01:00',
      competentService: 'LRD',
    };
    const first = randomUUID();
    const second = randomUUID();
    await publishContract('reports.public.v1', 'reports.ReportReferredForInvestigation.v1', `report-${reportId}`, referral, first);
    await publishContract('reports.public.v1', 'reports.ReportReferredForInvestigation.v1', `report-${reportId}`, referral, second);
    const handled = await eventually(async () => {
      const { rows } = await t.pool.query<{ message_id: string; where: string }>(
        `SELECT message_id, 'inbox' AS where FROM investigations.inbox WHERE message_id = ANY($1) UNION ALL SELECT message_id, 'parked' FROM investigations.parked_messages WHERE message_id = ANY($1)`,
        [[first, second]],
      );
      expect(rows).toHaveLength(2);
      return rows;
    });
    expect(handled.map((r) => r.where)).toEqual(['inbox', 'inbox']);
    const { rows } = await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM investigations.events WHERE type = 'InvestigationOpened' AND data->'origin'->'report'->>'reportId' = $1`,
      [reportId],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('opens a case from a referred report (parties included, once per report), and links evidence and lab results, also after closure', async () => {
    const reportId = randomUUID();
    const victim = randomUUID();
    const suspectParty = randomUUID();
    const referral = {
      reportId,
      pvNumber: 'GE.55.L5.012345/2026',
      kind: 'aangifte',
      incidentType: 'woninginbraak',
      incidentFrom: '2026-11-14T18:00:00+01:00',
      incidentTo: '2026-11-15T07:30:00+01:00',
      place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
      summary: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
      parties: [
        { partyId: victim, role: 'slachtoffer', displayName: 'A. Peeters' },
        { partyId: suspectParty, role: 'verdachte', displayName: 'onbekende dader' },
      ],
      referredBy: '5415-0101',
      referredAt: '2026-11-15T10:12:00+01:00',
      competentService: 'LRD',
    };
    const messageId = randomUUID();
    await publishContract('reports.public.v1', 'reports.ReportReferredForInvestigation.v1', `report-${reportId}`, referral, messageId);
    await publishContract('reports.public.v1', 'reports.ReportReferredForInvestigation.v1', `report-${reportId}`, referral, messageId);
    const id = referredInvestigationId(reportId);
    const listed = await eventually(async () => {
      const list = await must('pieter.janssens', 'GET', `/investigations?reportId=${reportId}`);
      expect(list.investigations).toHaveLength(1);
      return list.investigations[0];
    });
    expect(listed).toMatchObject({
      id,
      status: 'open',
      kind: 'opsporingsonderzoek',
      phenomenon: 'woninginbraak',
      team: 'Diefstallen',
      originKind: 'report',
      reportIds: [reportId],
      pvNumbers: ['GE.55.L5.012345/2026'],
    });
    const file = await must('pieter.janssens', 'GET', `/investigations/${id}`);
    expect(file.investigation).toMatchObject({
      openedBy: 'system:investigations-consumer',
      reports: [{ reportId, pvNumber: 'GE.55.L5.012345/2026', via: 'origin' }],
    });
    expect(file.investigation.parties).toEqual([
      expect.objectContaining({
        partyLinkId: victim,
        personId: victim,
        displayName: 'A. Peeters',
        role: 'victim',
        identified: true,
        traced: false,
      }),
      expect.objectContaining({
        partyLinkId: suspectParty,
        personId: suspectParty,
        displayName: 'onbekende dader',
        role: 'suspect',
        identified: false,
        traced: false,
      }),
    ]);
    const [opened] = await publishedOf('investigations.InvestigationOpened.v1', id);
    expect(opened.payload).toMatchObject({ investigationId: id, team: 'Diefstallen', origin: 'burger', sourceReportId: reportId });
    // A second referral of the same report (another message) opens nothing new.
    await publishContract('reports.public.v1', 'reports.ReportReferredForInvestigation.v1', `report-${reportId}`, referral);

    const itemId = randomUUID();
    await publishContract('evidence.public.v1', 'evidence.ItemRegistered.v1', `item-${itemId}`, {
      itemId,
      labelNumber: 'EV-2026-000871',
      investigationId: id,
      pvNumber: 'GE.55.L5.012345/2026',
      category: 'electronics',
      description: 'Laptop, grijs',
      seizedAt: '2026-11-16T10:05:00+01:00',
      registeredAt: '2026-11-16T11:30:00+01:00',
      custodian: PIETER,
    });
    // Unknown investigation: parked with the reason, the consumer goes on.
    await publishContract('evidence.public.v1', 'evidence.ItemRegistered.v1', `item-x`, {
      itemId: randomUUID(),
      labelNumber: 'EV-2026-000999',
      investigationId: randomUUID(),
      category: 'other',
      description: 'x',
      seizedAt: '2026-11-16T10:05:00+01:00',
      registeredAt: '2026-11-16T11:30:00+01:00',
      custodian: PIETER,
    });
    const timeline = await eventually(async () => {
      const t = await must('pieter.janssens', 'GET', `/investigations/${id}/timeline`);
      expect(t.entries.map((e: { type: string }) => e.type)).toContain('EvidenceLinked');
      return t;
    });
    expect(timeline.entries.map((e: { type: string }) => e.type)).toEqual([
      'InvestigationOpened',
      'PartyLinked',
      'PartyLinked',
      'EvidenceLinked',
    ]);
    const parked = await eventually(async () => {
      const r = await t.pool.query(`SELECT type, reason FROM investigations.parked_messages WHERE payload LIKE '%EV-2026-000999%'`);
      expect(r.rows).toHaveLength(1);
      return r.rows[0];
    });
    expect(parked).toEqual({
      type: 'evidence.ItemRegistered.v1',
      reason: { code: 'refused', errors: [{ field: expect.any(String), detail: expect.stringMatching(/^investigation_not_found: /) }] },
    });
    expect(timeline.entries[3]).toEqual({
      position: 4,
      type: 'EvidenceLinked',
      at: expect.any(String),
      actor: 'system:investigations-consumer',
      summary: 'Evidence EV-2026-000871 (electronics) linked',
      data: {
        itemId,
        labelNumber: 'EV-2026-000871',
        pvNumber: 'GE.55.L5.012345/2026',
        category: 'electronics',
        description: 'Laptop, grijs',
        seizedAt: '2026-11-16T09:05:00.000Z',
        registeredAt: '2026-11-16T10:30:00.000Z',
        custodian: PIETER,
      },
    });

    // Closed: a lab result arriving later is kept, flagged.
    const els = await must('els.jacobs', 'POST', `/investigations/${id}/closure`, { outcome: 'no_further_action', reason: 'Geen spoor' });
    await publishContract('evidence.public.v1', 'evidence.LabResultReceived.v1', `item-${itemId}`, {
      itemId,
      investigationId: id,
      laboratory: 'FPL/LTWP',
      labReference: 'LTWP-26-11873',
      analysis: 'fingerprints',
      conclusion: 'hit',
      receivedAt: '2026-12-10T13:45:00+01:00',
    });
    const after = await eventually(async () => {
      const f = await must('pieter.janssens', 'GET', `/investigations/${id}`);
      expect(f.version).toBe(els.version + 1);
      return f;
    });
    expect(after.investigation.status).toBe('closed');
    expect(after.investigation.labResults).toEqual([
      {
        itemId,
        laboratory: 'FPL/LTWP',
        labReference: 'LTWP-26-11873',
        analysis: 'fingerprints',
        conclusion: 'hit',
        receivedAt: '2026-12-10T12:45:00.000Z',
        linkedAt: expect.any(String),
        afterClosure: true,
      },
    ]);
    expect(after.investigation.evidence).toEqual([expect.objectContaining({ itemId, labelNumber: 'EV-2026-000871', afterClosure: false })]);
    // A result that names no investigation goes to the case its item is linked to.
    await publishContract('evidence.public.v1', 'evidence.LabResultReceived.v1', `item-${itemId}`, {
      itemId,
      laboratory: 'FPL/LTWP',
      labReference: 'LTWP-26-11874',
      analysis: 'dna',
      conclusion: 'inconclusive',
      receivedAt: '2026-12-11T09:00:00+01:00',
    });
    const second = await eventually(async () => {
      const f = await must('pieter.janssens', 'GET', `/investigations/${id}`);
      expect(f.investigation.labResults).toHaveLength(2);
      return f;
    });
    expect(second.investigation.labResults[1]).toMatchObject({ itemId, labReference: 'LTWP-26-11874', afterClosure: true });
    const { rows } = await t.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM investigations.events WHERE stream_id LIKE 'investigation-%' AND type = 'InvestigationOpened' AND data->'origin'->'report'->>'reportId' = $1`,
      [reportId],
    );
    expect(Number(rows[0].n)).toBe(1);
  });
});
