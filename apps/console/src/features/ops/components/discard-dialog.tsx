import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '@/components/form-dialog';
import { OpsService, useDiscard } from '../api/ops.api';

/** Gives a parked message up: a reason is required (the API refuses a blank one, beside the field). */
export function DiscardDialog({ service, id, onClose }: { service: OpsService; id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const discard = useDiscard(service);
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim() === '' ? t('problems.codes.required') : null) },
  });
  return (
    <FormDialog
      title={t('ops.parked.discardTitle', { id })}
      onClose={onClose}
      form={form}
      send={(v) => discard.mutateAsync({ id, reason: v.reason })}
      pending={discard.isPending}
      submitLabel={t('ops.parked.discardSubmit')}
      done={t('ops.parked.discarded')}
      danger
    >
      <Text size="sm">{t('ops.parked.discardIntro')}</Text>
      <Textarea label={t('ops.parked.discardReason')} required autosize minRows={3} maxLength={1000} {...form.getInputProps('reason')} />
    </FormDialog>
  );
}
