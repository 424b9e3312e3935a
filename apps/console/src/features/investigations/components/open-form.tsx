import { Alert, Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, ProblemError } from '@/lib/api';
import { useUser } from '@/lib/auth';
import type { InvestigationKind, OpenInvestigationBody, OriginKind, WriteAnswer } from '../api/investigations.api';
import { useOpenInvestigation, useReference } from '../api/investigations.api';
import { ALIGN_INPUTS, authoritiesFor, AuthorityFields, AuthorityValues, required, text } from '../forms/fields';
import { investigationCodes, useInvestigationLabel } from '../model/labels';

/** The origins a detective opens a case from here; a referred report opens its case by itself (the referral). */
const OPENABLE: Exclude<OriginKind, 'report'>[] = [
  'eigen_initiatief',
  'parket',
  'onderzoeksrechter',
  'andere_politiedienst',
  'eigen_organisatie',
];

export interface OpenValues extends Record<string, unknown> {
  title: string;
  kind: InvestigationKind | null;
  /** A phenomenon code of the zone's routing (the list shows its words). */
  phenomenon: string | null;
  team: string | null;
  origin: {
    kind: Exclude<OriginKind, 'report'>;
    instruction: 'kantschrift' | 'opdracht' | null;
    reference: string;
    service: string;
    unit: string;
  };
  withAuthority: boolean;
  directingAuthority: AuthorityValues;
}

export function toOpenBody(v: OpenValues): OpenInvestigationBody {
  const o = v.origin;
  const origin: OpenInvestigationBody['origin'] =
    o.kind === 'parket' || o.kind === 'onderzoeksrechter'
      ? { kind: o.kind, instruction: o.instruction!, reference: o.reference.trim() }
      : o.kind === 'andere_politiedienst'
        ? { kind: o.kind, service: o.service.trim(), ...(text(o.reference) ? { reference: text(o.reference) } : {}) }
        : o.kind === 'eigen_organisatie'
          ? { kind: o.kind, unit: o.unit.trim() }
          : { kind: 'eigen_initiatief' };
  return {
    title: v.title.trim(),
    kind: v.kind!,
    phenomenon: v.phenomenon!,
    origin,
    ...(v.team ? { team: v.team } : {}),
    ...(v.withAuthority
      ? { directingAuthority: { authority: v.directingAuthority.authority!, reference: v.directingAuthority.reference.trim() } }
      : {}),
  };
}

/**
 * Opens a case: own initiative, a parket or onderzoeksrechter instruction (with its reference), another
 * police service or a unit of the own organisation. The team follows the zone's routing of the
 * phenomenon unless one is named; a detective opens for their own team only (the API refuses others).
 */
