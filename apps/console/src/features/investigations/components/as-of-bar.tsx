import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/i18n/dates';
import { brusselsWallClock, endOfBrusselsMinute } from '../model/as-of';
import { DateTimeField } from './date-fields';

/**
 * The case file as it stood then: a Belgian date and time picked here (or a step of the timeline) is
 * sent as the instant `?asOf=`; a historical view says so plainly, and offers the way back to now.
 */
export function AsOfBar({ asOf, onAsOf }: { asOf: string | null; onAsOf: (at: string | null) => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(asOf ? brusselsWallClock(asOf) : null);
  return (
    <>
      {asOf && (
        <Alert
          color="violet.9"
          variant="outline"
          role="status"
          style={{ borderInlineStart: '6px solid var(--mantine-color-violet-9)', background: 'var(--mantine-color-violet-0)' }}
          title={t('investigations.asOf.bannerTitle')}
          data-testid="historical-banner"
        >
          <Group justify="space-between" align="center" gap="sm">
            <Text size="sm">{t('investigations.asOf.banner', { at: formatDateTime(asOf) })}</Text>
            <Button size="xs" variant="filled" color="violet.9" onClick={() => onAsOf(null)}>
              {t('investigations.asOf.backToNow')}
            </Button>
          </Group>
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (picked) onAsOf(endOfBrusselsMinute(picked));
        }}
        aria-label={t('investigations.asOf.formLabel')}
      >
        <Group align="flex-end" gap="xs">
          <DateTimeField
            label={t('investigations.asOf.pick')}
            description={t('investigations.asOf.pickHint')}
            value={picked}
            onChange={(v) => setPicked(v)}
            w={260}
            size="xs"
          />
          <Button type="submit" size="xs" variant="default" disabled={!picked}>
            {t('investigations.asOf.show')}
          </Button>
        </Group>
      </form>
    </>
  );
}
