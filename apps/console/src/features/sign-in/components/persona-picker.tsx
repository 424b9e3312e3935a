import { Alert, Button, Loader, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/lib/auth';
import { useDevUsers } from '../api/dev-users';

/** Development sign-in: one row per demo user (name, role, team, unit), one button each. */
export function PersonaPicker() {
  const { t } = useTranslation();
  const { signInDev } = useAuth();
  const users = useDevUsers(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  if (users.isPending) {
    return (
      <Group gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('signIn.loadingUsers')}</Text>
      </Group>
    );
  }
  if (users.isError) {
    return (
      <Alert color="red.9" variant="outline" role="alert">
        {t('problems.network')}
      </Alert>
    );
  }
  return (
    <>
      {failed && (
        <Alert color="red.9" variant="outline" role="alert" mb="sm">
          {t('signIn.failed')}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-label={t('signIn.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('signIn.persona.name')}</Table.Th>
              <Table.Th>{t('signIn.persona.role')}</Table.Th>
              <Table.Th>{t('signIn.persona.team')}</Table.Th>
              <Table.Th>{t('signIn.persona.unit')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('signIn.title')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr key={u.username}>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
                <Table.Td>{u.teams.join(', ') || t('common.none')}</Table.Td>
                <Table.Td>{u.unit}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    loading={busy === u.username}
                    disabled={busy !== null && busy !== u.username}
                    aria-label={t('signIn.signInAs', { name: u.displayName })}
                    onClick={() => {
                      setBusy(u.username);
                      setFailed(false);
                      signInDev(u.username).catch(() => {
                        setFailed(true);
                        setBusy(null);
                      });
                    }}
                  >
                    {t('signIn.title')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
