import { Projection } from '@police/event-store';
import { ReportEvent } from '../../domain/report.events';
import { ReportStatisticsRow } from './report-statistics.read-model';

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function dayIn(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(instant),
  );
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** ISO 8601 week (`YYYY-Www`) of a calendar day. */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const STATISTICS_EVENT_TYPES = [
  'ReportReceived',
  'ReportAmended',
  'ConductComplaintRoutedToIntegrity',
] as const satisfies readonly ReportEvent['type'][];

/**
 * Counts per kind, channel, office, incident type and week, for the zone's analysts and its security
 * plan: one row of dimensions per report, nothing about anyone. A report about police conduct is never
 * counted here (or leaves the count the moment an amendment says so).
 */
export function reportStatisticsProjection(timeZone: string): Projection<ReportStatisticsRow> {
  return {
    name: 'reports-statistics',
    entity: ReportStatisticsRow,
    handles: STATISTICS_EVENT_TYPES,
    keys: (e) => [(e.data as { reportId: string }).reportId],
    evolve: (row, e) => {
      const event = { type: e.type, data: e.data } as ReportEvent;
      switch (event.type) {
        case 'ReportReceived': {
          const d = event.data;
          if (d.concernsPoliceConduct) return null;
          const day = dayIn(d.receivedAt, timeZone);
          return {
            reportId: d.reportId,
            kind: d.kind,
            channel: d.channel.kind,
            office: d.channel.kind === 'front_desk' ? d.channel.officeId : '-',
            incidentType: d.incidentType ?? '-',
            week: isoWeekOf(day),
            day,
          };
        }
        case 'ReportAmended': {
          if (!row || event.data.changes.concernsPoliceConduct === true) return null;
          return event.data.changes.incidentType !== undefined ? { ...row, incidentType: event.data.changes.incidentType } : row;
        }
        case 'ConductComplaintRoutedToIntegrity':
          return null;
        default:
          return row;
      }
    },
  };
}
