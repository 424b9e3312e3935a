import { isWithin, Party, StorageLocation } from './evidence.events';
import {
  CheckOutPurpose,
  DecisionAuthority,
  Disposition,
  HandoverMethod,
  HandoverPurpose,
  ItemCategory,
  ItemEvent,
  LabAnalysis,
} from './item.events';

/** Where the item physically is. Single-valued: an item is never in two places. */
export type Whereabouts =
  | { kind: 'with_custodian' }
  | { kind: 'in_storage'; location: StorageLocation; since: string }
  | {
      kind: 'checked_out';
      from: StorageLocation;
      purpose: CheckOutPurpose;
      takenBy: string;
      checkedOutAt: string;
      expectedReturnAt: string;
    };

export interface OpenOffer {
  handoverId: string;
  to: Party;
  purpose: HandoverPurpose;
  method: HandoverMethod;
  offeredBy: string;
  offeredAt: string;
}

export interface CustodyLink {
  custodian: Party;
  since: string;
  /** Absent for the first link, which registration creates. */
  handoverId?: string;
}

export type HandoverOutcome = 'accepted' | 'declined' | 'withdrawn';

export interface LabSubmission {
  submissionId: string;
  laboratory: Party;
  analysis: LabAnalysis;
  /** offered: on its way; at_lab: the lab accepted it (it may be back since); cancelled: the lab never took it. */
  status: 'offered' | 'at_lab' | 'cancelled' | 'result_received';
}

export interface DisposalDecision {
  decisionRef: string;
  authority: DecisionAuthority;
  decisionDate: string;
  disposition: Disposition;
}

export interface HeldItem {
  status: 'held';
  itemId: string;
  labelNumber: string;
  investigationId?: string;
  pvNumber?: string;
  category: ItemCategory;
  description: string;
  sealNumber: string;
  /** Single-valued; changes only when a recipient accepts a handover. */
  custodian: Party;
  custodyChain: CustodyLink[];
  whereabouts: Whereabouts;
  /** At most one. While it is open the item stays with the offerer. */
  openOffer: OpenOffer | null;
  /** Every handover id ever used, with how it ended (an open one is in `openOffer`). */
  closedHandovers: Record<string, HandoverOutcome>;
  labSubmissions: Record<string, LabSubmission>;
  decision: DisposalDecision | null;
  /** Handovers whose recipient found another seal number than the one on record. */
  sealMismatches: string[];
}

export interface DisposedItem extends Omit<HeldItem, 'status' | 'whereabouts' | 'openOffer'> {
  status: 'disposed';
  disposal: { disposition: Disposition; decisionRef: string; executedBy: string; executedAt: string };
}

export type ItemState = { status: 'unregistered' } | HeldItem | DisposedItem;

export const initialItemState = (): ItemState => ({ status: 'unregistered' });

