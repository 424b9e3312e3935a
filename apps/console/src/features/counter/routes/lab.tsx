import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { Section } from '@/components/section';
import { ITEM_READER_ROLES } from '../access';
import { ListEntry, useItems } from '../api/counter.api';
import { partyName } from '../components/fields';
import { ItemLookup } from '../components/item-lookup';
import { ItemTable } from '../components/item-table';

/** What is still out at a lab, by lab (items whose custodian is a lab: the lab accepted them and has not handed them back). */
function LabScreen() {
  const { t } = useTranslation();
  const atLabs = useItems({ custodianKind: 'lab', status: 'held', limit: 200 });
  const byLab = new Map<string, ListEntry[]>();
  for (const e of atLabs.data?.items ?? []) byLab.set(partyName(e.custodian, t), [...(byLab.get(partyName(e.custodian, t)) ?? []), e]);
  return (
    <Stack gap="md">
      <PageTitle>{t('counter.lab.title')}</PageTitle>
      <Text size="sm">{t('counter.lab.intro')}</Text>
      <ItemLookup />
      {atLabs.isError && <ProblemAlert error={atLabs.error} />}
      {atLabs.data && byLab.size === 0 && (
        <Text size="sm" c="dimmed">
          {t('counter.lab.noneOut')}
        </Text>
      )}
      {[...byLab.entries()].map(([lab, items], i) => (
        <Section key={lab} id={`lab-${i}`} title={t('counter.lab.out', { lab })}>
          <ItemTable items={items} caption={t('counter.lab.out', { lab })} />
        </Section>
      ))}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={ITEM_READER_ROLES}>
      <LabScreen />
    </RequireRoles>
  );
}
