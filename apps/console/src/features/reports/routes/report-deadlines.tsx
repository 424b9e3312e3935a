import { Anchor, Badge, Button, Card, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { useCodeLabel } from '@/lib/i18n/codes';
import { formatDateTime } from '@/lib/i18n/dates';
import { DEADLINES_ROLES } from '../access';
import { UrgentBadge, useChannelAndOffice } from '../components/report-cells';
import { useDeadlines, useReportsReference } from '../api/reports.api';
import type { Deadlines } from '../api/reports.types';

type Step = Deadlines['reportsAwaitingPv'][number] | Deadlines['pvsAwaitingQualityCheck'][number];

/** When the step is due, and whether it is late: overdue stands out, on time is said in plain text. */
function Due({ step }: { step: Step }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
      <DateTime value={step.dueAt} />
      {step.overdue ? (
        <Badge size="sm" variant="filled" color="red.9">
          {t('reports.deadlines.overdue')}
        </Badge>
      ) : (
        <Text span size="sm">
          {t('reports.deadlines.onTime')}
        </Text>
      )}
    </Group>
  );
}

function Waiting({ step }: { step: Step }) {
  const { t } = useTranslation();
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>
        <DateTime value={step.since} />
      </span>{' '}
      <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        ({step.ageDays === 0 ? t('reports.deadlines.waitingToday') : t('reports.deadlines.waitingDays', { count: step.ageDays })})
      </Text>
    </>
  );
}

function Section({
  id,
  title,
  count,
  overdue,
  children,
}: {
  id: string;
  title: string;
  count: number;
  overdue: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Group gap="sm" mb="sm">
        <Title order={2} size="h4" id={id}>
          {title} ({count})
        </Title>
        {overdue > 0 && (
          <Badge color="red.9" variant="filled">
            {t('reports.deadlines.overdueCount', { count: overdue })}
          </Badge>
        )}
      </Group>
      {count === 0 ? <Text size="sm">{t('reports.deadlines.empty')}</Text> : children}
    </Card>
  );
}

/**
 * The desk's work list: aangiften and klachten waiting for a PV, PVs waiting for GAK's quality
 * control and PVs waiting to be transmitted, each with its due time (the zone's time limits), the
 * most overdue first; a line opens its report.
 */
function DeadlinesScreen() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const deadlines = useDeadlines();
  const reference = useReportsReference();
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const d = deadlines.data;
  const keep = <S extends Step>(list: S[]) => (onlyOverdue ? list.filter((s) => s.overdue) : list);
  const channelAndOffice = useChannelAndOffice(reference.data);
  const head = (columns: ('due' | 'waiting' | 'pv' | 'open' | 'what' | 'where')[]) => (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) => (
          <Table.Th key={c}>{t(`reports.deadlines.columns.${c}`)}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
  const overdue = (list: Step[]) => list.filter((s) => s.overdue).length;
  const pvTable = (list: Deadlines['pvsAwaitingQualityCheck']) => (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        {head(['due', 'waiting', 'pv', 'open'])}
        <Table.Tbody>
          {keep(list).map((p) => (
            <Table.Tr key={p.pvId}>
              <Table.Td>
                <Due step={p} />
              </Table.Td>
              <Table.Td>
                <Waiting step={p} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/pvs/${p.pvId}`} size="sm">
                  {label('pvStatus', p.status)}, {p.pvNumber ?? t('reports.deadlines.noPvNumber')}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/reports/${p.reportId}`}
                  size="sm"
                  aria-label={t('reports.deadlines.openReportOf', { pv: p.pvNumber ?? formatDateTime(p.since) })}
                >
                  {t('reports.deadlines.openReport')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  return (
    <Stack gap="md">
      <div>
        <PageTitle>{t('reports.deadlines.title')}</PageTitle>
        <Text size="sm">{t('reports.deadlines.intro')}</Text>
      </div>
      <Group gap="md">
        {d && (
          <Text size="sm" role="status">
            {t('reports.deadlines.asOf', { date: formatDateTime(d.now) })}
          </Text>
        )}
        <Button size="xs" variant="default" onClick={() => void deadlines.refetch()} loading={deadlines.isFetching}>
          {t('reports.deadlines.refresh')}
        </Button>
        <Switch
          label={t('reports.deadlines.onlyOverdue')}
          checked={onlyOverdue}
          onChange={(e) => setOnlyOverdue(e.currentTarget.checked)}
        />
      </Group>
      {deadlines.isPending && (
        <Group gap="xs">
          <Loader size="sm" aria-hidden />
          <Text>{t('reports.deadlines.loading')}</Text>
        </Group>
      )}
      {deadlines.isError && <ProblemAlert error={deadlines.error} />}
      {d && (
        <>
          <Section
            id="awaiting-pv"
            title={t('reports.deadlines.sections.reportsAwaitingPv')}
            count={keep(d.reportsAwaitingPv).length}
            overdue={overdue(d.reportsAwaitingPv)}
          >
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                {head(['due', 'waiting', 'what', 'where'])}
                <Table.Tbody>
                  {keep(d.reportsAwaitingPv).map((r) => (
                    <Table.Tr key={r.reportId}>
                      <Table.Td>
                        <Due step={r} />
                      </Table.Td>
                      <Table.Td>
                        <Waiting step={r} />
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/reports/${r.reportId}`} size="sm">
                          {[label('reportKind', r.kind), r.incidentType].filter(Boolean).join(': ')}
                        </Anchor>
                        {r.urgent && <UrgentBadge />}
                      </Table.Td>
                      <Table.Td>{channelAndOffice(r.channel, r.officeId)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
          <Section
            id="awaiting-check"
            title={t('reports.deadlines.sections.pvsAwaitingQualityCheck')}
            count={keep(d.pvsAwaitingQualityCheck).length}
            overdue={overdue(d.pvsAwaitingQualityCheck)}
          >
            {pvTable(d.pvsAwaitingQualityCheck)}
          </Section>
          <Section
            id="awaiting-transmission"
            title={t('reports.deadlines.sections.pvsAwaitingTransmission')}
            count={keep(d.pvsAwaitingTransmission).length}
            overdue={overdue(d.pvsAwaitingTransmission)}
          >
            {pvTable(d.pvsAwaitingTransmission)}
          </Section>
        </>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={DEADLINES_ROLES}>
      <DeadlinesScreen />
    </RequireRoles>
  );
}
