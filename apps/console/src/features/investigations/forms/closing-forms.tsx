import { Select, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { investigationsApi } from '@/lib/api';
import type { CaseFile, ClosingOutcome, InvestigationKind } from '../api/investigations.api';
import { CaseRef, CommandDialog } from '../components/command-form';
import { investigationCodes, useInvestigationLabel } from '../model/labels';
import { AuthorityFields, authoritiesFor, AuthorityValues, required } from './fields';

interface DialogProps {
  kase: CaseRef;
  file: CaseFile;
  opened: boolean;
  onClose: () => void;
}

/** Record the directing magistrate and their reference; an onderzoeksrechter makes it a gerechtelijk onderzoek. */
export function DirectingAuthorityDialog({ kase, file, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const form = useForm<{ kind: InvestigationKind | null; directingAuthority: AuthorityValues }>({
    initialValues: {
      kind: file.kind,
      directingAuthority: { authority: file.directingAuthority?.authority ?? null, reference: file.directingAuthority?.reference ?? '' },
    },
    validate: {
      kind: required(t),
      directingAuthority: {
        authority: (v, values) =>
          required(t)(v) ?? (v && !authoritiesFor(values.kind)?.includes(v) ? t('investigations.authority.mismatch') : null),
        reference: required(t),
      },
    },
  });
  const kind = form.getValues().kind;
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.authority.title')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.authority.submit')}
      done={t('investigations.authority.done')}
      // The request names the magistrate `authority` and `reference` at its top level.
      aliases={{
        authority: 'directingAuthority.authority',
        reference: 'directingAuthority.reference',
        'directingAuthority.authority': 'directingAuthority.authority',
      }}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/directing-authority', {
            params: { path: { id: kase.id }, header: headers },
            body: { kind: v.kind!, authority: v.directingAuthority.authority!, reference: v.directingAuthority.reference.trim() },
          }),
      })}
    >
      <Select
        label={t('investigations.file.kind')}
        withAsterisk
        allowDeselect={false}
        data={investigationCodes('investigationKind').map((k) => ({ value: k, label: label('investigationKind', k) }))}
        {...form.getInputProps('kind')}
        key={form.key('kind')}
      />
      <AuthorityFields
        form={form}
        path="directingAuthority"
        legend={t('investigations.authority.magistrate')}
        allowed={authoritiesFor(kind)}
        description={t('investigations.authority.rule')}
        requiredMark
      />
    </CommandDialog>
  );
}

/** Report to the magistrate: the final report's PV and a summary (once; closing "reported" needs it). */
export function ReportToMagistrateDialog({ kase, file, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useForm<{ to: AuthorityValues; reportPvNumber: string; summary: string }>({
    initialValues: {
      to: { authority: file.directingAuthority?.authority ?? null, reference: file.directingAuthority?.reference ?? '' },
      reportPvNumber: '',
      summary: '',
    },
    validate: { to: { authority: required(t), reference: required(t) }, reportPvNumber: required(t), summary: required(t) },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.closing.reportTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.closing.reportSubmit')}
      done={t('investigations.closing.reportDone')}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/report-to-magistrate', {
            params: { path: { id: kase.id }, header: headers },
            body: {
              to: { authority: v.to.authority!, reference: v.to.reference.trim() },
              reportPvNumber: v.reportPvNumber.trim(),
              summary: v.summary.trim(),
            },
          }),
      })}
    >
      <AuthorityFields form={form} path="to" legend={t('investigations.closing.to')} requiredMark />
      <TextInput
        label={t('investigations.closing.reportPvNumber')}
        description={t('investigations.closing.reportPvNumberHint')}
        withAsterisk
        {...form.getInputProps('reportPvNumber')}
        key={form.key('reportPvNumber')}
      />
      <Textarea
        label={t('investigations.closing.summary')}
        withAsterisk
        autosize
        minRows={3}
        {...form.getInputProps('summary')}
        key={form.key('summary')}
      />
    </CommandDialog>
  );
}

/** Close with an outcome; "reported to the magistrate" needs the report first, a transfer names the unit, a merger the case. */
export function CloseDialog({ kase, file, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const reported = file.reportedToMagistrate !== null;
  const form = useForm<{ outcome: ClosingOutcome | null; reason: string; transferredTo: string; mergedInto: string }>({
    initialValues: { outcome: reported ? 'reported_to_magistrate' : null, reason: '', transferredTo: '', mergedInto: '' },
    validate: {
      outcome: required(t),
      reason: required(t),
      transferredTo: (v, values) => (values.outcome === 'transferred_to_federal_police' ? required(t)(v) : null),
      mergedInto: (v, values) =>
        values.outcome === 'merged_into_other_investigation'
          ? (required(t)(v) ?? (/^[0-9a-f-]{36}$/i.test(v.trim()) ? null : t('investigations.form.caseIdInvalid')))
          : null,
    },
  });
  const outcome = form.getValues().outcome;
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.closing.closeTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.closing.closeSubmit')}
      done={t('investigations.closing.closeDone')}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/closure', {
            params: { path: { id: kase.id }, header: headers },
            body: {
              outcome: v.outcome!,
              reason: v.reason.trim(),
              ...(v.outcome === 'transferred_to_federal_police' ? { transferredTo: v.transferredTo.trim() } : {}),
              ...(v.outcome === 'merged_into_other_investigation' ? { mergedInto: v.mergedInto.trim() } : {}),
            },
          }),
      })}
    >
      <Select
        label={t('investigations.closing.outcome')}
        withAsterisk
        data={investigationCodes('closingOutcome').map((o) => ({
          value: o,
          label:
            o === 'reported_to_magistrate' && !reported
              ? t('investigations.closing.outcomeNeedsReport', { outcome: label('closingOutcome', o) })
              : label('closingOutcome', o),
          disabled: o === 'reported_to_magistrate' && !reported,
        }))}
        {...form.getInputProps('outcome')}
        key={form.key('outcome')}
      />
      {!reported && <Text size="xs">{t('investigations.closing.reportFirst')}</Text>}
      {outcome === 'transferred_to_federal_police' && (
        <TextInput
          label={t('investigations.closing.transferredTo')}
          withAsterisk
          {...form.getInputProps('transferredTo')}
          key={form.key('transferredTo')}
        />
      )}
      {outcome === 'merged_into_other_investigation' && (
        <TextInput
          label={t('investigations.closing.mergedInto')}
          description={t('investigations.form.caseIdHint')}
          withAsterisk
          {...form.getInputProps('mergedInto')}
          key={form.key('mergedInto')}
        />
      )}
      <Textarea
        label={t('investigations.form.reason')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
        key={form.key('reason')}
      />
    </CommandDialog>
  );
}

/** Reopen a closed case, with a reason. */
export function ReopenDialog({ kase, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useForm<{ reason: string }>({ initialValues: { reason: '' }, validate: { reason: required(t) } });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.closing.reopenTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.closing.reopenSubmit')}
      done={t('investigations.closing.reopenDone')}
      size="md"
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/reopening', {
            params: { path: { id: kase.id }, header: headers },
            body: { reason: v.reason.trim() },
          }),
      })}
    >
      <Textarea
        label={t('investigations.form.reason')}
        withAsterisk
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps('reason')}
        key={form.key('reason')}
      />
    </CommandDialog>
  );
}
