import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@police/testing';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import { ev } from './event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

// Concurrent appends share a transaction (group commit). One refused append must not take the
// others of its batch down with it, nor leave any of its own events behind.
describe('PostgreSQL group commit', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('group');
    // One batch in flight at a time: everything queued meanwhile leaves together.
    store = new PostgresEventStore({ pool: db.pool(4), schema: 'grp', maxAppendsInFlight: 1 });
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('isolates a reused event id and a stale version inside a batch of good appends', async () => {
    const taken = ev('Registered', { n: 0 });
    await store.appendToStream('item-taken', [taken]);
    await store.appendToStream('item-stale', [ev('Registered', { n: 0 })]);

    const blocker = store.appendToStream('item-first', [ev('Registered', { n: 1 })]);
    const batch = [
      store.appendToStream('item-a', [ev('Registered', { n: 2 }), ev('Sealed', { n: 3 })], { expected: 'no_stream' }),
      store.appendToStream('item-dup', [ev('Registered', { n: 4 }), { ...taken, type: 'Registered', data: { n: 5 } }]),
      store.appendToStream('item-stale', [ev('Moved', { n: 6 })], { expected: 5 }),
      store.appendToStream('item-b', [ev('Registered', { n: 7 })], { expected: 'no_stream' }),
    ];
    const results = await Promise.allSettled([blocker, ...batch]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect((results[3] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((results[3] as PromiseRejectedResult).reason).toMatchObject({ expected: 5, actual: 0 });
    expect((results[1] as PromiseFulfilledResult<{ nextExpectedVersion: number }>).value.nextExpectedVersion).toBe(1);

    expect((await store.readStream('item-a')).events.map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }]);
    expect((await store.readStream('item-b')).events.map((e) => e.data)).toEqual([{ n: 7 }]);
    expect(await store.readStream('item-dup')).toEqual({ events: [], currentVersion: -1 });
    expect((await store.readStream('item-stale')).events.map((e) => e.type)).toEqual(['Registered']);
    for (const s of ['item-a', 'item-b', 'item-first', 'item-taken']) expect((await store.verifyStream(s)).ok).toBe(true);
  });

  it('puts the appends that arrive together into one transaction', async () => {
    const first = store.appendToStream('tx-0', [ev('Registered', {})]);
    const together = Array.from({ length: 6 }, (_, i) => store.appendToStream(`tx-${i + 1}`, [ev('Registered', {})]));
    await Promise.all([first, ...together]);
    const { rows } = await db
      .pool(1)
      .query<{ n: string }>(
        `SELECT count(DISTINCT transaction_id) AS n FROM grp.events WHERE stream_id LIKE 'tx-%' AND stream_id <> 'tx-0'`,
      );
    expect(Number(rows[0].n)).toBe(1);
  });
  it('answers an append that asks with the events exactly as a read returns them: alone, batched, and inside a transaction', async () => {
    const answer = { answer: true } as const;
    const alone = await store.appendToStream('answer-alone', [ev('Registered', { n: 1, nested: { b: 2, a: [1.5, 'x'] } })], answer);
    const next = await store.appendToStream('answer-alone', [ev('Sealed', { n: 2 }), ev('Moved', { to: 'kluis' })], {
      expected: 0,
      ...answer,
    });
    const blocker = store.appendToStream('answer-first', [ev('Registered', { n: 3 })], answer);
    const batched = [
      store.appendToStream('answer-a', [ev('Registered', { n: 4 }), ev('Sealed', { n: 5 })], { expected: 'no_stream', ...answer }),
      store.appendToStream('answer-stale', [ev('Moved', { n: 6 })], { expected: 3, ...answer }),
      store.appendToStream('answer-b', [ev('Registered', { n: 7 })], answer),
      // In the same batch, an append that does not ask: stored the same, answered without the events.
      store.appendToStream('answer-none', [ev('Registered', { n: 10 })]),
    ];
    const [first, a, stale, b, none] = await Promise.allSettled([blocker, ...batched]);
    expect(stale.status).toBe('rejected');
    const client = await db.pool(1).connect();
    let inTx;
    try {
      await client.query('BEGIN');
      inTx = await store.withTransaction(client).appendToStream('answer-tx', [ev('Registered', { n: 8 }), ev('Sealed', { n: 9 })], answer);
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    // Each answer against a read of the same events: stream, first version, how many it appended.
    const answers: [string, { recorded?: unknown[] }, number, number][] = [
      ['answer-alone', alone, 0, 1],
      ['answer-alone', next, 1, 2],
      ['answer-first', (first as PromiseFulfilledResult<{ recorded?: unknown[] }>).value, 0, 1],
      ['answer-a', (a as PromiseFulfilledResult<{ recorded?: unknown[] }>).value, 0, 2],
      ['answer-b', (b as PromiseFulfilledResult<{ recorded?: unknown[] }>).value, 0, 1],
      ['answer-tx', inTx, 0, 2],
    ];
    for (const [stream, result, from, count] of answers) {
      const read = (await store.readStream(stream, { fromVersion: from, toVersion: from + count - 1 })).events;
      expect(read).toHaveLength(count);
      expect(result.recorded).toEqual(read);
    }
    const notAsked = (none as PromiseFulfilledResult<{ recorded?: unknown[]; nextExpectedVersion: number }>).value;
    expect(notAsked).toMatchObject({ nextExpectedVersion: 0, alreadyAppended: false });
    expect(notAsked).not.toHaveProperty('recorded');
    expect((await store.readStream('answer-none')).events.map((e) => e.data)).toEqual([{ n: 10 }]);
    // An idempotent retry is answered from what is stored: nothing appended, nothing to answer with.
    const retried = await store.appendToStream('answer-b', (await store.readStream('answer-b')).events, answer);
    expect(retried.alreadyAppended).toBe(true);
    expect(retried).not.toHaveProperty('recorded');
  });
  it('mixes one-event appends (one INSERT for all) with appends of several events and to a stream named twice: each refused or appended as alone', async () => {
    const taken = ev('Registered', { n: 0 });
    await store.appendToStream('mix-taken', [taken]);
    await store.appendToStream('mix-old', [ev('Registered', { n: 0 })]);
    const blocker = store.appendToStream('mix-first', [ev('Registered', { n: 1 })]);
    const batch = [
      store.appendToStream('mix-one', [ev('Registered', { n: 2 })], { expected: 'no_stream' }),
      store.appendToStream('mix-old', [ev('Moved', { n: 3 })], { expected: 0 }),
      store.appendToStream('mix-stale', [ev('Registered', { n: 4 })], { expected: 2 }),
      store.appendToStream('mix-reused', [taken]),
      store.appendToStream('mix-twice', [ev('Registered', { n: 6 })], { expected: 'no_stream' }),
      store.appendToStream('mix-twice', [ev('Sealed', { n: 7 })], { expected: 0 }),
      store.appendToStream('mix-many', [ev('Registered', { n: 8 }), ev('Sealed', { n: 9 })]),
      store.appendToStream('mix-exists', [ev('Registered', { n: 10 })], { expected: 'stream_exists' }),
    ];
    const results = await Promise.allSettled([blocker, ...batch]);

    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    expect((results[3] as PromiseRejectedResult).reason).toMatchObject({ expected: 2, actual: -1 });
    expect((results[4] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect((results[8] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((results[2] as PromiseFulfilledResult<{ nextExpectedVersion: number }>).value.nextExpectedVersion).toBe(1);
    expect((results[6] as PromiseFulfilledResult<{ nextExpectedVersion: number }>).value.nextExpectedVersion).toBe(1);

    expect((await store.readStream('mix-one')).events.map((e) => e.data)).toEqual([{ n: 2 }]);
    expect((await store.readStream('mix-old')).events.map((e) => e.data)).toEqual([{ n: 0 }, { n: 3 }]);
    expect((await store.readStream('mix-twice')).events.map((e) => e.data)).toEqual([{ n: 6 }, { n: 7 }]);
    expect((await store.readStream('mix-many')).events.map((e) => e.data)).toEqual([{ n: 8 }, { n: 9 }]);
    for (const empty of ['mix-stale', 'mix-reused', 'mix-exists'])
      expect(await store.readStream(empty)).toEqual({ events: [], currentVersion: -1 });
    for (const s of ['mix-one', 'mix-old', 'mix-twice', 'mix-many', 'mix-first', 'mix-taken'])
      expect((await store.verifyStream(s)).ok).toBe(true);
    // The batch after the blocker was one transaction: the one-event INSERT and the appends beside it.
    const { rows } = await db
      .pool(1)
      .query<{ n: string }>(
        `SELECT count(DISTINCT transaction_id) AS n FROM grp.events WHERE stream_id IN ('mix-one', 'mix-twice', 'mix-many') OR (stream_id = 'mix-old' AND stream_version = 1)`,
      );
    expect(Number(rows[0].n)).toBe(1);
  });
  it('calls the per-append function only for the appends the one INSERT cannot take', async () => {
    const client = await db.pool(1).connect();
    try {
      await client.query('BEGIN');
      await client.query("SET LOCAL track_functions = 'pl'");
      const one = (id: string): string =>
        JSON.stringify([{ id, type: 'Registered', data: {}, metadata: {}, contentHash: '00'.repeat(32) }]);
      const { rows } = await client.query<{ status: string }>(
        'SELECT status FROM grp.append_batch($1::text[], $2::bigint[], $3::jsonb[], $4::boolean[])',
        [
          ['calls-a', 'calls-b', 'calls-c', 'calls-many'],
          [-1, -1, -2, -2],
          [
            one(randomUUID()),
            one(randomUUID()),
            one(randomUUID()),
            JSON.stringify([...JSON.parse(one(randomUUID())), ...JSON.parse(one(randomUUID()))]),
          ],
          [false, true, false, false],
        ],
      );
      expect(rows.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
      const calls = await client.query<{ n: string }>(
        "SELECT pg_stat_get_xact_function_calls('grp.append_events(text, bigint, jsonb, boolean)'::regprocedure) AS n",
      );
      expect(Number(calls.rows[0].n)).toBe(1);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });
  it("inside a caller's transaction, a refused append rolls back alone: the transaction goes on and commits the rest", async () => {
    const taken = ev('Registered', { n: 1 });
    await store.appendToStream('tx-taken', [taken]);
    const client = await db.pool(1).connect();
    try {
      await client.query('BEGIN');
      const inTx = store.withTransaction(client);
      await inTx.appendToStream('tx-kept', [ev('Registered', { n: 2 })]);
      await expect(inTx.appendToStream('tx-reused', [ev('Registered', { n: 3 }), { ...taken, data: { n: 4 } }])).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(inTx.appendToStream('tx-kept', [ev('Sealed', { n: 5 })], { expected: 7 })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await inTx.appendToStream('tx-kept', [ev('Sealed', { n: 6 })], { expected: 0 });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect((await store.readStream('tx-kept')).events.map((e) => e.data)).toEqual([{ n: 2 }, { n: 6 }]);
    expect(await store.readStream('tx-reused')).toEqual({ events: [], currentVersion: -1 });
    expect((await store.verifyStream('tx-kept')).ok).toBe(true);
  });
});
