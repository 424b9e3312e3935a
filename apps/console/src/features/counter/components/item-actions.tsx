import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { ReadProblem } from '@/components/read-problem';
import { Section } from '@/components/section';
import { useUser } from '@/lib/auth';
import { ItemAction, itemActions } from '../access';
import { useItem, useReference } from '../api/counter.api';
import { useCounterLabel } from '../labels';
import { partyName } from './fields';
import { AcceptDialog, DeclineDialog, OfferDialog, WithdrawDialog } from './handover-dialogs';
import {
  CheckInDialog,
  CheckOutDialog,
  DecisionDialog,
  DisposalDialog,
  LabResultDialog,
  LabSubmissionDialog,
  ReturnDialog,
} from './item-dialogs';

const ORDER: ItemAction[] = [
  'accept',
  'decline',
  'withdraw',
  'offer',
  'checkIn',
  'checkOut',
  'return',
  'labSubmission',
  'labResult',
  'decision',
  'disposal',
];
const DANGER: readonly ItemAction[] = ['decline', 'withdraw', 'disposal'];

/**
 * The counter's actions on one item — offer, accept or decline an offer made to you, withdraw your own,
 * check in, check out, return, submit to a lab and record its result, record the disposal decision and
 * carry it out — only those the user's role and the item's state allow, each in a dialog. With where
 * the item is and the open offer, so the user sees why the others are not offered. Reads the item
 * itself (by id), so any screen can render it.
 */
export function ItemActions({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const label = useCounterLabel();
  const user = useUser();
  const answer = useItem(itemId);
  const reference = useReference();
  const [open, setOpen] = useState<ItemAction | null>(null);
  const item = answer.data?.data.item;
  if (answer.isError) return <ReadProblem error={answer.error} onRetry={() => void answer.refetch()} />;
  if (!item) return <Text>{t('app.loading')}</Text>;
  const actions = itemActions(item, user, reference.data);
  const props = {
    item: item as Extract<typeof item, { status: 'held' }>,
    etag: answer.data?.etag ?? null,
    reference: reference.data,
    onClose: () => setOpen(null),
  };
  const offer = item.status === 'held' ? item.openOffer : null;
  const where = item.status === 'held' ? item.whereabouts : null;
  return (
    <Section id={`counter-actions-${itemId}`} title={t('counter.actions.title')}>
      <Stack gap="sm">
        {item.status === 'disposed' && (
          <Text size="sm">
            {t('counter.actions.disposed', {
              disposition: label('disposition', item.disposal.disposition),
              ref: item.disposal.decisionRef,
            })}
          </Text>
        )}
        {where && (
          <Text size="sm">
            {t('counter.actions.custodian', { custodian: partyName(item.custodian, t) })}{' '}
            {where.kind === 'in_storage' &&
              t('counter.actions.inStorage', {
                location: [where.location.room, where.location.locker, where.location.shelf].filter(Boolean).join(' / '),
              })}
            {where.kind === 'checked_out' && (
              <>
                {t('counter.actions.checkedOut', { takenBy: where.takenBy, purpose: label('checkOutPurpose', where.purpose) })}{' '}
                <DateTime value={where.expectedReturnAt} />
              </>
            )}
          </Text>
        )}
        {offer && (
          <Alert color="blue.9" variant="outline" role="status" title={t('counter.actions.offerOpen')}>
            {t('counter.actions.offerTo', {
              to: partyName(offer.to, t),
              purpose: label('handoverPurpose', offer.purpose),
              by: offer.offeredBy,
            })}{' '}
            <DateTime value={offer.offeredAt} />
          </Alert>
        )}
        {item.status === 'held' && item.sealMismatches.length > 0 && (
          <Text size="sm" c="red.9" fw={600}>
            {t('counter.actions.sealMismatches', { count: item.sealMismatches.length })}
          </Text>
        )}
        {actions.length === 0 && item.status === 'held' && (
          <Text size="sm" c="dimmed">
            {t('counter.actions.none')}
          </Text>
        )}
        <Group gap="xs">
          {ORDER.filter((a) => actions.includes(a)).map((a) => (
            <Button
              key={a}
              variant={a === 'accept' || a === 'offer' ? 'filled' : DANGER.includes(a) ? 'outline' : 'default'}
              color={DANGER.includes(a) ? 'red.9' : undefined}
              onClick={() => setOpen(a)}
            >
              {t(`counter.actions.${a}`)}
            </Button>
          ))}
        </Group>
      </Stack>
      {item.status === 'held' && open === 'offer' && <OfferDialog {...props} />}
      {item.status === 'held' && open === 'accept' && <AcceptDialog {...props} />}
      {item.status === 'held' && open === 'decline' && <DeclineDialog {...props} />}
      {item.status === 'held' && open === 'withdraw' && <WithdrawDialog {...props} />}
      {item.status === 'held' && open === 'checkIn' && <CheckInDialog {...props} />}
      {item.status === 'held' && open === 'checkOut' && <CheckOutDialog {...props} />}
      {item.status === 'held' && open === 'return' && <ReturnDialog {...props} />}
      {item.status === 'held' && open === 'labSubmission' && <LabSubmissionDialog {...props} />}
      {item.status === 'held' && open === 'labResult' && <LabResultDialog {...props} />}
      {item.status === 'held' && open === 'decision' && <DecisionDialog {...props} />}
      {item.status === 'held' && open === 'disposal' && <DisposalDialog {...props} />}
    </Section>
  );
}
