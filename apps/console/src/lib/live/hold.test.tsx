import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useLiveHold } from './hold';
import { invalidateChanges } from './invalidate';

describe('an open edit holds live refreshes of its record', () => {
  it('keeps a change back while the edit is open, and refreshes the record when it closes', async () => {
    const client = new QueryClient();
    const key = ['reports', 'detail', 'r1'];
    client.getQueryCache().build(client, { queryKey: key });
    client.setQueryData(key, { data: {}, etag: '"1"' });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const edit = renderHook(() => useLiveHold(key), { wrapper });
    const invalidated = () => client.getQueryCache().find({ queryKey: key })!.state.isInvalidated;

    await invalidateChanges(client, [{ type: 'report', id: 'r1', version: 2 }]);
    expect(invalidated()).toBe(false);
    edit.unmount();
    await Promise.resolve();
    expect(invalidated()).toBe(true);
  });
});
