import { CRIMINAL_KINDS, ReportKind } from './report.events';
import { ReportState } from './report.state';
import { PvDestination } from './pv.events';
import { PvState, PvStatus, WrittenPv } from './pv.state';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Age {
  since: string;
  ageMs: number;
  /** Whole days elapsed. */
  ageDays: number;
}

export interface ReportAwaitingPv extends Age {
  reportId: string;
  kind: ReportKind;
}

export interface PvAwaiting extends Age {
  pvId: string;
  reportId: string;
  status: PvStatus;
  destination: PvDestination;
  pvNumber: string | null;
}

function age(since: string, now: Date): Age {
  const ageMs = Math.max(0, now.getTime() - Date.parse(since));
  return { since, ageMs, ageDays: Math.floor(ageMs / DAY_MS) };
}

const oldestFirst = (a: Age, b: Age): number => b.ageMs - a.ageMs;

/** Open aangiften and klachten for which no PV was drafted yet. A report routed to integrity waits there, not here. */
export function reportsAwaitingPv(reports: readonly ReportState[], pvs: readonly PvState[], now: Date): ReportAwaitingPv[] {
  const withPv = new Set(pvs.flatMap((pv) => (pv.status === 'none' ? [] : [pv.reportId])));
  return reports
    .flatMap((r) =>
      r.status === 'open' && CRIMINAL_KINDS.includes(r.kind) && !withPv.has(r.reportId)
        ? [{ reportId: r.reportId, kind: r.kind, ...age(r.receivedAt, now) }]
        : [],
    )
    .sort(oldestFirst);
}

/** PVs submitted and not yet checked by GAK, aged from their latest submission. */
export function pvsAwaitingQualityCheck(pvs: readonly PvState[], now: Date): PvAwaiting[] {
  return pvs
    .flatMap((pv) => (pv.status === 'submitted' && pv.submittedAt !== null ? [awaiting(pv, pv.submittedAt, now)] : []))
    .sort(oldestFirst);
}

/** PVs that passed quality control and are not yet transmitted to the parket or city, aged from their approval. */
export function pvsAwaitingTransmission(pvs: readonly PvState[], now: Date): PvAwaiting[] {
  return pvs
    .flatMap((pv) =>
      (pv.status === 'approved' || pv.status === 'finalised') && pv.transmittedAt === null && pv.approvedAt !== null ? [awaiting(pv, pv.approvedAt, now)] : [],
    )
    .sort(oldestFirst);
}

function awaiting(pv: WrittenPv, since: string, now: Date): PvAwaiting {
  return { pvId: pv.pvId, reportId: pv.reportId, status: pv.status, destination: pv.destination, pvNumber: pv.pvNumber, ...age(since, now) };
}
