import { Alert, Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { notifySuccess } from '@/components/notify';
import { PageTitle } from '@/components/page-title';
import { ReadProblem } from '@/components/read-problem';
import { RequireRoles } from '@/components/require-roles';
import { breakGlass } from '@/lib/api';
import { useUser } from '@/lib/auth';
import { formatDate } from '@/lib/i18n/dates';
import { useCodeLabel } from '@/lib/i18n/codes';
import { REPORT_READER_ROLES } from '../access';
import { useReport, useReportsReference } from '../api/reports.api';
import { AmendReportForm } from '../components/amend-report-form';
import { ReportActions } from '../components/report-actions';
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
  const etag = report.data?.etag ?? null;
  const reload = () => report.refetch();
  const title =
    view && view.status !== 'routed_to_integrity'
      ? t('reports.detail.titleOf', { kind: label('reportKind', view.report.kind), date: formatDate(view.report.receivedAt) })
      : t('reports.detail.title');
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
        <ReportDetailView
          view={view}
          reference={reference.data}
          actions={
            amending ? (
              <Card withBorder>
                <AmendReportForm
                  key={etag ?? ''}
                  report={view.report}
                  etag={etag}
                  onDone={() => setAmending(false)}
                  onSaved={(saved) => {
                    setAmending(false);
                    notifySuccess(saved.status === 'routed_to_integrity' ? t('reports.amend.routed') : t('reports.amend.saved'));
                  }}
                  onReload={reload}
                />
              </Card>
            ) : (
              <ReportActions
                view={view}
                etag={etag}
                reference={reference.data}
                user={user}
                onAmend={() => setAmending(true)}
                onReload={() => void reload()}
              />
            )
          }
        />
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
