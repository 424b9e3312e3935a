import { List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { ProblemAlert } from '@/components/problem-alert';
import type { PvHistoryEntry } from '../api/pvs.api';
import { usePvHistory } from '../api/pvs.api';
import { pvCodesOf, usePvLabel } from '../codes';
import { Section } from '@/components/section';
import { Staff } from './staff';

function Details({ entry }: { entry: PvHistoryEntry }) {
  const { t } = useTranslation();
  const label = usePvLabel();
  const lines: string[] = [];
  if (entry.round !== undefined && entry.step !== 'submitted') lines.push(t('pvs.history.round', { round: entry.round }));
  if (entry.content)
    lines.push(`${entry.content.legalQualification} — ${entry.content.offenceType}, ${label('destination', entry.content.destination)}`);
  if (entry.supplements) lines.push(t('pvs.history.supplements', { number: entry.supplements.pvNumber }));
  if (entry.corrections) {
    const c = entry.corrections;
    // In the form's order, whatever order the store kept the keys in.
    const fields = pvCodesOf('field')
      .filter((f) => c[f] !== undefined)
      .map((f) =>
        f === 'documentSha256'
          ? label('field', f)
          : `${label('field', f)} → ${f === 'destination' ? label('destination', c.destination) : String(c[f])}`,
      );
    lines.push(t('pvs.history.corrected', { fields: fields.join('; ') }));
  }
  if (entry.correctionNote) lines.push(t('pvs.history.note', { note: entry.correctionNote }));
  if (entry.pvNumber && entry.step === 'finalised') lines.push(t('pvs.history.number', { number: entry.pvNumber }));
  if (entry.recipientRef) lines.push(t('pvs.history.recipientRef', { ref: entry.recipientRef }));
  if (entry.angRef) lines.push(t('pvs.history.angRef', { ref: entry.angRef }));
  return (
    <>
      {lines.map((l) => (
        <Text size="sm" key={l}>
          {l}
        </Text>
      ))}
      {entry.reasons && (
        <List size="sm" spacing={2}>
          {entry.reasons.map((r, i) => (
            <List.Item key={`${i}:${r}`}>{r}</List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** Every step of the PV, oldest first: when, what, by whom, and what it said. */
export function PvHistory({ pvId }: { pvId: string }) {
  const { t } = useTranslation();
  const label = usePvLabel();
  const history = usePvHistory(pvId);
  return (
    <Section id="pv-history" title={t('pvs.history.title')}>
      {history.isError && <ProblemAlert error={history.error} />}
      {history.isPending && <Text size="sm">{t('app.loading')}</Text>}
      {history.data && history.data.entries.length === 0 && <Text size="sm">{t('pvs.history.empty')}</Text>}
      {history.data && history.data.entries.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6}>
            <Table.Caption>{t('pvs.history.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pvs.history.columns.at')}</Table.Th>
                <Table.Th>{t('pvs.history.columns.step')}</Table.Th>
                <Table.Th>{t('pvs.history.columns.by')}</Table.Th>
                <Table.Th>{t('pvs.history.columns.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.entries.map((e) => (
                <Table.Tr key={e.position} data-step={e.step}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DateTime value={e.at} />
                  </Table.Td>
                  <Table.Td miw={140}>{label('step', e.step)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Staff id={e.by} />
                  </Table.Td>
                  <Table.Td>
                    <Details entry={e} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
