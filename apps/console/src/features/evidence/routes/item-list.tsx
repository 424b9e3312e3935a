import { Button, Group, Loader, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListPagination } from '@/components/list-pagination';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { hasAnyRole, useUser } from '@/lib/auth';
import { pageOf, useListParams } from '@/lib/list';
import { ITEM_READER_ROLES, ITEM_REGISTER_ROLES } from '../access';
import { ItemFilters, PAGE_SIZE, useItemList } from '../api/evidence.api';
import { ItemTable } from '../components/item-table';

const TEXT_FILTERS = ['caseId', 'custodian', 'location'] as const;

/** A text filter that goes to the address (and the API) when the user stops typing or leaves the field. */
function TextFilter({
  name,
  label,
  placeholder,
  value,
  onChange,
}: {
  name: string;
  label: string;
  placeholder?: string;
  value: string;
  onChange: (v: string | null) => void;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onChange(draft.trim() || null), 400);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);
  return (
    <TextInput
      name={name}
      label={label}
      placeholder={placeholder}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => draft !== value && onChange(draft.trim() || null)}
    />
  );
}

function ItemListScreen() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, set] = useListParams();
  const [, setParams] = useSearchParams();
  const page = pageOf(params);
  const get = (k: string) => params.get(k) ?? undefined;
  const status = get('status') as ItemFilters['status'];
  const query: ItemFilters = {
    caseId: get('caseId'),
    custodian: get('custodian'),
    location: get('location'),
    status,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useItemList(query);
  const items = list.data?.items ?? [];
  const filtered = [...TEXT_FILTERS, 'status'].some((k) => params.get(k));
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('evidence.list.title')}</PageTitle>
        <Group gap="sm">
          <Button variant="default" component={Link} to="/evidence/scan">
            {t('evidence.list.scan')}
          </Button>
          {hasAnyRole(user, ITEM_REGISTER_ROLES) && (
            <Button component={Link} to="/evidence/new">
              {t('evidence.list.register')}
            </Button>
          )}
        </Group>
      </Group>
      <section aria-label={t('evidence.list.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="xs">
          <TextFilter
            name="caseId"
            label={t('evidence.list.caseId')}
            placeholder={t('evidence.list.casePlaceholder')}
            value={get('caseId') ?? ''}
            onChange={(v) => set('caseId', v)}
          />
          <Select
            label={t('evidence.list.status')}
            placeholder={t('evidence.list.all')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            value={status ?? null}
            onChange={(v) => set('status', v)}
            data={(['held', 'disposed'] as const).map((s) => ({ value: s, label: t(`evidence.status.${s}`) }))}
          />
          <TextFilter
            name="custodian"
            label={t('evidence.list.custodian')}
            value={get('custodian') ?? ''}
            onChange={(v) => set('custodian', v)}
          />
          <TextFilter
            name="location"
            label={t('evidence.list.location')}
            placeholder={t('evidence.list.locationPlaceholder')}
            value={get('location') ?? ''}
            onChange={(v) => set('location', v)}
          />
        </SimpleGrid>
        <Group mb="md" gap="sm" mih={30}>
          {filtered && (
            <Button variant="default" size="xs" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('evidence.list.clearFilters')}
            </Button>
          )}
          {items.length > 0 && (
            <Text size="sm" role="status">
              {t('evidence.list.pageInfo', { from: (page - 1) * PAGE_SIZE + 1, to: (page - 1) * PAGE_SIZE + items.length })}
            </Text>
          )}
          {list.isFetching && <Loader size="sm" aria-label={t('app.loading')} />}
        </Group>
      </section>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending && <Text>{t('app.loading')}</Text>}
      {list.isSuccess && items.length === 0 && <Text>{filtered ? t('evidence.list.emptyFiltered') : t('evidence.list.empty')}</Text>}
      {items.length > 0 && <ItemTable items={items} />}
      <ListPagination page={page} shown={items.length} pageSize={PAGE_SIZE} onChange={(p) => set('page', String(p))} />
    </>
  );
}

export function Component() {
  return (
    <RequireRoles roles={ITEM_READER_ROLES}>
      <ItemListScreen />
    </RequireRoles>
  );
}
