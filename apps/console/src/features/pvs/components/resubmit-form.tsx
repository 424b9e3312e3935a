import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { PvDestination, SubmitPvBody, WrittenPv } from '../api/pvs.api';
import { pvCodesOf, usePvLabel } from '../codes';
import { DocumentInput } from './document-input';
import type { Take } from './take';

interface Values {
  corrections: { legalQualification: string; offenceType: string; destination: PvDestination; documentSha256: string };
  correctionNote: string;
}

/** Only what changed goes as a correction (the service refuses a correction that changes nothing). */
export function toResubmission(pv: Pick<WrittenPv, 'legalQualification' | 'offenceType' | 'destination'>, v: Values): SubmitPvBody {
  const c = v.corrections;
  const corrections = {
    ...(c.legalQualification.trim() !== pv.legalQualification && { legalQualification: c.legalQualification.trim() }),
    ...(c.offenceType.trim() !== pv.offenceType && { offenceType: c.offenceType.trim() }),
    ...(c.destination !== pv.destination && { destination: c.destination }),
    ...(c.documentSha256 !== '' && { documentSha256: c.documentSha256 }),
  };
  return { ...(Object.keys(corrections).length > 0 && { corrections }), correctionNote: v.correctionNote.trim() };
}

/** The author corrects a rejected PV (what GAK asked for) and submits it again, saying what changed. */
export function ResubmitForm({ pv, take, pending, onCancel }: { pv: WrittenPv; take: Take; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const label = usePvLabel();
  const form = useForm<Values>({
    initialValues: {
      corrections: {
        legalQualification: pv.legalQualification,
        offenceType: pv.offenceType,
        destination: pv.destination,
        documentSha256: '',
      },
      correctionNote: '',
    },
    validate: {
      corrections: {
        legalQualification: (v) => (v.trim() ? null : t('pvs.draft.required')),
        offenceType: (v) => (v.trim() ? null : t('pvs.draft.required')),
      },
      correctionNote: (v) => (v.trim() ? null : t('pvs.draft.required')),
    },
  });
  const submit = form.onSubmit((v) =>
    take({ kind: 'submission', body: toResubmission(pv, v) }, t('pvs.actions.resubmitted'), form, { corrections: 'correctionNote' }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('pvs.actions.resubmit')}>
      <Stack gap="sm">
        <Text size="sm">{t('pvs.actions.resubmitIntro')}</Text>
        <TextInput
          label={t('pvs.detail.legalQualification')}
          withAsterisk
          maxLength={500}
          {...form.getInputProps('corrections.legalQualification')}
        />
        <Group grow align="flex-start">
          <TextInput label={t('pvs.detail.offenceType')} withAsterisk maxLength={100} {...form.getInputProps('corrections.offenceType')} />
          <Select
            label={t('pvs.detail.destination')}
            allowDeselect={false}
            data={pvCodesOf('destination').map((d) => ({ value: d, label: label('destination', d) }))}
            {...form.getInputProps('corrections.destination')}
          />
        </Group>
        <DocumentInput
          label={t('pvs.actions.newDocument')}
          description={t('pvs.actions.newDocumentHint')}
          value={form.getValues().corrections.documentSha256}
          onChange={(sha) => form.setFieldValue('corrections.documentSha256', sha)}
          error={form.errors['corrections.documentSha256'] as string | undefined}
        />
        <Textarea
          label={t('pvs.actions.correctionNote')}
          description={t('pvs.actions.correctionNoteHint')}
          withAsterisk
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('correctionNote')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('pvs.actions.resubmitSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
