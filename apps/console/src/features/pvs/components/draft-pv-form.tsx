import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '@/components/notify';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, ProblemError } from '@/lib/api';
import type { DraftPvBody, PvDestination } from '../api/pvs.api';
import { useDraftPv } from '../api/pvs.api';
import { pvCodesOf, usePvLabel } from '../codes';
import { DocumentInput } from './document-input';

interface Values {
  legalQualification: string;
  offenceType: string;
  destination: PvDestination;
  documentSha256: string;
}

/**
 * A PV drafted for a report (the user is its author), or a supplementary PV to a finalised one. One
 * Idempotency-Key per filled-in form: a retry after a lost answer returns the first PV, not a second.
 */
export function DraftPvForm({
  reportId,
  supplementsPvId,
  initial,
}: {
  reportId: string;
  supplementsPvId?: string;
  initial?: Partial<Values>;
}) {
  const { t } = useTranslation();
  const label = usePvLabel();
  const navigate = useNavigate();
  const draft = useDraftPv(reportId);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const required = (v: string) => (v.trim() ? null : t('pvs.draft.required'));
  const form = useForm<Values>({
    initialValues: { legalQualification: '', offenceType: '', destination: 'parket', documentSha256: '', ...initial },
    validate: { legalQualification: required, offenceType: required, documentSha256: required },
  });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    const body: DraftPvBody = {
      legalQualification: v.legalQualification.trim(),
      offenceType: v.offenceType.trim(),
      destination: v.destination,
      documentSha256: v.documentSha256,
      ...(supplementsPvId !== undefined && { supplementsPvId }),
    };
    draft.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (answer) => {
          notifySuccess(t('pvs.draft.created'));
          void navigate(`/pvs/${answer.data.id}`);
        },
        onError: (error) => {
          setIdempotencyKey(crypto.randomUUID());
          setProblem({
            error,
            unplaced: error instanceof ProblemError ? applyProblemToForm(form, error, t, { supplementsPvId: 'legalQualification' }) : [],
          });
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('pvs.draft.title')}>
      <Stack gap="sm" maw={760}>
        {problem && <ProblemAlert error={problem.error} unplaced={problem.unplaced} />}
        <TextInput
          label={t('pvs.draft.legalQualification')}
          description={t('pvs.draft.legalQualificationHint')}
          withAsterisk
          maxLength={500}
          {...form.getInputProps('legalQualification')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('pvs.draft.offenceType')}
            description={t('pvs.draft.offenceTypeHint')}
            withAsterisk
            maxLength={100}
            {...form.getInputProps('offenceType')}
          />
          <Select
            label={t('pvs.draft.destination')}
            withAsterisk
            allowDeselect={false}
            data={pvCodesOf('destination').map((d) => ({ value: d, label: label('destination', d) }))}
            {...form.getInputProps('destination')}
          />
        </Group>
        <DocumentInput
          label={t('pvs.draft.document')}
          description={t('pvs.draft.documentHint')}
          required
          value={form.getValues().documentSha256}
          onChange={(sha) => form.setFieldValue('documentSha256', sha)}
          error={form.errors.documentSha256 as string | undefined}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={draft.isPending}>
            {t('pvs.draft.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
