import dayjs from 'dayjs';
import 'dayjs/locale/nl';
import 'dayjs/locale/en';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(customParseFormat);
dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date and time is shown, and entered, in the zone's time: Belgium. */
export const ZONE = 'Europe/Brussels';

let locale = 'nl';

export function setDateLocale(lng: string): void {
  locale = lng === 'en' ? 'en' : 'nl';
}

/** `20/11/2026 09:30` (nl) or `20/11/2026, 09:30` (en), in Belgian time, from an ISO instant. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso)
    .tz(ZONE)
    .locale(locale)
    .format(locale === 'nl' ? 'DD/MM/YYYY HH:mm' : 'DD/MM/YYYY, HH:mm');
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).tz(ZONE).locale(locale).format('DD/MM/YYYY');
}

/**
 * A wall-clock time picked on screen (`YYYY-MM-DD HH:mm[:ss]`, no zone) read as Belgian time, to the
 * RFC 3339 instant with its offset that the API wants: `2026-11-19T21:00:00+01:00`.
 */
export function brusselsToInstant(wallClock: string): string {
  return dayjs.tz(wallClock, ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** An instant as the Belgian wall-clock time a picker holds (`YYYY-MM-DD HH:mm:ss`): the inverse of {@link brusselsToInstant}. */
export function instantToBrussels(iso: string): string {
  return dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm:ss');
}

/** A Belgian calendar day (`YYYY-MM-DD`) as the instant it starts: for "from" and "before" filters. */
export function brusselsDayStart(day: string): string {
  return dayjs.tz(`${day} 00:00:00`, ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** Today in Belgium, `YYYY-MM-DD`. */
export function todayInBrussels(): string {
  return dayjs().tz(ZONE).format('YYYY-MM-DD');
}

/** Now, as a Belgian wall-clock time (`YYYY-MM-DD HH:mm:ss`), for pickers' defaults and limits. */
export function nowInBrussels(): string {
  return dayjs().tz(ZONE).format('YYYY-MM-DD HH:mm:ss');
}

export { dayjs };
