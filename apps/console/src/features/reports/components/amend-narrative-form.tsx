import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, isConflict, ProblemError } from '@/lib/api';
import { useAmendReport } from '../api/reports.api';

interface Values {
  changes: { narrative: string };
  reason: string;
}

/**
 * Amends a report's statement on the version that was read (If-Match with its ETag): what was said
 * before stays in the record. When someone else changed the report meanwhile, the service answers 412
 * and the form offers to load the new version — the example of an edit for every other screen.
 */
export function AmendNarrativeForm(props: { reportId: string; narrative: string; etag: string | null; onDone: () => void; onSaved: () => void; onReload: () => Promise<unknown> }) {
  const { reportId, narrative, etag, onDone, onSaved, onReload } = props;
  const { t } = useTranslation();
  const amend = useAmendReport(reportId);
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const form = useForm<Values>({
    initialValues: { changes: { narrative }, reason: '' },
    validate: {
      changes: { narrative: (v) => (v.trim() ? null : t('reports.intake.validation.required')) },
      reason: (v) => (v.trim() ? null : t('reports.intake.validation.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    amend.mutate(
      { body: { changes: { narrative: v.changes.narrative.trim() }, reason: v.reason.trim() }, etag },
      {
        onSuccess: onSaved,
        onError: (error) => setProblem({ error, unplaced: error instanceof ProblemError && !isConflict(error) ? applyProblemToForm(form, error, t) : [] }),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('reports.amend.title')}>
      <Stack gap="sm">
        {problem && (
          <ProblemAlert
            error={problem.error}
            unplaced={problem.unplaced}
            onReload={async () => {
              setProblem(null);
              await onReload();
            }}
          />
        )}
        <Textarea label={t('reports.detail.narrative')} withAsterisk autosize minRows={4} maxRows={14} {...form.getInputProps('changes.narrative')} />
        <TextInput label={t('reports.amend.reason')} description={t('reports.amend.reasonHint')} withAsterisk {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={amend.isPending}>
            {t('reports.amend.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
