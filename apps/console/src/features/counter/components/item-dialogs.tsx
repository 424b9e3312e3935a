import { Alert, Checkbox, FileInput, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '@/lib/auth';
import { useCodeLabel, codesOf } from '@/lib/i18n/codes';
import { brusselsToInstant, dayjs, nowInBrussels, todayInBrussels } from '@/lib/i18n/dates';
import type {
  CheckOutPurpose,
  DecisionAuthority,
  Disposition,
  HandoverMethod,
  HeldItem,
  LabAnalysis,
  LabConclusion,
  Reference,
  StorageLocation,
} from '../api/counter.api';
import { counterCodes, useCounterLabel } from '../labels';
import { ActionDialog } from './action-dialog';
import { required, text } from './fields';

interface DialogProps {
  item: HeldItem;
  reference?: Reference;
  onClose: () => void;
}

const ALIGN = { alignItems: 'end' } as const;

type LocationValues = { room: string; locker: string; shelf: string };
const location = (v: LocationValues): StorageLocation => ({
  room: v.room.trim(),
  ...(text(v.locker) ? { locker: text(v.locker) } : {}),
  ...(text(v.shelf) ? { shelf: text(v.shelf) } : {}),
});

function LocationFields({ form }: { form: { getInputProps: (path: string) => object } }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} style={ALIGN}>
      <TextInput label={t('counter.fields.room')} withAsterisk {...form.getInputProps('location.room')} />
      <TextInput label={t('counter.fields.locker')} {...form.getInputProps('location.locker')} />
      <TextInput label={t('counter.fields.shelf')} {...form.getInputProps('location.shelf')} />
    </SimpleGrid>
  );
}

export function CheckInDialog({ item, reference, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useForm<{ location: LocationValues }>({
    initialValues: { location: { room: reference?.storageRooms[0]?.name ?? '', locker: '', shelf: '' } },
    validate: { location: { room: required(t) } },
  });
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.checkIn.title', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      submitLabel={t('counter.checkIn.submit')}
      done={t('counter.checkIn.done')}
      command={(v) => ({ kind: 'checkIn', body: { location: location(v.location) } })}
    >
      <LocationFields form={form} />
    </ActionDialog>
  );
}

