import { Alert, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { useAuth } from '@/lib/auth';
import { PersonaPicker } from './persona-picker';

/**
 * The first screen: the persona picker of the development issuer, or the button that sends the user to
 * Keycloak. Shown in place of any screen while signed out; the address stays, so after signing in the
 * user is where the link pointed.
 */
export function SignInScreen() {
  const { t } = useTranslation();
  const { config, signedOutReason, signInOidc } = useAuth();
  const location = useLocation();
  useEffect(() => {
    document.title = `${t('signIn.title')} — ${t('app.name')}`;
  }, [t]);
  return (
    <Container size="md" py="xl" component="main" id="main">
      <Group justify="space-between" mb="md" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('app.name')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('app.zone')}
          </Text>
        </div>
        <LanguageSwitch />
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('signIn.title')}
          </Title>
          {signedOutReason === 'ended' && (
            <Alert color="orange.9" variant="outline" role="status">
              {t('signIn.sessionEnded')}
            </Alert>
          )}
          {signedOutReason === 'signed-out' && (
            <Alert color="blue.9" variant="outline" role="status">
              {t('signIn.signedOut')}
            </Alert>
          )}
          {config?.kind === 'dev' && (
            <>
              <Text size="sm">{t('signIn.devIntro')}</Text>
              <PersonaPicker />
            </>
          )}
          {config?.kind === 'oidc' && (
            <>
              <Text size="sm">{t('signIn.oidcIntro')}</Text>
              <Group>
                <Button onClick={() => void signInOidc(`${location.pathname}${location.search}`)}>{t('signIn.oidcButton')}</Button>
              </Group>
            </>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
