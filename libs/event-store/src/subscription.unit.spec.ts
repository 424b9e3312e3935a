import { eventually } from '@police/testing';
import { backoffDelay, DEFAULT_BACKOFF, LoopFailure } from './backoff';
import { RecordedEvent, START } from './event-store';
import { InMemoryEventStore } from './in-memory-event-store';
import { ev } from './event-store.contract';
import { pollingSubscription } from './subscription';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 1000 };

  it('doubles from the initial delay up to the cap, each wait between half its step and the step', () => {
    expect([1, 2, 3, 4, 5, 50].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 50].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
  });

  it('by default waits at most 5 s, so a loop tries again within 5 s of its server coming back after an outage of any length', () => {
    expect([1, 5, 6, 7, 50].map((n) => backoffDelay(n, DEFAULT_BACKOFF, () => 1))).toEqual([200, 3200, 5000, 5000, 5000]);
    expect(backoffDelay(50, DEFAULT_BACKOFF, () => 0)).toBe(2500);
  });
});

describe('pollingSubscription', () => {
  it('outlives failing reads and a failing handler: reports each, backs off, and resumes after the last handled batch, skipping nothing', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('s-1', [ev('A', { n: 1 }), ev('A', { n: 2 })]);
    let readFailures = 3;
    let handleFailures = 2;
    const handled: number[] = [];
    const reported: LoopFailure[] = [];
    const subscription = pollingSubscription({
      from: START,
      read: async (from, limit) => {
        if (readFailures-- > 0) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return store.readAll(from, { limit });
      },
      handle: async (events: RecordedEvent[]) => {
        if (events.some((e) => (e.data as { n: number }).n === 3) && handleFailures-- > 0)
          throw new Error('Connection terminated unexpectedly');
        handled.push(...events.map((e) => (e.data as { n: number }).n));
      },
      onError: (_e, failure) => void reported.push({ ...failure }),
      batchSize: 10,
      pollIntervalMs: 10,
      backoff: { initialMs: 1, maxMs: 4 },
    });
    await eventually(() => expect(handled).toEqual([1, 2]));
    await store.appendToStream('s-1', [ev('A', { n: 3 })]);
    await eventually(() => expect(handled).toEqual([1, 2, 3]));
    expect(subscription.failure).toBeUndefined();
    expect(subscription.position).toEqual((await store.readAll(START)).at(-1)!.position);
    expect(reported.map((f) => [f.error, f.attempts])).toEqual([
      ['connect ECONNREFUSED 127.0.0.1:5432', 1],
      ['connect ECONNREFUSED 127.0.0.1:5432', 2],
      ['connect ECONNREFUSED 127.0.0.1:5432', 3],
      ['Connection terminated unexpectedly', 1],
      ['Connection terminated unexpectedly', 2],
    ]);
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();
  });
});
