import { sessionStore } from '../auth/session';
import { breakGlass, Justification } from './break-glass';
import { PROBLEM_BASE, problemOf, ProblemError } from './problem';

const JUSTIFICATION_REQUIRED = `${PROBLEM_BASE}justification-required`;

/** HTTP headers are Latin-1; the server reads percent-encoded UTF-8 (é, ë) in X-Justification. */
function withHeaders(request: Request, justification: Justification | undefined): Request {
  const headers = new Headers(request.headers);
  const token = sessionStore.accessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  if (justification) {
    headers.set('X-Justification', encodeURIComponent(justification.text.trim()));
    if (justification.caseRef?.trim()) headers.set('X-Justification-Case', justification.caseRef.trim());
  }
  return new Request(request, { headers });
}

async function justificationRequired(response: Response): Promise<ProblemError | undefined> {
  if (response.status !== 403) return undefined;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  const problem = problemOf(response, body);
  return problem.type === JUSTIFICATION_REQUIRED ? problem : undefined;
}

/**
 * Every API call goes through here (the typed clients use it as their `fetch`): it adds the bearer
 * token; a 401 ends the session (the console returns to sign-in); a read refused with `403
 * justification required` asks the user why (the break-glass dialog) and is sent again with
 * `X-Justification`, again and again while the server finds the reason wanting, until it is answered or
 * the user cancels (then a `justification-cancelled` problem). Writes never break the glass.
 */
export async function apiFetch(input: Request): Promise<Response> {
  const base = input.clone();
  const remembered = input.method === 'GET' ? breakGlass.rememberedFor(input.url) : undefined;
  let response = await fetch(withHeaders(input, remembered));
  if (response.status === 401) {
    sessionStore.end('ended');
    return response;
  }
  if (input.method !== 'GET') return response;
  let problem = await justificationRequired(response);
  let sent = remembered;
  while (problem) {
    const justification = await breakGlass.ask({ url: input.url, problem }, sent);
    if (!justification) {
      throw new ProblemError(403, { ...problem.body, type: `${PROBLEM_BASE}justification-cancelled`, errors: [] });
    }
    sent = justification;
    try {
      response = await fetch(withHeaders(base.clone(), justification));
      problem = await justificationRequired(response);
    } catch (error) {
      breakGlass.settle(input.url);
      throw error;
    }
    if (!problem) {
      if (response.ok) breakGlass.remember(input.url, justification);
      else breakGlass.settle(input.url);
    }
  }
  if (response.status === 401) sessionStore.end('ended');
  return response;
}
