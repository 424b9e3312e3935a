import { Button, Card, Checkbox, Group, List, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@/lib/auth';
import { useCodeLabel } from '@/lib/i18n/codes';
import { formatDateTime } from '@/lib/i18n/dates';
import { useAssignReport, useOfferVictimSupport, useReferExternally, useRequestInvestigation } from '../api/reports.api';
import type { OpenReportView, ReportsReference } from '../api/reports.types';
import { CommandDialog, useCommandSubmit } from './command-dialog';
import { Availability, ReportAction, reportActions, victimsToOffer } from './report-actions.model';

interface DialogProps {
  view: OpenReportView;
  etag: string | null;
  reference?: ReportsReference;
  onClose: () => void;
  onReload: () => void;
}

const required = (message: string) => (v: unknown) => ((typeof v === 'string' ? v.trim() : v) ? null : message);

/** The words for why an action is not offered now. */
function useWhyNot() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (a: Availability): string => {
    if (a.ok) return '';
    switch (a.why) {
      case 'readOnly':
        return t('reports.actions.readOnly');
      case 'notInvestigable':
        return t('reports.actions.investigation.notInvestigable', { kind: label('reportKind', a.kind).toLowerCase() });
      case 'alreadyRequested':
        return t('reports.actions.investigation.alreadyRequested', { date: formatDateTime(a.at) });
      case 'missing':
        return t('reports.actions.investigation.missing', { fields: a.fields.map((f) => label('amendableField', f)).join(', ') });
      case 'noVictim':
        return t('reports.actions.victimSupport.noVictim');
      case 'allOffered':
        return t('reports.actions.victimSupport.allOffered');
    }
  };
}

/**
 * What the user may do with the report, each action offered only when their role and the report's
 * state allow it; otherwise the button is disabled with the reason beside it. The service still
 * decides, and its refusal is shown in the action's dialog.
 */
