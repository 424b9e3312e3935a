import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, investigationsApi } from '@/lib/api';
import { formatDate } from '@/lib/i18n/dates';
import { investigationKeys } from '../api/investigations.api';
import { CaseRef, CommandDialog } from '../components/command-form';
import { ALIGN_INPUTS, required, text } from './fields';

interface DialogProps {
  kase: CaseRef;
  opened: boolean;
  onClose: () => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Join a report referred for investigation (one held by a case the reader may see). */
export function JoinReportDialog({ kase, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useForm<{ reportId: string; pvNumber: string; reason: string }>({
    initialValues: { reportId: '', pvNumber: '', reason: '' },
    validate: {
      reportId: (v) => required(t)(v) ?? (UUID.test(v.trim()) ? null : t('investigations.links.reportIdInvalid')),
      reason: required(t),
    },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.links.joinTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.links.joinSubmit')}
      done={t('investigations.links.joinDone')}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/reports', {
            params: { path: { id: kase.id }, header: headers },
            body: { reportId: v.reportId.trim(), reason: v.reason.trim(), ...(text(v.pvNumber) ? { pvNumber: text(v.pvNumber) } : {}) },
          }),
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
        <TextInput
          label={t('investigations.links.reportId')}
          description={t('investigations.links.reportIdHint')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('reportId')}
          key={form.key('reportId')}
        />
        <TextInput label={t('investigations.links.pvNumber')} {...form.getInputProps('pvNumber')} key={form.key('pvNumber')} />
      </SimpleGrid>
      <Textarea
        label={t('investigations.form.reason')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
        key={form.key('reason')}
      />
    </CommandDialog>
  );
}

/** Link this case in a series with another one the reader may see (chosen from their cases). */
export function SeriesLinkDialog({ kase, linked, opened, onClose }: DialogProps & { linked: readonly string[] }) {
  const { t } = useTranslation();
  const cases = useQuery({
    queryKey: [...investigationKeys.lists(), 'linkable'],
    enabled: opened,
    queryFn: async () => (await call(investigationsApi.GET('/api/investigations', { params: { query: { limit: 200 } } }))).data,
  });
  const form = useForm<{ otherInvestigationId: string | null; reason: string }>({
    initialValues: { otherInvestigationId: null, reason: '' },
    validate: { otherInvestigationId: required(t), reason: required(t) },
  });
  const options = (cases.data?.investigations ?? [])
    .filter((c) => c.id !== kase.id && !linked.includes(c.id))
    .map((c) => ({ value: c.id, label: `${c.title} (${c.team}, ${formatDate(c.openedAt)})` }));
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.links.seriesTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.links.seriesSubmit')}
      done={t('investigations.links.seriesDone')}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/series-links', {
            params: { path: { id: kase.id }, header: headers },
            body: { otherInvestigationId: v.otherInvestigationId!, reason: v.reason.trim() },
          }),
      })}
    >
      <Select
        label={t('investigations.links.otherCase')}
        description={t('investigations.links.otherCaseHint')}
        withAsterisk
        searchable
        nothingFoundMessage={t('investigations.links.noOtherCase')}
        data={options}
        {...form.getInputProps('otherInvestigationId')}
        key={form.key('otherInvestigationId')}
      />
      <Textarea
        label={t('investigations.form.reason')}
        description={t('investigations.links.seriesReasonHint')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
        key={form.key('reason')}
      />
    </CommandDialog>
  );
}

/** Undo a series link, with a reason. */
export function RemoveSeriesLinkDialog({ kase, otherId, opened, onClose }: DialogProps & { otherId: string }) {
  const { t } = useTranslation();
  const form = useForm<{ reason: string }>({ initialValues: { reason: '' }, validate: { reason: required(t) } });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.links.removeSeriesTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.links.removeSeriesSubmit')}
      done={t('investigations.links.removeSeriesDone')}
      size="md"
      command={(v) => ({
        send: (headers) =>
          investigationsApi.DELETE('/api/investigations/{id}/series-links/{otherInvestigationId}', {
            params: { path: { id: kase.id, otherInvestigationId: otherId }, header: headers },
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
