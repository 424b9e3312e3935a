import { Alert, Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ReadProblem } from '@/components/read-problem';
import { RequireRoles } from '@/components/require-roles';
import { breakGlass } from '@/lib/api';
import { useUser } from '@/lib/auth';
import { useCodeLabel } from '@/lib/i18n/codes';
import { isGak, PV_READER_ROLES } from '../access';
import { usePv, usePvHistory } from '../api/pvs.api';
import { PvActions } from '../components/pv-actions';
import { PvFacts } from '../components/pv-facts';
import { PvHistory } from '../components/pv-history';
import { SupplementaryPvs } from '../components/supplementary-pvs';

function PvDetailScreen() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const user = useUser();
  const { id = '' } = useParams();
  const answer = usePv(id);
  const history = usePvHistory(id);
  const pv = answer.data?.data.pv;
  const title = pv
    ? pv.pvNumber
      ? t('pvs.detail.titleNumbered', { number: pv.pvNumber })
      : t('pvs.detail.titleDraft', { offenceType: pv.offenceType })
    : t('pvs.detail.title');
  const reload = () => Promise.all([answer.refetch(), history.refetch()]);
  return (
    <Stack gap="sm">
      <Group gap="md">
        {isGak(user) && (
          <Anchor component={Link} to="/pvs" size="sm">
            {t('pvs.detail.backToQueue')}
          </Anchor>
        )}
        {pv && (
          <Anchor component={Link} to={`/reports/${pv.reportId}`} size="sm">
            {t('pvs.detail.toReport')}
          </Anchor>
        )}
      </Group>
      <PageTitle>{title}</PageTitle>
      {answer.isPending && <Text>{t('pvs.detail.loading')}</Text>}
      {answer.isError && <ReadProblem error={answer.error} onRetry={() => void answer.refetch()} />}
      {pv && breakGlass.wasUsedFor(answer.data?.response.url ?? '') && (
        <Alert color="orange.9" variant="outline" role="status">
          {t('pvs.detail.breakGlassNotice')}
        </Alert>
      )}
      {pv && (
        <>
          <Group gap="xs">
            <Badge variant="outline" color="blue.9">
              {label('pvStatus', pv.status)}
            </Badge>
            {pv.round > 0 && (
              <Badge variant="outline" color="gray.8">
                {t('pvs.history.round', { round: pv.round })}
              </Badge>
            )}
          </Group>
          {pv.status === 'rejected' && pv.rejectionReasons.length > 0 && (
            <Alert color="red.9" variant="outline" title={t('pvs.detail.rejection')}>
              <List size="sm">
                {pv.rejectionReasons.map((r, i) => (
                  <List.Item key={`${i}:${r}`}>{r}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <PvFacts pv={pv} />
            <PvActions key={answer.data?.etag ?? ''} pv={pv} etag={answer.data?.etag ?? null} onReload={reload} />
          </SimpleGrid>
          {pv.status === 'finalised' && <SupplementaryPvs pvId={pv.pvId} reportId={pv.reportId} />}
          <PvHistory pvId={pv.pvId} />
        </>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={PV_READER_ROLES}>
      <PvDetailScreen />
    </RequireRoles>
  );
}