export function ReportActions({
  view,
  etag,
  reference,
  user,
  onAmend,
  onReload,
}: {
  view: OpenReportView;
  etag: string | null;
  reference?: ReportsReference;
  user: SessionUser;
  onAmend: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const whyNot = useWhyNot();
  const [open, setOpen] = useState<Exclude<ReportAction, 'amend'> | null>(null);
  const available = reportActions(view.report, user);
  const actions: { id: ReportAction; label: string }[] = [
    { id: 'amend', label: t('reports.amend.open') },
    { id: 'assign', label: t('reports.actions.assign.open') },
    { id: 'refer', label: t('reports.actions.refer.open') },
    { id: 'victimSupport', label: t('reports.actions.victimSupport.open') },
    { id: 'investigation', label: t('reports.actions.investigation.open') },
  ];
  const unavailable = actions.filter((a) => !available[a.id].ok);
  const allReadOnly =
    unavailable.length === actions.length &&
    unavailable.every((a) => !available[a.id].ok && (available[a.id] as { why: string }).why === 'readOnly');
  const close = () => setOpen(null);
  const dialog = { view, etag, reference, onClose: close, onReload };
  return (
    <Card withBorder component="section" aria-labelledby="report-actions">
      <Title order={2} size="h4" id="report-actions" mb="sm">
        {t('reports.actions.title')}
      </Title>
      {allReadOnly ? (
        <Text size="sm">{t('reports.actions.readOnly')}</Text>
      ) : (
        <>
          <Group gap="xs">
            {actions.map((a) => (
              <Button
                key={a.id}
                size="xs"
                variant={a.id === 'amend' ? 'filled' : 'default'}
                disabled={!available[a.id].ok}
                aria-describedby={available[a.id].ok ? undefined : `why-not-${a.id}`}
                onClick={() => (a.id === 'amend' ? onAmend() : setOpen(a.id))}
              >
                {a.label}
              </Button>
            ))}
          </Group>
          {unavailable.length > 0 && (
            <Stack gap={2} mt="sm">
              <Text size="xs" fw={600}>
                {t('reports.actions.notAvailable')}
              </Text>
              <List size="sm" spacing={2}>
                {unavailable.map((a) => (
                  <List.Item key={a.id} id={`why-not-${a.id}`}>
                    <Text span size="sm" fw={600}>
                      {a.label}
                    </Text>
                    : {whyNot(available[a.id])}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </>
      )}
      {open === 'assign' && <AssignDialog {...dialog} />}
      {open === 'refer' && <ReferDialog {...dialog} />}
      {open === 'victimSupport' && <VictimSupportDialog {...dialog} />}
      {open === 'investigation' && <InvestigationDialog {...dialog} />}
    </Card>
  );
}

function AssignDialog({ view, etag, reference, onClose, onReload }: DialogProps) {
  const { t } = useTranslation();
  const assign = useAssignReport(view.id);
  const form = useForm({
    initialValues: { serviceId: null as string | null, note: '' },
    validate: { serviceId: required(t('reports.intake.validation.required')) },
  });
  const services = (reference?.services ?? []).filter((s) => s.id !== view.report.assignedServiceId);
  const name = (id: string | null) => reference?.services.find((s) => s.id === id)?.name ?? id;
  const command = useCommandSubmit(form, assign, {
    etag,
    onClose,
    body: (v) => ({ serviceId: v.serviceId!, ...(v.note.trim() ? { note: v.note.trim() } : {}) }),
    done: (v) => t('reports.actions.assign.done', { service: name(v.serviceId) }),
  });
  return (
    <CommandDialog
      opened
      onClose={onClose}
      title={t('reports.actions.assign.title')}
      intro={
        <>
          {t('reports.actions.assign.intro')}
          {view.report.assignedServiceId && ` ${t('reports.actions.assign.current', { service: name(view.report.assignedServiceId) })}`}
        </>
      }
      submitLabel={t('reports.actions.assign.submit')}
      onReload={onReload}
      {...command}
    >
      <Select
        label={t('reports.actions.assign.service')}
        withAsterisk
        searchable
        data={services.map((s) => ({ value: s.id, label: s.name }))}
        {...form.getInputProps('serviceId')}
      />
      <Textarea label={t('reports.actions.assign.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </CommandDialog>
  );
}

function ReferDialog({ view, etag, onClose, onReload }: DialogProps) {
  const { t } = useTranslation();
  const refer = useReferExternally(view.id);
  const req = required(t('reports.intake.validation.required'));
  const form = useForm({ initialValues: { organisation: '', reason: '' }, validate: { organisation: req, reason: req } });
  const command = useCommandSubmit(form, refer, {
    etag,
    onClose,
    body: (v) => ({ organisation: v.organisation.trim(), reason: v.reason.trim() }),
    done: () => t('reports.actions.refer.done'),
  });
  return (
    <CommandDialog
      opened
      onClose={onClose}
      title={t('reports.actions.refer.title')}
      intro={t('reports.actions.refer.intro')}
      submitLabel={t('reports.actions.refer.submit')}
      onReload={onReload}
      {...command}
    >
      <TextInput label={t('reports.actions.refer.organisation')} withAsterisk data-autofocus {...form.getInputProps('organisation')} />
      <Textarea label={t('reports.actions.refer.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
    </CommandDialog>
  );
}

function VictimSupportDialog({ view, etag, onClose, onReload }: DialogProps) {
  const { t } = useTranslation();
  const offer = useOfferVictimSupport(view.id);
  const victims = victimsToOffer(view.report);
  const req = required(t('reports.intake.validation.required'));
  const form = useForm({
    initialValues: {
      partyId: victims.length === 1 ? victims[0].partyId : (null as string | null),
      supportBy: t('reports.actions.victimSupport.supportByDefault'),
      accepted: true,
    },
    validate: { partyId: req, supportBy: req },
  });
  const command = useCommandSubmit(form, offer, {
    etag,
    onClose,
    body: (v) => ({ partyId: v.partyId!, supportBy: v.supportBy.trim(), accepted: v.accepted }),
    done: () => t('reports.actions.victimSupport.done'),
  });
  return (
    <CommandDialog
      opened
      onClose={onClose}
      title={t('reports.actions.victimSupport.title')}
      intro={t('reports.actions.victimSupport.intro')}
      submitLabel={t('reports.actions.victimSupport.submit')}
      onReload={onReload}
      {...command}
    >
      <Select
        label={t('reports.actions.victimSupport.victim')}
        withAsterisk
        data={victims.map((p) => ({ value: p.partyId, label: p.name }))}
        {...form.getInputProps('partyId')}
      />
      <TextInput label={t('reports.actions.victimSupport.supportBy')} withAsterisk {...form.getInputProps('supportBy')} />
      <Checkbox label={t('reports.actions.victimSupport.accepted')} {...form.getInputProps('accepted', { type: 'checkbox' })} />
    </CommandDialog>
  );
}

function InvestigationDialog({ view, etag, reference, onClose, onReload }: DialogProps) {
  const { t } = useTranslation();
  const request = useRequestInvestigation(view.id);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: required(t('reports.intake.validation.required')) } });
  const service = reference?.services.find((s) => s.id === view.report.assignedServiceId)?.name ?? view.report.assignedServiceId;
  const command = useCommandSubmit(form, request, {
    etag,
    onClose,
    body: (v) => ({ reason: v.reason.trim() }),
    done: () => t('reports.actions.investigation.done'),
  });
  return (
    <CommandDialog
      opened
      onClose={onClose}
      title={t('reports.actions.investigation.title')}
      intro={
        <>
          {t('reports.actions.investigation.intro')}
          {service && ` ${t('reports.actions.investigation.service', { service })}`}
        </>
      }
      submitLabel={t('reports.actions.investigation.submit')}
      onReload={onReload}
      {...command}
    >
      <Textarea
        label={t('reports.actions.investigation.reason')}
        withAsterisk
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </CommandDialog>
  );
}