export function evolveItem(state: ItemState, event: ItemEvent): ItemState {
  if (event.type === 'ItemRegistered') {
    if (state.status !== 'unregistered') return state;
    const d = event.data;
    return {
      status: 'held',
      itemId: d.itemId,
      labelNumber: d.labelNumber,
      ...(d.investigationId !== undefined && { investigationId: d.investigationId }),
      ...(d.pvNumber !== undefined && { pvNumber: d.pvNumber }),
      category: d.category,
      description: d.description,
      sealNumber: d.sealNumber,
      custodian: d.custodian,
      custodyChain: [{ custodian: d.custodian, since: d.registeredAt }],
      whereabouts: { kind: 'with_custodian' },
      openOffer: null,
      closedHandovers: {},
      labSubmissions: {},
      decision: null,
      sealMismatches: [],
    };
  }
  if (state.status !== 'held') return state;

  switch (event.type) {
    case 'ItemResealed':
      return { ...state, sealNumber: event.data.sealNumber };

    case 'CustodyOffered': {
      const { handoverId, to, purpose, method, offeredBy, offeredAt } = event.data;
      return { ...state, openOffer: { handoverId, to, purpose, method, offeredBy, offeredAt } };
    }

    case 'CustodyOfferDeclined':
    case 'CustodyOfferWithdrawn': {
      const { handoverId } = event.data;
      return {
        ...state,
        openOffer: null,
        closedHandovers: { ...state.closedHandovers, [handoverId]: event.type === 'CustodyOfferDeclined' ? 'declined' : 'withdrawn' },
        labSubmissions: withSubmissionStatus(state.labSubmissions, handoverId, 'offered', 'cancelled'),
      };
    }

    case 'CustodyTransferred': {
      const { handoverId, to, transferredAt, sealNumberFound, sealMismatch } = event.data;
      return {
        ...state,
        custodian: to,
        custodyChain: [...state.custodyChain, { custodian: to, since: transferredAt, handoverId }],
        // Whatever storage it was in, it left it with the new custodian.
        whereabouts: { kind: 'with_custodian' },
        openOffer: null,
        closedHandovers: { ...state.closedHandovers, [handoverId]: 'accepted' },
        labSubmissions: withSubmissionStatus(state.labSubmissions, handoverId, 'offered', 'at_lab'),
        // The seal now on the item is the one the recipient found.
        sealNumber: sealNumberFound,
        sealMismatches: sealMismatch ? [...state.sealMismatches, handoverId] : state.sealMismatches,
      };
    }

    case 'ItemCheckedIn':
      return { ...state, whereabouts: { kind: 'in_storage', location: event.data.location, since: event.data.checkedInAt } };

    case 'ItemCheckedOut': {
      const { from, purpose, takenBy, checkedOutAt, expectedReturnAt } = event.data;
      return { ...state, whereabouts: { kind: 'checked_out', from, purpose, takenBy, checkedOutAt, expectedReturnAt } };
    }

    case 'ItemReturned':
      return { ...state, whereabouts: { kind: 'in_storage', location: event.data.location, since: event.data.returnedAt } };

    case 'ItemSubmittedToLab': {
      const { submissionId, laboratory, analysis } = event.data;
      return {
        ...state,
        labSubmissions: { ...state.labSubmissions, [submissionId]: { submissionId, laboratory, analysis, status: 'offered' } },
      };
    }

    case 'LabResultReceived':
      return { ...state, labSubmissions: withSubmissionStatus(state.labSubmissions, event.data.submissionId, 'at_lab', 'result_received') };

    case 'DisposalDecisionRecorded': {
      const { decisionRef, authority, decisionDate, disposition } = event.data;
      return { ...state, decision: { decisionRef, authority, decisionDate, disposition } };
    }

    case 'ItemDisposed': {
      const { whereabouts: _whereabouts, openOffer: _openOffer, ...rest } = state;
      const { disposition, decisionRef, executedBy, executedAt } = event.data;
      return { ...rest, status: 'disposed', disposal: { disposition, decisionRef, executedBy, executedAt } };
    }
  }
}

function withSubmissionStatus(
  submissions: Record<string, LabSubmission>,
  submissionId: string,
  from: LabSubmission['status'],
  to: LabSubmission['status'],
): Record<string, LabSubmission> {
  const submission = submissions[submissionId];
  if (!submission || submission.status !== from) return submissions;
  return { ...submissions, [submissionId]: { ...submission, status: to } };
}

/** Checked out and not back by the expected return time. Derived, so it needs no scheduler and no event. */
export function isOverdue(state: ItemState, now: Date): boolean {
  return (
    state.status === 'held' && state.whereabouts.kind === 'checked_out' && now.getTime() > Date.parse(state.whereabouts.expectedReturnAt)
  );
}

/** Whether an inventory of `scope` should find this item: it is held and checked in there. */
export function isExpectedAt(state: ItemState, scope: StorageLocation): boolean {
  return state.status === 'held' && state.whereabouts.kind === 'in_storage' && isWithin(state.whereabouts.location, scope);
}
