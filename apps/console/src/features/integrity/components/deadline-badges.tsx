import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/i18n/dates';
import type { DeadlineStatus } from '../api/integrity.api';
import { useIntegrityCode, useStaffName } from './words';

/**
 * The time limit of each open step as a badge: grey while open, amber when due within a few days, red
 * once overdue. The words say the same as the colour (due date, days left or over).
 */
export function DeadlineBadges({ deadlines }: { deadlines: DeadlineStatus[] }) {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  if (deadlines.length === 0) return <Text size="sm">{t('integrity.list.noDeadlines')}</Text>;
  return (
    <Group gap={4}>
      {deadlines.map((d) => {
        const step = d.staffId
          ? t('integrity.deadline.forStaff', { step: code('step', d.step), staff: staff(d.staffId) })
          : code('step', d.step);
        const date = formatDate(`${d.dueOn}T12:00:00Z`);
        const text =
          d.status === 'overdue'
            ? t('integrity.deadline.overdue', { step, days: -d.daysLeft, date })
            : d.status === 'due_soon'
              ? t('integrity.deadline.dueSoon', { step, days: d.daysLeft, date })
              : t('integrity.deadline.label', { step, date });
        return (
          <Badge
            key={`${d.step}-${d.staffId ?? ''}`}
            data-deadline={d.status}
            color={d.status === 'overdue' ? 'red.9' : d.status === 'due_soon' ? 'yellow.5' : 'gray.7'}
            variant={d.status === 'open' ? 'outline' : 'filled'}
            autoContrast
            tt="none"
            fw={600}
          >
            {text}
          </Badge>
        );
      })}
    </Group>
  );
}
