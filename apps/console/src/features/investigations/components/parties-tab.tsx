import { Anchor, Button, List, Menu, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { ProblemAlert } from '@/components/problem-alert';
import type { PartyLink } from '../api/investigations.api';
import { usePersonAppearances } from '../api/investigations.api';
import { useInvestigationLabel } from '../model/labels';
import { CommandButton, TabProps } from './overview-tab';
import { Section } from './section';

/**
 * Where else this person appears, among the cases the reader may see (hidden ones are neither listed
 * nor counted): asked only when the reader opens it, since the answer is a logged consultation.
 */
function AlsoAppearsIn({ party, caseId, colSpan }: { party: PartyLink; caseId: string; colSpan: number }) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const index = usePersonAppearances(party.personId, true);
  const others = (index.data?.persons ?? []).flatMap((p) => p.appearances).filter((a) => a.investigationId !== caseId);
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan} bg="gray.0">
        <div role="region" aria-label={t('investigations.parties.alsoIn', { name: party.displayName })} aria-live="polite">
          {index.isPending && <Text size="sm">{t('app.loading')}</Text>}
          {index.isError && <ProblemAlert error={index.error} />}
          {index.isSuccess && others.length === 0 && <Text size="sm">{t('investigations.parties.alsoInNone')}</Text>}
          {others.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('investigations.parties.alsoInCount', { count: others.length })}
              </Text>
              <List size="sm" spacing={2}>
                {others.map((a) => (
                  <List.Item key={`${a.investigationId}/${a.partyLinkId}`}>
                    <Anchor component={Link} to={`/investigations/${a.investigationId}`} size="sm">
                      {a.title}
                    </Anchor>{' '}
                    —{' '}
                    {t('investigations.parties.alsoInLine', {
                      team: a.team,
                      status: label('caseStatus', a.status),
                      role: label('partyRole', a.role),
                    })}
                    {!a.linked && ` (${t('investigations.parties.unlinked')})`}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </div>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The people in the case: role, identified and traced, with the person index one click away. On a
 * tablet the day of linking gives way, so that the person index and the actions stay in view.
 */
export function PartiesTab({ file, rules, open, historical }: TabProps) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const [expanded, setExpanded] = useState<string | null>(null);
  const canWork = !historical && !rules.work;
  const columns = 7;
  return (
    <Section
      title={t('investigations.parties.title')}
      refusal={rules.work}
      actions={(note) => (
        <CommandButton
          hidden={historical}
          label={t('investigations.parties.linkOpen')}
          refusal={rules.work}
          noteId={note}
          onClick={() => open({ kind: 'linkParty' })}
          variant="filled"
        />
      )}
    >
      {file.parties.length === 0 ? (
        <Text size="sm">{t('investigations.parties.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" verticalSpacing={4} striped>
            <Table.Caption>{t('investigations.parties.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('investigations.parties.name')}</Table.Th>
                <Table.Th>{t('investigations.parties.role')}</Table.Th>
                <Table.Th>{t('investigations.parties.status')}</Table.Th>
                <Table.Th>{t('investigations.parties.personId')}</Table.Th>
                <Table.Th visibleFrom="lg">{t('investigations.parties.linkedAt')}</Table.Th>
                <Table.Th>{t('investigations.parties.index')}</Table.Th>
                <Table.Th>{t('investigations.list.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.parties.map((p) => {
                const active = p.unlinkedAt === undefined;
                const isOpen = expanded === p.partyLinkId;
                return (
                  <Fragment key={p.partyLinkId}>
                    <Table.Tr>
                      <Table.Td fw={600} td={active ? undefined : 'line-through'}>
                        {p.displayName}
                      </Table.Td>
                      <Table.Td>{label('partyRole', p.role)}</Table.Td>
                      <Table.Td>
                        <Stack gap={0}>
                          <Text size="xs" fw={p.identified ? 600 : undefined}>
                            {p.identified ? t('investigations.parties.identified') : t('investigations.parties.notIdentified')}
                          </Text>
                          <Text size="xs" fw={p.traced ? 600 : undefined}>
                            {p.traced ? t('investigations.parties.traced') : t('investigations.parties.notTraced')}
                          </Text>
                          {!active && (
                            <Text size="xs" c="red.9" fw={600}>
                              {t('investigations.parties.unlinked')}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td fz="xs" style={{ overflowWrap: 'anywhere' }}>
                        {p.personId}
                      </Table.Td>
                      <Table.Td visibleFrom="lg">
                        <DateTime value={p.linkedAt} />
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="default"
                          aria-expanded={isOpen}
                          aria-label={t('investigations.parties.alsoInOpen', { name: p.displayName })}
                          onClick={() => setExpanded(isOpen ? null : p.partyLinkId)}
                        >
                          {t('investigations.parties.alsoInShort')}
                        </Button>
                      </Table.Td>
                      <Table.Td>
                        {canWork && active && (
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button
                                size="compact-xs"
                                variant="default"
                                aria-label={t('investigations.parties.menu', { name: p.displayName })}
                              >
                                {t('investigations.parties.menuShort')}
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {!p.identified && (
                                <Menu.Item onClick={() => open({ kind: 'identify', party: p })}>
                                  {t('investigations.parties.identifyOpen')}
                                </Menu.Item>
                              )}
                              {!p.traced && (
                                <Menu.Item onClick={() => open({ kind: 'trace', party: p })}>
                                  {t('investigations.parties.traceOpen')}
                                </Menu.Item>
                              )}
                              <Menu.Item color="red.9" onClick={() => open({ kind: 'unlinkParty', party: p })}>
                                {t('investigations.parties.unlinkOpen')}
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {isOpen && <AlsoAppearsIn party={p} caseId={file.investigationId} colSpan={columns} />}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
