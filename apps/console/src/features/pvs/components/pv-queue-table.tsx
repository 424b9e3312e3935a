import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { formatDateTime } from '@/lib/i18n/dates';
import type { PvQueueEntry } from '../api/pvs.api';
import { usePvLabel } from '../codes';
import { Staff } from './staff';

const DAY = 24 * 60 * 60 * 1000;

/** GAK's queue: dense, sortable by waiting time, each line opening its PV. */
export function PvQueueTable(props: {
  items: PvQueueEntry[];
  order: 'oldest' | 'newest';
  onToggleOrder: () => void;
  now: number;
  showStages: boolean;
}) {
  const { items, order, onToggleOrder, now, showStages } = props;
  const { t } = useTranslation();
  const label = usePvLabel();
  const age = (since: string) => {
    const days = Math.floor(Math.max(0, now - Date.parse(since)) / DAY);
    return days === 0 ? t('pvs.queue.today') : t('pvs.queue.age', { count: days });
  };
  return (
    <Table.ScrollContainer minWidth={showStages ? 800 : 680}>
      <Table striped highlightOnHover stickyHeader>
        <Table.Caption>{t('pvs.queue.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th aria-sort={order === 'oldest' ? 'ascending' : 'descending'}>
              <UnstyledButton
                onClick={onToggleOrder}
                fw={700}
                fz="sm"
                aria-label={t('pvs.queue.sort.toggle', { order: t(`pvs.queue.sort.${order}`) })}
              >
                {t('pvs.queue.columns.since')} {order === 'oldest' ? '▲' : '▼'}
              </UnstyledButton>
            </Table.Th>
            <Table.Th>{t('pvs.queue.columns.pv')}</Table.Th>
            <Table.Th>{t('pvs.queue.columns.offenceType')}</Table.Th>
            <Table.Th>{t('pvs.queue.columns.qualification')}</Table.Th>
            <Table.Th>{t('pvs.queue.columns.destination')}</Table.Th>
            <Table.Th>{t('pvs.queue.columns.author')}</Table.Th>
            {showStages && <Table.Th>{t('pvs.queue.columns.stages')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.pvId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor
                  component={Link}
                  to={`/pvs/${p.pvId}`}
                  size="sm"
                  aria-label={t('pvs.queue.open', { what: `${p.pvNumber ?? p.offenceType}, ${formatDateTime(p.statusSince)}` })}
                >
                  <DateTime value={p.statusSince} />
                </Anchor>
                <Text size="xs" c="dimmed">
                  {age(p.statusSince)}
                </Text>
              </Table.Td>
              <Table.Td>
                {p.pvNumber ?? (
                  <Text span size="sm" c="dimmed">
                    {t('pvs.queue.noNumber')}
                  </Text>
                )}
                {p.round > 1 && (
                  <Text size="xs" c="dimmed">
                    {t('pvs.history.round', { round: p.round })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{p.offenceType}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} title={p.legalQualification}>
                  {p.legalQualification}
                </Text>
              </Table.Td>
              <Table.Td>{label('destination', p.destination)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Staff id={p.author} />
              </Table.Td>
              {showStages && <Table.Td>{p.stages.map((s) => label('stage', s)).join(', ')}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
