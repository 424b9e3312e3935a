import '@mantine/dates/styles.css';
import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../api/reports.types';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, ProblemError } from '@/lib/api';
import { codesOf, useCodeLabel } from '@/lib/i18n/codes';
import { dayjs, nowInBrussels } from '@/lib/i18n/dates';
import { useReceiveReport, useReportsReference } from '../api/reports.api';
import { initialIntakeValues, IntakeValues, OBJECT_KINDS, toReceiveReportBody, validateIntake } from './intake-form.model';
import { PartiesFieldset } from './parties-fieldset';

const DISPLAY = 'DD/MM/YYYY HH:mm';

/** Typed-in times (`20/11/2026 07:30`) as the picker's wall-clock value; Belgian time throughout. */
function parseTyped(input: string): string | null {
  const d = dayjs(input.trim(), [DISPLAY, 'DD/MM/YYYY H:mm', 'D/M/YYYY HH:mm', 'D/M/YYYY H:mm', 'DD/MM/YYYY'], true);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : null;
}

/** Where a refusal names an object or a header rather than a field, the field that shows it. */
const FIELD_ALIASES = { timeWindow: 'timeWindow.from', place: 'place.municipality', object: 'object.description', channel: 'channel.kind' };

/**
 * The front desk's intake: one form for every kind and channel. It checks the obvious itself and shows
 * the service's refusals beside the fields they name; a retry of the same form (a double click, a lost
 * answer) is answered with the first report (one Idempotency-Key per form).
 */
export function IntakeForm({ onCreated }: { onCreated: (report: ReportView) => void }) {
  const { t, i18n } = useTranslation();
  const label = useCodeLabel();
  const reference = useReportsReference();
  const receive = useReceiveReport();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const form = useForm<IntakeValues>({
    initialValues: initialIntakeValues(),
    validate: (v) => validateIntake(v, t('reports.intake.validation', { returnObjects: true })),
  });
  const values = form.getValues();
  const frontDesk = values.channel.kind === 'front_desk';
  const objectKind = !!values.kind && OBJECT_KINDS.includes(values.kind);

  const submit = form.onSubmit((v) => {
    setProblem(null);
    receive.mutate(
      { body: toReceiveReportBody(v), idempotencyKey },
      {
        onSuccess: (answer) => {
          setIdempotencyKey(crypto.randomUUID());
          onCreated(answer.data);
        },
        onError: (error) => {
          const unplaced = error instanceof ProblemError ? applyProblemToForm(form, error, t, FIELD_ALIASES) : [];
          setProblem({ error, unplaced });
        },
      },
    );
  });

  const dateProps = {
    valueFormat: DISPLAY,
    withTime: true,
    dateParser: parseTyped,
    maxDate: nowInBrussels(),
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clear') },
    placeholder: t('reports.intake.datePlaceholder'),
  };

  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <form onSubmit={submit} noValidate aria-label={t('reports.intake.title')}>
        <Stack gap="md" maw={960}>
          {problem && <ProblemAlert error={problem.error} unplaced={problem.unplaced} />}
          <Fieldset legend={t('reports.intake.sections.what')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('reports.intake.kind')}
                withAsterisk
                data={codesOf('reportKind').map((k) => ({ value: k, label: label('reportKind', k) }))}
                {...form.getInputProps('kind')}
                key={form.key('kind')}
              />
              <TextInput label={t('reports.intake.incidentType')} description={t('reports.intake.incidentTypeHint')} {...form.getInputProps('incidentType')} key={form.key('incidentType')} />
            </SimpleGrid>
            {objectKind && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
                <TextInput label={t('reports.intake.objectDescription')} withAsterisk {...form.getInputProps('object.description')} key={form.key('object.description')} />
                <Select
                  label={t('reports.intake.objectCategory')}
                  clearable
                  data={codesOf('objectCategory').map((c) => ({ value: c, label: label('objectCategory', c) }))}
                  {...form.getInputProps('object.category')}
                  key={form.key('object.category')}
                />
              </SimpleGrid>
            )}
          </Fieldset>

          <Fieldset legend={t('reports.intake.sections.how')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('reports.intake.channel')}
                withAsterisk
                allowDeselect={false}
                data={codesOf('channel').map((c) => ({ value: c, label: label('channel', c) }))}
                {...form.getInputProps('channel.kind')}
                key={form.key('channel.kind')}
              />
              {frontDesk && (
                <Select
                  label={t('reports.intake.office')}
                  withAsterisk
                  disabled={!reference.data}
                  data={(reference.data?.offices ?? []).map((o) => ({ value: o.id, label: o.walkIn ? o.name : t('reports.intake.officeAppointment', { name: o.name }) }))}
                  {...form.getInputProps('channel.officeId')}
                  key={form.key('channel.officeId')}
                />
              )}
              {frontDesk && (
                <TextInput
                  label={t('reports.intake.appointmentRef')}
                  description={t('reports.intake.appointmentRefHint')}
                  {...form.getInputProps('appointmentRef')}
                  key={form.key('appointmentRef')}
                />
              )}
            </SimpleGrid>
            <Checkbox mt="sm" label={t('reports.intake.urgent')} {...form.getInputProps('urgent', { type: 'checkbox' })} key={form.key('urgent')} />
          </Fieldset>

          <Fieldset legend={t('reports.intake.sections.when')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateInput label={t('reports.intake.from')} description={t('reports.intake.timeWindowHint')} {...dateProps} {...form.getInputProps('timeWindow.from')} key={form.key('timeWindow.from')} />
              <DateInput label={t('reports.intake.to')} description={t('reports.intake.timeWindowHint')} {...dateProps} {...form.getInputProps('timeWindow.to')} key={form.key('timeWindow.to')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
              <TextInput label={t('reports.intake.municipality')} {...form.getInputProps('place.municipality')} key={form.key('place.municipality')} />
              <TextInput label={t('reports.intake.postalCode')} inputMode="numeric" maxLength={4} {...form.getInputProps('place.postalCode')} key={form.key('place.postalCode')} />
              <TextInput label={t('reports.intake.address')} {...form.getInputProps('place.address')} key={form.key('place.address')} />
            </SimpleGrid>
          </Fieldset>

          <PartiesFieldset form={form} />

          <Fieldset legend={t('reports.intake.sections.story')}>
            <Textarea
              label={t('reports.intake.narrative')}
              description={t('reports.intake.narrativeHint')}
              withAsterisk
              autosize
              minRows={5}
              maxRows={16}
              {...form.getInputProps('narrative')}
              key={form.key('narrative')}
            />
          </Fieldset>

          <Fieldset legend={t('reports.intake.sections.flags')}>
            <Checkbox.Group label={t('reports.intake.motiveFlags')} {...form.getInputProps('motiveFlags')} key={form.key('motiveFlags')}>
              <Group gap="md" mt={4}>
                {codesOf('motiveFlag').map((f) => (
                  <Checkbox key={f} value={f} label={label('motiveFlag', f)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Stack gap="xs" mt="sm">
              <Checkbox label={t('reports.intake.victimSupportWanted')} {...form.getInputProps('victimSupportWanted', { type: 'checkbox' })} key={form.key('victimSupportWanted')} />
              <Checkbox
                label={t('reports.intake.concernsPoliceConduct')}
                description={t('reports.intake.concernsPoliceConductHint')}
                {...form.getInputProps('concernsPoliceConduct', { type: 'checkbox' })}
                key={form.key('concernsPoliceConduct')}
              />
            </Stack>
          </Fieldset>

          <Group justify="flex-end">
            <Button type="submit" loading={receive.isPending}>
              {t('reports.intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
