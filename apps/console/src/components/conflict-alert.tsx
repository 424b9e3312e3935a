import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Someone changed this meanwhile — reload": what a 412 on an edit shows. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange.9" variant="outline" title={t('conflict.title')} role="alert" data-problem="precondition-failed">
      <Text size="sm" mb="sm">
        {t('conflict.body')}
      </Text>
      <Button size="xs" variant="filled" onClick={onReload}>
        {t('conflict.reload')}
      </Button>
    </Alert>
  );
}
