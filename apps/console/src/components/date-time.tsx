import { formatDateTime } from '@/lib/i18n/dates';
import { useTranslation } from 'react-i18next';

/** An instant as Belgian date and time, in a `<time>` element that keeps the exact value. */
export function DateTime({ value }: { value: string | null | undefined }) {
  useTranslation(); // re-render on a language switch
  if (!value) return null;
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}
