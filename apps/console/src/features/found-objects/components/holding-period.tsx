import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';

const DAY = 24 * 60 * 60 * 1000;

/** The end of the legal holding period: the date, and whether it is over or how many days remain. */
export function HoldingPeriod({ endsAt, now = Date.now(), held }: { endsAt: string | null; now?: number; held: boolean }) {
  const { t } = useTranslation();
  if (!endsAt) return null;
  const left = Math.ceil((Date.parse(endsAt) - now) / DAY);
  return (
    <Text size="sm" component="span">
      <DateTime value={endsAt} />{' '}
      {held &&
        (left <= 0 ? (
          <Badge color="orange.9" variant="outline">
            {t('foundObjects.period.over')}
          </Badge>
        ) : (
          <Badge color="gray.8" variant="outline">
            {t('foundObjects.period.left', { count: left })}
          </Badge>
        ))}
    </Text>
  );
}
