import type { TFunction } from 'i18next';
import { fieldMessage } from './messages';
import type { FieldError, ProblemError } from './problem';

/** The part of a Mantine form (`useForm`) the helper needs. */
export interface FormLike {
  getValues(): unknown;
  setFieldError(path: string, error: string): void;
}

function hasPath(values: unknown, path: string): boolean {
  let at: unknown = values;
  for (const segment of path.split('.')) {
    if (at === null || typeof at !== 'object' || !(segment in (at as object))) return false;
    at = (at as Record<string, unknown>)[segment];
  }
  return true;
}

/**
 * Shows each `errors[].field` of a refusal beside its form field. The API names fields by the request
 * body's dotted paths (`parties.0.name`, `timeWindow.to`; `parties[0].roles` is read alike); a form whose values have the body's shape
 * gets them as they are. `aliases` sends a field the form does not hold as such (an object like
 * `place`, a header like `If-Match`) to one it does. Returns the errors no field took, for the
 * screen's general alert.
 */
export function applyProblemToForm(
  form: FormLike,
  problem: ProblemError,
  t: TFunction,
  aliases: Record<string, string> = {},
): FieldError[] {
  const values = form.getValues();
  const unplaced: FieldError[] = [];
  for (const error of problem.errors) {
    // The domain names list items as `parties[0].roles`, class-validator as `parties.0.roles`.
    const field = error.field.replace(/\[(\d+)\]/g, '.$1');
    const path = aliases[field] ?? field;
    if (hasPath(values, path)) form.setFieldError(path, fieldMessage(t, problem, error));
    else unplaced.push(error);
  }
  return unplaced;
}
