import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifySuccess } from '@/components/notify';
import { PageTitle } from '@/components/page-title';
import { RequireRoles } from '@/components/require-roles';
import { INVESTIGATION_WRITER_ROLES } from '../access';
import { OpenForm } from '../components/open-form';

function CaseOpenScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/investigations" size="sm">
        {t('investigations.file.backToList')}
      </Anchor>
      <PageTitle>{t('investigations.open.title')}</PageTitle>
      <Text size="sm">{t('investigations.open.intro')}</Text>
      <OpenForm
        onOpened={(answer) => {
          notifySuccess(t('investigations.open.done'));
          navigate(`/investigations/${answer.id}`);
        }}
      />
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={INVESTIGATION_WRITER_ROLES}>
      <CaseOpenScreen />
    </RequireRoles>
  );
}
