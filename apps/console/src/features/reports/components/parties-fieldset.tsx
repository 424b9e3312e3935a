import { Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { codesOf, useCodeLabel } from '@/lib/i18n/codes';
import { IntakeValues, newParty } from './intake-form.model';

/** The parties of a report: name, roles (one or more), contact; add and remove. */
export function PartiesFieldset({ form }: { form: UseFormReturnType<IntakeValues> }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const parties = form.getValues().parties;
  return (
    <Fieldset legend={t('reports.intake.sections.parties')}>
      <Stack gap="sm">
        {parties.map((p, i) => (
          <Fieldset key={p.key} legend={t('reports.intake.party', { n: i + 1 })} variant="filled" data-testid={`party-${i}`}>
            <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput label={t('reports.intake.partyName')} withAsterisk miw={200} {...form.getInputProps(`parties.${i}.name`)} key={form.key(`parties.${i}.name`)} />
              <TextInput label={t('reports.intake.partyContact')} miw={200} {...form.getInputProps(`parties.${i}.contact`)} key={form.key(`parties.${i}.contact`)} />
            </Group>
            <Checkbox.Group label={t('reports.intake.partyRoles')} withAsterisk mt="xs" {...form.getInputProps(`parties.${i}.roles`)} key={form.key(`parties.${i}.roles`)}>
              <Group gap="md" mt={4}>
                {codesOf('partyRole').map((r) => (
                  <Checkbox key={r} value={r} label={label('partyRole', r)} />
                ))}
              </Group>
            </Checkbox.Group>
            {parties.length > 1 && (
              <Group justify="flex-end" mt="xs">
                <Button variant="default" size="xs" onClick={() => form.removeListItem('parties', i)} aria-label={t('reports.intake.removeParty', { n: i + 1 })}>
                  {t('common.remove')}
                </Button>
              </Group>
            )}
          </Fieldset>
        ))}
        {form.errors.parties && (
          <Text c="var(--mantine-color-error)" size="sm" role="alert">
            {form.errors.parties}
          </Text>
        )}
        <Group>
          <Button variant="default" size="xs" onClick={() => form.insertListItem('parties', newParty())}>
            {t('reports.intake.addParty')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