/** Out of storage for examination or court, by whom and until when (Belgian time); custody does not change. */
export function CheckOutDialog({ item, onClose }: DialogProps) {
  const { t } = useTranslation();
  const label = useCounterLabel();
  const user = useUser();
  const tomorrow = dayjs(nowInBrussels()).add(1, 'day').hour(16).minute(0).format('YYYY-MM-DDTHH:mm');
  const form = useForm<{ purpose: CheckOutPurpose | null; takenBy: string; expectedReturnAt: string; note: string }>({
    initialValues: { purpose: 'examination', takenBy: user.staffId, expectedReturnAt: tomorrow, note: '' },
    validate: { purpose: required(t), takenBy: required(t), expectedReturnAt: required(t) },
  });
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.checkOut.title', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      submitLabel={t('counter.checkOut.submit')}
      done={t('counter.checkOut.done')}
      command={(v) => ({
        kind: 'checkOut',
        body: {
          purpose: v.purpose!,
          takenBy: v.takenBy.trim(),
          expectedReturnAt: brusselsToInstant(v.expectedReturnAt.replace('T', ' ')),
          ...(text(v.note) ? { note: text(v.note) } : {}),
        },
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
        <Select
          label={t('counter.fields.checkOutPurpose')}
          withAsterisk
          data={counterCodes('checkOutPurpose').map((p) => ({ value: p, label: label('checkOutPurpose', p) }))}
          {...form.getInputProps('purpose')}
        />
        <TextInput
          label={t('counter.checkOut.takenBy')}
          description={t('counter.checkOut.takenByHint')}
          withAsterisk
          {...form.getInputProps('takenBy')}
        />
      </SimpleGrid>
      <TextInput
        type="datetime-local"
        label={t('counter.checkOut.expectedReturn')}
        description={t('counter.fields.brusselsTime')}
        withAsterisk
        {...form.getInputProps('expectedReturnAt')}
      />
      <Textarea label={t('counter.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </ActionDialog>
  );
}

export function ReturnDialog({ item, onClose }: DialogProps) {
  const { t } = useTranslation();
  const from = item.whereabouts.kind === 'checked_out' ? item.whereabouts.from : { room: '' };
  const form = useForm<{ location: LocationValues }>({
    initialValues: { location: { room: from.room, locker: from.locker ?? '', shelf: from.shelf ?? '' } },
    validate: { location: { room: required(t) } },
  });
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.return.title', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      submitLabel={t('counter.return.submit')}
      done={t('counter.return.done')}
      command={(v) => ({ kind: 'return', body: { location: location(v.location) } })}
    >
      <LocationFields form={form} />
    </ActionDialog>
  );
}

/** A handover to a lab with the examination asked; the lab has the item once its liaison accepts. */
export function LabSubmissionDialog({ item, reference, onClose }: DialogProps) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const label = useCounterLabel();
  const [key] = useState(() => crypto.randomUUID());
  const form = useForm<{
    laboratory: string;
    analysis: LabAnalysis | null;
    request: string;
    method: HandoverMethod | null;
    sealIntact: boolean;
  }>({
    initialValues: { laboratory: reference?.laboratories[0]?.id ?? '', analysis: null, request: '', method: 'courier', sealIntact: true },
    validate: { laboratory: required(t), analysis: required(t), request: required(t), method: required(t) },
  });
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.lab.submitTitle', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      submitLabel={t('counter.lab.submit')}
      done={t('counter.lab.submitted')}
      aliases={{ 'laboratory.kind': 'laboratory', 'laboratory.id': 'laboratory' }}
      command={(v) => {
        const lab = reference?.laboratories.find((l) => l.id === v.laboratory);
        return {
          kind: 'labSubmission',
          key,
          body: {
            laboratory: { kind: 'lab', id: v.laboratory, ...(lab ? { name: lab.name } : {}) },
            analysis: v.analysis!,
            request: v.request.trim(),
            method: v.method!,
            sealIntact: v.sealIntact,
          },
        };
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
        <Select
          label={t('counter.lab.laboratory')}
          withAsterisk
          allowDeselect={false}
          data={(reference?.laboratories ?? []).map((l) => ({ value: l.id, label: l.name }))}
          {...form.getInputProps('laboratory')}
        />
        <Select
          label={t('counter.lab.analysis')}
          withAsterisk
          data={codesOf('labAnalysis').map((a) => ({ value: a, label: code('labAnalysis', a) }))}
          {...form.getInputProps('analysis')}
        />
      </SimpleGrid>
      <Textarea
        label={t('counter.lab.request')}
        description={t('counter.lab.requestHint')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('request')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
        <Select
          label={t('counter.fields.method')}
          withAsterisk
          data={counterCodes('handoverMethod').map((m) => ({ value: m, label: label('handoverMethod', m) }))}
          {...form.getInputProps('method')}
        />
        <Checkbox label={t('counter.fields.sealIntact')} {...form.getInputProps('sealIntact', { type: 'checkbox' })} />
      </SimpleGrid>
    </ActionDialog>
  );
}

/** SHA-256 of a file, in the browser, as 64 lowercase hex digits. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The lab's result: its reference, conclusion, summary and the report by its SHA-256 (computed here, the file stays on the desk). */
export function LabResultDialog({ item, onClose }: DialogProps) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const atLab = Object.values(item.labSubmissions).filter((s) => s.status === 'at_lab');
  const form = useForm<{
    submissionId: string;
    labReference: string;
    conclusion: LabConclusion | null;
    summary: string;
    reportSha256: string;
  }>({
    initialValues: { submissionId: atLab[0]?.submissionId ?? '', labReference: '', conclusion: null, summary: '', reportSha256: '' },
    validate: {
      submissionId: required(t),
      labReference: required(t),
      conclusion: required(t),
      summary: required(t),
      reportSha256: (v) => (/^[0-9a-f]{64}$/.test(v) ? null : t('counter.lab.reportRequired')),
    },
  });
  const [hashing, setHashing] = useState(false);
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.lab.resultTitle', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      submitLabel={t('counter.lab.resultSubmit')}
      done={t('counter.lab.resultDone')}
      command={(v) => ({
        kind: 'labResult',
        submissionId: v.submissionId,
        body: { labReference: v.labReference.trim(), conclusion: v.conclusion!, summary: v.summary.trim(), reportSha256: v.reportSha256 },
      })}
    >
      <Select
        label={t('counter.lab.submission')}
        withAsterisk
        allowDeselect={false}
        data={atLab.map((s) => ({
          value: s.submissionId,
          label: `${s.laboratory.name ?? s.laboratory.id} — ${code('labAnalysis', s.analysis)}`,
        }))}
        {...form.getInputProps('submissionId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
        <TextInput label={t('counter.lab.labReference')} withAsterisk {...form.getInputProps('labReference')} />
        <Select
          label={t('counter.lab.conclusion')}
          withAsterisk
          data={codesOf('labConclusion').map((c) => ({ value: c, label: code('labConclusion', c) }))}
          {...form.getInputProps('conclusion')}
        />
      </SimpleGrid>
      <Textarea label={t('counter.lab.summary')} withAsterisk autosize minRows={2} {...form.getInputProps('summary')} />
      <FileInput
        label={t('counter.lab.report')}
        description={t('counter.lab.reportHint')}
        withAsterisk
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        error={form.errors.reportSha256}
        onChange={async (file) => {
          form.setFieldValue('reportSha256', '');
          if (!file) return;
          setHashing(true);
          form.setFieldValue('reportSha256', await sha256Hex(file));
          setHashing(false);
        }}
      />
      {(hashing || form.getValues().reportSha256) && (
        <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="report-sha256">
          {hashing ? t('counter.lab.hashing') : t('counter.lab.hash', { hash: form.getValues().reportSha256 })}
        </Text>
      )}
    </ActionDialog>
  );
}

/** The magistrate's or parket's decision on the item's final disposition (a later one replaces it). */
export function DecisionDialog({ item, onClose }: DialogProps) {
  const { t } = useTranslation();
  const label = useCounterLabel();
  const form = useForm<{ decisionRef: string; authority: DecisionAuthority | null; decisionDate: string; disposition: Disposition | null }>(
    {
      initialValues: { decisionRef: '', authority: 'procureur_des_konings', decisionDate: todayInBrussels(), disposition: null },
      validate: { decisionRef: required(t), authority: required(t), decisionDate: required(t), disposition: required(t) },
    },
  );
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.decision.title', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      submitLabel={t('counter.decision.submit')}
      done={t('counter.decision.done')}
      command={(v) => ({
        kind: 'decision',
        body: { decisionRef: v.decisionRef.trim(), authority: v.authority!, decisionDate: v.decisionDate, disposition: v.disposition! },
      })}
    >
      {item.decision && <Text size="sm">{t('counter.decision.replaces', { ref: item.decision.decisionRef })}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
        <TextInput
          label={t('counter.decision.ref')}
          description={t('counter.decision.refHint')}
          withAsterisk
          {...form.getInputProps('decisionRef')}
        />
        <Select
          label={t('counter.decision.authority')}
          withAsterisk
          data={counterCodes('authority').map((a) => ({ value: a, label: label('authority', a) }))}
          {...form.getInputProps('authority')}
        />
        <TextInput
          type="date"
          label={t('counter.decision.date')}
          max={todayInBrussels()}
          withAsterisk
          {...form.getInputProps('decisionDate')}
        />
        <Select
          label={t('counter.decision.disposition')}
          withAsterisk
          data={counterCodes('disposition').map((d) => ({ value: d, label: label('disposition', d) }))}
          {...form.getInputProps('disposition')}
        />
      </SimpleGrid>
    </ActionDialog>
  );
}

/**
 * Carries out the recorded decision with the witnesses the zone's rules ask for this disposition and
 * category (shown before the user submits); the API's refusal (no decision recorded, another decision,
 * too few witnesses) is shown in words.
 */
export function DisposalDialog({ item, reference, onClose }: DialogProps) {
  const { t } = useTranslation();
  const label = useCounterLabel();
  const code = useCodeLabel();
  const decision = item.decision;
  const needed = decision
    ? (reference?.witnessRules.find((r) => r.disposition === decision.disposition && r.category === item.category)?.witnesses ?? 0)
    : 0;
  const handedTo = decision?.disposition === 'return_to_owner' || decision?.disposition === 'transfer_to_court_registry';
  const form = useForm({
    initialValues: { decisionRef: decision?.decisionRef ?? '', witnesses: '', receiptRef: '', handedTo: '' },
    validate: { decisionRef: required(t), receiptRef: required(t), ...(handedTo ? { handedTo: required(t) } : {}) },
  });
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.disposal.title', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      danger
      submitLabel={t('counter.disposal.submit')}
      done={t('counter.disposal.done')}
      command={(v) => ({
        kind: 'disposal',
        body: {
          decisionRef: v.decisionRef.trim(),
          witnesses: v.witnesses
            .split(/[\n,;]+/)
            .map((w) => w.trim())
            .filter(Boolean),
          receiptRef: v.receiptRef.trim(),
          ...(text(v.handedTo) ? { handedTo: text(v.handedTo) } : {}),
        },
      })}
    >
      {decision ? (
        <Text size="sm">
          {t('counter.disposal.decision', {
            ref: decision.decisionRef,
            authority: label('authority', decision.authority),
            disposition: label('disposition', decision.disposition),
          })}
        </Text>
      ) : (
        <Alert color="orange.9" variant="outline" role="status">
          {t('counter.disposal.noDecision')}
        </Alert>
      )}
      {decision && (
        <Text size="sm" fw={600}>
          {needed > 0
            ? t('counter.disposal.witnessesNeeded', {
                count: needed,
                category: code('evidenceCategory', item.category),
                disposition: label('disposition', decision.disposition),
              })
            : t('counter.disposal.noWitnessesNeeded')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
        <TextInput label={t('counter.decision.ref')} withAsterisk {...form.getInputProps('decisionRef')} />
        <TextInput
          label={t('counter.disposal.receipt')}
          description={t('counter.disposal.receiptHint')}
          withAsterisk
          {...form.getInputProps('receiptRef')}
        />
      </SimpleGrid>
      <Textarea
        label={t('counter.disposal.witnesses')}
        description={t('counter.disposal.witnessesHint')}
        autosize
        minRows={2}
        {...form.getInputProps('witnesses')}
      />
      {handedTo && <TextInput label={t('counter.disposal.handedTo')} withAsterisk {...form.getInputProps('handedTo')} />}
    </ActionDialog>
  );
}
