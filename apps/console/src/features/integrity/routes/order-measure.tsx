import { Anchor, Button, Card, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ReadProblem } from '@/components/read-problem';
import { RequireRoles } from '@/components/require-roles';
import { Fact, Section } from '@/components/section';
import { integrityApi } from '@/lib/api';
import { formatDate, todayInBrussels } from '@/lib/i18n/dates';
import { TUCHT_ROLES } from '../access';
import { integrityKeys, useIntegrityReference, useOrderMeasure, useTuchtCommand } from '../api/integrity.api';
import { CommandDialog } from '../components/command-dialog';
import { useIntegrityCode, useStaffName } from '../components/words';

const ACTIONS = ['note', 'extended', 'lifted', 'ended'] as const;
const day = (d: string | null | undefined) => (d ? formatDate(`${d}T12:00:00Z`) : '');

function OrderMeasureScreen() {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const { id = '' } = useParams();
  const measure = useOrderMeasure(id);
  const [following, setFollowing] = useState(false);
  const view = measure.data?.data;
  const m = view?.measure;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/integrity/order-measures" size="sm">
        {t('integrity.measures.back')}
      </Anchor>
      <PageTitle>{t('integrity.measures.detailTitle', { kind: m?.kind ?? '' })}</PageTitle>
      {measure.isError && <ReadProblem error={measure.error} onRetry={() => void measure.refetch()} />}
      {view && m && (
        <>
          <Section id="measure" title={t('integrity.measures.title')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
              <Fact label={t('integrity.measures.staff')}>{staff(m.staffId)}</Fact>
              <Fact label={t('integrity.measures.authority')}>{code('authority', m.authority)}</Fact>
              <Fact label={t('integrity.measures.status')}>{code('measureStatus', view.status)}</Fact>
              <Fact label={t('integrity.measures.decidedOn')}>{day(m.decidedOn)}</Fact>
              <Fact label={t('integrity.measures.startsOn')}>{day(m.startsOn)}</Fact>
              <Fact label={t('integrity.measures.columns.period')}>{m.endsOn ? day(m.endsOn) : t('integrity.measures.untilFurther')}</Fact>
              {m.complaint && <Fact label={t('integrity.measures.columns.complaint')}>{m.complaint.registerNumber ?? ''}</Fact>}
              <Fact label={t('integrity.measures.reason')} wide>
                {m.reason}
              </Fact>
            </SimpleGrid>
          </Section>
          <Section id="follow-ups" title={t('integrity.measures.followUps')}>
            {m.followUps.length === 0 && <Text size="sm">{t('integrity.measures.noFollowUps')}</Text>}
            <Stack gap="xs">
              {m.followUps.map((f) => (
                <Card key={f.recordedAt} withBorder padding="xs">
                  <Text size="sm">
                    {t('integrity.measures.followUpLine', { action: code('followUpAction', f.action), date: day(f.on), note: f.note })}
                  </Text>
                  {f.authority && (
                    <Text size="xs">{`${t('integrity.measures.followUpAuthority')}: ${code('authority', f.authority)}`}</Text>
                  )}
                  {f.endsOn && <Text size="xs">{`${t('integrity.measures.newEnd')}: ${day(f.endsOn)}`}</Text>}
                </Card>
              ))}
            </Stack>
            {view.status === 'active' && (
              <Button mt="sm" onClick={() => setFollowing(true)}>
                {t('integrity.measures.followUp')}
              </Button>
            )}
          </Section>
          {following && <FollowUpDialog id={id} etag={measure.data?.etag ?? null} kind={m.kind} onClose={() => setFollowing(false)} />}
        </>
      )}
    </Stack>
  );
}

function FollowUpDialog({ id, etag, kind, onClose }: { id: string; etag: string | null; kind: string; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const queryClient = useQueryClient();
  const reference = useIntegrityReference();
  const mutation = useTuchtCommand('measure', id);
  const form = useForm({
    initialValues: { action: 'note', on: todayInBrussels(), note: '', endsOn: '', authority: '' },
    validate: { note: (v) => (v.trim() ? null : t('common.required')) },
  });
  const decided = form.values.action === 'extended' || form.values.action === 'lifted';
  const competent = reference.data?.orderMeasureKinds.find((k) => k.kind === kind)?.authorities ?? [];
  return (
    <CommandDialog
      title={t('integrity.measures.followUp')}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={() => void queryClient.invalidateQueries({ queryKey: integrityKeys.measure(id) })}
      submitLabel={t('integrity.measures.followUp')}
      done={t('integrity.measures.followUpDone')}
      command={(v) => ({
        etag,
        send: (header) =>
          integrityApi.POST('/api/integrity/order-measures/{id}/follow-ups', {
            params: { path: { id }, header },
            body: {
              action: v.action as (typeof ACTIONS)[number],
              on: v.on,
              note: v.note.trim(),
              ...(v.action === 'extended' && v.endsOn && { endsOn: v.endsOn }),
              ...(decided && v.authority && { authority: v.authority }),
            },
          }),
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('integrity.measures.action')}
          data={ACTIONS.map((a) => ({ value: a, label: code('followUpAction', a) }))}
          allowDeselect={false}
          {...form.getInputProps('action')}
        />
        <TextInput type="date" label={t('integrity.measures.on')} required {...form.getInputProps('on')} />
        {form.values.action === 'extended' && (
          <TextInput type="date" label={t('integrity.measures.newEnd')} required {...form.getInputProps('endsOn')} />
        )}
        {decided && (
          <Select
            label={t('integrity.measures.followUpAuthority')}
            description={t('integrity.measures.competent', { authorities: competent.map((a) => code('authority', a)).join(', ') })}
            data={(reference.data?.discipline.authorities ?? []).map((a) => ({ value: a, label: code('authority', a) }))}
            {...form.getInputProps('authority')}
          />
        )}
      </SimpleGrid>
      <Textarea label={t('integrity.measures.note')} required autosize minRows={2} {...form.getInputProps('note')} />
    </CommandDialog>
  );
}

export function Component() {
  return (
    <RequireRoles roles={TUCHT_ROLES}>
      <OrderMeasureScreen />
    </RequireRoles>
  );
}
