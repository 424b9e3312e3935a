import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateAll, invalidateChanges, versionOf } from './invalidate';

function cache() {
  const client = new QueryClient();
  const put = (queryKey: unknown[], data: unknown, meta?: { live?: readonly string[] | false }) => {
    client.getQueryCache().build(client, { queryKey, meta });
    client.setQueryData(queryKey, data);
  };
  const stale = () =>
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => JSON.stringify(q.queryKey))
      .sort();
  return { client, put, stale };
}

describe('live invalidation', () => {
  it("refreshes the changed record's queries, those of the record it belongs to, and the lists of their types", async () => {
    const { client, put, stale } = cache();
    put(['reports', 'detail', 'r1'], { data: {}, etag: '"2"' });
    put(['reports', 'detail', 'r2'], { data: {}, etag: '"1"' });
    put(['reports', 'list', { status: 'open' }], { items: [] }, { live: ['report'] });
    put(['pvs', 'detail', 'p1'], { data: {}, etag: '"1"' });
    put(['pvs', 'history', 'p1'], []);
    put(['pvs', 'report', 'r1'], []);
    put(['pvs', 'queue', {}], { items: [] }, { live: ['pv'] });
    put(['reports', 'reference'], {}, { live: false });
    put(['search', 'reports', 'r1'], {}, { live: false });
    put(['investigations', 'list'], { items: [] }, { live: ['investigation'] });
    await invalidateChanges(client, [{ type: 'pv', id: 'p1', version: 2, related: [{ type: 'report', id: 'r1' }] }]);
    expect(stale()).toEqual(
      [
        ['pvs', 'detail', 'p1'],
        ['pvs', 'history', 'p1'],
        ['pvs', 'report', 'r1'],
        ['pvs', 'queue', {}],
        ['reports', 'detail', 'r1'],
        ['reports', 'list', { status: 'open' }],
      ]
        .map((k) => JSON.stringify(k))
        .sort(),
    );
  });

  it('leaves a record the cache already holds at that version (the user wrote it) but not the lists', async () => {
    const { client, put, stale } = cache();
    put(['reports', 'detail', 'r1'], { data: {}, etag: '"3"' });
    put(['reports', 'list', {}], { items: [] }, { live: ['report'] });
    await invalidateChanges(client, [{ type: 'report', id: 'r1', version: 3 }]);
    expect(stale()).toEqual([JSON.stringify(['reports', 'list', {}])]);
    await invalidateChanges(client, [{ type: 'report', id: 'r1', version: 4 }]);
    expect(stale()).toContain(JSON.stringify(['reports', 'detail', 'r1']));
  });

  it('on resync refreshes everything but what never changes live', async () => {
    const { client, put, stale } = cache();
    put(['reports', 'detail', 'r1'], { data: {}, etag: '"3"' });
    put(['reports', 'reference'], {}, { live: false });
    await invalidateAll(client);
    expect(stale()).toEqual([JSON.stringify(['reports', 'detail', 'r1'])]);
  });

  it('reads the version of a cached record from its ETag or its body', () => {
    expect(versionOf({ data: {}, etag: '"12"' })).toBe(12);
    expect(versionOf({ data: {}, etag: 'W/"4"' })).toBe(4);
    expect(versionOf({ version: 5 })).toBe(5);
    expect(versionOf({ data: { version: 6 }, etag: null })).toBe(6);
    expect(versionOf([])).toBeUndefined();
  });
});
