import { ActionIcon, Button, Fieldset, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Take } from './take';

const MAX_REASONS = 20;

/** GAK's rejection: one or more reasons, each what the author must correct (the API's `reasons: string[]`). */
export function RejectForm({ take, pending, onCancel }: { take: Take; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ reasons: string[] }>({
    initialValues: { reasons: [''] },
    validate: (values) =>
      Object.fromEntries(values.reasons.flatMap((r, i) => (r.trim() ? [] : [[`reasons.${i}`, t('pvs.draft.required')]]))),
  });
  const submit = form.onSubmit((v) => {
    const reasons = v.reasons.map((r) => r.trim()).filter(Boolean);
    take({ kind: 'quality-check', body: { outcome: 'rejected', reasons } }, t('pvs.actions.rejected'), form);
  });
  const reasons = form.getValues().reasons;
  return (
    <form onSubmit={submit} noValidate aria-label={t('pvs.actions.reject')}>
      <Fieldset legend={t('pvs.actions.reasons')} variant="unstyled">
        <Text size="xs" c="dimmed" mb="xs">
          {t('pvs.actions.reasonsHint')}
        </Text>
        <Stack gap="xs">
          {reasons.map((_, i) => (
            <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
              <Textarea
                label={t('pvs.actions.reason', { n: i + 1 })}
                withAsterisk={i === 0}
                autosize
                minRows={2}
                maxRows={6}
                style={{ flex: 1 }}
                {...form.getInputProps(`reasons.${i}`)}
              />
              {reasons.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  mt={26}
                  aria-label={t('pvs.actions.removeReason', { n: i + 1 })}
                  onClick={() => form.removeListItem('reasons', i)}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          {typeof form.errors.reasons === 'string' && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {form.errors.reasons}
            </Text>
          )}
          <Group justify="space-between">
            <Button variant="default" size="xs" disabled={reasons.length >= MAX_REASONS} onClick={() => form.insertListItem('reasons', '')}>
              {t('pvs.actions.addReason')}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={pending}>
                {t('pvs.actions.rejectSubmit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
