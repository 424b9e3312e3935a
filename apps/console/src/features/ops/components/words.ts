import type { TFunction } from 'i18next';

/** A contract type (`reports.ReportReferredForInvestigation.v1`) as words; one this screen does not know, as itself. */
export function messageTypeLabel(t: TFunction, type: string | null): string {
  if (!type) return t('ops.messageTypes.unknown');
  return t(`ops.messageTypes.${type.replace(/\./g, '_')}` as never, { defaultValue: type });
}

/** A projection's name as words, with the name itself for whoever looks in the logs. */
export function projectionLabel(t: TFunction, name: string): string {
  return t(`ops.projections.names.${name}` as never, { defaultValue: name });
}

/** A lag in seconds, rounded to what a person reads: seconds, minutes or hours. */
export function durationLabel(t: TFunction, seconds: number): string {
  if (seconds < 90) return t('ops.seconds', { count: Math.round(seconds) });
  if (seconds < 90 * 60) return t('ops.minutes', { count: Math.round(seconds / 60) });
  return t('ops.hours', { count: Math.round(seconds / 3600) });
}
