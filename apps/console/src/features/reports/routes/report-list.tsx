import '@mantine/dates/styles.css';
import type { ParseKeys } from 'i18next';
import { Button, Group, Loader, Select, SimpleGrid, Text } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListPagination } from '@/components/list-pagination';
import { PageTitle } from '@/components/page-title';
import { pageOf, useListParams } from '@/lib/list';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { hasAnyRole, useUser } from '@/lib/auth';
import { codesOf, useCodeLabel } from '@/lib/i18n/codes';
import { useCalendarLabels } from '@/lib/i18n/calendar';
import { brusselsDayStart, dayjs } from '@/lib/i18n/dates';
import { REPORT_INTAKE_ROLES, REPORT_READER_ROLES } from '../access';
import { PAGE_SIZE, ReportFilters, useReportList, useReportsReference } from '../api/reports.api';
import type { ChannelKind, ReportKind, ReportListStatus } from '../api/reports.types';
import { ReportTable } from '../components/report-table';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTERS = ['status', 'kind', 'channel', 'office', 'from', 'to'] as const;

/** The filters as the URL keeps them (so a filtered list can be bookmarked and shared), and as the API takes them. */
function filtersOf(params: URLSearchParams): { shown: Record<string, string | undefined>; query: ReportFilters; page: number } {
  const get = (k: string) => params.get(k) ?? undefined;
  const day = (k: string) => (DAY.test(params.get(k) ?? '') ? params.get(k)! : undefined);
  const page = pageOf(params);
  const from = day('from');
  const to = day('to');
  return {
    shown: { status: get('status'), kind: get('kind'), channel: get('channel'), office: get('office'), from, to },
    page,
    query: {
      status: get('status') as ReportListStatus | undefined,
      kind: get('kind') as ReportKind | undefined,
      channel: get('channel') as ChannelKind | undefined,
      office: get('office'),
      // Belgian days: from the start of the first, before the start of the day after the last.
      ...(from ? { from: brusselsDayStart(from) } : {}),
      ...(to ? { to: brusselsDayStart(dayjs(to).add(1, 'day').format('YYYY-MM-DD')) } : {}),
      offset: (page - 1) * PAGE_SIZE,
    },
  };
}

function ReportListScreen() {
  const { t, i18n } = useTranslation();
  const label = useCodeLabel();
  const user = useUser();
  const [params, set] = useListParams();
  const [, setParams] = useSearchParams();
  const { shown, query, page } = filtersOf(params);
  const list = useReportList(query);
  const reference = useReportsReference();
  const filtered = FILTERS.some((k) => shown[k]);
  const ariaLabels = useCalendarLabels();
  const items = list.data?.items ?? [];
  const select = (key: string, labelKey: ParseKeys, data: { value: string; label: string }[]) => (
    <Select
      label={t(labelKey)}
      placeholder={t('reports.list.all')}
      clearable
      value={shown[key] ?? null}
      onChange={(v) => set(key, v)}
      data={data}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
  const dayInput = (key: 'from' | 'to', labelKey: ParseKeys) => (
    <DateInput
      label={t(labelKey)}
      valueFormat="DD/MM/YYYY"
      placeholder={t('reports.list.dayPlaceholder')}
      ariaLabels={ariaLabels}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      value={shown[key] ?? null}
      onChange={(v) => set(key, v ? dayjs(v).format('YYYY-MM-DD') : null)}
    />
  );
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('reports.list.title')}</PageTitle>
        {hasAnyRole(user, REPORT_INTAKE_ROLES) && (
          <Button component={Link} to="/reports/new">
            {t('reports.list.new')}
          </Button>
        )}
      </Group>
      <section aria-label={t('reports.list.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, xl: 6 }} spacing="sm" mb="xs">
          {select(
            'status',
            'reports.list.filterStatus',
            codesOf('reportStatus').map((s) => ({ value: s, label: label('reportStatus', s) })),
          )}
          {select(
            'kind',
            'reports.list.filterKind',
            codesOf('reportKind').map((k) => ({ value: k, label: label('reportKind', k) })),
          )}
          {select(
            'channel',
            'reports.list.filterChannel',
            codesOf('channel').map((c) => ({ value: c, label: label('channel', c) })),
          )}
          {select(
            'office',
            'reports.list.filterOffice',
            (reference.data?.offices ?? []).map((o) => ({ value: o.id, label: o.name })),
          )}
          {dayInput('from', 'reports.list.filterFrom')}
          {dayInput('to', 'reports.list.filterTo')}
        </SimpleGrid>
        <Group mb="md" gap="sm" mih={30}>
          {filtered && (
            <Button variant="default" size="xs" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('reports.list.clearFilters')}
            </Button>
          )}
          {items.length > 0 && (
            <Text size="sm" role="status">
              {t('reports.list.pageInfo', { from: (page - 1) * PAGE_SIZE + 1, to: (page - 1) * PAGE_SIZE + items.length })}
            </Text>
          )}
          {list.isFetching && <Loader size="sm" aria-label={t('app.loading')} />}
        </Group>
      </section>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending && <Text>{t('app.loading')}</Text>}
      {list.isSuccess && items.length === 0 && <Text>{filtered ? t('reports.list.emptyFiltered') : t('reports.list.empty')}</Text>}
      {items.length > 0 && <ReportTable items={items} reference={reference.data} />}
      <ListPagination page={page} shown={items.length} pageSize={PAGE_SIZE} onChange={(p) => set('page', String(p))} />
    </DatesProvider>
  );
}

export function Component() {
  return (
    <RequireRoles roles={REPORT_READER_ROLES}>
      <ReportListScreen />
    </RequireRoles>
  );
}
