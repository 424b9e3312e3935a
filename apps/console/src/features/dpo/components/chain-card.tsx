import { Alert, Button, Card, Code, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { LOG_SERVICES } from '../access';
import { useDayVerification } from '../api/dpo.api';
import { groupVerifications } from '../api/merge';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The verification of one UTC day's chain in each service's log; a log the services share shown once. */
export function ChainCard() {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const [draft, setDraft] = useState(today);
  const [date, setDate] = useState(today);
  const results = useDayVerification(date);
  const failed = results.find((r) => r.isError);
  const done = results.every((r) => r.data);
  const chains = done ? groupVerifications(results.map((r, i) => ({ service: LOG_SERVICES[i], verification: r.data! }))) : [];
  return (
    <Card withBorder component="section" aria-labelledby="chain-title">
      <Title order={2} size="h4" id="chain-title">
        {t('dpo.chain.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('dpo.chain.intro')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (DAY.test(draft)) setDate(draft);
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('dpo.chain.day')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            max={today}
            w={180}
          />
          <Button type="submit" variant="light">
            {t('dpo.chain.verify')}
          </Button>
        </Group>
      </form>
      <Stack gap="xs" mt="sm" role="status" aria-live="polite">
        {!done && !failed && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('dpo.chain.checking')}</Text>
          </Group>
        )}
        {failed && <ProblemAlert error={failed.error} />}
        {chains.map((c) => {
          const v = c.verification;
          const services = t('dpo.chain.services', { services: c.services.map((s) => t(`dpo.services.${s}`)).join(', ') });
          if (!v.ok)
            return (
              <Alert key={services} color="red" title={services}>
                {t('dpo.chain.broken', { version: v.brokenAt.streamVersion, eventId: v.brokenAt.eventId })}
              </Alert>
            );
          return (
            <Alert key={services} color="green" title={services}>
              <Text size="sm">{v.events === 0 ? t('dpo.chain.empty') : t('dpo.chain.intact', { count: v.events })}</Text>
              {v.events > 0 && (
                <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {t('dpo.chain.head', { hash: '' })}
                  <Code>{v.headHash}</Code>
                </Text>
              )}
            </Alert>
          );
        })}
      </Stack>
    </Card>
  );
}
