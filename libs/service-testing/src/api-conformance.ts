import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Middleware } from 'openapi-fetch';

/** The committed documents libs/api-client is generated from (the test of the documents proves the product serves them). */
const DOCUMENTS = ['reports', 'investigations', 'evidence', 'integrity', 'platform'] as const;
const root = path.resolve(__dirname, '..', '..', '..');

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Route {
  doc: string;
  template: string;
  pattern: RegExp;
  methods: Record<string, Operation>;
}

let routes: Route[] | undefined;
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

function load(): Route[] {
  if (routes) return routes;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  routes = [];
  for (const doc of DOCUMENTS) {
    const document = JSON.parse(readFileSync(path.join(root, `libs/api-client/openapi/${doc}.openapi.json`), 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
    };
    ajv.addSchema(document, `urn:police:${doc}`);
    for (const [template, methods] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      routes.push({ doc, template, pattern, methods });
    }
  }
  // A literal segment wins over a parameter (`/pvs/{pvId}` before `/{id}/pvs`): fewer parameters first.
  routes.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  return routes;
}

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * How an answer departs from the document of its route: a status the document does not list, a content
 * type it does not list, or a JSON body its schema refuses. Empty when it conforms, or when no
 * documented operation matches (an unknown route or method: nothing is promised).
 */
export function nonConformance(method: string, urlPath: string, status: number, contentType: string, body: string): string[] {
  const p = urlPath.split('?')[0];
  const m = method.toLowerCase();
  const route = load().find((r) => r.pattern.test(p) && r.methods[m]);
  if (!route) return [];
  const at = `${method.toUpperCase()} ${route.template} (${route.doc} document)`;
  const answer = route.methods[m].responses[String(status)];
  if (!answer)
    return [`${at} answered ${status}, which its document does not list (${Object.keys(route.methods[m].responses).join(', ')})`];
  const media = contentType.split(';')[0].trim();
  if (!answer.content) return [];
  if (!answer.content[media])
    return [`${at} answered ${status} as ${media || 'no content type'}; its document says ${Object.keys(answer.content).join(', ')}`];
  if (!/json/.test(media)) return [];
  const ref = `urn:police:${route.doc}#/paths/${pointer(route.template)}/${m}/responses/${status}/content/${pointer(media)}/schema`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv!.getSchema(ref)!;
    validators.set(ref, validate);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [`${at} answered ${status} with a body that is not JSON`];
  }
  if (validate(json)) return [];
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${at} ${status}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Thrown when an answer does not conform to its document: the documents (or the route) must change. */
export class NonConformingAnswer extends Error {}

/** Checks an answer, throwing {@link NonConformingAnswer} with every departure. */
export function assertConforms(method: string, urlPath: string, status: number, contentType: string, body: string): void {
  const faults = nonConformance(method, urlPath, status, contentType, body);
  if (faults.length > 0) throw new NonConformingAnswer(`The answer does not conform to the OpenAPI document:\n  ${faults.join('\n  ')}`);
}

/** openapi-fetch middleware: every answer a typed client receives is checked against its document. */
export function conformanceCheck(): Middleware {
  return {
    async onResponse({ request, response }) {
      const contentType = response.headers.get('content-type') ?? '';
      // Only JSON bodies are checked against a schema; a stream (text/event-stream) is not read to its end.
      const body = /json/.test(contentType) ? await response.clone().text() : '';
      assertConforms(request.method, new URL(request.url).pathname, response.status, contentType, body);
      return response;
    },
  };
}
