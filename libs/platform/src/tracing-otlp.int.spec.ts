// The OTLP path as a deployment uses it: OTEL_EXPORTER_OTLP_ENDPOINT alone switches tracing on, and the
// spans reach a collector (here a loopback HTTP server that keeps what it is sent) when the process stops.
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { startTracing, tracingEnabled } from './tracing';

describe('traces exported over OTLP/HTTP when an endpoint is set', () => {
  let server: Server;
  const received: { path: string; contentType: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the spans of the service, named by OTEL_SERVICE_NAME, to <endpoint>/v1/traces', async () => {
    const port = (server.address() as AddressInfo).port;
    // The exporter and the resource read the process's environment themselves, as in a production main.
    Object.assign(process.env, { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_SERVICE_NAME: 'reports-zone-5415' });
    const tracing = startTracing({ service: 'reports' });
    expect(tracingEnabled()).toBe(true);
    trace.getTracer('test').startSpan('command report').end();
    await tracing!.shutdown();
    expect(received).toHaveLength(1);
    expect(received[0].path).toBe('/v1/traces');
    const body = JSON.stringify(received[0]);
    expect(body).toContain('command report');
    expect(body).toContain('reports-zone-5415');
  });
  afterAll(() => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_SERVICE_NAME;
  });
});
