import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/page-title';
import { RequireRoles } from '@/components/require-roles';
import { Section } from '@/components/section';
import { useCodeLabel } from '@/lib/i18n/codes';
import { DECISION_ROLES } from '../access';
import { useReference } from '../api/counter.api';
import { ItemLookup } from '../components/item-lookup';
import { useCounterLabel } from '../labels';

/** How disposal works in the zone (decision first, then the witnesses its rules ask for), and the item to dispose of by its label. */
function DisposalsScreen() {
  const { t } = useTranslation();
  const label = useCounterLabel();
  const code = useCodeLabel();
  const reference = useReference();
  const rules = reference.data?.witnessRules.filter((r) => r.witnesses > 0) ?? [];
  return (
    <Stack gap="md">
      <PageTitle>{t('counter.disposals.title')}</PageTitle>
      <Text size="sm">{t('counter.disposals.intro')}</Text>
      <ItemLookup />
      <Section id="disposal-rules" title={t('counter.disposals.rules')}>
        {reference.data && rules.length === 0 && <Text size="sm">{t('counter.disposals.noRules')}</Text>}
        <List size="sm">
          {rules.map((r) => (
            <List.Item key={`${r.disposition}:${r.category}`}>
              {t('counter.disposals.rule', {
                count: r.witnesses,
                disposition: label('disposition', r.disposition),
                category: code('evidenceCategory', r.category),
              })}
            </List.Item>
          ))}
        </List>
      </Section>
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={DECISION_ROLES}>
      <DisposalsScreen />
    </RequireRoles>
  );
}
