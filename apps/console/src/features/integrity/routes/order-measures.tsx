import { Anchor, Button, Group, Select, SimpleGrid, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ListPagination } from '@/components/list-pagination';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { formatDate, todayInBrussels } from '@/lib/i18n/dates';
import { pageOf, useListParams } from '@/lib/list';
import { TUCHT_ROLES } from '../access';
import { PAGE_SIZE, RecordOrderMeasureBody, useIntegrityReference, useOrderMeasureList, useRecordOrderMeasure } from '../api/integrity.api';
import { CommandDialog } from '../components/command-dialog';
import { useIntegrityCode, useStaffName, useStaffOptions } from '../components/words';

const STATUSES = ['active', 'lifted', 'ended'] as const;
const day = (d: string | null | undefined) => (d ? formatDate(`${d}T12:00:00Z`) : '');

function OrderMeasuresScreen() {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const [params, set] = useListParams();
  const page = pageOf(params);
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as (typeof STATUSES)[number])
    : undefined;
  const list = useOrderMeasureList(status, (page - 1) * PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('integrity.measures.title')}</PageTitle>
        <Button onClick={() => setCreating(true)}>{t('integrity.measures.new')}</Button>
      </Group>
      <Text size="sm" mb="sm">
        {t('integrity.measures.intro')}
      </Text>
      <Select
        maw={260}
        mb="sm"
        label={t('integrity.measures.status')}
        placeholder={t('integrity.list.all')}
        clearable
        value={status ?? null}
        onChange={(v) => set('status', v)}
        data={STATUSES.map((s) => ({ value: s, label: code('measureStatus', s) }))}
        clearButtonProps={{ 'aria-label': t('common.clear') }}
      />
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isSuccess && items.length === 0 && <Text>{t('integrity.measures.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Caption>{t('integrity.measures.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrity.measures.columns.staff')}</Table.Th>
                <Table.Th>{t('integrity.measures.columns.kind')}</Table.Th>
                <Table.Th>{t('integrity.measures.columns.authority')}</Table.Th>
                <Table.Th>{t('integrity.measures.columns.status')}</Table.Th>
                <Table.Th>{t('integrity.measures.columns.period')}</Table.Th>
                <Table.Th>{t('integrity.measures.columns.complaint')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/integrity/order-measures/${m.id}`} size="sm">
                      {staff(m.staffId)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.kind}</Table.Td>
                  <Table.Td>{code('authority', m.authority)}</Table.Td>
                  <Table.Td>{code('measureStatus', m.status)}</Table.Td>
                  <Table.Td>
                    {t('integrity.measures.period', {
                      from: day(m.startsOn),
                      to: m.endsOn ? day(m.endsOn) : t('integrity.measures.untilFurther'),
                    })}
                  </Table.Td>
                  <Table.Td>{m.complaint?.registerNumber ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPagination page={page} shown={items.length} pageSize={PAGE_SIZE} onChange={(p) => set('page', String(p))} />
      {creating && <RecordMeasureDialog onClose={() => setCreating(false)} />}
    </>
  );
}

function RecordMeasureDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const navigate = useNavigate();
  const staff = useStaffOptions();
  const reference = useIntegrityReference();
  const record = useRecordOrderMeasure();
  const [key] = useState(() => crypto.randomUUID());
  const required = (v: string) => (v.trim() ? null : t('common.required'));
  const form = useForm({
    initialValues: {
      staffId: '',
      kind: '',
      authority: '',
      reason: '',
      decidedOn: todayInBrussels(),
      startsOn: todayInBrussels(),
      endsOn: '',
      complaintId: '',
    },
    validate: { staffId: required, kind: required, authority: required, reason: required, decidedOn: required, startsOn: required },
  });
  const kinds = reference.data?.orderMeasureKinds ?? [];
  const competent = kinds.find((k) => k.kind === form.values.kind)?.authorities ?? reference.data?.discipline.authorities ?? [];
  return (
    <CommandDialog
      title={t('integrity.measures.new')}
      opened
      onClose={onClose}
      form={form}
      mutation={{
        isPending: record.isPending,
        mutate: (body: RecordOrderMeasureBody, callbacks) =>
          record.mutate(
            { body, key },
            {
              onSuccess: (a) => {
                callbacks.onSuccess();
                void navigate(`/integrity/order-measures/${a.data.id}`);
              },
              onError: callbacks.onError,
            },
          ),
      }}
      onReload={() => undefined}
      submitLabel={t('integrity.measures.new')}
      done={t('integrity.measures.created')}
      command={(v) => ({
        staffId: v.staffId,
        kind: v.kind,
        authority: v.authority,
        reason: v.reason.trim(),
        decidedOn: v.decidedOn,
        startsOn: v.startsOn,
        ...(v.endsOn && { endsOn: v.endsOn }),
        ...(v.complaintId.trim() && { complaintId: v.complaintId.trim() }),
      })}
    >
      <Select label={t('integrity.measures.staff')} data={staff} searchable required {...form.getInputProps('staffId')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('integrity.measures.kind')} data={kinds.map((k) => k.kind)} required {...form.getInputProps('kind')} />
        <Select
          label={t('integrity.measures.authority')}
          description={
            form.values.kind
              ? t('integrity.measures.competent', { authorities: competent.map((a) => code('authority', a)).join(', ') })
              : undefined
          }
          data={(reference.data?.discipline.authorities ?? []).map((a) => ({ value: a, label: code('authority', a) }))}
          required
          {...form.getInputProps('authority')}
        />
        <TextInput type="date" label={t('integrity.measures.decidedOn')} required {...form.getInputProps('decidedOn')} />
        <TextInput type="date" label={t('integrity.measures.startsOn')} required {...form.getInputProps('startsOn')} />
        <TextInput type="date" label={t('integrity.measures.endsOn')} {...form.getInputProps('endsOn')} />
        <TextInput label={t('integrity.measures.complaint')} {...form.getInputProps('complaintId')} />
      </SimpleGrid>
      <Textarea label={t('integrity.measures.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
    </CommandDialog>
  );
}

export function Component() {
  return (
    <RequireRoles roles={TUCHT_ROLES}>
      <OrderMeasuresScreen />
    </RequireRoles>
  );
}
