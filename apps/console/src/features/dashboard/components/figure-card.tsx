import { Card, Group, Loader, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';

/** A card of the dashboard: its title, the one-line summary screen readers also get as the chart's name, the chart and its figures. */
export function FigureCard({
  id,
  title,
  query,
  summary,
  children,
}: {
  id: string;
  title: string;
  query: { isPending: boolean; error: unknown };
  summary?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {query.isPending && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('dashboard.loading')}</Text>
        </Group>
      )}
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {summary && (
        <Text size="sm" mb="xs">
          {summary}
        </Text>
      )}
      {children}
    </Card>
  );
}
