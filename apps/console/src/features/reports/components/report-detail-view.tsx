import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { Fact, Section } from '@/components/section';
import { formatDateTime } from '@/lib/i18n/dates';
import { useCodeLabel } from '@/lib/i18n/codes';
import { hasAnyRole, useUser } from '@/lib/auth';
import { PV_AUTHOR_ROLES } from '../access';
import type { OpenReportView, ReportsReference } from '../api/reports.types';

/**
 * A report as the desk reads it: where it stands, what may be done with it (`actions`, the screen's),
 * facts, statement, parties, particulars, follow-up, PVs, amendments.
 */
export function ReportDetailView({
  view,
  reference,
  actions,
}: {
  view: OpenReportView;
  reference?: ReportsReference;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const user = useUser();
  const r = view.report;
  const officeId = r.channel.kind === 'front_desk' ? r.channel.officeId : null;
  const office = officeId ? (reference?.offices.find((o) => o.id === officeId)?.name ?? officeId) : '';
  const service = (id: string | null) => (id ? (reference?.services.find((s) => s.id === id)?.name ?? id) : '');
  const place = r.place
    ? [r.place.address, [r.place.postalCode, r.place.municipality].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    : '';
  const hasVictims = r.parties.some((p) => p.roles.includes('victim'));
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="outline" color="blue.9">
          {label('reportStatus', view.status)}
        </Badge>
        {r.urgent && (
          <Badge variant="filled" color="red.9">
            {t('reports.detail.urgent')}
          </Badge>
        )}
      </Group>
      {actions}
      <Section id="facts" title={t('reports.detail.facts')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="dl" m={0}>
          <Fact label={t('reports.detail.received')}>
            <DateTime value={r.receivedAt} />
          </Fact>
          <Fact label={t('reports.detail.kind')}>{label('reportKind', r.kind)}</Fact>
          <Fact label={t('reports.detail.channel')}>{label('channel', r.channel.kind)}</Fact>
          {office && <Fact label={t('reports.detail.office')}>{office}</Fact>}
          {r.appointmentRef && <Fact label={t('reports.detail.appointmentRef')}>{r.appointmentRef}</Fact>}
          <Fact label={t('reports.detail.incidentType')}>{r.incidentType}</Fact>
          <Fact label={t('reports.detail.timeWindow')}>
            {r.timeWindow &&
              t('reports.detail.timeWindowValue', { from: formatDateTime(r.timeWindow.from), to: formatDateTime(r.timeWindow.to) })}
          </Fact>
          <Fact label={t('reports.detail.place')}>{place}</Fact>
          {r.object && (
            <Fact label={t('reports.detail.object')}>
              {r.object.category
                ? t('reports.detail.objectValue', {
                    category: label('objectCategory', r.object.category),
                    description: r.object.description,
                  })
                : r.object.description}
            </Fact>
          )}
        </SimpleGrid>
      </Section>
      <Section id="narrative" title={t('reports.detail.narrative')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {r.narrative}
        </Text>
      </Section>
      <Section id="parties" title={t('reports.detail.parties')}>
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.detail.partyColumns.name')}</Table.Th>
                <Table.Th>{t('reports.detail.partyColumns.roles')}</Table.Th>
                <Table.Th>{t('reports.detail.partyColumns.contact')}</Table.Th>
                {hasVictims && <Table.Th>{t('reports.detail.partyColumns.support')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.parties.map((p) => (
                <Table.Tr key={p.partyId}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.roles.map((x) => label('partyRole', x)).join(', ')}</Table.Td>
                  <Table.Td>{p.contact ?? ''}</Table.Td>
                  {hasVictims && (
                    <Table.Td>{r.victimSupportOffered.includes(p.partyId) ? t('reports.detail.supportOffered') : ''}</Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section id="flags" title={t('reports.detail.flags')}>
          <SimpleGrid cols={1} component="dl" m={0}>
            <Fact label={t('reports.detail.victimSupportWanted')}>{r.victimSupportWanted ? t('common.yes') : t('common.no')}</Fact>
            <Fact label={t('reports.detail.motiveFlags')}>{r.motiveFlags.map((f) => label('motiveFlag', f)).join(', ')}</Fact>
          </SimpleGrid>
        </Section>
        <Section id="follow-up" title={t('reports.detail.followUp')}>
          <SimpleGrid cols={1} component="dl" m={0}>
            <Fact label={t('reports.detail.assignedService')}>{service(r.assignedServiceId)}</Fact>
            <Fact label={t('reports.detail.referrals')}>
              {r.referrals
                .map((x) => t('reports.detail.referralLine', { organisation: x.organisation, date: formatDateTime(x.referredAt) }))
                .join('; ')}
            </Fact>
            <Fact label={t('reports.detail.investigationRequestedAt')}>
              {r.investigationRequestedAt && <DateTime value={r.investigationRequestedAt} />}
            </Fact>
          </SimpleGrid>
        </Section>
      </SimpleGrid>
      <Section id="pvs" title={t('reports.detail.pvs')}>
        {view.pvs.length === 0 ? (
          <Text size="sm">{t('reports.detail.noPvs')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.detail.pvColumns.number')}</Table.Th>
                <Table.Th>{t('reports.detail.pvColumns.status')}</Table.Th>
                <Table.Th>{t('reports.detail.pvColumns.transmitted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.pvs.map((pv) => (
                <Table.Tr key={pv.pvId}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/pvs/${pv.pvId}`}
                      size="sm"
                      aria-label={t('reports.detail.openPv', { what: pv.pvNumber ?? label('pvStatus', pv.status) })}
                    >
                      {pv.pvNumber ?? t('reports.detail.pvWithoutNumber')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{label('pvStatus', pv.status)}</Table.Td>
                  <Table.Td>{pv.transmitted ? t('common.yes') : t('common.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {hasAnyRole(user, PV_AUTHOR_ROLES) && (
          <Group mt="sm">
            <Button component={Link} to={`/pvs/new?report=${view.id}`} variant="default" size="xs">
              {t('reports.detail.draftPv')}
            </Button>
          </Group>
        )}
      </Section>
      {r.amendments.length > 0 && (
        <Section id="amendments" title={t('reports.detail.amendments')}>
          <Stack gap={4}>
            {r.amendments.map((a) => (
              <Text size="sm" key={`${a.amendedAt}:${a.reason}`}>
                {t('reports.detail.amendmentLine', {
                  date: formatDateTime(a.amendedAt),
                  fields: a.fields.map((f) => label('amendableField', f)).join(', '),
                  reason: a.reason,
                })}
              </Text>
            ))}
          </Stack>
        </Section>
      )}
    </Stack>
  );
}
