import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { RequireRoles } from '@/components/require-roles';
import { useCodeLabel } from '@/lib/i18n/codes';
import { ITEM_READER_ROLES } from '../access';
import { useItem } from '../api/counter.api';
import { ItemActions } from '../components/item-actions';

/** One item at the counter: what it is, and what the user may do with it now. */
function ItemScreen() {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const { id = '' } = useParams();
  const item = useItem(id).data?.data.item;
  return (
    <Stack gap="md">
      <Group gap="md">
        <Anchor component={Link} to="/evidence/handovers" size="sm">
          {t('counter.item.toHandovers')}
        </Anchor>
      </Group>
      <PageTitle documentTitle={item ? t('counter.item.title', { label: item.labelNumber }) : t('counter.item.titleLoading')}>
        {item ? t('counter.item.title', { label: item.labelNumber }) : t('counter.item.titleLoading')}
      </PageTitle>
      {item && (
        <Text size="sm">
          {code('evidenceCategory', item.category)} — {item.description} · {t('counter.item.seal', { seal: item.sealNumber })} ·{' '}
          {item.pvNumber ?? item.investigationId}
        </Text>
      )}
      <ItemActions itemId={id} />
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={ITEM_READER_ROLES}>
      <ItemScreen />
    </RequireRoles>
  );
}
