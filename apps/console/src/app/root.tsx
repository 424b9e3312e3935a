import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { SignInScreen } from '@/features/sign-in';
import { AuthProvider, OIDC_CALLBACK_PATH, useAuth } from '@/lib/auth';
import { Shell } from './shell';

function Gate() {
  const { t } = useTranslation();
  const { config, configError, session } = useAuth();
  const location = useLocation();
  if (configError) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red.9" variant="outline" role="alert" title={t('signIn.failed')}>
          {t('problems.network')}
        </Alert>
      </Center>
    );
  }
  if (!config || (location.pathname === OIDC_CALLBACK_PATH && !session)) {
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs">
          <Loader aria-hidden />
          <Text>{location.pathname === OIDC_CALLBACK_PATH ? t('signIn.callback') : t('app.loading')}</Text>
        </Stack>
      </Center>
    );
  }
  if (!session) return <SignInScreen />;
  return <Shell />;
}

/** The root route: sign-in first (the URL is kept, so a shared link opens after signing in), then the shell. */
export function Root() {
  const navigate = useNavigate();
  const onResumed = useCallback((path: string) => navigate(path, { replace: true }), [navigate]);
  return (
    <AuthProvider onResumed={onResumed}>
      <Gate />
    </AuthProvider>
  );
}
