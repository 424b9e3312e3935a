import { Anchor, Badge, Button, Code, List, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { notifySuccess } from '@/components/notify';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDateTime } from '@/lib/i18n/dates';
import { ProblemError } from '@/lib/api';
import { OpsService, ParkedMessage, useReplay } from '../api/ops.api';
import { DiscardDialog } from './discard-dialog';
import { messageTypeLabel } from './words';

const STATUS_COLOR = { parked: 'orange.9', replayed: 'green.9', discarded: 'gray.8' } as const;

/** The parked messages of a service: why each was parked (the fields at fault), what was done with it, and the two actions. */
export function ParkedTable({ service, messages }: { service: OpsService; messages: ParkedMessage[] }) {
  const { t } = useTranslation();
  const replay = useReplay(service);
  const [discarding, setDiscarding] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const onReplay = (id: string) => {
    setProblem(null);
    replay.mutateAsync(id).then(
      (answer) => notifySuccess(t(`ops.parked.replayed.${answer.outcome}`)),
      (error: unknown) => setProblem(error),
    );
  };
  if (messages.length === 0) return <Text size="sm">{t('ops.parked.empty')}</Text>;
  return (
    <Stack gap="sm">
      {problem !== null && <ProblemAlert error={problem} unplaced={problem instanceof ProblemError ? problem.errors : undefined} />}
      {/* Wider than a tablet: it scrolls sideways in an area the keyboard reaches. */}
      <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label={t('ops.parked.title')}>
        <Table verticalSpacing="xs" aria-label={t('ops.parked.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('ops.parked.columns.parkedAt')}</Table.Th>
              <Table.Th w={210}>{t('ops.parked.columns.message')}</Table.Th>
              <Table.Th w={140}>{t('ops.parked.columns.reason')}</Table.Th>
              <Table.Th>{t('ops.parked.columns.fields')}</Table.Th>
              <Table.Th w={150}>{t('ops.parked.columns.status')}</Table.Th>
              <Table.Th w={150}>{t('ops.parked.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {messages.map((m) => (
              <Fragment key={m.id}>
                <Table.Tr data-parked={m.id}>
                  <Table.Td>
                    <Text size="sm">
                      <DateTime value={m.parkedAt} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {messageTypeLabel(t, m.type)}
                    </Text>
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      c="blue.9"
                      onClick={() => toggle(m.id)}
                      aria-expanded={open.has(m.id)}
                      aria-controls={`parked-details-${m.id}`}
                    >
                      {t('ops.parked.details', { id: m.id })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`ops.parked.reasons.${m.reason.code}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {m.reason.errors.map((e) => (
                        <List.Item key={`${e.field}:${e.detail}`} style={{ overflowWrap: 'break-word' }}>
                          <Text span fw={600} size="sm">
                            {e.field}
                          </Text>
                          : {e.detail}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Badge color={STATUS_COLOR[m.status]} variant="outline" c="dark.9" tt="none">
                        {t(`ops.parked.statuses.${m.status}`)}
                      </Badge>
                      {m.replayAttempts > 0 && <Text size="xs">{t('ops.parked.attempts', { count: m.replayAttempts })}</Text>}
                      {m.resolvedBy && m.resolvedAt && (
                        <Text size="xs">{t('ops.parked.resolved', { who: m.resolvedBy, at: formatDateTime(m.resolvedAt) })}</Text>
                      )}
                      {m.resolution && (
                        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                          {m.status === 'replayed'
                            ? t(`ops.parked.outcome.${m.resolution}` as never, { defaultValue: m.resolution })
                            : m.resolution}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {m.status === 'parked' && (
                      <Stack gap={6} align="flex-start">
                        <Button
                          size="xs"
                          onClick={() => onReplay(m.id)}
                          loading={replay.isPending && replay.variables === m.id}
                          aria-label={t('ops.parked.replayLabel', { id: m.id })}
                        >
                          {t('ops.parked.replay')}
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          onClick={() => setDiscarding(m.id)}
                          aria-label={t('ops.parked.discardLabel', { id: m.id })}
                        >
                          {t('ops.parked.discard')}
                        </Button>
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
                {open.has(m.id) && (
                  <Table.Tr id={`parked-details-${m.id}`} data-parked-details={m.id}>
                    <Table.Td colSpan={6}>
                      <ParkedDetails message={m} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {discarding && <DiscardDialog service={service} id={discarding} onClose={() => setDiscarding(null)} />}
    </Stack>
  );
}

/** Where a parked message came from, and what it said (unless its service seals it). */
function ParkedDetails({ message: m }: { message: ParkedMessage }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="xs">
        {t('ops.parked.messageId')}: {m.messageId ?? '—'} · {t('ops.parked.correlationId')}: {m.correlationId ?? '—'} ·{' '}
        {t('ops.parked.topic')}: {m.topic}
        {m.partition !== null ? ` · ${m.partition}` : ''}
        {m.offset !== null ? ` · ${m.offset}` : ''}
      </Text>
      {m.payloadSealed ? (
        <Text size="sm">{t('ops.parked.payloadSealed')}</Text>
      ) : (
        <>
          <Text size="xs" fw={600}>
            {t('ops.parked.payload')}
          </Text>
          <Code
            block
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 320, overflow: 'auto' }}
            tabIndex={0}
            aria-label={t('ops.parked.payload')}
          >
            {pretty(m.payload ?? '')}
          </Code>
        </>
      )}
    </Stack>
  );
}

/** The payload as received, indented when it is JSON. */
function pretty(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
