import { Alert, Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { formatDate } from '@/lib/i18n/dates';
import { OVERSIGHT_ROLES } from '../access';
import { useEarlyWarnings } from '../api/integrity.api';
import { useStaffName } from '../components/words';

function EarlyWarningScreen() {
  const { t } = useTranslation();
  const staff = useStaffName();
  const warnings = useEarlyWarnings();
  const data = warnings.data;
  return (
    <>
      <PageTitle>{t('integrity.earlyWarning.title')}</PageTitle>
      <Alert color="blue.9" variant="outline" role="note" mb="sm">
        {t('integrity.earlyWarning.notice')}
      </Alert>
      {warnings.isError && <ProblemAlert error={warnings.error} />}
      {warnings.isPending && <Text>{t('app.loading')}</Text>}
      {data && (
        <>
          <Text size="sm" mb="sm">
            {t('integrity.earlyWarning.policy', {
              threshold: data.threshold,
              days: data.windowDays,
              asOf: formatDate(`${data.asOf}T12:00:00Z`),
            })}
          </Text>
          {data.signals.length === 0 ? (
            <Text>{t('integrity.earlyWarning.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Caption>{t('integrity.earlyWarning.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('integrity.earlyWarning.staff')}</Table.Th>
                    <Table.Th ta="right">{t('integrity.earlyWarning.count')}</Table.Th>
                    <Table.Th>{t('integrity.earlyWarning.complaints')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.signals.map((s) => (
                    <Table.Tr key={s.staffId}>
                      <Table.Td>{staff(s.staffId)}</Table.Td>
                      <Table.Td ta="right">{s.count}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {s.complaintIds.map((id, i) => (
                            <Anchor key={id} component={Link} to={`/integrity/complaints/${id}`} size="sm">
                              {t('integrity.earlyWarning.complaint', { n: i + 1 })}
                            </Anchor>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </>
  );
}

export function Component() {
  return (
    <RequireRoles roles={OVERSIGHT_ROLES}>
      <EarlyWarningScreen />
    </RequireRoles>
  );
}
