import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '@/lib/i18n/codes';
import type { ReportsReference } from '../api/reports.types';

/** "Dringend" beside a report's line in the desk's lists. */
export function UrgentBadge() {
  const { t } = useTranslation();
  return (
    <Badge ml="xs" size="xs" color="red.9" variant="filled">
      {t('reports.list.columns.urgent')}
    </Badge>
  );
}

/** How a report came in, as a list line says it: the channel and, at a desk, its office ("Onthaal, Commissariaat Zuid"). */
export function useChannelAndOffice(reference: ReportsReference | undefined) {
  const label = useCodeLabel();
  return (channel: string | null, officeId: string | null): string => {
    const office = officeId ? (reference?.offices.find((o) => o.id === officeId)?.name ?? officeId) : '';
    return [channel ? label('channel', channel) : '', office].filter(Boolean).join(', ');
  };
}
