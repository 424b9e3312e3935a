import { Button, Table, Text } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '@/lib/i18n/codes';
import { formatDateTime } from '@/lib/i18n/dates';
import type { CaseFile, TimelineEntry } from '../api/investigations.api';
import { asOfAfterEach } from '../model/as-of';
import { useInvestigationLabel } from '../model/labels';
import { TimelineContext, timelineText } from '../model/timeline-text';
import { Section } from './section';
import { Staff } from './staff';

/** Up to this many steps, all are in the page (the browser's find-in-page sees them); beyond, only those near the screen. */
const VIRTUAL_FROM = 100;
/** A step on one line, before it is measured. */
const ROW_ESTIMATE = 37;

interface Row {
  entry: TimelineEntry;
  /** The instant to open the file as it stood right after this step; null for the last (that is now). */
  after: string | null;
}

const TimelineRow = memo(function TimelineRow(props: {
  row: Row;
  index: number;
  ctx: TimelineContext;
  onAsOf: (at: string) => void;
  measure?: (el: HTMLTableRowElement | null) => void;
}) {
  const { row, index, ctx } = props;
  const { entry, after } = row;
  return (
    // Striped by the step's place in the timeline, not in the page (only part of a long one is in it).
    <Table.Tr
      ref={props.measure}
      data-index={index}
      aria-rowindex={index + 2}
      bg={index % 2 === 0 ? 'var(--mantine-color-gray-0)' : undefined}
    >
      <Table.Td>
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </Table.Td>
      <Table.Td>
        <Staff id={entry.actor} />
      </Table.Td>
      <Table.Td>{timelineText(entry, ctx)}</Table.Td>
      <Table.Td>
        {after && (
          <Button
            size="compact-xs"
            variant="subtle"
            aria-label={ctx.t('investigations.timeline.viewAfterLabel', { position: entry.position })}
            onClick={() => props.onAsOf(after)}
          >
            {ctx.t('investigations.timeline.viewAfter')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
});

/**
 * Everything recorded in the case, newest first, with who recorded it and when; each step can open the
 * file as it stood right after it. In a historical view, only what had happened by then. A long
 * timeline (a case of a thousand steps) keeps only the rows near the screen in the page, so that it
 * opens at once and scrolls smoothly; the table still tells assistive technology how many rows it has
 * and where each one stands.
 */
export function TimelineTab({
  entries,
  file,
  asOf,
  onAsOf,
}: {
  entries: readonly TimelineEntry[];
  file: CaseFile;
  asOf: string | null;
  onAsOf: (at: string | null) => void;
}) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const code = useCodeLabel();
  const ctx = useMemo<TimelineContext>(
    () => ({
      t,
      label,
      code,
      parties: new Map(file.parties.map((p) => [p.partyLinkId, p.displayName])),
      tasks: new Map(file.tasks.map((task) => [task.taskId, task.title])),
    }),
    [t, label, code, file],
  );
  const rows = useMemo(() => {
    const until = asOf ? Date.parse(asOf) : Infinity;
    const after = asOfAfterEach(entries);
    const out: Row[] = [];
    entries.forEach((entry, i) => {
      if (Date.parse(entry.at) <= until) out.push({ entry, after: after[i] });
    });
    return out.reverse();
  }, [entries, asOf]);

  // Where the rows start in the page: the virtualiser counts the window's scroll from there.
  const body = useRef<HTMLTableSectionElement>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    // Measured now, and again whenever the page's height changes (a notice above the tabs, the rows themselves).
    const measure = () => setTop(body.current ? Math.round(body.current.getBoundingClientRect().top + window.scrollY) : 0);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtual = rows.length > VIRTUAL_FROM;
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin: top,
    enabled: virtual,
    getItemKey: (i) => rows[i].entry.position,
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const before = items && items.length > 0 ? items[0].start - top : 0;
  const behind = items && items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1].end - top) : 0;

  return (
    <Section title={t('investigations.timeline.title')}>
      <Text size="sm" mb="xs" data-testid="timeline-count">
        {t('investigations.timeline.count', { count: rows.length })}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" verticalSpacing={4} layout="fixed" data-testid="timeline" aria-rowcount={rows.length + 1}>
          <Table.Caption>{t('investigations.timeline.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              <Table.Th w={150}>{t('investigations.timeline.when')}</Table.Th>
              <Table.Th w={140}>{t('investigations.timeline.who')}</Table.Th>
              <Table.Th>{t('investigations.timeline.what')}</Table.Th>
              <Table.Th w={170}>{t('investigations.timeline.asOfColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={body}>
            {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
            {items
              ? items.map((item) => (
                  <TimelineRow
                    key={item.key}
                    row={rows[item.index]}
                    index={item.index}
                    ctx={ctx}
                    onAsOf={onAsOf}
                    measure={virtualizer.measureElement}
                  />
                ))
              : rows.map((row, index) => <TimelineRow key={row.entry.position} row={row} index={index} ctx={ctx} onAsOf={onAsOf} />)}
            {behind > 0 && <tr aria-hidden="true" style={{ height: behind }} />}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
