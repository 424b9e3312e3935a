import { hasControlCharacter } from './principal';

/** The header that carries why someone reads a record outside their assignment. */
export const JUSTIFICATION_HEADER = 'x-justification';
/** Optional companion header: the case the justification refers to (a PV number, a file reference). */
export const JUSTIFICATION_CASE_HEADER = 'x-justification-case';

/** A stated reason for a break-glass read, as it will be logged. */
export interface Justification {
  text: string;
  caseRef?: string;
}

/** A justification says why in at least this many words (of two letters or digits or more)… */
export const MIN_JUSTIFICATION_WORDS = 3;
/** …and this many characters… */
export const MIN_JUSTIFICATION_LENGTH = 15;
/** …and at most this many. */
export const MAX_JUSTIFICATION_LENGTH = 500;
const CASE_REF = /^[A-Za-z0-9][A-Za-z0-9./_-]{0,63}$/;

/** What the justification headers say: nothing, a usable justification, or what is wrong with them. */
export type JustificationResult =
  { kind: 'absent' } | { kind: 'valid'; justification: Justification } | { kind: 'invalid'; errors: { field: string; detail: string }[] };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** HTTP headers are Latin-1; UTF-8 text (é, ë) may be sent percent-encoded. */
function decode(raw: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Reads `X-Justification` (free text: at least 3 words and 15 characters, at most 500, no control
 * characters; UTF-8 may be percent-encoded) and `X-Justification-Case` (optional case reference).
 */
export function parseJustification(headers: Record<string, string | string[] | undefined>): JustificationResult {
  const rawText = single(headers[JUSTIFICATION_HEADER]);
  const rawCase = single(headers[JUSTIFICATION_CASE_HEADER]);
  if ((rawText === undefined || rawText.trim() === '') && rawCase === undefined) return { kind: 'absent' };
  const errors: { field: string; detail: string }[] = [];
  const text = decode(rawText ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const words = text.split(' ').filter((w) => /[\p{L}\p{N}]{2,}/u.test(w));
  if (hasControlCharacter(text)) errors.push({ field: 'X-Justification', detail: 'must not contain control characters' });
  if (text.length < MIN_JUSTIFICATION_LENGTH || words.length < MIN_JUSTIFICATION_WORDS) {
    errors.push({
      field: 'X-Justification',
      detail: `must say why, in at least ${MIN_JUSTIFICATION_WORDS} words and ${MIN_JUSTIFICATION_LENGTH} characters`,
    });
  }
  if (text.length > MAX_JUSTIFICATION_LENGTH)
    errors.push({ field: 'X-Justification', detail: `must be at most ${MAX_JUSTIFICATION_LENGTH} characters` });
  const caseRef = rawCase?.trim();
  if (caseRef !== undefined && !CASE_REF.test(caseRef))
    errors.push({ field: 'X-Justification-Case', detail: 'must be a case reference of letters, digits and . / _ - (at most 64)' });
  if (errors.length > 0) return { kind: 'invalid', errors };
  return { kind: 'valid', justification: caseRef ? { text, caseRef } : { text } };
}
