import { randomUUID } from 'node:crypto';
import { IncomingMessage } from '@police/messaging';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import { expectIdempotentCreate, nonConformance, ServiceTestApp, startServiceApp } from '@police/service-testing';
import { eventually } from '@police/testing';
import { ReportsModule } from './reports.module';

interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

const HOUR = 60 * 60 * 1000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const DOC_SHA = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';
const REPORTER_ID = randomUUID();
const SUSPECT_ID = randomUUID();

/** An aangifte of a burglary at the APG (appointment only), as the lead's cross-service test sends it. */
const aangifte = (extra: Record<string, unknown> = {}) => ({
  kind: 'aangifte',
  channel: { kind: 'front_desk', officeId: 'apg' },
  appointmentRef: 'APT-2026-0042',
  incidentType: 'woninginbraak',
  timeWindow: { from: iso(14 * HOUR), to: iso(4 * HOUR) },
  place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
  narrative: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
  parties: [
    { partyId: REPORTER_ID, name: 'A. Peeters', roles: ['reporter', 'victim'], contact: '+32 470 00 00 00' },
    { partyId: SUSPECT_ID, name: 'onbekende dader', roles: ['suspect'] },
  ],
  motiveFlags: [],
  victimSupportWanted: true,
  ...extra,
});

// The reports service over HTTP as the embedded product runs it: security (dev issuer, consultation
// log), the in-process bus, one PostgreSQL connection, a fresh database.
describe('reports service over HTTP', () => {
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

  async function must<T = any>(
    user: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<T>> {
    const a = await call<T>(user, method, path, body, headers);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user} answered ${a.status}: ${a.text}`);
    return a;
  }

  const message = (type: string, reportId: string) =>
    eventually(() => {
      const m = published.find((p) => p.type === type && (p.payload as { reportId: string }).reportId === reportId);
      if (!m) throw new Error(`${type} for ${reportId} not published yet`);
      return m;
    });

  /** Waits until the report's row is at this version (lists, deadlines and statistics read the read models). */
  const projected = (reportId: string, version: number) =>
    eventually(async () => {
      const { rows } = await t.pool.query<{ version: number }>('SELECT version FROM reports.reports WHERE id = $1', [reportId]);
      expect(rows[0]?.version).toBe(version);
    });

  const problem = (a: Answer, status: number, code: string, field?: string) => {
    expect(a.status).toBe(status);
    expect(a.headers.get('content-type')).toContain('application/problem+json');
    expect(a.body).toMatchObject({
      status,
      code,
      type: `https://police-case-platform.example/problems/${code.replace(/_/g, '-')}`,
      ...(field ? { errors: [expect.objectContaining({ field })] } : {}),
    });
  };

  beforeAll(async () => {
    t = await startServiceApp({ service: 'reports', module: ReportsModule, register: (runtime) => ReportsModule.register(runtime) });
    await t.bus.subscribe({ groupId: 'test-consumers', topics: ['reports.public.v1'], handle: async (m) => void published.push(m) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes an aangifte in once per Idempotency-Key and shows it to the desk', async () => {
    const sent = aangifte();
    const first = await call('an.peeters', 'POST', '/reports', sent, { 'Idempotency-Key': 'intake-2026-apg-0042' });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"0"');
    const id = first.body.id as string;
    expect(first.headers.get('location')).toBe(`/api/reports/${id}`);
    const again = await call('an.peeters', 'POST', '/reports', sent, { 'Idempotency-Key': 'intake-2026-apg-0042' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);

    const read = await must('an.peeters', 'GET', `/reports/${id}`);
    expect(read.headers.get('x-access-basis')).toBe('assignment');
    expect(read.body).toEqual({
      id,
      status: 'received',
      version: 0,
      pvs: [],
      report: {
        status: 'open',
        reportId: id,
        kind: 'aangifte',
        channel: { kind: 'front_desk', officeId: 'apg' },
        urgent: false,
        receivedAt: expect.any(String),
        appointmentRef: 'APT-2026-0042',
        incidentType: 'woninginbraak',
        timeWindow: { from: sent.timeWindow.from, to: sent.timeWindow.to },
        place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
        narrative: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
        parties: aangifte().parties,
        motiveFlags: [],
        victimSupportWanted: true,
        concernsPoliceConduct: false,
        amendments: [],
        assignedServiceId: null,
        referrals: [],
        victimSupportOffered: [],
        investigationRequestedAt: null,
      },
    });
    // Another desk officer sees it by function; a detective of a team it is not assigned to needs a reason.
    expect((await must('wim.debacker', 'GET', `/reports/${id}`)).headers.get('x-access-basis')).toBe('role');
    const outside = await call('pieter.janssens', 'GET', `/reports/${id}`);
    expect(outside.status).toBe(403);
    expect(outside.body.type).toBe('https://police-case-platform.example/problems/justification-required');
    const justified = await call('pieter.janssens', 'GET', `/reports/${id}`, undefined, {
      'X-Justification': 'zelfde dader als in mijn dossier vermoed',
    });
    expect(justified.headers.get('x-access-basis')).toBe('break_glass');
  });

  it('works through the typed client generated from its OpenAPI document, whose schemas its answers conform to', async () => {
    const desk = t.client('an.peeters').reports;
    const created = await desk.POST('/api/reports', {
      params: { header: { 'Idempotency-Key': 'typed-client-intake-0001' } },
      body: {
        kind: 'melding',
        channel: { kind: 'phone' },
        incidentType: 'geluidsoverlast',
        narrative: 'Luide muziek na middernacht.',
        parties: [{ name: 'C. Janssens', roles: ['reporter'] }],
      },
    });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    expect(created.response.headers.get('location')).toBe(`/api/reports/${id}`);
    const read = await desk.GET('/api/reports/{id}', { params: { path: { id } } });
    expect(read.data).toMatchObject({
      id,
      status: 'received',
      version: 0,
      report: { kind: 'melding', channel: { kind: 'phone' }, narrative: 'Luide muziek na middernacht.' },
    });
    const refused = await desk.GET('/api/reports/{id}', { params: { path: { id: randomUUID() } } });
    expect([refused.response.status, refused.error?.status]).toEqual([404, 404]);
    await projected(id, 0);
    const list = await desk.GET('/api/reports', { params: { query: { kind: 'melding', limit: 5 } } });
    expect(list.data!.items.map((i) => i.id)).toContain(id);
    // The check is real: an answer that departs from the document is caught.
    expect(nonConformance('GET', `/api/reports/${id}`, 200, 'application/json', JSON.stringify({ id, status: 'received' }))).not.toEqual(
      [],
    );
    expect(nonConformance('GET', `/api/reports/${id}`, 418, 'application/json', '{}')).toEqual([
      `GET /api/reports/{id} (reports document) answered 418, which its document does not list (200, 400, 401, 403, 404, 503)`,
    ]);
  });

  it('answers every refused intake as problem+json naming the field', async () => {
    problem(
      await call('an.peeters', 'POST', '/reports', aangifte({ appointmentRef: undefined })),
      422,
      'appointment_required',
      'appointmentRef',
    );
    problem(
      await call('an.peeters', 'POST', '/reports', aangifte({ channel: { kind: 'front_desk', officeId: 'mars' } })),
      422,
      'unknown_office',
      'channel.officeId',
    );
    problem(
      await call('an.peeters', 'POST', '/reports', aangifte({ timeWindow: { from: iso(HOUR), to: iso(-HOUR) } })),
      422,
      'time_window_in_future',
      'timeWindow.to',
    );
    problem(await call('an.peeters', 'POST', '/reports', aangifte({ incidentType: undefined })), 422, 'required', 'incidentType');
    problem(
      await call('an.peeters', 'POST', '/reports', aangifte({ parties: [{ name: 'X', roles: ['witness'] }] })),
      422,
      'reporter_required',
      'parties',
    );
    problem(
      await call('an.peeters', 'POST', '/reports', {
        kind: 'loss_declaration',
        channel: { kind: 'street' },
        narrative: 'Fiets kwijt',
        parties: [{ name: 'B', roles: ['reporter'] }],
        object: { description: 'Fiets' },
      }),
      422,
      'required',
      'place',
    );
    const invalid = await call(
      'an.peeters',
      'POST',
      '/reports',
      aangifte({ narrative: '', place: { municipality: 'Gent', postalCode: '90' } }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'narrative' }), expect.objectContaining({ field: 'place.postalCode' })]),
    );
    // An urgent aangifte needs no appointment.
    expect((await call('an.peeters', 'POST', '/reports', aangifte({ appointmentRef: undefined, urgent: true }))).status).toBe(201);
  });

  it('triages: amendments keep what was said, assignment opens it to the team, referral and victim support are recorded', async () => {
    const { body } = await must('an.peeters', 'POST', '/reports', aangifte());
    const id = body.id as string;
    problem(
      await call('an.peeters', 'POST', `/reports/${id}/amendments`, { changes: { narrative: 'x' }, reason: 'r' }),
      428,
      'if_match_required',
      'If-Match',
    );
    const stale = await call(
      'an.peeters',
      'POST',
      `/reports/${id}/amendments`,
      { changes: { narrative: 'x' }, reason: 'r' },
      { 'If-Match': '"5"' },
    );
    expect(stale.status).toBe(412);
    const amended = await must(
      'an.peeters',
      'POST',
      `/reports/${id}/amendments`,
      { changes: { narrative: 'Achterdeur en raam geforceerd.', motiveFlags: ['hate_crime'] }, reason: 'Aangever vult aan' },
      { 'If-Match': '"0"' },
    );
    expect(amended.headers.get('etag')).toBe('"1"');
    expect(amended.body.report).toMatchObject({
      narrative: 'Achterdeur en raam geforceerd.',
      motiveFlags: ['hate_crime'],
      amendments: [{ fields: ['narrative', 'motiveFlags'], reason: 'Aangever vult aan', amendedBy: '5415-0101' }],
    });
    const { rows } = await t.pool.query<{ data: any }>(`SELECT data FROM reports.events WHERE stream_id = $1 AND type = 'ReportAmended'`, [
      `report-${id}`,
    ]);
    // The statement is sealed under the report's key in the log (ADR 0053), and read in clear through the store.
    expect(rows[0].data.previous).toEqual({ narrative: expect.objectContaining({ $sealed: 'aes-256-gcm' }), motiveFlags: [] });
    const { events } = await t.app.get<ServiceEventSourcing>(EVENT_SOURCING).store.readStream(`report-${id}`);
    const amendment = events.find((e) => e.type === 'ReportAmended')!.data as { previous: unknown };
    expect(amendment.previous).toEqual({ narrative: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.', motiveFlags: [] });
    problem(
      await call(
        'an.peeters',
        'POST',
        `/reports/${id}/amendments`,
        { changes: { motiveFlags: ['hate_crime'] }, reason: 'r' },
        { 'If-Match': '"1"' },
      ),
      422,
      'nothing_to_amend',
      'changes',
    );

    problem(await call('an.peeters', 'POST', `/reports/${id}/assignment`, { serviceId: 'Brandweer' }), 422, 'unknown_service', 'serviceId');
    const assigned = await must('an.peeters', 'POST', `/reports/${id}/assignment`, { serviceId: 'Diefstallen', note: 'Reeks in de buurt' });
    expect(assigned.body.report.assignedServiceId).toBe('Diefstallen');
    problem(
      await call('an.peeters', 'POST', `/reports/${id}/assignment`, { serviceId: 'Diefstallen' }),
      409,
      'already_assigned_to_service',
    );
    await projected(id, 2);
    expect((await must('pieter.janssens', 'GET', `/reports/${id}`)).headers.get('x-access-basis')).toBe('team');

    const referred = await must('pieter.janssens', 'POST', `/reports/${id}/external-referral`, {
      organisation: 'Slachtofferhulp (CAW Oost-Vlaanderen)',
      reason: 'Nazorg',
    });
    expect(referred.body.report.referrals).toEqual([
      { organisation: 'Slachtofferhulp (CAW Oost-Vlaanderen)', referredAt: expect.any(String) },
    ]);
    const supported = await must('an.peeters', 'POST', `/reports/${id}/victim-support`, {
      partyId: REPORTER_ID,
      supportBy: 'slachtofferbejegenaar',
      accepted: true,
    });
    expect(supported.body.report.victimSupportOffered).toEqual([REPORTER_ID]);
    problem(
      await call('an.peeters', 'POST', `/reports/${id}/victim-support`, { partyId: SUSPECT_ID, supportBy: 'BPZ', accepted: true }),
      409,
      'no_such_victim',
    );
    problem(
      await call('an.peeters', 'POST', `/reports/${id}/victim-support`, { partyId: randomUUID(), supportBy: 'BPZ', accepted: true }),
      404,
      'party_not_found',
    );
    // A detective of another team may not act on it.
    expect((await call('sofie.maes', 'POST', `/reports/${id}/external-referral`, { organisation: 'CAW', reason: 'r' })).status).toBe(403);
  });

  it('refers a report for investigation with its essentials (reports.ReportReferredForInvestigation.v1)', async () => {
    const sent = aangifte();
    const { body } = await must('an.peeters', 'POST', '/reports', sent);
    const id = body.id as string;
    const referred = await must('an.peeters', 'POST', `/reports/${id}/investigation-request`, {
      reason: 'Derde inbraak in de straat deze maand',
    });
    expect(referred.body.report.investigationRequestedAt).toEqual(expect.any(String));
    const m = await message('reports.ReportReferredForInvestigation.v1', id);
    expect(m.key).toBe(`report-${id}`);
    expect(m.payload).toEqual({
      reportId: id,
      kind: 'aangifte',
      incidentType: 'woninginbraak',
      incidentFrom: sent.timeWindow.from,
      incidentTo: sent.timeWindow.to,
      place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
      summary: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
      parties: [
        { partyId: REPORTER_ID, role: 'aangever', displayName: 'A. Peeters' },
        { partyId: REPORTER_ID, role: 'slachtoffer', displayName: 'A. Peeters' },
        { partyId: SUSPECT_ID, role: 'verdachte', displayName: 'onbekende dader' },
      ],
      referredBy: '5415-0101',
      referredAt: referred.body.report.investigationRequestedAt,
      competentService: 'LRD',
    });
    problem(
      await call('an.peeters', 'POST', `/reports/${id}/investigation-request`, { reason: 'nog eens' }),
      409,
      'investigation_already_requested',
    );
    const thanks = await must('an.peeters', 'POST', '/reports', {
      kind: 'service_feedback',
      channel: { kind: 'meldpunt_form' },
      narrative: 'Dank aan de wijkagent',
      parties: [{ name: 'C. Maes', roles: ['reporter'] }],
    });
    problem(
      await call('an.peeters', 'POST', `/reports/${thanks.body.id}/investigation-request`, { reason: 'r' }),
      409,
      'report_kind_not_investigable',
    );
    const melding = await must('an.peeters', 'POST', '/reports', {
      kind: 'melding',
      channel: { kind: 'phone' },
      narrative: 'Verdachte wagen',
      parties: [{ name: 'D. Wouters', roles: ['reporter'] }],
      incidentType: 'verdachte situatie',
    });
    problem(
      await call('an.peeters', 'POST', `/reports/${melding.body.id}/investigation-request`, { reason: 'r' }),
      422,
      'required',
      'timeWindow',
    );
  });

  it('takes a PV from draft through GAK quality control to the parket and the ANG; a finalised PV is only supplemented', async () => {
    const { body } = await must('an.peeters', 'POST', '/reports', aangifte());
    const id = body.id as string;
    const draft = await call('an.peeters', 'POST', `/reports/${id}/pvs`, {
      legalQualification: 'Diefstal met braak (art. 467 Sw.)',
      offenceType: 'woninginbraak',
      destination: 'parket',
      documentSha256: DOC_SHA,
    });
    expect(draft.status).toBe(201);
    const pvId = draft.body.id as string;
    expect(draft.body.pv).toMatchObject({ status: 'draft', author: '5415-0101', reportId: id, pvNumber: null });
    const pv = (suffix: string) => `/reports/pvs/${pvId}/${suffix}`;

    problem(await call('an.peeters', 'POST', pv('transmission'), {}), 409, 'pv_not_quality_checked');
    problem(await call('wim.debacker', 'POST', pv('submission'), {}), 403, 'not_the_author');
    expect((await must('an.peeters', 'POST', pv('submission'), {})).body.pv).toMatchObject({ status: 'submitted', round: 1 });
    problem(await call('an.peeters', 'POST', pv('quality-check'), { outcome: 'approved' }), 403, 'not_gak');
    expect((await call('wim.debacker', 'POST', pv('quality-check'), { outcome: 'rejected' })).status).toBe(400);
    const rejected = await must('wim.debacker', 'POST', pv('quality-check'), {
      outcome: 'rejected',
      reasons: ['Artikel van de kwalificatie ontbreekt'],
    });
    expect(rejected.body.pv).toMatchObject({ status: 'rejected', rejectionReasons: ['Artikel van de kwalificatie ontbreekt'] });
    problem(await call('an.peeters', 'POST', pv('submission'), {}), 422, 'required', 'correctionNote');
    const resubmitted = await must('an.peeters', 'POST', pv('submission'), {
      corrections: { legalQualification: 'Diefstal met braak (art. 461 en 467 Sw.)' },
      correctionNote: 'Artikelen aangevuld',
    });
    expect(resubmitted.body.pv).toMatchObject({
      status: 'submitted',
      round: 2,
      legalQualification: 'Diefstal met braak (art. 461 en 467 Sw.)',
    });
    await must('wim.debacker', 'POST', pv('quality-check'), { outcome: 'approved' });
    problem(await call('wim.debacker', 'POST', pv('finalisation'), { pvNumber: 'GE 55 / ?' }), 422, 'invalid_pv_number', 'pvNumber');
    problem(await call('an.peeters', 'POST', pv('finalisation'), { pvNumber: 'GE.55.L5.004242/2026' }), 403, 'not_gak');
    const finalised = await must('wim.debacker', 'POST', pv('finalisation'), { pvNumber: 'GE.55.L5.004242/2026' });
    expect(finalised.body.pv).toMatchObject({ status: 'finalised', pvNumber: 'GE.55.L5.004242/2026' });
    problem(await call('an.peeters', 'POST', pv('submission'), {}), 409, 'pv_finalised');
    const sent = await must('an.peeters', 'POST', pv('transmission'), { recipientRef: 'PK-GENT-2026-1234' });
    expect(sent.body.pv.transmittedAt).toEqual(expect.any(String));
    problem(await call('an.peeters', 'POST', pv('transmission'), {}), 409, 'pv_already_transmitted');
    const fed = await must('wim.debacker', 'POST', pv('ang-feed'), {});
    expect(fed.body.pv.fedToAngAt).toEqual(expect.any(String));
    problem(await call('wim.debacker', 'POST', pv('ang-feed'), {}), 409, 'pv_already_fed_to_ang');

    const supplement = await must('an.peeters', 'POST', `/reports/${id}/pvs`, {
      legalQualification: 'Aanvullend PV: bijkomende buit',
      offenceType: 'woninginbraak',
      destination: 'parket',
      documentSha256: DOC_SHA,
      supplementsPvId: pvId,
    });
    expect(supplement.body.pv).toMatchObject({ status: 'draft', supplements: { pvId, pvNumber: 'GE.55.L5.004242/2026' } });
    const unfinished = await must('an.peeters', 'POST', `/reports/${id}/pvs`, {
      legalQualification: 'q',
      offenceType: 'o',
      destination: 'parket',
      documentSha256: DOC_SHA,
    });
    problem(
      await call('an.peeters', 'POST', `/reports/${id}/pvs`, {
        legalQualification: 'q',
        offenceType: 'o',
        destination: 'city_gas',
        documentSha256: DOC_SHA,
        supplementsPvId: unfinished.body.id,
      }),
      409,
      'pv_not_finalised',
    );

    const read = await must('an.peeters', 'GET', `/reports/pvs/${pvId}`);
    expect(read.body).toMatchObject({ id: pvId, reportId: id, pv: { status: 'finalised', round: 2 } });
    const history = await must('wim.debacker', 'GET', `/reports/pvs/${pvId}/history`);
    expect(history.headers.get('etag')).toBe(`"${read.body.version}"`);
    expect(history.body).toMatchObject({ pvId, reportId: id, version: read.body.version });
    expect(history.body.entries.map((e: any) => [e.position, e.step, e.by])).toEqual([
      [1, 'drafted', '5415-0101'],
      [2, 'submitted', '5415-0101'],
      [3, 'rejected', '5415-0110'],
      [4, 'resubmitted', '5415-0101'],
      [5, 'approved', '5415-0110'],
      [6, 'finalised', '5415-0110'],
      [7, 'transmitted_to_parket', '5415-0101'],
      [8, 'fed_to_ang', '5415-0110'],
    ]);
    expect(history.body.entries[2]).toEqual({
      position: 3,
      step: 'rejected',
      at: expect.any(String),
      by: '5415-0110',
      round: 1,
      reasons: ['Artikel van de kwalificatie ontbreekt'],
    });
    expect(history.body.entries[3]).toMatchObject({
      round: 2,
      corrections: { legalQualification: 'Diefstal met braak (art. 461 en 467 Sw.)' },
      correctionNote: 'Artikelen aangevuld',
    });
    expect(history.body.entries[6]).toMatchObject({
      pvNumber: 'GE.55.L5.004242/2026',
      destination: 'parket',
      recipientRef: 'PK-GENT-2026-1234',
    });
    const stamps = history.body.entries.map((e: any) => Date.parse(e.at));
    expect(stamps).toEqual([...stamps].sort((a: number, b: number) => a - b));
    const listed = await eventually(async () => {
      const a = await must('an.peeters', 'GET', `/reports/${id}/pvs`);
      expect(a.body.pvs).toHaveLength(3);
      return a;
    });
    expect(listed.body.pvs.map((p: any) => p.id)).toEqual([pvId, supplement.body.id, unfinished.body.id]);

    // The investigation request now carries the PV number.
    await must('an.peeters', 'POST', `/reports/${id}/investigation-request`, { reason: 'Sporen op de achterdeur' });
    expect((await message('reports.ReportReferredForInvestigation.v1', id)).payload).toMatchObject({ pvNumber: 'GE.55.L5.004242/2026' });
    // The GAS destination goes to the city.
    const gas = await must('an.peeters', 'POST', `/reports/${id}/pvs`, {
      legalQualification: 'GAS: geluidsoverlast',
      offenceType: 'geluidsoverlast',
      destination: 'city_gas',
      documentSha256: DOC_SHA,
    });
    await must('an.peeters', 'POST', `/reports/pvs/${gas.body.id}/submission`, {});
    await must('wim.debacker', 'POST', `/reports/pvs/${gas.body.id}/quality-check`, { outcome: 'approved' });
    await must('wim.debacker', 'POST', `/reports/pvs/${gas.body.id}/finalisation`, { pvNumber: 'GE.55.GAS.000017/2026' });
    await must('wim.debacker', 'POST', `/reports/pvs/${gas.body.id}/transmission`, { recipientRef: 'STAD-GAS-17' });
    const { rows } = await t.pool.query<{ type: string }>(`SELECT type FROM reports.events WHERE stream_id = $1 ORDER BY stream_version`, [
      `pv-${gas.body.id}`,
    ]);
    expect(rows.map((r) => r.type)).toEqual([
      'PvDrafted',
      'PvSubmittedForQualityCheck',
      'PvQualityApproved',
      'PvFinalised',
      'GasFindingTransmittedToCity',
    ]);
  });

  it("keeps GAK's queue of submitted PVs with what each waits for, filtered and paged, without drafts or a report routed to integrity; GAK only", async () => {
    const token = `queue-${randomUUID().slice(0, 8)}`;
    const draftOn = async (reportId: string, extra: Record<string, unknown> = {}) =>
      (
        await must('an.peeters', 'POST', `/reports/${reportId}/pvs`, {
          legalQualification: 'Diefstal (art. 461 Sw.)',
          offenceType: `fietsdiefstal ${token}`,
          destination: 'parket',
          documentSha256: DOC_SHA,
          ...extra,
        })
      ).body.id as string;
    const step = (pvId: string, user: string, suffix: string, body: unknown = {}) =>
      must(user, 'POST', `/reports/pvs/${pvId}/${suffix}`, body);
    const report = (await must('an.peeters', 'POST', '/reports', aangifte())).body.id as string;
    const first = await draftOn(report);
    await step(first, 'an.peeters', 'submission');
    const gas = await draftOn(report, { destination: 'city_gas', offenceType: `geluidsoverlast ${token}` });
    await step(gas, 'an.peeters', 'submission');
    await draftOn(report);
    const rejected = await draftOn(report);
    await step(rejected, 'an.peeters', 'submission');
    await step(rejected, 'wim.debacker', 'quality-check', {
      outcome: 'rejected',
      reasons: ['Handtekening ontbreekt', 'Artikel ontbreekt'],
    });
    const finalised = await draftOn(report);
    await step(finalised, 'an.peeters', 'submission');
    await step(finalised, 'wim.debacker', 'quality-check', { outcome: 'approved' });
    await step(finalised, 'wim.debacker', 'finalisation', { pvNumber: 'GE.55.L5.007001/2026' });
    // A PV of a report that turns out to concern police conduct leaves the queue with its report.
    const sealed = (await must('an.peeters', 'POST', '/reports', aangifte())).body.id as string;
    const sealedPv = await draftOn(sealed);
    await step(sealedPv, 'an.peeters', 'submission');
    await must(
      'an.peeters',
      'POST',
      `/reports/${sealed}/amendments`,
      { changes: { concernsPoliceConduct: true, staffMembersConcerned: ['5415-0201'] }, reason: 'De klacht betreft een agent' },
      { 'If-Match': '"0"' },
    );

    const queue = (query: string) =>
      must('wim.debacker', 'GET', `/reports/pvs?offenceType=${encodeURIComponent(token)}${query}`).then((a) => a.body);
    const ids = (page: any) => page.items.map((e: any) => e.pvId);
    const all = await eventually(async () => {
      const page = await queue('');
      expect(ids(page)).toEqual([first, gas, rejected, finalised]);
      return page;
    });
    expect(all).toMatchObject({ limit: 50, offset: 0 });
    expect(all.items[0]).toEqual({
      pvId: first,
      reportId: report,
      status: 'submitted',
      stages: ['quality_check'],
      destination: 'parket',
      offenceType: `fietsdiefstal ${token}`,
      legalQualification: 'Diefstal (art. 461 Sw.)',
      author: '5415-0101',
      round: 1,
      pvNumber: null,
      supplements: null,
      draftedAt: expect.any(String),
      submittedAt: expect.any(String),
      statusSince: expect.any(String),
      checkedBy: null,
      rejectionReasons: [],
      transmittedAt: null,
      fedToAngAt: null,
      version: 1,
    });
    expect(ids(await queue('&stage=quality_check'))).toEqual([first, gas]);
    expect(ids(await queue('&stage=quality_check&order=newest'))).toEqual([gas, first]);
    expect(ids(await queue('&destination=city_gas'))).toEqual([gas]);
    expect((await queue('&stage=correction')).items).toEqual([
      expect.objectContaining({
        pvId: rejected,
        checkedBy: '5415-0110',
        rejectionReasons: ['Handtekening ontbreekt', 'Artikel ontbreekt'],
      }),
    ]);
    expect((await queue('&stage=transmission')).items).toEqual([
      expect.objectContaining({ pvId: finalised, pvNumber: 'GE.55.L5.007001/2026', stages: ['transmission', 'ang_feed'] }),
    ]);
    expect(ids(await queue('&stage=ang_feed'))).toEqual([finalised]);
    expect(ids(await queue('&stage=completed'))).toEqual([]);
    expect(ids(await queue('&author=5415-0101&limit=2&offset=1'))).toEqual([gas, rejected]);
    // The filter's text is matched as text: % and _ are no wildcards.
    expect((await must('wim.debacker', 'GET', '/reports/pvs?offenceType=%25')).body.items).toEqual([]);

    problem(await call('an.peeters', 'GET', '/reports/pvs'), 403, 'not_gak');
    expect((await call('marc.goossens', 'GET', '/reports/pvs')).status).toBe(403);
    const bad = await call('wim.debacker', 'GET', '/reports/pvs?stage=waiting');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'stage' })]);
  });

  it('lists what waits at the desk, the most overdue first, each with its due time', async () => {
    const waiting = await must('an.peeters', 'POST', '/reports', aangifte());
    const withPv = await must('an.peeters', 'POST', '/reports', aangifte());
    const submitted = await must('an.peeters', 'POST', `/reports/${withPv.body.id}/pvs`, {
      legalQualification: 'q',
      offenceType: 'woninginbraak',
      destination: 'parket',
      documentSha256: DOC_SHA,
    });
    await must('an.peeters', 'POST', `/reports/pvs/${submitted.body.id}/submission`, {});
    const approved = await must('an.peeters', 'POST', `/reports/${withPv.body.id}/pvs`, {
      legalQualification: 'q2',
      offenceType: 'woninginbraak',
      destination: 'parket',
      documentSha256: DOC_SHA,
    });
    await must('an.peeters', 'POST', `/reports/pvs/${approved.body.id}/submission`, {});
    await must('wim.debacker', 'POST', `/reports/pvs/${approved.body.id}/quality-check`, { outcome: 'approved' });
    const deadlines = await eventually(async () => {
      const a = await must('an.peeters', 'GET', '/reports/deadlines');
      expect(a.body.pvsAwaitingTransmission.map((p: any) => p.pvId)).toContain(approved.body.id);
      return a;
    });
    const ids = (list: any[], key: string) => list.map((x) => x[key]);
    expect(ids(deadlines.body.reportsAwaitingPv, 'reportId')).toContain(waiting.body.id);
    expect(ids(deadlines.body.reportsAwaitingPv, 'reportId')).not.toContain(withPv.body.id);
    expect(deadlines.body.pvsAwaitingQualityCheck.find((p: any) => p.pvId === submitted.body.id)).toEqual({
      pvId: submitted.body.id,
      reportId: withPv.body.id,
      status: 'submitted',
      destination: 'parket',
      pvNumber: null,
      since: expect.any(String),
      ageMs: expect.any(Number),
      ageDays: 0,
      dueAt: expect.any(String),
      overdue: false,
    });
    const qc = deadlines.body.pvsAwaitingQualityCheck.find((p: any) => p.pvId === submitted.body.id);
    // The default time limit of the quality check: two days from the submission.
    expect(Date.parse(qc.dueAt) - Date.parse(qc.since)).toBe(2 * 24 * HOUR);
    expect(deadlines.body.reportsAwaitingPv.find((r: any) => r.reportId === waiting.body.id)).toEqual({
      reportId: waiting.body.id,
      kind: 'aangifte',
      channel: 'front_desk',
      officeId: 'apg',
      incidentType: 'woninginbraak',
      urgent: false,
      since: waiting.body.report.receivedAt,
      ageMs: expect.any(Number),
      ageDays: 0,
      dueAt: new Date(Date.parse(waiting.body.report.receivedAt) + 3 * 24 * HOUR).toISOString(),
      overdue: false,
    });
    const due = deadlines.body.reportsAwaitingPv.map((r: any) => r.dueAt);
    expect(due).toEqual([...due].sort());
    // A detective of a team none of these reports is assigned to sees none of them.
    const other = await must('sofie.maes', 'GET', '/reports/deadlines');
    expect(other.body).toMatchObject({ reportsAwaitingPv: [], pvsAwaitingQualityCheck: [], pvsAwaitingTransmission: [] });
  });

  it('routes a complaint about police conduct to integrity at intake, keeping only a pointer', async () => {
    const complaint = {
      kind: 'klacht',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: true,
      incidentType: 'onheus optreden',
      timeWindow: { from: iso(30 * HOUR), to: iso(29 * HOUR) },
      place: { municipality: 'Gent', address: 'Kouter' },
      narrative: 'De agent aan de balie duwde mij naar buiten.',
      parties: [{ name: 'J. Janssens', roles: ['reporter', 'victim'], contact: 'j.janssens@example.org' }],
      concernsPoliceConduct: true,
      staffMembersConcerned: ['5415-0101'],
    };
    const filed = await call('wim.debacker', 'POST', '/reports', complaint);
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    expect(filed.body).toEqual({
      id,
      status: 'routed_to_integrity',
      version: 1,
      integrityHandoffId: expect.any(String),
      routedAt: expect.any(String),
      routedBy: '5415-0110',
      erased: null,
    });
    expect(filed.text).not.toContain('duwde');

    const m = await message('reports.PoliceConductComplaintFiled.v1', id);
    expect(m.payload).toEqual({
      reportId: id,
      channel: 'balie',
      receivedAt: filed.body.routedAt,
      complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
      staffMembersConcerned: ['5415-0101'],
      facts: 'De agent aan de balie duwde mij naar buiten.',
      office: 'apg',
    });

    await projected(id, 1);
    const read = await must('wim.debacker', 'GET', `/reports/${id}`);
    expect(read.body).toEqual(filed.body);
    const { rows } = await t.pool.query('SELECT * FROM reports.reports WHERE id = $1', [id]);
    expect(JSON.stringify(rows[0])).not.toMatch(/duwde|Janssens|Kouter|onheus/);
    expect(rows[0]).toMatchObject({ kind: null, channel: null, office: null, incidentType: null, sealed: true });
    // The officer it concerns is told it does not exist, as for a missing id.
    const concerned = await call('an.peeters', 'GET', `/reports/${id}`);
    const missing = await call('an.peeters', 'GET', `/reports/${randomUUID()}`);
    expect(concerned.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...concerned.body, instance: undefined }).toEqual({ ...missing.body, instance: undefined });
    // Nothing more happens to it here.
    problem(await call('wim.debacker', 'POST', `/reports/${id}/assignment`, { serviceId: 'LRD' }), 409, 'report_routed_to_integrity');
    problem(
      await call('wim.debacker', 'POST', `/reports/${id}/pvs`, {
        legalQualification: 'q',
        offenceType: 'o',
        destination: 'parket',
        documentSha256: DOC_SHA,
      }),
      409,
      'report_routed_to_integrity',
    );
    const list = await must('wim.debacker', 'GET', '/reports?status=routed_to_integrity');
    expect(list.body.items).toContainEqual(filed.body);
    expect(JSON.stringify(list.body)).not.toContain('duwde');
    const deadlines = await must('wim.debacker', 'GET', '/reports/deadlines');
    expect(JSON.stringify(deadlines.body)).not.toContain(id);
  });

  it('routes a report amended to concern police conduct in the same request', async () => {
    const { body } = await must('an.peeters', 'POST', '/reports', aangifte({ incidentType: 'slagen en verwondingen' }));
    const id = body.id as string;
    const amended = await must(
      'an.peeters',
      'POST',
      `/reports/${id}/amendments`,
      { changes: { concernsPoliceConduct: true, staffMembersConcerned: ['5415-0204'] }, reason: 'De dader blijkt een agent' },
      { 'If-Match': '"0"' },
    );
    expect(amended.body).toEqual({
      id,
      status: 'routed_to_integrity',
      version: 2,
      integrityHandoffId: expect.any(String),
      routedAt: expect.any(String),
      routedBy: '5415-0101',
      erased: null,
    });
    const m = await message('reports.PoliceConductComplaintFiled.v1', id);
    expect(m.payload).toMatchObject({
      reportId: id,
      channel: 'balie',
      staffMembersConcerned: ['5415-0204'],
      facts: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
      complainant: { name: 'A. Peeters' },
    });
    await projected(id, 2);
    expect((await call('koen.claes', 'GET', `/reports/${id}`)).status).toBe(404);
  });

  it('answers a replayed intake with the 404 of a missing id to the officer the report has since been found to concern', async () => {
    const key = `intake-replay-${randomUUID()}`;
    // One body for every send: a retry is the same request (aangifte() dates itself at each call).
    const intake = aangifte();
    const first = await call('an.peeters', 'POST', '/reports', intake, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const id = first.body.id as string;
    await must(
      'wim.debacker',
      'POST',
      `/reports/${id}/amendments`,
      { changes: { concernsPoliceConduct: true, staffMembersConcerned: ['5415-0101'] }, reason: 'De klacht betreft de onthaalmedewerker' },
      { 'If-Match': '"0"' },
    );
    const missing = await call('an.peeters', 'GET', `/reports/${randomUUID()}`);
    expect((await call('an.peeters', 'GET', `/reports/${id}`)).status).toBe(404);
    const replay = await call('an.peeters', 'POST', '/reports', intake, { 'Idempotency-Key': key });
    expect(replay.status).toBe(404);
    expect({ ...replay.body, instance: undefined }).toEqual({ ...missing.body, instance: undefined });
    expect(replay.text).not.toContain(id);
    expect(replay.headers.get('location')).toBeNull();
    expect(replay.headers.get('etag') ?? '').not.toMatch(/^"\d+"$/);
    // Whoever still may see it gets the first result back.
    const own = await call('wim.debacker', 'POST', '/reports', intake, { 'Idempotency-Key': key });
    expect(own.status).toBe(201);
    expect(own.body.id).not.toBe(id);
  });

  it('answers a PV to supplement that belongs to another report, one the writer may not know of, or none, byte for byte alike', async () => {
    const pvBody = {
      legalQualification: 'Diefstal met braak (art. 467 Sw.)',
      offenceType: 'woninginbraak',
      destination: 'parket',
      documentSha256: DOC_SHA,
    };
    const own = (await must('an.peeters', 'POST', '/reports', aangifte())).body.id as string;
    const other = (await must('an.peeters', 'POST', '/reports', aangifte())).body.id as string;
    const otherPv = (await must('an.peeters', 'POST', `/reports/${other}/pvs`, pvBody)).body.id as string;
    // A report found to concern the desk officer herself: to her, it and its PV do not exist.
    const sealed = (await must('wim.debacker', 'POST', '/reports', aangifte())).body.id as string;
    const sealedPv = (await must('wim.debacker', 'POST', `/reports/${sealed}/pvs`, pvBody)).body.id as string;
    await must(
      'wim.debacker',
      'POST',
      `/reports/${sealed}/amendments`,
      { changes: { concernsPoliceConduct: true, staffMembersConcerned: ['5415-0101'] }, reason: 'De klacht betreft de onthaalmedewerker' },
      { 'If-Match': '"0"' },
    );
    expect((await call('an.peeters', 'GET', `/reports/pvs/${sealedPv}`)).status).toBe(404);

    const draft = (supplementsPvId: string) => call('an.peeters', 'POST', `/reports/${own}/pvs`, { ...pvBody, supplementsPvId });
    const missing = await draft(randomUUID());
    problem(missing, 422, 'unknown_pv', 'supplementsPvId');
    for (const named of [otherPv, sealedPv]) {
      const a = await draft(named);
      expect({ status: a.status, contentType: a.headers.get('content-type'), text: a.text }).toEqual({
        status: missing.status,
        contentType: missing.headers.get('content-type'),
        text: missing.text,
      });
    }
    // Nothing was drafted on the report by the refused requests.
    const { rows } = await t.pool.query(`SELECT 1 FROM reports.events WHERE type = 'PvDrafted' AND data->>'reportId' = $1`, [own]);
    expect(rows).toEqual([]);
  });

  it('takes one report for twenty identical intakes sent at once with one Idempotency-Key, and refuses the key with another body', async () => {
    const send = (key: string, body: unknown) => t.request('an.peeters', 'POST', '/api/reports', body, { 'Idempotency-Key': key });
    const body = aangifte({ narrative: 'Twintig keer dezelfde aangifte.' });
    const made = await expectIdempotentCreate(send, { body, otherBody: { ...body, narrative: 'Een andere aangifte.' } });
    const { rows } = await t.pool.query<{ stream: string; n: number }>(
      `SELECT stream_id AS stream, count(*)::int AS n FROM reports.events WHERE type = 'ReportReceived' AND stream_id = ANY($1) GROUP BY 1`,
      [[`report-${made.first}`, `report-${made.racing}`]],
    );
    expect(rows.map((r) => r.n)).toEqual([1, 1]);
    const store = t.app.get<ServiceEventSourcing>(EVENT_SOURCING).store;
    const narratives = new Set<unknown>();
    for (const report of [made.first, made.racing])
      for (const e of (await store.readStream(`report-${report}`)).events)
        if (e.type === 'ReportReceived') narratives.add((e.data as { narrative: unknown }).narrative);
    expect([...narratives]).toEqual(['Twintig keer dezelfde aangifte.']);
  });

  it('answers list dates that are ISO 8601 but no instant (week dates, basic format) with a 400 naming the field, never a 500', async () => {
    for (const from of ['2026-W10-1', '20260301']) {
      const a = await call('an.peeters', 'GET', `/reports?from=${from}`);
      expect(a.status).toBe(400);
      expect(a.headers.get('content-type')).toContain('application/problem+json');
      expect(a.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    }
    const to = await call('an.peeters', 'GET', '/reports?to=2026-069');
    expect(to.status).toBe(400);
    expect(to.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    expect((await call('an.peeters', 'GET', `/reports?from=2026-03-01&to=${encodeURIComponent('2026-03-02T10:00:00+01:00')}`)).status).toBe(
      200,
    );
  });

  it('declares lost and found objects to evidence (reports.LossDeclared.v1, reports.FoundObjectDeclared.v1)', async () => {
    const declarant = randomUUID();
    const lost = await must('an.peeters', 'POST', '/reports', {
      kind: 'loss_declaration',
      channel: { kind: 'police_on_web' },
      timeWindow: { from: '2026-03-01T08:00:00+01:00', to: '2026-03-01T18:00:00+01:00' },
      place: { municipality: 'Gent', address: 'Sint-Pietersstation, fietsenstalling' },
      narrative: 'Fiets niet meer teruggevonden',
      parties: [{ partyId: declarant, name: 'E. Wouters', roles: ['reporter'] }],
      object: { description: 'Blauwe stadsfiets, merk Oxford', category: 'bicycle' },
    });
    expect((await message('reports.LossDeclared.v1', lost.body.id)).payload).toEqual({
      reportId: lost.body.id,
      category: 'bicycle',
      description: 'Blauwe stadsfiets, merk Oxford',
      place: { municipality: 'Gent', address: 'Sint-Pietersstation, fietsenstalling' },
      lostOn: '2026-03-01',
      declarantRef: declarant,
      declaredAt: lost.body.report.receivedAt,
    });
    // The desk reads back what was declared.
    expect(lost.body.report.object).toEqual({ description: 'Blauwe stadsfiets, merk Oxford', category: 'bicycle' });
    const found = await must('an.peeters', 'POST', '/reports', {
      kind: 'found_object_declaration',
      channel: { kind: 'front_desk', officeId: 'apg' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt' },
      narrative: 'Afgegeven aan de balie',
      parties: [{ partyId: declarant, name: 'E. Wouters', roles: ['reporter'] }],
      object: { description: 'Bruine portefeuille' },
    });
    const payload = (await message('reports.FoundObjectDeclared.v1', found.body.id)).payload as Record<string, unknown>;
    expect(payload).toEqual({
      reportId: found.body.id,
      category: 'other',
      description: 'Bruine portefeuille',
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt' },
      foundOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      declarantRef: declarant,
      declaredAt: found.body.report.receivedAt,
    });
  });

  it('lists reports with filters and paging, only those the reader may see', async () => {
    const office = { kind: 'front_desk', officeId: 'commissariaat-noord' };
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await must('an.peeters', 'POST', '/reports', aangifte({ channel: office }))).body.id);
    for (const id of made) await projected(id, 0);
    const page1 = await must('an.peeters', 'GET', '/reports?office=commissariaat-noord&kind=aangifte&limit=2');
    expect(page1.body).toMatchObject({ limit: 2, offset: 0 });
    expect(page1.body.items.map((r: any) => r.id)).toEqual([made[2], made[1]]);
    expect(page1.body.items[0]).toEqual({
      id: made[2],
      status: 'received',
      version: 0,
      kind: 'aangifte',
      channel: 'front_desk',
      office: 'commissariaat-noord',
      incidentType: 'woninginbraak',
      urgent: false,
      receivedAt: expect.any(String),
      assignedServiceId: null,
      pvCount: 0,
    });
    const page2 = await must('an.peeters', 'GET', '/reports?office=commissariaat-noord&limit=2&offset=2');
    expect(page2.body.items.map((r: any) => r.id)).toEqual([made[0]]);
    expect((await must('an.peeters', 'GET', '/reports?office=commissariaat-noord&status=pv_in_progress')).body.items).toEqual([]);
    const online = (
      await must('an.peeters', 'POST', '/reports', aangifte({ channel: { kind: 'police_on_web' }, appointmentRef: undefined }))
    ).body.id;
    await projected(online, 0);
    const byChannel = (await must('an.peeters', 'GET', '/reports?channel=police_on_web&limit=200')).body.items.map((r: any) => r.id);
    expect(byChannel).toContain(online);
    expect(byChannel).not.toContain(made[0]);
    expect(
      (await must('an.peeters', 'GET', '/reports?channel=front_desk&office=commissariaat-noord')).body.items.map((r: any) => r.id),
    ).toEqual([made[2], made[1], made[0]]);
    const fax = await call('an.peeters', 'GET', '/reports?channel=fax');
    expect(fax.status).toBe(400);
    expect(fax.body.errors).toEqual([expect.objectContaining({ field: 'channel' })]);
    const future = new Date(Date.now() + HOUR).toISOString();
    expect((await must('an.peeters', 'GET', `/reports?office=commissariaat-noord&from=${encodeURIComponent(future)}`)).body.items).toEqual(
      [],
    );
    expect(
      (await must('an.peeters', 'GET', `/reports?office=commissariaat-noord&to=${encodeURIComponent(future)}`)).body.items,
    ).toHaveLength(3);
    expect((await must('pieter.janssens', 'GET', '/reports?office=commissariaat-noord')).body.items).toEqual([]);
    expect((await call('an.peeters', 'GET', '/reports?status=lost')).status).toBe(400);
  });

  it('counts reports per kind, channel, office, incident type and week, without conduct complaints', async () => {
    // The statistics' days are Belgian days: after midnight in Brussels the UTC day is still yesterday.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const count = async (groupBy: string) =>
      (await must('filip.vermeulen', 'GET', `/reports/statistics?from=2000-01-01&to=2999-12-31&groupBy=${groupBy}`)).body;
    const before = await count('kind,office');
    const made = [
      (await must('an.peeters', 'POST', '/reports', aangifte({ channel: { kind: 'front_desk', officeId: 'commissariaat-zuid' } }))).body.id,
    ];
    made.push(
      (
        await must('an.peeters', 'POST', '/reports', {
          kind: 'melding',
          channel: { kind: 'meldpunt_email' },
          incidentType: 'sluikstort',
          narrative: 'Afval aan de hoek',
          parties: [{ name: 'Stad Gent', roles: ['reporter'] }],
        })
      ).body.id,
    );
    const conduct = await must('an.peeters', 'POST', '/reports', {
      kind: 'klacht',
      channel: { kind: 'front_desk', officeId: 'commissariaat-zuid' },
      urgent: true,
      incidentType: 'onheus optreden',
      timeWindow: { from: iso(3 * HOUR), to: iso(2 * HOUR) },
      place: { municipality: 'Gent' },
      narrative: 'Onbeleefd',
      parties: [{ name: 'F', roles: ['reporter'] }],
      concernsPoliceConduct: true,
    });
    await eventually(async () => {
      const { rows } = await t.pool.query('SELECT "reportId" FROM reports.report_statistics WHERE "reportId" = ANY($1::uuid[])', [made]);
      expect(rows).toHaveLength(2);
    });
    const after = await count('kind,office');
    const n = (stats: any, key: Record<string, string>) =>
      stats.groups.find((g: any) => JSON.stringify(g.key) === JSON.stringify(key))?.count ?? 0;
    expect(
      n(after, { kind: 'aangifte', office: 'commissariaat-zuid' }) - n(before, { kind: 'aangifte', office: 'commissariaat-zuid' }),
    ).toBe(1);
    expect(n(after, { kind: 'melding', office: '-' }) - n(before, { kind: 'melding', office: '-' })).toBe(1);
    expect(n(after, { kind: 'klacht', office: 'commissariaat-zuid' })).toBe(0);
    expect(after.total - before.total).toBe(2);
    const { rows } = await t.pool.query('SELECT * FROM reports.report_statistics WHERE "reportId" = $1', [conduct.body.id]);
    expect(rows).toEqual([]);

    const byWeek = (await must('els.jacobs', 'GET', `/reports/statistics?from=${today}&to=${today}&groupBy=week,channel,incidentType`))
      .body;
    expect(byWeek.groupBy).toEqual(['week', 'channel', 'incidentType']);
    expect(byWeek.groups).toContainEqual({
      key: { week: expect.stringMatching(/^\d{4}-W\d{2}$/), channel: 'meldpunt_email', incidentType: 'sluikstort' },
      count: 1,
    });
    expect(JSON.stringify(byWeek)).not.toMatch(/Stad Gent|Afval/);
    expect((await call('an.peeters', 'GET', '/reports/statistics?groupBy=name')).status).toBe(400);
    expect((await call('pieter.janssens', 'GET', '/reports/statistics')).status).toBe(403);
  });

  it('answers an unknown route with 404, and a report id that is not a UUID as bad input naming the id', async () => {
    const missing = await fetch(`${t.url}/api/reports/no/such/route`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await missing.json()).toMatchObject({ status: 404, title: 'Not found', instance: '/api/reports/no/such/route' });
    const notAnId = await call('an.peeters', 'GET', '/reports/not-a-uuid');
    expect(notAnId.status).toBe(400);
    expect(notAnId.body).toMatchObject({
      status: 400,
      type: 'https://police-case-platform.example/problems/validation',
      errors: [{ field: 'id', detail: 'must be a UUID' }],
    });
    expect(JSON.stringify(notAnId.body)).toContain('not-a-uuid');
    expect((await fetch(`${t.url}/api/reports/health`)).status).toBe(200);
  });
});
