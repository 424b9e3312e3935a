import { Alert, Button, Card, Group, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useUser } from '@/lib/auth';
import { dayjs, ZONE } from '@/lib/i18n/dates';
import { EXPORT_MAX_ENTRIES, fetchCocAnswer, LogFilters } from '../api/dpo.api';
import { cocCsv } from '../export/coc-csv';
import { cocWords } from '../export/coc-words';

/** The period as people read it: Belgian days. */
export interface Period {
  fromDay?: string;
  toDay?: string;
}

function download(name: string, type: string, body: BlobPart): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const day = (d: string | undefined) => (d ? dayjs(d).format('DD/MM/YYYY') : undefined);

/** The answer to a COC question from the filters on screen: CSV or PDF, made in the browser (docs/adr/0023). */
export function ExportCard({ filters, period }: { filters: LogFilters; period: Period }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const suggested = t('dpo.export.questionDefault', {
    subject: filters.subject ?? t('dpo.export.anySubject'),
    from: day(period.fromDay) ?? t('dpo.export.open'),
    to: day(period.toDay) ?? t('dpo.export.open'),
  });
  const [question, setQuestion] = useState<string | null>(null);
  const exporting = useMutation({
    mutationFn: async (format: 'csv' | 'pdf') => {
      const answer = await fetchCocAnswer(filters);
      const words = cocWords(t);
      const stamp = dayjs().tz(ZONE).format('YYYYMMDD-HHmm');
      if (format === 'csv') download(`coc-${stamp}.csv`, 'text/csv;charset=utf-8', cocCsv(answer, words));
      else {
        const { cocPdf } = await import('../export/coc-pdf');
        const pdf = await cocPdf(
          answer,
          {
            zone: t('app.zone'),
            question: question ?? suggested,
            from: day(period.fromDay) ?? null,
            to: day(period.toDay) ?? null,
            subject: filters.subject,
            actor: filters.actor,
            breakGlassOnly: filters.breakGlassOnly,
            refusedOnly: filters.refusedOnly,
            generatedBy: { name: user.name, staffId: user.staffId },
            generatedAt: new Date().toISOString(),
            language: i18n.language,
          },
          words,
        );
        download(`coc-${stamp}.pdf`, 'application/pdf', pdf as BlobPart);
      }
      return answer;
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="export-title">
      <Title order={2} size="h4" id="export-title">
        {t('dpo.export.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('dpo.export.intro')}
      </Text>
      <Textarea
        label={t('dpo.export.question')}
        value={question ?? suggested}
        onChange={(e) => setQuestion(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={1000}
      />
      <Group mt="sm" gap="sm">
        <Button
          onClick={() => exporting.mutate('csv')}
          loading={exporting.isPending && exporting.variables === 'csv'}
          disabled={exporting.isPending}
        >
          {t('dpo.export.csv')}
        </Button>
        <Button
          onClick={() => exporting.mutate('pdf')}
          loading={exporting.isPending && exporting.variables === 'pdf'}
          disabled={exporting.isPending}
        >
          {t('dpo.export.pdf')}
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {exporting.isPending && (
          <Text size="sm" mt="xs">
            {t('dpo.export.working')}
          </Text>
        )}
        {exporting.data && (
          <Text size="sm" mt="xs">
            {t('dpo.export.done', { count: exporting.data.entries.length })}
          </Text>
        )}
      </div>
      {exporting.data?.truncated && (
        <Alert color="orange" mt="xs">
          {t('dpo.export.truncated', { max: EXPORT_MAX_ENTRIES })}
        </Alert>
      )}
      {exporting.isError && <ProblemAlert error={exporting.error} />}
    </Card>
  );
}
