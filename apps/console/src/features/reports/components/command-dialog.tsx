import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { FormEvent, ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '@/components/notify';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, FormLike, isConflict, ProblemError } from '@/lib/api';

export interface ShownProblem {
  error: unknown;
  unplaced: FieldError[];
}

/**
 * A command's refusal as a form shows it: each field at fault beside its field, the rest (or a 412:
 * "changed meanwhile — reload") in the alert.
 */
export function useCommandProblem() {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const clear = useCallback(() => setProblem(null), []);
  const fail = useCallback(
    (form: FormLike, aliases?: Record<string, string>) => (error: unknown) =>
      setProblem({
        error,
        unplaced: error instanceof ProblemError && !isConflict(error) ? applyProblemToForm(form, error, t, aliases) : [],
      }),
    [t],
  );
  return { problem, clear, fail };
}

/** A command's mutation: its body, sent on the version of the report that was read. */
interface OnVersion<B> {
  mutate: (variables: { body: B; etag: string | null }, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

/**
 * A dialog's command, sent on submit once the form's own checks pass: on success the dialog says so
 * and closes; a refusal lands beside its fields, or in the dialog's alert. Spread the result on
 * {@link CommandDialog}.
 */
export function useCommandSubmit<V, B>(
  form: UseFormReturnType<V>,
  mutation: OnVersion<B>,
  options: { etag: string | null; body: (values: V) => B; done: (values: V) => string; onClose: () => void },
) {
  const { problem, clear, fail } = useCommandProblem();
  const onSubmit = form.onSubmit((values) => {
    clear();
    mutation.mutate(
      { body: options.body(values), etag: options.etag },
      {
        onSuccess: () => {
          notifySuccess(options.done(values));
          options.onClose();
        },
        onError: fail(form),
      },
    );
  });
  return { onSubmit, problem, pending: mutation.isPending };
}

/**
 * A dialog for one command on a report: what it does, its fields, the refusal if one comes (a 412
 * offers to reload the report; the dialog stays open on the new version), cancel and submit.
 */
export function CommandDialog(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  pending: boolean;
  problem: ShownProblem | null;
  onReload: () => void;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { opened, onClose, title, intro, submitLabel, pending, problem, onReload, onSubmit, children } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="sm">
          {intro && <Text size="sm">{intro}</Text>}
          {problem && <ProblemAlert error={problem.error} unplaced={problem.unplaced} onReload={onReload} />}
          {children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
