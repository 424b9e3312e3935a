import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { breakGlass, Justification, JustificationRequest, justificationProblems } from '@/lib/api';

interface Pending {
  request: JustificationRequest;
  resolve: (j: Justification | null) => void;
}

/**
 * The break-glass dialog: registered once (in the app's providers) as the question the API transport
 * asks when a read answers `403 justification required`. It asks why (at least 3 words, an optional
 * case reference), says that the read is logged and reviewed by oversight, and hands the reason back
 * for the retry. A reason the server still refuses comes back with its fields at fault.
 */
export function BreakGlassDialog() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  const form = useForm<{ text: string; caseRef: string }>({
    initialValues: { text: '', caseRef: '' },
    validate: (v) => {
      const p = justificationProblems({ text: v.text, caseRef: v.caseRef });
      return {
        text: p.text === 'short' ? t('breakGlass.reasonTooShort') : p.text === 'long' ? t('breakGlass.reasonTooLong') : null,
        caseRef: p.caseRef ? t('breakGlass.caseRefInvalid') : null,
      };
    },
  });

  useEffect(
    () =>
      breakGlass.setAsker(
        (request) =>
          new Promise<Justification | null>((resolve) => {
            setPending({ request, resolve });
          }),
      ),
    [],
  );

  useEffect(() => {
    if (!pending) return;
    for (const e of pending.request.problem.errors) {
      if (e.field === 'X-Justification') form.setFieldError('text', e.detail);
      if (e.field === 'X-Justification-Case') form.setFieldError('caseRef', e.detail);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new question arrives
  }, [pending]);

  const answer = (j: Justification | null) => {
    pending?.resolve(j);
    setPending(null);
    if (!j) form.reset();
  };

  return (
    <Modal
      opened={!!pending}
      onClose={() => answer(null)}
      title={t('breakGlass.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {pending && (
        <form
          onSubmit={form.onSubmit((v) => {
            answer({ text: v.text.trim(), ...(v.caseRef.trim() ? { caseRef: v.caseRef.trim() } : {}) });
            form.reset();
          })}
          noValidate
        >
          <Stack gap="sm">
            <Text size="sm">{t('breakGlass.intro')}</Text>
            <Alert color="orange.9" variant="outline">
              <Text size="sm">{t('breakGlass.logged')}</Text>
            </Alert>
            <Textarea
              label={t('breakGlass.reason')}
              description={t('breakGlass.reasonHint')}
              withAsterisk
              autosize
              minRows={3}
              data-autofocus
              {...form.getInputProps('text')}
            />
            <TextInput label={t('breakGlass.caseRef')} description={t('breakGlass.caseRefHint')} {...form.getInputProps('caseRef')} />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => answer(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('breakGlass.submit')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
