import { Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { codesOf, useCodeLabel } from '@/lib/i18n/codes';
import { formatDate } from '@/lib/i18n/dates';
import { POPP_ROLES } from '../access';
import { FoundObjectCategory, FoundObjectStatus, useFoundObjects } from '../api/found-objects.api';
import { HoldingPeriod } from '../components/holding-period';
import { foundObjectCodes, useFoundObjectLabel } from '../labels';

/** POPP's register of found objects: filters in the address, newest first, the holding period on every line. */
function RegisterScreen() {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const label = useFoundObjectLabel();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'held') as FoundObjectStatus | 'all';
  const category = params.get('category') as FoundObjectCategory | null;
  const list = useFoundObjects({ ...(status !== 'all' ? { status } : {}), ...(category ? { category } : {}) });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const now = Date.now();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('foundObjects.register.title')}</PageTitle>
        <Button component={Link} to="/found-objects/new">
          {t('foundObjects.register.new')}
        </Button>
      </Group>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('foundObjects.register.status')}
          allowDeselect={false}
          data={[
            { value: 'all', label: t('foundObjects.register.all') },
            ...foundObjectCodes('status').map((s) => ({ value: s, label: label('status', s) })),
          ]}
          value={status}
          onChange={(v) => set('status', v)}
        />
        <Select
          label={t('foundObjects.register.category')}
          clearable
          placeholder={t('foundObjects.register.all')}
          data={codesOf('objectCategory').map((c) => ({ value: c, label: code('objectCategory', c) }))}
          value={category}
          onChange={(v) => set('category', v)}
        />
      </Group>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && list.data.foundObjects.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('foundObjects.register.empty')}
        </Text>
      )}
      {list.data && list.data.foundObjects.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Caption>{t('foundObjects.register.count', { count: list.data.foundObjects.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('foundObjects.fields.description')}</Table.Th>
                <Table.Th>{t('foundObjects.fields.category')}</Table.Th>
                <Table.Th>{t('foundObjects.fields.foundOn')}</Table.Th>
                <Table.Th>{t('foundObjects.fields.status')}</Table.Th>
                <Table.Th>{t('foundObjects.fields.holdingPeriodEnds')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.foundObjects.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/found-objects/${f.id}`} size="sm">
                      {f.description}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{code('objectCategory', f.category)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(f.foundOn)}</Table.Td>
                  <Table.Td>{label('status', f.status)}</Table.Td>
                  <Table.Td>
                    <HoldingPeriod endsAt={f.holdingPeriodEndsAt} held={f.status === 'held'} now={now} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={POPP_ROLES}>
      <RegisterScreen />
    </RequireRoles>
  );
}
