import { Alert, Anchor, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { Section } from '@/components/section';
import { brusselsToInstant, formatDateTime, instantToBrussels } from '@/lib/i18n/dates';
import { ITEM_READER_ROLES } from '../access';
import { ItemAnswer, useCustodyRecord, useItem, useItemAsOf } from '../api/evidence.api';
import { CustodyTimeline } from '../components/custody-timeline';
import { ItemFacts } from '../components/item-facts';
import { LabelPrint } from '../components/label-print';

/** Picks a Belgian date and time and shows the item as it stood then (`?asOf=`), or goes back to now. */
function AsOfForm({ asOf, onAsOf }: { asOf: string | null; onAsOf: (at: string | null) => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState(asOf ? instantToBrussels(asOf).slice(0, 16).replace(' ', 'T') : '');
  return (
    <form
      aria-label={t('evidence.asOf.title')}
      onSubmit={(e) => {
        e.preventDefault();
        // The end of the picked minute: what was recorded up to hh:mm:59.999 Belgian time.
        if (picked) onAsOf(new Date(Date.parse(brusselsToInstant(`${picked.replace('T', ' ')}:59`)) + 999).toISOString());
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput
          type="datetime-local"
          label={t('evidence.asOf.when')}
          value={picked}
          onChange={(e) => setPicked(e.currentTarget.value)}
          w={240}
        />
        <Button type="submit" variant="default" disabled={!picked}>
          {t('evidence.asOf.show')}
        </Button>
        {asOf && (
          <Button variant="subtle" onClick={() => onAsOf(null)}>
            {t('evidence.asOf.now')}
          </Button>
        )}
      </Group>
    </form>
  );
}

/**
 * An item's page: its facts, its label to print, the actions of the counter (handovers, storage, lab,
 * disposal: given by the app as `actions`), its custody record with verification and certificate, and
 * the item as it stood on any date.
 */
export function ItemScreen({ actions }: { actions?: (item: ItemAnswer, etag: string | null) => ReactNode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf');
  const justRegistered = params.get('registered') === '1';
  const now = useItem(id);
  const then = useItemAsOf(id, asOf);
  const record = useCustodyRecord(id);
  const registration = record.data?.entries.find((e) => e.type === 'ItemRegistered')?.registration;
  const shown = asOf ? then.data : now.data?.data;
  const item = shown?.item;
  const loaded = !!now.data;
  useEffect(() => {
    // What the scan's timing ends on (a label scanned → its item on screen), read by the browser test.
    if (loaded) performance.mark('evidence-item-shown', { detail: id });
  }, [loaded, id]);
  const setAsOf = (at: string | null) => {
    const next = new URLSearchParams(params);
    if (at) next.set('asOf', at);
    else next.delete('asOf');
    next.delete('registered');
    setParams(next);
  };
  if (now.isError) {
    return (
      <>
        <PageTitle>{t('evidence.list.title')}</PageTitle>
        <ProblemAlert error={now.error} />
        <Anchor component={Link} to="/evidence" mt="md" display="block">
          {t('evidence.item.back')}
        </Anchor>
      </>
    );
  }
  if (!item || !now.data) return <Text>{t('app.loading')}</Text>;
  const current = now.data.data.item;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('evidence.item.title', { label: current.labelNumber })}>
            {t('evidence.item.title', { label: current.labelNumber })}
          </PageTitle>
          <Group gap="xs" mt={-8}>
            <Badge tt="none" variant="filled" color={item.status === 'held' ? 'blue.9' : 'gray.8'}>
              {t(`evidence.status.${item.status}`)}
            </Badge>
            {item.status === 'held' && (
              <Badge tt="none" variant="outline" color="gray.8">
                {t(`evidence.whereabouts.${item.whereabouts.kind}`)}
              </Badge>
            )}
          </Group>
        </div>
        <Anchor component={Link} to="/evidence">
          {t('evidence.item.back')}
        </Anchor>
      </Group>
      {asOf && (
        <Alert color="violet.9" variant="outline" role="status" data-testid="historical-banner" title={t('evidence.asOf.title')}>
          {t('evidence.asOf.framed', { when: formatDateTime(asOf) })}
        </Alert>
      )}
      {asOf && then.isError && <ProblemAlert error={then.error} />}
      {justRegistered && !asOf && (
        <Section id="label" title={t('evidence.label.title')}>
          <LabelPrint itemId={id} labelNumber={current.labelNumber} justRegistered />
        </Section>
      )}
      <Section id="facts" title={t('evidence.item.facts')}>
        <ItemFacts item={item} registration={registration} />
      </Section>
      {!asOf && (
        <section aria-labelledby="item-actions" data-testid="item-actions">
          <Text component="h2" id="item-actions" size="lg" fw={700} mb="xs">
            {t('evidence.item.actions')}
          </Text>
          {actions ? (
            actions(now.data.data, now.data.etag)
          ) : (
            <Text size="sm" c="dimmed">
              {t('evidence.item.actionsNone')}
            </Text>
          )}
        </section>
      )}
      <Section id="custody" title={t('evidence.custody.title')}>
        <Stack gap="sm">
          <AsOfForm asOf={asOf} onAsOf={setAsOf} />
          <CustodyTimeline itemId={id} labelNumber={current.labelNumber} />
        </Stack>
      </Section>
      {!justRegistered && !asOf && (
        <Section id="label" title={t('evidence.label.title')}>
          <LabelPrint itemId={id} labelNumber={current.labelNumber} />
        </Section>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={ITEM_READER_ROLES}>
      <ItemScreen />
    </RequireRoles>
  );
}
