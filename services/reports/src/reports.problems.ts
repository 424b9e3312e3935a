import { PROBLEM_BASE, ProblemException } from '@police/platform';

/** A problem+json answer of the reports service's edge (the domain throws DomainErrors itself). */
export function reportsProblem(status: number, code: string, detail: string, field?: string): ProblemException {
  const titles: Record<number, string> = { 400: 'Bad request', 401: 'Authentication required', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict', 422: 'Unprocessable content', 428: 'Precondition required' };
  return new ProblemException({
    type: `${PROBLEM_BASE}${code.replace(/_/g, '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    ...(field ? { errors: [{ field, detail }] } : {}),
  });
}
