import { createApiClients, createReportsClient } from './client';

/** A fetch that answers 200 with `body` and keeps the requests it was given. */
function recordingFetch(body: unknown = {}): { fetch: (r: Request) => Promise<Response>; requests: Request[] } {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (r: Request) => {
      requests.push(r);
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  };
}

describe('typed API clients', () => {
  it('fills path parameters and the query, and sends the current bearer token', async () => {
    const f = recordingFetch({ items: [], limit: 5, offset: 0 });
    let token = 'first';
    const reports = createReportsClient('http://127.0.0.1:3000/', () => token, { fetch: f.fetch });
    const list = await reports.GET('/api/reports', { params: { query: { status: 'received', limit: 5 } } });
    expect(list.data).toEqual({ items: [], limit: 5, offset: 0 });
    token = 'renewed';
    await reports.GET('/api/reports/{id}', { params: { path: { id: '3f0c7c1e-8d5a-4d8e-9a55-0b8f3f2a1c11' } } });
    expect(f.requests.map((r) => [r.method, r.url, r.headers.get('authorization')])).toEqual([
      ['GET', 'http://127.0.0.1:3000/api/reports?status=received&limit=5', 'Bearer first'],
      ['GET', 'http://127.0.0.1:3000/api/reports/3f0c7c1e-8d5a-4d8e-9a55-0b8f3f2a1c11', 'Bearer renewed'],
    ]);
  });

  it('sends JSON bodies, and no Authorization header when there is no token', async () => {
    const f = recordingFetch({ access_token: 't', token_type: 'Bearer', expires_in: 60 });
    const { platform } = createApiClients('http://127.0.0.1:3000', () => undefined, { fetch: f.fetch });
    await platform.POST('/api/auth/dev/token', { body: { username: 'an.peeters' } });
    const [req] = f.requests;
    expect([req.method, req.url, req.headers.get('authorization'), req.headers.get('content-type')]).toEqual([
      'POST',
      'http://127.0.0.1:3000/api/auth/dev/token',
      null,
      'application/json',
    ]);
    expect(await req.json()).toEqual({ username: 'an.peeters' });
  });
});
