// One referral, one trace: the desk's HTTP request in reports, its command and append, the relay's publish
// to Kafka, the consumer in investigations, its command and append, and the detectives' read model — two
// services, each its own Nest app on its own PostgreSQL database, talking over real Kafka, in this process
// so that one in-memory exporter sees every span.
import { randomUUID } from 'node:crypto';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace';
import { InvestigationsModule } from '@police/investigations';
import { KafkaMessageBus } from '@police/messaging';
import { configureHttpApp, createPool, ServiceName, ServiceRuntime, startTracing, Tracing } from '@police/platform';
import { ReportsModule } from '@police/reports';
import { SecurityModule } from '@police/security';
import { createTestDatabase, eventually, TestDatabase, testKafkaBrokers } from '@police/testing';
import type { Pool } from 'pg';

const WAIT = { timeoutMs: 60_000, intervalMs: 250 };

interface RunningService {
  app: INestApplication;
  url: string;
  db: TestDatabase;
  pool: Pool;
  bus: KafkaMessageBus;
}

/** One service as its production main runs it (own database, Kafka), with the development issuer for tokens. */
async function startService(service: ServiceName, namespace: string): Promise<RunningService> {
  const db = await createTestDatabase(`trace-${service}`);
  const pool = createPool(db.url, 4, service);
  const bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: `${service}-traces`, onError: () => undefined });
  const runtime: ServiceRuntime = {
    service,
    mode: 'production',
    schema: service,
    pool,
    sharedPool: false,
    notifications: true,
    bus,
    namespace,
  };
  const module = service === 'reports' ? ReportsModule : InvestigationsModule;
  @Module({
    imports: [
      SecurityModule.forRoot({
        mode: 'embedded',
        pool,
        notifications: true,
        auditPath: `${service}/audit`,
        authentication: { kind: 'dev' },
        logLevel: 'silent',
        rateLimits: { auth: { limit: 1000, windowMs: 60_000 }, search: { limit: 100_000, windowMs: 60_000 } },
      }),
      module.register(runtime),
      RouterModule.register([{ path: service, module }]),
    ],
  })
  class TracedService {}
  const app = await NestFactory.create(TracedService, { logger: false });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl(), db, pool, bus };
}

