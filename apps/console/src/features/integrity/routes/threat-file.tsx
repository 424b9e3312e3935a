import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ReadProblem } from '@/components/read-problem';
import { RequireRoles } from '@/components/require-roles';
import { Fact, Section } from '@/components/section';
import { integrityApi } from '@/lib/api';
import { formatDate, formatDateTime, todayInBrussels } from '@/lib/i18n/dates';
import { TUCHT_ROLES } from '../access';
import { integrityKeys, useThreatFile, useTuchtCommand } from '../api/integrity.api';
import { CommandDialog } from '../components/command-dialog';
import { useIntegrityCode, useStaffName } from '../components/words';

const day = (d: string | null | undefined) => (d ? formatDate(`${d}T12:00:00Z`) : '');

function ThreatFileScreen() {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const { id = '' } = useParams();
  const file = useThreatFile(id);
  const [dialog, setDialog] = useState<'note' | 'close' | null>(null);
  const view = file.data?.data;
  const f = view?.threatFile;
  const etag = file.data?.etag ?? null;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/integrity/threat-files" size="sm">
        {t('integrity.threats.back')}
      </Anchor>
      <PageTitle>{t('integrity.threats.detailTitle', { date: day(f?.openedOn) })}</PageTitle>
      {file.isError && <ReadProblem error={file.error} onRetry={() => void file.refetch()} />}
      {view && f && (
        <>
          <Section id="threat-file" title={t('integrity.threats.title')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
              <Fact label={t('integrity.measures.status')}>{code('threatStatus', view.status)}</Fact>
              <Fact label={t('integrity.threats.involved')}>
                {f.involved.map((m) => `${staff(m.staffId)}: ${code('involvement', m.involvement)}`).join('; ')}
              </Fact>
              <Fact label={t('integrity.threats.summary')} wide>
                {f.summary}
              </Fact>
              {f.closed && (
                <Fact label={t('integrity.threats.closedOn')} wide>
                  {t('integrity.threats.closedLine', { date: day(f.closed.closedOn), reason: f.closed.reason })}
                </Fact>
              )}
            </SimpleGrid>
          </Section>
          <Section id="notes" title={t('integrity.threats.notes')}>
            {f.notes.length === 0 && <Text size="sm">{t('integrity.threats.noNotes')}</Text>}
            <Stack gap="xs">
              {f.notes.map((n) => (
                <Card key={n.noteId} withBorder padding="xs">
                  <Text size="sm">{n.note}</Text>
                  <Text size="xs">{`${staff(n.addedBy)}, ${formatDateTime(n.addedAt)}`}</Text>
                </Card>
              ))}
            </Stack>
            {view.status === 'open' && (
              <Group gap="xs" mt="sm">
                <Button variant="default" onClick={() => setDialog('note')}>
                  {t('integrity.threats.addNote')}
                </Button>
                <Button onClick={() => setDialog('close')}>{t('integrity.threats.close')}</Button>
              </Group>
            )}
          </Section>
          {dialog && <ThreatFileDialog id={id} etag={etag} kind={dialog} onClose={() => setDialog(null)} />}
        </>
      )}
    </Stack>
  );
}

function ThreatFileDialog({ id, etag, kind, onClose }: { id: string; etag: string | null; kind: 'note' | 'close'; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useTuchtCommand('threatFile', id);
  const form = useForm({
    initialValues: { text: '', closedOn: todayInBrussels() },
    validate: { text: (v) => (v.trim() ? null : t('common.required')) },
  });
  const title = kind === 'note' ? t('integrity.threats.addNote') : t('integrity.threats.close');
  return (
    <CommandDialog
      title={title}
      opened
      onClose={onClose}
      form={form}
      mutation={mutation}
      onReload={() => void queryClient.invalidateQueries({ queryKey: integrityKeys.threatFile(id) })}
      submitLabel={title}
      done={kind === 'note' ? t('integrity.threats.noteDone') : t('integrity.threats.closeDone')}
      aliases={{ note: 'text', reason: 'text' }}
      command={(v) => ({
        etag,
        send: (header) =>
          kind === 'note'
            ? integrityApi.POST('/api/integrity/threat-files/{id}/notes', {
                params: { path: { id }, header },
                body: { note: v.text.trim() },
              })
            : integrityApi.POST('/api/integrity/threat-files/{id}/close', {
                params: { path: { id }, header },
                body: { closedOn: v.closedOn, reason: v.text.trim() },
              }),
      })}
    >
      {kind === 'close' && <TextInput type="date" label={t('integrity.threats.closedOn')} required {...form.getInputProps('closedOn')} />}
      <Textarea
        label={kind === 'note' ? t('integrity.threats.note') : t('integrity.threats.closeReason')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('text')}
      />
    </CommandDialog>
  );
}

export function Component() {
  return (
    <RequireRoles roles={TUCHT_ROLES}>
      <ThreatFileScreen />
    </RequireRoles>
  );
}
