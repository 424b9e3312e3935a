import { dayjs, ZONE } from '@/lib/i18n/dates';
import type { TimelineEntry } from '../api/investigations.api';

/**
 * The instant to ask `?asOf=` for the case file as it stood right after timeline entry `index`: just
 * before the next entry recorded later (the store stamps an event when its transaction starts, a
 * moment after the `at` the command gave it, so asking at an entry's own `at` could leave it out).
 * Entries recorded together (a case opened with its report's parties) are taken together. Null for the
 * last: that is the file as it is now.
 */
export function asOfAfter(entries: readonly TimelineEntry[], index: number): string | null {
  const at = Date.parse(entries[index].at);
  const next = entries.slice(index + 1).find((e) => Date.parse(e.at) > at);
  return next ? new Date(Date.parse(next.at) - 1).toISOString() : null;
}

/**
 * A minute picked on screen (Belgian wall clock, `YYYY-MM-DD HH:mm[:ss]`) as the instant that ends it:
 * "as it stood at 10:15" holds what was recorded up to 10:15:59.999, Belgian time.
 */
export function endOfBrusselsMinute(wallClock: string): string {
  return dayjs.tz(wallClock, ZONE).second(59).millisecond(999).toISOString();
}

/** An instant as the Belgian wall-clock minute a picker shows (`YYYY-MM-DD HH:mm:ss`). */
export function brusselsWallClock(iso: string): string {
  return dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm:ss');
}

/** Today's calendar day in Belgium (`YYYY-MM-DD`), for deadlines. */
export function brusselsToday(now: Date = new Date()): string {
  return dayjs(now).tz(ZONE).format('YYYY-MM-DD');
}

/**
 * A period of calendar days picked on screen (Belgian days, either end open) as the list's instants:
 * from the first day's midnight up to (not including) the midnight after the last day, Belgian time.
 */
export function brusselsDayRange(from: string | null, to: string | null): { openedFrom?: string; openedTo?: string } {
  return {
    ...(from ? { openedFrom: dayjs.tz(from.slice(0, 10), ZONE).format('YYYY-MM-DDTHH:mm:ssZ') } : {}),
    // The next day by the calendar, then its Belgian midnight (adding 24 h would miss on the days the clock changes).
    ...(to ? { openedTo: dayjs.tz(dayjs(to.slice(0, 10)).add(1, 'day').format('YYYY-MM-DD'), ZONE).format('YYYY-MM-DDTHH:mm:ssZ') } : {}),
  };
}

/**
 * `asOfAfter` for every entry at once, in one pass from the end (a timeline of a thousand steps would
 * otherwise scan the rest of it for each): entries recorded in order of time share the next later one.
 */
export function asOfAfterEach(entries: readonly TimelineEntry[]): (string | null)[] {
  const out: (string | null)[] = new Array(entries.length).fill(null);
  for (let i = entries.length - 2; i >= 0; i--) {
    const at = Date.parse(entries[i].at);
    const next = Date.parse(entries[i + 1].at);
    if (next > at) out[i] = new Date(next - 1).toISOString();
    else if (next === at) out[i] = out[i + 1];
    // Out of order (a later position stamped earlier): look ahead as the single-entry rule does.
    else out[i] = asOfAfter(entries, i);
  }
  return out;
}
