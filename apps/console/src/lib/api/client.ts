import { createPlatformClient, createReportsClient } from '@police/api-client';
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

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Awaits a typed client call and turns every failure into a {@link ProblemError} (problem+json
 * answers, network failures, a cancelled break-glass dialog), so screens handle one kind of error.
 * The answer's type is the one the generated client gives the route (libs/api-client); no type argument needed.
 */
export async function call<T = never, R extends FetchResult = FetchResult>(request: Promise<R>): Promise<Answer<[T] extends [never] ? NonNullable<R['data']> : T>> {
  let result: FetchResult;
  try {
    result = await request;
  } catch (e) {
    if (e instanceof ProblemError) throw e;
    throw networkProblem(e);
  }
  if (!result.response.ok) throw problemOf(result.response, result.error);
  return { data: result.data as [T] extends [never] ? NonNullable<R['data']> : T, etag: result.response.headers.get('ETag'), response: result.response };
}
