import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { useCodeLabel } from '@/lib/i18n/codes';
import { useCalendarLabels } from '@/lib/i18n/calendar';
import { dayjs, todayInBrussels } from '@/lib/i18n/dates';
import { STATISTICS_ROLES } from '../access';
import { StatisticsFilters, useReportsReference, useStatistics } from '../api/reports.api';
import type { StatisticsDimension } from '../api/reports.types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DIMENSIONS: StatisticsDimension[] = ['kind', 'channel', 'office', 'incidentType', 'week'];

/** The label of one group's key along a dimension: words for codes, office names, weeks. */
function useKeyLabel() {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const reference = useReportsReference();
  return (dimension: StatisticsDimension, key: string | undefined): string => {
    if (!key || key === 'null') return t('reports.statistics.unknown');
    // The service counts a report without an office or an offence under '-'.
    if (key === '-' && dimension === 'office') return t('reports.statistics.noOffice');
    if (key === '-' && dimension === 'incidentType') return t('reports.statistics.noIncidentType');
    switch (dimension) {
      case 'kind':
        return code('reportKind', key);
      case 'channel':
        return code('channel', key);
      case 'office':
        return reference.data?.offices.find((o) => o.id === key)?.name ?? key;
      case 'week': {
        const [year, week] = key.split('-W');
        return week ? t('reports.statistics.weekLabel', { week: `${Number(week)} (${year})` }) : key;
      }
      default:
        return key;
    }
  };
}

/**
 * One dimension's counts as a chart, with the same figures as a table (a choice on the card) and a
 * one-line summary that screen readers get as the chart's name.
 */
function DimensionCard({ dimension, filters }: { dimension: StatisticsDimension; filters: StatisticsFilters }) {
  const { t } = useTranslation();
  const keyLabel = useKeyLabel();
  const stats = useStatistics(dimension, filters);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const title = t(`reports.statistics.dimensions.${dimension}`);
  const rows = (stats.data?.groups ?? []).map((g) => ({ label: keyLabel(dimension, g.key[dimension]), count: g.count }));
  // Weeks in time order; the rest largest first.
  if (dimension !== 'week') rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const top = [...rows].sort((a, b) => b.count - a.count)[0];
  const summary = top
    ? t('reports.statistics.chartSummary', { title, count: rows.length, top: top.label, topCount: top.count })
    : t('reports.statistics.empty');
  const id = `stats-${dimension}`;
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          aria-label={title}
          data={[
            { value: 'chart', label: t('reports.statistics.showChart') },
            { value: 'table', label: t('reports.statistics.showTable') },
          ]}
        />
      </Group>
      {stats.isPending && <Loader size="sm" aria-label={t('reports.statistics.loading')} />}
      {stats.isError && <ProblemAlert error={stats.error} />}
      {stats.data && (
        <>
          <Text size="sm" mb="xs">
            {summary}
          </Text>
          {rows.length > 0 && view === 'chart' && (
            <div role="img" aria-label={summary}>
              <BarChart
                h={dimension === 'week' ? 240 : Math.max(120, rows.length * 36 + 40)}
                data={rows}
                dataKey="label"
                orientation={dimension === 'week' ? 'horizontal' : 'vertical'}
                series={[{ name: 'count', label: t('reports.statistics.count'), color: 'blue.9' }]}
                yAxisProps={dimension === 'week' ? { allowDecimals: false } : { width: 170 }}
                xAxisProps={dimension === 'week' ? undefined : { allowDecimals: false }}
                withBarValueLabel
                tooltipAnimationDuration={0}
              />
            </div>
          )}
          {rows.length > 0 && view === 'table' && (
            <Table aria-labelledby={id}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`reports.statistics.columns.${dimension}`)}</Table.Th>
                  <Table.Th ta="right">{t('reports.statistics.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.label}>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td ta="right">{r.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Card>
  );
}

/** Statistics of the reports for the zone's analysts, the chief and team leads: counts only, no personal data. */
function StatisticsScreen() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const day = (k: string, fallback: string) => (DAY.test(params.get(k) ?? '') ? params.get(k)! : fallback);
  const today = todayInBrussels();
  const filters = { from: day('from', dayjs(today).subtract(12, 'week').format('YYYY-MM-DD')), to: day('to', today) };
  const total = useStatistics('kind', filters);
  const ariaLabels = useCalendarLabels();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, dayjs(value).format('YYYY-MM-DD'));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <Stack gap="md">
        <div>
          <PageTitle>{t('reports.statistics.title')}</PageTitle>
          <Text size="sm">{t('reports.statistics.intro')}</Text>
        </div>
        <Group align="flex-end" gap="sm">
          <DateInput
            label={t('reports.statistics.from')}
            valueFormat="DD/MM/YYYY"
            value={filters.from}
            onChange={(v) => set('from', v)}
            maxDate={filters.to}
            ariaLabels={ariaLabels}
            w={180}
          />
          <DateInput
            label={t('reports.statistics.to')}
            valueFormat="DD/MM/YYYY"
            value={filters.to}
            onChange={(v) => set('to', v)}
            minDate={filters.from}
            ariaLabels={ariaLabels}
            w={180}
          />
          {total.data && (
            <Text size="sm" fw={600} role="status">
              {t('reports.statistics.total', { count: total.data.total })}
            </Text>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {DIMENSIONS.map((d) => (
            <DimensionCard key={d} dimension={d} filters={filters} />
          ))}
        </SimpleGrid>
      </Stack>
    </DatesProvider>
  );
}

export function Component() {
  return (
    <RequireRoles roles={STATISTICS_ROLES}>
      <StatisticsScreen />
    </RequireRoles>
  );
}
