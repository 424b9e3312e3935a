import { DeadlineLimits, OverdueStep, overdueSteps } from '../../domain/complaint.state';
import { ComplaintFile } from './complaint.projection';
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
  return { id: row.id, version: row.version, registerNumber: row.registerNumber, phase: row.phase, unit: unitOf(row.compartment), overdue: overdueSteps(row.state, now, limits), complaint: row.file };
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
  version: number;
}

export function complaintListEntry(row: ComplaintRow, overdue: OverdueStep[]): ComplaintListEntry {
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
    version: row.version,
  };
}
