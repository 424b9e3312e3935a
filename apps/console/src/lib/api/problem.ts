/** The base of every problem type the platform answers with (libs/platform `PROBLEM_BASE`). */
export const PROBLEM_BASE = 'https://police-case-platform.example/problems/';

/** One field at fault, as the API names it: a dotted path such as `parties.0.name`. */
export interface FieldError {
  field: string;
  detail: string;
}

/** An RFC 9457 problem+json body as the platform sends it. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * A refused or failed request, as every screen handles it: status, problem type (its last segment,
 * `slug`, names the catalogue entry), the domain `code` when the service gave one, the server's own
 * words (`detail`) and the fields at fault. Network failures are status 0, slug `network`.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly slug: string;
  readonly code: string | undefined;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ProblemError';
    this.status = status;
    this.body = body;
    this.type = body.type ?? `${PROBLEM_BASE}${status}`;
    this.slug = this.type.startsWith(PROBLEM_BASE) ? this.type.slice(PROBLEM_BASE.length) : this.type;
    this.code = typeof body.code === 'string' ? body.code : undefined;
    this.title = body.title ?? '';
    this.detail = body.detail;
    this.errors = Array.isArray(body.errors)
      ? body.errors.filter((e) => typeof e?.field === 'string' && typeof e?.detail === 'string')
      : [];
  }

  is(slug: string): boolean {
    return this.slug === slug;
  }
}

/** The problem of a failed answer: its problem+json body, or what the status alone says. */
export function problemOf(response: Response, body: unknown): ProblemError {
  const parsed: ProblemBody =
    body && typeof body === 'object'
      ? (body as ProblemBody)
      : { detail: typeof body === 'string' && body ? body.slice(0, 500) : undefined };
  return new ProblemError(response.status, { status: response.status, ...parsed });
}

export function networkProblem(cause: unknown): ProblemError {
  const e = new ProblemError(0, {
    type: `${PROBLEM_BASE}network`,
    title: 'Network error',
    detail: cause instanceof Error ? cause.message : String(cause),
  });
  return e;
}

export function isProblem(error: unknown, slug?: string): error is ProblemError {
  return error instanceof ProblemError && (slug === undefined || error.slug === slug);
}
