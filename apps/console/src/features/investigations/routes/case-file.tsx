import { Alert, Anchor, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { breakGlass, isProblem } from '@/lib/api';
import { useUser } from '@/lib/auth';
import { INVESTIGATION_READER_ROLES } from '../access';
import type { CaseFile } from '../api/investigations.api';
import { useCaseFile, useCaseFileAsOf, useTimeline } from '../api/investigations.api';
import { ActionsTab } from '../components/actions-tab';
import { AsOfBar } from '../components/as-of-bar';
import { CaseDialogs, OpenDialog } from '../components/dialogs';
import { EvidenceTab } from '../components/evidence-tab';
import { OverviewTab } from '../components/overview-tab';
import { PartiesTab } from '../components/parties-tab';
import { useRefusalText } from '../components/section';
import { TasksTab } from '../components/tasks-tab';
import { TimelineTab } from '../components/timeline-tab';
import { brusselsToday } from '../model/as-of';
import { caseRules, isOverdue } from '../model/case-rules';
import { useInvestigationLabel } from '../model/labels';

export const TABS = ['overview', 'parties', 'actions', 'tasks', 'evidence', 'timeline'] as const;
export type CaseTab = (typeof TABS)[number];

/** When a tab of the case file is on screen with its data: a performance mark for the console's bench. */
function useRenderedMark(ready: boolean, tab: CaseTab) {
  useEffect(() => {
    if (!ready) return;
    // After the browser has painted what was committed (a frame, then the task after it).
    requestAnimationFrame(() => setTimeout(() => performance.mark(`investigations:case-file:${tab}`), 0));
  }, [ready, tab]);
}

/** A case that does not exist and one the reader may not know of look the same. */
function CaseNotFound() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PageTitle>{t('investigations.file.notFoundTitle')}</PageTitle>
      <Text>{t('investigations.file.notFoundBody')}</Text>
      <Anchor component={Link} to="/investigations">
        {t('investigations.file.backToList')}
      </Anchor>
    </Stack>
  );
}

function CaseHeader({ file, version }: { file: CaseFile; version: number }) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  return (
    <Group gap="xs" wrap="wrap" aria-label={t('investigations.file.summary')} role="group">
      <Badge tt="none" color={file.status === 'open' ? 'teal.9' : 'gray.8'} variant="filled">
        {label('caseStatus', file.status)}
      </Badge>
      <Badge tt="none" color="blue.9" variant="outline">
        {label('investigationKind', file.kind)}
      </Badge>
      <Text size="sm">
        {t('investigations.file.headerLine', { team: file.team, phenomenon: label('phenomenon', file.phenomenon) })} ·{' '}
        {t('investigations.file.openedOn')} <DateTime value={file.openedAt} /> ·{' '}
        {t('investigations.file.version', { version: version + 1 })}
      </Text>
    </Group>
  );
}

