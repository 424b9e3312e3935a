import type { RetentionEvent } from './retention.events';
import type { RetentionDataClass } from './retention.schedules';

export interface LegalHold {
  reason: string;
  placedBy: string;
  placedAt: string;
}

/** A record under review: due (waiting for the DPO), extended (until `dueAt`), or erased. */
export interface ReviewedRecord {
  status: 'due' | 'extended' | 'erased';
  recordId: string;
  dataClass: RetentionDataClass;
  keyId: string;
  label: string;
  dueAt: string;
  hold: LegalHold | null;
  erased: { decision: string; erasedBy: string; erasedAt: string } | null;
}

export type RetentionState = { status: 'none' } | ReviewedRecord;

export const initialRetentionState = (): RetentionState => ({ status: 'none' });

export function evolveRetention(state: RetentionState, event: RetentionEvent): RetentionState {
  if (event.type === 'RetentionReviewDue') {
    const { recordId, dataClass, keyId, label, dueAt } = event.data;
    if (state.status === 'none') return { status: 'due', recordId, dataClass, keyId, label, dueAt, hold: null, erased: null };
    return state.status === 'erased' ? state : { ...state, status: 'due', dueAt };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'RetentionErasureApproved':
      return state;
    case 'RetentionExtended':
      return { ...state, status: 'extended', dueAt: event.data.until };
    case 'LegalHoldPlaced':
      return { ...state, hold: { reason: event.data.reason, placedBy: event.data.placedBy, placedAt: event.data.placedAt } };
    case 'LegalHoldLifted':
      return { ...state, hold: null };
    case 'RetentionRecordErased':
      return {
        ...state,
        status: 'erased',
        erased: { decision: event.data.decision, erasedBy: event.data.erasedBy, erasedAt: event.data.erasedAt },
      };
  }
}
