import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { Section } from '@/components/section';
import { HANDOVER_ROLES } from '../access';
import { ListEntry, useItems, useReference } from '../api/counter.api';
import { partyName } from '../components/fields';
import { AcceptDialog, DeclineDialog, HandoverItem, WithdrawDialog } from '../components/handover-dialogs';
import { ItemLookup } from '../components/item-lookup';
import { useCounterLabel } from '../labels';

const asHandover = (e: ListEntry): HandoverItem => ({
  itemId: e.id,
  labelNumber: e.labelNumber,
  sealNumber: e.sealNumber,
  custodian: e.custodian,
  openOffer: e.openOffer,
});

type Open = { kind: 'accept' | 'decline' | 'withdraw'; item: HandoverItem } | null;

function HandoverTable({ side, entries, onAct }: { side: 'incoming' | 'outgoing'; entries: ListEntry[]; onAct: (o: Open) => void }) {
  const { t } = useTranslation();
  const label = useCounterLabel();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('counter.list.label')}</Table.Th>
            <Table.Th>{t('counter.list.description')}</Table.Th>
            <Table.Th>{side === 'incoming' ? t('counter.handovers.from') : t('counter.handovers.to')}</Table.Th>
            <Table.Th>{t('counter.fields.purpose')}</Table.Th>
            <Table.Th>{t('counter.handovers.offeredAt')}</Table.Th>
            <Table.Th>{t('counter.list.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/evidence/items/${e.id}/actions`} size="sm">
                  {e.labelNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {e.description}
                </Text>
              </Table.Td>
              <Table.Td>{side === 'incoming' ? partyName(e.custodian, t) : partyName(e.openOffer!.to, t)}</Table.Td>
              <Table.Td>
                {label('handoverPurpose', e.openOffer!.purpose)}
                <Text size="xs" c="dimmed">
                  {label('handoverMethod', e.openOffer!.method)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DateTime value={e.openOffer!.offeredAt} />
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {side === 'incoming' ? (
                    <>
                      <Button
                        size="xs"
                        onClick={() => onAct({ kind: 'accept', item: asHandover(e) })}
                        aria-label={t('counter.handovers.acceptItem', { label: e.labelNumber })}
                      >
                        {t('counter.actions.accept')}
                      </Button>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        onClick={() => onAct({ kind: 'decline', item: asHandover(e) })}
                        aria-label={t('counter.handovers.declineItem', { label: e.labelNumber })}
                      >
                        {t('counter.actions.decline')}
                      </Button>
                    </>
                  ) : (
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      onClick={() => onAct({ kind: 'withdraw', item: asHandover(e) })}
                      aria-label={t('counter.handovers.withdrawItem', { label: e.labelNumber })}
                    >
                      {t('counter.actions.withdraw')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The counter's handovers: what waits for the user's acceptance (offered to them, or to the storage
 * room or lab they act for), accepted or declined here; and what they offered, which they may
 * withdraw. Both lists change live as the other side acts.
 */
function HandoversScreen() {
  const { t } = useTranslation();
  const incoming = useItems({ handover: 'incoming', limit: 200 });
  const outgoing = useItems({ handover: 'outgoing', limit: 200 });
  const reference = useReference();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <Stack gap="md">
      <PageTitle>{t('counter.handovers.title')}</PageTitle>
      <Text size="sm">{t('counter.handovers.intro')}</Text>
      <ItemLookup />
      <Section id="handovers-incoming" title={t('counter.handovers.incoming')}>
        {incoming.isError && <ProblemAlert error={incoming.error} />}
        {incoming.data &&
          (incoming.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('counter.handovers.noIncoming')}
            </Text>
          ) : (
            <HandoverTable side="incoming" entries={incoming.data.items} onAct={setOpen} />
          ))}
      </Section>
      <Section id="handovers-outgoing" title={t('counter.handovers.outgoing')}>
        {outgoing.isError && <ProblemAlert error={outgoing.error} />}
        {outgoing.data &&
          (outgoing.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('counter.handovers.noOutgoing')}
            </Text>
          ) : (
            <HandoverTable side="outgoing" entries={outgoing.data.items} onAct={setOpen} />
          ))}
      </Section>
      {open?.kind === 'accept' && <AcceptDialog item={open.item} etag={null} reference={reference.data} onClose={close} />}
      {open?.kind === 'decline' && <DeclineDialog item={open.item} etag={null} reference={reference.data} onClose={close} />}
      {open?.kind === 'withdraw' && <WithdrawDialog item={open.item} etag={null} reference={reference.data} onClose={close} />}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={HANDOVER_ROLES}>
      <HandoversScreen />
    </RequireRoles>
  );
}
