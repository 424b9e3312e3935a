import { Alert, Group, Loader, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPagination } from '@/components/list-pagination';
import { PageTitle } from '@/components/page-title';
import { pageOf, useListParams } from '@/lib/list';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { useUser } from '@/lib/auth';
import { GAK_CAPABLE_ROLES, isGak } from '../access';
import { PAGE_SIZE, PvDestination, PvQueueStage, usePvQueue } from '../api/pvs.api';
import { pvCodesOf, usePvLabel } from '../codes';
import { PvQueueTable } from '../components/pv-queue-table';

const ALL = 'all';

function PvQueueScreen() {
  const { t } = useTranslation();
  const label = usePvLabel();
  const [params, set] = useListParams();
  // The queue opens on what GAK does first: the PVs waiting for their quality check.
  const stageParam = params.get('stage') ?? 'quality_check';
  const stage = stageParam === ALL ? undefined : (stageParam as PvQueueStage);
  const destination = (params.get('destination') as PvDestination | null) ?? undefined;
  const offenceType = params.get('offenceType') ?? undefined;
  const order = params.get('order') === 'newest' ? 'newest' : 'oldest';
  const page = pageOf(params);
  const queue = usePvQueue({ stage, destination, offenceType, order, offset: (page - 1) * PAGE_SIZE });
  const [text, setText] = useState(offenceType ?? '');
  const setOffenceType = useDebouncedCallback((v: string) => set('offenceType', v.trim() || null), 350);
  const items = queue.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('pvs.queue.title')}</PageTitle>
      <Text size="sm" mb="md">
        {t('pvs.queue.intro')}
      </Text>
      <Group mb="md" gap="sm" align="flex-end">
        <Select
          label={t('pvs.queue.stage')}
          allowDeselect={false}
          value={stage ?? ALL}
          onChange={(v) => set('stage', v)}
          data={[
            ...pvCodesOf('stage').map((s) => ({ value: s, label: label('stage', s) })),
            { value: ALL, label: t('pvs.queue.stageAll') },
          ]}
          w={240}
        />
        <Select
          label={t('pvs.queue.destination')}
          placeholder={t('pvs.queue.destinationAll')}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          value={destination ?? null}
          onChange={(v) => set('destination', v)}
          data={pvCodesOf('destination').map((d) => ({ value: d, label: label('destination', d) }))}
          w={180}
        />
        <TextInput
          label={t('pvs.queue.offenceType')}
          placeholder={t('pvs.queue.offenceTypeHint')}
          value={text}
          maxLength={100}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setOffenceType(e.currentTarget.value);
          }}
          w={220}
        />
        {queue.isFetching && <Loader size="sm" aria-label={t('app.loading')} />}
      </Group>
      {queue.isError && <ProblemAlert error={queue.error} />}
      {queue.isPending && <Text>{t('app.loading')}</Text>}
      {queue.isSuccess && items.length === 0 && <Text>{t('pvs.queue.empty')}</Text>}
      {items.length > 0 && (
        <PvQueueTable
          items={items}
          order={order}
          onToggleOrder={() => set('order', order === 'oldest' ? 'newest' : null)}
          now={queue.dataUpdatedAt}
          showStages={stage === undefined}
        />
      )}
      <ListPagination page={page} shown={items.length} pageSize={PAGE_SIZE} onChange={(p) => set('page', String(p))} />
    </>
  );
}

/** The queue is GAK's: other roles and teams get the refusal the API would give, in words. */
function RequireGak({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  if (!isGak(user)) {
    return (
      <Alert color="red.9" variant="outline" role="alert" title={t('problems.title')}>
        {t('pvs.queue.forbidden')}
      </Alert>
    );
  }
  return <>{children}</>;
}

export function Component() {
  return (
    <RequireRoles roles={GAK_CAPABLE_ROLES}>
      <RequireGak>
        <PvQueueScreen />
      </RequireGak>
    </RequireRoles>
  );
}
