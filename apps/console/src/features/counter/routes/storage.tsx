import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { STORAGE_ROLES } from '../access';
import { useItems, useReference } from '../api/counter.api';
import { ItemLookup } from '../components/item-lookup';
import { ItemTable } from '../components/item-table';
import { LocationForm, locationFilter } from '../components/location-form';

/** What lies at a place in the evidence rooms (the place in the address, so it can be bookmarked per shelf). */
function StorageScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const reference = useReference();
  const location = params.get('location') ?? '';
  const items = useItems({ location, status: 'held', limit: 200 }, location !== '');
  const [room = '', locker, shelf] = location.split(' / ');
  return (
    <Stack gap="md">
      <PageTitle>{t('counter.storage.title')}</PageTitle>
      <Text size="sm">{t('counter.storage.intro')}</Text>
      <ItemLookup />
      <LocationForm
        key={location || reference.data?.storageRooms[0]?.name}
        initial={{
          room: room || (reference.data?.storageRooms[0]?.name ?? ''),
          ...(locker ? { locker } : {}),
          ...(shelf ? { shelf } : {}),
        }}
        submitLabel={t('counter.storage.show')}
        onSubmit={(l) => setParams({ location: locationFilter(l) })}
      />
      {items.isError && <ProblemAlert error={items.error} />}
      {items.data &&
        (items.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('counter.storage.empty')}
          </Text>
        ) : (
          <ItemTable
            items={items.data.items}
            caption={t('counter.storage.caption', { count: items.data.items.length, location })}
            extra={[
              {
                header: t('counter.list.location'),
                cell: (e) =>
                  e.whereabouts === 'checked_out' ? (
                    <Text size="sm">
                      {t('counter.storage.checkedOut')} — <DateTime value={e.expectedReturnAt} />
                    </Text>
                  ) : (
                    e.location
                  ),
              },
            ]}
          />
        ))}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={STORAGE_ROLES}>
      <StorageScreen />
    </RequireRoles>
  );
}
