import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { RequireRoles } from '@/components/require-roles';
import { ITEM_REGISTER_ROLES } from '../access';
import { RegisterForm } from '../components/register-form';

function RegisterScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <>
      <PageTitle>{t('evidence.register.title')}</PageTitle>
      <Text size="sm" mb="md">
        {t('evidence.register.intro')}
      </Text>
      <RegisterForm
        investigationId={params.get('investigationId') ?? ''}
        pvNumber={params.get('pvNumber') ?? ''}
        onCreated={(item) => void navigate(`/evidence/items/${item.id}?registered=1`)}
      />
    </>
  );
}

export function Component() {
  return (
    <RequireRoles roles={ITEM_REGISTER_ROLES}>
      <RegisterScreen />
    </RequireRoles>
  );
}
