import { ActionIcon, Anchor, Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
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
import { OpenThreatFileBody, PAGE_SIZE, useOpenThreatFile, useThreatFileList } from '../api/integrity.api';
import { CommandDialog } from '../components/command-dialog';
import { useIntegrityCode, useStaffName, useStaffOptions } from '../components/words';

const STATUSES = ['open', 'closed'] as const;
const INVOLVEMENTS = ['subject', 'target', 'unspecified'] as const;
const day = (d: string | null | undefined) => (d ? formatDate(`${d}T12:00:00Z`) : '');

function ThreatFilesScreen() {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const [params, set] = useListParams();
  const page = pageOf(params);
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as (typeof STATUSES)[number])
    : undefined;
  const list = useThreatFileList(status, (page - 1) * PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('integrity.threats.title')}</PageTitle>
        <Button onClick={() => setCreating(true)}>{t('integrity.threats.new')}</Button>
      </Group>
      <Text size="sm" mb="sm">
        {t('integrity.threats.intro')}
      </Text>
      <Select
        maw={260}
        mb="sm"
        label={t('integrity.measures.status')}
        placeholder={t('integrity.list.all')}
        clearable
        value={status ?? null}
        onChange={(v) => set('status', v)}
        data={STATUSES.map((s) => ({ value: s, label: code('threatStatus', s) }))}
        clearButtonProps={{ 'aria-label': t('common.clear') }}
      />
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isSuccess && items.length === 0 && <Text>{t('integrity.threats.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Caption>{t('integrity.threats.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrity.threats.columns.openedOn')}</Table.Th>
                <Table.Th>{t('integrity.threats.columns.involved')}</Table.Th>
                <Table.Th>{t('integrity.threats.columns.status')}</Table.Th>
                <Table.Th>{t('integrity.threats.columns.closedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/integrity/threat-files/${f.id}`} size="sm">
                      {day(f.openedOn)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{f.involved.map((m) => `${staff(m.staffId)}: ${code('involvement', m.involvement)}`).join('; ')}</Table.Td>
                  <Table.Td>{code('threatStatus', f.status)}</Table.Td>
                  <Table.Td>{day(f.closedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPagination page={page} shown={items.length} pageSize={PAGE_SIZE} onChange={(p) => set('page', String(p))} />
      {creating && <OpenThreatFileDialog onClose={() => setCreating(false)} />}
    </>
  );
}

function OpenThreatFileDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const navigate = useNavigate();
  const staff = useStaffOptions();
  const open = useOpenThreatFile();
  const [key] = useState(() => crypto.randomUUID());
  const form = useForm({
    initialValues: { openedOn: todayInBrussels(), summary: '', involved: [{ staffId: '', involvement: 'unspecified' }] },
    validate: { summary: (v) => (v.trim() ? null : t('common.required')), involved: { staffId: (v) => (v ? null : t('common.required')) } },
  });
  return (
    <CommandDialog
      title={t('integrity.threats.new')}
      opened
      onClose={onClose}
      form={form}
      mutation={{
        isPending: open.isPending,
        mutate: (body: OpenThreatFileBody, callbacks) =>
          open.mutate(
            { body, key },
            {
              onSuccess: (a) => {
                callbacks.onSuccess();
                void navigate(`/integrity/threat-files/${a.data.id}`);
              },
              onError: callbacks.onError,
            },
          ),
      }}
      onReload={() => undefined}
      submitLabel={t('integrity.threats.new')}
      done={t('integrity.threats.created')}
      command={(v) => ({
        openedOn: v.openedOn,
        summary: v.summary.trim(),
        involved: v.involved.map((m) => ({ staffId: m.staffId, involvement: m.involvement as (typeof INVOLVEMENTS)[number] })),
      })}
    >
      <TextInput type="date" label={t('integrity.threats.openedOn')} required {...form.getInputProps('openedOn')} />
      <Textarea label={t('integrity.threats.summary')} required autosize minRows={2} {...form.getInputProps('summary')} />
      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" size="sm" fw={600}>
          {t('integrity.threats.involved')}
        </Text>
        {form.values.involved.map((_, i) => (
          <Group key={i} align="flex-end" gap="xs" role="group" aria-label={t('integrity.threats.involvedPerson', { n: i + 1 })}>
            <Select
              style={{ flex: 2 }}
              label={t('integrity.measures.staff')}
              data={staff}
              searchable
              required
              {...form.getInputProps(`involved.${i}.staffId`)}
            />
            <Select
              style={{ flex: 1 }}
              label={t('integrity.threats.involvement')}
              data={INVOLVEMENTS.map((k) => ({ value: k, label: code('involvement', k) }))}
              allowDeselect={false}
              {...form.getInputProps(`involved.${i}.involvement`)}
            />
            {form.values.involved.length > 1 && (
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('integrity.threats.removePerson', { n: i + 1 })}
                onClick={() => form.removeListItem('involved', i)}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        <Button
          variant="default"
          size="xs"
          w="fit-content"
          onClick={() => form.insertListItem('involved', { staffId: '', involvement: 'unspecified' })}
        >
          {t('integrity.threats.addPerson')}
        </Button>
      </Stack>
    </CommandDialog>
  );
}

export function Component() {
  return (
    <RequireRoles roles={TUCHT_ROLES}>
      <ThreatFilesScreen />
    </RequireRoles>
  );
}
