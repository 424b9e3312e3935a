import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { useCodeLabel } from '@/lib/i18n/codes';
import type { CaseFile } from '../api/investigations.api';
import { ScrollTable } from './scroll-table';
import { Section } from './section';

function AfterClosure({ flagged }: { flagged: boolean }) {
  const { t } = useTranslation();
  return flagged ? (
    <Badge tt="none" ml={4} size="xs" color="red.9" variant="filled">
      {t('investigations.evidence.afterClosure')}
    </Badge>
  ) : null;
}

/**
 * Seized items and lab results as the evidence service linked them to the case (its contracts): what
 * the case file holds of them. Their custody and storage are the evidence desk's.
 */
export function EvidenceTab({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const labels = new Map(file.evidence.map((e) => [e.itemId, e.labelNumber]));
  return (
    <Stack gap="sm">
      <Section title={t('investigations.evidence.items')}>
        {file.evidence.length === 0 ? (
          <Text size="sm">{t('investigations.evidence.noItems')}</Text>
        ) : (
          <ScrollTable minWidth={680} label={t('investigations.evidence.itemsCaption')}>
            <Table fz="sm" verticalSpacing={4} striped>
              <Table.Caption>{t('investigations.evidence.itemsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('investigations.evidence.label')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.category')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.description')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.seizedAt')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.custodian')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.linkedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.evidence.map((e) => (
                  <Table.Tr key={e.itemId}>
                    <Table.Td>
                      {e.labelNumber}
                      {e.pvNumber && (
                        <Text size="xs" c="dimmed">
                          {t('investigations.file.pv', { pv: e.pvNumber })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{code('evidenceCategory', e.category)}</Table.Td>
                    <Table.Td>{e.description}</Table.Td>
                    <Table.Td>
                      <DateTime value={e.seizedAt} />
                    </Table.Td>
                    <Table.Td>{e.custodian}</Table.Td>
                    <Table.Td>
                      <DateTime value={e.linkedAt} />
                      <AfterClosure flagged={e.afterClosure} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Section>
      <Section title={t('investigations.evidence.labResults')}>
        {file.labResults.length === 0 ? (
          <Text size="sm">{t('investigations.evidence.noLabResults')}</Text>
        ) : (
          <ScrollTable minWidth={680} label={t('investigations.evidence.labCaption')}>
            <Table fz="sm" verticalSpacing={4} striped>
              <Table.Caption>{t('investigations.evidence.labCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('investigations.evidence.labReference')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.item')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.laboratory')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.analysis')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.conclusion')}</Table.Th>
                  <Table.Th>{t('investigations.evidence.receivedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.labResults.map((r) => (
                  <Table.Tr key={`${r.itemId}/${r.labReference}`}>
                    <Table.Td>{r.labReference}</Table.Td>
                    <Table.Td>{labels.get(r.itemId) ?? r.itemId.slice(0, 8)}</Table.Td>
                    <Table.Td>{r.laboratory}</Table.Td>
                    <Table.Td>{code('labAnalysis', r.analysis)}</Table.Td>
                    <Table.Td>{code('labConclusion', r.conclusion)}</Table.Td>
                    <Table.Td>
                      <DateTime value={r.receivedAt} />
                      <AfterClosure flagged={r.afterClosure} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Section>
    </Stack>
  );
}