export function OpenForm({ onOpened }: { onOpened: (answer: WriteAnswer) => void }) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const user = useUser();
  const reference = useReference();
  const open = useOpenInvestigation();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const form = useForm<OpenValues>({
    initialValues: {
      title: '',
      kind: 'opsporingsonderzoek',
      phenomenon: null,
      team: null,
      origin: { kind: 'eigen_initiatief', instruction: 'kantschrift', reference: '', service: '', unit: '' },
      withAuthority: false,
      directingAuthority: { authority: null, reference: '' },
    },
    validate: (v) => {
      const req = required(t);
      const o = v.origin.kind;
      const routed = (reference.data?.routes ?? []).find((r) => r.phenomenon === v.phenomenon)?.team;
      return {
        title: req(v.title),
        kind: req(v.kind),
        phenomenon: req(v.phenomenon),
        team: !v.team && v.phenomenon && reference.data && !routed ? t('investigations.open.noRoute') : null,
        'origin.instruction': o === 'parket' || o === 'onderzoeksrechter' ? req(v.origin.instruction) : null,
        'origin.reference': o === 'parket' || o === 'onderzoeksrechter' ? req(v.origin.reference) : null,
        'origin.service': o === 'andere_politiedienst' ? req(v.origin.service) : null,
        'origin.unit': o === 'eigen_organisatie' ? req(v.origin.unit) : null,
        'directingAuthority.authority': v.withAuthority
          ? (req(v.directingAuthority.authority) ??
            (v.directingAuthority.authority && !authoritiesFor(v.kind)?.includes(v.directingAuthority.authority)
              ? t('investigations.authority.mismatch')
              : null))
          : null,
        'directingAuthority.reference': v.withAuthority ? req(v.directingAuthority.reference) : null,
      };
    },
  });
  const v = form.getValues();
  const routedTeam = (reference.data?.routes ?? []).find((r) => r.phenomenon === v.phenomenon)?.team;
  const team = v.team ?? routedTeam;
  const notMine = !!team && !user.teams.includes(team);
  // The zone's phenomena by their words (a code picked from the list, never typed: the routing knows codes only).
  const phenomena = [...new Set((reference.data?.routes ?? []).map((r) => r.phenomenon))]
    .map((p) => ({ value: p, label: label('phenomenon', p) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = form.onSubmit((values) => {
    setProblem(null);
    open.mutate(
      { body: toOpenBody(values), key },
      {
        onSuccess: (answer) => {
          setKey(crypto.randomUUID());
          onOpened(answer.data);
        },
        onError: (error) =>
          setProblem({
            error,
            unplaced:
              error instanceof ProblemError
                ? applyProblemToForm(form, error, t, { origin: 'origin.kind', directingAuthority: 'directingAuthority.authority' })
                : [],
          }),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('investigations.open.title')}>
      <Stack gap="md" maw={900}>
        {problem && <ProblemAlert error={problem.error} unplaced={problem.unplaced} />}
        <Fieldset legend={t('investigations.open.what')}>
          <Stack gap="sm">
            <TextInput
              label={t('investigations.open.caseTitle')}
              description={t('investigations.open.caseTitleHint')}
              withAsterisk
              {...form.getInputProps('title')}
              key={form.key('title')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
              <Select
                label={t('investigations.file.kind')}
                withAsterisk
                allowDeselect={false}
                data={investigationCodes('investigationKind').map((k) => ({ value: k, label: label('investigationKind', k) }))}
                {...form.getInputProps('kind')}
                key={form.key('kind')}
              />
              <Select
                label={t('investigations.file.phenomenon')}
                description={routedTeam ? t('investigations.open.routedTo', { team: routedTeam }) : t('investigations.open.phenomenonHint')}
                withAsterisk
                searchable
                data={phenomena}
                {...form.getInputProps('phenomenon')}
                key={form.key('phenomenon')}
              />
            </SimpleGrid>
            <Select
              label={t('investigations.file.team')}
              description={t('investigations.open.teamHint')}
              placeholder={routedTeam ? t('investigations.open.teamRouted', { team: routedTeam }) : t('investigations.open.teamChoose')}
              clearable
              searchable
              data={reference.data?.teams ?? []}
              {...form.getInputProps('team')}
              key={form.key('team')}
            />
            {notMine && (
              <Alert color="orange.9" variant="outline">
                <Text size="sm">{t('investigations.open.notYourTeam', { team, teams: user.teams.join(', ') || t('common.none') })}</Text>
              </Alert>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('investigations.file.origin')}>
          <Stack gap="sm">
            <Select
              label={t('investigations.open.originKind')}
              withAsterisk
              allowDeselect={false}
              data={OPENABLE.map((k) => ({ value: k, label: label('originKind', k) }))}
              {...form.getInputProps('origin.kind')}
              key={form.key('origin.kind')}
            />
            {(v.origin.kind === 'parket' || v.origin.kind === 'onderzoeksrechter') && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
                <Select
                  label={t('investigations.open.instruction')}
                  withAsterisk
                  allowDeselect={false}
                  data={(['kantschrift', 'opdracht'] as const).map((i) => ({ value: i, label: label('instruction', i) }))}
                  {...form.getInputProps('origin.instruction')}
                  key={form.key('origin.instruction')}
                />
                <TextInput
                  label={t('investigations.open.instructionReference')}
                  withAsterisk
                  {...form.getInputProps('origin.reference')}
                  key={form.key('origin.reference')}
                />
              </SimpleGrid>
            )}
            {v.origin.kind === 'andere_politiedienst' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
                <TextInput
                  label={t('investigations.open.service')}
                  withAsterisk
                  {...form.getInputProps('origin.service')}
                  key={form.key('origin.service')}
                />
                <TextInput
                  label={t('investigations.open.serviceReference')}
                  {...form.getInputProps('origin.reference')}
                  key={form.key('origin.reference')}
                />
              </SimpleGrid>
            )}
            {v.origin.kind === 'eigen_organisatie' && (
              <TextInput
                label={t('investigations.open.unit')}
                withAsterisk
                {...form.getInputProps('origin.unit')}
                key={form.key('origin.unit')}
              />
            )}
            <Text size="xs">{t('investigations.open.reportsByReferral')}</Text>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('investigations.file.directingAuthority')}>
          <Stack gap="sm">
            <Checkbox
              label={t('investigations.open.withAuthority')}
              description={t('investigations.open.withAuthorityHint')}
              {...form.getInputProps('withAuthority', { type: 'checkbox' })}
              key={form.key('withAuthority')}
            />
            {v.withAuthority && (
              <AuthorityFields
                form={form}
                path="directingAuthority"
                legend={t('investigations.authority.magistrate')}
                allowed={authoritiesFor(v.kind)}
                description={t('investigations.authority.rule')}
                requiredMark
              />
            )}
          </Stack>
        </Fieldset>

        <Group justify="flex-end">
          <Button type="submit" loading={open.isPending}>
            {t('investigations.open.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
