import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportKeys, useAmendReport } from '../api/reports.api';
import type { OpenReport, ReportView } from '../api/reports.types';
import { useCommandProblem } from './command-dialog';
import { ProblemAlert } from '@/components/problem-alert';
import { useLiveHold } from '@/lib/live';
import { ParticularsFieldset, PartiesFieldset, StoryFieldset, WhenWhereFieldset } from './facts-fieldsets';
import { amendmentChanges, CRIMINAL_KINDS, FactsValues, factsFromReport, OBJECT_KINDS, validateFacts } from './facts.model';
import { bindFields } from './form-binder';

interface Values {
  changes: FactsValues;
  reason: string;
}

/** Where a refusal names an object rather than a field, the field that shows it. */
const FIELD_ALIASES = { 'changes.timeWindow': 'changes.timeWindow.from', 'changes.place': 'changes.place.municipality' };

/**
 * Amends a report's facts on the version that was read (If-Match with its ETag), with a reason: only
 * the fields that changed are sent, and what was said before stays in the record. When someone else
 * changed the report meanwhile, the service answers 412 and the form offers to load the new version
 * (the form starts again from it). Saying the report concerns police conduct sends it to integrity.
 */
export function AmendReportForm(props: {
  report: OpenReport;
  etag: string | null;
  onDone: () => void;
  onSaved: (view: ReportView) => void;
  onReload: () => Promise<unknown>;
}) {
  const { report, etag, onDone, onSaved, onReload } = props;
  const { t, i18n } = useTranslation();
  const amend = useAmendReport(report.reportId);
  // A live change does not replace the report under the draft: saving on the old version gets the 412.
  useLiveHold(reportKeys.detail(report.reportId));
  const { problem, clear, fail } = useCommandProblem();
  const [nothing, setNothing] = useState(false);
  const original = useMemo(() => factsFromReport(report), [report]);
  const rules = {
    criminal: CRIMINAL_KINDS.includes(report.kind),
    placeRequired: OBJECT_KINDS.includes(report.kind),
    keep: {
      incidentType: report.incidentType !== undefined,
      timeWindow: report.timeWindow !== undefined,
      place: report.place !== undefined,
    },
  };
  const form = useForm<Values>({
    initialValues: { changes: original, reason: '' },
    validate: (v) => ({
      ...validateFacts(v.changes, t('reports.intake.validation', { returnObjects: true }), rules, 'changes.'),
      ...(v.reason.trim() ? {} : { reason: t('reports.intake.validation.required') }),
    }),
  });
  const values = form.getValues();
  const bind = bindFields(form, 'changes.');
  const submit = form.onSubmit((v) => {
    clear();
    const changes = amendmentChanges(original, v.changes);
    setNothing(Object.keys(changes).length === 0);
    if (Object.keys(changes).length === 0) return;
    amend.mutate(
      { body: { changes, reason: v.reason.trim() }, etag },
      { onSuccess: (answer) => onSaved(answer.data), onError: fail(form, FIELD_ALIASES) },
    );
  });
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <form onSubmit={submit} noValidate aria-labelledby="amend-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="amend-title">
            {t('reports.amend.title')}
          </Title>
          {problem && (
            <ProblemAlert
              error={problem.error}
              unplaced={problem.unplaced}
              onReload={async () => {
                clear();
                await onReload();
              }}
            />
          )}
          {nothing && (
            <Text size="sm" role="status">
              {t('reports.amend.nothing')}
            </Text>
          )}
          <TextInput
            label={t('reports.intake.incidentType')}
            description={t('reports.intake.incidentTypeHint')}
            withAsterisk={rules.criminal || rules.keep.incidentType}
            {...bind.props('incidentType')}
            key={bind.key('incidentType')}
          />
          <WhenWhereFieldset bind={bind} rules={rules} object={rules.placeRequired} />
          <PartiesFieldset bind={bind} parties={values.changes.parties} />
          <StoryFieldset bind={bind} />
          <ParticularsFieldset bind={bind} values={values.changes} conductWarning={t('reports.amend.conductWarning')} />
          <TextInput
            label={t('reports.amend.reason')}
            description={t('reports.amend.reasonHint')}
            withAsterisk
            {...form.getInputProps('reason')}
            key={form.key('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={amend.isPending}>
              {t('reports.amend.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
