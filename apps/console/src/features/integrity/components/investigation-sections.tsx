import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '@/components/section';
import { integrityApi } from '@/lib/api';
import { formatDate, formatDateTime, todayInBrussels } from '@/lib/i18n/dates';
import { CommandDialog } from './command-dialog';
import { ComplaintRef, useComplaintWrites } from './complaint-context';
import { useIntegrityCode, useStaffName } from './words';

const day = (d: string | undefined | null) => (d ? formatDate(`${d}T12:00:00Z`) : '');
const required = (message: string) => (v: string) => (v.trim() ? null : message);

/** Findings ten laste and ten ontlaste side by side (R-INT-4), and recording one. */
export function FindingsSection({ kase }: { kase: ComplaintRef }) {
  const { t } = useTranslation();
  const staff = useStaffName();
  const [opened, setOpened] = useState(false);
  const { findings } = kase.view.complaint;
  const column = (kind: 'incriminating' | 'exculpatory') => (
    <Stack gap={6} component="section" aria-label={t(`integrity.findings.${kind}`)}>
      <Text fw={700}>{t(`integrity.findings.${kind}`)}</Text>
      {findings[kind].length === 0 && <Text size="sm">{t('integrity.findings.none')}</Text>}
      {findings[kind].map((f) => (
        <Card key={f.findingId} withBorder padding="xs">
          <Text size="sm">{f.summary}</Text>
          <Text size="xs">
            {t('integrity.findings.by', { source: f.source, who: staff(f.recordedBy), when: formatDateTime(f.recordedAt) })}
          </Text>
          {f.staffId && <Text size="xs">{staff(f.staffId)}</Text>}
        </Card>
      ))}
    </Stack>
  );
  return (
    <Section id="findings" title={t('integrity.findings.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {column('incriminating')}
        {column('exculpatory')}
      </SimpleGrid>
      {kase.open && kase.view.phase === 'triaged' && (
        <Button mt="sm" onClick={() => setOpened(true)}>
          {t('integrity.findings.record')}
        </Button>
      )}
      {opened && <FindingDialog kase={kase} onClose={() => setOpened(false)} />}
    </Section>
  );
}

function FindingDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { kind: 'incriminating', summary: '', source: '', staffId: '' },
    validate: { summary: required(t('common.required')), source: required(t('common.required')) },
  });
  return (
    <CommandDialog
      title={t('integrity.findings.record')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.findings.record')}
      done={t('integrity.findings.done')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/findings', {
            params: { path: { id: kase.view.id }, header },
            body: {
              kind: v.kind as 'incriminating' | 'exculpatory',
              summary: v.summary.trim(),
              source: v.source.trim(),
              ...(v.staffId && { staffId: v.staffId }),
            },
          }),
      })}
    >
      <Select
        label={t('integrity.findings.kind')}
        data={(['incriminating', 'exculpatory'] as const).map((k) => ({ value: k, label: code('finding', k) }))}
        allowDeselect={false}
        {...form.getInputProps('kind')}
      />
      <Textarea label={t('integrity.findings.summary')} required autosize minRows={2} {...form.getInputProps('summary')} />
      <TextInput label={t('integrity.findings.source')} required {...form.getInputProps('source')} />
      <Select
        label={t('integrity.findings.staff')}
        clearable
        data={kase.view.complaint.staffConcerned.map((s) => ({ value: s, label: staff(s) }))}
        {...form.getInputProps('staffId')}
        clearButtonProps={{ 'aria-label': t('common.clear') }}
      />
    </CommandDialog>
  );
}

/** Information requests of Comité P and AIG, and the answers given (R-INT-12). */
export function RequestsSection({ kase }: { kase: ComplaintRef }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const [asking, setAsking] = useState(false);
  const [answering, setAnswering] = useState<string | null>(null);
  const requests = kase.view.complaint.informationRequests;
  return (
    <Section id="requests" title={t('integrity.requests.title')}>
      {requests.length === 0 && <Text size="sm">{t('integrity.requests.none')}</Text>}
      <Stack gap="xs">
        {requests.map((r) => (
          <Card key={r.requestId} withBorder padding="xs">
            <Text size="sm" fw={600}>
              {`${code('body', r.body)} — ${day(r.receivedOn)}${r.externalReference ? ` — ${r.externalReference}` : ''}`}
            </Text>
            <Text size="sm">{r.request}</Text>
            {r.answer ? (
              <Text size="sm">
                {t('integrity.requests.answered', {
                  date: day(r.answer.providedOn),
                  who: staff(r.answer.providedBy),
                  answer: r.answer.answer,
                })}
              </Text>
            ) : (
              <Group gap="xs">
                <Text size="sm">{t('integrity.requests.unanswered')}</Text>
                {kase.open && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setAnswering(r.requestId)}
                    aria-label={t('integrity.requests.answerOf', { body: code('body', r.body), date: day(r.receivedOn) })}
                  >
                    {t('integrity.requests.answer')}
                  </Button>
                )}
              </Group>
            )}
          </Card>
        ))}
      </Stack>
      {kase.open && kase.view.phase !== 'intake' && (
        <Button mt="sm" onClick={() => setAsking(true)}>
          {t('integrity.requests.record')}
        </Button>
      )}
      {asking && <RequestDialog kase={kase} onClose={() => setAsking(false)} />}
      {answering && <AnswerDialog kase={kase} requestId={answering} onClose={() => setAnswering(null)} />}
    </Section>
  );
}

function RequestDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { body: 'comite_p', request: '', receivedOn: todayInBrussels(), externalReference: '' },
    validate: { request: required(t('common.required')) },
  });
  return (
    <CommandDialog
      title={t('integrity.requests.record')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.requests.record')}
      done={t('integrity.requests.done')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/information-requests', {
            params: { path: { id: kase.view.id }, header },
            body: {
              body: v.body as 'comite_p' | 'aig',
              request: v.request.trim(),
              receivedOn: v.receivedOn,
              ...(v.externalReference.trim() && { externalReference: v.externalReference.trim() }),
            },
          }),
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('integrity.requests.body')}
          data={(['comite_p', 'aig'] as const).map((b) => ({ value: b, label: code('body', b) }))}
          allowDeselect={false}
          {...form.getInputProps('body')}
        />
        <TextInput type="date" label={t('integrity.requests.receivedOn')} required {...form.getInputProps('receivedOn')} />
      </SimpleGrid>
      <Textarea label={t('integrity.requests.request')} required autosize minRows={2} {...form.getInputProps('request')} />
      <TextInput label={t('integrity.requests.externalReference')} {...form.getInputProps('externalReference')} />
    </CommandDialog>
  );
}

function AnswerDialog({ kase, requestId, onClose }: { kase: ComplaintRef; requestId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { answer: '', providedOn: todayInBrussels() },
    validate: { answer: required(t('common.required')) },
  });
  return (
    <CommandDialog
      title={t('integrity.requests.answer')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.requests.answer')}
      done={t('integrity.requests.answerDone')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/information-requests/{requestId}/answer', {
            params: { path: { id: kase.view.id, requestId }, header },
            body: { answer: v.answer.trim(), providedOn: v.providedOn },
          }),
      })}
    >
      <Textarea label={t('integrity.requests.answerText')} required autosize minRows={2} {...form.getInputProps('answer')} />
      <TextInput type="date" label={t('integrity.requests.providedOn')} required {...form.getInputProps('providedOn')} />
    </CommandDialog>
  );
}

/** Hearings of the staff concerned, with their rights: assistance (or its waiver) and access to the file (R-INT-11). */
export function HearingsSection({ kase }: { kase: ComplaintRef }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const [opened, setOpened] = useState(false);
  const hearings = kase.view.complaint.hearings;
  return (
    <Section id="hearings" title={t('integrity.hearings.title')}>
      {hearings.length === 0 && <Text size="sm">{t('integrity.hearings.none')}</Text>}
      <Stack gap="xs">
        {hearings.map((h) => (
          <Card key={h.hearingId} withBorder padding="xs">
            <Text size="sm" fw={600}>{`${staff(h.staffId)} — ${day(h.heardOn)}`}</Text>
            <Text size="sm">
              {t('integrity.hearings.rights', {
                assistance:
                  h.assistance.kind === 'waived'
                    ? code('assistance', 'waived')
                    : `${code('assistance', h.assistance.kind)} ${h.assistance.name}`,
                access: h.fileAccessGiven ? t('integrity.hearings.yes') : t('integrity.hearings.no'),
              })}
            </Text>
            <Text size="sm">{h.summary}</Text>
          </Card>
        ))}
      </Stack>
      {kase.open && kase.view.phase === 'triaged' && kase.view.complaint.staffConcerned.length > 0 && (
        <Button mt="sm" onClick={() => setOpened(true)}>
          {t('integrity.hearings.record')}
        </Button>
      )}
      {opened && <HearingDialog kase={kase} onClose={() => setOpened(false)} />}
    </Section>
  );
}

function HearingDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: {
      staffId: kase.view.complaint.staffConcerned[0] ?? '',
      heardOn: todayInBrussels(),
      kind: 'lawyer',
      name: '',
      fileAccessGiven: false,
      summary: '',
    },
    validate: {
      summary: required(t('common.required')),
      name: (v, values) => (values.kind !== 'waived' && !v.trim() ? t('common.required') : null),
    },
  });
  return (
    <CommandDialog
      title={t('integrity.hearings.record')}
      intro={t('integrity.hearings.rightsIntro')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.hearings.record')}
      done={t('integrity.hearings.done')}
      aliases={{ 'assistance.name': 'name', 'assistance.kind': 'kind' }}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/hearings', {
            params: { path: { id: kase.view.id }, header },
            body: {
              staffId: v.staffId,
              heardOn: v.heardOn,
              assistance: v.kind === 'waived' ? { kind: 'waived' } : { kind: v.kind as 'lawyer' | 'defender', name: v.name.trim() },
              fileAccessGiven: v.fileAccessGiven,
              summary: v.summary.trim(),
            },
          }),
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('integrity.hearings.staff')}
          data={kase.view.complaint.staffConcerned.map((s) => ({ value: s, label: staff(s) }))}
          allowDeselect={false}
          {...form.getInputProps('staffId')}
        />
        <TextInput type="date" label={t('integrity.hearings.heardOn')} required {...form.getInputProps('heardOn')} />
        <Select
          label={t('integrity.hearings.assistance')}
          data={(['lawyer', 'defender', 'waived'] as const).map((k) => ({ value: k, label: code('assistance', k) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        {form.values.kind !== 'waived' && (
          <TextInput label={t('integrity.hearings.assistanceName')} required {...form.getInputProps('name')} />
        )}
      </SimpleGrid>
      <Checkbox label={t('integrity.hearings.fileAccess')} {...form.getInputProps('fileAccessGiven', { type: 'checkbox' })} />
      <Textarea label={t('integrity.hearings.summary')} required autosize minRows={3} {...form.getInputProps('summary')} />
    </CommandDialog>
  );
}
