import { INestApplication, ParseIntPipe, ParseUUIDPipe, RequestMethod, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { setupAsyncApi } from './asyncapi';
import { IF_MATCH_PATTERN } from './etag';
import { TEXT_PATTERN } from './input-rules';
import { ACCESS_POLICY } from './http-app';
import { classSchemas, JsonSchema } from './json-schema';
import { CONSULTS, documentationFacts, RATE_LIMIT } from './route-facts';
import { ServiceName } from './runtime';

/** @nestjs/swagger's metadata key of `@ApiProduces` (its constants module is not exported). */
const SWAGGER_PRODUCES = 'swagger/apiProduces';

/** A service as the OpenAPI builder needs it: its name (path prefix `/api/<name>`), module and description. */
export interface DocumentedService {
  name: ServiceName;
  module: Type<unknown>;
  description: string;
}

/** The document of the routes no service owns: authentication (the development issuer) and the consultation log. */
export const PLATFORM_DOCUMENT = 'platform';

const PLATFORM_DESCRIPTION =
  'What the host serves beside the services: the development issuer of embedded mode (`/api/auth/dev`: demo users and their tokens) and the consultation log (`/api/audit`: who read which record, and the verification of its hash chain).';

/** What holds for every request of every route, beyond its schema (the HTTP edge, `input-rules.ts`). */
const EDGE_RULES =
  'Every request: no string (body, query, header, path) may hold a NUL character or a lone UTF-16 surrogate; numbers are finite and within ±2^53; JSON bodies only (415 otherwise), nested at most 16 levels, 256 kB at most (413); a refusal is RFC 9457 problem+json naming the field.';

/** Where a document is served: `/api/<name>/docs-json` (and a UI at `/api/<name>/docs`). */
export function documentPath(name: string): { ui: string; json: string } {
  return { ui: `api/${name}/docs`, json: `api/${name}/docs-json` };
}

/** The schemas of what routes answer, generated from their handlers' return types (`npm run api:generate`). */
export interface ResponseSchemaFile {
  /** By operationId (`<Controller>_<handler>`); null for a file or text answer. */
  operations: Record<string, JsonSchema | null>;
  definitions: Record<string, JsonSchema>;
}

const RESPONSES = new Map<string, { schema: JsonSchema | null; definitions: Record<string, JsonSchema> }>();

/**
 * Registers a project's generated `<project>.responses.json` (each service, `@police/security` and this
 * lib do it once, where their controllers are declared). The OpenAPI builder takes every success schema
 * from here.
 */
export function registerResponseSchemas(file: ResponseSchemaFile): void {
  for (const [id, schema] of Object.entries(file.operations)) RESPONSES.set(id, { schema, definitions: file.definitions });
}

const PROBLEM_SCHEMA = 'ProblemDetails';
const PROBLEM_REF = { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` };
const SCHEMA_PREFIX = '#/components/schemas/';

/** RFC 9457, as every refusal of the platform is written (ProblemDetailsFilter). */
const PROBLEM_DETAILS: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. `type` names the refusal; `errors` lists the fields at fault; domain refusals carry a `code`.',
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'The domain rule that refused the request (snake_case).' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, detail: { type: 'string' } }, required: ['field', 'detail'] },
    },
    currentVersion: { type: 'integer', description: 'On 409 and 412: the version the record is at now.' },
  },
  required: ['type', 'title', 'status'],
};

const PROBLEM_TEXT: Record<number, string> = {
  400: 'The request is not valid: a field, query parameter, path parameter or header named in `errors`.',
  401: 'No valid bearer token; on a token route, credentials it does not know.',
  403: 'Not allowed: the role, the record (need-to-know), or a read outside your assignment without `X-Justification`.',
  404: 'No such record, or one you may not know of (answered alike).',
  409: 'The record is not in a state that allows this, or changed at the same moment.',
  412: 'The record changed since the `If-Match` you sent: read it again.',
  413: 'The request body is larger than allowed.',
  415: 'The request body is not `application/json`.',
  422: 'A rule of the domain refuses it (`code` names the rule).',
  428: 'Send `If-Match` with the ETag of the record as you last read it.',
  429: 'Too many requests: wait the seconds `Retry-After` says.',
  503: 'Not available now (the database, or the consultation log a read must be recorded in).',
};

const CORRELATION_HEADER = {
  description: "The request's correlation id: the one you sent when it was well-formed (8–128 of `A-Z a-z 0-9 . _ : -`), else a new one.",
  schema: { type: 'string' },
};

/** Request headers, as the platform reads them. */
const HEADERS = {
  correlation: {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    description:
      'Ties your request to its log lines and the events it causes; 8–128 of `A-Z a-z 0-9 . _ : -` (another value is replaced by a fresh id).',
    schema: { type: 'string' },
  },
  justification: {
    name: 'X-Justification',
    in: 'header',
    required: false,
    description:
      'Why you read a record outside your assignment (break-glass, logged and flagged for oversight): at least 3 words and 15 characters, at most 500; UTF-8 may be percent-encoded.',
    schema: { type: 'string' },
  },
  justificationCase: {
    name: 'X-Justification-Case',
    in: 'header',
    required: false,
    description:
      'The case the justification refers to (a PV number, a file reference: a letter or digit, then up to 63 of `A-Z a-z 0-9 . / _ -`); read only with `X-Justification`.',
    schema: { type: 'string' },
  },
  idempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Makes a retry safe: the same key on the same route with the same body answers the first result.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' },
  },
  ifMatch: (required: boolean) => ({
    name: 'If-Match',
    in: 'header',
    required,
    description: `The ETag of the record as you last read it (e.g. \`"3"\`): the write is refused with 412 if it changed since.${required ? ' Required here (428 without it).' : ''}`,
    schema: { type: 'string', pattern: IF_MATCH_PATTERN },
  }),
} as const;

