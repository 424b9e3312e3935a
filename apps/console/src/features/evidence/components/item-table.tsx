import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/i18n/dates';
import { useCodeLabel } from '@/lib/i18n/codes';
import type { ItemListEntry } from '../api/evidence.api';
import { usePartyLabel } from './words';

/** The desk's items: label (a link to the item), case, category, description, status, custodian and where it is. */
export function ItemTable({ items }: { items: ItemListEntry[] }) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const party = usePartyLabel();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover fz="sm" verticalSpacing={6}>
        <Table.Caption>{t('evidence.list.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evidence.list.columns.label')}</Table.Th>
            <Table.Th>{t('evidence.list.columns.case')}</Table.Th>
            <Table.Th>{t('evidence.list.columns.category')}</Table.Th>
            <Table.Th>{t('evidence.list.columns.description')}</Table.Th>
            <Table.Th>{t('evidence.list.columns.status')}</Table.Th>
            <Table.Th>{t('evidence.list.columns.custodian')}</Table.Th>
            <Table.Th>{t('evidence.list.columns.location')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/evidence/items/${i.id}`} fw={600}>
                  {i.labelNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {i.pvNumber
                  ? t('evidence.item.pv', { pv: i.pvNumber })
                  : i.investigationId
                    ? t('evidence.item.investigation', { id: i.investigationId.slice(0, 8) })
                    : '—'}
              </Table.Td>
              <Table.Td>{code('evidenceCategory', i.category)}</Table.Td>
              <Table.Td style={{ maxWidth: 320 }}>
                <Text size="sm" lineClamp={2}>
                  {i.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge tt="none" variant="filled" color={i.status === 'held' ? 'blue.9' : 'gray.8'}>
                  {t(`evidence.status.${i.status}` as never, { defaultValue: i.status })}
                </Badge>
              </Table.Td>
              <Table.Td>{party(i.custodian)}</Table.Td>
              <Table.Td>
                {i.whereabouts ? t(`evidence.whereabouts.${i.whereabouts}` as never, { defaultValue: i.whereabouts }) : '—'}
                {i.location && (
                  <Text size="xs" c="dimmed">
                    {i.location}
                  </Text>
                )}
                {i.expectedReturnAt && (
                  <Text size="xs" c="dimmed">
                    {t('evidence.list.dueBack', { when: formatDateTime(i.expectedReturnAt) })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
