import { Button, Card, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '@/components/section';
import { integrityApi } from '@/lib/api';
import { formatDate, formatDateTime, todayInBrussels } from '@/lib/i18n/dates';
import { useIntegrityReference } from '../api/integrity.api';
import { CommandDialog } from './command-dialog';
import { ComplaintRef, useComplaintWrites } from './complaint-context';
import { useIntegrityCode, useStaffName } from './words';

const day = (d: string | undefined | null) => (d ? formatDate(`${d}T12:00:00Z`) : '');
const required = (message: string) => (v: string) => (v.trim() ? null : message);
type Dialog = 'conclude' | 'parket' | 'referral' | 'procedure' | 'note' | 'lessons' | 'close' | { sanction: string } | null;

/** The outcome and what follows it: the parket, a disciplinary procedure and the sanction, an evaluation note; lessons learned; closure. */
export function OutcomeSection({ kase }: { kase: ComplaintRef }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { view, open } = kase;
  const c = view.complaint;
  const conclusion = c.conclusion?.conclusion;
  const action = (key: Exclude<Dialog, null | { sanction: string }>, label: string): ReactNode =>
    open && (
      <Button size="sm" variant="default" onClick={() => setDialog(key)}>
        {label}
      </Button>
    );
  return (
    <Section id="outcome" title={t('integrity.outcome.title')}>
      <Stack gap="xs">
        {c.conclusion ? (
          <Text size="sm">
            {t('integrity.outcome.concluded', {
              conclusion: code('conclusion', c.conclusion.conclusion),
              summary: c.conclusion.summary,
              against: c.conclusion.incriminatingFindings,
              favour: c.conclusion.exculpatoryFindings,
              who: staff(c.conclusion.concludedBy),
              when: formatDateTime(c.conclusion.concludedAt),
            })}
          </Text>
        ) : (
          <Text size="sm">{t('integrity.outcome.notYet')}</Text>
        )}
        {c.reportedToParket && (
          <Text size="sm">{t('integrity.outcome.reportedToParket', { date: day(c.reportedToParket.reportedOn) })}</Text>
        )}
        {c.criminalReferral && (
          <Text size="sm">
            {t('integrity.outcome.referred', {
              date: day(c.criminalReferral.referredOn),
              staff: c.criminalReferral.staffIds.map(staff).join(', '),
            })}
          </Text>
        )}
        {c.disciplinaryProcedures.length > 0 && (
          <Stack gap={4} component="section" aria-label={t('integrity.outcome.procedures')}>
            <Text fw={700} size="sm">
              {t('integrity.outcome.procedures')}
            </Text>
            {c.disciplinaryProcedures.map((p) => (
              <Card key={p.staffId} withBorder padding="xs">
                <Text size="sm">
                  {t('integrity.outcome.procedureLine', {
                    staff: staff(p.staffId),
                    who: staff(p.startedBy),
                    authority: code('authority', p.authority),
                    when: formatDateTime(p.startedAt),
                  })}
                </Text>
                {p.sanction ? (
                  <Text size="sm" fw={600}>
                    {t('integrity.outcome.sanctionLine', {
                      sanction: p.sanction.sanction,
                      severity: code('severity', p.sanction.severity),
                      authority: code('authority', p.sanction.authority),
                      date: day(p.sanction.decidedOn),
                    })}
                  </Text>
                ) : (
                  <Group gap="xs">
                    <Text size="sm">{t('integrity.outcome.noSanction')}</Text>
                    {open && (
                      <Button
                        size="xs"
                        onClick={() => setDialog({ sanction: p.staffId })}
                        aria-label={t('integrity.outcome.sanctionOf', { staff: staff(p.staffId) })}
                      >
                        {t('integrity.outcome.sanction')}
                      </Button>
                    )}
                  </Group>
                )}
              </Card>
            ))}
          </Stack>
        )}
        {c.evaluationNotes.length > 0 && (
          <Stack gap={4}>
            <Text fw={700} size="sm">
              {t('integrity.outcome.notes')}
            </Text>
            {c.evaluationNotes.map((n) => (
              <Text key={n.staffId} size="sm">{`${staff(n.staffId)}: ${n.note}`}</Text>
            ))}
          </Stack>
        )}
        <Group gap="xs">
          {view.phase === 'triaged' && action('conclude', t('integrity.outcome.conclude'))}
          {conclusion === 'manifestly_unfounded_malicious' && !c.reportedToParket && action('parket', t('integrity.outcome.parketReport'))}
          {conclusion === 'founded' && !c.criminalReferral && action('referral', t('integrity.outcome.referral'))}
          {conclusion === 'founded' && action('procedure', t('integrity.outcome.procedure'))}
          {conclusion === 'founded' && action('note', t('integrity.outcome.note'))}
        </Group>
      </Stack>
      {dialog === 'conclude' && <ConcludeDialog kase={kase} onClose={() => setDialog(null)} />}
      {dialog === 'parket' && <ParketDialog kase={kase} onClose={() => setDialog(null)} />}
      {dialog === 'referral' && <ReferralDialog kase={kase} onClose={() => setDialog(null)} />}
      {dialog === 'procedure' && <ProcedureDialog kase={kase} onClose={() => setDialog(null)} />}
      {dialog === 'note' && <NoteDialog kase={kase} onClose={() => setDialog(null)} />}
      {dialog !== null && typeof dialog === 'object' && (
        <SanctionDialog kase={kase} staffId={dialog.sanction} onClose={() => setDialog(null)} />
      )}
    </Section>
  );
}

function ConcludeDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({ initialValues: { conclusion: 'founded', summary: '' }, validate: { summary: required(t('common.required')) } });
  return (
    <CommandDialog
      title={t('integrity.outcome.conclude')}
      intro={t('integrity.outcome.concludeIntro')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.outcome.conclude')}
      done={t('integrity.outcome.done')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/outcome', {
            params: { path: { id: kase.view.id }, header },
            body: { conclusion: v.conclusion as 'founded' | 'unfounded' | 'manifestly_unfounded_malicious', summary: v.summary.trim() },
          }),
      })}
    >
      <Select
        label={t('integrity.outcome.conclusion')}
        data={(['founded', 'unfounded', 'manifestly_unfounded_malicious'] as const).map((c) => ({
          value: c,
          label: code('conclusion', c),
        }))}
        allowDeselect={false}
        {...form.getInputProps('conclusion')}
      />
      <Textarea label={t('integrity.outcome.summary')} required autosize minRows={3} {...form.getInputProps('summary')} />
    </CommandDialog>
  );
}

function ParketDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({ initialValues: { reportedOn: todayInBrussels(), parketReference: '' } });
  return (
    <CommandDialog
      title={t('integrity.outcome.parketReport')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.outcome.parketReport')}
      done={t('integrity.outcome.parketDone')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/parket-report', {
            params: { path: { id: kase.view.id }, header },
            body: { reportedOn: v.reportedOn, ...(v.parketReference.trim() && { parketReference: v.parketReference.trim() }) },
          }),
      })}
    >
      <TextInput type="date" label={t('integrity.outcome.reportedOn')} required {...form.getInputProps('reportedOn')} />
      <TextInput label={t('integrity.outcome.parketReference')} {...form.getInputProps('parketReference')} />
    </CommandDialog>
  );
}

function ReferralDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const staff = useStaffName();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { staffIds: [...kase.view.complaint.staffConcerned], referredOn: todayInBrussels(), parketReference: '' },
  });
  return (
    <CommandDialog
      title={t('integrity.outcome.referral')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.outcome.referral')}
      done={t('integrity.outcome.referralDone')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/criminal-referral', {
            params: { path: { id: kase.view.id }, header },
            body: {
              staffIds: v.staffIds,
              referredOn: v.referredOn,
              ...(v.parketReference.trim() && { parketReference: v.parketReference.trim() }),
            },
          }),
      })}
    >
      <MultiSelect
        label={t('integrity.outcome.referralStaff')}
        data={kase.view.complaint.staffConcerned.map((s) => ({ value: s, label: staff(s) }))}
        {...form.getInputProps('staffIds')}
      />
      <TextInput type="date" label={t('integrity.outcome.referredOn')} required {...form.getInputProps('referredOn')} />
      <TextInput label={t('integrity.outcome.parketReference')} {...form.getInputProps('parketReference')} />
    </CommandDialog>
  );
}

function ProcedureDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const staff = useStaffName();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const started = new Set(kase.view.complaint.disciplinaryProcedures.map((p) => p.staffId));
  const candidates = kase.view.complaint.staffConcerned.filter((s) => !started.has(s));
  const form = useForm({
    initialValues: { staffId: candidates[0] ?? '' },
    validate: { staffId: (v) => (v ? null : t('common.required')) },
  });
  return (
    <CommandDialog
      title={t('integrity.outcome.procedure')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.outcome.procedure')}
      done={t('integrity.outcome.procedureDone')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/disciplinary-procedures', {
            params: { path: { id: kase.view.id }, header },
            body: { staffId: v.staffId },
          }),
      })}
    >
      <Select
        label={t('integrity.outcome.procedureStaff')}
        data={candidates.map((s) => ({ value: s, label: staff(s) }))}
        allowDeselect={false}
        {...form.getInputProps('staffId')}
      />
    </CommandDialog>
  );
}

