import type { TFunction } from 'i18next';
import type { LogService } from '../access';
import type { LogEntry } from '../api/merge';
import { dayjs, ZONE } from '@/lib/i18n/dates';

/** The words an export needs, in the user's language, taken from the catalogues once. */
export interface CocWords {
  t: TFunction;
  service: (s: LogService) => string;
  resource: (type: string) => string;
  basis: (code: string) => string;
  refusal: (code: string) => string;
  outcome: (code: string) => string;
  kind: (code: string) => string;
  roles: (roles: string[]) => string;
}

export function cocWords(t: TFunction): CocWords {
  const word = (group: string, code: string) => t(`dpo.${group}.${code}` as never, { defaultValue: code });
  return {
    t,
    service: (s) => word('services', s),
    resource: (type) => word('resource', type),
    basis: (code) => word('basis', code),
    refusal: (code) => word('refusal', code),
    outcome: (code) => word('outcome', code),
    kind: (code) => word('kind', code),
    roles: (roles) => roles.map((r) => t(`roles.${r}` as never, { defaultValue: r })).join(', '),
  };
}

/** An instant as Belgian wall-clock time to the second: `06/12/2026 03:41:12`. */
export function brusselsSeconds(iso: string): string {
  return dayjs(iso).tz(ZONE).format('DD/MM/YYYY HH:mm:ss');
}

/** The basis of a granted read, or why it was refused, in words. */
export function basisOf(e: LogEntry, w: CocWords): string {
  return e.outcome === 'refused' ? `${w.outcome('refused')}: ${e.refusal ? w.refusal(e.refusal) : ''}` : e.basis ? w.basis(e.basis) : '';
}
