import { ProblemException, PROBLEM_BASE } from './problem-details';

/** The ETag of a stream-backed resource: its version, as a strong validator. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Reads an `If-Match` header into the stream version the client saw; undefined when absent. A
 * malformed value is a 400 naming the header (never silently ignored: that would lose the guard).
 */
export function expectedVersionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const m = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  if (!m) {
    throw new ProblemException({
      type: `${PROBLEM_BASE}validation`,
      title: 'The request is not valid',
      status: 400,
      detail: 'If-Match must be the ETag you received, e.g. "3".',
      errors: [{ field: 'If-Match', detail: 'must be an ETag such as "3"' }],
    });
  }
  return Number(m[1]);
}
