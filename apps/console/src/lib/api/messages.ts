import type { TFunction } from 'i18next';
import { i18n } from '../i18n/i18n';
import type { FieldError, ProblemError } from './problem';

type Exists = (key: string) => boolean;
const has: Exists = (key) => i18n.exists(key);

/**
 * A problem in plain words, in the user's language: the domain code's entry (`problems.codes.<code>`),
 * else the problem type's (`problems.types.<slug>`), else the server's own `detail`.
 */
export function problemMessage(t: TFunction, problem: ProblemError, exists: Exists = has): string {
  const tr = t as unknown as (k: string, o?: object) => string;
  if (problem.status === 0) return tr('problems.network');
  if (problem.code && exists(`problems.codes.${problem.code}`)) return tr(`problems.codes.${problem.code}`);
  if (exists(`problems.types.${problem.slug}`)) return tr(`problems.types.${problem.slug}`);
  return problem.detail || tr('problems.unknown', { status: problem.status });
}

/** What to show beside one field at fault: the domain code's words when known, else the server's. */
export function fieldMessage(t: TFunction, problem: ProblemError, error: FieldError, exists: Exists = has): string {
  if (problem.code && exists(`problems.codes.${problem.code}`)) return (t as unknown as (k: string) => string)(`problems.codes.${problem.code}`);
  return error.detail;
}
