import { Alert, Checkbox, Fieldset, NumberInput, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { investigationsApi } from '@/lib/api';
import { useUser } from '@/lib/auth';
import { brusselsToInstant } from '@/lib/i18n/dates';
import type { ActionKind, Authority, CaseFile, RecordActionBody } from '../api/investigations.api';
import { useReference } from '../api/investigations.api';
import { CaseRef, CommandDialog } from '../components/command-form';
import { DateTimeField } from '../components/date-fields';
import { actionRefusal, hearingRules } from '../model/case-rules';
import { investigationCodes, useInvestigationLabel } from '../model/labels';
import { ALIGN_INPUTS, AuthorityFields, AuthorityValues, required } from './fields';

type Assistance = 'present' | 'waived' | 'not_applicable';

/** The action form's values: the request body's shape (so a refusal's field lands on its input), text where the body has optional values. */
export interface ActionValues extends Record<string, unknown> {
  kind: ActionKind | null;
  performedBy: string;
  startedAt: string | null;
  endedAt: string | null;
  authorisation: AuthorityValues;
  partyLinkId: string | null;
  deferredSalduz: boolean;
  minor: boolean;
  legalAssistance: { kind: Assistance | null; lawyer: string };
  withInterpreter: boolean;
  interpreter: { language: string; name: string };
  address: string;
  findings: string;
  target: string;
  source: string;
  periodFrom: string | null;
  periodTo: string | null;
  subject: string;
  scope: string;
  institution: string;
  plate: string;
  hits: number | string;
  description: string;
  place: string;
  magistrate: Authority | null;
}

/** What each kind needs when the reference data has not come (the API's own table, GET /api/investigations/reference, decides). */
const FALLBACK_FIELDS: Record<ActionKind, string[]> = {
  hearing: ['partyLinkId', 'endedAt', 'deferredSalduz', 'minor', 'legalAssistance'],
  house_search: ['address', 'findings'],
  observation: ['target'],
  camera_enquiry: ['source', 'periodFrom', 'periodTo'],
  telephony_enquiry: ['subject', 'scope'],
  bank_enquiry: ['institution', 'subject'],
  anpr_lookup: ['plate', 'periodFrom', 'periodTo', 'hits'],
  trace_collection: ['description', 'place'],
  arrest: ['partyLinkId', 'place'],
  brought_before_magistrate: ['partyLinkId', 'magistrate'],
};

export function initialActionValues(kind: ActionKind | null, staffId: string): ActionValues {
  return {
    kind,
    performedBy: staffId,
    startedAt: null,
    endedAt: null,
    authorisation: { authority: null, reference: '' },
    partyLinkId: null,
    deferredSalduz: false,
    minor: false,
    legalAssistance: { kind: null, lawyer: '' },
    withInterpreter: false,
    interpreter: { language: '', name: '' },
    address: '',
    findings: '',
    target: '',
    source: '',
    periodFrom: null,
    periodTo: null,
    subject: '',
    scope: '',
    institution: '',
    plate: '',
    hits: '',
    description: '',
    place: '',
    magistrate: null,
  };
}

const instant = (v: string | null) => (v ? brusselsToInstant(v) : undefined);
const trimmed = (v: string) => v.trim();

/** The request body with the fields of the chosen kind only (a field of another kind, left filled in, would be sent for nothing). */
export function toActionBody(v: ActionValues, fields: readonly string[], needsAuthorisation: boolean): RecordActionBody {
  const performedBy = v.performedBy
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const body: RecordActionBody = {
    kind: v.kind!,
    startedAt: brusselsToInstant(v.startedAt!),
    ...(performedBy.length > 0 ? { performedBy } : {}),
    ...(v.endedAt ? { endedAt: instant(v.endedAt) } : {}),
    ...(needsAuthorisation || v.authorisation.authority
      ? { authorisation: { authority: v.authorisation.authority!, reference: trimmed(v.authorisation.reference) } }
      : {}),
  };
  const has = (f: string) => fields.includes(f);
  if (has('partyLinkId')) body.partyLinkId = v.partyLinkId!;
  if (has('deferredSalduz')) body.deferredSalduz = v.deferredSalduz;
  if (has('minor')) body.minor = v.minor;
  if (has('legalAssistance'))
    body.legalAssistance = {
      kind: v.legalAssistance.kind!,
      ...(v.legalAssistance.kind === 'present' ? { lawyer: trimmed(v.legalAssistance.lawyer) } : {}),
    };
  if (v.kind === 'hearing' && v.withInterpreter)
    body.interpreter = { language: trimmed(v.interpreter.language), name: trimmed(v.interpreter.name) };
  for (const f of ['address', 'findings', 'target', 'source', 'subject', 'scope', 'institution', 'plate', 'description', 'place'] as const)
    if (has(f)) body[f] = trimmed(v[f]);
  for (const f of ['periodFrom', 'periodTo'] as const) if (has(f)) body[f] = instant(v[f]);
  if (has('hits')) body.hits = Number(v.hits);
  if (has('magistrate')) body.magistrate = v.magistrate!;
  return body;
}

/**
 * Record an investigative action. Each kind asks for its own fields (as the API's reference says);
 * a coercive kind is offered only on a case with a directing authority (R-INV-1); the kinds the zone's
 * table lists ask for the magistrate's authorisation and its reference; a hearing shows the Salduz
 * rules beside its fields (deferred Salduz for a suspect only, a suspect is heard with a lawyer or
 * having waived one, a minor cannot waive).
 */
export function ActionDialog({
  kase,
  file,
  initialKind,
  opened,
  onClose,
}: {
  kase: CaseRef;
  file: CaseFile;
  initialKind: ActionKind | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const user = useUser();
  const reference = useReference();
  const coercive = reference.data?.coerciveActions ?? [];
  const fieldsOf = (kind: ActionKind | null): string[] => (kind ? (reference.data?.actionFields[kind] ?? FALLBACK_FIELDS[kind]) : []);
  const needsAuthorisation = (kind: ActionKind | null) => !!kind && (reference.data?.requiresAuthorisation ?? []).includes(kind);
  const activeParties = file.parties.filter((p) => p.unlinkedAt === undefined);

  const form = useForm<ActionValues>({
    initialValues: initialActionValues(initialKind, user.staffId),
    validate: (v) => {
      const errors: Record<string, string | null> = {};
      const req = required(t);
      const fields = fieldsOf(v.kind);
      errors.kind = req(v.kind);
      errors.startedAt = req(v.startedAt);
      errors.performedBy = req(v.performedBy);
      if (v.kind && actionRefusal(v.kind, coercive, file))
        errors.kind = t(`investigations.actions.refusal.${actionRefusal(v.kind, coercive, file)!}`);
      for (const f of fields) {
        if (f === 'deferredSalduz' || f === 'minor') continue;
        if (f === 'legalAssistance') errors['legalAssistance.kind'] = req(v.legalAssistance.kind);
        else errors[f] = req(v[f]);
      }
      if (v.legalAssistance.kind === 'present' && fields.includes('legalAssistance'))
        errors['legalAssistance.lawyer'] = req(v.legalAssistance.lawyer);
      if (v.kind === 'hearing' && v.withInterpreter) {
        errors['interpreter.language'] = req(v.interpreter.language);
        errors['interpreter.name'] = req(v.interpreter.name);
      }
      if (needsAuthorisation(v.kind)) {
        errors['authorisation.authority'] = req(v.authorisation.authority);
        errors['authorisation.reference'] = req(v.authorisation.reference);
      }
      if (v.startedAt && v.endedAt && v.endedAt < v.startedAt) errors.endedAt = t('investigations.actions.endBeforeStart');
      if (v.periodFrom && v.periodTo && v.periodTo < v.periodFrom) errors.periodTo = t('investigations.actions.endBeforeStart');
      return errors;
    },
  });
  const values = form.getValues();
  const kind = values.kind;
  const fields = fieldsOf(kind);
  const has = (f: string) => fields.includes(f);
  const party = activeParties.find((p) => p.partyLinkId === values.partyLinkId);
  const salduz = hearingRules(party, values.minor);

  // Keep the hearing's answers within the Salduz rules as the person or their age change.
  useEffect(() => {
    if (values.deferredSalduz && !salduz.deferredSalduz) form.setFieldValue('deferredSalduz', false);
    if (values.legalAssistance.kind && !salduz.assistance.includes(values.legalAssistance.kind))
      form.setFieldValue('legalAssistance.kind', null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the rules follow the chosen person and age only
  }, [values.partyLinkId, values.minor]);

  const partiesFor = (k: ActionKind | null) =>
    activeParties
      .filter((p) => k === 'hearing' || p.role === 'suspect')
      .map((p) => ({
        value: p.partyLinkId,
        label: t('investigations.actions.partyOption', { name: p.displayName, role: label('partyRole', p.role) }),
      }));

  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.actions.title')}
      opened={opened}
      onClose={onClose}
      form={form}
      size="xl"
      submitLabel={t('investigations.actions.submit')}
      done={t('investigations.actions.done')}
      aliases={{ legalAssistance: 'legalAssistance.kind', authorisation: 'authorisation.authority', interpreter: 'interpreter.language' }}
      command={(v) => ({
        creates: true,
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/actions', {
            params: { path: { id: kase.id }, header: headers },
            body: toActionBody(v, fieldsOf(v.kind), needsAuthorisation(v.kind)),
          }),
      })}
    >
      <Select
        label={t('investigations.actions.kind')}
        withAsterisk
        data={investigationCodes('actionKind').map((k) => {
          const refusal = actionRefusal(k, coercive, file);
          return {
            value: k,
            label: refusal
              ? t('investigations.actions.kindUnavailable', {
                  kind: label('actionKind', k),
                  why: t(`investigations.actions.refusalShort.${refusal}`),
                })
              : label('actionKind', k),
            disabled: !!refusal,
          };
        })}
        {...form.getInputProps('kind')}
        key={form.key('kind')}
      />
      {file.directingAuthority === null && <Text size="xs">{t('investigations.actions.coerciveRule')}</Text>}
      {kind && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} style={ALIGN_INPUTS}>
            <DateTimeField
              label={t('investigations.actions.startedAt')}
              description={t('investigations.form.belgianTime')}
              withAsterisk
              {...form.getInputProps('startedAt')}
              key={form.key('startedAt')}
            />
            <DateTimeField
              label={t('investigations.actions.endedAt')}
              description={t('investigations.form.belgianTime')}
              withAsterisk={has('endedAt')}
              {...form.getInputProps('endedAt')}
              key={form.key('endedAt')}
            />
            <TextInput
              label={t('investigations.actions.performedBy')}
              description={t('investigations.actions.performedByHint')}
              withAsterisk
              {...form.getInputProps('performedBy')}
              key={form.key('performedBy')}
            />
          </SimpleGrid>

          {has('partyLinkId') && (
            <Select
              label={kind === 'hearing' ? t('investigations.actions.personHeard') : t('investigations.actions.suspect')}
              withAsterisk
              data={partiesFor(kind)}
              {...form.getInputProps('partyLinkId')}
              key={form.key('partyLinkId')}
            />
          )}

          {kind === 'hearing' && (
            <Fieldset legend={t('investigations.actions.salduz')}>
              <Stack gap="xs">
                <Checkbox
                  label={t('investigations.actions.minor')}
                  description={t('investigations.actions.minorHint')}
                  {...form.getInputProps('minor', { type: 'checkbox' })}
                  key={form.key('minor')}
                />
                <Checkbox
                  label={t('investigations.actions.deferredSalduz')}
                  description={t('investigations.actions.deferredSalduzRule')}
                  disabled={!salduz.deferredSalduz}
                  {...form.getInputProps('deferredSalduz', { type: 'checkbox' })}
                  key={form.key('deferredSalduz')}
                />
                <Radio.Group
                  label={t('investigations.actions.lawyer')}
                  description={t('investigations.actions.lawyerRule')}
                  withAsterisk
                  {...form.getInputProps('legalAssistance.kind')}
                  key={form.key('legalAssistance.kind')}
                >
                  <Stack gap={6} mt={6}>
                    {(['present', 'waived', 'not_applicable'] as const).map((a) => (
                      <Radio
                        key={a}
                        value={a}
                        label={t(`investigations.codes.legalAssistance.${a}`)}
                        disabled={!salduz.assistance.includes(a)}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
                {values.legalAssistance.kind === 'present' && (
                  <TextInput
                    label={t('investigations.actions.lawyerName')}
                    withAsterisk
                    {...form.getInputProps('legalAssistance.lawyer')}
                    key={form.key('legalAssistance.lawyer')}
                  />
                )}
                <Checkbox
                  label={t('investigations.actions.withInterpreter')}
                  {...form.getInputProps('withInterpreter', { type: 'checkbox' })}
                  key={form.key('withInterpreter')}
                />
                {values.withInterpreter && (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
                    <TextInput
                      label={t('investigations.actions.interpreterLanguage')}
                      withAsterisk
                      {...form.getInputProps('interpreter.language')}
                      key={form.key('interpreter.language')}
                    />
                    <TextInput
                      label={t('investigations.actions.interpreterName')}
                      withAsterisk
                      {...form.getInputProps('interpreter.name')}
                      key={form.key('interpreter.name')}
                    />
                  </SimpleGrid>
                )}
              </Stack>
            </Fieldset>
          )}

          <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
            {has('address') && (
              <TextInput
                label={t('investigations.actions.fields.address')}
                withAsterisk
                {...form.getInputProps('address')}
                key={form.key('address')}
              />
            )}
            {has('target') && (
              <TextInput
                label={t('investigations.actions.fields.target')}
                withAsterisk
                {...form.getInputProps('target')}
                key={form.key('target')}
              />
            )}
            {has('source') && (
              <TextInput
                label={t('investigations.actions.fields.source')}
                withAsterisk
                {...form.getInputProps('source')}
                key={form.key('source')}
              />
            )}
            {has('institution') && (
              <TextInput
                label={t('investigations.actions.fields.institution')}
                withAsterisk
                {...form.getInputProps('institution')}
                key={form.key('institution')}
              />
            )}
            {has('subject') && (
              <TextInput
                label={t('investigations.actions.fields.subject')}
                withAsterisk
                {...form.getInputProps('subject')}
                key={form.key('subject')}
              />
            )}
            {has('plate') && (
              <TextInput
                label={t('investigations.actions.fields.plate')}
                withAsterisk
                {...form.getInputProps('plate')}
                key={form.key('plate')}
              />
            )}
            {has('hits') && (
              <NumberInput
                label={t('investigations.actions.fields.hits')}
                withAsterisk
                min={0}
                allowDecimal={false}
                {...form.getInputProps('hits')}
                key={form.key('hits')}
              />
            )}
            {has('place') && (
              <TextInput
                label={t('investigations.actions.fields.place')}
                withAsterisk
                {...form.getInputProps('place')}
                key={form.key('place')}
              />
            )}
            {has('periodFrom') && (
              <DateTimeField
                label={t('investigations.actions.fields.periodFrom')}
                withAsterisk
                {...form.getInputProps('periodFrom')}
                key={form.key('periodFrom')}
              />
            )}
            {has('periodTo') && (
              <DateTimeField
                label={t('investigations.actions.fields.periodTo')}
                withAsterisk
                {...form.getInputProps('periodTo')}
                key={form.key('periodTo')}
              />
            )}
            {has('magistrate') && (
              <Select
                label={t('investigations.actions.fields.magistrate')}
                withAsterisk
                data={investigationCodes('authority').map((a) => ({ value: a, label: label('authority', a) }))}
                {...form.getInputProps('magistrate')}
                key={form.key('magistrate')}
              />
            )}
          </SimpleGrid>
          {has('findings') && (
            <Textarea
              label={t('investigations.actions.fields.findings')}
              withAsterisk
              autosize
              minRows={2}
              {...form.getInputProps('findings')}
              key={form.key('findings')}
            />
          )}
          {has('scope') && (
            <Textarea
              label={t('investigations.actions.fields.scope')}
              withAsterisk
              autosize
              minRows={2}
              {...form.getInputProps('scope')}
              key={form.key('scope')}
            />
          )}
          {has('description') && (
            <Textarea
              label={t('investigations.actions.fields.description')}
              withAsterisk
              autosize
              minRows={2}
              {...form.getInputProps('description')}
              key={form.key('description')}
            />
          )}

          {needsAuthorisation(kind) ? (
            <Alert color="blue.9" variant="outline" p="xs">
              <AuthorityFields
                form={form}
                path="authorisation"
                legend={t('investigations.actions.authorisation')}
                description={t('investigations.actions.authorisationRule')}
                requiredMark
              />
            </Alert>
          ) : (
            <AuthorityFields form={form} path="authorisation" legend={t('investigations.actions.authorisationOptional')} />
          )}
          {file.directingAuthority && coercive.includes(kind) && (
            <Text size="xs">
              {t('investigations.actions.underAuthority', {
                authority: label('authority', file.directingAuthority.authority),
                reference: file.directingAuthority.reference,
              })}
            </Text>
          )}
        </>
      )}
    </CommandDialog>
  );
}
