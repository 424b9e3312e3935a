import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { paths as EvidencePaths } from './generated/evidence';
import type { paths as IntegrityPaths } from './generated/integrity';
import type { paths as InvestigationsPaths } from './generated/investigations';
import type { paths as PlatformPaths } from './generated/platform';
import type { paths as ReportsPaths } from './generated/reports';

/**
 * Where a client finds the bearer token of its user, asked before every request (so a renewed token is
 * used at once). `undefined` or `null`: the request goes without one.
 */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

/** Options of every client: openapi-fetch's own (a custom `fetch`, default `headers`, …). */
export type ApiClientOptions = Omit<ClientOptions, 'baseUrl'>;

/** Sets `Authorization: Bearer <token>` on each request from the token source. */
export function bearerToken(getToken: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const token = await getToken();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}

/**
 * A typed client of one document's routes. `baseUrl` is the product's origin (`http://127.0.0.1:3000`,
 * or the console's own origin behind its proxy): the documents' paths start with `/api/`.
 */
export function createApiClient<Paths extends object>(
  baseUrl: string,
  getToken?: TokenSource,
  options: ApiClientOptions = {},
): Client<Paths> {
  const client = createClient<Paths>({ ...options, baseUrl: baseUrl.replace(/\/+$/, '') });
  if (getToken) client.use(bearerToken(getToken));
  return client;
}

/** The reports service: intake, triage, PVs, deadlines, statistics. */
export const createReportsClient = (baseUrl: string, getToken?: TokenSource, options?: ApiClientOptions): Client<ReportsPaths> =>
  createApiClient<ReportsPaths>(baseUrl, getToken, options);

/** The investigations service: cases, parties, hearings, actions, tasks, timeline. */
export const createInvestigationsClient = (
  baseUrl: string,
  getToken?: TokenSource,
  options?: ApiClientOptions,
): Client<InvestigationsPaths> => createApiClient<InvestigationsPaths>(baseUrl, getToken, options);

/** The evidence service: items, custody, storage, lab, disposal, found objects, inventories. */
export const createEvidenceClient = (baseUrl: string, getToken?: TokenSource, options?: ApiClientOptions): Client<EvidencePaths> =>
  createApiClient<EvidencePaths>(baseUrl, getToken, options);

/** The integrity service: complaints against staff, Bureau Tucht, the DPO's files. */
export const createIntegrityClient = (baseUrl: string, getToken?: TokenSource, options?: ApiClientOptions): Client<IntegrityPaths> =>
  createApiClient<IntegrityPaths>(baseUrl, getToken, options);

/** What the host serves beside the services: the development issuer (embedded mode) and the consultation log. */
export const createPlatformClient = (baseUrl: string, getToken?: TokenSource, options?: ApiClientOptions): Client<PlatformPaths> =>
  createApiClient<PlatformPaths>(baseUrl, getToken, options);

/** Every client of the product, for one user. */
export interface ApiClients {
  reports: Client<ReportsPaths>;
  investigations: Client<InvestigationsPaths>;
  evidence: Client<EvidencePaths>;
  integrity: Client<IntegrityPaths>;
  platform: Client<PlatformPaths>;
}

/** The five clients of the product, sharing one base URL and token source. */
export function createApiClients(baseUrl: string, getToken?: TokenSource, options?: ApiClientOptions): ApiClients {
  return {
    reports: createReportsClient(baseUrl, getToken, options),
    investigations: createInvestigationsClient(baseUrl, getToken, options),
    evidence: createEvidenceClient(baseUrl, getToken, options),
    integrity: createIntegrityClient(baseUrl, getToken, options),
    platform: createPlatformClient(baseUrl, getToken, options),
  };
}
