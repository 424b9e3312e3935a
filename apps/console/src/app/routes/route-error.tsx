import { Alert, Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** When a screen fails to render or to load its code (a new build replaced it): offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Alert color="red.9" variant="outline" role="alert" title={t('app.error.title')}>
        {t('app.error.body')}
        <Button mt="sm" size="xs" display="block" onClick={() => window.location.reload()}>
          {t('app.error.retry')}
        </Button>
      </Alert>
    </Center>
  );
}
