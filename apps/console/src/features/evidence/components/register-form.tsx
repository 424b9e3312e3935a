import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  FileButton,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, ProblemError } from '@/lib/api';
import { useUser } from '@/lib/auth';
import { codesOf, useCodeLabel } from '@/lib/i18n/codes';
import { brusselsToInstant, nowInBrussels } from '@/lib/i18n/dates';
import { ItemAnswer, RegisterItemBody, useRegisterItem } from '../api/evidence.api';
import { HashedFile, hashFile } from '../model/sha256';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARTY_KINDS = ['storage_room', 'officer', 'lab', 'court_registry', 'external_body'] as const;

/** The form's values: the request body's shape (so the API's field errors land beside their fields), times as Belgian wall clock. */
interface RegisterValues {
  investigationId: string;
  pvNumber: string;
  description: string;
  category: string | null;
  quantity: { amount: number | string; unit: string };
  sealNumber: string;
  packaging: string;
  condition: string;
  seizedBy: string;
  seizedAt: string;
  seizedPlace: string;
  legalBasis: string;
  attachments: HashedFile[];
  otherCustodian: boolean;
  custodian: { kind: string; id: string; name: string };
}

function toBody(v: RegisterValues): RegisterItemBody {
  const text = (s: string) => s.trim();
  return {
    ...(text(v.investigationId) ? { investigationId: text(v.investigationId).toLowerCase() } : {}),
    ...(text(v.pvNumber) ? { pvNumber: text(v.pvNumber) } : {}),
    description: text(v.description),
    category: v.category as RegisterItemBody['category'],
    quantity: { amount: Number(v.quantity.amount), unit: text(v.quantity.unit) },
    sealNumber: text(v.sealNumber),
    packaging: text(v.packaging),
    condition: text(v.condition),
    seizedBy: text(v.seizedBy),
    seizedAt: brusselsToInstant(`${v.seizedAt.replace('T', ' ')}:00`),
    seizedPlace: text(v.seizedPlace),
    legalBasis: text(v.legalBasis),
    attachments: v.attachments.map(({ name, mediaType, sha256 }) => ({ name, mediaType, sha256 })),
    ...(v.otherCustodian
      ? {
          custodian: {
            kind: v.custodian.kind as NonNullable<RegisterItemBody['custodian']>['kind'],
            id: text(v.custodian.id),
            ...(text(v.custodian.name) ? { name: text(v.custodian.name) } : {}),
          },
        }
      : {}),
  };
}

/**
 * Registers a seized item or trace with every field the API takes. Photos and files are registered
 * by reference: their SHA-256 is computed here (SubtleCrypto) and only name, type and hash are sent.
 * One Idempotency-Key per filled-in form: a double click or a lost answer gives the first item back.
 */
