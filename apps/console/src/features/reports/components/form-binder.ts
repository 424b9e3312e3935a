import type { GetInputPropsReturnType, UseFormReturnType } from '@mantine/form';

/**
 * The fields of a part of a form, by their path inside that part: the intake holds the facts at its
 * root, an amendment under `changes.`, so that either form's values keep the request body's shape (and
 * a refusal's `errors[].field` names the field as it is) while one set of fieldsets serves both.
 */
export interface FieldBinder {
  props(path: string, options?: { type: 'checkbox' }): GetInputPropsReturnType;
  key(path: string): string;
  error(path: string): string | undefined;
  insert(path: string, item: unknown): void;
  remove(path: string, index: number): void;
  set(path: string, value: unknown): void;
}

export function bindFields<V>(form: UseFormReturnType<V>, prefix = ''): FieldBinder {
  type Path = Parameters<UseFormReturnType<V>['getInputProps']>[0];
  const p = (path: string) => `${prefix}${path}` as Path;
  return {
    props: (path, options) => form.getInputProps(p(path), options),
    key: (path) => form.key(p(path)),
    error: (path) => {
      const e = form.errors[`${prefix}${path}`];
      return typeof e === 'string' ? e : undefined;
    },
    insert: (path, item) => form.insertListItem(p(path), item as never),
    remove: (path, index) => form.removeListItem(p(path), index),
    set: (path, value) => form.setFieldValue(p(path), value as never),
  };
}
