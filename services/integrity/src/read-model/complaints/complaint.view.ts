import { DeadlineLimits, DeadlineStatus, openDeadlines, OverdueStep, overdueOf } from '../../domain/complaint.state';
import { ComplaintFile } from './complaint.file';
import { ComplaintRow } from './complaint.read-model';

/** A complaint as the API shows it: the whole file, where it sits, and the steps past their time limit today. */
export interface ComplaintView {
  id: string;
  version: number;
  registerNumber: string | null;
  phase: string;
  /** The compartment: intake, BIT, Tucht or DPO. */
  unit: string;
  overdue: OverdueStep[];
  /** Every step not done yet, with its due date and whether it is due soon or overdue. */
  deadlines: DeadlineStatus[];
  complaint: ComplaintFile;
}

/**
 * What a write answers when its author may not see the complaint afterwards (the chief who routed it to
 * the DPO, a registrar replaying a registration the complaint has since left her compartment): the id
 * and register number they already had, nothing of the file, its place or its version.
 */
export interface ComplaintReceipt {
  id: string;
  registerNumber: string | null;
}

export function unitOf(compartment: string): string {
  return compartment.replace(/^integrity:/, '');
}

export function complaintView(row: ComplaintRow, now: Date, limits: DeadlineLimits): ComplaintView {
  return {
    id: row.id,
    version: row.version,
    registerNumber: row.registerNumber,
    phase: row.phase,
    unit: unitOf(row.compartment),
    ...deadlinesOf(row, now, limits),
    complaint: row.file,
  };
}

function deadlinesOf(row: ComplaintRow, now: Date, limits: DeadlineLimits): { overdue: OverdueStep[]; deadlines: DeadlineStatus[] } {
  const deadlines = openDeadlines(row.state, now, limits);
  return { overdue: overdueOf(deadlines), deadlines };
}

/** A line of a list: no facts, no complainant, no findings. */
export interface ComplaintListEntry {
  id: string;
  registerNumber: string | null;
  channel: string;
  phase: string;
  unit: string;
  receivedOn: string;
  reportId: string | null;
  staffConcerned: string[];
  overdue: OverdueStep[];
  deadlines: DeadlineStatus[];
  version: number;
}

export function complaintListEntry(row: ComplaintRow, deadlines: DeadlineStatus[]): ComplaintListEntry {
  const overdue = overdueOf(deadlines);
  return {
    id: row.id,
    registerNumber: row.registerNumber,
    channel: row.channel,
    phase: row.phase,
    unit: unitOf(row.compartment),
    receivedOn: row.receivedOn,
    reportId: row.reportId,
    staffConcerned: row.staffConcerned,
    overdue,
    deadlines,
    version: row.version,
  };
}
