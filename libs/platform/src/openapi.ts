import { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ServiceName } from './runtime';

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

/** Where a document is served: `/api/<name>/docs-json` (and a UI at `/api/<name>/docs`). */
export function documentPath(name: string): { ui: string; json: string } {
  return { ui: `api/${name}/docs`, json: `api/${name}/docs-json` };
}

/** The service that owns a path (`/api/<service>` and below), or the platform document. */
function ownerOf(path: string, services: readonly DocumentedService[]): string {
  return services.find((s) => path === `/api/${s.name}` || path.startsWith(`/api/${s.name}/`))?.name ?? PLATFORM_DOCUMENT;
}

/** Component schemas a document refers to, transitively (a document carries no schema it does not use). */
function referencedSchemas(doc: OpenAPIObject): Set<string> {
  const all = doc.components?.schemas ?? {};
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        const name = v.slice('#/components/schemas/'.length);
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

/**
 * The OpenAPI 3.1 documents of an app, by name: one per service (every route under `/api/<service>`)
 * and, when the host serves routes no service owns (embedded mode: `/api/auth`, `/api/audit`), one
 * named {@link PLATFORM_DOCUMENT}. Every route of the app is in exactly one document. This is the one
 * builder: the host serves what it returns, and `npm run api:generate` writes it for the typed client.
 */
export function buildOpenApiDocuments(app: INestApplication, services: readonly DocumentedService[]): Record<string, OpenAPIObject> {
  const whole = SwaggerModule.createDocument(app, new DocumentBuilder().setOpenAPIVersion('3.1.0').build(), { deepScanRoutes: true });
  const documents: Record<string, OpenAPIObject> = {};
  const described = [...services.map((s) => ({ name: s.name, title: `${s.name} API`, description: s.description })), { name: PLATFORM_DOCUMENT, title: 'platform API', description: PLATFORM_DESCRIPTION }];
  for (const d of described) {
    const paths = Object.fromEntries(Object.entries(whole.paths).filter(([p]) => ownerOf(p, services) === d.name));
    if (Object.keys(paths).length === 0) continue;
    const doc: OpenAPIObject = {
      openapi: '3.1.0',
      info: { title: d.title, description: d.description, version: '1' },
      paths,
      components: { ...whole.components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    };
    const used = referencedSchemas(doc);
    doc.components!.schemas = Object.fromEntries(Object.entries(whole.components?.schemas ?? {}).filter(([name]) => used.has(name)));
    documents[d.name] = doc;
  }
  return documents;
}

/** Serves every document of {@link buildOpenApiDocuments} at `/api/<name>/docs-json` (and a UI at `/api/<name>/docs`). */
export function setupOpenApi(app: INestApplication, services: readonly DocumentedService[]): Record<string, OpenAPIObject> {
  const documents = buildOpenApiDocuments(app, services);
  for (const [name, document] of Object.entries(documents)) {
    const at = documentPath(name);
    SwaggerModule.setup(at.ui, app, document, { jsonDocumentUrl: at.json });
  }
  return documents;
}
