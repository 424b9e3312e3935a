import { Anchor, Button, Group, Loader, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListPagination } from '@/components/list-pagination';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { hasAnyRole, useUser } from '@/lib/auth';
import { formatDate } from '@/lib/i18n/dates';
import { pageOf, useListParams } from '@/lib/list';
import { COMPLAINT_DESK_ROLES, OVERSIGHT_ROLES } from '../access';
import { ComplaintFilters, PAGE_SIZE, useComplaintList } from '../api/integrity.api';
import { DeadlineBadges } from '../components/deadline-badges';
import { useIntegrityCode } from '../components/words';

const UNITS = ['intake', 'BIT', 'Tucht', 'DPO'] as const;
const PHASES = ['intake', 'triaged', 'concluded', 'closed'] as const;

function ComplaintListScreen() {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const user = useUser();
  const [params, set] = useListParams();
  const [, setParams] = useSearchParams();
  const page = pageOf(params);
  const unit = (UNITS as readonly string[]).includes(params.get('unit') ?? '')
    ? (params.get('unit') as ComplaintFilters['unit'])
    : undefined;
  const status = (PHASES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ComplaintFilters['status'])
    : undefined;
  const overdueParam = params.get('overdue');
  const overdue = overdueParam === 'true' ? true : overdueParam === 'false' ? false : undefined;
  const list = useComplaintList({ unit, status, overdue, offset: (page - 1) * PAGE_SIZE });
  const items = list.data?.items ?? [];
  const filtered = unit !== undefined || status !== undefined || overdue !== undefined;
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('integrity.list.title')}</PageTitle>
        {hasAnyRole(user, COMPLAINT_DESK_ROLES) && (
          <Button component={Link} to="/integrity/complaints/new">
            {t('integrity.list.new')}
          </Button>
        )}
      </Group>
      <Text size="sm" mb="sm">
        {t('integrity.list.intro')}
      </Text>
      <section aria-label={t('integrity.list.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mb="xs">
          <Select
            label={t('integrity.list.filterUnit')}
            placeholder={t('integrity.list.all')}
            clearable
            value={unit ?? null}
            onChange={(v) => set('unit', v)}
            data={UNITS.map((u) => ({ value: u, label: code('unit', u) }))}
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          <Select
            label={t('integrity.list.filterStatus')}
            placeholder={t('integrity.list.all')}
            clearable
            value={status ?? null}
            onChange={(v) => set('status', v)}
            data={PHASES.map((p) => ({ value: p, label: code('phase', p) }))}
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          <Select
            label={t('integrity.list.filterOverdue')}
            placeholder={t('integrity.list.all')}
            clearable
            value={overdueParam === 'true' || overdueParam === 'false' ? overdueParam : null}
            onChange={(v) => set('overdue', v)}
            data={[
              { value: 'true', label: t('integrity.list.overdueOnly') },
              { value: 'false', label: t('integrity.list.notOverdue') },
            ]}
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
        </SimpleGrid>
        <Group mb="md" gap="sm" mih={30}>
          {filtered && (
            <Button variant="default" size="xs" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('integrity.list.clearFilters')}
            </Button>
          )}
          {items.length > 0 && (
            <Text size="sm" role="status">
              {t('integrity.list.pageInfo', { from: (page - 1) * PAGE_SIZE + 1, to: (page - 1) * PAGE_SIZE + items.length })}
            </Text>
          )}
          <Text size="xs">{t('integrity.deadline.legend')}</Text>
          {list.isFetching && <Loader size="sm" aria-label={t('app.loading')} />}
        </Group>
      </section>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending && <Text>{t('app.loading')}</Text>}
      {list.isSuccess && items.length === 0 && <Text>{filtered ? t('integrity.list.emptyFiltered') : t('integrity.list.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Caption>{t('integrity.list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrity.list.columns.registerNumber')}</Table.Th>
                <Table.Th>{t('integrity.list.columns.receivedOn')}</Table.Th>
                <Table.Th>{t('integrity.list.columns.channel')}</Table.Th>
                <Table.Th>{t('integrity.list.columns.phase')}</Table.Th>
                <Table.Th>{t('integrity.list.columns.unit')}</Table.Th>
                <Table.Th>{t('integrity.list.columns.deadlines')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/integrity/complaints/${c.id}`} size="sm">
                      {c.registerNumber ?? c.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(`${c.receivedOn}T12:00:00Z`)}</Table.Td>
                  <Table.Td>{code('channel', c.channel)}</Table.Td>
                  <Table.Td>{code('phase', c.phase)}</Table.Td>
                  <Table.Td>{code('unit', c.unit)}</Table.Td>
                  <Table.Td>
                    <DeadlineBadges deadlines={c.deadlines} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPagination page={page} shown={items.length} pageSize={PAGE_SIZE} onChange={(p) => set('page', String(p))} />
    </>
  );
}

export function Component() {
  return (
    <RequireRoles roles={OVERSIGHT_ROLES}>
      <ComplaintListScreen />
    </RequireRoles>
  );
}
