import { Checkbox, Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { investigationsApi } from '@/lib/api';
import { brusselsToInstant } from '@/lib/i18n/dates';
import type { PartyLink, PartyRole } from '../api/investigations.api';
import { CaseRef, CommandDialog } from '../components/command-form';
import { DateTimeField } from '../components/date-fields';
import { investigationCodes, useInvestigationLabel } from '../model/labels';
import { ALIGN_INPUTS, required, text } from './fields';

interface DialogProps {
  kase: CaseRef;
  opened: boolean;
  onClose: () => void;
}

/** Link a person with a role; a reference ties the person to other cases in the person index. */
export function LinkPartyDialog({ kase, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const form = useForm<{ displayName: string; role: PartyRole | null; personId: string; identified: boolean; traced: boolean }>({
    initialValues: { displayName: '', role: null, personId: '', identified: false, traced: false },
    validate: { displayName: required(t), role: required(t) },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.parties.linkTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.parties.linkSubmit')}
      done={t('investigations.parties.linkDone')}
      command={(v) => ({
        creates: true,
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/parties', {
            params: { path: { id: kase.id }, header: headers },
            body: {
              displayName: v.displayName.trim(),
              role: v.role!,
              identified: v.identified,
              traced: v.traced,
              ...(text(v.personId) ? { personId: text(v.personId) } : {}),
            },
          }),
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
        <TextInput
          label={t('investigations.parties.name')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('displayName')}
          key={form.key('displayName')}
        />
        <Select
          label={t('investigations.parties.role')}
          withAsterisk
          data={investigationCodes('partyRole').map((r) => ({ value: r, label: label('partyRole', r) }))}
          {...form.getInputProps('role')}
          key={form.key('role')}
        />
      </SimpleGrid>
      <TextInput
        label={t('investigations.parties.personId')}
        description={t('investigations.parties.personIdHint')}
        {...form.getInputProps('personId')}
        key={form.key('personId')}
      />
      <Group gap="lg">
        <Checkbox
          label={t('investigations.parties.identified')}
          {...form.getInputProps('identified', { type: 'checkbox' })}
          key={form.key('identified')}
        />
        <Checkbox
          label={t('investigations.parties.traced')}
          {...form.getInputProps('traced', { type: 'checkbox' })}
          key={form.key('traced')}
        />
      </Group>
    </CommandDialog>
  );
}

/** Unlink a person, with a reason: the link stays in the history and the person index. */
export function UnlinkPartyDialog({ kase, party, opened, onClose }: DialogProps & { party: PartyLink }) {
  const { t } = useTranslation();
  const form = useForm<{ reason: string }>({ initialValues: { reason: '' }, validate: { reason: required(t) } });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.parties.unlinkTitle', { name: party.displayName })}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.parties.unlinkSubmit')}
      done={t('investigations.parties.unlinkDone')}
      size="md"
      command={(v) => ({
        send: (headers) =>
          investigationsApi.DELETE('/api/investigations/{id}/parties/{partyLinkId}', {
            params: { path: { id: kase.id, partyLinkId: party.partyLinkId }, header: headers },
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

/** Record who the person is and how that was established. */
export function IdentifyDialog({ kase, party, opened, onClose }: DialogProps & { party: PartyLink }) {
  const { t } = useTranslation();
  const form = useForm<{ personId: string; how: string }>({
    initialValues: { personId: party.personId, how: '' },
    validate: { personId: required(t), how: required(t) },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.parties.identifyTitle', { name: party.displayName })}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.parties.identifySubmit')}
      done={t('investigations.parties.identifyDone')}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/parties/{partyLinkId}/identification', {
            params: { path: { id: kase.id, partyLinkId: party.partyLinkId }, header: headers },
            body: { personId: v.personId.trim(), how: v.how.trim() },
          }),
      })}
    >
      <TextInput
        label={t('investigations.parties.personId')}
        description={t('investigations.parties.personIdHint')}
        withAsterisk
        {...form.getInputProps('personId')}
        key={form.key('personId')}
      />
      <TextInput
        label={t('investigations.parties.how')}
        description={t('investigations.parties.howHint')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('how')}
        key={form.key('how')}
      />
    </CommandDialog>
  );
}

/** Record that the person was traced, when and where. */
export function TraceDialog({ kase, party, opened, onClose }: DialogProps & { party: PartyLink }) {
  const { t } = useTranslation();
  const form = useForm<{ tracedAt: string | null; place: string }>({
    initialValues: { tracedAt: null, place: '' },
    validate: { tracedAt: required(t), place: required(t) },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.parties.traceTitle', { name: party.displayName })}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.parties.traceSubmit')}
      done={t('investigations.parties.traceDone')}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/parties/{partyLinkId}/tracing', {
            params: { path: { id: kase.id, partyLinkId: party.partyLinkId }, header: headers },
            body: { tracedAt: brusselsToInstant(v.tracedAt!), place: v.place.trim() },
          }),
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
        <DateTimeField
          label={t('investigations.parties.tracedAt')}
          description={t('investigations.form.belgianTime')}
          withAsterisk
          {...form.getInputProps('tracedAt')}
          key={form.key('tracedAt')}
        />
        <TextInput label={t('investigations.parties.place')} withAsterisk {...form.getInputProps('place')} key={form.key('place')} />
      </SimpleGrid>
    </CommandDialog>
  );
}
