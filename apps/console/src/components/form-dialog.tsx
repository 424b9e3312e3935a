import { Button, Group, Modal, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, FieldError, isConflict, ProblemError } from '@/lib/api';
import { notifySuccess } from './notify';
import { ProblemAlert } from './problem-alert';

/**
 * A write as a dialog: the form's own checks first, then `send`. A refusal's fields go beside the
 * form's fields (values shaped like the request body; `aliases` for fields named otherwise), the rest
 * in plain words above them; a 412 offers `onReload`. On success: a short confirmation, and it closes.
 */
export function FormDialog<V extends Record<string, unknown>>(props: {
  title: string;
  onClose: () => void;
  form: UseFormReturnType<V>;
  send: (values: V) => Promise<unknown>;
  pending: boolean;
  submitLabel: string;
  done: string;
  danger?: boolean;
  aliases?: Record<string, string>;
  onReload?: () => Promise<unknown>;
  children: ReactNode;
}) {
  const { form } = props;
  const { t } = useTranslation();
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const submit = (event?: FormEvent<HTMLFormElement>) =>
    form.onSubmit((values) => {
      setProblem(null);
      props.send(values).then(
        () => {
          notifySuccess(props.done);
          props.onClose();
        },
        (error: unknown) =>
          setProblem({
            error,
            unplaced: error instanceof ProblemError && !isConflict(error) ? applyProblemToForm(form, error, t, props.aliases) : [],
          }),
      );
    })(event);
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate aria-label={props.title}>
        <Stack gap="sm">
          {problem && (
            <ProblemAlert
              error={problem.error}
              unplaced={problem.unplaced}
              onReload={
                props.onReload &&
                (async () => {
                  setProblem(null);
                  await props.onReload!();
                })
              }
            />
          )}
          {props.children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={props.danger ? 'red.9' : undefined} loading={props.pending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
