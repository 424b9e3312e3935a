import { Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { Section } from '@/components/section';
import { OPS_ROLES } from '../access';
import { OPS_SERVICES, OpsService, ParkedFilter, useOpsStatus, useParkedMessages } from '../api/ops.api';
import { MessagingCard } from '../components/messaging-card';
import { ParkedTable } from '../components/parked-table';
import { ProjectionsTable } from '../components/projections-table';

const FILTERS: ParkedFilter[] = ['parked', 'replayed', 'discarded', 'all'];

/** A choice of a few, as labelled radio buttons (the service, the list). */
function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  return (
    <div role="radiogroup" aria-label={label}>
      <Text size="sm" fw={600} mb={4} aria-hidden>
        {label}
      </Text>
      <SegmentedControl value={value} onChange={(v) => onChange(v as T)} data={options} />
    </div>
  );
}

/** The IT desk's screen: per service, its parked messages (replay, discard), its projections (rebuild) and its relay and consumer. */
export function Component() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const service = (OPS_SERVICES as readonly string[]).includes(params.get('service') ?? '')
    ? (params.get('service') as OpsService)
    : 'investigations';
  const filter = (FILTERS as string[]).includes(params.get('show') ?? '') ? (params.get('show') as ParkedFilter) : 'parked';
  const choose = (next: { service?: OpsService; show?: ParkedFilter }) =>
    setParams({ service: next.service ?? service, show: next.show ?? filter }, { replace: true });
  const parked = useParkedMessages(service, filter);
  const status = useOpsStatus(service);
  return (
    <RequireRoles roles={OPS_ROLES}>
      <PageTitle>{t('ops.title')}</PageTitle>
      <Text size="sm" mb="md">
        {t('ops.intro')}
      </Text>
      <Stack gap="md">
        <Choice
          label={t('ops.service')}
          value={service}
          options={OPS_SERVICES.map((s) => ({ value: s, label: t(`ops.services.${s}`) }))}
          onChange={(s) => choose({ service: s })}
        />
        <Section id="ops-parked" title={`${t('ops.parked.title')} — ${t(`ops.services.${service}`)}`}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end">
              <Choice
                label={t('ops.parked.show')}
                value={filter}
                options={FILTERS.map((f) => ({ value: f, label: t(`ops.parked.statuses.${f}`) }))}
                onChange={(f) => choose({ show: f })}
              />
              {status.data && <Text size="sm">{t('ops.counts', status.data.parked)}</Text>}
            </Group>
            {parked.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
            <ProblemAlert error={parked.error} />
            {parked.data && <ParkedTable service={service} messages={parked.data.messages} />}
          </Stack>
        </Section>
        <Section id="ops-projections" title={t('ops.projections.title')}>
          <Text size="sm" mb="sm">
            {t('ops.projections.intro')}
          </Text>
          {status.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
          <ProblemAlert error={status.error} />
          {status.data && <ProjectionsTable service={service} projections={status.data.projections} />}
        </Section>
        <Section id="ops-messaging" title={t('ops.messaging.title')}>
          {status.data && <MessagingCard status={status.data} />}
        </Section>
      </Stack>
    </RequireRoles>
  );
}
