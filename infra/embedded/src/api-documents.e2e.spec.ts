// The documents the embedded product serves are exact: every route it serves is in the document of its
// service (or the platform's), with a success answer whose schema says what the route answers, a
// problem+json answer for each refusal, and nothing documented that is not served; and they are what
// libs/api-client was generated from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Pool } from 'pg';
import { CONTRACTS } from '@police/contracts';
import { IF_MATCH_PATTERN, TEXT_PATTERN } from '@police/platform';
import { InProcessMessageBus } from '@police/messaging';
import { discoverRoutes, servedRoutes } from '@police/security';
import { createTestDatabase, TestDatabase } from '@police/testing';
import { createEmbeddedApp } from './embedded.module';

const root = path.resolve(__dirname, '..', '..', '..');
const DOCUMENTS = ['reports', 'investigations', 'evidence', 'integrity', 'platform'] as const;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `/api/reports/:id/pvs` → `/api/reports/{id}/pvs`. */
const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const ownerOf = (p: string) => DOCUMENTS.find((d) => d !== 'platform' && (p === `/api/${d}` || p.startsWith(`/api/${d}/`))) ?? 'platform';

describe('the OpenAPI documents of the embedded product', () => {
  let db: TestDatabase;
  let pool: Pool;
  let bus: InProcessMessageBus;
  let app: INestApplication;
  const docs: Record<string, any> = {};
  const asyncApi: Record<string, any> = {};

  beforeAll(async () => {
    db = await createTestDatabase('documents');
    pool = db.pool(1);
    bus = new InProcessMessageBus();
    app = await createEmbeddedApp({ pool, bus, notifications: false, security: { logLevel: 'silent' } });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    for (const d of DOCUMENTS) {
      const res = await fetch(`${url}/api/${d}/docs-json`);
      expect(res.status).toBe(200);
      docs[d] = await res.json();
    }
    for (const d of DOCUMENTS.filter((x) => x !== 'platform')) {
      const res = await fetch(`${url}/api/${d}/asyncapi.json`);
      expect(res.status).toBe(200);
      asyncApi[d] = await res.json();
    }
  });
  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.drop();
  });

  const operations = () =>
    DOCUMENTS.flatMap((d) =>
      Object.entries(docs[d].paths as Record<string, Record<string, any>>).flatMap(([p, item]) =>
        Object.entries(item)
          .filter(([m]) => METHODS.includes(m))
          .map(([m, op]) => ({ doc: d, key: `${m.toUpperCase()} ${p}`, op })),
      ),
    );

  it('are OpenAPI 3.1, one per service and one for the platform routes (auth, audit)', () => {
    for (const d of DOCUMENTS) {
      expect(docs[d].openapi).toBe('3.1.0');
      expect(docs[d].info.title).toBe(`${d} API`);
    }
    expect(Object.keys(docs.platform.paths).sort()).toEqual([
      '/api/audit/checkpoints',
      '/api/audit/consultations',
      '/api/audit/consultations/verify',
      '/api/auth/config',
      '/api/auth/dev/token',
      '/api/auth/dev/users',
    ]);
  });

  it('document every route the app serves, in the document of the service that owns it, and no other', () => {
    const routes = discoverRoutes(app.get(ModulesContainer)).map((r) => ({
      doc: ownerOf(r.path),
      key: `${r.method} ${openApiPath(r.path)}`,
    }));
    // The inventory is what Express really answers (the documents and their UI aside).
    const served = new Set(servedRoutes(app).map((r) => `${r.method} ${r.path}`));
    expect(discoverRoutes(app.get(ModulesContainer)).filter((r) => !served.has(`${r.method} ${r.path}`))).toEqual([]);
    const documented = operations().map((o) => ({ doc: o.doc, key: o.key }));
    const key = (x: { doc: string; key: string }) => `${x.doc}: ${x.key}`;
    const missing = routes.map(key).filter((r) => !documented.map(key).includes(r));
    const notServed = documented.map(key).filter((d) => !routes.map(key).includes(d));
    expect({ missing, notServed }).toEqual({ missing: [], notServed: [] });
    expect(routes.length).toBeGreaterThan(100);
    // The list and intake routes at a service's root are there (the old filter dropped them).
    expect(documented.map(key)).toEqual(
      expect.arrayContaining([
        'reports: GET /api/reports',
        'reports: POST /api/reports',
        'investigations: GET /api/investigations',
        'investigations: POST /api/investigations',
      ]),
    );
  });

  it('give every operation a success answer with its schema and a problem+json answer for each refusal', () => {
    const faults: string[] = [];
    for (const { doc, key, op } of operations()) {
      const statuses = Object.keys(op.responses);
      const successes = statuses.filter((s) => s.startsWith('2'));
      if (successes.length === 0) faults.push(`${key}: no success answer`);
      for (const s of successes) {
        const content = op.responses[s].content ?? {};
        const json = content['application/json']?.schema;
        if (json !== undefined && Object.keys(json).length === 0)
          faults.push(`${key} ${s}: no response schema (declare the handler's return type, npm run api:generate)`);
        if (Object.keys(content).length === 0) faults.push(`${key} ${s}: no content`);
        if (!op.responses[s].headers?.['X-Correlation-Id']) faults.push(`${key} ${s}: X-Correlation-Id not documented`);
      }
      for (const s of statuses.filter((x) => Number(x) >= 400 && !(doc !== 'platform' && key.endsWith('/health')))) {
        if (op.responses[s].content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemDetails')
          faults.push(`${key} ${s}: not the shared problem+json`);
      }
      if (!statuses.includes('400')) faults.push(`${key}: 400 not documented`);
      if (op.security && !(statuses.includes('401') && statuses.includes('403')))
        faults.push(`${key}: authenticated but 401/403 not documented`);
      if (key.includes('{') && !key.endsWith('/health') && !statuses.includes('404')) faults.push(`${key}: 404 not documented`);
      // A write on a record takes If-Match, unless the route says it versions nothing (`@Unversioned()`: an operator's action on a parked message, done once, then 409).
      const unversioned = (op as { 'x-unversioned'?: boolean })['x-unversioned'] === true;
      if (
        !key.startsWith('GET') &&
        key.includes('{') &&
        !unversioned &&
        !(op.parameters ?? []).some((p: { name: string }) => p.name === 'If-Match')
      )
        faults.push(`${key}: If-Match not documented`);
      if (statuses.includes('429') && !op.responses['429'].headers?.['Retry-After']) faults.push(`${key}: 429 without Retry-After`);
    }
    expect(faults).toEqual([]);
  });

  it('carry the constraints of the DTOs that validate the requests (enums, formats, lengths, required fields)', () => {
    const s = docs.reports.components.schemas;
    expect(s.ReceiveReportRequest.required).toEqual(expect.arrayContaining(['kind', 'channel', 'narrative', 'parties']));
    expect(s.ReceiveReportRequest.additionalProperties).toBe(false);
    expect(s.ReceiveReportRequest.properties.narrative).toMatchObject({ type: 'string', minLength: 1, maxLength: 10000 });
    expect(s.ReceiveReportRequest.properties.parties).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: { $ref: '#/components/schemas/PartyRequest' },
    });
    expect(s.PartyRequest.properties.partyId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(s.ChannelRequest.properties.kind.enum).toContain('front_desk');
    const list = docs.reports.paths['/api/reports'].get.parameters;
    expect(list.find((p: { name: string }) => p.name === 'limit')).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 200 },
    });
    const amend = docs.reports.paths['/api/reports/{id}/amendments'].post;
    expect(amend.parameters.find((p: { name: string }) => p.name === 'If-Match')).toMatchObject({ in: 'header', required: true });
    expect(amend.parameters.find((p: { name: string }) => p.name === 'id')).toMatchObject({ in: 'path', schema: { format: 'uuid' } });
    expect(Object.keys(amend.responses)).toEqual(expect.arrayContaining(['200', '412', '428']));
    // No schema allows null where the DTO does not.
    expect(JSON.stringify(docs.reports.components.schemas.ReceiveReportRequest)).not.toContain('null');
  });

  it("state what the edge refuses beyond the DTOs (NUL in free text, If-Match's form, conditional fields, decimals) and what a live stream sends", () => {
    const s = docs.reports.components.schemas;
    expect(s.ReceiveReportRequest.properties.narrative.pattern).toBe(TEXT_PATTERN);
    expect(s.PartyRequest.properties.name.pattern).toBe(TEXT_PATTERN);
    // A string with its own enum or format keeps it alone.
    expect(s.ChannelRequest.properties.kind).not.toHaveProperty('pattern');
    expect(s.PartyRequest.properties.partyId).not.toHaveProperty('pattern');
    const persons = docs.investigations.paths['/api/investigations/persons'].get.parameters;
    expect(persons.find((p: { name: string }) => p.name === 'name').schema.pattern).toBe(TEXT_PATTERN);
    const amend = docs.reports.paths['/api/reports/{id}/amendments'].post;
    expect(amend.parameters.find((p: { name: string }) => p.name === 'If-Match').schema.pattern).toBe(IF_MATCH_PATTERN);
    expect(s.QualityCheckRequest).toMatchObject({
      if: { properties: { outcome: { const: 'rejected' } } },
      then: { required: ['reasons'] },
    });
    expect(docs.evidence.components.schemas.QuantityRequest.properties.amount).toMatchObject({ exclusiveMinimum: 0, multipleOf: 0.001 });
    // A live stream is described event by event (OpenAPI 3.1 reads a stream's schema as one event), each event's data with its schema.
    const live = docs.reports.paths['/api/reports/live'].get.responses['200'].content['text/event-stream'].schema;
    expect(live.properties.event.enum).toEqual(['ready', 'change', 'resync', 'expired', 'closing']);
    expect(live.oneOf[0]).toMatchObject({
      properties: { event: { const: 'ready' }, data: { contentSchema: { required: ['service', 'heartbeatMs', 'expiresAt'] } } },
    });
  });

  it('resolve every $ref they contain', () => {
    for (const d of DOCUMENTS) {
      const refs = [...JSON.stringify(docs[d]).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
      expect(refs.filter((r) => !docs[d].components.schemas[r])).toEqual([]);
    }
  });

  it('are what libs/api-client was generated from (npm run api:generate)', () => {
    for (const d of DOCUMENTS) {
      expect(docs[d]).toEqual(JSON.parse(readFileSync(path.join(root, `libs/api-client/openapi/${d}.openapi.json`), 'utf8')));
    }
  });

  describe('AsyncAPI', () => {
    it('each service has a valid AsyncAPI 3 document (@asyncapi/parser, no error)', async () => {
      const parser = new Parser();
      for (const [service, doc] of Object.entries(asyncApi)) {
        const { document, diagnostics } = await parser.parse(doc);
        const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${service}: ${d.code} ${d.message} at ${d.path.join('.')}`);
        expect(errors).toEqual([]);
        expect(document?.version()).toBe('3.0.0');
      }
    });

    it('describe what each service publishes and consumes, with payload schemas, headers and key', () => {
      const published = (s: string) => Object.keys(asyncApi[s].channels[`${s}Public`]?.messages ?? {}).sort();
      // Every contract is published by its context's service, and described there.
      expect(['reports', 'investigations', 'evidence', 'integrity'].flatMap(published).sort()).toEqual(CONTRACTS.map((c) => c.name).sort());
      // Integrity publishes only the receipt of a complaint handed off by reports (ADR 0053): its files never leave its compartment.
      expect(published('integrity')).toEqual(['ComplaintReceivedV1']);
      expect(Object.keys(asyncApi.integrity.channels.reportsPublic.messages)).toEqual(['PoliceConductComplaintFiledV1']);
      expect(Object.keys(asyncApi.reports.channels.integrityPublic.messages)).toEqual(['ComplaintReceivedV1']);
      expect(asyncApi.evidence.operations.consumeInvestigationsPublic).toMatchObject({
        action: 'receive',
        channel: { $ref: '#/channels/investigationsPublic' },
      });
      expect(asyncApi.evidence.channels.investigationsPublic.address).toBe('investigations.public.v1');
      const m = asyncApi.evidence.components.messages.ItemRegisteredV1;
      expect(m).toMatchObject({
        name: 'evidence.ItemRegistered.v1',
        contentType: 'application/json',
        bindings: { kafka: { key: { type: 'string' } } },
      });
      expect(m.headers.required).toEqual(['message-id', 'message-type', 'content-type', 'correlation-id', 'causation-id']);
      expect(m.headers.properties['message-type'].const).toBe('evidence.ItemRegistered.v1');
      const payload = asyncApi.reports.components.schemas.ReportReferredForInvestigationV1;
      expect(payload).toMatchObject({
        type: 'object',
        additionalProperties: false,
        properties: { reportId: { type: 'string', format: 'uuid' } },
      });
      expect(payload.required).toEqual(expect.arrayContaining(['reportId', 'kind']));
      expect(asyncApi.reports.components.schemas.ReportReferredForInvestigationV1Place.properties.postalCode).toMatchObject({
        minLength: 4,
        maxLength: 4,
      });
    });
  });
});
