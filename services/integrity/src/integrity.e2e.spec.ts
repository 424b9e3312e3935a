import { randomUUID } from 'node:crypto';
import { IncomingMessage } from '@police/messaging';
import { expectIdempotentCreate, ServiceTestApp, startServiceApp } from '@police/service-testing';
import { eventually } from '@police/testing';
import { complaintIdOfMessage } from './integration/integrity.consumer';
import { IntegrityModule } from './integrity.module';

const TODAY = new Date().toISOString().slice(0, 10);
const KOEN = '5415-0204';
const SOFIE = '5415-0202';
const BART = '5415-0401';
const MARC = '5415-0301';
const FILIP = '5415-0001';

interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

const mailed = (extra: Record<string, unknown> = {}) => ({
  channel: 'mail',
  complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
  staffConcerned: [KOEN],
  facts: 'Klager stelt dat hij bij een verkeerscontrole onheus werd bejegend.',
  receivedOn: TODAY,
  ...extra,
});

// The integrity service over HTTP as the embedded product runs it: security (dev issuer, consultation
// log), the in-process bus, one PostgreSQL connection, a fresh database.
describe('integrity service over HTTP', () => {
  let t: ServiceTestApp;
  const published: IncomingMessage[] = [];
  /** The report whose conduct complaint reports handed off (set by the test that publishes it). */
  let handedOff: string | undefined;

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

  async function must(user: string, method: string, path: string, body?: unknown): Promise<any> {
    const a = await call(user, method, path, body);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user} answered ${a.status}: ${a.text}`);
    return a.body;
  }

  /** A complaint registered by the chief and forwarded to both bodies. */
  async function forwardedComplaint(extra: Record<string, unknown> = {}): Promise<string> {
    const { id } = await must('filip.vermeulen', 'POST', '/integrity/complaints', mailed(extra));
    await must('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings`, {
      body: 'comite_p',
      forwardedOn: TODAY,
      channel: 'email',
    });
    await must('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings`, { body: 'aig', forwardedOn: TODAY, channel: 'letter' });
    return id as string;
  }

  const publishComplaintFiled = (payload: object, id = randomUUID()) =>
    t.bus.publish([
      {
        id,
        topic: 'reports.public.v1',
        key: `report-${(payload as { reportId: string }).reportId}`,
        type: 'reports.PoliceConductComplaintFiled.v1',
        payload,
        correlationId: randomUUID(),
        causationId: randomUUID(),
      },
    ]);

  beforeAll(async () => {
    t = await startServiceApp({ service: 'integrity', module: IntegrityModule, register: (runtime) => IntegrityModule.register(runtime) });
    await t.bus.subscribe({ groupId: 'test-spy', topics: ['integrity.public.v1'], handle: async (m) => void published.push(m) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers one complaint for twenty identical requests sent at once with one Idempotency-Key, and refuses the key with another body', async () => {
    const send = (key: string, body: unknown) =>
      t.request('bart.desmet', 'POST', '/api/integrity/complaints', body, { 'Idempotency-Key': key });
    const body = mailed({ facts: 'Twintig keer dezelfde klacht.' });
    const made = await expectIdempotentCreate(send, { body, otherBody: { ...body, facts: 'Een andere klacht.' } });
    const { rows } = await t.pool.query<{ facts: string; n: number }>(
      `SELECT data->>'facts' AS facts, count(*)::int AS n FROM integrity.events WHERE type = 'IntegrityComplaintReceived' AND stream_id = ANY($1) GROUP BY 1`,
      [[`integrity-complaint-${made.first}`, `integrity-complaint-${made.racing}`]],
    );
    expect(rows).toEqual([{ facts: 'Twintig keer dezelfde klacht.', n: 2 }]);
  });

  it('takes a complaint from intake through forwarding, triage, investigation and outcome to closure', async () => {
    const received = await call('filip.vermeulen', 'POST', '/integrity/complaints', mailed({ office: 'APG' }), {
      'Idempotency-Key': 'klacht-2026-mail-0001',
    });
    expect(received.status).toBe(201);
    expect(received.headers.get('etag')).toBe('"1"');
    const again = await call('filip.vermeulen', 'POST', '/integrity/complaints', mailed({ office: 'APG' }), {
      'Idempotency-Key': 'klacht-2026-mail-0001',
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(received.body.id);
    const id = received.body.id as string;
    expect(received.body).toMatchObject({
      id,
      version: 1,
      registerNumber: expect.stringMatching(/^DIT-\d{4}-\d{6}$/),
      phase: 'intake',
      unit: 'intake',
      overdue: [],
      complaint: {
        complaintId: id,
        channel: 'mail',
        complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
        staffConcerned: [KOEN],
        office: 'APG',
        receivedOn: TODAY,
        recordedBy: FILIP,
        forwardings: {},
        triage: null,
      },
    });
    const registerNumber = received.body.registerNumber as string;

    // R-INT-1: nothing past intake before both forwardings are on record.
    const early = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/triage`, {
      route: 'administrative',
      reason: 'deontologische tekortkoming',
    });
    expect(early).toMatchObject({ status: 409, body: { code: 'forwarding_not_recorded' } });
    expect(early.body.detail).toContain('Comité P and AIG');
    expect(early.headers.get('content-type')).toContain('application/problem+json');

    const toComiteP = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings`, {
      body: 'comite_p',
      forwardedOn: TODAY,
      channel: 'email',
    });
    expect(toComiteP.status).toBe(201);
    expect(toComiteP.body.document).toBe(`/api/integrity/complaints/${id}/forwardings/comite_p/document`);
    const stillOne = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/triage`, {
      route: 'administrative',
      reason: 'deontologische tekortkoming',
    });
    expect(stillOne.body).toMatchObject({ status: 409, code: 'forwarding_not_recorded' });
    expect(stillOne.body.detail).toContain('AIG');
    await must('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings`, {
      body: 'aig',
      forwardedOn: TODAY,
      channel: 'registered_letter',
      reference: 'AIG/2026/0815',
    });
    const twice = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings`, {
      body: 'aig',
      forwardedOn: TODAY,
      channel: 'email',
    });
    expect(twice.body).toMatchObject({ status: 409, code: 'already_forwarded' });
    const ack = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings/comite_p/reference`, {
      reference: 'CP-2026-12345',
      acknowledgedOn: TODAY,
    });
    expect(ack.status).toBe(200);
    expect(ack.body.complaint.forwardings).toEqual({
      comite_p: {
        basis: 'forwarded',
        forwardedOn: TODAY,
        channel: 'email',
        reference: 'CP-2026-12345',
        acknowledgedOn: TODAY,
        recordedBy: BART,
        recordedAt: expect.any(String),
      },
      aig: {
        basis: 'forwarded',
        forwardedOn: TODAY,
        channel: 'registered_letter',
        reference: 'AIG/2026/0815',
        recordedBy: BART,
        recordedAt: expect.any(String),
      },
    });
    const document = await fetch(`${t.url}/api/integrity/complaints/${id}/forwardings/comite_p/document`, {
      headers: { authorization: `Bearer ${t.token('bart.desmet')}` },
    });
    expect(document.status).toBe(200);
    expect(document.headers.get('content-type')).toBe('application/pdf');
    expect(document.headers.get('content-disposition')).toContain(registerNumber);
    expect(
      Buffer.from(await document.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(
      (
        await call('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings/fbi/reference`, {
          reference: 'X',
          acknowledgedOn: TODAY,
        })
      ).body,
    ).toMatchObject({ status: 404, code: 'unknown_oversight_body' });

    // Triage is the chief's (or a disciplinary authority's); the complaint moves into BIT's compartment.
    const byBit = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/triage`, {
      route: 'administrative',
      reason: 'deontologische tekortkoming',
    });
    expect(byBit.body).toMatchObject({ status: 403, code: 'not_an_ordering_authority' });
    const judicialWithout = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/triage`, {
      route: 'judicial',
      reason: 'strafbare feiten',
    });
    expect(judicialWithout.body).toMatchObject({ status: 422, code: 'parket_reference_required', errors: [{ field: 'parketReference' }] });
    const triaged = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/triage`, {
      route: 'administrative',
      reason: 'deontologische tekortkoming',
    });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({
      phase: 'triaged',
      unit: 'BIT',
      complaint: { triage: { route: 'administrative', compartment: 'integrity:BIT', orderedBy: FILIP, orderedAs: 'korpschef' } },
    });
    await eventually(async () => expect((await call('hilde.mertens', 'GET', `/integrity/complaints/${id}`)).status).toBe(404));

    // Conflict of interest: bart.desmet and koen.claes are related (configuration); the chief may override with a reason.
    // The check the console runs before the choice is confirmed says the same, and who may override it.
    const check = (user: string, investigatorId: string) =>
      must(user, 'GET', `/integrity/complaints/${id}/investigator-check?investigatorId=${investigatorId}`);
    expect(await check('filip.vermeulen', BART)).toEqual({
      investigatorId: BART,
      name: 'Bart De Smet',
      teams: ['BIT'],
      unit: 'DIT/BIT',
      verdict: 'conflict',
      conflicts: [{ kind: 'relationship', staffId: KOEN }],
      mayAssign: true,
      mayOverride: true,
    });
    expect(await check('bart.desmet', BART)).toMatchObject({ verdict: 'conflict', mayAssign: false, mayOverride: false });
    expect(await check('filip.vermeulen', SOFIE)).toMatchObject({
      verdict: 'conflict',
      conflicts: [{ kind: 'same_unit', staffId: KOEN, unit: 'LRD' }],
      mayOverride: true,
    });
    expect(await check('filip.vermeulen', KOEN)).toMatchObject({ verdict: 'concerned', conflicts: [], mayOverride: false });
    expect(await check('filip.vermeulen', MARC)).toMatchObject({
      verdict: 'eligible',
      name: 'Marc Goossens',
      mayAssign: true,
      mayOverride: false,
    });
    expect(await check('filip.vermeulen', '5415-9999')).toMatchObject({ verdict: 'eligible', name: null, teams: [], unit: null });
    expect((await call('filip.vermeulen', 'GET', `/integrity/complaints/${id}/investigator-check`)).body).toMatchObject({
      status: 400,
      errors: expect.arrayContaining([expect.objectContaining({ field: 'investigatorId' })]),
    });
    expect((await call('koen.claes', 'GET', `/integrity/complaints/${id}/investigator-check?investigatorId=${MARC}`)).status).toBe(403);
    const conflicted = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/investigators`, {
      investigatorId: BART,
      designated: false,
    });
    expect(conflicted.body).toMatchObject({ status: 409, code: 'conflict_of_interest' });
    expect(conflicted.body.detail).toContain('relationship with 5415-0204');
    const sameUnit = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/investigators`, {
      investigatorId: SOFIE,
      designated: true,
    });
    expect(sameUnit.body.detail).toContain('same unit with 5415-0204');
    const concerned = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/investigators`, {
      investigatorId: KOEN,
      designated: true,
    });
    expect(concerned.body).toMatchObject({ status: 409, code: 'investigator_concerned' });
    const overridden = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/investigators`, {
      investigatorId: BART,
      designated: false,
      override: { reason: 'enige BIT-onderzoeker; tweede lezing door de designated onderzoeker' },
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body.complaint.investigators).toEqual([
      {
        investigatorId: BART,
        designated: false,
        conflicts: [{ kind: 'relationship', staffId: KOEN }],
        override: { decidedBy: FILIP, reason: 'enige BIT-onderzoeker; tweede lezing door de designated onderzoeker' },
        assignedBy: FILIP,
        assignedAt: expect.any(String),
      },
    ]);
    const designated = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/investigators`, {
      investigatorId: MARC,
      designated: true,
    });
    expect(designated.status).toBe(201);
    // The check reads the read model, which trails the log: the designation shows once projected.
    await eventually(async () =>
      expect(await check('filip.vermeulen', MARC)).toMatchObject({ verdict: 'already_assigned', mayOverride: false }),
    );

    // The designated investigator sees this file, by assignment, and no list.
    const marcReads = await eventually(async () => {
      const a = await call('marc.goossens', 'GET', `/integrity/complaints/${id}`);
      expect(a.status).toBe(200);
      return a;
    });
    expect(marcReads.headers.get('x-access-basis')).toBe('assignment');
    expect((await call('marc.goossens', 'GET', '/integrity/complaints')).status).toBe(403);

    // Findings ten laste and ten ontlaste, both in their own place; only investigators record them.
    const notInvestigator = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/findings`, {
      kind: 'incriminating',
      summary: 'x',
      source: 'y',
    });
    expect(notInvestigator.body).toMatchObject({ status: 403, code: 'not_an_investigator' });
    const against = await call('marc.goossens', 'POST', `/integrity/complaints/${id}/findings`, {
      kind: 'incriminating',
      summary: 'Bodycam toont verheven stem',
      source: 'bodycambeelden',
      staffId: KOEN,
    });
    expect(against.status).toBe(201);
    const favour = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/findings`, {
      kind: 'exculpatory',
      summary: 'Getuige bevestigt dat klager agressief was',
      source: 'verhoor getuige',
    });
    expect(favour.body.complaint.findings).toEqual({
      incriminating: [
        {
          findingId: against.body.findingId,
          staffId: KOEN,
          summary: 'Bodycam toont verheven stem',
          source: 'bodycambeelden',
          recordedBy: MARC,
          recordedAt: expect.any(String),
        },
      ],
      exculpatory: [
        {
          findingId: favour.body.findingId,
          summary: 'Getuige bevestigt dat klager agressief was',
          source: 'verhoor getuige',
          recordedBy: BART,
          recordedAt: expect.any(String),
        },
      ],
    });

    const heard = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/hearings`, {
      staffId: KOEN,
      heardOn: TODAY,
      assistance: { kind: 'lawyer', name: 'Mr. De Wolf' },
      fileAccessGiven: true,
      summary: 'Betrokkene erkent verheven stem, ontkent beledigingen',
    });
    expect(heard.status).toBe(201);
    expect(heard.body.complaint.hearings).toEqual([
      {
        hearingId: heard.body.hearingId,
        staffId: KOEN,
        heardOn: TODAY,
        assistance: { kind: 'lawyer', name: 'Mr. De Wolf' },
        fileAccessGiven: true,
        summary: 'Betrokkene erkent verheven stem, ontkent beledigingen',
        heardBy: BART,
        recordedAt: expect.any(String),
      },
    ]);
    const noName = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/hearings`, {
      staffId: KOEN,
      heardOn: TODAY,
      assistance: { kind: 'defender' },
      fileAccessGiven: false,
      summary: 's',
    });
    expect(noName.body).toMatchObject({ status: 422, code: 'required', errors: [{ field: 'assistance.name' }] });

    const asked = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/information-requests`, {
      body: 'comite_p',
      request: 'Stand van het onderzoek?',
      receivedOn: TODAY,
      externalReference: 'CP-2026-12345',
    });
    expect(asked.status).toBe(201);
    const answered = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/information-requests/${asked.body.requestId}/answer`, {
      answer: 'Onderzoek loopt; verhoor afgenomen',
      providedOn: TODAY,
    });
    expect(answered.body.complaint.informationRequests).toEqual([
      {
        requestId: asked.body.requestId,
        body: 'comite_p',
        request: 'Stand van het onderzoek?',
        receivedOn: TODAY,
        externalReference: 'CP-2026-12345',
        recordedBy: BART,
        answer: { answer: 'Onderzoek loopt; verhoor afgenomen', providedOn: TODAY, providedBy: BART },
      },
    ]);
    expect(
      (
        await call('bart.desmet', 'POST', `/integrity/complaints/${id}/information-requests/${randomUUID()}/answer`, {
          answer: 'a',
          providedOn: TODAY,
        })
      ).body,
    ).toMatchObject({ status: 404, code: 'information_request_not_found' });

    // Outcome and what follows: a disciplinary procedure, the sanction the competent authority may impose.
    const concluded = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/outcome`, {
      conclusion: 'founded',
      summary: 'Gegrond: onheus optreden',
    });
    expect(concluded.body.complaint.conclusion).toEqual({
      conclusion: 'founded',
      summary: 'Gegrond: onheus optreden',
      incriminatingFindings: 1,
      exculpatoryFindings: 1,
      concludedBy: BART,
      concludedAt: expect.any(String),
    });
    const malicious = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/parket-report`, { reportedOn: TODAY });
    expect(malicious.body).toMatchObject({ status: 409, code: 'conclusion_does_not_allow' });
    expect((await call('hilde.mertens', 'POST', `/integrity/complaints/${id}/disciplinary-procedures`, { staffId: KOEN })).status).toBe(
      404,
    );
    const started = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/disciplinary-procedures`, { staffId: KOEN });
    expect(started.status).toBe(201);
    const tooHeavy = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/sanction`, {
      staffId: KOEN,
      sanction: 'schorsing',
      decidedOn: TODAY,
    });
    expect(tooHeavy.body).toMatchObject({ status: 403, code: 'authority_not_competent' });
    const unknown = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/sanction`, {
      staffId: KOEN,
      sanction: 'strafcorvee',
      decidedOn: TODAY,
    });
    expect(unknown.body).toMatchObject({ status: 422, code: 'unknown_sanction', errors: [{ field: 'sanction' }] });
    const sanctioned = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/sanction`, {
      staffId: KOEN,
      sanction: 'blaam',
      decidedOn: TODAY,
    });
    expect(sanctioned.body.complaint.disciplinaryProcedures).toEqual([
      {
        staffId: KOEN,
        authority: 'korpschef',
        startedBy: FILIP,
        startedAt: expect.any(String),
        sanction: { sanction: 'blaam', severity: 'light', authority: 'korpschef', decidedOn: TODAY, decidedBy: FILIP },
      },
    ]);
    await must('filip.vermeulen', 'POST', `/integrity/complaints/${id}/criminal-referral`, {
      staffIds: [KOEN],
      referredOn: TODAY,
      parketReference: 'GE.99.L1.000001/26',
    });
    await must('bart.desmet', 'POST', `/integrity/complaints/${id}/evaluation-notes`, {
      staffId: KOEN,
      note: 'Onheus optreden bij verkeerscontrole; opleiding communicatie aangeraden',
    });
    await must('bart.desmet', 'POST', `/integrity/complaints/${id}/lessons`, {
      scope: 'corps',
      lessons: 'Verkeerscontroles: de-escalatie opnemen in de briefing',
    });
    const closed = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/close`);
    expect(closed.body).toMatchObject({
      phase: 'closed',
      complaint: {
        criminalReferral: { staffIds: [KOEN], referredOn: TODAY, parketReference: 'GE.99.L1.000001/26', referredBy: FILIP },
        evaluationNotes: [
          {
            staffId: KOEN,
            note: 'Onheus optreden bij verkeerscontrole; opleiding communicatie aangeraden',
            addedBy: BART,
            addedAt: expect.any(String),
          },
        ],
        lessonsLearned: [
          {
            scope: 'corps',
            lessons: 'Verkeerscontroles: de-escalatie opnemen in de briefing',
            recordedBy: BART,
            recordedAt: expect.any(String),
          },
        ],
        closed: { closedBy: FILIP, closedAt: expect.any(String) },
      },
    });
    const after = await call('bart.desmet', 'POST', `/integrity/complaints/${id}/lessons`, { scope: 'individual', lessons: 'te laat' });
    expect(after.body).toMatchObject({ status: 409, code: 'complaint_closed' });
  });

  it('records the origin of a complaint that came from Comité P, with that forwarding already on record', async () => {
    const fromCp = await call(
      'bart.desmet',
      'POST',
      '/integrity/complaints',
      mailed({ channel: 'via_comite_p', externalReference: 'CP-2026-777' }),
    );
    expect(fromCp.status).toBe(201);
    expect(fromCp.body.complaint).toMatchObject({
      channel: 'via_comite_p',
      origin: { body: 'comite_p', externalReference: 'CP-2026-777' },
      forwardings: {
        comite_p: { basis: 'origin', forwardedOn: TODAY, reference: 'CP-2026-777', recordedBy: BART, recordedAt: expect.any(String) },
      },
    });
    const noRef = await call('bart.desmet', 'POST', '/integrity/complaints', mailed({ channel: 'via_aig' }));
    expect(noRef.body).toMatchObject({ status: 422, code: 'origin_required', errors: [{ field: 'externalReference' }] });
  });

  it('refuses bad input with the field at fault, a complaint naming its registrar, and a stale If-Match', async () => {
    const bad = await call('bart.desmet', 'POST', '/integrity/complaints', mailed({ channel: 'fax', receivedOn: '02/03/2026', extra: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'extra', 'receivedOn']);
    const future = await call('bart.desmet', 'POST', '/integrity/complaints', mailed({ receivedOn: '2999-01-01' }));
    expect(future.body).toMatchObject({ status: 422, code: 'date_in_future', errors: [{ field: 'receivedOn' }] });
    const own = await call('bart.desmet', 'POST', '/integrity/complaints', mailed({ staffConcerned: [BART] }));
    expect(own.body).toMatchObject({ status: 422, code: 'complaint_names_registrar', errors: [{ field: 'staffConcerned' }] });
    expect((await call('koen.claes', 'POST', '/integrity/complaints', mailed())).status).toBe(403);

    const { id } = await must('bart.desmet', 'POST', '/integrity/complaints', mailed());
    const stale = await call(
      'bart.desmet',
      'POST',
      `/integrity/complaints/${id}/forwardings`,
      { body: 'aig', forwardedOn: TODAY, channel: 'email' },
      { 'If-Match': '"0"' },
    );
    expect(stale).toMatchObject({ status: 412, body: { title: 'Precondition failed', currentVersion: 1 } });
    const fresh = await call(
      'bart.desmet',
      'POST',
      `/integrity/complaints/${id}/forwardings`,
      { body: 'aig', forwardedOn: TODAY, channel: 'email' },
      { 'If-Match': '"1"' },
    );
    expect(fresh.headers.get('etag')).toBe('"2"');
  });

  it('lists complaints by status, unit and overdue, with paging and a total of visible rows only', async () => {
    const late = await must(
      'bart.desmet',
      'POST',
      '/integrity/complaints',
      mailed({ receivedOn: '2020-01-06', staffConcerned: ['5415-0302'] }),
    );
    const routed = await forwardedComplaint({ staffConcerned: ['5415-0302'] });
    await must('filip.vermeulen', 'POST', `/integrity/complaints/${routed}/triage`, {
      route: 'disciplinary',
      reason: 'tuchtrechtelijke tekortkoming',
    });
    const tucht = await eventually(async () => {
      const a = await call('hilde.mertens', 'GET', '/integrity/complaints?unit=Tucht&status=triaged');
      expect(a.body.items.map((i: { id: string }) => i.id)).toContain(routed);
      return a;
    });
    expect(tucht.body.items.every((i: { unit: string; phase: string }) => i.unit === 'Tucht' && i.phase === 'triaged')).toBe(true);
    expect(tucht.body.total).toBe(tucht.body.items.length);
    // BIT does not see Tucht's compartment, in the items or in the total.
    const bit = await call('bart.desmet', 'GET', '/integrity/complaints?unit=Tucht');
    expect(bit.body).toEqual({ items: [], total: 0, totalExact: true, limit: 50, offset: 0 });

    const overdue = await eventually(async () => {
      const a = await call('bart.desmet', 'GET', '/integrity/complaints?overdue=true');
      expect(a.body.items.map((i: { id: string }) => i.id)).toContain(late.id);
      return a;
    });
    expect(overdue.body.items.find((i: { id: string }) => i.id === late.id)).toMatchObject({
      registerNumber: late.registerNumber,
      channel: 'mail',
      phase: 'intake',
      unit: 'intake',
      receivedOn: '2020-01-06',
      reportId: null,
      staffConcerned: ['5415-0302'],
      overdue: [
        { step: 'forwarding_comite_p', dueOn: '2020-01-11', daysOverdue: expect.any(Number) },
        { step: 'forwarding_aig', dueOn: '2020-01-11', daysOverdue: expect.any(Number) },
        { step: 'triage', dueOn: '2020-01-20', daysOverdue: expect.any(Number) },
      ],
      deadlines: [
        { step: 'forwarding_comite_p', dueOn: '2020-01-11', daysLeft: expect.any(Number), status: 'overdue' },
        { step: 'forwarding_aig', dueOn: '2020-01-11', daysLeft: expect.any(Number), status: 'overdue' },
        { step: 'triage', dueOn: '2020-01-20', daysLeft: expect.any(Number), status: 'overdue' },
      ],
    });
    expect(overdue.body.items.every((i: { overdue: unknown[] }) => i.overdue.length > 0)).toBe(true);
    const notOverdue = await call('bart.desmet', 'GET', '/integrity/complaints?overdue=false');
    expect(notOverdue.body.items.map((i: { id: string }) => i.id)).not.toContain(late.id);

    const all = await call('bart.desmet', 'GET', '/integrity/complaints');
    const page = await call('bart.desmet', 'GET', '/integrity/complaints?limit=2&offset=1');
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual(all.body.items.slice(1, 3).map((i: { id: string }) => i.id));
    expect(page.body).toMatchObject({ total: all.body.total, limit: 2, offset: 1 });
    const badFilter = await call('bart.desmet', 'GET', '/integrity/complaints?unit=Camera&overdue=maybe');
    expect(badFilter.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['overdue', 'unit']);
  });

  it('raises an early warning for repeated complaints against one staff member, over the complaints the reader may see', async () => {
    for (let i = 0; i < 3; i++)
      await must(
        'hilde.mertens',
        'POST',
        '/integrity/complaints',
        mailed({ staffConcerned: [SOFIE], facts: `Klacht ${i + 1} over onheus optreden` }),
      );
    const chief = await eventually(async () => {
      const a = await call('filip.vermeulen', 'GET', '/integrity/early-warnings');
      expect(a.body.signals.find((s: { staffId: string }) => s.staffId === SOFIE)?.count).toBe(3);
      return a;
    });
    expect(chief.body).toMatchObject({ asOf: TODAY, threshold: 3, windowDays: 365, notice: expect.stringContaining('decides nothing') });
    expect(chief.body.signals.find((s: { staffId: string }) => s.staffId === SOFIE).complaintIds).toHaveLength(3);
    // The DPO's compartment holds none of them: nothing to count.
    const dpo = await call('ines.dubois', 'GET', '/integrity/early-warnings');
    expect(dpo.body.signals).toEqual([]);
    // A window that ended before they were received shows no signal for them.
    const past = await call('filip.vermeulen', 'GET', '/integrity/early-warnings?asOf=2020-01-01');
    expect(past.body.signals.find((s: { staffId: string }) => s.staffId === SOFIE)).toBeUndefined();
    expect((await call('pieter.janssens', 'GET', '/integrity/early-warnings')).status).toBe(403);
  });

  it('turns a desk complaint from reports into a complaint, once per message, and parks one that can never succeed', async () => {
    const reportId = randomUUID();
    handedOff = reportId;
    const messageId = randomUUID();
    const payload = {
      reportId,
      channel: 'balie',
      receivedAt: new Date().toISOString(),
      complainant: { name: 'M. Peeters', contact: '+32 9 123 45 67' },
      staffMembersConcerned: [KOEN],
      facts: 'Klager werd volgens hem hardhandig aangepakt bij een arrestatie.',
      office: 'APG',
    };
    const unusable = randomUUID();
    const unusableMessage = randomUUID();
    await publishComplaintFiled({ ...payload, reportId: unusable, facts: '   ' }, unusableMessage);
    // Parked with the reason (kept for someone to act on), nothing appended: it does not block the messages after it.
    const parked = await eventually(async () => {
      const r = await t.pool.query('SELECT type, reason FROM integrity.parked_messages WHERE message_id = $1', [unusableMessage]);
      expect(r.rows).toHaveLength(1);
      return r.rows[0];
    });
    expect(parked).toEqual({
      type: 'reports.PoliceConductComplaintFiled.v1',
      reason: { code: 'refused', errors: [{ field: 'facts', detail: expect.stringContaining('facts') }] },
    });
    expect((await t.pool.query('SELECT 1 FROM integrity.inbox WHERE message_id = $1', [unusableMessage])).rows).toEqual([]);
    const none = await t.pool.query('SELECT 1 FROM integrity.events WHERE stream_id = $1', [
      `integrity-complaint-${complaintIdOfMessage(unusableMessage)}`,
    ]);
    expect(none.rows).toEqual([]);
    await publishComplaintFiled(payload, messageId);
    const listed = await eventually(async () => {
      const a = await call('bart.desmet', 'GET', `/integrity/complaints?reportId=${reportId}`);
      expect(a.body.items).toHaveLength(1);
      return a;
    });
    const id = complaintIdOfMessage(messageId);
    expect(listed.body.items[0]).toEqual({
      id,
      registerNumber: expect.stringMatching(/^DIT-\d{4}-\d{6}$/),
      channel: 'desk_report',
      phase: 'intake',
      unit: 'intake',
      receivedOn: TODAY,
      reportId,
      staffConcerned: [KOEN],
      overdue: [],
      deadlines: [
        { step: 'forwarding_comite_p', dueOn: expect.any(String), daysLeft: 5, status: 'open' },
        { step: 'forwarding_aig', dueOn: expect.any(String), daysLeft: 5, status: 'open' },
        { step: 'triage', dueOn: expect.any(String), daysLeft: 14, status: 'open' },
      ],
      version: 1,
    });
    const file = await call('filip.vermeulen', 'GET', `/integrity/complaints/${id}`);
    expect(file.body.complaint).toMatchObject({
      channel: 'desk_report',
      reportId,
      complainant: { name: 'M. Peeters', contact: '+32 9 123 45 67' },
      staffConcerned: [KOEN],
      facts: 'Klager werd volgens hem hardhandig aangepakt bij een arrestatie.',
      office: 'APG',
      recordedBy: 'system:integrity-consumer',
    });
    // The officer concerned learns nothing of it.
    expect((await call('koen.claes', 'GET', `/integrity/complaints/${id}`)).status).toBe(404);
    // Reports learns that integrity holds it, and nothing more: then it destroys its own copy (ADR 0053).
    await eventually(async () => expect(published.map((m) => m.payload)).toContainEqual({ reportId, receivedAt: expect.any(String) }));

    await publishComplaintFiled(payload, messageId);
    const { rows } = await t.pool.query<{ n: string }>(`SELECT count(*) AS n FROM integrity.events WHERE stream_id = $1`, [
      `integrity-complaint-${id}`,
    ]);
    expect(Number(rows[0].n)).toBe(2);
    expect((await call('bart.desmet', 'GET', `/integrity/complaints?reportId=${unusable}`)).body.items).toEqual([]);
    expect((await call('bart.desmet', 'GET', `/integrity/complaints?reportId=${reportId}`)).body.items).toHaveLength(1);
  });

  it('answers a replayed registration with a receipt, not the file, once the registrar may no longer see it', async () => {
    const key = `klacht-replay-${randomUUID()}`;
    const first = await call('hilde.mertens', 'POST', '/integrity/complaints', mailed(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const id = first.body.id as string;
    await must('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings`, {
      body: 'comite_p',
      forwardedOn: TODAY,
      channel: 'email',
    });
    await must('bart.desmet', 'POST', `/integrity/complaints/${id}/forwardings`, { body: 'aig', forwardedOn: TODAY, channel: 'letter' });
    await must('filip.vermeulen', 'POST', `/integrity/complaints/${id}/triage`, {
      route: 'administrative',
      reason: 'deontologische tekortkoming',
    });
    // Tucht's officer registered it; now it sits in BIT, which is not hers (once the read model shows the triage).
    await eventually(async () => expect((await call('hilde.mertens', 'GET', `/integrity/complaints/${id}`)).status).toBe(404));
    const replay = await call('hilde.mertens', 'POST', '/integrity/complaints', mailed(), { 'Idempotency-Key': key });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ id, registerNumber: first.body.registerNumber });
    expect(replay.text).not.toContain('verkeerscontrole');
    expect(replay.text).not.toContain('administrative');
    expect(replay.headers.get('etag') ?? '').not.toMatch(/^"\d+"$/);
  });

  it('does not show the chief a file he routed to the DPO, whose compartment he is not in', async () => {
    const id = await forwardedComplaint({ facts: 'Klager stelt dat zijn gegevens uit de ANG werden opgevraagd zonder reden.' });
    const routed = await call('filip.vermeulen', 'POST', `/integrity/complaints/${id}/triage`, {
      route: 'dpo',
      reason: 'gegevensbescherming',
    });
    expect(routed.status).toBe(200);
    expect(routed.body).toEqual({ id, registerNumber: expect.stringMatching(/^DIT-\d{4}-\d{6}$/) });
    expect(routed.text).not.toContain('ANG');
    expect(routed.headers.get('etag') ?? '').not.toMatch(/^"\d+"$/);
    // Reads decide access on the read model, which trails the routing by milliseconds.
    await eventually(async () => expect((await call('filip.vermeulen', 'GET', `/integrity/complaints/${id}`)).status).toBe(404));
    expect((await call('ines.dubois', 'GET', `/integrity/complaints/${id}`)).body).toMatchObject({
      id,
      unit: 'DPO',
      complaint: { facts: expect.stringContaining('ANG') },
    });
  });

  it('answers dates that are ISO 8601 but not calendar days with a 400 naming the field, never a 500', async () => {
    for (const asOf of ['2026-W10-1', '2026-02-30']) {
      const a = await call('filip.vermeulen', 'GET', `/integrity/early-warnings?asOf=${asOf}`);
      expect(a.status).toBe(400);
      expect(a.headers.get('content-type')).toContain('application/problem+json');
      expect(a.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    }
    const received = await call('bart.desmet', 'POST', '/integrity/complaints', mailed({ receivedOn: '2026-W10-1' }));
    expect(received.status).toBe(400);
    expect(received.body.errors).toEqual([expect.objectContaining({ field: 'receivedOn' })]);
  });

  it('publishes only the receipts of complaints handed off by reports, nothing of a complaint: a sealed compartment', async () => {
    await forwardedComplaint();
    await eventually(async () => {
      const { rows } = await t.pool.query<{ n: string }>('SELECT count(*) AS n FROM integrity.complaints');
      expect(Number(rows[0].n)).toBeGreaterThan(5);
    });
    // The desk report's complaint (an earlier test) is the one handed off by reports: its receipt, and only that.
    // Once, though its message was delivered twice; nothing for the unusable one it parked.
    expect(published.map((m) => ({ type: m.type, payload: m.payload }))).toEqual([
      { type: 'integrity.ComplaintReceived.v1', payload: { reportId: handedOff, receivedAt: expect.any(String) } },
    ]);
  });

  describe('Bureau Tucht: order measures, threat files and disciplinary files (R-INT-13)', () => {
    const HILDE = '5415-0402';
    const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const measure = (staffId: string, extra: Record<string, unknown> = {}) => ({
      staffId,
      kind: 'schorsing bij ordemaatregel',
      authority: 'korpschef',
      reason: 'Aanwezigheid schaadt het lopende onderzoek',
      decidedOn: TODAY,
      startsOn: TODAY,
      endsOn: plusDays(TODAY, 90),
      ...extra,
    });

    /** A founded complaint about `staffId`, with a disciplinary procedure started by the chief (and the sanction, if given). */
    async function procedure(staffId: string, sanction?: string): Promise<{ id: string; registerNumber: string }> {
      const id = await forwardedComplaint({ staffConcerned: [staffId] });
      await must('filip.vermeulen', 'POST', `/integrity/complaints/${id}/triage`, {
        route: 'administrative',
        reason: 'deontologische tekortkoming',
      });
      await must('filip.vermeulen', 'POST', `/integrity/complaints/${id}/investigators`, { investigatorId: BART, designated: false });
      await must('bart.desmet', 'POST', `/integrity/complaints/${id}/findings`, {
        kind: 'incriminating',
        summary: 'Bodycam',
        source: 'bodycam',
        staffId,
      });
      await must('bart.desmet', 'POST', `/integrity/complaints/${id}/outcome`, { conclusion: 'founded', summary: 'Gegrond' });
      await must('filip.vermeulen', 'POST', `/integrity/complaints/${id}/disciplinary-procedures`, { staffId });
      const last = sanction
        ? await must('filip.vermeulen', 'POST', `/integrity/complaints/${id}/sanction`, { staffId, sanction, decidedOn: TODAY })
        : await must('filip.vermeulen', 'GET', `/integrity/complaints/${id}`);
      return { id, registerNumber: last.registerNumber };
    }

    it("answers an order measure naming a complaint outside the recorder's compartment exactly as one naming no complaint, and records nothing", async () => {
      const bit = await forwardedComplaint({ staffConcerned: [SOFIE] });
      await must('filip.vermeulen', 'POST', `/integrity/complaints/${bit}/triage`, {
        route: 'administrative',
        reason: 'deontologische tekortkoming',
      });
      // Access is decided on the read model, which trails the log: once it shows the triage, the file is outside her compartment.
      await eventually(async () => expect((await call('hilde.mertens', 'GET', `/integrity/complaints/${bit}`)).status).toBe(404));
      const hidden = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(SOFIE, { complaintId: bit }));
      const missing = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(SOFIE, { complaintId: randomUUID() }));
      expect(missing).toMatchObject({ status: 422, body: { code: 'unknown_complaint', errors: [{ field: 'complaintId' }] } });
      expect({ status: hidden.status, contentType: hidden.headers.get('content-type'), text: hidden.text }).toEqual({
        status: missing.status,
        contentType: missing.headers.get('content-type'),
        text: missing.text,
      });
      const { rows } = await t.pool.query(
        `SELECT 1 FROM integrity.events WHERE type = 'OrderMeasureRecorded' AND data->'complaint'->>'complaintId' = $1`,
        [bit],
      );
      expect(rows).toEqual([]);
    });

    it('records an order measure decided by a competent authority, linked to a complaint, and follows it up until it is lifted', async () => {
      const complaint = await must('filip.vermeulen', 'POST', '/integrity/complaints', mailed({ staffConcerned: [SOFIE] }));
      const recorded = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(SOFIE, { complaintId: complaint.id }), {
        'Idempotency-Key': 'ordemaatregel-sofie-0001',
      });
      expect(recorded.status).toBe(201);
      expect(recorded.headers.get('etag')).toBe('"0"');
      const id = recorded.body.id as string;
      expect(recorded.headers.get('location')).toBe(`/api/integrity/order-measures/${id}`);
      expect(recorded.body).toEqual({
        id,
        version: 0,
        status: 'active',
        measure: {
          measureId: id,
          staffId: SOFIE,
          kind: 'schorsing bij ordemaatregel',
          authority: 'korpschef',
          reason: 'Aanwezigheid schaadt het lopende onderzoek',
          decidedOn: TODAY,
          startsOn: TODAY,
          endsOn: plusDays(TODAY, 90),
          complaint: { complaintId: complaint.id, registerNumber: complaint.registerNumber },
          status: 'active',
          recordedBy: HILDE,
          recordedAt: expect.any(String),
          followUps: [],
        },
      });
      const again = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(SOFIE, { complaintId: complaint.id }), {
        'Idempotency-Key': 'ordemaatregel-sofie-0001',
      });
      expect(again).toMatchObject({ status: 200, body: { id, version: 0 } });

      const stale = await call(
        'hilde.mertens',
        'POST',
        `/integrity/order-measures/${id}/follow-ups`,
        { action: 'note', on: TODAY, note: 'n' },
        { 'If-Match': '"3"' },
      );
      expect(stale).toMatchObject({ status: 412, body: { currentVersion: 0 } });
      const notCompetent = await call('hilde.mertens', 'POST', `/integrity/order-measures/${id}/follow-ups`, {
        action: 'extended',
        on: TODAY,
        note: 'Verlengd',
        endsOn: plusDays(TODAY, 180),
        authority: 'diensthoofd',
      });
      expect(notCompetent.body).toMatchObject({ status: 422, code: 'authority_not_competent', errors: [{ field: 'authority' }] });
      const extended = await call(
        'filip.vermeulen',
        'POST',
        `/integrity/order-measures/${id}/follow-ups`,
        {
          action: 'extended',
          on: TODAY,
          note: 'Verlengd in afwachting van het tuchtonderzoek',
          endsOn: plusDays(TODAY, 180),
          authority: 'burgemeester',
        },
        { 'If-Match': '"0"' },
      );
      expect(extended.status).toBe(201);
      expect(extended.headers.get('etag')).toBe('"1"');
      expect(extended.body).toMatchObject({ status: 'active', measure: { endsOn: plusDays(TODAY, 180) } });
      const lifted = await must('hilde.mertens', 'POST', `/integrity/order-measures/${id}/follow-ups`, {
        action: 'lifted',
        on: TODAY,
        note: 'Opgeheven na verhoor',
        authority: 'korpschef',
      });
      expect(lifted).toMatchObject({ version: 2, status: 'lifted' });
      expect(lifted.measure.followUps).toEqual([
        {
          action: 'extended',
          on: TODAY,
          note: 'Verlengd in afwachting van het tuchtonderzoek',
          endsOn: plusDays(TODAY, 180),
          authority: 'burgemeester',
          followedUpBy: FILIP,
          recordedAt: expect.any(String),
        },
        {
          action: 'lifted',
          on: TODAY,
          note: 'Opgeheven na verhoor',
          authority: 'korpschef',
          followedUpBy: HILDE,
          recordedAt: expect.any(String),
        },
      ]);
      const ended = await call('hilde.mertens', 'POST', `/integrity/order-measures/${id}/follow-ups`, {
        action: 'ended',
        on: TODAY,
        note: 'Einde',
      });
      expect(ended.body).toMatchObject({ status: 409, code: 'order_measure_ended' });
      await must('hilde.mertens', 'POST', `/integrity/order-measures/${id}/follow-ups`, {
        action: 'note',
        on: TODAY,
        note: 'Betrokkene terug in dienst',
      });

      const read = await eventually(async () => {
        const a = await call('filip.vermeulen', 'GET', `/integrity/order-measures/${id}`);
        expect(a.body.version).toBe(3);
        return a;
      });
      expect(read.headers.get('etag')).toBe('"3"');
      expect(read.headers.get('x-access-basis')).toBe('role');
      expect(read.body.measure.followUps).toHaveLength(3);
      expect((await call('filip.vermeulen', 'GET', `/integrity/order-measures/${randomUUID()}`)).body).toMatchObject({
        status: 404,
        title: 'Not found',
      });
      expect(
        (
          await call('filip.vermeulen', 'POST', `/integrity/order-measures/${randomUUID()}/follow-ups`, {
            action: 'note',
            on: TODAY,
            note: 'x',
          })
        ).status,
      ).toBe(404);
    });

    it('refuses bad order-measure input with the field at fault (a week date is a 400, not a 500)', async () => {
      const week = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(KOEN, { startsOn: '2026-W10-1', extra: true }));
      expect(week.status).toBe(400);
      expect(week.headers.get('content-type')).toContain('application/problem+json');
      expect(week.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'startsOn']);
      const noKind = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(KOEN, { kind: 'huisarrest' }));
      expect(noKind.body).toMatchObject({ status: 422, code: 'unknown_order_measure_kind', errors: [{ field: 'kind' }] });
      const notCompetent = await call(
        'hilde.mertens',
        'POST',
        '/integrity/order-measures',
        measure(KOEN, { kind: 'schorsing bij ordemaatregel met inhouding van wedde' }),
      );
      expect(notCompetent.body).toMatchObject({ status: 422, code: 'authority_not_competent', errors: [{ field: 'authority' }] });
      const backwards = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(KOEN, { endsOn: plusDays(TODAY, -1) }));
      expect(backwards.body).toMatchObject({ status: 422, code: 'invalid_date', errors: [{ field: 'endsOn' }] });
      const future = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(KOEN, { decidedOn: '2999-01-01' }));
      expect(future.body).toMatchObject({ status: 422, code: 'date_in_future', errors: [{ field: 'decidedOn' }] });
      const own = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(HILDE));
      expect(own.body).toMatchObject({ status: 422, code: 'order_measure_names_recorder', errors: [{ field: 'staffId' }] });
      // A complaint about someone else, and one in BIT's compartment (hidden from Tucht: as unknown as a missing one).
      const aboutKoen = await must('filip.vermeulen', 'POST', '/integrity/complaints', mailed());
      const notConcerned = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(SOFIE, { complaintId: aboutKoen.id }));
      expect(notConcerned.body).toMatchObject({ status: 422, code: 'not_concerned', errors: [{ field: 'complaintId' }] });
      const inBit = await forwardedComplaint();
      await must('filip.vermeulen', 'POST', `/integrity/complaints/${inBit}/triage`, { route: 'administrative', reason: 'deontologisch' });
      const hidden = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(KOEN, { complaintId: inBit }));
      const missing = await call('hilde.mertens', 'POST', '/integrity/order-measures', measure(KOEN, { complaintId: randomUUID() }));
      expect(hidden.body).toMatchObject({ status: 422, code: 'unknown_complaint', errors: [{ field: 'complaintId' }] });
      expect(hidden.body.detail).toBe(missing.body.detail);
      const { id } = await must('hilde.mertens', 'POST', '/integrity/order-measures', measure(KOEN));
      const badFollowUp = await call('hilde.mertens', 'POST', `/integrity/order-measures/${id}/follow-ups`, {
        action: 'suspended',
        on: '2026-W10-1',
        note: 'x',
      });
      expect(badFollowUp.status).toBe(400);
      expect(badFollowUp.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'on']);
      const noEnd = await call('hilde.mertens', 'POST', `/integrity/order-measures/${id}/follow-ups`, {
        action: 'extended',
        on: TODAY,
        note: 'x',
        authority: 'korpschef',
      });
      expect(noEnd.body).toMatchObject({ status: 422, code: 'required', errors: [{ field: 'endsOn' }] });
      expect(
        await call('hilde.mertens', 'POST', '/integrity/order-measures/not-a-uuid/follow-ups', { action: 'note', on: TODAY, note: 'x' }),
      ).toMatchObject({ status: 400, body: { errors: [{ field: 'id', detail: 'must be a UUID' }] } });
    });

    it('opens a threat file with each staff member’s involvement as stated, takes notes, and closes it with a reason', async () => {
      const bad = await call('hilde.mertens', 'POST', '/integrity/threat-files', {
        openedOn: '2026-W10-1',
        summary: 's',
        involved: [{ staffId: KOEN, involvement: 'victim' }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['involved.0.involvement', 'openedOn']);
      const none = await call('hilde.mertens', 'POST', '/integrity/threat-files', { openedOn: TODAY, summary: 's', involved: [] });
      expect(none.status).toBe(400);
      expect(none.body.errors).toEqual([expect.objectContaining({ field: 'involved' })]);
      const twice = await call('hilde.mertens', 'POST', '/integrity/threat-files', {
        openedOn: TODAY,
        summary: 's',
        involved: [
          { staffId: KOEN, involvement: 'subject' },
          { staffId: KOEN, involvement: 'target' },
        ],
      });
      expect(twice.body).toMatchObject({ status: 422, code: 'invalid_value', errors: [{ field: 'involved' }] });
      const own = await call('hilde.mertens', 'POST', '/integrity/threat-files', {
        openedOn: TODAY,
        summary: 's',
        involved: [{ staffId: HILDE, involvement: 'target' }],
      });
      expect(own.body).toMatchObject({ status: 422, code: 'threat_file_names_recorder', errors: [{ field: 'involved' }] });

      const involved = [
        { staffId: KOEN, involvement: 'subject' },
        { staffId: SOFIE, involvement: 'unspecified' },
      ];
      const opened = await call('hilde.mertens', 'POST', '/integrity/threat-files', {
        openedOn: TODAY,
        summary: 'Dreigende berichten tussen collega’s',
        involved,
      });
      expect(opened.status).toBe(201);
      expect(opened.headers.get('etag')).toBe('"0"');
      const id = opened.body.id as string;
      expect(opened.body).toEqual({
        id,
        version: 0,
        status: 'open',
        threatFile: {
          threatFileId: id,
          openedOn: TODAY,
          summary: 'Dreigende berichten tussen collega’s',
          involved,
          status: 'open',
          openedBy: HILDE,
          recordedAt: expect.any(String),
          notes: [],
          closed: null,
        },
      });
      const noted = await call('filip.vermeulen', 'POST', `/integrity/threat-files/${id}/notes`, { note: 'Gesprek met het diensthoofd' });
      expect(noted.status).toBe(201);
      expect(noted.body.threatFile.notes).toEqual([
        { noteId: noted.body.noteId, note: 'Gesprek met het diensthoofd', addedBy: FILIP, addedAt: expect.any(String) },
      ]);
      const early = await call('hilde.mertens', 'POST', `/integrity/threat-files/${id}/close`, {
        closedOn: plusDays(TODAY, -1),
        reason: 'x',
      });
      expect(early.body).toMatchObject({ status: 422, code: 'invalid_date', errors: [{ field: 'closedOn' }] });
      const closed = await call(
        'hilde.mertens',
        'POST',
        `/integrity/threat-files/${id}/close`,
        { closedOn: TODAY, reason: 'Bemiddeling geslaagd' },
        { 'If-Match': '"1"' },
      );
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        version: 2,
        status: 'closed',
        threatFile: { closed: { closedOn: TODAY, reason: 'Bemiddeling geslaagd', closedBy: HILDE, recordedAt: expect.any(String) } },
      });
      const after = await call('hilde.mertens', 'POST', `/integrity/threat-files/${id}/notes`, { note: 'te laat' });
      expect(after.body).toMatchObject({ status: 409, code: 'threat_file_closed' });
      const read = await eventually(async () => {
        const a = await call('hilde.mertens', 'GET', `/integrity/threat-files/${id}`);
        expect(a.body.version).toBe(2);
        return a;
      });
      expect(read.body.threatFile.notes).toHaveLength(1);
      expect((await call('hilde.mertens', 'GET', `/integrity/threat-files/${randomUUID()}`)).status).toBe(404);
    });

    it('lists order measures and threat files by staff member and status, with paging', async () => {
      const staff = '5415-0881';
      const ids: string[] = [];
      for (const startsOn of [plusDays(TODAY, -10), plusDays(TODAY, -5), TODAY])
        ids.push((await must('hilde.mertens', 'POST', '/integrity/order-measures', measure(staff, { startsOn, endsOn: undefined }))).id);
      await must('hilde.mertens', 'POST', `/integrity/order-measures/${ids[0]}/follow-ups`, {
        action: 'ended',
        on: TODAY,
        note: 'Beslissing ten gronde genomen',
      });
      const active = await eventually(async () => {
        const a = await call('filip.vermeulen', 'GET', `/integrity/order-measures?staffId=${staff}&status=active`);
        expect(a.body.total).toBe(2);
        return a;
      });
      expect(active.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
      expect(active.body.items[0]).toEqual({
        id: ids[2],
        version: 0,
        staffId: staff,
        kind: 'schorsing bij ordemaatregel',
        authority: 'korpschef',
        status: 'active',
        decidedOn: TODAY,
        startsOn: TODAY,
        endsOn: null,
        complaint: null,
      });
      const page = await call('filip.vermeulen', 'GET', `/integrity/order-measures?staffId=${staff}&limit=1&offset=1`);
      expect(page.body).toMatchObject({ items: [{ id: ids[1] }], total: 3, limit: 1, offset: 1 });
      expect(
        (await call('filip.vermeulen', 'GET', `/integrity/order-measures?staffId=${staff}&status=ended`)).body.items.map(
          (i: { id: string }) => i.id,
        ),
      ).toEqual([ids[0]]);
      expect((await call('filip.vermeulen', 'GET', '/integrity/order-measures?status=suspended')).body).toMatchObject({
        status: 400,
        errors: [{ field: 'status' }],
      });

      const open = await must('hilde.mertens', 'POST', '/integrity/threat-files', {
        openedOn: TODAY,
        summary: 'Bedreiging',
        involved: [
          { staffId: staff, involvement: 'target' },
          { staffId: KOEN, involvement: 'subject' },
        ],
      });
      const closed = await must('hilde.mertens', 'POST', '/integrity/threat-files', {
        openedOn: plusDays(TODAY, -3),
        summary: 'Oud',
        involved: [{ staffId: staff, involvement: 'unspecified' }],
      });
      await must('hilde.mertens', 'POST', `/integrity/threat-files/${closed.id}/close`, { closedOn: TODAY, reason: 'Geen dreiging meer' });
      const threats = await eventually(async () => {
        const a = await call('hilde.mertens', 'GET', `/integrity/threat-files?staffId=${staff}`);
        expect(a.body.items.map((i: { status: string }) => i.status)).toEqual(['open', 'closed']);
        return a;
      });
      expect(threats.body).toMatchObject({
        total: 2,
        items: [
          {
            id: open.id,
            openedOn: TODAY,
            closedOn: null,
            involved: [
              { staffId: staff, involvement: 'target' },
              { staffId: KOEN, involvement: 'subject' },
            ],
          },
          { id: closed.id, closedOn: TODAY },
        ],
      });
      expect((await call('hilde.mertens', 'GET', `/integrity/threat-files?staffId=${staff}&status=closed`)).body).toMatchObject({
        items: [{ id: closed.id }],
        total: 1,
      });
      expect(
        (await call('hilde.mertens', 'GET', `/integrity/threat-files?staffId=${staff}&status=open&limit=1&offset=1`)).body,
      ).toMatchObject({ items: [], total: 1 });
    });

    it('shows a staff member’s disciplinary file: procedures and sanctions across complaints (erased ones marked, not dropped), order measures and threat files', async () => {
      const staff = '5415-0882';
      expect((await call('hilde.mertens', 'GET', `/integrity/staff/${staff}/disciplinary-file`)).body).toMatchObject({
        status: 404,
        title: 'Not found',
      });
      const sanctioned = await procedure(staff, 'blaam');
      const pending = await procedure(staff);
      // The complaint sits in BIT's compartment: the chief, who sees it, links the measure to it.
      const { id: measureId } = await must(
        'filip.vermeulen',
        'POST',
        '/integrity/order-measures',
        measure(staff, { complaintId: pending.id }),
      );
      const threat = await must('hilde.mertens', 'POST', '/integrity/threat-files', {
        openedOn: TODAY,
        summary: 'Bedreiging',
        involved: [{ staffId: staff, involvement: 'target' }],
      });
      const file = await eventually(async () => {
        const a = await call('hilde.mertens', 'GET', `/integrity/staff/${staff}/disciplinary-file`);
        expect(a.status).toBe(200);
        expect(a.body.sanctions).toHaveLength(2);
        expect(a.body.sanctions.map((x: { complaintId: string }) => x.complaintId).sort()).toEqual([sanctioned.id, pending.id].sort());
        expect(a.body.orderMeasures).toHaveLength(1);
        expect(a.body.threatFiles).toHaveLength(1);
        return a;
      });
      const erasedFrom = plusDays(TODAY, 548);
      expect(file.body).toEqual({
        staffId: staff,
        asOf: TODAY,
        erasurePolicy: { light: 548, heavy: 1461 },
        sanctions: expect.arrayContaining([
          {
            complaintId: sanctioned.id,
            registerNumber: sanctioned.registerNumber,
            procedure: { authority: 'korpschef', startedBy: FILIP, startedAt: expect.any(String) },
            sanction: { sanction: 'blaam', severity: 'light', authority: 'korpschef', decidedOn: TODAY, decidedBy: FILIP },
            erasure: { erasedFrom, erased: false },
          },
          {
            complaintId: pending.id,
            registerNumber: pending.registerNumber,
            procedure: { authority: 'korpschef', startedBy: FILIP, startedAt: expect.any(String) },
            sanction: null,
            erasure: null,
          },
        ]),
        orderMeasures: [
          expect.objectContaining({
            id: measureId,
            staffId: staff,
            status: 'active',
            complaint: { complaintId: pending.id, registerNumber: pending.registerNumber },
          }),
        ],
        threatFiles: [
          {
            id: threat.id,
            version: 0,
            status: 'open',
            openedOn: TODAY,
            involved: [{ staffId: staff, involvement: 'target' }],
            closedOn: null,
            involvement: 'target',
          },
        ],
      });
      // Past the erasure period the sanction is still there, marked as erased.
      const later = await call('filip.vermeulen', 'GET', `/integrity/staff/${staff}/disciplinary-file?asOf=${erasedFrom}`);
      expect(later.body.asOf).toBe(erasedFrom);
      expect(later.body.sanctions.find((x: { complaintId: string }) => x.complaintId === sanctioned.id)).toMatchObject({
        sanction: { sanction: 'blaam' },
        erasure: { erasedFrom, erased: true },
      });
      for (const asOf of ['2026-W10-1', '2026-02-30']) {
        const bad = await call('hilde.mertens', 'GET', `/integrity/staff/${staff}/disciplinary-file?asOf=${asOf}`);
        expect(bad.status).toBe(400);
        expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
      }
      expect((await call('hilde.mertens', 'GET', `/integrity/staff/${'x'.repeat(65)}/disciplinary-file`)).body).toMatchObject({
        status: 400,
        errors: [{ field: 'staffId' }],
      });
      // Every read of it is in the consultation log.
      const { rows } = await t.pool.query<{ n: string }>(`SELECT count(*) AS n FROM audit.events WHERE data->'subject'->>'caseRef' = $1`, [
        `tuchtblad ${staff}`,
      ]);
      expect(Number(rows[0].n)).toBeGreaterThanOrEqual(3);
    });
  });
});
