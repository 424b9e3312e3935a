import { Alert, Button, Checkbox, Group, List, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact, Section } from '@/components/section';
import { ProblemAlert } from '@/components/problem-alert';
import { integrityApi } from '@/lib/api';
import { formatDate, formatDateTime, todayInBrussels } from '@/lib/i18n/dates';
import { downloadForwardingDocument, useInvestigatorCheck } from '../api/integrity.api';
import { CommandDialog } from './command-dialog';
import { ComplaintRef, useComplaintWrites } from './complaint-context';
import { useIntegrityCode, useStaffName, useStaffOptions } from './words';

const BODIES = ['comite_p', 'aig'] as const;
const FORWARDING_CHANNELS = ['email', 'letter', 'registered_letter', 'platform'] as const;
const ROUTES = ['administrative', 'judicial', 'disciplinary', 'dpo'] as const;
const day = (d: string | undefined | null) => (d ? formatDate(`${d}T12:00:00Z`) : '');

/** Forwarding to Comité P and AIG: each body's state, the forwarding document, and the reference it gave. */
export function ForwardingSection({ kase }: { kase: ComplaintRef }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const { view } = kase;
  const [forwardTo, setForwardTo] = useState<'comite_p' | 'aig' | null>(null);
  const [referenceOf, setReferenceOf] = useState<'comite_p' | 'aig' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  return (
    <Section id="forwarding" title={t('integrity.forwarding.title')}>
      <Text size="sm" mb="sm">
        {t('integrity.forwarding.intro')}
      </Text>
      {downloadError !== null && <ProblemAlert error={downloadError} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {BODIES.map((body) => {
          const f = view.complaint.forwardings[body];
          const name = code('body', body);
          return (
            <Stack key={body} gap={6} component="section" aria-label={name}>
              <Text fw={700}>{name}</Text>
              {!f && <Text size="sm">{t('integrity.forwarding.notYet')}</Text>}
              {f?.basis === 'origin' && <Text size="sm">{t('integrity.forwarding.origin', { body: name })}</Text>}
              {f && (
                <dl style={{ margin: 0, display: 'grid', gap: 6 }}>
                  <Fact label={t('integrity.forwarding.forwardedOn')}>{day(f.forwardedOn)}</Fact>
                  {f.channel && <Fact label={t('integrity.forwarding.channel')}>{code('forwardingChannel', f.channel)}</Fact>}
                  <Fact label={t('integrity.forwarding.reference', { body: name })}>
                    {f.reference ?? t('integrity.forwarding.noReference')}
                  </Fact>
                  {f.acknowledgedOn && <Fact label={t('integrity.forwarding.acknowledgedOn')}>{day(f.acknowledgedOn)}</Fact>}
                </dl>
              )}
              <Group gap="xs">
                {!f && kase.open && (
                  <Button size="xs" onClick={() => setForwardTo(body)} aria-label={t('integrity.forwarding.recordTo', { body: name })}>
                    {t('integrity.forwarding.record')}
                  </Button>
                )}
                {f && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('integrity.forwarding.documentOf', { body: name })}
                    onClick={() => {
                      setDownloadError(null);
                      downloadForwardingDocument(view.id, body, `doorzending-${body}-${view.registerNumber ?? view.id}.pdf`).catch(
                        setDownloadError,
                      );
                    }}
                  >
                    {t('integrity.forwarding.document')}
                  </Button>
                )}
                {f && !f.reference && kase.open && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setReferenceOf(body)}
                    aria-label={t('integrity.forwarding.recordReferenceOf', { body: name })}
                  >
                    {t('integrity.forwarding.recordReference')}
                  </Button>
                )}
              </Group>
            </Stack>
          );
        })}
      </SimpleGrid>
      {forwardTo && <ForwardDialog kase={kase} body={forwardTo} onClose={() => setForwardTo(null)} />}
      {referenceOf && <ReferenceDialog kase={kase} body={referenceOf} onClose={() => setReferenceOf(null)} />}
    </Section>
  );
}

