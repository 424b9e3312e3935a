import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { useUser } from '@/lib/auth';
import { dayjs, ZONE } from '@/lib/i18n/dates';
import { DATA_SUBJECT_ROLES, LogService } from '../access';
import { fieldLabel, purposeOf, reasonOf, rolesOf } from '../export/data-subject-words';
import {
  eraseReportStatement,
  findDataSubject,
  HeldRecord,
  recordDecision,
  restrictReport,
  SubjectFindings,
  SubjectQuery,
} from '../api/data-subjects.api';

interface Draft {
  name: string;
  personId: string;
  staffId: string;
  receivedOn: string;
  identityCheck: string;
}

function download(name: string, body: BlobPart): void {
  const url = URL.createObjectURL(new Blob([body], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function RequestForm({ onSearch, pending }: { onSearch: (d: Draft) => void; pending: boolean }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>({
    name: '',
    personId: '',
    staffId: '',
    receivedOn: dayjs().tz(ZONE).format('YYYY-MM-DD'),
    identityCheck: '',
  });
  const empty = !d.name.trim() && !d.personId.trim() && !d.staffId.trim();
  return (
    <Card withBorder component="section" aria-labelledby="request-title">
      <Title order={2} size="h4" id="request-title" mb="xs">
        {t('dpo.subjects.request')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!empty) onSearch(d);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('dpo.subjects.name')}
            description={t('dpo.subjects.nameHint')}
            value={d.name}
            maxLength={200}
            onChange={(e) => setD({ ...d, name: e.currentTarget.value })}
          />
          <TextInput
            label={t('dpo.subjects.personId')}
            description={t('dpo.subjects.personIdHint')}
            value={d.personId}
            maxLength={64}
            onChange={(e) => setD({ ...d, personId: e.currentTarget.value })}
          />
          <TextInput
            label={t('dpo.subjects.staffId')}
            description={t('dpo.subjects.staffIdHint')}
            value={d.staffId}
            maxLength={64}
            onChange={(e) => setD({ ...d, staffId: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('dpo.subjects.receivedOn')}
            value={d.receivedOn}
            onChange={(e) => setD({ ...d, receivedOn: e.currentTarget.value })}
          />
          <TextInput
            label={t('dpo.subjects.identityCheck')}
            description={t('dpo.subjects.identityCheckHint')}
            value={d.identityCheck}
            maxLength={500}
            onChange={(e) => setD({ ...d, identityCheck: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Group mt="sm" justify="space-between">
          <Text size="xs" c="dimmed">
            {empty ? t('dpo.subjects.needOne') : t('dpo.subjects.logged')}
          </Text>
          <Button type="submit" disabled={empty} loading={pending}>
            {t('dpo.subjects.search')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

/** What the DPO decides on a report: restrict its processing, or erase its statement. */
type RecordAction = 'restrict' | 'erase';

const ACT: Record<RecordAction, (id: string, decision: string, reason: string) => Promise<unknown>> = {
  restrict: restrictReport,
  erase: eraseReportStatement,
};

function DecisionDialog({
  action,
  record,
  decision,
  onClose,
  onDone,
}: {
  action: RecordAction;
  record: HeldRecord;
  decision: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const acting = useMutation({ mutationFn: () => ACT[action](record.id, decision, reason.trim()), onSuccess: onDone });
  return (
    <Modal opened onClose={onClose} title={t(`dpo.subjects.${action}Title`)}>
      <Stack gap="sm">
        <Text size="sm">{t(`dpo.subjects.${action}Intro`, { title: record.title })}</Text>
        <TextInput label={t('dpo.subjects.decision')} value={decision} readOnly />
        <Textarea
          label={t(`dpo.subjects.${action}Reason`)}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={1000}
        />
        {acting.isError && <ProblemAlert error={acting.error} />}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('dpo.subjects.cancel')}
          </Button>
          <Button color="red.9" disabled={reason.trim().length < 3} loading={acting.isPending} onClick={() => acting.mutate()}>
            {t(`dpo.subjects.${action}Confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RecordsTable({
  service,
  records,
  onAct,
}: {
  service: LogService;
  records: HeldRecord[];
  onAct: (action: RecordAction, r: HeldRecord) => void;
}) {
  const { t } = useTranslation();
  const label = t(`dpo.services.${service}`);
  return (
    <section aria-labelledby={`found-${service}`}>
      <Title order={3} size="h5" id={`found-${service}`} mb={4}>
        {t('dpo.subjects.inService', { service: label, count: records.length })}
      </Title>
      {records.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dpo.subjects.nothing')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label={label}>
          <Table striped verticalSpacing="xs" aria-label={t('dpo.subjects.tableOf', { service: label })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={240}>{t('dpo.subjects.columns.record')}</Table.Th>
                <Table.Th w={120}>{t('dpo.subjects.columns.roles')}</Table.Th>
                <Table.Th>{t('dpo.subjects.columns.held')}</Table.Th>
                <Table.Th w={270}>{t('dpo.subjects.columns.disclosure')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((r) => (
                <Table.Tr key={`${r.type}:${r.id}`} data-record={r.id}>
                  <Table.Td>
                    <Text size="sm">{r.title}</Text>
                    {r.reference && <Text size="xs">{r.reference}</Text>}
                    <Text size="xs" c="dimmed">
                      <DateTime value={r.recordedAt} />
                    </Text>
                    <Text size="xs" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {r.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{rolesOf(t, r)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <List size="xs" spacing={2}>
                      {r.held.map((h, i) => (
                        <List.Item key={i}>
                          <Text span size="xs" fw={600}>
                            {fieldLabel(t, h.field)}:
                          </Text>{' '}
                          <Text span size="xs">
                            {h.value}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('dpo.subjects.purpose', { purpose: purposeOf(t, r) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      {r.disclosure.disclose ? (
                        <Badge tt="none" color="teal.9" variant="filled">
                          {t('dpo.subjects.disclosed')}
                        </Badge>
                      ) : (
                        <Badge tt="none" color="red.9" variant="filled">
                          {t('dpo.subjects.withheld')}
                        </Badge>
                      )}
                      <Text size="xs">{reasonOf(t, r)}</Text>
                      <Text size="xs" c="dimmed">
                        {r.disclosure.legalBasis}
                      </Text>
                      {r.processingRestricted ? (
                        <Text size="xs" fw={700} c="red.9">
                          {t('dpo.subjects.restricted', { decision: r.processingRestricted.decision })}
                        </Text>
                      ) : (
                        r.type === 'report' && (
                          <Button size="compact-xs" variant="outline" color="red.9" onClick={() => onAct('restrict', r)}>
                            {t('dpo.subjects.restrict')}
                          </Button>
                        )
                      )}
                      {r.type === 'report' && (
                        <Button size="compact-xs" variant="outline" color="red.9" onClick={() => onAct('erase', r)}>
                          {t('dpo.subjects.erase')}
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

function ReportCard({
  findings,
  draft,
  restricted,
  erased,
}: {
  findings: SubjectFindings;
  draft: Draft;
  restricted: HeldRecord[];
  erased: HeldRecord[];
}) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const all = findings.services.flatMap((s) => s.records);
  const disclosed = all.filter((r) => r.disclosure.disclose);
  const withheld = all.filter((r) => !r.disclosure.disclose);
  const identityMissing = draft.identityCheck.trim().length < 3;
  const deciding = useMutation({
    mutationFn: async () => {
      const request = await recordDecision(
        findings,
        { receivedOn: draft.receivedOn, identityCheck: draft.identityCheck.trim() },
        restricted,
        erased,
      );
      const { accessReportPdf } = await import('../export/access-report-pdf');
      const pdf = await accessReportPdf(
        disclosed,
        {
          zone: t('app.zone'),
          request,
          generatedBy: { name: user.name, staffId: user.staffId },
          generatedAt: new Date().toISOString(),
          language: i18n.language,
        },
        t,
      );
      download(`inzage-${request.requestId.slice(0, 8)}.pdf`, pdf as BlobPart);
      return request;
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="report-title">
      <Title order={2} size="h4" id="report-title">
        {t('dpo.subjects.report')}
      </Title>
      <Text size="sm" mb="xs">
        {t('dpo.subjects.reportIntro')}
      </Text>
      <Text size="sm" fw={600}>
        {t('dpo.subjects.willDisclose', { count: disclosed.length })}
      </Text>
      <List size="sm" mb="xs" aria-label={t('dpo.subjects.disclosedList')}>
        {disclosed.map((r) => (
          <List.Item key={`${r.type}:${r.id}`}>
            {t(`dpo.services.${r.service}`)} — {r.title}
          </List.Item>
        ))}
      </List>
      {withheld.length > 0 && (
        <Alert color="red.9" variant="outline" title={t('dpo.subjects.willWithhold', { count: withheld.length })}>
          <Text size="sm">{t('dpo.subjects.withholdWhy')}</Text>
          <List size="sm" aria-label={t('dpo.subjects.withheldList')}>
            {withheld.map((r) => (
              <List.Item key={`${r.type}:${r.id}`}>
                {t(`dpo.services.${r.service}`)} — {r.title}: {reasonOf(t, r)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {identityMissing && (
        <Text size="xs" c="red" mt="xs">
          {t('dpo.subjects.identityNeeded')}
        </Text>
      )}
      <Group mt="sm">
        <Button onClick={() => deciding.mutate()} loading={deciding.isPending} disabled={identityMissing || deciding.isSuccess}>
          {t('dpo.subjects.decide')}
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {deciding.data && (
          <Text size="sm" mt="xs">
            {t('dpo.subjects.decided', { id: deciding.data.requestId, disclosed: disclosed.length, withheld: withheld.length })}
          </Text>
        )}
      </div>
      {deciding.isError && <ProblemAlert error={deciding.error} />}
    </Card>
  );
}

function DataSubjectsScreen() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [acting, setActing] = useState<{ action: RecordAction; record: HeldRecord } | null>(null);
  const [restricted, setRestricted] = useState<HeldRecord[]>([]);
  const [erased, setErased] = useState<HeldRecord[]>([]);
  const finding = useMutation({
    mutationFn: (d: Draft) => {
      const q: SubjectQuery = {
        ...(d.name.trim() && { name: d.name.trim() }),
        ...(d.personId.trim() && { personId: d.personId.trim() }),
        ...(d.staffId.trim() && { staffId: d.staffId.trim() }),
      };
      return findDataSubject(q);
    },
  });
  const search = (d: Draft) => {
    setDraft(d);
    setRestricted([]);
    setErased([]);
    finding.mutate(d);
  };
  const findings = finding.data;
  const decision = draft
    ? t('dpo.subjects.decisionRef', { name: draft.name || draft.personId || draft.staffId, date: draft.receivedOn })
    : '';
  return (
    <Stack gap="md">
      <div>
        <PageTitle>{t('dpo.subjects.title')}</PageTitle>
        <Text size="sm">{t('dpo.subjects.intro')}</Text>
      </div>
      <RequestForm onSearch={search} pending={finding.isPending} />
      {finding.isPending && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('dpo.subjects.searching')}</Text>
        </Group>
      )}
      {finding.isError && <ProblemAlert error={finding.error} />}
      {findings && draft && (
        <>
          <Card withBorder component="section" aria-labelledby="found-title">
            <Title order={2} size="h4" id="found-title" mb="xs">
              {t('dpo.subjects.found', { count: findings.services.reduce((n, s) => n + s.records.length, 0) })}
            </Title>
            <Stack gap="md">
              {findings.services.map((s) => (
                <RecordsTable
                  key={s.service}
                  service={s.service}
                  records={s.records}
                  onAct={(action, record) => setActing({ action, record })}
                />
              ))}
              <div role="status" aria-live="polite">
                {erased.length > 0 && (
                  <Alert color="gray" title={t('dpo.subjects.erasedTitle', { count: erased.length })}>
                    <List size="sm">
                      {erased.map((r) => (
                        <List.Item key={r.id}>{t('dpo.subjects.erasedItem', { title: r.title, decision })}</List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
              </div>
            </Stack>
          </Card>
          <ReportCard findings={findings} draft={draft} restricted={restricted} erased={erased} />
        </>
      )}
      {acting && (
        <DecisionDialog
          action={acting.action}
          record={acting.record}
          decision={decision}
          onClose={() => setActing(null)}
          onDone={() => {
            if (acting.action === 'restrict') setRestricted((r) => [...r, acting.record]);
            else setErased((r) => [...r, acting.record]);
            setActing(null);
            // Searched again: an erased statement no longer names the person, so its report is no longer found.
            if (draft) finding.mutate(draft);
          }}
        />
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={DATA_SUBJECT_ROLES}>
      <DataSubjectsScreen />
    </RequireRoles>
  );
}