/**
 * A request schema with the edge's text rule ({@link TEXT_PATTERN}: no NUL) on every free-text string in
 * it, nested ones included. A string with an enum, a format or a pattern of its own keeps that: those
 * already admit no NUL (a field's own pattern must not either).
 */
function withTextRule(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
  if (types.includes('string') && !['enum', 'const', 'format', 'pattern'].some((k) => k in schema)) out.pattern = TEXT_PATTERN;
  const sub = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) ? withTextRule(v as JsonSchema) : v);
  if (schema.items !== undefined) out.items = sub(schema.items);
  if (schema.properties)
    out.properties = Object.fromEntries(Object.entries(schema.properties as Record<string, unknown>).map(([k, v]) => [k, sub(v)]));
  for (const k of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(schema[k])) out[k] = (schema[k] as unknown[]).map(sub);
  return out;
}

/**
 * One event of a server-sent event stream, as OpenAPI 3.1 reads a stream's schema: its name, its `data`
 * (JSON, with the schema of that event's data), and the `id` and `retry` fields it may carry. Comment
 * lines (heartbeats) are not events.
 */
function eventSchema(events: Record<string, JsonSchema>): JsonSchema {
  return {
    type: 'object',
    required: ['event', 'data'],
    properties: {
      event: { type: 'string', enum: Object.keys(events) },
      data: { type: 'string', contentMediaType: 'application/json' },
      id: { type: 'string' },
      retry: { type: 'integer', minimum: 0 },
    },
    oneOf: Object.entries(events).map(([name, data]) => ({ properties: { event: { const: name }, data: { contentSchema: data } } })),
  };
}

/** What a route states about itself, read from its decorators and parameters. */
interface RouteFacts {
  method: string;
  authenticated: boolean;
  consults: boolean;
  rateLimited: boolean;
  httpCode?: number;
  produces: string[];
  body?: Type<unknown>;
  query?: Type<unknown>;
  pathPipes: Map<string, unknown[]>;
  ifMatchRequired: boolean;
  unversioned: boolean;
  problems: number[];
  alsoAnswers: number[];
  events?: Record<string, JsonSchema>;
}