function ForwardDialog({ kase, body, onClose }: { kase: ComplaintRef; body: 'comite_p' | 'aig'; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { forwardedOn: todayInBrussels(), channel: 'email', reference: '' },
    validate: { forwardedOn: (v) => (v ? null : t('common.required')) },
  });
  const name = code('body', body);
  return (
    <CommandDialog
      title={t('integrity.forwarding.recordTo', { body: name })}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.forwarding.record')}
      done={t('integrity.forwarding.done', { body: name })}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/forwardings', {
            params: { path: { id: kase.view.id }, header },
            body: {
              body,
              forwardedOn: v.forwardedOn,
              channel: v.channel as (typeof FORWARDING_CHANNELS)[number],
              ...(v.reference.trim() && { reference: v.reference.trim() }),
            },
          }),
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput type="date" label={t('integrity.forwarding.forwardedOn')} required {...form.getInputProps('forwardedOn')} />
        <Select
          label={t('integrity.forwarding.channel')}
          data={FORWARDING_CHANNELS.map((c) => ({ value: c, label: code('forwardingChannel', c) }))}
          allowDeselect={false}
          {...form.getInputProps('channel')}
        />
      </SimpleGrid>
      <TextInput label={t('integrity.forwarding.referenceOptional')} {...form.getInputProps('reference')} />
    </CommandDialog>
  );
}

function ReferenceDialog({ kase, body, onClose }: { kase: ComplaintRef; body: 'comite_p' | 'aig'; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { reference: '', acknowledgedOn: todayInBrussels() },
    validate: { reference: (v) => (v.trim() ? null : t('common.required')), acknowledgedOn: (v) => (v ? null : t('common.required')) },
  });
  const name = code('body', body);
  return (
    <CommandDialog
      title={t('integrity.forwarding.recordReferenceOf', { body: name })}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.forwarding.recordReference')}
      done={t('integrity.forwarding.referenceDone', { body: name })}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/forwardings/{recipient}/reference', {
            params: { path: { id: kase.view.id, recipient: body }, header },
            body: { reference: v.reference.trim(), acknowledgedOn: v.acknowledgedOn },
          }),
      })}
    >
      <TextInput label={t('integrity.forwarding.reference', { body: name })} required {...form.getInputProps('reference')} />
      <TextInput type="date" label={t('integrity.forwarding.acknowledgedOn')} required {...form.getInputProps('acknowledgedOn')} />
    </CommandDialog>
  );
}

/** Triage into a compartment: offered while in intake; the API refuses it before both forwardings are on record, and says so. */
export function TriageSection({ kase }: { kase: ComplaintRef }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const [opened, setOpened] = useState(false);
  const { view } = kase;
  const triage = view.complaint.triage;
  const forwarded = view.complaint.forwardings.comite_p !== undefined && view.complaint.forwardings.aig !== undefined;
  return (
    <Section id="triage" title={t('integrity.triage.title')}>
      {triage ? (
        <Stack gap={4}>
          <Text size="sm">
            {t('integrity.triage.ordered', {
              route: code('route', triage.route),
              who: staff(triage.orderedBy),
              as: code('authority', triage.orderedAs),
              when: formatDateTime(triage.orderedAt),
            })}
          </Text>
          <Text size="sm">{triage.reason}</Text>
          {triage.parketReference && <Text size="sm">{`${t('integrity.triage.parketReference')}: ${triage.parketReference}`}</Text>}
        </Stack>
      ) : (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('integrity.triage.notYet')}</Text>
          {!forwarded && <Text size="sm">{t('integrity.triage.needsForwarding')}</Text>}
          {kase.open && <Button onClick={() => setOpened(true)}>{t('integrity.triage.action')}</Button>}
        </Stack>
      )}
      {opened && <TriageDialog kase={kase} onClose={() => setOpened(false)} />}
    </Section>
  );
}

function TriageDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { route: 'administrative', reason: '', parketReference: '' },
    validate: { reason: (v) => (v.trim() ? null : t('common.required')) },
  });
  return (
    <CommandDialog
      title={t('integrity.triage.action')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.triage.submit')}
      done={t('integrity.triage.done')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/triage', {
            params: { path: { id: kase.view.id }, header },
            body: {
              route: v.route as (typeof ROUTES)[number],
              reason: v.reason.trim(),
              ...(v.parketReference.trim() && { parketReference: v.parketReference.trim() }),
            },
          }),
      })}
    >
      <Select
        label={t('integrity.triage.route')}
        data={ROUTES.map((r) => ({ value: r, label: code('route', r) }))}
        allowDeselect={false}
        {...form.getInputProps('route')}
      />
      <Textarea label={t('integrity.triage.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
      <TextInput
        label={t('integrity.triage.parketReference')}
        description={t('integrity.triage.parketHint')}
        {...form.getInputProps('parketReference')}
      />
    </CommandDialog>
  );
}

