import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import type { ActionEntry } from '../api/investigations.api';
import { useReference } from '../api/investigations.api';
import { InvestigationCodeGroup, useInvestigationLabel } from '../model/labels';
import { CommandButton, TabProps } from './overview-tab';
import { ScrollTable } from './scroll-table';
import { Section } from './section';
import { Staff } from './staff';

const s = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** What an action of this kind recorded, in one line (its kind's fields). */
function details(
  a: ActionEntry,
  t: TFunction,
  label: (g: InvestigationCodeGroup, c: string) => string,
  parties: ReadonlyMap<string, string>,
): string {
  const party = parties.get(s(a.partyLinkId)) ?? s(a.personId);
  switch (a.kind) {
    case 'house_search':
      return t('investigations.actions.details.houseSearch', { address: s(a.address), findings: s(a.findings) });
    case 'observation':
      return t('investigations.actions.details.observation', { target: s(a.target) });
    case 'camera_enquiry':
      return t('investigations.actions.details.camera', { source: s(a.source) });
    case 'telephony_enquiry':
      return t('investigations.actions.details.telephony', { subject: s(a.subject), scope: s(a.scope) });
    case 'bank_enquiry':
      return t('investigations.actions.details.bank', { institution: s(a.institution), subject: s(a.subject) });
    case 'anpr_lookup':
      return t('investigations.actions.details.anpr', { plate: s(a.plate), count: Number(a.hits ?? 0) });
    case 'trace_collection':
      return t('investigations.actions.details.trace', { place: s(a.place), description: s(a.description) });
    case 'arrest':
      return t('investigations.actions.details.arrest', { name: party, place: s(a.place) });
    case 'brought_before_magistrate':
      return t('investigations.actions.details.beforeMagistrate', { name: party, magistrate: label('authority', s(a.magistrate)) });
    default:
      return '';
  }
}

/** Hearings with their Salduz record, and the other investigative actions with their authorisations. */
export function ActionsTab({ file, rules, open, historical }: TabProps) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const reference = useReference();
  const parties = new Map(file.parties.map((p) => [p.partyLinkId, p.displayName]));
  const hearings = file.actions.filter((a) => a.kind === 'hearing');
  const others = file.actions.filter((a) => a.kind !== 'hearing');
  const coercive = reference.data?.coerciveActions ?? [];
  const authority = (r: unknown) => {
    const ref = r as { authority: string; reference: string } | undefined;
    return ref ? `${label('authority', ref.authority)} — ${ref.reference}` : '';
  };
  return (
    <Stack gap="sm">
      <Section
        title={t('investigations.actions.hearings')}
        refusal={rules.work}
        actions={(note) => (
          <CommandButton
            hidden={historical}
            label={t('investigations.actions.hearingOpen')}
            refusal={rules.work}
            noteId={note}
            onClick={() => open({ kind: 'action', actionKind: 'hearing' })}
            variant="filled"
          />
        )}
      >
        {hearings.length === 0 ? (
          <Text size="sm">{t('investigations.actions.noHearings')}</Text>
        ) : (
          <ScrollTable minWidth={860} label={t('investigations.actions.hearingsCaption')}>
            <Table fz="sm" verticalSpacing={4} striped>
              <Table.Caption>{t('investigations.actions.hearingsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('investigations.actions.when')}</Table.Th>
                  <Table.Th>{t('investigations.actions.personHeard')}</Table.Th>
                  <Table.Th>{t('investigations.actions.salduz')}</Table.Th>
                  <Table.Th>{t('investigations.actions.lawyer')}</Table.Th>
                  <Table.Th>{t('investigations.actions.interpreter')}</Table.Th>
                  <Table.Th>{t('investigations.actions.performedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {hearings.map((h) => {
                  const assistance = h.legalAssistance as { kind: 'present' | 'waived' | 'not_applicable'; lawyer?: string } | undefined;
                  const interpreter = h.interpreter as { language: string; name: string } | undefined;
                  return (
                    <Table.Tr key={h.actionId}>
                      <Table.Td>
                        <DateTime value={h.startedAt} />
                        {h.endedAt && (
                          <>
                            {' – '}
                            <DateTime value={h.endedAt} />
                          </>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {parties.get(s(h.partyLinkId)) ?? s(h.personId)} ({label('partyRole', s(h.role))})
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {h.deferredSalduz === true && (
                            <Badge tt="none" size="xs" color="blue.9" variant="filled">
                              {t('investigations.actions.deferredSalduzShort')}
                            </Badge>
                          )}
                          {h.minor === true && (
                            <Badge tt="none" size="xs" color="red.9" variant="filled">
                              {t('investigations.actions.minorShort')}
                            </Badge>
                          )}
                          {h.deferredSalduz !== true && h.minor !== true && t('common.none')}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {assistance?.kind === 'present'
                          ? t('investigations.actions.lawyerPresentValue', { lawyer: assistance.lawyer ?? '' })
                          : label('legalAssistance', assistance?.kind)}
                      </Table.Td>
                      <Table.Td>
                        {interpreter
                          ? t('investigations.actions.interpreterValue', { language: interpreter.language, name: interpreter.name })
                          : t('common.none')}
                      </Table.Td>
                      <Table.Td>
                        {h.performedBy.map((p, i) => (
                          <span key={p}>
                            {i > 0 && ', '}
                            <Staff id={p} />
                          </span>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Section>

      <Section
        title={t('investigations.actions.others')}
        refusal={rules.work}
        actions={(note) => (
          <CommandButton
            hidden={historical}
            label={t('investigations.actions.open')}
            refusal={rules.work}
            noteId={note}
            onClick={() => open({ kind: 'action', actionKind: null })}
          />
        )}
      >
        {file.directingAuthority === null && !historical && (
          <Text size="xs" mb="xs">
            {t('investigations.actions.coerciveRule')}
          </Text>
        )}
        {others.length === 0 ? (
          <Text size="sm">{t('investigations.actions.noOthers')}</Text>
        ) : (
          <ScrollTable minWidth={860} label={t('investigations.actions.othersCaption')}>
            <Table fz="sm" verticalSpacing={4} striped>
              <Table.Caption>{t('investigations.actions.othersCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('investigations.actions.when')}</Table.Th>
                  <Table.Th>{t('investigations.actions.kind')}</Table.Th>
                  <Table.Th>{t('investigations.actions.what')}</Table.Th>
                  <Table.Th>{t('investigations.actions.authorisationColumn')}</Table.Th>
                  <Table.Th>{t('investigations.actions.performedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {others.map((a) => (
                  <Table.Tr key={a.actionId}>
                    <Table.Td>
                      <DateTime value={a.startedAt} />
                    </Table.Td>
                    <Table.Td>
                      {label('actionKind', a.kind)}
                      {coercive.includes(a.kind) && (
                        <Badge tt="none" ml={4} size="xs" variant="outline" color="gray.8">
                          {t('investigations.actions.coercive')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{details(a, t, label, parties)}</Table.Td>
                    <Table.Td>
                      {a.authorisation ? authority(a.authorisation) : t('common.none')}
                      {a.directingAuthority && (
                        <Text size="xs" c="dimmed">
                          {t('investigations.actions.underAuthorityShort', { authority: authority(a.directingAuthority) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.performedBy.map((p, i) => (
                        <span key={p}>
                          {i > 0 && ', '}
                          <Staff id={p} />
                        </span>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Section>
    </Stack>
  );
}
