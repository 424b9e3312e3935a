import { Button, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import type { CaseFile, TimelineEntry } from '../api/investigations.api';
import { asOfAfter } from '../model/as-of';
import { useInvestigationLabel } from '../model/labels';
import { timelineText } from '../model/timeline-text';
import { Section } from './section';
import { Staff } from './staff';

/**
 * Everything recorded in the case, newest first, with who recorded it and when; each step can open the
 * file as it stood right after it. In a historical view, only what had happened by then.
 */
export function TimelineTab({ entries, file, asOf, onAsOf }: { entries: readonly TimelineEntry[]; file: CaseFile; asOf: string | null; onAsOf: (at: string | null) => void }) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const rows = useMemo(() => {
    const parties = new Map(file.parties.map((p) => [p.partyLinkId, p.displayName]));
    const tasks = new Map(file.tasks.map((task) => [task.taskId, task.title]));
    const until = asOf ? Date.parse(asOf) : Infinity;
    const out: { entry: TimelineEntry; text: string; after: string | null }[] = [];
    entries.forEach((entry, i) => {
      if (Date.parse(entry.at) > until) return;
      out.push({ entry, text: timelineText(entry, { t, label, parties, tasks }), after: asOfAfter(entries, i) });
    });
    return out.reverse();
  }, [entries, file, asOf, t, label]);
  return (
    <Section title={t('investigations.timeline.title')}>
      <Text size="sm" mb="xs">
        {t('investigations.timeline.count', { count: rows.length })}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" verticalSpacing={4} striped data-testid="timeline">
          <Table.Caption>{t('investigations.timeline.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('investigations.timeline.when')}</Table.Th>
              <Table.Th w={140}>{t('investigations.timeline.who')}</Table.Th>
              <Table.Th>{t('investigations.timeline.what')}</Table.Th>
              <Table.Th w={170}>{t('investigations.timeline.asOfColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ entry, text, after }) => (
              <Table.Tr key={entry.position}>
                <Table.Td>
                  <DateTime value={entry.at} />
                </Table.Td>
                <Table.Td>
                  <Staff id={entry.actor} />
                </Table.Td>
                <Table.Td>{text}</Table.Td>
                <Table.Td>
                  {after && (
                    <Button size="compact-xs" variant="subtle" aria-label={t('investigations.timeline.viewAfterLabel', { position: entry.position })} onClick={() => onAsOf(after)}>
                      {t('investigations.timeline.viewAfter')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
