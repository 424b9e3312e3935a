import { Anchor, Table, Text } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLabel } from '@/lib/i18n/codes';
import type { ListEntry } from '../api/counter.api';

/**
 * Items as a dense table, each label opening the item's counter actions; `extra` adds the columns a
 * screen needs (where, until when, by whom).
 */
export function ItemTable({
  items,
  caption,
  extra,
}: {
  items: ListEntry[];
  caption: string;
  extra?: { header: string; cell: (e: ListEntry) => ReactNode }[];
}) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('counter.list.label')}</Table.Th>
            <Table.Th>{t('counter.list.description')}</Table.Th>
            {extra?.map((x) => (
              <Table.Th key={x.header}>{x.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/evidence/items/${e.id}/actions`} size="sm">
                  {e.labelNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {code('evidenceCategory', e.category)} — {e.description}
                </Text>
              </Table.Td>
              {extra?.map((x) => (
                <Table.Td key={x.header}>{x.cell(e)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
