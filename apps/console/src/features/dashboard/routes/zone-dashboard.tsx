import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { PageTitle } from '@/components/page-title';
import { RequireRoles } from '@/components/require-roles';
import { useCodeLabel } from '@/lib/i18n/codes';
import { dayjs, formatDateTime, todayInBrussels } from '@/lib/i18n/dates';
import { DASHBOARD_ROLES } from '../access';
import {
  INTAKE_WEEKS,
  useCaseStatistics,
  useComplaintStatistics,
  useEvidenceStatistics,
  useIntakeByChannelAndWeek,
  usePvStatistics,
} from '../api/dashboard.api';
import { FigureCard } from '../components/figure-card';

const COLORS = ['blue.9', 'teal.9', 'orange.9', 'grape.9', 'red.9', 'cyan.9', 'indigo.9', 'lime.9'];
const AGES = ['under30', 'from30to89', 'from90to179', 'from180'] as const;
const AGE_COLORS = ['teal.8', 'yellow.8', 'orange.9', 'red.9'];

function IntakeCard() {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const today = todayInBrussels();
  // The Monday of the week INTAKE_WEEKS - 1 weeks back: whole weeks, the current one included.
  const monday = dayjs(today).subtract((dayjs(today).day() + 6) % 7, 'day');
  const from = monday.subtract(INTAKE_WEEKS - 1, 'week').format('YYYY-MM-DD');
  const stats = useIntakeByChannelAndWeek(from, today);
  const groups = stats.data?.groups ?? [];
  const channels = [...new Set(groups.map((g) => g.key.channel ?? '-'))].sort();
  const weeks = [...new Set(groups.map((g) => g.key.week ?? '-'))].sort();
  const weekLabel = (w: string) => t('dashboard.intake.weekLabel', { week: `${Number(w.split('-W')[1])}` });
  const rows = weeks.map((w) => {
    const row: Record<string, string | number> = { week: weekLabel(w) };
    let total = 0;
    for (const c of channels) {
      const n = groups.find((g) => g.key.week === w && (g.key.channel ?? '-') === c)?.count ?? 0;
      row[c] = n;
      total += n;
    }
    row.total = total;
    return row;
  });
  const top = [...rows].sort((a, b) => Number(b.total) - Number(a.total))[0];
  const summary = stats.data
    ? top
      ? t('dashboard.intake.summary', { count: stats.data.total, weeks: INTAKE_WEEKS, top: top.week, topCount: top.total })
      : t('dashboard.intake.empty')
    : undefined;
  return (
    <FigureCard id="dash-intake" title={t('dashboard.intake.title')} query={stats} summary={summary}>
      {rows.length > 0 && (
        <>
          <div role="img" aria-label={summary}>
            <BarChart
              h={240}
              data={rows}
              dataKey="week"
              type="stacked"
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              series={channels.map((c, i) => ({ name: c, label: code('channel', c), color: COLORS[i % COLORS.length] }))}
              yAxisProps={{ allowDecimals: false }}
              tooltipAnimationDuration={0}
            />
          </div>
          <Table.ScrollContainer minWidth={360} type="native" mt="xs">
            <Table withTableBorder verticalSpacing={4} fz="sm" aria-labelledby="dash-intake">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.intake.week')}</Table.Th>
                  {channels.map((c) => (
                    <Table.Th key={c} ta="right">
                      {code('channel', c)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('dashboard.intake.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={String(r.week)}>
                    <Table.Td>{r.week}</Table.Td>
                    {channels.map((c) => (
                      <Table.Td key={c} ta="right">
                        {r[c]}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={600}>
                      {r.total}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </FigureCard>
  );
}

function PvCard() {
  const { t } = useTranslation();
  const stats = usePvStatistics();
  const stages = (stats.data?.stages ?? []).filter((s) => s.stage !== 'completed');
  const waiting = stages.find((s) => s.stage === 'quality_check')?.count ?? 0;
  const summary = stats.data ? t('dashboard.pvs.summary', { count: waiting }) : undefined;
  const rows = stages.map((s) => ({ label: t(`dashboard.pvs.stages.${s.stage}`), count: s.count }));
  return (
    <FigureCard id="dash-pvs" title={t('dashboard.pvs.title')} query={stats} summary={summary}>
      {stats.data && (
        <>
          <div role="img" aria-label={summary}>
            <BarChart
              h={200}
              data={rows}
              dataKey="label"
              orientation="vertical"
              series={[{ name: 'count', label: t('dashboard.pvs.count'), color: 'blue.9' }]}
              yAxisProps={{ width: 190 }}
              xAxisProps={{ allowDecimals: false }}
              withBarValueLabel
              tooltipAnimationDuration={0}
            />
          </div>
          <Table withTableBorder verticalSpacing={4} fz="sm" mt="xs" aria-labelledby="dash-pvs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.pvs.stage')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.pvs.count')}</Table.Th>
                <Table.Th>{t('dashboard.pvs.oldest')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stages.map((s) => (
                <Table.Tr key={s.stage}>
                  <Table.Td>{t(`dashboard.pvs.stages.${s.stage}`)}</Table.Td>
                  <Table.Td ta="right">{s.count}</Table.Td>
                  <Table.Td>
                    <DateTime value={s.oldestSince} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </FigureCard>
  );
}

function CasesCard() {
  const { t } = useTranslation();
  const stats = useCaseStatistics();
  const teams = (stats.data?.teams ?? []).filter((tm) => tm.open > 0);
  const idle = (stats.data?.teams ?? []).filter((tm) => tm.open === 0).map((tm) => tm.team);
  const summary = stats.data
    ? t('dashboard.cases.summary', { count: stats.data.open, old: teams.reduce((n, tm) => n + tm.ageDays.from180, 0) })
    : undefined;
  const rows = teams.map((tm) => ({ team: tm.team, ...tm.ageDays }));
  return (
    <FigureCard id="dash-cases" title={t('dashboard.cases.title')} query={stats} summary={summary}>
      {rows.length > 0 && (
        <div role="img" aria-label={summary}>
          <BarChart
            h={Math.max(140, rows.length * 34 + 70)}
            data={rows}
            dataKey="team"
            type="stacked"
            orientation="vertical"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            series={AGES.map((a, i) => ({ name: a, label: t(`dashboard.cases.ages.${a}`), color: AGE_COLORS[i] }))}
            yAxisProps={{ width: 130 }}
            xAxisProps={{ allowDecimals: false }}
            tooltipAnimationDuration={0}
          />
        </div>
      )}
      {teams.length > 0 && (
        <Table.ScrollContainer minWidth={420} type="native" mt="xs">
          <Table withTableBorder verticalSpacing={4} fz="sm" aria-labelledby="dash-cases">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.cases.team')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.cases.open')}</Table.Th>
                {AGES.map((a) => (
                  <Table.Th key={a} ta="right">
                    {t(`dashboard.cases.ages.${a}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((tm) => (
                <Table.Tr key={tm.team}>
                  <Table.Td>{tm.team}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {tm.open}
                  </Table.Td>
                  {AGES.map((a) => (
                    <Table.Td key={a} ta="right">
                      {tm.ageDays[a]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {idle.length > 0 && (
        <Text size="xs" mt="xs" c="dimmed">
          {t('dashboard.cases.noneOpen', { teams: idle.join(', ') })}
        </Text>
      )}
    </FigureCard>
  );
}

function Figure({ label, value, alert }: { label: string; value: number; alert?: boolean }) {
  return (
    <div>
      <Text size="sm">{label}</Text>
      <Text fz={32} fw={700} c={alert && value > 0 ? 'red.9' : undefined}>
        {value}
      </Text>
    </div>
  );
}

function EvidenceCard() {
  const { t } = useTranslation();
  const stats = useEvidenceStatistics();
  return (
    <FigureCard id="dash-evidence" title={t('dashboard.evidence.title')} query={stats}>
      {stats.data && (
        <>
          <Group gap="xl">
            <Figure label={t('dashboard.evidence.checkedOut')} value={stats.data.checkedOut} />
            <Figure label={t('dashboard.evidence.overdue')} value={stats.data.overdue} alert />
          </Group>
          <Text size="sm" mt="xs">
            {stats.data.oldestDueAt
              ? t('dashboard.evidence.oldest', { at: formatDateTime(stats.data.oldestDueAt) })
              : t('dashboard.evidence.none')}
          </Text>
        </>
      )}
    </FigureCard>
  );
}

function ComplaintsCard() {
  const { t } = useTranslation();
  const stats = useComplaintStatistics();
  const summary = stats.data ? t('dashboard.complaints.summary', { count: stats.data.total, overdue: stats.data.overdue }) : undefined;
  const phases = (stats.data?.phases ?? []).map((p) => ({ label: t(`dashboard.complaints.phases.${p.phase}`), count: p.count }));
  return (
    <FigureCard id="dash-complaints" title={t('dashboard.complaints.title')} query={stats} summary={summary}>
      {stats.data && (
        <>
          <div role="img" aria-label={summary}>
            <BarChart
              h={170}
              data={phases}
              dataKey="label"
              orientation="vertical"
              series={[{ name: 'count', label: t('dashboard.complaints.count'), color: 'grape.9' }]}
              yAxisProps={{ width: 190 }}
              xAxisProps={{ allowDecimals: false }}
              withBarValueLabel
              tooltipAnimationDuration={0}
            />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            <Table withTableBorder verticalSpacing={4} fz="sm" aria-labelledby="dash-complaints">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.complaints.phase')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.complaints.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stats.data.phases.map((p) => (
                  <Table.Tr key={p.phase}>
                    <Table.Td>{t(`dashboard.complaints.phases.${p.phase}`)}</Table.Td>
                    <Table.Td ta="right">{p.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table withTableBorder verticalSpacing={4} fz="sm" aria-label={t('dashboard.complaints.overdueTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.complaints.step')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.complaints.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stats.data.overdueSteps.map((s) => (
                  <Table.Tr key={s.step}>
                    <Table.Td>{t(`dashboard.complaints.steps.${s.step}`)}</Table.Td>
                    <Table.Td ta="right" c={s.count > 0 ? 'red.9' : undefined} fw={s.count > 0 ? 700 : undefined}>
                      {s.count}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SimpleGrid>
        </>
      )}
    </FigureCard>
  );
}

function DashboardScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <PageTitle>{t('dashboard.title')}</PageTitle>
        <Text size="sm">{t('dashboard.intro')}</Text>
      </div>
      <IntakeCard />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PvCard />
        <EvidenceCard />
      </SimpleGrid>
      <CasesCard />
      <ComplaintsCard />
      <Text size="xs" c="dimmed">
        {t('dashboard.updated', { at: formatDateTime(new Date().toISOString()) })}
      </Text>
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={DASHBOARD_ROLES}>
      <DashboardScreen />
    </RequireRoles>
  );
}
