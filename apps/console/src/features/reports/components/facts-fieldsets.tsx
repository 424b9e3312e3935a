import '@mantine/dates/styles.css';
import { Alert, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { codesOf, useCodeLabel } from '@/lib/i18n/codes';
import { useCalendarLabels } from '@/lib/i18n/calendar';
import { dayjs, nowInBrussels } from '@/lib/i18n/dates';
import type { FieldBinder } from './form-binder';
import { FactsRules, FactsValues, newParty } from './facts.model';

const DISPLAY = 'DD/MM/YYYY HH:mm';

/** Typed-in times (`20/11/2026 07:30`) as the picker's wall-clock value; Belgian time throughout. */
function parseTyped(input: string): string | null {
  const d = dayjs(input.trim(), [DISPLAY, 'DD/MM/YYYY H:mm', 'D/M/YYYY HH:mm', 'D/M/YYYY H:mm', 'DD/MM/YYYY'], true);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : null;
}

/** When and where it happened: the time window (Belgian time) and the place. */
export function WhenWhereFieldset({ bind, rules, object = false }: { bind: FieldBinder; rules: FactsRules; object?: boolean }) {
  const { t } = useTranslation();
  const ariaLabels = useCalendarLabels();
  const hint = object ? t('reports.intake.timeWindowHintObject') : t('reports.intake.timeWindowHint');
  const windowRequired = rules.criminal || !!rules.keep?.timeWindow;
  const placeRequired = rules.placeRequired || !!rules.keep?.place;
  const dateProps = {
    valueFormat: DISPLAY,
    withTime: true,
    dateParser: parseTyped,
    maxDate: nowInBrussels(),
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clear') },
    placeholder: t('reports.intake.datePlaceholder'),
    withAsterisk: windowRequired,
    ariaLabels,
  };
  return (
    <Fieldset legend={t('reports.intake.sections.when')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateInput
          label={t('reports.intake.from')}
          description={hint}
          {...dateProps}
          {...bind.props('timeWindow.from')}
          key={bind.key('timeWindow.from')}
        />
        <DateInput
          label={t('reports.intake.to')}
          description={hint}
          {...dateProps}
          {...bind.props('timeWindow.to')}
          key={bind.key('timeWindow.to')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
        <TextInput
          label={t('reports.intake.municipality')}
          withAsterisk={placeRequired}
          {...bind.props('place.municipality')}
          key={bind.key('place.municipality')}
        />
        <TextInput
          label={t('reports.intake.postalCode')}
          inputMode="numeric"
          maxLength={4}
          {...bind.props('place.postalCode')}
          key={bind.key('place.postalCode')}
        />
        <TextInput label={t('reports.intake.address')} {...bind.props('place.address')} key={bind.key('place.address')} />
      </SimpleGrid>
    </Fieldset>
  );
}

/** The parties of a report: name, roles (one or more), contact; add and remove. */
export function PartiesFieldset({ bind, parties }: { bind: FieldBinder; parties: FactsValues['parties'] }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const error = bind.error('parties');
  return (
    <Fieldset legend={t('reports.intake.sections.parties')}>
      <Stack gap="sm">
        {parties.map((p, i) => (
          <Fieldset key={p.key} legend={t('reports.intake.party', { n: i + 1 })} variant="filled" data-testid={`party-${i}`}>
            <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput
                label={t('reports.intake.partyName')}
                withAsterisk
                miw={200}
                {...bind.props(`parties.${i}.name`)}
                key={bind.key(`parties.${i}.name`)}
              />
              <TextInput
                label={t('reports.intake.partyContact')}
                miw={200}
                {...bind.props(`parties.${i}.contact`)}
                key={bind.key(`parties.${i}.contact`)}
              />
            </Group>
            <Checkbox.Group
              label={t('reports.intake.partyRoles')}
              withAsterisk
              mt="xs"
              {...bind.props(`parties.${i}.roles`)}
              key={bind.key(`parties.${i}.roles`)}
            >
              <Group gap="md" mt={4}>
                {codesOf('partyRole').map((r) => (
                  <Checkbox key={r} value={r} label={label('partyRole', r)} />
                ))}
              </Group>
            </Checkbox.Group>
            {parties.length > 1 && (
              <Group justify="flex-end" mt="xs">
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => bind.remove('parties', i)}
                  aria-label={t('reports.intake.removeParty', { n: i + 1 })}
                >
                  {t('common.remove')}
                </Button>
              </Group>
            )}
          </Fieldset>
        ))}
        {error && (
          <Text c="var(--mantine-color-error)" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="default" size="xs" onClick={() => bind.insert('parties', newParty())}>
            {t('reports.intake.addParty')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** The statement, in the reporter's words. */
export function StoryFieldset({ bind }: { bind: FieldBinder }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('reports.intake.sections.story')}>
      <Textarea
        label={t('reports.intake.narrative')}
        description={t('reports.intake.narrativeHint')}
        withAsterisk
        autosize
        minRows={5}
        maxRows={16}
        {...bind.props('narrative')}
        key={bind.key('narrative')}
      />
    </Fieldset>
  );
}

/**
 * Motive flags, victim support, and whether it is a complaint about the police (then the staff it
 * concerns): such a report goes to integrity at once, and the desk keeps only a pointer.
 */
export function ParticularsFieldset({ bind, values, conductWarning }: { bind: FieldBinder; values: FactsValues; conductWarning?: string }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (
    <Fieldset legend={t('reports.intake.sections.flags')}>
      <Checkbox.Group label={t('reports.intake.motiveFlags')} {...bind.props('motiveFlags')} key={bind.key('motiveFlags')}>
        <Group gap="md" mt={4}>
          {codesOf('motiveFlag').map((f) => (
            <Checkbox key={f} value={f} label={label('motiveFlag', f)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Stack gap="xs" mt="sm">
        <Checkbox
          label={t('reports.intake.victimSupportWanted')}
          {...bind.props('victimSupportWanted', { type: 'checkbox' })}
          key={bind.key('victimSupportWanted')}
        />
        <Checkbox
          label={t('reports.intake.concernsPoliceConduct')}
          description={t('reports.intake.concernsPoliceConductHint')}
          {...bind.props('concernsPoliceConduct', { type: 'checkbox' })}
          key={bind.key('concernsPoliceConduct')}
        />
        {values.concernsPoliceConduct && (
          <>
            {conductWarning && (
              <Alert color="orange.9" variant="outline" role="status">
                <Text size="sm">{conductWarning}</Text>
              </Alert>
            )}
            <TagsInput
              label={t('reports.intake.staffMembersConcerned')}
              description={t('reports.intake.staffMembersConcernedHint')}
              maxTags={20}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              {...bind.props('staffMembersConcerned')}
              key={bind.key('staffMembersConcerned')}
            />
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
