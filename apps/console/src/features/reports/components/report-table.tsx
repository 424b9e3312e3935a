import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportListEntry, ReportsReference } from '../api/reports.types';
import { DateTime } from '@/components/date-time';
import { formatDateTime } from '@/lib/i18n/dates';
import { useCodeLabel } from '@/lib/i18n/codes';
import { UrgentBadge, useChannelAndOffice } from './report-cells';

/** The reports list: dense, newest first, each line opening its report. */
export function ReportTable({ items, reference }: { items: ReportListEntry[]; reference?: ReportsReference }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const channelAndOffice = useChannelAndOffice(reference);
  const service = (id: string | null) => (id ? (reference?.services.find((s) => s.id === id)?.name ?? id) : '');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover stickyHeader>
        <Table.Caption>{t('reports.list.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.list.columns.receivedAt')}</Table.Th>
            <Table.Th>{t('reports.list.columns.kind')}</Table.Th>
            <Table.Th>{t('reports.list.columns.incidentType')}</Table.Th>
            <Table.Th>{t('reports.list.columns.channelOffice')}</Table.Th>
            <Table.Th>{t('reports.list.columns.status')}</Table.Th>
            <Table.Th>{t('reports.list.columns.service')}</Table.Th>
            <Table.Th ta="right">{t('reports.list.columns.pvs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) =>
            r.status === 'routed_to_integrity' && !('kind' in r) ? (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/reports/${r.id}`}
                    size="sm"
                    style={{ whiteSpace: 'nowrap' }}
                    aria-label={t('reports.list.openRouted', { date: formatDateTime(r.routedAt) })}
                  >
                    <DateTime value={r.routedAt} />
                  </Anchor>
                </Table.Td>
                <Table.Td colSpan={6}>
                  <Text size="sm">{t('reports.list.routed')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              'kind' in r && (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/reports/${r.id}`}
                      size="sm"
                      style={{ whiteSpace: 'nowrap' }}
                      aria-label={t('reports.list.openReport', { date: formatDateTime(r.receivedAt) })}
                    >
                      <DateTime value={r.receivedAt} />
                    </Anchor>
                    {r.urgent && <UrgentBadge />}
                  </Table.Td>
                  <Table.Td>{label('reportKind', r.kind)}</Table.Td>
                  <Table.Td>{r.incidentType ?? ''}</Table.Td>
                  <Table.Td>{channelAndOffice(r.channel, r.office)}</Table.Td>
                  <Table.Td>{label('reportStatus', r.status)}</Table.Td>
                  <Table.Td>{service(r.assignedServiceId)}</Table.Td>
                  <Table.Td ta="right">{r.pvCount}</Table.Td>
                </Table.Tr>
              )
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
