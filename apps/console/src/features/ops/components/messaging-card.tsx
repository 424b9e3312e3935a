import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpsStatus } from '../api/ops.api';
import { durationLabel } from './words';

/** The relay to the service's topic and the consumer group: their states and positions. */
export function MessagingCard({ status }: { status: OpsStatus }) {
  const { t } = useTranslation();
  const { relay, consumer } = status;
  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h5" mb={4}>
          {t('ops.messaging.relay')}
        </Title>
        {relay ? (
          <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: 0 }}>
            <Text component="dt" size="sm" fw={600}>
              {t('ops.messaging.topic')}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {relay.topic}
            </Text>
            <Text component="dt" size="sm" fw={600}>
              {t('ops.messaging.state')}
            </Text>
            <Text component="dd" size="sm" m={0}>
              <Badge variant="outline" color={relay.state === 'running' ? 'green.9' : 'red.9'} c="dark.9" tt="none">
                {t(`ops.messaging.states.${relay.state}`)}
              </Badge>
            </Text>
            <Text component="dt" size="sm" fw={600}>
              {t('ops.messaging.position')}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {relay.position ? relay.position.commit : t('ops.projections.none')}
            </Text>
            <Text component="dt" size="sm" fw={600}>
              {t('ops.messaging.lag')}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {t('ops.projections.events', { count: relay.lagEvents })} · {durationLabel(t, relay.lagSeconds)}
            </Text>
          </dl>
        ) : (
          <Text size="sm">{t('ops.messaging.relayNone')}</Text>
        )}
      </div>
      <div>
        <Title order={3} size="h5" mb={4}>
          {t('ops.messaging.consumer')}
        </Title>
        {consumer ? (
          <Stack gap={6}>
            <Text size="sm">
              {t('ops.messaging.group')}: {consumer.groupId} ·{' '}
              <Badge variant="outline" color={consumer.state === 'joined' ? 'green.9' : 'orange.9'} c="dark.9" tt="none">
                {t(`ops.messaging.states.${consumer.state}`)}
              </Badge>
            </Text>
            {consumer.positionsError && <Text size="sm">{t('ops.messaging.positionsError', { error: consumer.positionsError })}</Text>}
            {consumer.partitions.length > 0 && (
              <Table verticalSpacing={4} fz="sm" withTableBorder aria-label={t('ops.messaging.consumer')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ops.messaging.columns.topic')}</Table.Th>
                    <Table.Th ta="right">{t('ops.messaging.columns.partition')}</Table.Th>
                    <Table.Th ta="right">{t('ops.messaging.columns.committed')}</Table.Th>
                    <Table.Th ta="right">{t('ops.messaging.columns.end')}</Table.Th>
                    <Table.Th ta="right">{t('ops.messaging.columns.lag')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {consumer.partitions.map((p) => (
                    <Table.Tr key={`${p.topic}:${p.partition}`}>
                      <Table.Td>{p.topic}</Table.Td>
                      <Table.Td ta="right">{p.partition}</Table.Td>
                      <Table.Td ta="right">{p.committed ?? t('ops.messaging.notCommitted')}</Table.Td>
                      <Table.Td ta="right">{p.end}</Table.Td>
                      <Table.Td ta="right">{p.lag}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        ) : (
          <Text size="sm">{t('ops.messaging.consumerNone')}</Text>
        )}
      </div>
    </Stack>
  );
}