function routeFacts(controller: Type<unknown>, name: string): RouteFacts {
  const handler = (controller.prototype as Record<string, object>)[name];
  const meta = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
    string,
    { index: number; data?: unknown; pipes?: unknown[] }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, name) ?? []) as Type<unknown>[];
  const facts: RouteFacts = {
    method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET',
    authenticated: meta<{ kind: string }>(ACCESS_POLICY)?.kind === 'authenticated',
    consults: meta(CONSULTS) !== undefined,
    rateLimited: meta(RATE_LIMIT) !== undefined,
    httpCode: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
    produces: (
      (Reflect.getMetadata(SWAGGER_PRODUCES, handler) ?? Reflect.getMetadata(SWAGGER_PRODUCES, controller) ?? []) as string[]
    ).filter((m) => !/json/.test(m)),
    pathPipes: new Map(),
    ...documentationFacts(handler),
  };
  for (const [key, arg] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    const type = types[arg.index];
    if (kind === RouteParamtypes.BODY && arg.data === undefined && classValidated(type)) facts.body = type;
    if (kind === RouteParamtypes.QUERY && arg.data === undefined && classValidated(type)) facts.query = type;
    if (kind === RouteParamtypes.PARAM && typeof arg.data === 'string') facts.pathPipes.set(arg.data, arg.pipes ?? []);
  }
  return facts;
}

function classValidated(type: unknown): type is Type<unknown> {
  return typeof type === 'function' && ![String, Number, Boolean, Object, Array].includes(type as never);
}

/** Every controller handler of the app, by the operationId the builder gives it. */
function handlers(app: INestApplication): Map<string, { controller: Type<unknown>; name: string }> {
  const scanner = new MetadataScanner();
  const out = new Map<string, { controller: Type<unknown>; name: string }>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype as object))
        out.set(`${controller.name}_${name}`, { controller, name });
    }
  }
  return out;
}

type Operation = Record<string, unknown> & {
  operationId?: string;
  parameters?: Parameter[];
  responses?: Record<string, Record<string, unknown>>;
};
type Parameter = Record<string, unknown> & { name: string; in: string; schema?: JsonSchema };

function problem(status: number): Record<string, unknown> {
  return {
    description: PROBLEM_TEXT[status] ?? 'Refused (problem+json).',
    headers: {
      'X-Correlation-Id': CORRELATION_HEADER,
      ...(status === 429
        ? { 'Retry-After': { required: true, description: 'Seconds to wait.', schema: { type: 'integer', minimum: 1 } } }
        : {}),
    },
    content: { 'application/problem+json': { schema: PROBLEM_REF } },
  };
}

/** A write on an existing record (a path with its id) takes `If-Match`; a new record has no version to match. */
function readsIfMatch(f: RouteFacts, hasPathParams: boolean): boolean {
  return f.ifMatchRequired || (f.method !== 'GET' && hasPathParams && !f.unversioned);
}

/** The statuses a route can refuse with, from its kind: who may call it, what it reads, what it writes. */
function problemStatuses(f: RouteFacts, hasPathParams: boolean): number[] {
  const s = new Set<number>([400, ...f.problems]);
  if (f.authenticated) s.add(401).add(403);
  if (hasPathParams) s.add(404);
  if (f.consults) s.add(503);
  if (f.rateLimited) s.add(429);
  if (f.method !== 'GET') {
    // A write that names another record answers for one the writer may not see as for a missing one.
    s.add(404).add(409).add(422);
    if (f.method === 'POST') s.add(413).add(415);
    if (readsIfMatch(f, hasPathParams)) s.add(412);
    if (f.ifMatchRequired) s.add(428);
  }
  return [...s].sort((a, b) => a - b);
}

/**
 * Rewrites one operation from what its route states: the request body and query parameters from the
 * class-validator constraints of their DTOs, path parameters from their pipes, the headers it reads,
 * the success answers from its handler's return type, and a problem+json answer for every refusal.
 * Returns the DTO classes it refers to.
 */