async function call(
  s: RunningService,
  username: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const tokenRes = await fetch(`${s.url}/api/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${access_token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

describe("OpenTelemetry: one trace from the desk to the detectives' read model", () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | undefined;
  let reports: RunningService;
  let investigations: RunningService;

  beforeAll(async () => {
    tracing = startTracing({ service: 'traces-test', exporter });
    const namespace = `tr-${randomUUID().slice(0, 8)}.`;
    [reports, investigations] = await Promise.all([startService('reports', namespace), startService('investigations', namespace)]);
  }, 120_000);
  afterAll(async () => {
    for (const s of [investigations, reports]) {
      if (!s) continue;
      await s.app.close();
      await s.bus.close();
      await s.pool.end();
      await s.db.drop();
    }
    await tracing?.shutdown();
  });

  it('follows a referral: HTTP → command → append → publish → consume → command → append → projection, each span the child of the one before', async () => {
    const intake = await call(reports, 'an.peeters', 'POST', '/api/reports', {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: 'APT-2026-0077',
      incidentType: 'woninginbraak',
      timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 14' },
      narrative: 'Achterdeur geforceerd; laptop ontvreemd.',
      parties: [{ name: 'A. Peeters', roles: ['reporter', 'victim'] }],
    });
    expect(intake.status).toBe(201);
    const reportId = intake.json.id as string;
    const referral = await call(reports, 'an.peeters', 'POST', `/api/reports/${reportId}/investigation-request`, {
      reason: 'Derde inbraak in de straat',
    });
    expect(referral.status).toBe(200);

    const opened = await eventually(async () => {
      const list = await call(investigations, 'pieter.janssens', 'GET', `/api/investigations?reportId=${reportId}`);
      expect(list.json.investigations).toHaveLength(1);
      return list.json.investigations[0];
    }, WAIT);
    expect(opened).toMatchObject({ team: 'Diefstallen', reportIds: [reportId] });

    const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
    const http = spans().find((s) => s.name === 'POST /api/reports/:id/investigation-request');
    if (!http) throw new Error(`no server span of the referral among: ${[...new Set(spans().map((s) => s.name))].join(', ')}`);
    const traceId = http.spanContext().traceId;
    const inTrace = (): ReadableSpan[] => spans().filter((s) => s.spanContext().traceId === traceId);
    // The read model is written before its span ends: wait for the projection's span to be exported.
    await eventually(async () => expect(inTrace().map((s) => s.name)).toContain('project investigations-investigations'), WAIT);

    const byName = (name: string, parent: ReadableSpan, eventType?: string): ReadableSpan => {
      const found = inTrace().filter(
        (s) =>
          s.name === name &&
          s.parentSpanContext?.spanId === parent.spanContext().spanId &&
          (!eventType || s.attributes['police.event.type'] === eventType),
      );
      if (found.length !== 1)
        throw new Error(
          `expected one span "${name}" under "${parent.name}", found ${found.length}; the trace: ${inTrace()
            .map((s) => `${s.name} <- ${s.parentSpanContext?.spanId ?? 'root'}`)
            .join('; ')}`,
        );
      return found[0];
    };
    const topic = expect.stringMatching(/^tr-[0-9a-f]{8}\.reports\.public\.v1$/);

    expect(http.kind).toBe(SpanKind.SERVER);
    expect(http.parentSpanContext).toBeUndefined();
    expect(http.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/api/reports/:id/investigation-request',
      'http.response.status_code': 200,
    });
    const command = byName('command report', http);
    const append = byName('append report', command);
    expect(append.attributes).toMatchObject({ 'police.stream.id': `report-${reportId}`, 'police.event.types': ['InvestigationRequested'] });
    const publishName = inTrace().find((s) => s.kind === SpanKind.PRODUCER)?.name ?? '';
    expect(publishName).toEqual(expect.stringMatching(/^publish tr-[0-9a-f]{8}\.reports\.public\.v1$/));
    const publish = byName(publishName, append);
    expect(publish.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'police.message.type': 'reports.ReportReferredForInvestigation.v1',
    });
    const consume = byName(publishName.replace('publish', 'process'), publish);
    expect(consume.kind).toBe(SpanKind.CONSUMER);
    expect(consume.attributes).toMatchObject({
      'messaging.consumer.group.name': expect.stringMatching(/investigations$/),
      'messaging.message.id': publish.attributes['messaging.message.id'],
    });
    const opening = byName('command investigation', consume);
    const stored = byName('append investigation', opening);
    expect(stored.attributes).toMatchObject({ 'police.stream.id': `investigation-${opened.id}` });
    // One projection span per event: the case opened, with its reporter linked, in the same append.
    expect(stored.attributes['police.event.types']).toEqual(['InvestigationOpened', 'PartyLinked']);
    const projected = byName('project investigations-investigations', stored, 'InvestigationOpened');
    byName('project investigations-investigations', stored, 'PartyLinked');
    byName('project reports-reports', append);
    expect(projected.attributes).toMatchObject({
      'police.projection': 'investigations-investigations',
      'police.event.type': 'InvestigationOpened',
      'police.stream.id': `investigation-${opened.id}`,
    });

    // The trace context travelled in the stored events' metadata and in the Kafka headers beside the correlation id.
    const { rows } = await investigations.pool.query(
      `SELECT metadata FROM investigations.events WHERE stream_id = $1 ORDER BY stream_version LIMIT 1`,
      [`investigation-${opened.id}`],
    );
    expect(rows[0].metadata.trace.traceparent).toBe(`00-${traceId}-${stored.spanContext().spanId}-01`);
    const { rows: referred } = await reports.pool.query(
      `SELECT metadata FROM reports.events WHERE stream_id = $1 AND type = 'InvestigationRequested'`,
      [`report-${reportId}`],
    );
    expect(referred[0].metadata.trace.traceparent).toBe(`00-${traceId}-${append.spanContext().spanId}-01`);
  }, 180_000);
});
