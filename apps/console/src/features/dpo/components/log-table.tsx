import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import type { LogEntry } from '../api/merge';

/** The merged log: one row per consultation, its basis and justification beside it. */
export function LogTable({ entries }: { entries: LogEntry[] }) {
  const { t } = useTranslation();
  const word = (group: string, code: string | null) => (code ? t(`dpo.${group}.${code}` as never, { defaultValue: code }) : '');
  return (
    // A table wider than a tablet scrolls sideways in an area the keyboard reaches (axe: scrollable-region-focusable).
    <Table.ScrollContainer minWidth={880} type="native" tabIndex={0} role="region" aria-label={t('dpo.log.entries')}>
      <Table striped verticalSpacing="xs" aria-label={t('dpo.log.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('dpo.log.columns.at')}</Table.Th>
            <Table.Th w={170}>{t('dpo.log.columns.actor')}</Table.Th>
            <Table.Th w={230}>{t('dpo.log.columns.subject')}</Table.Th>
            <Table.Th w={150}>{t('dpo.log.columns.basis')}</Table.Th>
            <Table.Th>{t('dpo.log.columns.why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={`${e.service}:${e.id}`} data-entry={e.id}>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={e.at} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.actor.username}</Text>
                <Text size="xs" c="dimmed">
                  {e.actor.staffId} · {e.actor.roles.map((r) => t(`roles.${r}` as never, { defaultValue: r })).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {word('resource', e.subject.type)}
                  {e.kind === 'list' ? ` · ${t('dpo.log.records', { count: e.subject.ids.length })}` : ''}
                </Text>
                {e.kind === 'record' && (
                  <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {e.subject.ids.join(', ')}
                  </Text>
                )}
                {e.subject.caseRef && <Text size="xs">{t('dpo.log.caseRef', { ref: e.subject.caseRef })}</Text>}
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('dpo.log.via', { service: t(`dpo.services.${e.service}`), endpoint: `${e.endpoint.method} ${e.endpoint.route}` })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {e.outcome === 'refused' ? (
                    <>
                      <Badge color="red" variant="light">
                        {t('dpo.log.refused')}
                      </Badge>
                      <Text size="xs">{word('refusal', e.refusal)}</Text>
                    </>
                  ) : (
                    <Text size="sm">{word('basis', e.basis)}</Text>
                  )}
                  {e.breakGlass && (
                    <Badge color="red.9" variant="filled">
                      {t('dpo.log.breakGlass')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                {e.justification && (
                  <Text size="sm" fw={600}>
                    {e.justification.caseRef
                      ? t('dpo.log.justificationRef', { text: e.justification.text, ref: e.justification.caseRef })
                      : t('dpo.log.justification', { text: e.justification.text })}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t('dpo.log.reason', { reason: e.reason })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
