import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '@/components/notify';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, isConflict, ProblemError } from '@/lib/api';

interface Mutation<C> {
  mutate: (variables: C, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

/**
 * One command on an integrity record as a dialog: the form's own checks first, then the command on the
 * version on screen. A refusal's fields go beside the form's fields, the rest in plain words above them
 * (a 412: "changed meanwhile — reload"); on success a short confirmation and the dialog closes.
 */
export function CommandDialog<V extends Record<string, unknown>, C>(props: {
  title: string;
  opened: boolean;
  onClose: () => void;
  form: UseFormReturnType<V>;
  mutation: Mutation<C>;
  command: (values: V) => C;
  submitLabel: string;
  done: string;
  onReload: () => void;
  intro?: ReactNode;
  aliases?: Record<string, string>;
  submitDisabled?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { form } = props;
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const close = () => {
    setProblem(null);
    form.reset();
    props.onClose();
  };
  const submit = (event?: FormEvent<HTMLFormElement>) =>
    form.onSubmit((values) => {
      setProblem(null);
      props.mutation.mutate(props.command(values), {
        onSuccess: () => {
          notifySuccess(props.done);
          close();
        },
        onError: (error) =>
          setProblem({
            error,
            unplaced: error instanceof ProblemError && !isConflict(error) ? applyProblemToForm(form, error, t, props.aliases) : [],
          }),
      });
    })(event);
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate aria-label={props.title}>
        <Stack gap="sm">
          {props.intro && <Text size="sm">{props.intro}</Text>}
          {problem && (
            <ProblemAlert
              error={problem.error}
              unplaced={problem.unplaced}
              onReload={() => {
                setProblem(null);
                props.onReload();
              }}
            />
          )}
          {props.children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.mutation.isPending} disabled={props.submitDisabled}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
