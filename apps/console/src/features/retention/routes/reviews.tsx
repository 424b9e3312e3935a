import { Button, Group, Loader, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '@/components/form-dialog';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { Section } from '@/components/section';
import { useCodeLabel } from '@/lib/i18n/codes';
import { brusselsDayStart, formatDate } from '@/lib/i18n/dates';
import { RETENTION_ROLES } from '../access';
import {
  RetentionAction,
  RetentionReview,
  ReviewFilter,
  useRetentionAction,
  useRetentionReviews,
  useRetentionSchedules,
  useRunRetention,
} from '../api/retention.api';

type Action = RetentionAction['kind'];
type Tr = (key: string, options?: object) => string;

/** The record's label in the user's words: the API labels a found object `found object: <category>` (no personal data). */
function useRecordLabel(): (label: string) => string {
  const { t: translate } = useTranslation();
  const t = translate as unknown as Tr;
  const code = useCodeLabel();
  return (label) => {
    const found = /^found object: (.+)$/.exec(label);
    return found ? t('retention.list.foundObject', { category: code('objectCategory', found[1].replace(/ /g, '_')) }) : label;
  };
}

/** One action's dialog on one record: the decision's reference, a new date and a reason, or a reason. */
function ActionDialog({ review, action, onClose }: { review: RetentionReview; action: Action; onClose: () => void }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as Tr;
  const mutation = useRetentionAction(review.recordId);
  const recordLabel = useRecordLabel();
  const required = (v: string) => (v.trim() === '' ? t('retention.dialogs.required') : null);
  const form = useForm({
    initialValues: { decisionRef: '', until: '', reason: '' },
    validate: {
      decisionRef: (v) => (action === 'approve' ? required(v) : null),
      until: (v) => (action === 'extend' ? required(v) : null),
      reason: (v) => (action !== 'approve' ? required(v) : null),
    },
  });
  const command = (v: typeof form.values): RetentionAction => {
    switch (action) {
      case 'approve':
        return { kind: 'approve', body: { decisionRef: v.decisionRef.trim() } };
      case 'extend':
        return { kind: 'extend', body: { until: brusselsDayStart(v.until), reason: v.reason.trim() } };
      case 'hold':
        return { kind: 'hold', body: { reason: v.reason.trim() } };
      case 'lift':
        return { kind: 'lift', body: { reason: v.reason.trim() } };
    }
  };
  return (
    <FormDialog
      title={`${t(`retention.actions.${action}`)}: ${recordLabel(review.label)}`}
      form={form}
      onClose={onClose}
      send={(v) => mutation.mutateAsync(command(v))}
      pending={mutation.isPending}
      submitLabel={t(`retention.actions.${action}`)}
      done={t(`retention.done.${action}`)}
      danger={action === 'approve'}
    >
      {action === 'approve' && (
        <>
          <Text size="sm">{t('retention.dialogs.approveIntro')}</Text>
          <TextInput
            label={t('retention.dialogs.decisionRef')}
            description={t('retention.dialogs.decisionRefHint')}
            withAsterisk
            maxLength={64}
            {...form.getInputProps('decisionRef')}
          />
        </>
      )}
      {action === 'hold' && <Text size="sm">{t('retention.dialogs.holdIntro')}</Text>}
      {action === 'extend' && <TextInput type="date" label={t('retention.dialogs.until')} withAsterisk {...form.getInputProps('until')} />}
      {action !== 'approve' && (
        <Textarea label={t('retention.dialogs.reason')} withAsterisk maxLength={1000} {...form.getInputProps('reason')} />
      )}
    </FormDialog>
  );
}

function ReviewTable({ reviews, onAction }: { reviews: RetentionReview[]; onAction: (r: RetentionReview, a: Action) => void }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as Tr;
  const recordLabel = useRecordLabel();
  return (
    <Table.ScrollContainer minWidth={880} type="native" tabIndex={0} role="region" aria-label={t('retention.list.title')}>
      <Table striped verticalSpacing="xs" aria-label={t('retention.list.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.list.record')}</Table.Th>
            <Table.Th>{t('retention.list.dataClass')}</Table.Th>
            <Table.Th w={110}>{t('retention.list.dueAt')}</Table.Th>
            <Table.Th>{t('retention.list.status')}</Table.Th>
            <Table.Th>{t('retention.list.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reviews.map((r) => (
            <Table.Tr key={r.recordId} data-record={r.recordId}>
              <Table.Td>
                <Text size="sm">{recordLabel(r.label)}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {r.recordId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`retention.classes.${r.dataClass}`, { defaultValue: r.dataClass })}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(r.dueAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm" fw={600}>
                    {t(`retention.status.${r.status}`, { defaultValue: r.status })}
                  </Text>
                  {r.legalHold && (
                    <Text size="sm" fw={600}>
                      {t('retention.list.legalHold', { reason: r.legalHold.reason })}
                    </Text>
                  )}
                  {r.erased && <Text size="sm">{r.erased}</Text>}
                </Stack>
              </Table.Td>
              <Table.Td>
                {r.status !== 'erased' && (
                  <Group gap="xs">
                    {r.status === 'due' && !r.legalHold && (
                      <Button size="xs" color="red.9" onClick={() => onAction(r, 'approve')}>
                        {t('retention.actions.approve')}
                      </Button>
                    )}
                    <Button size="xs" variant="default" onClick={() => onAction(r, 'extend')}>
                      {t('retention.actions.extend')}
                    </Button>
                    {r.legalHold ? (
                      <Button size="xs" variant="default" onClick={() => onAction(r, 'lift')}>
                        {t('retention.actions.lift')}
                      </Button>
                    ) : (
                      <Button size="xs" variant="default" onClick={() => onAction(r, 'hold')}>
                        {t('retention.actions.hold')}
                      </Button>
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Schedules() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as Tr;
  const schedules = useRetentionSchedules();
  return (
    <Section id="schedules-title" title={t('retention.schedules.title')}>
      <Text size="sm" mb="xs">
        {t('retention.schedules.note')}
      </Text>
      {schedules.isError && <ProblemAlert error={schedules.error} />}
      {schedules.data && (
        <Table.ScrollContainer minWidth={700} type="native" tabIndex={0} role="region" aria-label={t('retention.schedules.table')}>
          <Table verticalSpacing="xs" aria-label={t('retention.schedules.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retention.schedules.dataClass')}</Table.Th>
                <Table.Th w={70}>{t('retention.schedules.days')}</Table.Th>
                <Table.Th>{t('retention.schedules.startsAt')}</Table.Th>
                <Table.Th w={130}>{t('retention.schedules.executed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schedules.data.map((s) => (
                <Table.Tr key={s.dataClass}>
                  <Table.Td>{t(`retention.classes.${s.dataClass}`, { defaultValue: s.dataClass })}</Table.Td>
                  <Table.Td>{s.days}</Table.Td>
                  <Table.Td>{t(`retention.startsAt.${s.dataClass}`, { defaultValue: s.startsAt })}</Table.Td>
                  <Table.Td>
                    {s.executedBy ? t('retention.schedules.executedBy', { service: s.executedBy }) : t('retention.schedules.notExecuted')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function RetentionScreen() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as Tr;
  const [filter, setFilter] = useState<ReviewFilter>('open');
  const [open, setOpen] = useState<{ review: RetentionReview; action: Action } | null>(null);
  const reviews = useRetentionReviews(filter);
  const run = useRunRetention();
  return (
    <Stack gap="md">
      <div>
        <PageTitle>{t('retention.title')}</PageTitle>
        <Text size="sm">{t('retention.intro')}</Text>
      </div>
      <Section id="run-title" title={t('retention.run.title')}>
        <Group justify="space-between">
          <Text size="sm">{t('retention.run.intro')}</Text>
          <Button onClick={() => run.mutate()} loading={run.isPending}>
            {t('retention.run.button')}
          </Button>
        </Group>
        {run.isError && <ProblemAlert error={run.error} />}
        {run.data && (
          <Text size="sm" role="status" mt="xs">
            {t('retention.run.done', { count: run.data.markedDue })}
          </Text>
        )}
      </Section>
      <section aria-labelledby="records-title">
        <Group justify="space-between" mb="xs">
          <h2 id="records-title" style={{ margin: 0, fontSize: 'var(--mantine-h4-font-size)' }}>
            {t('retention.list.title')}
          </h2>
          <SegmentedControl
            aria-label={t('retention.filter.label')}
            value={filter}
            onChange={(v) => setFilter(v as ReviewFilter)}
            data={(['open', 'erased', 'all'] as const).map((f) => ({ value: f, label: t(`retention.filter.${f}`) }))}
          />
        </Group>
        {reviews.isPending && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('retention.list.loading')}</Text>
          </Group>
        )}
        {reviews.isError && <ProblemAlert error={reviews.error} />}
        {reviews.data && reviews.data.length === 0 && <Text size="sm">{t('retention.list.empty')}</Text>}
        {reviews.data && reviews.data.length > 0 && (
          <ReviewTable reviews={reviews.data} onAction={(review, action) => setOpen({ review, action })} />
        )}
      </section>
      <Schedules />
      {open && <ActionDialog review={open.review} action={open.action} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={RETENTION_ROLES}>
      <RetentionScreen />
    </RequireRoles>
  );
}
