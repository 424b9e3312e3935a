import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '@/components/notify';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { applyProblemToForm, FieldError, ProblemError } from '@/lib/api';
import { codesOf, useCodeLabel } from '@/lib/i18n/codes';
import { todayInBrussels } from '@/lib/i18n/dates';
import { POPP_ROLES } from '../access';
import { FoundObjectCategory, useRegisterFoundObject } from '../api/found-objects.api';

const ALIGN = { alignItems: 'end' } as const;
const text = (v: string) => (v.trim() !== '' ? v.trim() : undefined);

/** An object brought to the desk: what, where and when it was found, who found it, where it is kept. */
function NewFoundObjectScreen() {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const navigate = useNavigate();
  const register = useRegisterFoundObject();
  const [key] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const required = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? t('foundObjects.form.required') : null);
  const form = useForm<{
    category: FoundObjectCategory | null;
    description: string;
    place: { municipality: string; postalCode: string; address: string };
    foundOn: string;
    finderRef: string;
    storageLocation: string;
  }>({
    initialValues: {
      category: null,
      description: '',
      place: { municipality: 'Gent', postalCode: '', address: '' },
      foundOn: todayInBrussels(),
      finderRef: '',
      storageLocation: '',
    },
    validate: { category: required, description: required, place: { municipality: required }, foundOn: required },
  });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    register.mutate(
      {
        key,
        body: {
          category: v.category!,
          description: v.description.trim(),
          place: {
            municipality: v.place.municipality.trim(),
            ...(text(v.place.postalCode) ? { postalCode: text(v.place.postalCode) } : {}),
            ...(text(v.place.address) ? { address: text(v.place.address) } : {}),
          },
          foundOn: v.foundOn,
          ...(text(v.finderRef) ? { finderRef: text(v.finderRef) } : {}),
          ...(text(v.storageLocation) ? { storageLocation: text(v.storageLocation) } : {}),
        },
      },
      {
        onSuccess: (answer) => {
          notifySuccess(t('foundObjects.new.done'));
          void navigate(`/found-objects/${answer.data.id}`);
        },
        onError: (error) => setProblem({ error, unplaced: error instanceof ProblemError ? applyProblemToForm(form, error, t) : [] }),
      },
    );
  });
  return (
    <Stack gap="md" maw={860}>
      <PageTitle>{t('foundObjects.new.title')}</PageTitle>
      <form onSubmit={submit} noValidate aria-label={t('foundObjects.new.title')}>
        <Stack gap="sm">
          {problem && <ProblemAlert error={problem.error} unplaced={problem.unplaced} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
            <Select
              label={t('foundObjects.fields.category')}
              withAsterisk
              data={codesOf('objectCategory').map((c) => ({ value: c, label: code('objectCategory', c) }))}
              {...form.getInputProps('category')}
            />
            <TextInput
              type="date"
              label={t('foundObjects.fields.foundOn')}
              max={todayInBrussels()}
              withAsterisk
              {...form.getInputProps('foundOn')}
            />
          </SimpleGrid>
          <Textarea
            label={t('foundObjects.fields.description')}
            description={t('foundObjects.new.descriptionHint')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} style={ALIGN}>
            <TextInput label={t('foundObjects.fields.municipality')} withAsterisk {...form.getInputProps('place.municipality')} />
            <TextInput label={t('foundObjects.fields.postalCode')} {...form.getInputProps('place.postalCode')} />
            <TextInput label={t('foundObjects.fields.address')} {...form.getInputProps('place.address')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
            <TextInput
              label={t('foundObjects.fields.finderRef')}
              description={t('foundObjects.new.finderHint')}
              {...form.getInputProps('finderRef')}
            />
            <TextInput label={t('foundObjects.fields.storageLocation')} {...form.getInputProps('storageLocation')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={register.isPending}>
              {t('foundObjects.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={POPP_ROLES}>
      <NewFoundObjectScreen />
    </RequireRoles>
  );
}
