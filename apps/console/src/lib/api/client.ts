import {
  createEvidenceClient,
  createIntegrityClient,
  createInvestigationsClient,
  createPlatformClient,
  createReportsClient,
} from '@police/api-client';
import { networkProblem, problemOf, ProblemError } from './problem';
import { apiFetch } from './transport';

const baseUrl = typeof window === 'undefined' ? 'http://127.0.0.1' : window.location.origin;

/**
 * The typed clients (libs/api-client, generated from the services' OpenAPI documents): paths,
 * parameters and bodies are checked at compile time. Every call goes through {@link apiFetch} (token,
 * 401, break-glass), so they are made without a token source of their own. Use them inside a feature's
 * `api/` folder only, through {@link call}. Add a service's client here when a feature first needs it
 * (`createInvestigationsClient(baseUrl, undefined, { fetch: apiFetch })`, …).
 */
export const reportsApi = createReportsClient(baseUrl, undefined, { fetch: apiFetch });
export const investigationsApi = createInvestigationsClient(baseUrl, undefined, { fetch: apiFetch });
export const evidenceApi = createEvidenceClient(baseUrl, undefined, { fetch: apiFetch });
export const integrityApi = createIntegrityClient(baseUrl, undefined, { fetch: apiFetch });

/**
 * The platform's public routes (how to sign in, the development issuer), asked before there is a
 * session: plain fetch, so a refused sign-in is not taken for an ended session.
 */
export const signInApi = createPlatformClient(baseUrl);

/** A successful answer: its body and, for a record, the ETag to send back as If-Match on an edit. */
export interface Answer<T> {
  data: T;
  etag: string | null;
  response: Response;
}

/** What a typed client call resolves to (openapi-fetch's `FetchResponse`): the answer or the refusal. */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The body of a call's successful answer, as openapi-fetch types it from the service's OpenAPI
 * document: the `data` of the success branch (the refusal branch has `data?: never`).
 */
export type DataOf<R> = R extends { data: infer D } ? D : never;

/**
 * Awaits a typed client call and turns every failure into a {@link ProblemError} (problem+json
 * answers, network failures, a cancelled break-glass dialog), so screens handle one kind of error.
 * The answer's type is the route's success response in the generated client: never written by hand.
 */
export async function call<R extends FetchResult>(request: Promise<R>): Promise<Answer<DataOf<R>>> {
  let result: FetchResult;
  try {
    result = await request;
  } catch (e) {
    if (e instanceof ProblemError) throw e;
    throw networkProblem(e);
  }
  if (!result.response.ok) throw problemOf(result.response, result.error);
  return { data: result.data as DataOf<R>, etag: result.response.headers.get('ETag'), response: result.response };
}
