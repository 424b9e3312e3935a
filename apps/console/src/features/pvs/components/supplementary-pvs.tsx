import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDateTime } from '@/lib/i18n/dates';
import { useCodeLabel } from '@/lib/i18n/codes';
import { useReportPvs } from '../api/pvs.api';
import { Section } from '@/components/section';

/** The supplementary PVs that add to this finalised PV (a finalised PV itself is never edited). */
export function SupplementaryPvs({ pvId, reportId }: { pvId: string; reportId: string }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const pvs = useReportPvs(reportId);
  const supplements = (pvs.data?.pvs ?? []).filter((p) => p.pv.supplements?.pvId === pvId);
  return (
    <Section id="pv-supplementary" title={t('pvs.detail.supplementary')}>
      {pvs.isError && <ProblemAlert error={pvs.error} />}
      {pvs.isSuccess && supplements.length === 0 && <Text size="sm">{t('pvs.detail.noSupplementary')}</Text>}
      {supplements.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pvs.detail.supplementaryColumns.drafted')}</Table.Th>
                <Table.Th>{t('pvs.detail.supplementaryColumns.qualification')}</Table.Th>
                <Table.Th>{t('pvs.detail.supplementaryColumns.status')}</Table.Th>
                <Table.Th>{t('pvs.detail.supplementaryColumns.number')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {supplements.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/pvs/${s.id}`}
                      size="sm"
                      aria-label={t('pvs.detail.openSupplement', { date: formatDateTime(s.pv.draftedAt) })}
                    >
                      <DateTime value={s.pv.draftedAt} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.pv.legalQualification}</Table.Td>
                  <Table.Td>{label('pvStatus', s.pv.status)}</Table.Td>
                  <Table.Td>{s.pv.pvNumber ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
