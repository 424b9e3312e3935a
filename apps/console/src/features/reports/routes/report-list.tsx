import { Button, Group, Loader, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ReportKind, ReportListStatus } from '@police/api-client';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { hasAnyRole, useUser } from '@/lib/auth';
import { codesOf, useCodeLabel } from '@/lib/i18n/codes';
import { REPORT_INTAKE_ROLES, REPORT_READER_ROLES } from '../access';
import { PAGE_SIZE, useReportList, useReportsReference } from '../api/reports.api';
import { ReportTable } from '../components/report-table';

function ReportListScreen() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ReportListStatus | null) ?? undefined;
  const kind = (params.get('kind') as ReportKind | null) ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useReportList({ status, kind, offset: (page - 1) * PAGE_SIZE });
  const reference = useReportsReference();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const items = list.data?.items ?? [];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('reports.list.title')}</PageTitle>
        {hasAnyRole(user, REPORT_INTAKE_ROLES) && (
          <Button component={Link} to="/reports/new">
            {t('reports.list.new')}
          </Button>
        )}
      </Group>
      <Group mb="md" gap="sm" align="flex-end">
        <Select
          label={t('reports.list.filterStatus')}
          placeholder={t('reports.list.all')}
          clearable
          value={status ?? null}
          onChange={(v) => set('status', v)}
          data={codesOf('reportStatus').map((s) => ({ value: s, label: label('reportStatus', s) }))}
          w={220}
        />
        <Select
          label={t('reports.list.filterKind')}
          placeholder={t('reports.list.all')}
          clearable
          value={kind ?? null}
          onChange={(v) => set('kind', v)}
          data={codesOf('reportKind').map((k) => ({ value: k, label: label('reportKind', k) }))}
          w={260}
        />
        {list.isFetching && <Loader size="sm" aria-label={t('app.loading')} />}
      </Group>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending && <Text>{t('app.loading')}</Text>}
      {list.isSuccess && items.length === 0 && <Text>{t('reports.list.empty')}</Text>}
      {items.length > 0 && <ReportTable items={items} reference={reference.data} />}
      {(page > 1 || items.length === PAGE_SIZE) && (
        <Pagination
          mt="md"
          total={items.length === PAGE_SIZE ? page + 1 : page}
          value={page}
          onChange={(p) => set('page', String(p))}
          getControlProps={(control) => ({ 'aria-label': control === 'previous' ? t('common.previous') : t('common.next') })}
          getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p }) })}
        />
      )}
    </>
  );
}

export function Component() {
  return (
    <RequireRoles roles={REPORT_READER_ROLES}>
      <ReportListScreen />
    </RequireRoles>
  );
}
