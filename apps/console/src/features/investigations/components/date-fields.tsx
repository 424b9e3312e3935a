import '@mantine/dates/styles.css';
import { DateInput, DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dayjs, nowInBrussels } from '@/lib/i18n/dates';

const DISPLAY_TIME = 'DD/MM/YYYY HH:mm';
const DISPLAY_DAY = 'DD/MM/YYYY';

/** Typed-in times (`20/11/2026 07:30`) as the picker's wall-clock value; Belgian time throughout. */
function parseTime(input: string): string | null {
  const d = dayjs(input.trim(), [DISPLAY_TIME, 'DD/MM/YYYY H:mm', 'D/M/YYYY HH:mm', 'D/M/YYYY H:mm', DISPLAY_DAY], true);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : null;
}

function parseDay(input: string): string | null {
  const d = dayjs(input.trim(), [DISPLAY_DAY, 'D/M/YYYY'], true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
}

/** A Belgian date and time (the value: `YYYY-MM-DD HH:mm:ss` wall clock; send it with brusselsToInstant). Not in the future unless `future`. */
export function DateTimeField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'> & { future?: boolean }) {
  const { t } = useTranslation();
  const { future, ...rest } = props;
  return (
    <DateInput
      valueFormat={DISPLAY_TIME}
      withTime
      dateParser={parseTime}
      {...(future ? {} : { maxDate: nowInBrussels() })}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      placeholder={t('investigations.form.timePlaceholder')}
      {...rest}
    />
  );
}

/** A calendar day (the value: `YYYY-MM-DD`), for due dates and deadlines. */
export function DayField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat={DISPLAY_DAY}
      dateParser={parseDay}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      placeholder={t('investigations.form.dayPlaceholder')}
      {...props}
    />
  );
}