function documentOperation(op: Operation, path: string, f: RouteFacts, responses: ReturnType<typeof RESPONSES.get>): Type<unknown>[] {
  const hasPathParams = path.includes('{');
  // A POST without @HttpCode creates a record (201); a retry with its Idempotency-Key answers the first result (200).
  const create = f.method === 'POST' && f.httpCode === undefined;
  const roots: Type<unknown>[] = [];
  const params: Parameter[] = (op.parameters ?? []).filter((p) => p.in === 'path');
  for (const p of params) {
    const pipes = f.pathPipes.get(p.name) ?? [];
    if (pipes.some((x) => x === ParseUUIDPipe || x instanceof ParseUUIDPipe)) p.schema = { ...p.schema, type: 'string', format: 'uuid' };
    if (pipes.some((x) => x === ParseIntPipe || x instanceof ParseIntPipe)) p.schema = { ...p.schema, type: 'integer' };
    p.schema = withTextRule(p.schema ?? {});
  }
  if (f.query) {
    roots.push(f.query);
    const schema = classSchemas([f.query], SCHEMA_PREFIX)[f.query.name];
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      const { description, example, deprecated, ...rest } = prop;
      params.push({
        name,
        in: 'query',
        required: required.has(name),
        ...(description ? { description } : {}),
        ...(deprecated ? { deprecated } : {}),
        ...(example !== undefined ? { example } : {}),
        schema: withTextRule(rest),
      });
    }
  }
  params.push(HEADERS.correlation);
  if (f.consults) params.push(HEADERS.justification, HEADERS.justificationCase);
  // The services' writes take it (their request context); the platform's public token route does not.
  if (f.method !== 'GET' && f.authenticated && !f.unversioned) params.push(HEADERS.idempotencyKey);
  if (readsIfMatch(f, hasPathParams)) params.push(HEADERS.ifMatch(f.ifMatchRequired));
  op.parameters = params;

  if (f.body) {
    roots.push(f.body);
    op.requestBody = { required: true, content: { 'application/json': { schema: { $ref: `${SCHEMA_PREFIX}${f.body.name}` } } } };
  } else delete op.requestBody;

  const headers: Record<string, unknown> = { 'X-Correlation-Id': CORRELATION_HEADER };
  if ((hasPathParams || f.method !== 'GET') && !f.unversioned)
    headers.ETag = {
      description: 'The version of the record, for `If-Match` (when the answer is one record).',
      schema: { type: 'string' },
    };
  if (f.consults && hasPathParams)
    headers['X-Access-Basis'] = {
      description: 'Why you may read it: assignment, team, role or justification.',
      schema: { type: 'string' },
    };
  const content =
    f.produces.length > 0
      ? Object.fromEntries(
          f.produces.map((m) => [
            m,
            {
              schema:
                m === 'text/event-stream' && f.events
                  ? eventSchema(f.events)
                  : m.startsWith('image/svg') || m.startsWith('text/')
                    ? { type: 'string' }
                    : { type: 'string', format: 'binary' },
            },
          ]),
        )
      : { 'application/json': { schema: responses?.schema ?? {} } };
  const previous = op.responses ?? {};
  const success = (status: number, description: string, extra: Record<string, unknown> = {}) => ({
    description: (previous[String(status)]?.description as string | undefined) || description,
    headers: { ...headers, ...extra },
    content,
  });
  const answers: Record<string, unknown> = {};
  if (create) {
    answers['201'] = success(201, 'Created.', { Location: { description: 'Where the new record is read.', schema: { type: 'string' } } });
    answers['200'] = success(200, 'A retry with the same Idempotency-Key: the first result.');
  } else answers[String(f.httpCode ?? 200)] = success(f.httpCode ?? 200, 'OK.');
  for (const status of f.alsoAnswers) answers[String(status)] = success(status, 'The same answer, with this status.');
  for (const status of problemStatuses(f, hasPathParams)) answers[String(status)] = problem(status);
  op.responses = answers as Operation['responses'];
  // Said in the document, so that a client (and the documents' test) knows no version is asked of this write.
  if (f.unversioned) (op as Operation & { 'x-unversioned'?: boolean })['x-unversioned'] = true;
  return roots;
}

/** Component schemas a document refers to, transitively (a document carries no schema it does not use). */
function referencedSchemas(doc: OpenAPIObject): Set<string> {
  const all = doc.components?.schemas ?? {};
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_PREFIX)) {
        const name = v.slice(SCHEMA_PREFIX.length);
        if (!seen.has(name)) {
          seen.add(name);
          visit(all[name]);
        }
      } else visit(v);
    }
  };
  visit(doc.paths);
  return seen;
}

function addSchemas(into: Record<string, JsonSchema>, from: Record<string, JsonSchema>, doc: string): void {
  for (const [name, schema] of Object.entries(from)) {
    if (into[name] !== undefined && JSON.stringify(into[name]) !== JSON.stringify(schema)) {
      throw new Error(`The ${doc} document has two different schemas named ${name}: rename one (a request class or a view type)`);
    }
    into[name] = schema;
  }
}

