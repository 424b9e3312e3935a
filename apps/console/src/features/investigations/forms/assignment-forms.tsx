import { Alert, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { investigationsApi } from '@/lib/api';
import { useUser } from '@/lib/auth';
import type { CaseFile } from '../api/investigations.api';
import { useReference } from '../api/investigations.api';
import { CaseRef, CommandDialog } from '../components/command-form';
import { useInvestigationLabel } from '../model/labels';
import { required, text } from './fields';

interface DialogProps {
  kase: CaseRef;
  file: CaseFile;
  opened: boolean;
  onClose: () => void;
}

const ROUTED = '__routing__';

/** Reassign to another team, named or by the zone's routing of the phenomenon; the history is kept. */
export function TeamDialog({ kase, file, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const user = useUser();
  const reference = useReference();
  const form = useForm<{ team: string | null; reason: string }>({
    initialValues: { team: null, reason: '' },
    validate: { team: required(t), reason: required(t) },
  });
  const routed = reference.data?.routes.find((r) => r.phenomenon === file.phenomenon)?.team;
  const chosen = form.getValues().team;
  const target = chosen === ROUTED ? routed : chosen;
  const restricted = !!target && (reference.data?.restrictedTeams ?? []).includes(target);
  const leaves = !!target && !user.teams.includes(target) && file.leadInvestigator !== user.staffId && !file.members.includes(user.staffId);
  const teams = (reference.data?.teams ?? []).filter((tm) => tm !== file.team);
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.assignment.teamTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.assignment.teamSubmit')}
      done={t('investigations.assignment.teamDone')}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/assignment', {
            params: { path: { id: kase.id }, header: headers },
            body: { ...(v.team !== ROUTED ? { team: v.team! } : {}), reason: v.reason.trim() },
          }),
      })}
    >
      <Text size="sm">{t('investigations.assignment.teamNow', { team: file.team })}</Text>
      <Select
        label={t('investigations.assignment.team')}
        withAsterisk
        searchable
        data={[
          ...(routed && routed !== file.team
            ? [
                {
                  value: ROUTED,
                  label: t('investigations.assignment.byRouting', { team: routed, phenomenon: label('phenomenon', file.phenomenon) }),
                },
              ]
            : []),
          ...teams.map((tm) => ({ value: tm, label: tm })),
        ]}
        {...form.getInputProps('team')}
        key={form.key('team')}
      />
      {restricted && <Text size="sm">{t('investigations.assignment.restrictedTeam', { team: target })}</Text>}
      {leaves && (
        <Alert color="orange.9" variant="outline">
          <Text size="sm">{t('investigations.assignment.youLeave', { team: target })}</Text>
        </Alert>
      )}
      <Textarea
        label={t('investigations.form.reason')}
        description={t('investigations.assignment.reasonHint')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
        key={form.key('reason')}
      />
    </CommandDialog>
  );
}

/** Name the lead investigator; replacing one needs a reason (the API refuses without). */
export function LeadDialog({ kase, file, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const replacing = file.leadInvestigator !== null;
  const form = useForm<{ staffId: string; reason: string }>({
    initialValues: { staffId: '', reason: '' },
    validate: {
      staffId: (v) => required(t)(v) ?? (v.trim() === file.leadInvestigator ? t('investigations.assignment.sameLead') : null),
      reason: (v) => (replacing ? required(t)(v) : null),
    },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.assignment.leadTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.assignment.leadSubmit')}
      done={t('investigations.assignment.leadDone')}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/lead-investigator', {
            params: { path: { id: kase.id }, header: headers },
            body: { staffId: v.staffId.trim(), ...(text(v.reason) ? { reason: text(v.reason) } : {}) },
          }),
      })}
    >
      <TextInput
        label={t('investigations.form.staffId')}
        description={t('investigations.form.staffIdHint')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('staffId')}
        key={form.key('staffId')}
      />
      <Textarea
        label={t('investigations.form.reason')}
        description={
          replacing
            ? t('investigations.assignment.leadReasonRequired', { lead: file.leadInvestigator })
            : t('investigations.assignment.leadReasonOptional')
        }
        withAsterisk={replacing}
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
        key={form.key('reason')}
      />
    </CommandDialog>
  );
}

/** Add a member to the case: need-to-know follows (they see it, whatever their team). */
export function AddMemberDialog({ kase, file, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useForm<{ staffId: string }>({
    initialValues: { staffId: '' },
    validate: {
      staffId: (v) =>
        required(t)(v) ??
        (v.trim() === file.leadInvestigator || file.members.includes(v.trim()) ? t('investigations.assignment.alreadyMember') : null),
    },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.assignment.memberTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.assignment.memberSubmit')}
      done={t('investigations.assignment.memberDone')}
      size="md"
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/members', {
            params: { path: { id: kase.id }, header: headers },
            body: { staffId: v.staffId.trim() },
          }),
      })}
    >
      <TextInput
        label={t('investigations.form.staffId')}
        description={t('investigations.assignment.memberHint')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('staffId')}
        key={form.key('staffId')}
      />
    </CommandDialog>
  );
}

/** Remove a member, with a reason (kept in the history). */
export function RemoveMemberDialog({ kase, staffId, opened, onClose }: Omit<DialogProps, 'file'> & { staffId: string }) {
  const { t } = useTranslation();
  const form = useForm<{ reason: string }>({ initialValues: { reason: '' }, validate: { reason: required(t) } });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.assignment.removeTitle', { staff: staffId })}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.assignment.removeSubmit')}
      done={t('investigations.assignment.removeDone')}
      size="md"
      command={(v) => ({
        send: (headers) =>
          investigationsApi.DELETE('/api/investigations/{id}/members/{staffId}', {
            params: { path: { id: kase.id, staffId }, header: headers },
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
