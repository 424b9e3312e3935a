import { ChannelKind, CRIMINAL_KINDS, ReportKind } from './report.events';
import { ReportState } from './report.state';
import { PvDestination } from './pv.events';
import { PvState, PvStatus, WrittenPv } from './pv.state';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long each step may wait, in days (zone configuration; R-REP-5 says the handling and its time
 * limits depend on the offence, the documents give no figures).
 */
export interface TimeLimits {
  /** An aangifte or klacht until its PV is drafted. */
  pvDraftDays: number;
  /** A submitted PV until GAK has checked it. */
  qualityCheckDays: number;
  /** A quality-checked PV until it is transmitted to the parket or the city. */
  transmissionDays: number;
}

export interface Age {
  since: string;
  ageMs: number;
  /** Whole days elapsed. */
  ageDays: number;
  /** When the step should be done: `since` plus the step's time limit. */
  dueAt: string;
  /** Past its due time. */
  overdue: boolean;
}

export interface ReportAwaitingPv extends Age {
  reportId: string;
  kind: ReportKind;
  channel: ChannelKind;
  /** The front desk's office, for a report taken in at a desk. */
  officeId: string | null;
  incidentType: string | null;
  urgent: boolean;
}

export interface PvAwaiting extends Age {
  pvId: string;
  reportId: string;
  status: PvStatus;
  destination: PvDestination;
  pvNumber: string | null;
}

function age(since: string, now: Date, limitDays: number): Age {
  const ageMs = Math.max(0, now.getTime() - Date.parse(since));
  const due = Date.parse(since) + limitDays * DAY_MS;
  return { since, ageMs, ageDays: Math.floor(ageMs / DAY_MS), dueAt: new Date(due).toISOString(), overdue: now.getTime() > due };
}

/** The most overdue first (the earliest due), then the oldest. */
const dueFirst = (a: Age, b: Age): number => a.dueAt.localeCompare(b.dueAt) || b.ageMs - a.ageMs;

/** Open aangiften and klachten for which no PV was drafted yet. A report routed to integrity waits there, not here. */
export function reportsAwaitingPv(
  reports: readonly ReportState[],
  pvs: readonly PvState[],
  now: Date,
  limits: TimeLimits,
): ReportAwaitingPv[] {
  const withPv = new Set(pvs.flatMap((pv) => (pv.status === 'none' ? [] : [pv.reportId])));
  return reports
    .flatMap((r) =>
      r.status === 'open' && CRIMINAL_KINDS.includes(r.kind) && !withPv.has(r.reportId)
        ? [
            {
              reportId: r.reportId,
              kind: r.kind,
              channel: r.channel.kind,
              officeId: r.channel.kind === 'front_desk' ? r.channel.officeId : null,
              incidentType: r.incidentType ?? null,
              urgent: r.urgent,
              ...age(r.receivedAt, now, limits.pvDraftDays),
            },
          ]
        : [],
    )
    .sort(dueFirst);
}

/** PVs submitted and not yet checked by GAK, aged from their latest submission. */
export function pvsAwaitingQualityCheck(pvs: readonly PvState[], now: Date, limits: TimeLimits): PvAwaiting[] {
  return pvs
    .flatMap((pv) =>
      pv.status === 'submitted' && pv.submittedAt !== null ? [awaiting(pv, pv.submittedAt, now, limits.qualityCheckDays)] : [],
    )
    .sort(dueFirst);
}

/** PVs that passed quality control and are not yet transmitted to the parket or city, aged from their approval. */
export function pvsAwaitingTransmission(pvs: readonly PvState[], now: Date, limits: TimeLimits): PvAwaiting[] {
  return pvs
    .flatMap((pv) =>
      (pv.status === 'approved' || pv.status === 'finalised') && pv.transmittedAt === null && pv.approvedAt !== null
        ? [awaiting(pv, pv.approvedAt, now, limits.transmissionDays)]
        : [],
    )
    .sort(dueFirst);
}

function awaiting(pv: WrittenPv, since: string, now: Date, limitDays: number): PvAwaiting {
  return {
    pvId: pv.pvId,
    reportId: pv.reportId,
    status: pv.status,
    destination: pv.destination,
    pvNumber: pv.pvNumber,
    ...age(since, now, limitDays),
  };
}
