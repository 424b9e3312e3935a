import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The names of a date picker's calendar controls (previous and next month, year, decade; the level
 * switches), for `ariaLabels` of Mantine's date inputs: without them the arrows are unnamed buttons.
 */
export function useCalendarLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      previousMonth: t('common.calendar.previousMonth'),
      nextMonth: t('common.calendar.nextMonth'),
      previousYear: t('common.calendar.previousYear'),
      nextYear: t('common.calendar.nextYear'),
      previousDecade: t('common.calendar.previousDecade'),
      nextDecade: t('common.calendar.nextDecade'),
      monthLevelControl: t('common.calendar.monthLevel'),
      yearLevelControl: t('common.calendar.yearLevel'),
    }),
    [t],
  );
}
