import { Alert, Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { notifySuccess } from '@/components/notify';
import { PageTitle } from '@/components/page-title';
import { ReadProblem } from '@/components/read-problem';
import { RequireRoles } from '@/components/require-roles';
import { breakGlass } from '@/lib/api';
import { hasAnyRole, useUser } from '@/lib/auth';
import { formatDate } from '@/lib/i18n/dates';
import { useCodeLabel } from '@/lib/i18n/codes';
import { REPORT_INTAKE_ROLES, REPORT_READER_ROLES } from '../access';
import { useReport, useReportsReference } from '../api/reports.api';
import { AmendNarrativeForm } from '../components/amend-narrative-form';
import { ReportDetailView } from '../components/report-detail-view';

function ReportDetailScreen() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const { id = '' } = useParams();
  const report = useReport(id);
  const user = useUser();
  const [amending, setAmending] = useState(false);
  const reference = useReportsReference();
  const view = report.data?.data;
  const title = view && view.status !== 'routed_to_integrity' ? t('reports.detail.titleOf', { kind: label('reportKind', view.report.kind), date: formatDate(view.report.receivedAt) }) : t('reports.detail.title');
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/reports" size="sm">
        {t('reports.detail.back')}
      </Anchor>
      <PageTitle>{title}</PageTitle>
      {report.isPending && <Text>{t('reports.detail.loading')}</Text>}
      {report.isError && <ReadProblem error={report.error} onRetry={() => void report.refetch()} />}
      {view && breakGlass.wasUsedFor(report.data?.response.url ?? '') && (
        <Alert color="orange.9" variant="outline" role="status">
          {t('reports.detail.breakGlassNotice')}
        </Alert>
      )}
      {view?.status === 'routed_to_integrity' && (
        <Alert color="blue.9" variant="outline">
          <Text size="sm">{t('reports.detail.routed')}</Text>
          <Text size="sm" mt="xs">
            {t('reports.detail.routedAt')}: <DateTime value={view.routedAt} />
          </Text>
        </Alert>
      )}
      {view && view.status !== 'routed_to_integrity' && (
        <>
          {hasAnyRole(user, REPORT_INTAKE_ROLES) && !amending && (
            <Group>
              <Button variant="default" size="xs" onClick={() => setAmending(true)}>
                {t('reports.amend.open')}
              </Button>
            </Group>
          )}
          {amending && (
            <Card withBorder>
              <AmendNarrativeForm
                key={report.data?.etag ?? ''}
                reportId={id}
                narrative={view.report.narrative}
                etag={report.data?.etag ?? null}
                onDone={() => setAmending(false)}
                onSaved={() => {
                  setAmending(false);
                  notifySuccess(t('reports.amend.saved'));
                }}
                onReload={() => report.refetch()}
              />
            </Card>
          )}
          <ReportDetailView view={view} reference={reference.data} />
        </>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={REPORT_READER_ROLES}>
      <ReportDetailScreen />
    </RequireRoles>
  );
}
