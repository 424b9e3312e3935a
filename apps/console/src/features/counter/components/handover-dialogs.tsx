import { Alert, Checkbox, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { HandoverMethod, HandoverPurpose, HeldItem, PartyKind, Reference } from '../api/counter.api';
import { counterCodes, useCounterLabel } from '../labels';
import { ActionDialog } from './action-dialog';
import { partyName, required, text } from './fields';

/** What a handover dialog needs of the item: the inbox's list entries have it as well as the item's read. */
export type HandoverItem = Pick<HeldItem, 'itemId' | 'labelNumber' | 'sealNumber' | 'custodian' | 'openOffer'>;

interface DialogProps {
  item: HandoverItem;
  etag: string | null;
  reference?: Reference;
  onClose: () => void;
}

const ALIGN = { alignItems: 'end' } as const;

/** The purpose that goes with a kind of recipient, as a sensible default. */
const PURPOSE_FOR: Record<PartyKind, HandoverPurpose> = {
  officer: 'investigation',
  storage_room: 'storage',
  lab: 'lab_analysis',
  court_registry: 'court_registry',
  external_body: 'return_to_owner',
};

/**
 * The custodian offers the item: to a person (staff id), the storage room, a lab, the court registry
 * or an outside body, with purpose, method and whether the seal is intact. Custody passes only when
 * the recipient accepts. Sent on the version on screen (If-Match): a concurrent offer is a 412.
 */
export function OfferDialog({ item, etag, reference, onClose }: DialogProps) {
  const { t } = useTranslation();
  const label = useCounterLabel();
  const form = useForm<{
    to: { kind: PartyKind; id: string; name: string };
    purpose: HandoverPurpose | null;
    method: HandoverMethod | null;
    sealIntact: boolean;
    note: string;
  }>({
    initialValues: {
      to: { kind: 'storage_room', id: reference?.storageRooms[0]?.id ?? '', name: '' },
      purpose: 'storage',
      method: 'hand_delivery',
      sealIntact: true,
      note: '',
    },
    validate: { to: { id: required(t) }, purpose: required(t), method: required(t) },
  });
  const kind = form.getValues().to.kind;
  const choices = kind === 'storage_room' ? reference?.storageRooms : kind === 'lab' ? reference?.laboratories : undefined;
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.offer.title', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      submitLabel={t('counter.offer.submit')}
      done={t('counter.offer.done')}
      command={(v) => {
        const named = choices?.find((c) => c.id === v.to.id)?.name ?? text(v.to.name);
        return {
          kind: 'offer',
          etag,
          body: {
            to: { kind: v.to.kind, id: v.to.id.trim(), ...(named ? { name: named } : {}) },
            purpose: v.purpose!,
            method: v.method!,
            sealIntact: v.sealIntact,
            ...(text(v.note) ? { note: text(v.note) } : {}),
          },
        };
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
        <Select
          label={t('counter.offer.toKind')}
          allowDeselect={false}
          data={counterCodes('partyKind').map((k) => ({ value: k, label: label('partyKind', k) }))}
          {...form.getInputProps('to.kind')}
          onChange={(v) => {
            const next = (v ?? 'officer') as PartyKind;
            form.setFieldValue('to.kind', next);
            form.setFieldValue('purpose', PURPOSE_FOR[next]);
            form.setFieldValue(
              'to.id',
              next === 'storage_room'
                ? (reference?.storageRooms[0]?.id ?? '')
                : next === 'lab'
                  ? (reference?.laboratories[0]?.id ?? '')
                  : '',
            );
          }}
        />
        {choices ? (
          <Select
            label={t('counter.offer.to')}
            withAsterisk
            allowDeselect={false}
            data={choices.map((c) => ({ value: c.id, label: c.name }))}
            {...form.getInputProps('to.id')}
          />
        ) : (
          <TextInput
            label={kind === 'officer' ? t('counter.offer.toOfficer') : t('counter.offer.toId')}
            description={kind === 'officer' ? t('counter.offer.toOfficerHint') : undefined}
            withAsterisk
            {...form.getInputProps('to.id')}
          />
        )}
      </SimpleGrid>
      {!choices && kind !== 'officer' && <TextInput label={t('counter.offer.toName')} {...form.getInputProps('to.name')} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
        <Select
          label={t('counter.fields.purpose')}
          withAsterisk
          data={counterCodes('handoverPurpose').map((p) => ({ value: p, label: label('handoverPurpose', p) }))}
          {...form.getInputProps('purpose')}
        />
        <Select
          label={t('counter.fields.method')}
          withAsterisk
          data={counterCodes('handoverMethod').map((m) => ({ value: m, label: label('handoverMethod', m) }))}
          {...form.getInputProps('method')}
        />
      </SimpleGrid>
      <Text size="sm">{t('counter.offer.sealOnRecord', { seal: item.sealNumber })}</Text>
      <Checkbox label={t('counter.fields.sealIntact')} {...form.getInputProps('sealIntact', { type: 'checkbox' })} />
      <Textarea label={t('counter.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </ActionDialog>
  );
}

/**
 * The recipient accepts: they type the seal number they find (not copied from the record) and the
 * condition. A seal number other than the one on record is shown in red and recorded as a mismatch;
 * it does not stop the handover.
 */
export function AcceptDialog({ item, onClose }: DialogProps) {
  const { t } = useTranslation();
  const offer = item.openOffer!;
  const form = useForm({
    initialValues: { sealNumberFound: '', sealIntact: true, condition: '', place: '' },
    validate: { sealNumberFound: required(t), condition: required(t), place: required(t) },
  });
  const found = form.getValues().sealNumberFound.trim();
  const mismatch = found !== '' && found !== item.sealNumber;
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.accept.title', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      submitLabel={t('counter.accept.submit')}
      done={mismatch ? t('counter.accept.doneMismatch') : t('counter.accept.done')}
      command={(v) => ({
        kind: 'accept',
        handoverId: offer.handoverId,
        body: { sealNumberFound: v.sealNumberFound.trim(), sealIntact: v.sealIntact, condition: v.condition.trim(), place: v.place.trim() },
      })}
    >
      <Text size="sm">{t('counter.accept.intro', { from: partyName(item.custodian, t) })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
        <TextInput
          label={t('counter.accept.sealFound')}
          description={t('counter.accept.sealFoundHint', { seal: item.sealNumber })}
          withAsterisk
          error={form.errors.sealNumberFound}
          styles={mismatch ? { input: { borderColor: 'var(--mantine-color-red-9)', color: 'var(--mantine-color-red-9)' } } : undefined}
          aria-describedby={mismatch ? 'seal-mismatch' : undefined}
          {...form.getInputProps('sealNumberFound')}
        />
        <TextInput label={t('counter.accept.place')} withAsterisk {...form.getInputProps('place')} />
      </SimpleGrid>
      {mismatch && (
        <Alert id="seal-mismatch" color="red.9" variant="light" role="status" title={t('counter.accept.mismatchTitle')}>
          {t('counter.accept.mismatch', { expected: item.sealNumber, found })}
        </Alert>
      )}
      <Checkbox label={t('counter.fields.sealIntact')} {...form.getInputProps('sealIntact', { type: 'checkbox' })} />
      <Textarea label={t('counter.accept.condition')} withAsterisk autosize minRows={2} {...form.getInputProps('condition')} />
    </ActionDialog>
  );
}

export function DeclineDialog({ item, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: required(t) } });
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.decline.title', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      danger
      submitLabel={t('counter.decline.submit')}
      done={t('counter.decline.done')}
      command={(v) => ({ kind: 'decline', handoverId: item.openOffer!.handoverId, body: { reason: v.reason.trim() } })}
    >
      <Textarea label={t('counter.decline.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
    </ActionDialog>
  );
}

export function WithdrawDialog({ item, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' } });
  return (
    <ActionDialog
      itemId={item.itemId}
      title={t('counter.withdraw.title', { label: item.labelNumber })}
      onClose={onClose}
      form={form}
      danger
      submitLabel={t('counter.withdraw.submit')}
      done={t('counter.withdraw.done')}
      command={(v) => ({
        kind: 'withdraw',
        handoverId: item.openOffer!.handoverId,
        body: text(v.reason) ? { reason: text(v.reason) } : {},
      })}
    >
      <Textarea label={t('counter.withdraw.reason')} autosize minRows={2} {...form.getInputProps('reason')} />
    </ActionDialog>
  );
}
