import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '@police/testing';
import { startEmbedded as start } from './embedded-host.testing';
import { freePort, root, SERVICES as services } from './production-services.testing';

describe('npm start (embedded mode)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'police-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves health and OpenAPI of all four services within 60 s, stops cleanly and starts again on the same data', async () => {
    const port = await freePort();
    const t0 = Date.now();
    const first = start(dataDir, port, ['--fresh']);
    try {
      for (const s of services) {
        const health = await eventually(
          async () => {
            const res = await fetch(`http://127.0.0.1:${port}/api/${s}/health`);
            expect(res.status).toBe(200);
            return res.json();
          },
          { timeoutMs: 60_000, intervalMs: 250 },
        );
        expect(health).toEqual({ service: s, status: 'up', checks: { database: 'up' } });
        const docs = await fetch(`http://127.0.0.1:${port}/api/${s}/docs-json`);
        expect(docs.status).toBe(200);
        const doc = (await docs.json()) as { openapi: string; info: { title: string }; paths: Record<string, unknown> };
        expect(doc.openapi).toMatch(/^3\./);
        expect(doc.info.title).toBe(`${s} API`);
        expect(Object.keys(doc.paths)).toContain(`/api/${s}/health`);
        expect(Object.keys(doc.paths).every((p) => p === `/api/${s}` || p.startsWith(`/api/${s}/`))).toBe(true);
      }
      // What the product serves is what libs/api-client was generated from (npm run api:generate).
      for (const name of [...services, 'platform']) {
        const served = await (await fetch(`http://127.0.0.1:${port}/api/${name}/docs-json`)).json();
        expect(served).toEqual(JSON.parse(readFileSync(path.join(root, `libs/api-client/openapi/${name}.openapi.json`), 'utf8')));
      }
      expect(Date.now() - t0).toBeLessThan(60_000);

      const missing = await fetch(`http://127.0.0.1:${port}/api/reports/no/such/route`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(await missing.json()).toMatchObject({ status: 404, title: 'Not found', instance: '/api/reports/no/such/route' });

      // The web console beside the API: its page revalidated, hashed assets cached for good, its own routes
      // answered with the page (a reload of /reports/<id>), a missing file a 404, and the same CSP as the API.
      const base = `http://127.0.0.1:${port}`;
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");
      const html = await page.text();
      const script = /<script type="module"[^>]*src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toMatch(/^\/assets\/[^/]+\.js$/);
      const asset = await fetch(`${base}${script}`);
      expect([asset.status, asset.headers.get('cache-control'), asset.headers.get('content-type')]).toEqual([
        200,
        'public, max-age=31536000, immutable',
        'text/javascript; charset=utf-8',
      ]);
      const deep = await fetch(`${base}/reports/0f2e2b63-7267-4d0b-b447-41d1979106d2`);
      expect([deep.status, await deep.text()]).toEqual([200, html]);
      expect((await fetch(`${base}/assets/no-such-chunk.js`)).status).toBe(404);
      expect((await fetch(`${base}/no-such-file.png`)).status).toBe(404);
      const nothing = await fetch(`${base}/api/nothing-here`);
      expect([nothing.headers.get('content-type'), nothing.headers.get('cache-control')]).toEqual([
        expect.stringContaining('application/problem+json'),
        'no-store',
      ]);
    } finally {
      first.child.kill('SIGINT');
    }
    expect(await first.exited).toBe(0);

    const second = start(dataDir, port);
    try {
      const health = await eventually(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/api/evidence/health`);
          expect(res.status).toBe(200);
          return res.json();
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      expect(health).toMatchObject({ status: 'up' });
      expect(second.output()).not.toContain('Another embedded instance');
    } finally {
      second.child.kill('SIGINT');
    }
    expect(await second.exited).toBe(0);
  });
});
