// Search over reports, over HTTP, as the embedded product runs it: Dutch full-text search behind the
// same need-to-know as the lists, in the database (totals and pages over visible reports only), PV
// numbers by prefix, every answer logged as a consultation, bad input a 400 naming the field.
import { randomUUID } from 'node:crypto';
import { ServiceTestApp, startServiceApp } from '@police/service-testing';
import { eventually } from '@police/testing';
import { ReportsModule } from '../../reports.module';

const HOUR = 60 * 60 * 1000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const DOC_SHA = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';
const DESK = '5415-0101';
const SOFIE = '5415-0202';

const aangifte = (o: { incidentType: string; narrative: string; party: string; address: string }) => ({
  kind: 'aangifte',
  channel: { kind: 'front_desk', officeId: 'apg' },
  appointmentRef: 'APT-2026-0042',
  incidentType: o.incidentType,
  timeWindow: { from: iso(14 * HOUR), to: iso(4 * HOUR) },
  place: { municipality: 'Gent', postalCode: '9000', address: o.address },
  narrative: o.narrative,
  parties: [{ partyId: randomUUID(), name: o.party, roles: ['reporter', 'victim'] }],
  motiveFlags: [],
  victimSupportWanted: false,
});

describe('GET /api/reports/search', () => {
  let t: ServiceTestApp;
  const ids: Record<string, string> = {};

  const search = async (user: string, query: string) => {
    const a = await t.request(user, 'GET', `/api/reports/search?${query}`);
    return { status: a.status, body: a.json, contentType: a.contentType };
  };
  const found = async (user: string, q: string) => {
    const a = await search(user, `q=${encodeURIComponent(q)}`);
    expect(a.status).toBe(200);
    return a.body as {
      q: string;
      total: number;
      limit: number;
      offset: number;
      hits: {
        id: string;
        kind: string;
        matched: string[];
        snippet: { text: string; match: boolean }[];
        references: string[];
        title: string;
        version: number;
      }[];
    };
  };
  const must = async (user: string, method: string, path: string, body?: unknown) => {
    const a = await t.request(user, method, `/api${path}`, body);
    if (a.status >= 300) throw new Error(`${method} ${path} as ${user}: ${a.status} ${a.text}`);
    return a.json;
  };
  const intake = async (name: string, body: Record<string, unknown>, serviceId?: string) => {
    const r = await must('an.peeters', 'POST', '/reports', body);
    ids[name] = r.id;
    if (serviceId) await must('an.peeters', 'POST', `/reports/${r.id}/assignment`, { serviceId });
  };

  beforeAll(async () => {
    t = await startServiceApp({ service: 'reports', module: ReportsModule, register: (runtime) => ReportsModule.register(runtime) });
    await intake(
      'bikes',
      aangifte({
        incidentType: 'fietsdiefstal',
        narrative: 'Mijn twee fietsen werden gestolen aan het station Gent-Sint-Pieters.',
        party: 'Jan Vermeersch',
        address: 'Koningin Maria Hendrikaplein 1',
      }),
      'Diefstallen',
    );
    await intake(
      'drugs',
      aangifte({
        incidentType: 'drugshandel',
        narrative: 'Dealen van cannabis aan de vijver in het Citadelpark.',
        party: 'Karel Dewilde',
        address: 'Citadelpark',
      }),
      'Drugs',
    );
    await intake(
      'zeden',
      aangifte({
        incidentType: 'aanranding',
        narrative: 'Aangerand op het pad achter het Citadelpark.',
        party: 'Marie Claes',
        address: 'Citadelpark',
      }),
      'Zeden',
    );
    // Its PV is finalised with a number: found by the number's prefix and tail.
    await intake(
      'pv',
      aangifte({
        incidentType: 'woninginbraak',
        narrative: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
        party: 'Ann Peeters',
        address: 'Voorbeeldstraat 12',
      }),
      'Diefstallen',
    );
    const pv = await must('an.peeters', 'POST', `/reports/${ids.pv}/pvs`, {
      legalQualification: 'Diefstal met braak',
      offenceType: 'woninginbraak',
      destination: 'parket',
      documentSha256: DOC_SHA,
    });
    await must('an.peeters', 'POST', `/reports/pvs/${pv.id}/submission`, {});
    await must('wim.debacker', 'POST', `/reports/pvs/${pv.id}/quality-check`, { outcome: 'approved' });
    await must('wim.debacker', 'POST', `/reports/pvs/${pv.id}/finalisation`, { pvNumber: 'GE.55.L5.004242/2026' });
    // A complaint about the desk officer herself: a sealed pointer that nobody finds.
    const complaint = await must('wim.debacker', 'POST', '/reports', {
      kind: 'klacht',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: true,
      incidentType: 'onheus optreden',
      timeWindow: { from: iso(30 * HOUR), to: iso(29 * HOUR) },
      place: { municipality: 'Gent', address: 'Kouter' },
      narrative: 'De agent aan de balie duwde mij naar buiten; ook mijn fiets werd omver geduwd.',
      parties: [{ name: 'J. Vermeersch', roles: ['reporter', 'victim'] }],
      concernsPoliceConduct: true,
      staffMembersConcerned: [DESK],
    });
    ids.complaint = complaint.id;
    // Everything is indexed once the PV number is.
    await eventually(async () => expect((await found('an.peeters', '004242/2026')).total).toBe(1));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds reports by stem and prefix of Dutch words, parties, places and PV numbers, saying where it matched', async () => {
    const bikes = await found('an.peeters', 'fiets');
    expect(bikes).toMatchObject({ q: 'fiets', total: 1, totalExact: true, limit: 20, offset: 0 });
    expect(bikes.hits).toEqual([
      {
        kind: 'report',
        id: ids.bikes,
        title: 'aangifte fietsdiefstal',
        summary: expect.stringContaining('Gent'),
        references: [],
        matched: ['title', 'narrative'],
        snippet: expect.arrayContaining([{ text: 'fietsen', match: true }]),
        rank: expect.any(Number),
        version: 1,
        occurredAt: expect.any(String),
      },
    ]);
    expect(bikes.hits[0].snippet.map((p) => p.text).join('')).toContain('werden gestolen aan het station');

    // Each field that holds one of the words is named, though none holds them all.
    expect((await found('an.peeters', 'fiets Vermeersch Hendrikaplein')).hits.map((h) => [h.id, h.matched])).toEqual([
      [ids.bikes, ['title', 'parties', 'place', 'narrative']],
    ]);
    const byParty = await found('an.peeters', 'Vermeersch');
    expect(byParty.hits.map((h) => [h.id, h.matched])).toEqual([[ids.bikes, ['parties']]]);

    const byPlace = await found('an.peeters', 'Citadelpark');
    expect(byPlace.hits.map((h) => h.id).sort()).toEqual([ids.drugs, ids.zeden].sort());

    for (const q of ['GE.55.L5.004242/2026', 'ge.55.l5.0042', '004242/2026', '004242']) {
      const byNumber = await found('an.peeters', q);
      expect({ q, hits: byNumber.hits.map((h) => [h.id, h.references, h.matched.includes('reference')]) }).toEqual({
        q,
        hits: [[ids.pv, ['GE.55.L5.004242/2026'], true]],
      });
    }
    // Phrases and exclusion (websearch syntax).
    expect((await found('an.peeters', '"achterdeur geforceerd"')).hits.map((h) => h.id)).toEqual([ids.pv]);
    expect((await found('an.peeters', 'Citadelpark -cannabis')).hits.map((h) => h.id)).toEqual([ids.zeden]);
  });

  it('shows a Drugs detective only what she may see: never a Diefstallen or Zeden report, not in hits, not in the total', async () => {
    const park = await found('sofie.maes', 'Citadelpark');
    expect(park.total).toBe(1);
    expect(park.hits.map((h) => h.id)).toEqual([ids.drugs]);
    for (const q of ['fiets', 'Vermeersch', 'aanranding', 'GE.55.L5.004242/2026', 'Citadelpark -cannabis']) {
      expect({ asked: q, ...(await found('sofie.maes', q)) }).toMatchObject({ asked: q, total: 0, hits: [] });
    }
    // Beyond the last page the total still counts only what she sees.
    expect(await found('sofie.maes', 'Citadelpark').then(() => search('sofie.maes', 'q=Citadelpark&offset=5'))).toMatchObject({
      status: 200,
      body: { total: 1, hits: [] },
    });
    // Her team's detectives see theirs; the Diefstallen detective the two of his team.
    expect((await found('pieter.janssens', 'Citadelpark')).total).toBe(0);
    expect((await found('pieter.janssens', 'gestolen OR ontvreemd')).hits.map((h) => h.id).sort()).toEqual([ids.bikes, ids.pv].sort());
  });

  it('never finds a complaint about police conduct: not the officer it concerns, not the desk that took it, not the chief', async () => {
    for (const user of ['an.peeters', 'wim.debacker', 'filip.vermeulen', 'pieter.janssens']) {
      for (const q of ['duwde', 'balie', 'Kouter', 'onheus'])
        expect({ user, asked: q, ...(await found(user, q)) }).toMatchObject({ user, asked: q, total: 0, hits: [] });
    }
    // "Vermeersch" is also the complainant's name: only the bike theft is found.
    expect((await found('an.peeters', 'Vermeersch')).hits.map((h) => h.id)).toEqual([ids.bikes]);
    const { rows } = await t.pool.query('SELECT searchable, title, parties, narrative FROM reports.search_entries WHERE id = $1', [
      ids.complaint,
    ]);
    expect(rows).toEqual([{ searchable: false, title: '', parties: '', narrative: '' }]);
  });

  it('pages over the visible matches, best first, with the total of visible matches', async () => {
    const a = await search('an.peeters', 'q=Gent&limit=2');
    expect(a.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
    expect(a.body.hits).toHaveLength(2);
    const b = await search('an.peeters', 'q=Gent&limit=2&offset=2');
    expect(b.body).toMatchObject({ total: 4, limit: 2, offset: 2 });
    const all = [...a.body.hits, ...b.body.hits].map((h: { id: string }) => h.id);
    expect(new Set(all)).toEqual(new Set([ids.bikes, ids.drugs, ids.zeden, ids.pv]));
    const ranks = [...a.body.hits, ...b.body.hits].map((h: { rank: number }) => h.rank);
    expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
  });

  it('logs every answer as a consultation of the reports it showed, an empty one too', async () => {
    await found('sofie.maes', 'cannabis');
    await found('sofie.maes', 'Vermeersch');
    const { rows } = await t.pool.query<{ data: any }>(
      `SELECT data FROM audit.events WHERE data->'actor'->>'staffId' = $1 AND data->'endpoint'->>'route' = '/api/reports/search' ORDER BY position DESC LIMIT 2`,
      [SOFIE],
    );
    expect(rows.map((r) => r.data)).toEqual([
      expect.objectContaining({
        kind: 'list',
        outcome: 'granted',
        subject: { type: 'report', ids: [] },
        endpoint: { method: 'GET', route: '/api/reports/search' },
      }),
      expect.objectContaining({
        kind: 'list',
        outcome: 'granted',
        basis: 'team',
        subject: { type: 'report', ids: [ids.drugs] },
        endpoint: { method: 'GET', route: '/api/reports/search' },
      }),
    ]);
  });

  it('answers bad input with a 400 problem naming the field, and any text safely', async () => {
    const bad = async (query: string, field: string) => {
      const a = await search('an.peeters', query);
      expect({ query, status: a.status, type: a.contentType }).toEqual({
        query,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(a.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad('', 'q');
    await bad('q=', 'q');
    await bad('q=%20%20', 'q');
    await bad(`q=${'a'.repeat(201)}`, 'q');
    await bad('q=fiets%00', 'q');
    await bad('q=de%20het%20een', 'q');
    await bad('q=!!!%20%26%26', 'q');
    await bad('q=fiets&limit=0', 'limit');
    await bad('q=fiets&limit=51', 'limit');
    await bad('q=fiets&offset=-1', 'offset');
    await bad('q=fiets&offset=abc', 'offset');
    await bad('q=fiets&unknown=1', 'unknown');
    // Query syntax of any kind is words to websearch_to_tsquery, never a 500. A query of exclusions only
    // finds nothing worth a search: it is refused like one without words.
    for (const q of [
      `'a & b | !(c:*`,
      'fiets:* & (',
      "o'brien \\ back\\slash",
      '<-> <1> ::',
      '"unterminated',
      'ﬁets 🚲 Ölçü',
      'or or or',
    ]) {
      const a = await search('an.peeters', `q=${encodeURIComponent(q)}`);
      expect({ q, status: a.status, total: typeof a.body.total }).toEqual({ q, status: 200, total: 'number' });
    }
    for (const q of ['-fiets', '-"fiets gestolen"', '\u200b']) await bad(`q=${encodeURIComponent(q)}`, 'q');
  });
});
