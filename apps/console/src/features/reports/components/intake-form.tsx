import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, ProblemError } from '@/lib/api';
import { codesOf, useCodeLabel } from '@/lib/i18n/codes';
import { useReceiveReport, useReportsReference } from '../api/reports.api';
import type { ReportKind, ReportView } from '../api/reports.types';
import { ParticularsFieldset, PartiesFieldset, StoryFieldset, WhenWhereFieldset } from './facts-fieldsets';
import { bindFields } from './form-binder';
import {
  appointmentExpected,
  CRIMINAL_KINDS,
  initialIntakeValues,
  IntakeValues,
  OBJECT_KINDS,
  toReceiveReportBody,
  validateIntake,
} from './intake-form.model';

/** Where a refusal names an object or a header rather than a field, the field that shows it. */
const FIELD_ALIASES = { timeWindow: 'timeWindow.from', place: 'place.municipality', object: 'object.description', channel: 'channel.kind' };

/**
 * The front desk's intake: one form for every kind and channel (the declaration screen offers it for
 * lost and found objects only). It says beforehand what the kind and the office ask for, checks the
 * obvious itself and shows the service's refusals beside the fields they name; a retry of the same
 * form (a double click, a lost answer) is answered with the first report (one Idempotency-Key per form).
 */
export function IntakeForm({
  onCreated,
  kinds,
  defaultKind = null,
}: {
  onCreated: (report: ReportView) => void;
  kinds?: readonly ReportKind[];
  defaultKind?: ReportKind | null;
}) {
  const { t, i18n } = useTranslation();
  const label = useCodeLabel();
  const reference = useReportsReference();
  const receive = useReceiveReport();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const form = useForm<IntakeValues>({
    initialValues: initialIntakeValues(defaultKind),
    validate: (v) => validateIntake(v, t('reports.intake.validation', { returnObjects: true })),
  });
  const values = form.getValues();
  const offices = reference.data?.offices ?? [];
  const onlyOffice = offices.length === 1 ? offices[0].id : null;
  useEffect(() => {
    // One office in the zone: it is the desk's.
    if (onlyOffice && form.getValues().channel.officeId === null) form.setFieldValue('channel.officeId', onlyOffice);
  }, [onlyOffice, form]);
  const frontDesk = values.channel.kind === 'front_desk';
  const objectKind = !!values.kind && OBJECT_KINDS.includes(values.kind);
  const criminal = !!values.kind && CRIMINAL_KINDS.includes(values.kind);
  const needsAppointment = appointmentExpected(values, offices);
  const bind = bindFields(form);

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

  const kindHint = criminal ? t('reports.intake.kindHint.criminal') : objectKind ? t('reports.intake.kindHint.object') : undefined;

  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <form onSubmit={submit} noValidate aria-label={t('reports.intake.title')}>
        <Stack gap="md" maw={960}>
          {problem && <ProblemAlert error={problem.error} unplaced={problem.unplaced} />}
          <Fieldset legend={t('reports.intake.sections.what')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('reports.intake.kind')}
                description={kindHint}
                withAsterisk
                data={(kinds ?? codesOf('reportKind')).map((k) => ({ value: k, label: label('reportKind', k) }))}
                {...form.getInputProps('kind')}
                key={form.key('kind')}
              />
              {!objectKind && (
                <TextInput
                  label={t('reports.intake.incidentType')}
                  description={t('reports.intake.incidentTypeHint')}
                  withAsterisk={criminal}
                  {...form.getInputProps('incidentType')}
                  key={form.key('incidentType')}
                />
              )}
            </SimpleGrid>
          </Fieldset>

          {objectKind && (
            <Fieldset legend={t('reports.intake.sections.object')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('reports.intake.objectDescription')}
                  withAsterisk
                  {...form.getInputProps('object.description')}
                  key={form.key('object.description')}
                />
                <Select
                  label={t('reports.intake.objectCategory')}
                  clearable
                  data={codesOf('objectCategory').map((c) => ({ value: c, label: label('objectCategory', c) }))}
                  {...form.getInputProps('object.category')}
                  key={form.key('object.category')}
                />
              </SimpleGrid>
            </Fieldset>
          )}

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
                  data={offices.map((o) => ({
                    value: o.id,
                    label: t(o.walkIn ? 'reports.intake.officeWalkIn' : 'reports.intake.officeAppointment', { name: o.name }),
                  }))}
                  {...form.getInputProps('channel.officeId')}
                  key={form.key('channel.officeId')}
                />
              )}
              {frontDesk && (
                <TextInput
                  label={t('reports.intake.appointmentRef')}
                  description={needsAppointment ? t('reports.intake.appointmentRefExpected') : t('reports.intake.appointmentRefHint')}
                  withAsterisk={needsAppointment}
                  {...form.getInputProps('appointmentRef')}
                  key={form.key('appointmentRef')}
                />
              )}
            </SimpleGrid>
            <Checkbox
              mt="sm"
              label={t('reports.intake.urgent')}
              description={frontDesk && criminal ? t('reports.intake.urgentHint') : undefined}
              {...form.getInputProps('urgent', { type: 'checkbox' })}
              key={form.key('urgent')}
            />
          </Fieldset>

          <WhenWhereFieldset bind={bind} rules={{ criminal, placeRequired: objectKind }} object={objectKind} />
          <PartiesFieldset bind={bind} parties={values.parties} />
          <StoryFieldset bind={bind} />
          {!objectKind && <ParticularsFieldset bind={bind} values={values} />}

          <Group justify="flex-end">
            {receive.isPending && <Text size="sm">{t('reports.intake.submitting')}</Text>}
            <Button type="submit" loading={receive.isPending}>
              {t('reports.intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
