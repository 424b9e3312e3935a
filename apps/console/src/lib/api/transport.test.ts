import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../auth/session';
import { breakGlass, recordKey } from './break-glass';
import { PROBLEM_BASE, ProblemError } from './problem';
import { apiFetch } from './transport';

const REPORT = 'http://127.0.0.1/api/reports/2f0f5d4e-8d64-4a83-9c2b-6d1a3a0e8f11';
const problem = (type: string, status: number, extra: object = {}) =>
  new Response(JSON.stringify({ type: `${PROBLEM_BASE}${type}`, title: type, status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
const ok = (body: object) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('apiFetch: the one transport of every API call', () => {
  const sent: Request[] = [];
  let answers: Response[];
  beforeEach(() => {
    sent.length = 0;
    breakGlass.forgetAll();
    sessionStore.set({
      accessToken: 'token-1',
      user: { username: 'filip.vermeulen', name: 'Filip', staffId: '5415-0001', roles: ['chief'], teams: [], unit: '' },
      expiresAt: Date.now() + 3_600_000,
    });
    vi.stubGlobal('fetch', async (r: Request) => {
      sent.push(r);
      return answers.shift()!;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the bearer token', async () => {
    answers = [ok({ items: [] })];
    await apiFetch(new Request('http://127.0.0.1/api/reports'));
    expect(sent[0].headers.get('authorization')).toBe('Bearer token-1');
  });

  it('asks why on 403 justification required, retries with the reason (UTF-8 percent-encoded) and case, and remembers it for that record', async () => {
    answers = [problem('justification-required', 403), ok({ id: 'r' }), ok({ pvs: [] })];
    const asked: string[] = [];
    const stop = breakGlass.setAsker(async ({ url }) => {
      asked.push(url);
      return { text: 'Controle van een reeks inbraken voor één dossier', caseRef: 'GE.55.L5.012345/2026' };
    });
    const res = await apiFetch(new Request(REPORT));
    expect(res.status).toBe(200);
    expect(asked).toEqual([REPORT]);
    expect(sent[1].headers.get('x-justification')).toBe(encodeURIComponent('Controle van een reeks inbraken voor één dossier'));
    expect(decodeURIComponent(sent[1].headers.get('x-justification')!)).toBe('Controle van een reeks inbraken voor één dossier');
    expect(sent[1].headers.get('x-justification-case')).toBe('GE.55.L5.012345/2026');
    expect(breakGlass.wasUsedFor(`${REPORT}/pvs`)).toBe(true);
    await apiFetch(new Request(`${REPORT}/pvs`));
    expect(sent[2].headers.get('x-justification-case')).toBe('GE.55.L5.012345/2026');
    expect(asked).toHaveLength(1);
    stop();
  });

  it('asks once for a screen whose second read is refused after the reason was given but before the first retry came back', async () => {
    let releaseRetry!: () => void;
    const retryHeld = new Promise<void>((r) => (releaseRetry = r));
    const byUrl = new Map<string, Response[]>([
      [REPORT, [problem('justification-required', 403), ok({ id: 'r' })]],
      [`${REPORT}/history`, [problem('justification-required', 403), ok({ events: [] })]],
    ]);
    vi.stubGlobal('fetch', async (r: Request) => {
      sent.push(r);
      if (r.url === REPORT && r.headers.has('x-justification')) await retryHeld;
      return byUrl.get(r.url)!.shift()!;
    });
    let asked = 0;
    let answered!: () => void;
    const answeredOnce = new Promise<void>((r) => (answered = r));
    const stop = breakGlass.setAsker(async () => {
      asked += 1;
      answered();
      return { text: 'Opvolging van een klacht over de verwerking' };
    });
    const first = apiFetch(new Request(REPORT));
    await answeredOnce;
    const second = apiFetch(new Request(`${REPORT}/history`));
    await new Promise((r) => setTimeout(r, 10));
    releaseRetry();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(asked).toBe(1);
    expect(sent.filter((r) => r.headers.has('x-justification'))).toHaveLength(2);
    stop();
  });

  it('asks again, with the fields at fault, while the server finds the reason wanting', async () => {
    answers = [
      problem('justification-required', 403),
      problem('justification-required', 403, { errors: [{ field: 'X-Justification', detail: 'must say why' }] }),
      ok({ id: 'r' }),
    ];
    const seen: number[] = [];
    const stop = breakGlass.setAsker(async ({ problem: p }) => {
      seen.push(p.errors.length);
      return { text: seen.length === 1 ? 'te kort' : 'nodig voor het lopende onderzoek' };
    });
    expect((await apiFetch(new Request(REPORT))).status).toBe(200);
    expect(seen).toEqual([0, 1]);
    stop();
  });

  it('turns a cancelled dialog into a justification-cancelled problem, and never breaks the glass for a write', async () => {
    answers = [problem('justification-required', 403)];
    const stop = breakGlass.setAsker(async () => null);
    await expect(apiFetch(new Request(REPORT))).rejects.toMatchObject({ slug: 'justification-cancelled', status: 403 });
    answers = [problem('justification-required', 403)];
    const write = await apiFetch(new Request(`${REPORT}/amendments`, { method: 'POST', body: '{}' }));
    expect(write.status).toBe(403);
    expect(sent).toHaveLength(2);
    stop();
  });

  it('ends the session on 401, so the console returns to sign-in', async () => {
    answers = [problem('unauthenticated', 401)];
    await apiFetch(new Request('http://127.0.0.1/api/reports'));
    expect(sessionStore.current).toBeNull();
    expect(sessionStore.signedOutReason).toBe('ended');
  });

  it('keys a record by its path up to the id', () => {
    expect(recordKey(`${REPORT}/pvs?x=1`)).toBe('/api/reports/2f0f5d4e-8d64-4a83-9c2b-6d1a3a0e8f11');
    expect(recordKey('http://127.0.0.1/api/reports?status=received')).toBe('/api/reports');
  });

  it('reads a problem body into a ProblemError', () => {
    const e = new ProblemError(422, {
      type: `${PROBLEM_BASE}appointment-required`,
      code: 'appointment_required',
      errors: [{ field: 'appointmentRef', detail: 'x' }],
    });
    expect([e.slug, e.code, e.errors]).toEqual([
      'appointment-required',
      'appointment_required',
      [{ field: 'appointmentRef', detail: 'x' }],
    ]);
  });
});
