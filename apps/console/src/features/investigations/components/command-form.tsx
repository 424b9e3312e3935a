import { Button, Group, Modal, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '@/components/notify';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, isConflict, ProblemError } from '@/lib/api';
import { useLiveHold } from '@/lib/live';
import { CaseCommand, investigationKeys, useCaseCommand } from '../api/investigations.api';

/** The case a command form works on: its id and the ETag of the version on screen. */
export interface CaseRef {
  id: string;
  etag: string | null;
}

/**
 * A command of the investigations API as a dialog: the form's own checks first, then the command on the
 * version on screen (If-Match). A refusal's fields go beside the form's fields (values shaped like the
 * request body; `aliases` for the fields named otherwise), the rest in plain words above them; a 412
 * offers the new version (the form keeps what was typed). On success: a short confirmation, and the
 * dialog closes. While it is open, live updates leave the case file on screen as it was read, so a
 * change by someone else meanwhile is told (the 412) rather than slipped under the command.
 */
export function CommandDialog<V extends Record<string, unknown>>(props: {
  kase: CaseRef;
  title: string;
  opened: boolean;
  onClose: () => void;
  form: UseFormReturnType<V>;
  /** The typed command to send for the checked values. */
  command: (values: V) => CaseCommand;
  submitLabel: string;
  done: string;
  aliases?: Record<string, string>;
  size?: string;
  children: ReactNode;
}) {
  const { kase, form } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useCaseCommand(kase.id, kase.etag);
  useLiveHold(investigationKeys.detail(kase.id), props.opened);
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const close = () => {
    setProblem(null);
    form.reset();
    props.onClose();
  };
  const submit = (event?: FormEvent<HTMLFormElement>) =>
    form.onSubmit((values) => {
      setProblem(null);
      mutation.mutate(props.command(values), {
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
    <Modal
      opened={props.opened}
      onClose={close}
      title={props.title}
      size={props.size ?? 'lg'}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate aria-label={props.title}>
        <Stack gap="sm">
          {problem && (
            <ProblemAlert
              error={problem.error}
              unplaced={problem.unplaced}
              onReload={async () => {
                setProblem(null);
                await queryClient.invalidateQueries({ queryKey: investigationKeys.record(kase.id) });
              }}
            />
          )}
          {props.children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