export function RegisterForm({
  onCreated,
  investigationId = '',
  pvNumber = '',
}: {
  onCreated: (item: ItemAnswer) => void;
  investigationId?: string;
  pvNumber?: string;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const code = useCodeLabel();
  const register = useRegisterItem();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [hashing, setHashing] = useState(false);
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const v = t('evidence.register.validation', { returnObjects: true }) as {
    required: string;
    caseRequired: string;
    amount: string;
    uuid: string;
  };
  const required = (s: string) => (s.trim() ? null : v.required);
  const form = useForm<RegisterValues>({
    initialValues: {
      investigationId,
      pvNumber,
      description: '',
      category: null,
      quantity: { amount: 1, unit: t('evidence.register.unitDefault') },
      sealNumber: '',
      packaging: '',
      condition: '',
      seizedBy: user.staffId,
      seizedAt: nowInBrussels().slice(0, 16).replace(' ', 'T'),
      seizedPlace: '',
      legalBasis: t('evidence.register.legalBasisDefault'),
      attachments: [],
      otherCustodian: false,
      custodian: { kind: 'storage_room', id: '', name: '' },
    },
    validate: {
      investigationId: (value, all) =>
        !value.trim() && !all.pvNumber.trim() ? v.caseRequired : value.trim() && !UUID.test(value.trim()) ? v.uuid : null,
      description: required,
      category: (value) => (value ? null : v.required),
      quantity: { amount: (value) => (Number(value) > 0 ? null : v.amount), unit: required },
      sealNumber: required,
      packaging: required,
      condition: required,
      seizedBy: required,
      seizedAt: required,
      seizedPlace: required,
      legalBasis: required,
      custodian: { id: (value, all) => (all.otherCustodian ? required(value) : null) },
    },
  });
  const values = form.getValues();

  const addFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setHashing(true);
    try {
      const hashed = await Promise.all(files.map(hashFile));
      form.setFieldValue('attachments', [...form.getValues().attachments, ...hashed]);
    } finally {
      setHashing(false);
    }
  };

  const submit = form.onSubmit((values) => {
    setProblem(null);
    register.mutate(
      { body: toBody(values), idempotencyKey: key },
      {
        onSuccess: (answer) => {
          setKey(crypto.randomUUID());
          onCreated(answer.data);
        },
        onError: (error) =>
          setProblem({
            error,
            unplaced:
              error instanceof ProblemError
                ? applyProblemToForm(form, error, t, { custodian: 'custodian.id', quantity: 'quantity.amount' })
                : [],
          }),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('evidence.register.title')}>
      <Stack gap="md" maw={980}>
        {problem && <ProblemAlert error={problem.error} unplaced={problem.unplaced} />}
        <Fieldset legend={t('evidence.register.sections.case')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('evidence.register.investigationId')}
              description={t('evidence.register.investigationHint')}
              {...form.getInputProps('investigationId')}
              key={form.key('investigationId')}
            />
            <TextInput
              label={t('evidence.register.pvNumber')}
              placeholder="GE.55.L5.000777/2026"
              {...form.getInputProps('pvNumber')}
              key={form.key('pvNumber')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('evidence.register.sections.item')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('evidence.register.category')}
                withAsterisk
                data={codesOf('evidenceCategory').map((c) => ({ value: c, label: code('evidenceCategory', c) }))}
                {...form.getInputProps('category')}
                key={form.key('category')}
              />
              <NumberInput
                label={t('evidence.register.amount')}
                withAsterisk
                min={0}
                decimalScale={3}
                {...form.getInputProps('quantity.amount')}
                key={form.key('quantity.amount')}
              />
              <TextInput
                label={t('evidence.register.unit')}
                withAsterisk
                {...form.getInputProps('quantity.unit')}
                key={form.key('quantity.unit')}
              />
            </SimpleGrid>
            <Textarea
              label={t('evidence.register.description')}
              withAsterisk
              autosize
              minRows={2}
              {...form.getInputProps('description')}
              key={form.key('description')}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('evidence.register.sealNumber')}
                withAsterisk
                {...form.getInputProps('sealNumber')}
                key={form.key('sealNumber')}
              />
              <TextInput
                label={t('evidence.register.packaging')}
                withAsterisk
                placeholder={t('evidence.register.packagingPlaceholder')}
                {...form.getInputProps('packaging')}
                key={form.key('packaging')}
              />
              <TextInput
                label={t('evidence.register.condition')}
                withAsterisk
                {...form.getInputProps('condition')}
                key={form.key('condition')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('evidence.register.sections.seizure')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('evidence.register.seizedBy')}
              withAsterisk
              {...form.getInputProps('seizedBy')}
              key={form.key('seizedBy')}
            />
            <TextInput
              type="datetime-local"
              label={t('evidence.register.seizedAt')}
              withAsterisk
              {...form.getInputProps('seizedAt')}
              key={form.key('seizedAt')}
            />
            <TextInput
              label={t('evidence.register.seizedPlace')}
              withAsterisk
              {...form.getInputProps('seizedPlace')}
              key={form.key('seizedPlace')}
            />
            <TextInput
              label={t('evidence.register.legalBasis')}
              withAsterisk
              {...form.getInputProps('legalBasis')}
              key={form.key('legalBasis')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('evidence.register.sections.files')}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed" id="files-hint">
              {t('evidence.register.filesHint')}
            </Text>
            <Group>
              <FileButton multiple onChange={(files) => void addFiles(files)}>
                {(props) => (
                  <Button variant="default" {...props} aria-describedby="files-hint" loading={hashing}>
                    {t('evidence.register.files')}
                  </Button>
                )}
              </FileButton>
              {hashing && <Text size="sm">{t('evidence.register.hashing')}</Text>}
            </Group>
            {values.attachments.length > 0 && (
              <Table fz="xs" verticalSpacing={2}>
                <Table.Caption>{t('evidence.register.filesCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('evidence.register.fileName')}</Table.Th>
                    <Table.Th>{t('evidence.register.fileType')}</Table.Th>
                    <Table.Th>{t('evidence.register.fileHash')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {values.attachments.map((a, i) => (
                    <Table.Tr key={`${a.sha256}-${i}`}>
                      <Table.Td>{a.name}</Table.Td>
                      <Table.Td>{a.mediaType}</Table.Td>
                      <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="attachment-hash">
                        {a.sha256}
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          aria-label={t('evidence.register.removeFile', { name: a.name })}
                          onClick={() => form.removeListItem('attachments', i)}
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('evidence.register.sections.custody')}>
          <Stack gap="sm">
            <Checkbox
              label={t('evidence.register.custodianOther')}
              {...form.getInputProps('otherCustodian', { type: 'checkbox' })}
              key={form.key('otherCustodian')}
            />
            {values.otherCustodian && (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('evidence.register.custodianKind')}
                  data={PARTY_KINDS.map((k) => ({ value: k, label: t(`evidence.party.${k}`, { id: '', name: '' }).trim() }))}
                  allowDeselect={false}
                  {...form.getInputProps('custodian.kind')}
                  key={form.key('custodian.kind')}
                />
                <TextInput
                  label={t('evidence.register.custodianId')}
                  withAsterisk
                  {...form.getInputProps('custodian.id')}
                  key={form.key('custodian.id')}
                />
                <TextInput
                  label={t('evidence.register.custodianName')}
                  {...form.getInputProps('custodian.name')}
                  key={form.key('custodian.name')}
                />
              </SimpleGrid>
            )}
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={register.isPending} disabled={hashing}>
            {t('evidence.register.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
