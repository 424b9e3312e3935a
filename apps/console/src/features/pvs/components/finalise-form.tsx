import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { usePvNumberFormat } from '../api/pvs.api';
import type { Take } from './take';

/**
 * GAK finalises the approved PV under its number. The zone's pattern is checked here first, with the
 * expected format beside the field; the service checks it again and its refusal lands on the same field.
 */
export function FinaliseForm({ take, pending }: { take: Take; pending: boolean }) {
  const { t } = useTranslation();
  const format = usePvNumberFormat();
  const pattern = format.data ? new RegExp(format.data.pattern) : null;
  const form = useForm<{ pvNumber: string }>({
    initialValues: { pvNumber: '' },
    validate: {
      pvNumber: (v) => {
        if (!v.trim()) return t('pvs.draft.required');
        return pattern && !pattern.test(v.trim()) ? t('pvs.actions.pvNumberInvalid') : null;
      },
    },
  });
  const hint = format.data
    ? format.data.example
      ? t('pvs.actions.pvNumberFormat', { example: format.data.example })
      : t('pvs.actions.pvNumberPattern', { pattern: format.data.pattern })
    : undefined;
  const submit = form.onSubmit((v) => {
    const pvNumber = v.pvNumber.trim();
    take({ kind: 'finalisation', body: { pvNumber } }, t('pvs.actions.finalised', { number: pvNumber }), form);
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('pvs.actions.finalise')}>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('pvs.actions.pvNumber')}
          description={hint}
          withAsterisk
          autoComplete="off"
          spellCheck={false}
          style={{ flex: '1 1 260px' }}
          {...form.getInputProps('pvNumber')}
        />
        <Button type="submit" mt={hint ? 42 : 24} loading={pending}>
          {t('pvs.actions.finaliseSubmit')}
        </Button>
      </Group>
    </form>
  );
}
