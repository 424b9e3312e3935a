import { Button, Card, Checkbox, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { brusselsDayStart, dayjs } from '@/lib/i18n/dates';
import { useSearchParams } from 'react-router';
import { CONSULTATION_LOG_ROLES } from '../access';
import { LogFilters, useConsultationLog } from '../api/dpo.api';
import { ChainCard } from '../components/chain-card';
import { ExportCard } from '../components/export-card';
import { LogTable } from '../components/log-table';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Draft {
  subject: string;
  actor: string;
  from: string;
  to: string;
  breakGlass: boolean;
  refused: boolean;
}

/** The filters in the address, as the screen shows them and as the API takes them (days → Belgian instants). */
function useFilters(): { draft: Draft; filters: LogFilters; period: { fromDay?: string; toDay?: string }; apply: (d: Draft) => void } {
  const [params, setParams] = useSearchParams();
  const text = (k: string) => params.get(k)?.trim() ?? '';
  const day = (k: string) => (DAY.test(params.get(k) ?? '') ? params.get(k)! : '');
  const draft: Draft = {
    subject: text('subject'),
    actor: text('actor'),
    from: day('from'),
    to: day('to'),
    breakGlass: params.get('breakGlass') === '1',
    refused: params.get('refused') === '1',
  };
  const filters: LogFilters = {
    subject: draft.subject || undefined,
    actor: draft.actor || undefined,
    from: draft.from ? brusselsDayStart(draft.from) : undefined,
    // Up to and including the last day: before the start of the next.
    to: draft.to ? brusselsDayStart(dayjs(draft.to).add(1, 'day').format('YYYY-MM-DD')) : undefined,
    breakGlassOnly: draft.breakGlass || undefined,
    refusedOnly: draft.refused || undefined,
  };
  // All filters in one update: setSearchParams called once per filter would keep only the last.
  const apply = (d: Draft) => {
    const next = new URLSearchParams();
    const put = (key: string, value: string) => value && next.set(key, value);
    put('subject', d.subject.trim());
    put('actor', d.actor.trim());
    put('from', d.from);
    put('to', d.to);
    put('breakGlass', d.breakGlass ? '1' : '');
    put('refused', d.refused ? '1' : '');
    setParams(next, { replace: true });
  };
  return { draft, filters, period: { fromDay: draft.from || undefined, toDay: draft.to || undefined }, apply };
}

function FilterForm({ initial, onApply }: { initial: Draft; onApply: (d: Draft) => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState(initial);
  const invalid = d.from !== '' && d.to !== '' && d.to < d.from;
  const empty: Draft = { subject: '', actor: '', from: '', to: '', breakGlass: false, refused: false };
  return (
    <Card withBorder component="section" aria-labelledby="filters-title">
      <Title order={2} size="h4" id="filters-title" mb="xs">
        {t('dpo.log.filters')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) onApply(d);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t('dpo.log.subject')}
            description={t('dpo.log.subjectHint')}
            value={d.subject}
            onChange={(e) => setD({ ...d, subject: e.currentTarget.value })}
            maxLength={128}
          />
          <TextInput
            label={t('dpo.log.actor')}
            description={t('dpo.log.actorHint')}
            value={d.actor}
            onChange={(e) => setD({ ...d, actor: e.currentTarget.value })}
            maxLength={128}
          />
          <TextInput type="date" label={t('dpo.log.from')} value={d.from} onChange={(e) => setD({ ...d, from: e.currentTarget.value })} />
          <TextInput
            type="date"
            label={t('dpo.log.to')}
            value={d.to}
            onChange={(e) => setD({ ...d, to: e.currentTarget.value })}
            error={invalid ? t('dpo.log.periodInvalid') : undefined}
          />
        </SimpleGrid>
        <Group mt="sm" gap="lg" justify="space-between">
          <Group gap="lg">
            <Checkbox
              label={t('dpo.log.breakGlassOnly')}
              checked={d.breakGlass}
              onChange={(e) => setD({ ...d, breakGlass: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('dpo.log.refusedOnly')}
              checked={d.refused}
              onChange={(e) => setD({ ...d, refused: e.currentTarget.checked })}
            />
          </Group>
          <Group gap="sm">
            <Button
              variant="subtle"
              onClick={() => {
                setD(empty);
                onApply(empty);
              }}
            >
              {t('dpo.log.clear')}
            </Button>
            <Button type="submit" disabled={invalid}>
              {t('dpo.log.apply')}
            </Button>
          </Group>
        </Group>
      </form>
    </Card>
  );
}

function ConsultationLogScreen() {
  const { t } = useTranslation();
  const { draft, filters, period, apply } = useFilters();
  const log = useConsultationLog(filters);
  return (
    <Stack gap="md">
      <div>
        <PageTitle>{t('dpo.log.title')}</PageTitle>
        <Text size="sm">{t('dpo.log.intro')}</Text>
      </div>
      <FilterForm key={JSON.stringify(draft)} initial={draft} onApply={apply} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChainCard />
        <ExportCard filters={filters} period={period} />
      </SimpleGrid>
      <section aria-labelledby="entries-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="entries-title">
            {t('dpo.log.entries')}
          </Title>
          {log.entries && (
            <Text size="sm" role="status">
              {t('dpo.log.shown', { count: log.entries.length })}
            </Text>
          )}
        </Group>
        {log.isPending && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('dpo.log.loading')}</Text>
          </Group>
        )}
        {log.isError && <ProblemAlert error={log.error} />}
        {log.entries && log.entries.length === 0 && <Text size="sm">{t('dpo.log.empty')}</Text>}
        {log.entries && log.entries.length > 0 && <LogTable entries={log.entries} />}
        {log.hasNextPage && (
          <Button mt="sm" variant="light" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('dpo.log.more')}
          </Button>
        )}
      </section>
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={CONSULTATION_LOG_ROLES}>
      <ConsultationLogScreen />
    </RequireRoles>
  );
}
