// The records the fuzz acts on: a few realistic ones, made through the API as their users would, so
// that the routes with an id in their path find something (Schemathesis draws the seeded ids from
// dictionaries, besides ids of its own; see scripts/fuzz.mjs).

const TIME_WINDOW = { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' };

/** A burglary reported at the front desk by its victim. */
const burglary = (appointmentRef, address, narrative, victim) => ({
  kind: 'aangifte',
  channel: { kind: 'front_desk', officeId: 'apg' },
  appointmentRef,
  incidentType: 'woninginbraak',
  timeWindow: TIME_WINDOW,
  place: { municipality: 'Gent', postalCode: '9000', address },
  narrative,
  parties: [{ name: victim, roles: ['reporter', 'victim'] }],
});

/** One investigation per detective team, opened by a detective of that team. */
const TEAM_CASES = [
  { team: 'Diefstallen', by: 'pieter.janssens', phenomenon: 'woninginbraak', title: 'Inbraakreeks Voorbeeldstraat' },
  { team: 'Drugs', by: 'sofie.maes', phenomenon: 'drugs', title: 'Drugshandel Overpoort' },
  { team: 'Zeden', by: 'lotte.willems', phenomenon: 'zeden', title: 'Aanranding Citadelpark' },
  { team: 'Geweld', by: 'koen.claes', phenomenon: 'geweld', title: 'Slagen en verwondingen Korenmarkt' },
];

/** Everyone the seed acts as. */
export const SEED_USERS = ['an.peeters', ...TEAM_CASES.map((c) => c.by), 'marc.goossens', 'filip.vermeulen'];

/** Problem-free JSON over HTTP with a persona's token; throws with the answer on anything but 2xx. */
export function apiOf(base, tokens) {
  return async function api(as, method, path, body, headers = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(tokens.has(as) ? { authorization: `Bearer ${tokens.get(as)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`seeding: ${as} ${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    return { body: text ? JSON.parse(text) : undefined, etag: res.headers.get('etag') };
  };
}

/** Tokens of the development issuer (embedded mode), by username. */
export async function devTokens(base, usernames) {
  const tokens = new Map();
  for (const username of usernames) {
    const res = await fetch(`${base}/api/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    const json = await res.json().catch(() => ({}));
    if (res.status !== 200 || typeof json.access_token !== 'string')
      throw new Error(`no development token for ${username}: ${res.status} ${JSON.stringify(json)}`);
    tokens.set(username, json.access_token);
  }
  return tokens;
}

/** Waits until an async probe returns something other than undefined (the in-process bus delivers after the answer). */
async function eventually(probe, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`seeding: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Seeds the product and returns the ids made, by kind (each a list: the dictionaries Schemathesis
 * draws path and body values from).
 */
export async function seed(base, tokens) {
  const api = apiOf(base, tokens);
  const ids = {
    report: [],
    pv: [],
    investigation: [],
    partyLink: [],
    task: [],
    item: [],
    handover: [],
    foundObject: [],
    complaint: [],
    staff: [],
  };

  // The desk takes a burglary report, drafts its PV and refers it for investigation (→ Diefstallen).
  const report = await api(
    'an.peeters',
    'POST',
    '/api/reports',
    burglary('APT-1', 'Voorbeeldstraat 12', 'Achterdeur geforceerd, laptop en juwelen weg.', 'A. Peeters'),
  );
  ids.report.push(report.body.id);
  const pv = await api('an.peeters', 'POST', `/api/reports/${report.body.id}/pvs`, {
    legalQualification: 'Diefstal met braak (art. 467 Sw.)',
    offenceType: 'woninginbraak',
    destination: 'parket',
    documentSha256: 'a'.repeat(64),
  });
  ids.pv.push(pv.body.pvId ?? pv.body.id);
  const second = await api(
    'an.peeters',
    'POST',
    '/api/reports',
    burglary('APT-2', 'Voorbeeldstraat 14', 'Raam ingeslagen bij de buren.', 'B. Maes'),
  );
  ids.report.push(second.body.id);
  await api('an.peeters', 'POST', `/api/reports/${second.body.id}/investigation-request`, { reason: 'Reeks inbraken in de straat' });

  // An investigation per team, by one of its detectives; a party and a task on the Diefstallen one.
  for (const c of TEAM_CASES) {
    const inv = await api(c.by, 'POST', '/api/investigations', {
      kind: 'opsporingsonderzoek',
      origin: { kind: 'eigen_initiatief' },
      phenomenon: c.phenomenon,
      title: c.title,
    });
    ids.investigation.push(inv.body.id);
  }
  const diefstallen = ids.investigation[0];
  const party = await api('pieter.janssens', 'POST', `/api/investigations/${diefstallen}/parties`, {
    displayName: 'K. Janssens',
    role: 'suspect',
    identified: false,
    traced: false,
  });
  ids.partyLink.push(party.body.partyLinkId ?? party.body.id);
  const task = await api('pieter.janssens', 'POST', `/api/investigations/${diefstallen}/tasks`, {
    title: 'Buurtonderzoek',
    assignee: '5415-0201',
    dueDate: '2026-12-01',
  });
  ids.task.push(task.body.taskId ?? task.body.id);
  // The referred report's case, opened by the bus.
  const referred = await eventually(async () => {
    const { body } = await api('pieter.janssens', 'GET', `/api/investigations?reportId=${second.body.id}`);
    return body.investigations?.[0]?.id;
  }, 'the referred report opening an investigation');
  ids.investigation.push(referred);

  // Evidence: an item seized in the Diefstallen case (once evidence's case directory knows it), offered to storage.
  await eventually(async () => {
    try {
      return await api(
        'pieter.janssens',
        'POST',
        '/api/evidence/items',
        {
          investigationId: diefstallen,
          description: 'Laptop, grijs, met sticker',
          category: 'phone_or_data_carrier',
          quantity: { amount: 1, unit: 'piece' },
          sealNumber: 'S-0001',
          packaging: 'bewijszak',
          condition: 'goed',
          seizedBy: '5415-0201',
          seizedAt: '2026-11-20T09:30:00Z',
          seizedPlace: 'Gent, Voorbeeldstraat 12',
          legalBasis: 'art. 35 Sv.',
        },
        { 'idempotency-key': 'fuzz-seed-item-1' },
      ).then((r) => ids.item.push(r.body.id) && r);
    } catch (e) {
      if (/answered 422/.test(String(e))) return undefined;
      throw e;
    }
  }, "evidence's case directory learning of the Diefstallen case");
  const item = await api('pieter.janssens', 'GET', `/api/evidence/items/${ids.item[0]}`);
  const handover = await api(
    'pieter.janssens',
    'POST',
    `/api/evidence/items/${ids.item[0]}/handovers`,
    { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
    item.etag ? { 'if-match': item.etag } : {},
  );
  ids.handover.push(handover.body.handoverId ?? handover.body.id);
  const found = await api('marc.goossens', 'POST', '/api/evidence/found-objects', {
    category: 'bicycle',
    description: 'Blauwe herenfiets',
    place: { municipality: 'Gent', postalCode: '9000' },
    foundOn: '2026-11-18',
  });
  ids.foundObject.push(found.body.id);

  // Integrity: a complaint by mail, recorded by the chief.
  const complaint = await api('filip.vermeulen', 'POST', '/api/integrity/complaints', {
    channel: 'mail',
    complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
    staffConcerned: ['5415-0204'],
    facts: 'Onheus bejegend bij een verkeerscontrole.',
    receivedOn: '2026-03-02',
  });
  ids.complaint.push(complaint.body.id);

  ids.staff.push('5415-0101', '5415-0201', '5415-0202', '5415-0204', '5415-0210');
  return ids;
}
