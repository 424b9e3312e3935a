import { Card, Group, Text, Title } from '@mantine/core';
import { ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../model/case-rules';

/** Why a command is not offered, in the reader's words. */
export function useRefusalText(): (refusal: Refusal | null | undefined) => string {
  const { t } = useTranslation();
  const tr = t as unknown as (key: string, values?: object) => string;
  return (refusal) => (refusal ? tr(`investigations.rules.${refusal.key}`, refusal.values) : '');
}

/**
 * A part of the case file: a titled region with its commands; when the rules keep the reader from
 * them, the reason stands under the title (and the disabled buttons point to it).
 */
export function Section(props: {
  title: string;
  actions?: (noteId: string | undefined) => ReactNode;
  refusal?: Refusal | null;
  children: ReactNode;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  const text = useRefusalText();
  // A historical view and a closed case say so once, above the tabs; each section does not repeat it.
  const note = props.refusal && props.refusal.key !== 'historical' && props.refusal.key !== 'closed' ? text(props.refusal) : '';
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={`${id}-title`}>
      <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
        <Title order={2} size="h4" id={`${id}-title`}>
          {props.title}
        </Title>
        {props.actions && (
          <Group gap="xs" wrap="wrap">
            {props.actions(note ? noteId : undefined)}
          </Group>
        )}
      </Group>
      {note && (
        <Text id={noteId} size="xs" c="dimmed" mb="xs" data-testid="rule-note">
          {note}
        </Text>
      )}
      {props.children}
    </Card>
  );
}
