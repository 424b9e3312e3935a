import { Alert, Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { ProblemAlert } from '@/components/problem-alert';
import { downloadCertificate, useCustodyRecord, useVerifyCustody, type CustodyEntry } from '../api/evidence.api';
import { usePartyLabel, usePurposeLabel } from './words';

/** What an entry says beyond its type: both parties of a handover and the seal found, the registration's seal and packaging. */
function EntryDetails({ entry }: { entry: CustodyEntry }) {
  const { t } = useTranslation();
  const party = usePartyLabel();
  const h = entry.handover;
  const r = entry.registration;
  const intact = (v: boolean | undefined) => (v ? t('evidence.custody.intact') : t('evidence.custody.notIntact'));
  if (r)
    return (
      <Text size="xs">
        {t('evidence.custody.registered', { seal: r.sealNumber, amount: r.quantity.amount, unit: r.quantity.unit, packaging: r.packaging })}
      </Text>
    );
  if (!h) return null;
  switch (entry.type) {
    case 'CustodyTransferred':
      return (
        <Stack gap={0}>
          <Text size="xs">{t('evidence.custody.offeredBy', { by: h.offeredBy, from: party(entry.parties?.from) })}</Text>
          <Text size="xs">{t('evidence.custody.acceptedBy', { by: h.acceptedBy, to: party(entry.parties?.to) })}</Text>
          <Text size="xs" c={h.sealMismatch ? 'red.9' : undefined} fw={h.sealMismatch ? 700 : undefined}>
            {t('evidence.custody.sealFound', { expected: h.sealNumberExpected, found: h.sealNumberFound, intact: intact(h.sealIntact) })}
            {h.sealMismatch && (
              <Badge ml={6} size="xs" color="red.9" variant="filled" tt="none">
                {t('evidence.custody.mismatch')}
              </Badge>
            )}
          </Text>
          {h.conditionFound && <Text size="xs">{t('evidence.custody.conditionFound', { condition: h.conditionFound })}</Text>}
        </Stack>
      );
    case 'CustodyOffered':
      return (
        <Stack gap={0}>
          <Text size="xs">
            {t('evidence.custody.offeredBy', { by: h.offeredBy, from: party(entry.parties?.from) })}{' '}
            {t('evidence.custody.offeredTo', { to: party(entry.parties?.to) })}
          </Text>
          <Text size="xs">{t('evidence.custody.sealDeclared', { seal: h.sealNumberExpected, intact: intact(h.sealIntact) })}</Text>
        </Stack>
      );
    case 'CustodyOfferDeclined':
      return <Text size="xs">{t('evidence.custody.declined', { by: h.declinedBy ?? entry.actor, reason: h.reason ?? '' })}</Text>;
    case 'CustodyOfferWithdrawn':
      return <Text size="xs">{t('evidence.custody.withdrawn', { by: h.withdrawnBy ?? entry.actor })}</Text>;
    default:
      return null;
  }
}

/** The chain as recomputed by the server on the user's click, said plainly. */
function VerifyResult({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const verify = useVerifyCustody(itemId);
  const result = verify.data;
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('evidence.custody.verify')}
        </Button>
      </Group>
      {verify.isError && <ProblemAlert error={verify.error} />}
      {result && (
        <div role="status" aria-live="polite">
          {result.ok ? (
            <Alert color="green.9" variant="light" title={t('evidence.custody.holds', { count: result.events })}>
              <Code style={{ overflowWrap: 'anywhere' }}>{t('evidence.custody.head', { hash: result.headHash })}</Code>
            </Alert>
          ) : (
            <Alert
              color="red.9"
              variant="filled"
              title={t('evidence.custody.broken', {
                version: result.brokenAt.streamVersion,
                reason: t(`evidence.custody.reasons.${result.brokenAt.reason}`),
              })}
            >
              {result.brokenAt.eventId}
            </Alert>
          )}
        </div>
      )}
    </Stack>
  );
}

/** Downloads the court's custody certificate; a refusal is shown beside the button. */
function CertificateButton({ itemId, labelNumber }: { itemId: string; labelNumber: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="default"
          loading={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            downloadCertificate(itemId, labelNumber)
              .catch(setError)
              .finally(() => setBusy(false));
          }}
        >
          {t('evidence.custody.certificate')}
        </Button>
      </Group>
      {error !== null && <ProblemAlert error={error} />}
    </Stack>
  );
}

/**
 * The custody record as a timeline: when, what, who, where and why, both parties of each handover with
 * the seal found, and each entry's hash and the one before it — the chain anyone can recompute.
 */
export function CustodyTimeline({ itemId, labelNumber }: { itemId: string; labelNumber: string }) {
  const { t } = useTranslation();
  const purpose = usePurposeLabel();
  const record = useCustodyRecord(itemId);
  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="md">
        <VerifyResult itemId={itemId} />
        <CertificateButton itemId={itemId} labelNumber={labelNumber} />
      </Group>
      {record.isError && <ProblemAlert error={record.error} />}
      {record.data && (
        // On a tablet the record scrolls sideways in its own area, which the keyboard reaches (no link inside it).
        <Table.ScrollContainer
          minWidth={820}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'group', 'aria-label': t('evidence.custody.caption') } }}
        >
          <Table fz="sm" verticalSpacing={6} striped>
            <Table.Caption>{t('evidence.custody.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('evidence.custody.when')}</Table.Th>
                <Table.Th>{t('evidence.custody.what')}</Table.Th>
                <Table.Th>{t('evidence.custody.who')}</Table.Th>
                <Table.Th>{t('evidence.custody.where')}</Table.Th>
                <Table.Th>{t('evidence.custody.why')}</Table.Th>
                <Table.Th>{t('evidence.custody.hash')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.data.entries.map((e) => (
                <Table.Tr key={e.version} data-testid="custody-entry">
                  <Table.Td>{e.version}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DateTime value={e.occurredAt} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`evidence.custody.types.${e.type}` as never, { defaultValue: e.type })}
                    </Text>
                    <EntryDetails entry={e} />
                  </Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                  <Table.Td>{e.place ?? '—'}</Table.Td>
                  <Table.Td>{e.purpose ? purpose(e.purpose) : '—'}</Table.Td>
                  <Table.Td style={{ maxWidth: 180 }}>
                    <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {e.hash}
                    </Text>
                    <Text size="xs" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }} title={e.prevHash}>
                      {t('evidence.custody.previous', { hash: `${e.prevHash.slice(0, 8)}…` })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
