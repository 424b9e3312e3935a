// Every class of bad input, sent to representative routes of each service of the real embedded product
// (`npm start`: PGlite behind its socket, one shared session), answered with problem+json naming the
// field, after which every service still writes. One request with a NUL in a free-text field (or a lone
// surrogate, or a week date in an evidence asOf) used to leave the shared session broken: every later
// write in all four services answered 500 while /health said up.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedProcess, startEmbedded, untilHealthy } from './embedded-host.testing';
import { freePort, SERVICES } from './production-services.testing';

interface Answer {
  status: number;
  contentType: string;
  allow: string | null;
  json?: { errors?: { field: string }[]; status?: number };
}

interface Call {
  as?: string;
  method: string;
  path: string;
  body?: unknown;
  /** A body sent as is (JSON.stringify cannot write 1e400), with its content type. */
  raw?: { text: string; contentType: string };
  headers?: Record<string, string>;
}

interface Expected {
  status: number;
  /** Fields the problem names (at least these). */
  fields?: (string | RegExp)[];
  allow?: string;
}

const TIME_WINDOW = { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' };
const report = {
  kind: 'aangifte',
  channel: { kind: 'front_desk', officeId: 'apg' },
  appointmentRef: 'APT-1',
  incidentType: 'woninginbraak',
  timeWindow: TIME_WINDOW,
  place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
  narrative: 'Achterdeur geforceerd.',
  parties: [{ name: 'A. Peeters', roles: ['reporter', 'victim'] }],
};
const investigation = {
  kind: 'opsporingsonderzoek',
  origin: { kind: 'eigen_initiatief' },
  phenomenon: 'woninginbraak',
  title: 'Inbraak Voorbeeldstraat 12',
};
const item = {
  pvNumber: 'GE.55.L5.012345/2026',
  description: 'Laptop',
  category: 'phone_or_data_carrier',
  quantity: { amount: 1, unit: 'piece' },
  sealNumber: 'S-1',
  packaging: 'bewijszak',
  condition: 'goed',
  seizedBy: '5415-0201',
  seizedAt: '2026-11-20T09:30:00Z',
  seizedPlace: 'Gent',
  legalBasis: 'art. 35 Sv.',
};
const complaint = {
  channel: 'mail',
  complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
  staffConcerned: [],
  facts: 'Onheus bejegend bij een verkeerscontrole.',
  receivedOn: '2026-03-02',
};

/** The write of each service, and who may make it. */
const WRITES: Record<(typeof SERVICES)[number], Call> = {
  reports: { as: 'an.peeters', method: 'POST', path: '/api/reports', body: report },
  investigations: { as: 'pieter.janssens', method: 'POST', path: '/api/investigations', body: investigation },
  evidence: { as: 'pieter.janssens', method: 'POST', path: '/api/evidence/items', body: item },
  integrity: { as: 'filip.vermeulen', method: 'POST', path: '/api/integrity/complaints', body: complaint },
};

const write = (service: keyof typeof WRITES, body: unknown): Call => ({ ...WRITES[service], body });
/** A write whose body nests `levels` arrays at `field` (written as text: JSON.stringify itself overflows the stack). */
const deepWrite = (service: keyof typeof WRITES, body: object, levels: number): Call => ({
  ...WRITES[service],
  raw: { text: JSON.stringify(body).replace('"DEEP"', '['.repeat(levels) + ']'.repeat(levels)), contentType: 'application/json' },
});
const invalid = (status: number, ...fields: (string | RegExp)[]): Expected => ({ status, fields });

/** Ids made by the first writes, for the routes that read one record. */
const ids: Record<string, string> = {};

/** An offer of the first evidence item to the storage room: a write that reads If-Match. */
const handover = (): Call => ({
  as: 'pieter.janssens',
  method: 'POST',
  path: `/api/evidence/items/${ids.item}/handovers`,
  body: { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
});

const CLASSES: [string, () => [Call, Expected][]][] = [
  [
    'a NUL character in a free-text field',
    () => [
      [write('reports', { ...report, narrative: 'Achterdeur\u0000geforceerd.' }), invalid(400, 'narrative')],
      [write('investigations', { ...investigation, title: 'Inbraak\u0000' }), invalid(400, 'title')],
      [write('evidence', { ...item, description: 'Lap\u0000top' }), invalid(400, 'description')],
      [write('integrity', { ...complaint, facts: '\u0000' }), invalid(400, 'facts')],
      [write('reports', { ...report, parties: [{ name: 'A.\u0000Peeters', roles: ['victim'] }] }), invalid(400, 'parties.0.name')],
    ],
  ],
  [
    'a lone UTF-16 surrogate in a free-text field',
    () => [
      [write('reports', { ...report, narrative: 'Achterdeur \ud800' }), invalid(400, 'narrative')],
      [write('investigations', { ...investigation, title: '\udc00 Inbraak' }), invalid(400, 'title')],
      [write('evidence', { ...item, description: 'Laptop \ud83d' }), invalid(400, 'description')],
      [write('integrity', { ...complaint, complainant: { name: 'J. \ud800' } }), invalid(400, 'complainant.name')],
    ],
  ],
  [
    'a NUL character in a query parameter or the path',
    () => [
      [{ as: 'an.peeters', method: 'GET', path: '/api/reports?office=a%00b' }, invalid(400, 'office')],
      [{ as: 'pieter.janssens', method: 'GET', path: '/api/investigations?team=Diefstallen%00' }, invalid(400, 'team')],
      [{ as: 'pieter.janssens', method: 'GET', path: '/api/investigations/persons?name=Pe%00ters' }, invalid(400, 'name')],
      [{ as: 'pieter.janssens', method: 'GET', path: '/api/evidence/items?caseId=GE%00' }, invalid(400, 'caseId')],
      [{ as: 'bart.desmet', method: 'GET', path: '/api/integrity/complaints?status=intake%00' }, invalid(400, 'status')],
      [{ as: 'ines.dubois', method: 'GET', path: '/api/audit/consultations?actor=5415%000201' }, invalid(400, 'actor')],
      [{ as: 'pieter.janssens', method: 'GET', path: '/api/evidence/items/a%00b' }, invalid(400, 'path')],
    ],
  ],
  [
    'a date that is no calendar date or instant (week, ordinal, basic format, no offset, no such day)',
    () => [
      [{ as: 'pieter.janssens', method: 'GET', path: `/api/evidence/items/${ids.item}?asOf=2026-W10-1` }, invalid(400, 'asOf')],
      [{ as: 'pieter.janssens', method: 'GET', path: `/api/investigations/${ids.investigation}?asOf=2026-W10-1` }, invalid(400, 'asOf')],
      [{ as: 'ines.dubois', method: 'GET', path: '/api/audit/consultations?from=2026-W10-1&to=2026-069' }, invalid(400, 'from', 'to')],
      [{ as: 'an.peeters', method: 'GET', path: '/api/reports?from=20260302' }, invalid(400, 'from')],
      [{ as: 'filip.vermeulen', method: 'GET', path: '/api/reports/statistics?from=2026-02-30' }, invalid(400, 'from')],
      [write('reports', { ...report, timeWindow: { from: '2026-W47-4', to: TIME_WINDOW.to } }), invalid(400, 'timeWindow.from')],
      [write('evidence', { ...item, seizedAt: '2026-11-20T09:30:00' }), invalid(400, 'seizedAt')],
      [write('integrity', { ...complaint, receivedOn: '2026-02-30' }), invalid(400, 'receivedOn')],
    ],
  ],
  [
    'a number out of range or not finite, exponents included',
    () => [
      [
        {
          ...WRITES.evidence,
          raw: { text: JSON.stringify(item).replace('"amount":1', '"amount":1e400'), contentType: 'application/json' },
        },
        invalid(400, 'quantity.amount'),
      ],
      [write('evidence', { ...item, quantity: { amount: 1e300, unit: 'gram' } }), invalid(400, 'quantity.amount')],
      [write('evidence', { ...item, quantity: { amount: 0.0001, unit: 'gram' } }), invalid(400, 'quantity.amount')],
    ],
  ],
  [
    'paging parameters that are not whole numbers within bounds',
    () => [
      [{ as: 'an.peeters', method: 'GET', path: '/api/reports?limit=1e2' }, invalid(400, 'limit')],
      [{ as: 'pieter.janssens', method: 'GET', path: '/api/investigations?offset=1e20' }, invalid(400, 'offset')],
      [{ as: 'pieter.janssens', method: 'GET', path: '/api/evidence/items?limit=0.5' }, invalid(400, 'limit')],
      [{ as: 'bart.desmet', method: 'GET', path: '/api/integrity/complaints?limit=201&offset=-1' }, invalid(400, 'limit', 'offset')],
      [{ as: 'ines.dubois', method: 'GET', path: '/api/audit/consultations?limit=0x10' }, invalid(400, 'limit')],
    ],
  ],
  [
    'nesting deeper than any request needs, under the body limit',
    () => [
      [deepWrite('reports', { ...report, narrative: 'DEEP' }, 50_000), invalid(400, /^narrative(\.0)+$/)],
      [deepWrite('investigations', ['DEEP'], 100_000), invalid(400, /^0(\.0)+$/)],
      [deepWrite('evidence', { ...item, quantity: { amount: 1, unit: 'DEEP' } }, 20), invalid(400, /^quantity\.unit(\.0)+$/)],
      [deepWrite('integrity', { ...complaint, complainant: { name: 'DEEP' } }, 20), invalid(400, /^complainant\.name(\.0)+$/)],
    ],
  ],
  [
    'a required nested object left out',
    () => [
      [write('reports', { ...report, channel: undefined }), invalid(400, 'channel')],
      [write('investigations', { ...investigation, origin: undefined }), invalid(400, 'origin')],
      [write('evidence', { ...item, quantity: undefined }), invalid(400, 'quantity')],
      [write('integrity', { ...complaint, complainant: undefined }), invalid(400, 'complainant')],
    ],
  ],
  [
    'null given for optional fields, nested objects included',
    () => [
      [write('reports', { ...report, place: null, urgent: null }), invalid(400, 'place', 'urgent')],
      [write('investigations', { ...investigation, directingAuthority: null, team: null }), invalid(400, 'directingAuthority', 'team')],
      [write('evidence', { ...item, custodian: null, attachments: null }), invalid(400, 'custodian', 'attachments')],
      [write('integrity', { ...complaint, complainant: { name: 'J. Janssens', contact: null } }), invalid(400, 'complainant.contact')],
    ],
  ],
  [
    'a body that is not JSON (415)',
    () => [
      [{ ...WRITES.reports, raw: { text: 'narrative=x', contentType: 'application/x-www-form-urlencoded' } }, invalid(415, 'Content-Type')],
      [{ ...WRITES.investigations, raw: { text: JSON.stringify(investigation), contentType: 'text/plain' } }, invalid(415, 'Content-Type')],
      [{ ...WRITES.evidence, raw: { text: '<item/>', contentType: 'application/xml' } }, invalid(415, 'Content-Type')],
      [
        { ...WRITES.integrity, raw: { text: JSON.stringify(complaint), contentType: 'multipart/form-data; boundary=x' } },
        invalid(415, 'Content-Type'),
      ],
    ],
  ],
  [
    'an If-Match that is not one of our ETags, an empty one included (it must not make the write unconditional)',
    () => [
      [{ ...handover(), headers: { 'if-match': '' } }, invalid(400, 'If-Match')],
      [{ ...handover(), headers: { 'if-match': '"drie"' } }, invalid(400, 'If-Match')],
      [{ ...handover(), headers: { 'if-match': 'W/"1234567890123456"' } }, invalid(400, 'If-Match')],
    ],
  ],
  [
    'a range that ends before it starts: each bound valid, the pair refused by the domain (422 naming the field)',
    () => [
      [{ as: 'ines.dubois', method: 'GET', path: '/api/audit/consultations?from=2026-03-02&to=2026-03-01' }, invalid(422, 'to')],
      [write('reports', { ...report, timeWindow: { from: TIME_WINDOW.to, to: TIME_WINDOW.from } }), invalid(422, 'timeWindow')],
    ],
  ],
  [
    'a method the path does not serve (405 with Allow)',
    () => [
      [
        { as: 'an.peeters', method: 'PUT', path: '/api/reports' },
        { status: 405, allow: 'GET, HEAD, POST' },
      ],
      [
        { as: 'pieter.janssens', method: 'DELETE', path: '/api/investigations' },
        { status: 405, allow: 'GET, HEAD, POST' },
      ],
      [
        { as: 'pieter.janssens', method: 'PATCH', path: `/api/evidence/items/${ids.item}` },
        { status: 405, allow: 'GET, HEAD' },
      ],
      [
        { as: 'bart.desmet', method: 'PUT', path: '/api/integrity/complaints' },
        { status: 405, allow: 'GET, HEAD, POST' },
      ],
      [
        { method: 'POST', path: '/api/evidence/health', body: {} },
        { status: 405, allow: 'GET, HEAD' },
      ],
    ],
  ],
];

describe('the embedded product under every class of bad input (npm start, PGlite)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'police-input-'));
  let port: number;
  let product: EmbeddedProcess;
  const tokens = new Map<string, string>();

  async function call(c: Call): Promise<Answer> {
    const headers: Record<string, string> = { ...c.headers };
    if (c.as) headers.authorization = `Bearer ${tokens.get(c.as)}`;
    let body: string | undefined;
    if (c.raw) {
      headers['content-type'] = c.raw.contentType;
      body = c.raw.text;
    } else if (c.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(c.body);
    }
    const res = await fetch(`http://127.0.0.1:${port}${c.path}`, { method: c.method, headers, body });
    const contentType = res.headers.get('content-type') ?? '';
    const text = await res.text();
    return {
      status: res.status,
      contentType,
      allow: res.headers.get('allow'),
      json: contentType.includes('json') && text ? JSON.parse(text) : undefined,
    };
  }

  /** A normal write in each of the four services succeeds, and each reports healthy. */
  async function everyServiceWrites(): Promise<Record<string, string>> {
    const made: Record<string, string> = {};
    for (const [service, w] of Object.entries(WRITES)) {
      const a = await call(w);
      expect({ service, status: a.status }).toEqual({ service, status: 201 });
      made[service] = (a.json as { id: string }).id;
    }
    for (const s of SERVICES)
      expect({ s, status: (await fetch(`http://127.0.0.1:${port}/api/${s}/health`)).status }).toEqual({ s, status: 200 });
    return made;
  }

  beforeAll(async () => {
    port = await freePort();
    product = startEmbedded(dataDir, port, ['--fresh']);
    await untilHealthy(port).catch((e) => Promise.reject(new Error(`${e}\n${product.output()}`)));
    for (const username of ['an.peeters', 'pieter.janssens', 'filip.vermeulen', 'bart.desmet', 'ines.dubois']) {
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      tokens.set(username, ((await res.json()) as { access_token: string }).access_token);
    }
  }, 240_000);

  afterAll(async () => {
    product?.child.kill('SIGINT');
    expect(await product?.exited).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes in every service before any bad input', async () => {
    const made = await everyServiceWrites();
    ids.item = made.evidence;
    ids.investigation = made.investigations;
  });

  it.each(CLASSES)('%s: refused with problem+json naming the field, then every service still writes', async (_name, cases) => {
    for (const [request, expected] of cases()) {
      const a = await call(request);
      const fields = (a.json?.errors ?? []).map((e) => e.field);
      expect({ request: `${request.method} ${request.path}`, status: a.status, type: a.contentType, allow: a.allow, fields }).toEqual({
        request: `${request.method} ${request.path}`,
        status: expected.status,
        type: expect.stringContaining('application/problem+json'),
        allow: expected.allow ?? null,
        fields: expect.arrayContaining((expected.fields ?? []).map((f) => (typeof f === 'string' ? f : expect.stringMatching(f)))),
      });
    }
    await everyServiceWrites();
  });

  it('a control character in a header: Node refuses it, answered as problem+json naming the header, then every service still writes', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      let out = '';
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(
          Buffer.from(
            `GET /api/evidence/items/${ids.item} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokens.get('pieter.janssens')}\r\nX-Justification: lopend\u0000onderzoek\r\n\r\n`,
            'latin1',
          ),
        ),
      );
      socket.on('data', (d) => (out += d.toString('utf8')));
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(head).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({
      status: 400,
      errors: [{ field: 'X-Justification', detail: 'must not contain control characters' }],
    });
    await everyServiceWrites();
  });
});
