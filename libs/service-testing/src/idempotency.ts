import { randomUUID } from 'node:crypto';
import type { Answer } from './service-app';

/** Sends one write of the route under test with this `Idempotency-Key` and body. */
export type KeyedSend = (key: string, body: unknown) => Promise<Answer>;

/** The record an answer names (default: its `id`). */
const defaultIdOf = (a: Answer): string => a.json?.id;

/**
 * Checks the `Idempotency-Key` contract of a route that creates a record, over HTTP:
 * - the same key with the same body answers the first result again (2xx, the same record);
 * - the same key with another body is a 422 problem+json naming the `Idempotency-Key` header;
 * - `parallel` identical requests sent at once (a new key, the same body) all get the first answer:
 *   2xx, one and the same record, never a 409.
 * Returns the records made, so that the caller can check the store holds one of each and nothing else.
 */
export async function expectIdempotentCreate(
  send: KeyedSend,
  o: { body: unknown; otherBody: unknown; idOf?: (a: Answer) => string; parallel?: number },
): Promise<{ first: string; racing: string }> {
  const idOf = o.idOf ?? defaultIdOf;
  const key = `first-${randomUUID()}`;
  const first = await send(key, o.body);
  expect({ status: first.status, text: first.status < 300 ? 'ok' : first.text }).toEqual({ status: 201, text: 'ok' });
  const id = idOf(first);
  expect(typeof id).toBe('string');

  const again = await send(key, o.body);
  expect(again.status).toBeGreaterThanOrEqual(200);
  expect(again.status).toBeLessThan(300);
  expect(idOf(again)).toBe(id);

  const reused = await send(key, o.otherBody);
  expect(reused.status).toBe(422);
  expect(reused.contentType).toContain('application/problem+json');
  expect(reused.json).toMatchObject({ status: 422, code: 'idempotency_key_reused', errors: [{ field: 'Idempotency-Key' }] });

  const racingKey = `racing-${randomUUID()}`;
  const answers = await Promise.all(Array.from({ length: o.parallel ?? 20 }, () => send(racingKey, o.body)));
  expect(answers.map((a) => (a.status >= 200 && a.status < 300 ? '2xx' : `${a.status} ${a.text}`))).toEqual(answers.map(() => '2xx'));
  const racing = new Set(answers.map(idOf));
  expect(racing.size).toBe(1);
  const [racingId] = racing;
  expect(racingId).not.toBe(id);
  expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
  return { first: id, racing: racingId };
}
