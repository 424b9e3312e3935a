import { Anchor, Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifySuccess } from '@/components/notify';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { applyProblemToForm, FieldError, ProblemError } from '@/lib/api';
import { todayInBrussels } from '@/lib/i18n/dates';
import { COMPLAINT_DESK_ROLES } from '../access';
import { ReceiveComplaintBody, useRegisterComplaint } from '../api/integrity.api';
import { useIntegrityCode, useStaffOptions } from '../components/words';

// The desk's complaints come through the reports service (a conduct complaint taken at the desk), not this form.
const CHANNELS = ['mail', 'letter', 'via_mayor', 'via_comite_p', 'via_aig', 'online_form'] as const;

interface Values extends Record<string, unknown> {
  channel: string;
  complainant: { name: string; contact: string };
  staffConcerned: string[];
  facts: string;
  receivedOn: string;
  office: string;
  externalReference: string;
}

function RegisterComplaintScreen() {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const navigate = useNavigate();
  const staff = useStaffOptions();
  const register = useRegisterComplaint();
  const [key] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const required = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? t('common.required') : null);
  const form = useForm<Values>({
    initialValues: {
      channel: 'mail',
      complainant: { name: '', contact: '' },
      staffConcerned: [],
      facts: '',
      receivedOn: todayInBrussels(),
      office: '',
      externalReference: '',
    },
    validate: {
      channel: required,
      complainant: { name: required },
      facts: required,
      receivedOn: required,
      externalReference: (v, values) => (values.channel === 'via_comite_p' || values.channel === 'via_aig' ? required(v) : null),
    },
  });
  const viaBody = form.values.channel === 'via_comite_p' || form.values.channel === 'via_aig';
  const submit = form.onSubmit((v) => {
    setProblem(null);
    const body: ReceiveComplaintBody = {
      channel: v.channel as ReceiveComplaintBody['channel'],
      complainant: { name: v.complainant.name.trim(), ...(v.complainant.contact.trim() && { contact: v.complainant.contact.trim() }) },
      staffConcerned: v.staffConcerned,
      facts: v.facts.trim(),
      receivedOn: v.receivedOn,
      ...(v.office.trim() && { office: v.office.trim() }),
      ...(viaBody && { externalReference: v.externalReference.trim() }),
    };
    register.mutate(
      { body, key },
      {
        onSuccess: (answer) => {
          notifySuccess(t('integrity.form.created', { number: answer.data.registerNumber ?? '' }));
          void navigate(`/integrity/complaints/${answer.data.id}`);
        },
        onError: (error) => setProblem({ error, unplaced: error instanceof ProblemError ? applyProblemToForm(form, error, t) : [] }),
      },
    );
  });
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/integrity" size="sm">
        {t('integrity.file.back')}
      </Anchor>
      <PageTitle>{t('integrity.form.title')}</PageTitle>
      <Text size="sm">{t('integrity.form.intro')}</Text>
      <Card withBorder>
        <form onSubmit={submit} noValidate aria-label={t('integrity.form.title')}>
          <Stack gap="sm">
            {problem && <ProblemAlert error={problem.error} unplaced={problem.unplaced} />}
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('integrity.form.channel')}
                required
                data={CHANNELS.map((c) => ({ value: c, label: code('channel', c) }))}
                allowDeselect={false}
                {...form.getInputProps('channel')}
              />
              <TextInput label={t('integrity.form.receivedOn')} type="date" required {...form.getInputProps('receivedOn')} />
              <TextInput label={t('integrity.form.office')} {...form.getInputProps('office')} />
            </SimpleGrid>
            {viaBody && <TextInput label={t('integrity.form.externalReference')} required {...form.getInputProps('externalReference')} />}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('integrity.form.complainantName')} required {...form.getInputProps('complainant.name')} />
              <TextInput label={t('integrity.form.complainantContact')} {...form.getInputProps('complainant.contact')} />
            </SimpleGrid>
            <MultiSelect
              label={t('integrity.form.staffConcerned')}
              description={t('integrity.form.staffConcernedHint')}
              data={staff}
              searchable
              {...form.getInputProps('staffConcerned')}
            />
            <Textarea label={t('integrity.form.facts')} required autosize minRows={4} {...form.getInputProps('facts')} />
            <Group justify="flex-end">
              <Button type="submit" loading={register.isPending}>
                {t('integrity.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={COMPLAINT_DESK_ROLES}>
      <RegisterComplaintScreen />
    </RequireRoles>
  );
}
