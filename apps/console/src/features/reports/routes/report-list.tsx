import { Button, Group, Loader, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportKind, ReportListStatus } from '../api/reports.types';
import { ListPagination } from '@/components/list-pagination';
import { PageTitle } from '@/components/page-title';
import { pageOf, useListParams } from '@/lib/list';
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
  const [params, set] = useListParams();
  const status = (params.get('status') as ReportListStatus | null) ?? undefined;
  const kind = (params.get('kind') as ReportKind | null) ?? undefined;
  const page = pageOf(params);
  const list = useReportList({ status, kind, offset: (page - 1) * PAGE_SIZE });
  const reference = useReportsReference();
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
      <ListPagination page={page} shown={items.length} pageSize={PAGE_SIZE} onChange={(p) => set('page', String(p))} />
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
