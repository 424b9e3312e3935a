import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/page-title';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('app.notFound.title')}</PageTitle>
      <Text mb="sm">{t('app.notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('app.notFound.home')}
      </Anchor>
    </>
  );
}
