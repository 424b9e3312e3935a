import { RetentionReviewRow, RetentionStep } from './retention.read-model';

/** A record on the DPO's retention review list. */
export interface RetentionReviewView {
  recordId: string;
  dataClass: string;
  /** due | extended | erased */
  status: string;
  /** What the record is, without personal data. */
  label: string;
  /** When it is (or was, or will again be) due for review. */
  dueAt: string;
  legalHold: { reason: string } | null;
  /** The erasure marker, once erased. */
  erased: string | null;
  version: number;
  steps: RetentionStep[];
}

export function retentionReviewView(row: RetentionReviewRow): RetentionReviewView {
  return {
    recordId: row.recordId,
    dataClass: row.dataClass,
    status: row.status,
    label: row.label,
    dueAt: row.dueAt.toISOString(),
    legalHold: row.held ? { reason: row.holdReason ?? '' } : null,
    erased: row.erased,
    version: row.version,
    steps: row.steps,
  };
}
