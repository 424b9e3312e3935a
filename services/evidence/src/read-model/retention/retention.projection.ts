import { erasureMarker, Projection } from '@police/event-store';
import { RETENTION_EVENT_TYPES, RetentionEvent } from '@police/retention';
import { RetentionReviewRow, RetentionStep } from './retention.read-model';

function stepOf(e: RetentionEvent): RetentionStep {
  switch (e.type) {
    case 'RetentionReviewDue':
      return { type: e.type, at: e.data.markedAt, by: e.data.markedBy, note: `due ${e.data.dueAt} (${e.data.days} days)` };
    case 'RetentionErasureApproved':
      return { type: e.type, at: e.data.approvedAt, by: e.data.approvedBy, note: e.data.decisionRef };
    case 'RetentionExtended':
      return { type: e.type, at: e.data.extendedAt, by: e.data.extendedBy, note: `until ${e.data.until}: ${e.data.reason}` };
    case 'LegalHoldPlaced':
      return { type: e.type, at: e.data.placedAt, by: e.data.placedBy, note: e.data.reason };
    case 'LegalHoldLifted':
      return { type: e.type, at: e.data.liftedAt, by: e.data.liftedBy, note: e.data.reason };
    case 'RetentionRecordErased':
      return { type: e.type, at: e.data.erasedAt, by: e.data.erasedBy, note: e.data.decision };
  }
}

/** The DPO's retention review list: one row per record found due, with each step it went through. */
export const retentionReviewsProjection: Projection<RetentionReviewRow> = {
  name: 'evidence-retention-reviews',
  entity: RetentionReviewRow,
  handles: RETENTION_EVENT_TYPES,
  keys: (e) => [(e.data as { recordId: string }).recordId],
  evolve: (row, recorded) => {
    const e = { type: recorded.type, data: recorded.data } as RetentionEvent;
    if (e.type === 'RetentionReviewDue') {
      const base: RetentionReviewRow = row ?? {
        recordId: e.data.recordId,
        dataClass: e.data.dataClass,
        status: 'due',
        label: e.data.label,
        dueAt: new Date(e.data.dueAt),
        held: false,
        holdReason: null,
        erased: null,
        version: 0,
        steps: [],
      };
      return { ...base, status: 'due', dueAt: new Date(e.data.dueAt), version: recorded.streamVersion, steps: [...base.steps, stepOf(e)] };
    }
    if (!row) return null;
    const next = { ...row, version: recorded.streamVersion, steps: [...row.steps, stepOf(e)] };
    switch (e.type) {
      case 'RetentionExtended':
        return { ...next, status: 'extended', dueAt: new Date(e.data.until) };
      case 'LegalHoldPlaced':
        return { ...next, held: true, holdReason: e.data.reason };
      case 'LegalHoldLifted':
        return { ...next, held: false, holdReason: null };
      case 'RetentionRecordErased':
        return {
          ...next,
          status: 'erased',
          erased: erasureMarker(e.data.keyId, { keyId: e.data.keyId, by: e.data.erasedBy, at: e.data.erasedAt, decision: e.data.decision })
            .text,
        };
      default:
        return next;
    }
  },
};
