import { ProblemException, PROBLEM_BASE } from './problem-details';

/** The ETag of a stream-backed resource: its version, as a strong validator. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * What an `If-Match` header may hold: one ETag of ours, strong or weak (`"3"`, `W/"3"`; a version of at
 * most 15 digits), with the spaces and tabs HTTP allows around a field value. The OpenAPI documents
 * state this pattern.
 */
export const IF_MATCH_PATTERN = '^[ \\t]*(W/)?"([0-9]{1,15})"[ \\t]*$';
const IF_MATCH = new RegExp(IF_MATCH_PATTERN);

/**
 * Reads an `If-Match` header into the stream version the client saw; undefined when absent. A
 * malformed value, an empty one included, is a 400 naming the header (never silently ignored: that
 * would lose the guard).
 */
export function expectedVersionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = IF_MATCH.exec(header);
  if (!m) {
    throw new ProblemException({
      type: `${PROBLEM_BASE}validation`,
      title: 'The request is not valid',
      status: 400,
      detail: 'If-Match must be the ETag you received, e.g. "3".',
      errors: [{ field: 'If-Match', detail: 'must be an ETag such as "3"' }],
    });
  }
  return Number(m[2]);
}