/** The sanction, from the zone's catalogue; the form says which severities the reader's authority may impose (the API decides). */
function SanctionDialog({ kase, staffId, onClose }: { kase: ComplaintRef; staffId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const reference = useIntegrityReference();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { sanction: '', decidedOn: todayInBrussels() },
    validate: { sanction: (v) => (v ? null : t('common.required')) },
  });
  const actingAs = reference.data?.actingAs ?? null;
  const competent = actingAs ? (reference.data?.discipline.competence[actingAs] ?? []) : [];
  const sanctions = reference.data?.discipline.sanctions ?? [];
  return (
    <CommandDialog
      title={t('integrity.outcome.sanctionOf', { staff: staff(staffId) })}
      intro={
        actingAs
          ? t('integrity.outcome.actingAs', {
              authority: code('authority', actingAs),
              severities: competent.map((s) => code('severity', s)).join(', '),
            })
          : t('integrity.outcome.notAnAuthority')
      }
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.outcome.sanction')}
      done={t('integrity.outcome.sanctionDone')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/sanction', {
            params: { path: { id: kase.view.id }, header },
            body: { staffId, sanction: v.sanction, decidedOn: v.decidedOn },
          }),
      })}
    >
      <Select
        label={t('integrity.outcome.sanctionChoice')}
        required
        data={sanctions.map((s) => ({
          value: s.sanction,
          label: `${s.sanction} (${code('severity', s.severity)})`,
          disabled: actingAs !== null && !competent.includes(s.severity),
        }))}
        {...form.getInputProps('sanction')}
      />
      <TextInput type="date" label={t('integrity.outcome.decidedOn')} required {...form.getInputProps('decidedOn')} />
    </CommandDialog>
  );
}

function NoteDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const staff = useStaffName();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({
    initialValues: { staffId: kase.view.complaint.staffConcerned[0] ?? '', note: '' },
    validate: { note: required(t('common.required')) },
  });
  return (
    <CommandDialog
      title={t('integrity.outcome.note')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.outcome.note')}
      done={t('integrity.outcome.noteDone')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/evaluation-notes', {
            params: { path: { id: kase.view.id }, header },
            body: { staffId: v.staffId, note: v.note.trim() },
          }),
      })}
    >
      <Select
        label={t('integrity.outcome.noteStaff')}
        data={kase.view.complaint.staffConcerned.map((s) => ({ value: s, label: staff(s) }))}
        allowDeselect={false}
        {...form.getInputProps('staffId')}
      />
      <Textarea label={t('integrity.outcome.noteText')} required autosize minRows={2} {...form.getInputProps('note')} />
    </CommandDialog>
  );
}

/** Lessons learned, for the individual or the corps, and closing the complaint. */
export function LessonsSection({ kase }: { kase: ComplaintRef }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const [dialog, setDialog] = useState<'lessons' | 'close' | null>(null);
  const lessons = kase.view.complaint.lessonsLearned;
  return (
    <Section id="lessons" title={t('integrity.lessons.title')}>
      {lessons.length === 0 && <Text size="sm">{t('integrity.lessons.none')}</Text>}
      <Stack gap={4}>
        {lessons.map((l) => (
          <Text
            key={l.recordedAt}
            size="sm"
          >{`${code('scope', l.scope)}: ${l.lessons} (${staff(l.recordedBy)}, ${formatDateTime(l.recordedAt)})`}</Text>
        ))}
      </Stack>
      {kase.open && (
        <Group gap="xs" mt="sm">
          <Button variant="default" onClick={() => setDialog('lessons')}>
            {t('integrity.lessons.record')}
          </Button>
          {kase.view.phase === 'concluded' && <Button onClick={() => setDialog('close')}>{t('integrity.close.action')}</Button>}
        </Group>
      )}
      {dialog === 'lessons' && <LessonsDialog kase={kase} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseDialog kase={kase} onClose={() => setDialog(null)} />}
    </Section>
  );
}

function LessonsDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({ initialValues: { scope: 'corps', lessons: '' }, validate: { lessons: required(t('common.required')) } });
  return (
    <CommandDialog
      title={t('integrity.lessons.record')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.lessons.record')}
      done={t('integrity.lessons.done')}
      command={(v) => ({
        etag: kase.etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/complaints/{id}/lessons', {
            params: { path: { id: kase.view.id }, header },
            body: { scope: v.scope as 'individual' | 'corps', lessons: v.lessons.trim() },
          }),
      })}
    >
      <Select
        label={t('integrity.lessons.scope')}
        data={(['individual', 'corps'] as const).map((s) => ({ value: s, label: code('scope', s) }))}
        allowDeselect={false}
        {...form.getInputProps('scope')}
      />
      <Textarea label={t('integrity.lessons.lessons')} required autosize minRows={2} {...form.getInputProps('lessons')} />
    </CommandDialog>
  );
}

function CloseDialog({ kase, onClose }: { kase: ComplaintRef; onClose: () => void }) {
  const { t } = useTranslation();
  const { mutation, reload } = useComplaintWrites(kase.view.id);
  const form = useForm({ initialValues: {} });
  return (
    <CommandDialog
      title={t('integrity.close.action')}
      intro={t('integrity.close.confirm')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={reload}
      submitLabel={t('integrity.close.action')}
      done={t('integrity.close.done')}
      command={() => ({
        etag: kase.etag,
        send: (header) => integrityApi.POST('/api/integrity/complaints/{id}/close', { params: { path: { id: kase.view.id }, header } }),
      })}
    >
      {null}
    </CommandDialog>
  );
}
