import { Anchor, Badge, Button, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import type { CaseFile } from '../api/investigations.api';
import type { CaseRules } from '../model/case-rules';
import { useInvestigationLabel } from '../model/labels';
import type { OpenDialog } from './dialogs';
import { ScrollTable } from './scroll-table';
import { Section } from './section';
import { Staff } from './staff';

export interface TabProps {
  file: CaseFile;
  rules: CaseRules;
  open: (dialog: OpenDialog) => void;
  historical: boolean;
}

/** Label → value rows of a record (a vertical table: each value announced with its label). */
export function Facts({ rows, labelWidth = 160 }: { rows: [string, ReactNode][]; labelWidth?: number }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={labelWidth} fw={600} style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A button of a command the rules may withhold: disabled, pointing to the reason shown in its section. */
export function CommandButton(props: {
  label: string;
  refusal: unknown;
  noteId: string | undefined;
  onClick: () => void;
  variant?: string;
  hidden?: boolean;
}) {
  if (props.hidden) return null;
  return (
    <Button
      size="xs"
      variant={props.variant ?? 'default'}
      disabled={!!props.refusal}
      aria-describedby={props.refusal ? props.noteId : undefined}
      onClick={props.onClick}
    >
      {props.label}
    </Button>
  );
}

function OriginText({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const o = file.origin;
  switch (o.kind) {
    case 'report':
      return (
        <Stack gap={2}>
          <Text size="sm">
            {label('originKind', o.kind)}:{' '}
            {o.report.pvNumber ? t('investigations.file.pv', { pv: o.report.pvNumber }) : label('reportKind', o.report.kind)} —{' '}
            {o.report.incidentType}
          </Text>
          <Text size="sm">
            {[o.report.place.address, o.report.place.postalCode, o.report.place.municipality].filter(Boolean).join(', ')} ·{' '}
            <DateTime value={o.report.incidentFrom} />
            {o.report.incidentTo && (
              <>
                {' – '}
                <DateTime value={o.report.incidentTo} />
              </>
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {o.report.summary}
          </Text>
        </Stack>
      );
    case 'parket':
    case 'onderzoeksrechter':
      return (
        <Text size="sm">
          {label('originKind', o.kind)} — {label('instruction', o.instruction)} {o.reference}
        </Text>
      );
    case 'andere_politiedienst':
      return (
        <Text size="sm">
          {label('originKind', o.kind)}: {o.service}
          {o.reference ? ` (${o.reference})` : ''}
        </Text>
      );
    case 'eigen_organisatie':
      return (
        <Text size="sm">
          {label('originKind', o.kind)}: {o.unit}
        </Text>
      );
    case 'eigen_initiatief':
      return <Text size="sm">{label('originKind', o.kind)}</Text>;
  }
}

/** The case at a glance: what, who directs it, who works it (with history), reports and series, how it ended. */
export function OverviewTab({ file, rules, open, historical }: TabProps) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const ro = historical;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      <Section
        title={t('investigations.file.details')}
        refusal={rules.work}
        actions={(note) => (
          <CommandButton
            hidden={ro}
            label={t('investigations.authority.open')}
            refusal={rules.work}
            noteId={note}
            onClick={() => open({ kind: 'authority' })}
          />
        )}
      >
        <Facts
          rows={[
            [t('investigations.file.kind'), label('investigationKind', file.kind)],
            [t('investigations.file.origin'), <OriginText key="o" file={file} />],
            [t('investigations.file.phenomenon'), label('phenomenon', file.phenomenon)],
            [
              t('investigations.file.directingAuthority'),
              file.directingAuthority
                ? `${label('authority', file.directingAuthority.authority)} — ${file.directingAuthority.reference}`
                : t('investigations.file.noDirectingAuthority'),
            ],
            [
              t('investigations.file.opened'),
              <>
                <DateTime value={file.openedAt} /> · <Staff id={file.openedBy} />
              </>,
            ],
          ]}
        />
      </Section>

      <Section
        title={t('investigations.assignment.title')}
        refusal={rules.assign}
        actions={(note) => (
          <>
            <CommandButton
              hidden={ro}
              label={file.leadInvestigator ? t('investigations.assignment.leadReplaceOpen') : t('investigations.assignment.leadOpen')}
              refusal={rules.assign}
              noteId={note}
              onClick={() => open({ kind: 'lead' })}
              variant="filled"
            />
            <CommandButton
              hidden={ro}
              label={t('investigations.assignment.memberOpen')}
              refusal={rules.assign}
              noteId={note}
              onClick={() => open({ kind: 'addMember' })}
            />
            <CommandButton
              hidden={ro}
              label={t('investigations.assignment.teamOpen')}
              refusal={rules.assign}
              noteId={note}
              onClick={() => open({ kind: 'team' })}
            />
          </>
        )}
      >
        <Facts
          rows={[
            [t('investigations.file.team'), file.team],
            [t('investigations.file.lead'), <Staff key="l" id={file.leadInvestigator} />],
            [
              t('investigations.file.members'),
              file.members.length === 0 ? (
                t('investigations.file.noMembers')
              ) : (
                <List size="sm" listStyleType="none" spacing={2} aria-label={t('investigations.file.members')}>
                  {file.members.map((m) => (
                    <List.Item key={m}>
                      <Group gap="xs" wrap="nowrap">
                        <Staff id={m} />
                        {!ro && !rules.assign && (
                          <Button
                            size="compact-xs"
                            variant="default"
                            aria-label={t('investigations.assignment.removeOpen', { staff: m })}
                            onClick={() => open({ kind: 'removeMember', staffId: m })}
                          >
                            {t('common.remove')}
                          </Button>
                        )}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              ),
            ],
          ]}
        />
        <Text size="sm" fw={600} mt="xs">
          {t('investigations.assignment.history')}
        </Text>
        <ScrollTable minWidth={420} label={t('investigations.assignment.historyCaption')}>
          <Table fz="sm" verticalSpacing={2}>
            <Table.Caption>{t('investigations.assignment.historyCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('investigations.assignment.since')}</Table.Th>
                <Table.Th>{t('investigations.assignment.what')}</Table.Th>
                <Table.Th>{t('investigations.assignment.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[
                ...file.teamHistory.map((h) => ({
                  at: h.since,
                  by: h.assignedBy,
                  what: t('investigations.assignment.teamEntry', { team: h.team, how: label('routedBy', h.routedBy) }),
                })),
                ...file.leadHistory.map((h) => ({
                  at: h.since,
                  by: h.assignedBy,
                  what: t('investigations.assignment.leadEntry', { staff: h.staffId }),
                })),
              ]
                .sort((a, b) => a.at.localeCompare(b.at))
                .map((h, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <DateTime value={h.at} />
                    </Table.Td>
                    <Table.Td>{h.what}</Table.Td>
                    <Table.Td>
                      <Staff id={h.by} />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Section>

      <Section
        title={t('investigations.links.reports')}
        refusal={rules.work}
        actions={(note) => (
          <CommandButton
            hidden={ro}
            label={t('investigations.links.joinOpen')}
            refusal={rules.work}
            noteId={note}
            onClick={() => open({ kind: 'joinReport' })}
          />
        )}
      >
        {file.reports.length === 0 ? (
          <Text size="sm">{t('investigations.links.noReports')}</Text>
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('investigations.links.report')}</Table.Th>
                <Table.Th>{t('investigations.links.via')}</Table.Th>
                <Table.Th>{t('investigations.links.at')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.reports.map((r) => (
                <Table.Tr key={r.reportId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/${r.reportId}`} size="sm">
                      {r.pvNumber ?? t('investigations.links.reportWithoutPv', { id: r.reportId.slice(0, 8) })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {r.via === 'origin'
                      ? t('investigations.links.viaOrigin')
                      : t('investigations.links.viaJoined', { reason: r.reason ?? '' })}
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={r.at} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section
        title={t('investigations.links.series')}
        refusal={rules.work}
        actions={(note) => (
          <CommandButton
            hidden={ro}
            label={t('investigations.links.seriesOpen')}
            refusal={rules.work}
            noteId={note}
            onClick={() => open({ kind: 'seriesLink' })}
          />
        )}
      >
        {file.seriesLinks.length === 0 ? (
          <Text size="sm">{t('investigations.links.noSeries')}</Text>
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('investigations.links.otherCase')}</Table.Th>
                <Table.Th>{t('investigations.form.reason')}</Table.Th>
                <Table.Th>{t('investigations.links.at')}</Table.Th>
                {!ro && !rules.work && <Table.Th>{t('investigations.list.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.seriesLinks.map((l) => (
                <Table.Tr key={l.otherInvestigationId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/investigations/${l.otherInvestigationId}`} size="sm">
                      {t('investigations.links.caseRef', { id: l.otherInvestigationId.slice(0, 8) })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{l.reason}</Table.Td>
                  <Table.Td>
                    <DateTime value={l.linkedAt} />
                  </Table.Td>
                  {!ro && !rules.work && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => open({ kind: 'removeSeriesLink', otherId: l.otherInvestigationId })}
                      >
                        {t('investigations.links.removeSeriesOpen')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section
        title={t('investigations.closing.title')}
        refusal={file.status === 'closed' ? rules.reopen : rules.close}
        actions={(note) =>
          file.status === 'closed' ? (
            <CommandButton
              hidden={ro}
              label={t('investigations.closing.reopenOpen')}
              refusal={rules.reopen}
              noteId={note}
              onClick={() => open({ kind: 'reopen' })}
              variant="filled"
            />
          ) : (
            <>
              <CommandButton
                hidden={ro}
                label={t('investigations.closing.reportOpen')}
                refusal={rules.report}
                noteId={note}
                onClick={() => open({ kind: 'report' })}
              />
              <CommandButton
                hidden={ro}
                label={t('investigations.closing.closeOpen')}
                refusal={rules.close}
                noteId={note}
                onClick={() => open({ kind: 'close' })}
              />
            </>
          )
        }
      >
        <Facts
          rows={[
            [
              t('investigations.closing.reported'),
              file.reportedToMagistrate ? (
                <Stack gap={2}>
                  <Text size="sm">
                    {t('investigations.closing.reportedTo', {
                      authority: label('authority', file.reportedToMagistrate.to.authority),
                      reference: file.reportedToMagistrate.to.reference,
                      pv: file.reportedToMagistrate.reportPvNumber,
                    })}
                  </Text>
                  <Text size="sm">
                    <DateTime value={file.reportedToMagistrate.at} /> · <Staff id={file.reportedToMagistrate.by} />
                  </Text>
                  <Text size="sm" c="dimmed">
                    {file.reportedToMagistrate.summary}
                  </Text>
                </Stack>
              ) : (
                t('investigations.closing.notReported')
              ),
            ],
            [
              t('investigations.closing.closure'),
              file.closure ? (
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge tt="none" color="gray.8" variant="filled" size="sm">
                      {label('closingOutcome', file.closure.outcome)}
                    </Badge>
                    <Text size="sm">
                      <DateTime value={file.closure.closedAt} /> · <Staff id={file.closure.closedBy} />
                    </Text>
                  </Group>
                  <Text size="sm">{file.closure.reason}</Text>
                  {file.closure.transferredTo && (
                    <Text size="sm">{t('investigations.closing.transferredToValue', { unit: file.closure.transferredTo })}</Text>
                  )}
                  {file.closure.mergedInto && (
                    <Anchor component={Link} to={`/investigations/${file.closure.mergedInto}`} size="sm">
                      {t('investigations.closing.mergedIntoValue', { id: file.closure.mergedInto.slice(0, 8) })}
                    </Anchor>
                  )}
                </Stack>
              ) : (
                t('investigations.closing.notClosed')
              ),
            ],
            ...(file.reopenings.length > 0
              ? ([
                  [
                    t('investigations.closing.reopenings'),
                    <List key="r" size="sm" spacing={2}>
                      {file.reopenings.map((r) => (
                        <List.Item key={r.reopenedAt}>
                          <DateTime value={r.reopenedAt} /> · <Staff id={r.reopenedBy} />: {r.reason} (
                          {t('investigations.closing.wasClosedAs', { outcome: label('closingOutcome', r.previousOutcome) })})
                        </List.Item>
                      ))}
                    </List>,
                  ],
                ] as [string, ReactNode][])
              : []),
          ]}
        />
      </Section>
    </SimpleGrid>
  );
}
