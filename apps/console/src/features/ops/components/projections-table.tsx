import { Badge, Button, Modal, Progress, Stack, Table, Text, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '@/components/notify';
import { ProblemAlert } from '@/components/problem-alert';
import { OpsService, ProjectionStatus, useRebuild } from '../api/ops.api';
import { durationLabel, projectionLabel } from './words';

/** Each projection: running or retrying, where it stands, how far behind, and a rebuild with its progress. */
export function ProjectionsTable({ service, projections }: { service: OpsService; projections: ProjectionStatus[] }) {
  const { t } = useTranslation();
  const rebuild = useRebuild(service);
  const [asked, setAsked] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const start = (name: string) => {
    setProblem(null);
    rebuild.mutateAsync(name).then(
      () => {
        setAsked(null);
        notifySuccess(t('ops.projections.rebuildStarted'));
      },
      (error: unknown) => setProblem(error),
    );
  };
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={680} type="native" tabIndex={0} role="region" aria-label={t('ops.projections.title')}>
        <Table verticalSpacing="xs" aria-label={t('ops.projections.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ops.projections.columns.name')}</Table.Th>
              <Table.Th w={110}>{t('ops.projections.columns.state')}</Table.Th>
              <Table.Th w={90}>{t('ops.projections.columns.position')}</Table.Th>
              <Table.Th w={170}>{t('ops.projections.columns.lag')}</Table.Th>
              <Table.Th w={210}>{t('ops.projections.columns.rebuild')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {projections.map((p) => {
              const label = projectionLabel(t, p.name);
              const running = p.rebuild?.state === 'running';
              return (
                <Table.Tr key={p.name} data-projection={p.name}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={p.running ? 'green.9' : 'red.9'} c="dark.9" tt="none">
                      {p.running ? t('ops.projections.running') : t('ops.projections.retrying')}
                    </Badge>
                    {p.failure && (
                      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                        {p.failure.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {p.position ? p.position.commit : t('ops.projections.none')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('ops.projections.events', { count: p.lagEvents })}</Text>
                    {p.lagEvents > 0 && <Text size="xs">{t('ops.projections.oldest', { age: durationLabel(t, p.lagSeconds) })}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {p.rebuild && (
                        <div>
                          <Group justify="space-between" gap={4}>
                            <Text size="xs" fw={600}>
                              {t(`ops.projections.rebuildStates.${p.rebuild.state}`)}
                            </Text>
                            <Text size="xs">
                              {t('ops.projections.progress', { processed: p.rebuild.processed, total: p.rebuild.total })}
                            </Text>
                          </Group>
                          <Progress
                            value={
                              p.rebuild.total > 0
                                ? Math.min(100, (100 * p.rebuild.processed) / p.rebuild.total)
                                : p.rebuild.state === 'done'
                                  ? 100
                                  : 0
                            }
                            color={p.rebuild.state === 'failed' ? 'red.9' : 'blue.9'}
                            aria-label={t('ops.projections.progress', { processed: p.rebuild.processed, total: p.rebuild.total })}
                          />
                          {p.rebuild.error && <Text size="xs">{p.rebuild.error}</Text>}
                        </div>
                      )}
                      <Button
                        size="xs"
                        variant="outline"
                        disabled={running}
                        onClick={() => setAsked(p.name)}
                        aria-label={t('ops.projections.rebuildLabel', { name: label })}
                        style={{ alignSelf: 'flex-start' }}
                      >
                        {t('ops.projections.rebuild')}
                      </Button>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {asked && (
        <Modal
          opened
          onClose={() => setAsked(null)}
          title={t('ops.projections.rebuildTitle', { name: projectionLabel(t, asked) })}
          size="lg"
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack gap="sm">
            {problem !== null && <ProblemAlert error={problem} />}
            <Text size="sm">{t('ops.projections.rebuildIntro')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsked(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => start(asked)} loading={rebuild.isPending}>
                {t('ops.projections.rebuildSubmit')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
