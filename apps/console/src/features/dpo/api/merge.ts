import type { LogService } from '../access';
import type { Consultation, ConsultationPage, DayVerification } from './dpo.types';

/** A consultation as the console shows it: the record of the log, and which service's log it came from. */
export interface LogEntry extends Consultation {
  service: LogService;
}

/** One page of one service's log, as fetched. */
export interface ServicePage {
  service: LogService;
  page: ConsultationPage;
}

/** Newest first, as every service pages its log: by time, then id (the services' keyset). */
export function newestFirst(a: LogEntry, b: LogEntry): number {
  return a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;
}

/**
 * The four logs merged, newest first, from the pages fetched so far. Each service pages its own log:
 * an entry is shown only when no service that has more could still hold a newer one, that is down to
 * the oldest entry of the service whose fetched pages end the latest. `next` says which service to ask
 * for its next page (and with which cursor) to show more; undefined when every log is read to its end.
 */
export function mergeLogs(pages: readonly ServicePage[]): { entries: LogEntry[]; next?: { service: LogService; cursor: string } } {
  const all: LogEntry[] = [];
  const last = new Map<LogService, ConsultationPage>();
  for (const p of pages) {
    for (const item of p.page.items) all.push({ ...item, service: p.service });
    last.set(p.service, p.page);
  }
  all.sort(newestFirst);
  // The services with more to give, each with the oldest entry fetched so far (its page's last).
  let limit: { service: LogService; cursor: string; oldest: LogEntry } | undefined;
  for (const [service, page] of last) {
    if (page.nextCursor === null || page.items.length === 0) continue;
    const oldest: LogEntry = { ...page.items[page.items.length - 1], service };
    if (!limit || newestFirst(oldest, limit.oldest) < 0) limit = { service, cursor: page.nextCursor, oldest };
  }
  if (!limit) return { entries: all };
  const bound = limit.oldest;
  return { entries: all.filter((e) => newestFirst(e, bound) <= 0), next: { service: limit.service, cursor: limit.cursor } };
}

/** A day's chain of one log, and the services that answered for it (all four in embedded mode: they share one log). */
export interface ChainResult {
  services: LogService[];
  verification: DayVerification;
}

/**
 * Groups the services' answers for one day by the log they verified (`keptBy`). A log read at several moments
 * is shown once: broken if any reading found it broken (a break does not heal), else its latest reading (the most
 * entries; a live day grows between the readings).
 */
export function groupVerifications(results: { service: LogService; verification: DayVerification }[]): ChainResult[] {
  const groups = new Map<string, ChainResult>();
  for (const { service, verification } of results) {
    const group = groups.get(verification.keptBy);
    if (!group) {
      groups.set(verification.keptBy, { services: [service], verification });
      continue;
    }
    group.services.push(service);
    const shown = group.verification;
    if (shown.ok && (!verification.ok || verification.events > shown.events)) group.verification = verification;
  }
  return [...groups.values()];
}