/** The service that owns a path (`/api/<service>` and below), or the platform document. */
function ownerOf(path: string, services: readonly DocumentedService[]): string {
  return services.find((s) => path === `/api/${s.name}` || path.startsWith(`/api/${s.name}/`))?.name ?? PLATFORM_DOCUMENT;
}

/**
 * The OpenAPI 3.1 documents of an app, by name: one per service (every route under `/api/<service>`)
 * and, when the host serves routes no service owns (embedded mode: `/api/auth`, `/api/audit`), one
 * named {@link PLATFORM_DOCUMENT}. Every route of the app is in exactly one document, with request
 * schemas derived from its DTOs' class-validator constraints, its success answers from its handler's
 * return type ({@link registerResponseSchemas}), a problem+json answer for each refusal its kind
 * allows (plus `@ApiProblems`), and the headers it reads and writes. This is the one builder: the host
 * serves what it returns, and `npm run api:generate` writes it for the typed client.
 */
export function buildOpenApiDocuments(app: INestApplication, services: readonly DocumentedService[]): Record<string, OpenAPIObject> {
  const whole = SwaggerModule.createDocument(app, new DocumentBuilder().setOpenAPIVersion('3.1.0').build(), {
    deepScanRoutes: true,
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey}_${methodKey}`,
  });
  const byOperation = handlers(app);
  const perDocument = new Map<
    string,
    { roots: Type<unknown>[]; schemas: Record<string, JsonSchema>; paths: Record<string, Record<string, Operation>> }
  >();
  for (const [path, item] of Object.entries(whole.paths)) {
    const owner = ownerOf(path, services);
    const d = perDocument.get(owner) ?? { roots: [], schemas: {}, paths: {} };
    perDocument.set(owner, d);
    const ops = item as unknown as Record<string, Operation>;
    for (const op of Object.values(ops)) {
      const h = op.operationId ? byOperation.get(op.operationId) : undefined;
      if (!h) continue;
      const responses = RESPONSES.get(op.operationId!);
      d.roots.push(...documentOperation(op, path, routeFacts(h.controller, h.name), responses));
      if (responses) addSchemas(d.schemas, responses.definitions, owner);
    }
    d.paths[path] = ops;
  }
  const documents: Record<string, OpenAPIObject> = {};
  const described = [
    ...services.map((s) => ({ name: s.name, title: `${s.name} API`, description: s.description })),
    { name: PLATFORM_DOCUMENT, title: 'platform API', description: PLATFORM_DESCRIPTION },
  ];
  for (const d of described) {
    const parts = perDocument.get(d.name);
    if (!parts) continue;
    const schemas: Record<string, JsonSchema> = { [PROBLEM_SCHEMA]: PROBLEM_DETAILS };
    const requests = classSchemas(parts.roots, SCHEMA_PREFIX);
    addSchemas(schemas, Object.fromEntries(Object.entries(requests).map(([name, schema]) => [name, withTextRule(schema)])), d.name);
    addSchemas(schemas, parts.schemas, d.name);
    const doc = {
      openapi: '3.1.0',
      info: { title: d.title, description: `${d.description}\n\n${EDGE_RULES}`, version: '1' },
      paths: parts.paths,
      components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    } as unknown as OpenAPIObject;
    const used = referencedSchemas(doc);
    doc.components!.schemas = Object.fromEntries(
      Object.keys(schemas)
        .sort()
        .filter((name) => used.has(name))
        .map((name) => [name, schemas[name]]),
    ) as never;
    documents[d.name] = doc;
  }
  return documents;
}

/**
 * Serves every document of {@link buildOpenApiDocuments} at `/api/<name>/docs-json` (and a UI at
 * `/api/<name>/docs`), and each service's AsyncAPI document at `/api/<service>/asyncapi.json`.
 */
export function setupOpenApi(app: INestApplication, services: readonly DocumentedService[]): Record<string, OpenAPIObject> {
  const documents = buildOpenApiDocuments(app, services);
  for (const [name, document] of Object.entries(documents)) {
    const at = documentPath(name);
    SwaggerModule.setup(at.ui, app, document, { jsonDocumentUrl: at.json });
  }
  setupAsyncApi(app, services);
  return documents;
}
