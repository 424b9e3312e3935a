import '@mantine/dates/styles.css';
import { Anchor, Button, Group, Loader, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { hasAnyRole, useUser } from '@/lib/auth';
import { INVESTIGATION_WRITER_ROLES } from '../access';
import { CaseFilters, ListEntry, PAGE_SIZE, useCaseList, usePrefetchCaseFile, useReference } from '../api/investigations.api';
import { brusselsDayRange } from '../model/as-of';
import { useInvestigationLabel } from '../model/labels';
import { Staff } from './staff';

export type ListScope = 'mine' | 'team';

function CaseTable({ items }: { items: ListEntry[] }) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const prefetch = usePrefetchCaseFile();
  return (
    // On a tablet the kind and origin give way (the case file has them), so that the rest fits without scrolling.
    <Table.ScrollContainer minWidth={680}>
      <Table striped highlightOnHover stickyHeader fz="sm">
        <Table.Caption>{t('investigations.list.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('investigations.list.columns.title')}</Table.Th>
            <Table.Th>{t('investigations.list.columns.status')}</Table.Th>
            <Table.Th>{t('investigations.list.columns.phenomenon')}</Table.Th>
            <Table.Th>{t('investigations.list.columns.team')}</Table.Th>
            <Table.Th>{t('investigations.list.columns.lead')}</Table.Th>
            <Table.Th visibleFrom="lg">{t('investigations.list.columns.kind')}</Table.Th>
            <Table.Th visibleFrom="lg">{t('investigations.list.columns.origin')}</Table.Th>
            <Table.Th>{t('investigations.list.columns.pv')}</Table.Th>
            <Table.Th>{t('investigations.list.columns.openedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/investigations/${c.id}`}
                  size="sm"
                  fw={600}
                  onClick={(e) => !e.metaKey && !e.ctrlKey && !e.shiftKey && e.button === 0 && prefetch(c.id)}
                >
                  {c.title}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={c.status === 'open' ? 600 : undefined}>
                  {label('caseStatus', c.status)}
                </Text>
              </Table.Td>
              <Table.Td>{label('phenomenon', c.phenomenon)}</Table.Td>
              <Table.Td>{c.team}</Table.Td>
              <Table.Td>
                <Staff id={c.leadInvestigator} />
              </Table.Td>
              <Table.Td visibleFrom="lg">{label('investigationKind', c.kind)}</Table.Td>
              <Table.Td visibleFrom="lg">{label('originKind', c.originKind)}</Table.Td>
              <Table.Td>{c.pvNumbers.join(', ')}</Table.Td>
              <Table.Td>
                <DateTime value={c.openedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The detectives' work lists: "my cases" (where I am the lead or a member) and "my team's cases", with
 * filters kept in the URL (status, phenomenon, team, lead, opening period) and paging. Counts and rows
 * are only of the cases the reader may see: the API leaves the others out.
 */
export function CaseListScreen({ scope }: { scope: ListScope }) {
  const { t, i18n } = useTranslation();
  const label = useInvestigationLabel();
  const user = useUser();
  const reference = useReference();
  // The case file's code, fetched while the user reads the list: opening a case then waits for its data only.
  useEffect(() => {
    void import('../routes/case-file');
  }, []);
  const [params, setParams] = useSearchParams();
  const [leadInput, setLeadInput] = useState(params.get('lead') ?? '');
  const statusParam = params.get('status') ?? 'open';
  const status = statusParam === 'open' || statusParam === 'closed' ? statusParam : undefined;
  const team = scope === 'team' ? (params.get('team') ?? user.teams[0] ?? '') : (params.get('team') ?? undefined);
  const from = params.get('from');
  const to = params.get('to');
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filters: CaseFilters = {
    ...(scope === 'mine' ? { assignedTo: user.staffId } : {}),
    ...(team ? { team } : {}),
    ...(status ? { status } : {}),
    ...(params.get('phenomenon') ? { phenomenon: params.get('phenomenon')! } : {}),
    ...(params.get('lead') ? { lead: params.get('lead')! } : {}),
    ...brusselsDayRange(from, to),
    offset: (page - 1) * PAGE_SIZE,
  };
  const noTeam = scope === 'team' && !team;
  const list = useCaseList(filters, !noTeam);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const items = list.data?.investigations ?? [];
  const total = list.data?.total ?? 0;
  // Past 1,000 the service stops counting (`totalExact` false, ADR 0061): the pages counted, and one more while a page follows.
  const exact = list.data?.totalExact ?? true;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE), exact ? 0 : page + (list.data?.next ? 1 : 0));
  const phenomena = [...new Set((reference.data?.routes ?? []).map((r) => r.phenomenon))]
    .map((p) => ({ value: p, label: label('phenomenon', p) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const teamOptions = scope === 'team' ? user.teams : (reference.data?.teams ?? []);
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <Group justify="space-between" align="flex-start">
        <PageTitle>
          {scope === 'mine' ? t('investigations.list.mineTitle') : t('investigations.list.teamTitle', { team: team ?? '' })}
        </PageTitle>
        {hasAnyRole(user, INVESTIGATION_WRITER_ROLES) && (
          <Button component={Link} to="/investigations/new">
            {t('investigations.list.new')}
          </Button>
        )}
      </Group>
      <Text size="sm" mb="sm">
        {scope === 'mine' ? t('investigations.list.mineIntro') : t('investigations.list.teamIntro')}
      </Text>
      <Group mb="md" gap="sm" align="flex-end" role="search" aria-label={t('investigations.list.filters')}>
        <Select
          label={t('investigations.list.filterStatus')}
          allowDeselect={false}
          value={statusParam === 'all' ? 'all' : (status ?? 'open')}
          onChange={(v) => set({ status: v === 'open' ? null : v })}
          data={[
            { value: 'open', label: label('caseStatus', 'open') },
            { value: 'closed', label: label('caseStatus', 'closed') },
            { value: 'all', label: t('investigations.list.all') },
          ]}
          w={150}
        />
        <Select
          label={t('investigations.list.filterPhenomenon')}
          placeholder={t('investigations.list.all')}
          clearable
          searchable
          value={params.get('phenomenon')}
          onChange={(v) => set({ phenomenon: v })}
          data={phenomena}
          w={210}
        />
        <Select
          label={t('investigations.list.filterTeam')}
          placeholder={t('investigations.list.all')}
          clearable={scope === 'mine'}
          allowDeselect={scope === 'mine'}
          searchable
          value={team ?? null}
          onChange={(v) => set({ team: v })}
          data={teamOptions}
          w={190}
        />
        <TextInput
          label={t('investigations.list.filterLead')}
          placeholder={t('investigations.form.staffId')}
          value={leadInput}
          onChange={(e) => setLeadInput(e.currentTarget.value)}
          onBlur={() => set({ lead: leadInput.trim() || null })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set({ lead: leadInput.trim() || null });
          }}
          w={180}
        />
        <DatePickerInput
          type="range"
          label={t('investigations.list.filterPeriod')}
          placeholder={t('investigations.list.periodPlaceholder')}
          valueFormat="DD/MM/YYYY"
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          allowSingleDateInRange
          value={[from, to]}
          onChange={([a, b]) => {
            if ((a && b) || (!a && !b)) set({ from: a, to: b });
          }}
          w={230}
        />
        {list.isFetching && <Loader size="sm" aria-label={t('app.loading')} />}
      </Group>
      {noTeam && <Text>{t('investigations.list.noTeam')}</Text>}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending && !noTeam && <Text>{t('app.loading')}</Text>}
      {list.isSuccess && (
        <Text size="sm" mb="xs" aria-live="polite" data-testid="case-count">
          {t(exact ? 'investigations.list.count' : 'investigations.list.countAtLeast', { count: total })}
        </Text>
      )}
      {list.isSuccess && items.length === 0 && <Text>{t('investigations.list.empty')}</Text>}
      {items.length > 0 && <CaseTable items={items} />}
      {pages > 1 && (
        <Pagination
          mt="md"
          total={pages}
          value={page}
          onChange={(p) => set({ page: String(p) })}
          getControlProps={(control) => ({ 'aria-label': control === 'previous' ? t('common.previous') : t('common.next') })}
          getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p }) })}
        />
      )}
    </DatesProvider>
  );
}
