import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ReadProblem } from '@/components/read-problem';
import { RequireRoles } from '@/components/require-roles';
import { Fact, Section } from '@/components/section';
import { formatDate, formatDateTime } from '@/lib/i18n/dates';
import { ROLES } from '@/lib/auth';
import { useComplaint } from '../api/integrity.api';
import { ComplaintRef } from '../components/complaint-context';
import { DeadlineBadges } from '../components/deadline-badges';
import { ForwardingSection, InvestigatorsSection, TriageSection } from '../components/intake-sections';
import { FindingsSection, HearingsSection, RequestsSection } from '../components/investigation-sections';
import { LessonsSection, OutcomeSection } from '../components/outcome-section';
import { useIntegrityCode, useStaffName } from '../components/words';

function ComplaintFileScreen() {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const { id = '' } = useParams();
  const complaint = useComplaint(id);
  const answer = complaint.data;
  const view = answer?.data;
  const kase: ComplaintRef | null = view ? { view, etag: answer?.etag ?? null, open: view.phase !== 'closed' } : null;
  const c = view?.complaint;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/integrity" size="sm">
        {t('integrity.file.back')}
      </Anchor>
      <PageTitle>{t('integrity.file.title', { number: view?.registerNumber ?? '' })}</PageTitle>
      {complaint.isPending && <Text>{t('integrity.file.loading')}</Text>}
      {complaint.isError && <ReadProblem error={complaint.error} onRetry={() => void complaint.refetch()} />}
      {kase && c && (
        <>
          <Group gap="sm">
            <Badge variant="outline" color="blue.9" tt="none">{`${t('integrity.file.phase')}: ${code('phase', kase.view.phase)}`}</Badge>
            <Badge variant="outline" color="blue.9" tt="none">{`${t('integrity.file.unit')}: ${code('unit', kase.view.unit)}`}</Badge>
          </Group>
          <DeadlineBadges deadlines={kase.view.deadlines} />
          {!kase.open && (
            <Alert color="blue.9" variant="outline" role="status">
              {t('integrity.file.closedNotice')}
            </Alert>
          )}
          <Section id="complaint" title={t('integrity.file.complaint')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
              <Fact label={t('integrity.file.channel')}>{code('channel', c.channel)}</Fact>
              <Fact label={t('integrity.file.receivedOn')}>{formatDate(`${c.receivedOn}T12:00:00Z`)}</Fact>
              <Fact label={t('integrity.file.office')}>{c.office ?? ''}</Fact>
              <Fact
                label={t('integrity.file.complainant')}
              >{`${c.complainant.name}${c.complainant.contact ? ` (${c.complainant.contact})` : ''}`}</Fact>
              <Fact label={t('integrity.file.staffConcerned')}>
                {c.staffConcerned.length > 0 ? c.staffConcerned.map(staff).join(', ') : t('integrity.file.nobodyIdentified')}
              </Fact>
              {c.origin && (
                <Fact label={t('integrity.file.origin')}>
                  {t('integrity.file.originOf', { body: code('body', c.origin.body), reference: c.origin.externalReference })}
                </Fact>
              )}
              {c.reportId && <Fact label={t('integrity.file.origin')}>{t('integrity.file.fromDesk')}</Fact>}
              <Fact label={t('integrity.file.facts')} wide>
                <span style={{ whiteSpace: 'pre-wrap' }}>{c.facts}</span>
              </Fact>
            </SimpleGrid>
            <Text size="xs" mt="xs">
              {t('integrity.file.recordedBy', { who: staff(c.recordedBy), when: formatDateTime(c.recordedAt) })}
            </Text>
          </Section>
          <ForwardingSection kase={kase} />
          <TriageSection kase={kase} />
          {kase.view.phase !== 'intake' && (
            <>
              <InvestigatorsSection kase={kase} />
              <FindingsSection kase={kase} />
              <RequestsSection kase={kase} />
              <HearingsSection kase={kase} />
              <OutcomeSection kase={kase} />
              <LessonsSection kase={kase} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    // A designated investigator may come from anywhere in the corps and opens the file by assignment: the API decides.
    <RequireRoles roles={ROLES}>
      <ComplaintFileScreen />
    </RequireRoles>
  );
}