function CaseFileScreen() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useUser();
  const refusalText = useRefusalText();
  const asOf = params.get('asOf');
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as CaseTab) : 'overview';
  const current = useCaseFile(id);
  const then = useCaseFileAsOf(id, asOf);
  const timeline = useTimeline(id, tab === 'timeline');
  const [dialog, setDialog] = useState<OpenDialog | null>(null);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key === 'tab' });
  };

  const historical = asOf !== null;
  const view = historical ? then.data : current.data?.data;
  const file = view?.investigation;
  const rules = useMemo(() => (file ? caseRules(user, file, historical) : null), [user, file, historical]);
  const ready = !!file && (tab !== 'timeline' || !!timeline.data);
  useRenderedMark(ready, tab);

  if (isProblem(current.error) && current.error.status === 404) return <CaseNotFound />;
  const error = current.error ?? (historical ? then.error : null);
  const today = brusselsToday();
  const openTasks = file
    ? file.tasks.filter((x) => x.status === 'open').length + file.parketTasks.filter((x) => x.status !== 'completed').length
    : 0;
  const overdue = file
    ? file.tasks.filter((x) => isOverdue(x.dueDate, x.status === 'done', today)).length +
      file.parketTasks.filter((x) => isOverdue(x.deadline, x.status === 'completed', today)).length
    : 0;

  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <Stack gap="sm">
        <Anchor component={Link} to="/investigations" size="sm">
          {t('investigations.file.backToList')}
        </Anchor>
        <PageTitle documentTitle={current.data?.data.investigation.title ?? t('investigations.file.title')}>
          {current.data?.data.investigation.title ?? t('investigations.file.title')}
        </PageTitle>
        {current.isPending && <Text>{t('investigations.file.loading')}</Text>}
        {error && (
          <>
            {isProblem(error) && error.code === 'investigation_not_opened_then' ? (
              <Alert color="violet.9" variant="outline" role="status">
                {t('investigations.asOf.notOpenedThen')}
              </Alert>
            ) : (
              <ProblemAlert error={error} />
            )}
            {isProblem(error, 'justification-cancelled') && (
              <Group>
                <Button size="xs" onClick={() => void current.refetch()}>
                  {t('common.retry')}
                </Button>
              </Group>
            )}
          </>
        )}
        {current.data && breakGlass.wasUsedFor(current.data.response.url) && (
          <Alert color="orange.9" variant="outline" role="status">
            {t('investigations.file.breakGlassNotice')}
          </Alert>
        )}
        {historical && then.isPending && <Text>{t('investigations.asOf.loading')}</Text>}
        {file && view && <CaseHeader file={file} version={view.version} />}
        {current.data && <AsOfBar key={asOf ?? 'now'} asOf={asOf} onAsOf={(at) => set('asOf', at)} />}
        {file && view && rules && (
          <>
            {!historical && file.status === 'closed' && (
              <Alert color="gray.8" variant="outline" role="note">
                {refusalText({ key: 'closed' })}
              </Alert>
            )}
            {!historical && rules.work?.key === 'readOnlyRole' && (
              <Alert color="gray.8" variant="outline" role="note">
                {refusalText(rules.work)}
              </Alert>
            )}
            <Tabs
              value={tab}
              onChange={(v) => set('tab', v === 'overview' ? null : v)}
              keepMounted={false}
              variant="outline"
              // Six tabs on one line down to a tablet in landscape.
              styles={{ tab: { paddingInline: 'var(--mantine-spacing-xs)' } }}
              // A historical view is framed, so that no one takes it for the file as it is now.
              style={historical ? { outline: '3px dashed var(--mantine-color-violet-9)', outlineOffset: 6, borderRadius: 4 } : undefined}
            >
              <Tabs.List>
                <Tabs.Tab value="overview">{t('investigations.tabs.overview')}</Tabs.Tab>
                <Tabs.Tab value="parties">
                  {t('investigations.tabs.parties', { count: file.parties.filter((p) => p.unlinkedAt === undefined).length })}
                </Tabs.Tab>
                <Tabs.Tab value="actions">{t('investigations.tabs.actions', { count: file.actions.length })}</Tabs.Tab>
                <Tabs.Tab value="tasks">
                  {t('investigations.tabs.tasks', { count: openTasks })}
                  {overdue > 0 && (
                    <Badge tt="none" ml={6} size="xs" color="red.9" variant="filled">
                      {t('investigations.tabs.overdue', { count: overdue })}
                    </Badge>
                  )}
                </Tabs.Tab>
                <Tabs.Tab value="evidence">
                  {t('investigations.tabs.evidence', { count: file.evidence.length + file.labResults.length })}
                </Tabs.Tab>
                <Tabs.Tab value="timeline">{t('investigations.tabs.timeline')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="overview" pt="sm">
                <OverviewTab file={file} rules={rules} open={setDialog} historical={historical} />
              </Tabs.Panel>
              <Tabs.Panel value="parties" pt="sm">
                <PartiesTab file={file} rules={rules} open={setDialog} historical={historical} />
              </Tabs.Panel>
              <Tabs.Panel value="actions" pt="sm">
                <ActionsTab file={file} rules={rules} open={setDialog} historical={historical} />
              </Tabs.Panel>
              <Tabs.Panel value="tasks" pt="sm">
                <TasksTab file={file} rules={rules} open={setDialog} historical={historical} today={today} />
              </Tabs.Panel>
              <Tabs.Panel value="evidence" pt="sm">
                <EvidenceTab file={file} />
              </Tabs.Panel>
              <Tabs.Panel value="timeline" pt="sm">
                {timeline.isError && <ProblemAlert error={timeline.error} />}
                {timeline.isPending && <Text>{t('app.loading')}</Text>}
                {timeline.data && <TimelineTab entries={timeline.data.entries} file={file} asOf={asOf} onAsOf={(at) => set('asOf', at)} />}
              </Tabs.Panel>
            </Tabs>
            {!historical && current.data && (
              <CaseDialogs
                dialog={dialog}
                kase={{ id, etag: current.data.etag }}
                file={current.data.data.investigation}
                onClose={() => setDialog(null)}
              />
            )}
          </>
        )}
      </Stack>
    </DatesProvider>
  );
}

export function Component() {
  return (
    <RequireRoles roles={INVESTIGATION_READER_ROLES}>
      <CaseFileScreen />
    </RequireRoles>
  );
}
