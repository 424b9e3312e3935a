import { COLUMNS } from './personas';
import { MatrixCall, MatrixRow, R, U } from './matrix';
import type { ServiceName, ServiceTestApp } from './service-app';

/** The IT desk's demo user: the `ops` role, which no column of the matrices holds. */
export const OPS_USER = 'tom.verstraete';

/** Every column but `anonymous` is refused by role: the routes are the ops role's, and no persona of the matrix has it. */
const OPS_ONLY = COLUMNS.map((c) => (c === 'anonymous' ? U : R));

/**
 * The authorization-matrix rows of the operations routes every service mounts (`opsController` of
 * libs/security): anonymous 401, every persona 403 — the chief too. What the ops role itself gets is
 * {@link expectOperationsAnswerOps}.
 */
export function operationsRows<P extends string, K>(service: ServiceName): MatrixRow<P, K, MatrixCall>[] {
  const base = `/api/${service}/ops`;
  const refusedOnly = () => undefined;
  return [
    { method: 'GET', route: `${base}/parked-messages`, expected: OPS_ONLY, ok: refusedOnly },
    {
      method: 'POST',
      route: `${base}/parked-messages/:id/replay`,
      expected: OPS_ONLY,
      request: () => ({ path: `${base}/parked-messages/1/replay` }),
      ok: refusedOnly,
    },
    {
      method: 'POST',
      route: `${base}/parked-messages/:id/discard`,
      expected: OPS_ONLY,
      request: () => ({ path: `${base}/parked-messages/1/discard`, body: { reason: 'Test' } }),
      ok: refusedOnly,
    },
    { method: 'GET', route: `${base}/status`, expected: OPS_ONLY, ok: refusedOnly },
    {
      method: 'POST',
      route: `${base}/projections/:name/rebuild`,
      expected: OPS_ONLY,
      request: () => ({ path: `${base}/projections/${service}-x/rebuild` }),
      ok: refusedOnly,
    },
  ];
}

/**
 * What the ops demo user gets from a service's operations routes on a fresh service: the parked
 * messages (as the caller expects them) and the status of every projection; a message or projection
 * that does not exist is 404, a discard without a reason 400 naming the field.
 */
export async function expectOperationsAnswerOps(t: ServiceTestApp, service: ServiceName, projections: string[]): Promise<void> {
  const base = `/api/${service}/ops`;
  const list = await t.request(OPS_USER, 'GET', `${base}/parked-messages?status=all`);
  expect(list.status).toBe(200);
  expect(list.json).toMatchObject({ service, messages: expect.any(Array) });
  const status = await t.request(OPS_USER, 'GET', `${base}/status`);
  expect(status.status).toBe(200);
  expect(status.json.service).toBe(service);
  expect(status.json.projections.map((p: { name: string }) => p.name).sort()).toEqual([...projections].sort());
  expect(status.json.parked).toEqual({ parked: expect.any(Number), replayed: expect.any(Number), discarded: expect.any(Number) });
  const unknown = await t.request(OPS_USER, 'POST', `${base}/parked-messages/987654321/replay`);
  expect(unknown.status).toBe(404);
  expect(unknown.contentType).toContain('application/problem+json');
  const noReason = await t.request(OPS_USER, 'POST', `${base}/parked-messages/987654321/discard`, {});
  expect(noReason.status).toBe(400);
  expect(noReason.json.errors.map((e: { field: string }) => e.field)).toContain('reason');
  expect((await t.request(OPS_USER, 'POST', `${base}/parked-messages/987654321/discard`, { reason: 'Test' })).status).toBe(404);
  expect((await t.request(OPS_USER, 'POST', `${base}/projections/${service}-none/rebuild`)).status).toBe(404);
}