/** The investigators, and the assignment with its conflict-of-interest check run as soon as a person is chosen. */
export function InvestigatorsSection({ kase }: { kase: ComplaintRef }) {
  const { t } = useTranslation();
  const staff = useStaffName();
  const [opened, setOpened] = useState(false);
  const { view } = kase;
  return (
    <Section id="investigators" title={t('integrity.investigators.title')}>
      {view.complaint.investigators.length === 0 ? (
        <Text size="sm">{t('integrity.investigators.none')}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {view.complaint.investigators.map((i) => (
            <List.Item key={i.investigatorId}>
              <Text span size="sm" fw={600}>
                {staff(i.investigatorId)}
              </Text>
              {i.designated && <Text span size="sm">{` (${t('integrity.investigators.designatedTag')})`}</Text>}
              <Text size="xs">
                {t('integrity.investigators.assignedBy', { who: staff(i.assignedBy), when: formatDateTime(i.assignedAt) })}
              </Text>
              {i.override && (
                <Text size="xs">
                  {t('integrity.investigators.overridden', {
                    conflicts: i.conflicts.map((c) => staff(c.staffId)).join(', '),
                    who: staff(i.override.decidedBy),
                    reason: i.override.reason,
                  })}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {kase.open && view.phase === 'triaged' && (
        <Button mt="sm" onClick={() => setOpened(true)}>
          {t('integrity.investigators.assign')}
        </Button>
      )}
      {opened && <AssignDialog kase={kase} onClose={() => setOpened(false)} />}
    </Section>
  );
}

function AssignDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const staffName = useStaffName();
  const options = useStaffOptions();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { investigatorId: '', designated: false, override: false, overrideReason: '' },
    validate: { investigatorId: (v) => (v ? null : t('common.required')) },
  });
  const chosen = form.values.investigatorId || null;
  const check = useInvestigatorCheck(kase.view.id, chosen);
  const verdict = check.data?.investigatorId === chosen ? check.data : undefined;
  const conflictText =
    verdict?.conflicts.map((c) =>
      t(`integrity.investigators.conflictKinds.${c.kind}`, {
        staff: staffName(c.staffId),
        team: 'team' in c ? c.team : '',
        unit: 'unit' in c ? c.unit : '',
      }),
    ) ?? [];
  const canConfirm =
    verdict !== undefined &&
    verdict.mayAssign &&
    (verdict.verdict === 'eligible' ||
      (verdict.verdict === 'conflict' && verdict.mayOverride && form.values.override && form.values.overrideReason.trim() !== ''));
  return (
    <CommandDialog
      title={t('integrity.investigators.assign')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.investigators.confirm')}
      done={t('integrity.investigators.done')}
      submitDisabled={!canConfirm}
      aliases={{ 'override.reason': 'overrideReason' }}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/investigators', {
            params: { path: { id: kase.view.id }, header },
            body: {
              investigatorId: v.investigatorId,
              designated: v.designated,
              ...(v.override && { override: { reason: v.overrideReason.trim() } }),
            },
          }),
      })}
    >
      <Select
        label={t('integrity.investigators.person')}
        data={options}
        searchable
        required
        {...form.getInputProps('investigatorId')}
        onChange={(v) => form.setValues({ investigatorId: v ?? '', override: false, overrideReason: '' })}
      />
      <Checkbox label={t('integrity.investigators.designated')} {...form.getInputProps('designated', { type: 'checkbox' })} />
      {chosen && check.isFetching && <Text size="sm">{t('integrity.investigators.checking')}</Text>}
      {check.isError && <ProblemAlert error={check.error} />}
      {verdict && (
        <Alert
          role="status"
          variant="outline"
          color={verdict.verdict === 'eligible' ? 'green.9' : 'red.9'}
          title={
            verdict.verdict === 'eligible'
              ? t('integrity.investigators.eligible')
              : verdict.verdict === 'conflict'
                ? t('integrity.investigators.conflict')
                : verdict.verdict === 'concerned'
                  ? t('integrity.investigators.concerned')
                  : t('integrity.investigators.alreadyAssigned')
          }
        >
          {conflictText.length > 0 && (
            <List size="sm">
              {conflictText.map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
          )}
          {!verdict.mayAssign && <Text size="sm">{t('integrity.investigators.mayNotAssign')}</Text>}
          {verdict.verdict === 'conflict' && verdict.mayAssign && !verdict.mayOverride && (
            <Text size="sm">{t('integrity.investigators.overrideOnlyChief')}</Text>
          )}
        </Alert>
      )}
      {verdict?.verdict === 'conflict' && verdict.mayOverride && (
        <>
          <Checkbox label={t('integrity.investigators.override')} {...form.getInputProps('override', { type: 'checkbox' })} />
          {form.values.override && (
            <Textarea
              label={t('integrity.investigators.overrideReason')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('overrideReason')}
            />
          )}
        </>
      )}
    </CommandDialog>
  );
}
