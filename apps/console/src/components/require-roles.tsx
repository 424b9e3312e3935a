import { Alert } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, Role, useUser } from '@/lib/auth';

/**
 * Shows a screen only to the roles that may use it (the API refuses the others anyway; this spares
 * them a screen of errors). Every feature route wraps its screen in it.
 */
export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  if (!hasAnyRole(user, roles)) {
    return (
      <Alert color="red.9" variant="outline" role="alert" title={t('problems.title')}>
        {t('problems.types.forbidden')}
      </Alert>
    );
  }
  return <>{children}</>;
}
