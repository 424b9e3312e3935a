import type { TFunction } from 'i18next';
import { FEATURE_CATALOGUES } from '../i18n/features';
import { i18n } from '../i18n/i18n';
import type { FieldError, ProblemError } from './problem';

type Exists = (key: string) => boolean;
const has: Exists = (key) => i18n.exists(key);

const FEATURES = Object.keys(FEATURE_CATALOGUES);

/**
 * Where a domain code's words are: the shell's `problems.codes.<code>`, else a feature's own
 * `<feature>.problemCodes.<code>` (a feature's words arrive with its screens, where its codes are met).
 */
function codeKey(code: string | undefined, exists: Exists): string | undefined {
  if (!code) return undefined;
  return [`problems.codes.${code}`, ...FEATURES.map((f) => `${f}.problemCodes.${code}`)].find((k) => exists(k));
}

/**
 * A problem in plain words, in the user's language: the domain code's entry (see codeKey),
 * else the problem type's (`problems.types.<slug>`), else the server's own `detail`.
 */
export function problemMessage(t: TFunction, problem: ProblemError, exists: Exists = has): string {
  const tr = t as unknown as (k: string, o?: object) => string;
  if (problem.status === 0) return tr('problems.network');
  const key = codeKey(problem.code, exists);
  if (key) return tr(key);
  if (exists(`problems.types.${problem.slug}`)) return tr(`problems.types.${problem.slug}`);
  return problem.detail || tr('problems.unknown', { status: problem.status });
}

/** What to show beside one field at fault: the domain code's words when known, else the server's. */
export function fieldMessage(t: TFunction, problem: ProblemError, error: FieldError, exists: Exists = has): string {
  const key = codeKey(problem.code, exists);
  return key ? (t as unknown as (k: string) => string)(key) : error.detail;
}
