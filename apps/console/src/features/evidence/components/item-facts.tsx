import { Badge, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact } from '@/components/section';
import { formatDate, formatDateTime } from '@/lib/i18n/dates';
import { useCodeLabel } from '@/lib/i18n/codes';
import type { CustodyEntry, DisposedItem, HeldItem } from '../api/evidence.api';
import { usePartyLabel, usePurposeLabel } from './words';

/** Where a held item is now, in words. */
function Whereabouts({ item }: { item: HeldItem }) {
  const { t } = useTranslation();
  const purpose = usePurposeLabel();
  const w = item.whereabouts;
  if (w.kind === 'checked_out')
    return <>{t('evidence.item.checkedOut', { who: w.takenBy, purpose: purpose(w.purpose), when: formatDateTime(w.expectedReturnAt) })}</>;
  if (w.kind === 'in_storage') return <>{[w.location.room, w.location.locker, w.location.shelf].filter(Boolean).join(' / ')}</>;
  return <>{t('evidence.whereabouts.with_custodian')}</>;
}

/**
 * The item's facts: its case, what it is, its seal, who holds it and where, an open handover, the
 * disposal decision; and what was recorded at its registration (from the first entry of its record).
 */
export function ItemFacts({ item, registration }: { item: HeldItem | DisposedItem; registration?: CustodyEntry['registration'] }) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const party = usePartyLabel();
  const purpose = usePurposeLabel();
  const methodWord = (m: string) => t(`evidence.method.${m}` as never, { defaultValue: m });
  return (
    <>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs" m={0}>
        <Fact label={t('evidence.item.case')}>
          {[
            item.pvNumber ? t('evidence.item.pv', { pv: item.pvNumber }) : null,
            item.investigationId ? t('evidence.item.investigation', { id: item.investigationId }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Fact>
        <Fact label={t('evidence.item.category')}>{code('evidenceCategory', item.category)}</Fact>
        <Fact label={t('evidence.item.seal')}>
          {item.sealNumber}
          {item.sealMismatches.length > 0 && (
            <Badge ml={6} color="red.9" variant="filled" tt="none" size="sm">
              {t('evidence.item.sealMismatches', { count: item.sealMismatches.length })}
            </Badge>
          )}
        </Fact>
        <Fact label={t('evidence.item.description')} wide>
          {item.description}
        </Fact>
        <Fact label={t('evidence.item.custodian')}>{party(item.custodian)}</Fact>
        <Fact label={t('evidence.item.whereabouts')}>
          {item.status === 'held' ? (
            <Whereabouts item={item} />
          ) : (
            t('evidence.item.disposal', { disposition: purpose(item.disposal.disposition), when: formatDateTime(item.disposal.executedAt) })
          )}
        </Fact>
        {item.status === 'held' && item.openOffer && (
          <Fact label={t('evidence.item.openOffer')}>
            {t('evidence.item.openOfferText', {
              to: party(item.openOffer.to),
              purpose: purpose(item.openOffer.purpose),
              method: methodWord(item.openOffer.method),
            })}
          </Fact>
        )}
        {item.decision && (
          <Fact label={t('evidence.item.decision')}>
            {t('evidence.item.decisionText', {
              ref: item.decision.decisionRef,
              date: formatDate(item.decision.decisionDate),
              disposition: purpose(item.decision.disposition),
            })}
          </Fact>
        )}
        {registration && (
          <>
            <Fact label={t('evidence.item.quantity')}>{`${registration.quantity.amount} ${registration.quantity.unit}`}</Fact>
            <Fact label={t('evidence.item.packaging')}>{registration.packaging}</Fact>
            <Fact label={t('evidence.item.condition')}>{registration.condition}</Fact>
            <Fact label={t('evidence.item.seized')}>
              {t('evidence.item.seizedText', {
                by: registration.seizedBy,
                when: formatDateTime(registration.seizedAt),
                place: registration.seizedPlace,
              })}
            </Fact>
            <Fact label={t('evidence.item.legalBasis')}>{registration.legalBasis}</Fact>
          </>
        )}
      </SimpleGrid>
      {registration && (
        <>
          <Text size="xs" c="dimmed" fw={600} mt="sm">
            {t('evidence.item.attachments')}
          </Text>
          {registration.attachments.length === 0 ? (
            <Text size="sm">{t('evidence.item.noAttachments')}</Text>
          ) : (
            <Table fz="xs" verticalSpacing={2}>
              <Table.Caption>{t('evidence.register.filesCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('evidence.register.fileName')}</Table.Th>
                  <Table.Th>{t('evidence.register.fileType')}</Table.Th>
                  <Table.Th>{t('evidence.register.fileHash')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {registration.attachments.map((a) => (
                  <Table.Tr key={a.sha256 + a.name}>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td>{a.mediaType}</Table.Td>
                    <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {a.sha256}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </>
  );
}
