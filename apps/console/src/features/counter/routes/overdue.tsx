import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { OVERDUE_ROLES } from '../access';
import { useOverdue } from '../api/counter.api';
import { ItemTable } from '../components/item-table';
import { useCounterLabel } from '../labels';

/** Checked-out items past their expected return, longest overdue first. */
function OverdueScreen() {
  const { t } = useTranslation();
  const overdue = useOverdue();
  const label = useCounterLabel();
  return (
    <Stack gap="md">
      <PageTitle>{t('counter.overdue.title')}</PageTitle>
      <Text size="sm">{t('counter.overdue.intro')}</Text>
      {overdue.isError && <ProblemAlert error={overdue.error} />}
      {overdue.data &&
        (overdue.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('counter.overdue.empty')}
          </Text>
        ) : (
          <ItemTable
            items={overdue.data.items}
            caption={t('counter.overdue.title')}
            extra={[
              { header: t('counter.list.location'), cell: (e) => e.location },
              {
                header: t('counter.overdue.takenBy'),
                cell: (e) => (e.takenBy ? `${e.takenBy} (${e.checkOutPurpose ? label('checkOutPurpose', e.checkOutPurpose) : '—'})` : '—'),
              },
              {
                header: t('counter.list.expectedReturn'),
                cell: (e) => (
                  <Text size="sm" c="red.9" fw={600}>
                    {t('counter.overdue.late')} <DateTime value={e.expectedReturnAt} />
                  </Text>
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
    <RequireRoles roles={OVERDUE_ROLES}>
      <OverdueScreen />
    </RequireRoles>
  );
}
